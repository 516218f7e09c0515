import { z } from 'zod';
import { dossierCounters } from './counters.ts';
import type { DrillMetric } from './formulas.ts';

// Query fields of the indicator endpoints, validated at the edge with Vietnamese messages.

/** A procedure by its id or by its national code (e.g. 1.001193), the key the catalog API shows. */
const procedureRef = z.union(
  [
    z.uuid(),
    z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z._-]{1,30}$/),
  ],
  'Mã thủ tục không hợp lệ.',
);

const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng phải có dạng YYYY-MM.');

/** At most five years in one figure (the aggregates hold any range; the charts stay readable). */
export const MAX_MONTHS = 60;

export function defaultPeriod(now: Date): { from: string; to: string } {
  const d = new Date(now.getTime() + 7 * 3_600_000);
  const y = d.getUTCFullYear();
  return { from: `${y}-01`, to: `${y}-${String(d.getUTCMonth() + 1).padStart(2, '0')}` };
}

function monthsSpan(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

export const figureQuerySchema = z
  .object({
    unit: z.uuid('Mã đơn vị hành chính không hợp lệ.').optional(),
    view: z
      .enum(['historical', 'current'], 'Cách tổ chức phải là historical hoặc current.')
      .default('current'),
    from: yearMonth.optional(),
    to: yearMonth.optional(),
    agency: z.uuid('Mã cơ quan không hợp lệ.').optional(),
    procedure: procedureRef.optional(),
    field: z.string().trim().min(1).max(200, 'Lĩnh vực quá dài.').optional(),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to) {
      const span = monthsSpan(q.from, q.to);
      if (span < 1)
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: 'Tháng kết thúc phải từ tháng bắt đầu trở đi.',
        });
      else if (span > MAX_MONTHS)
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: `Khoảng thời gian dài tối đa ${MAX_MONTHS} tháng.`,
        });
    }
  });
export type FigureQueryInput = z.infer<typeof figureQuerySchema>;

export const drillMetrics = [
  ...dossierCounters,
  'ratings',
  'ratingsSatisfied',
  'openNow',
  'overdueNow',
] as const satisfies readonly DrillMetric[];

export const drillQuerySchema = z.object({
  unit: z.uuid('Mã đơn vị hành chính không hợp lệ.').optional(),
  view: z.enum(['historical', 'current'], 'Cách tổ chức phải là historical hoặc current.').default('current'),
  from: yearMonth,
  to: yearMonth,
  agency: z.uuid('Mã cơ quan không hợp lệ.').optional(),
  procedure: procedureRef.optional(),
  field: z.string().trim().min(1).max(200, 'Lĩnh vực quá dài.').optional(),
  metrics: z
    .string()
    .transform((s) => s.split(',').map((m) => m.trim()))
    .pipe(
      z.array(z.enum(drillMetrics, 'Chỉ số cần xem chi tiết không hợp lệ.')).min(1).max(drillMetrics.length),
    ),
  page: z.coerce.number().int().min(1, 'Trang phải từ 1.').default(1),
  pageSize: z.coerce.number().int().min(1).max(200, 'Mỗi trang tối đa 200 hồ sơ.').default(50),
  format: z.enum(['json', 'xlsx'], 'Định dạng phải là json hoặc xlsx.').default('json'),
});
