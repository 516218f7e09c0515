import { z } from 'zod';
import { degreeLevels, staffCategories } from '../staff/schema.ts';
import { quotaKinds } from './headcount.ts';
import { positionGroups } from './schema.ts';

// Request and response shapes of the job positions and headcount API.

const text = (min: number, max: number, what: string) =>
  z
    .string(`Vui lòng nhập ${what.toLowerCase()}.`)
    .trim()
    .min(min, `Vui lòng nhập ${what.toLowerCase()}.`)
    .max(max, `${what} tối đa ${max} ký tự.`);
const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} tối đa ${max} ký tự.`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
const year = z
  .number('Vui lòng nhập năm.')
  .int('Năm phải là số nguyên.')
  .min(2000, 'Năm phải từ 2000 trở đi.')
  .max(2100, 'Năm không hợp lệ.');
const people = (what: string) =>
  z
    .number(`Vui lòng nhập ${what}.`)
    .int(`${what[0]?.toUpperCase()}${what.slice(1)} phải là số nguyên.`)
    .min(0, `${what[0]?.toUpperCase()}${what.slice(1)} không được âm.`)
    .max(5000, `${what[0]?.toUpperCase()}${what.slice(1)} quá lớn.`);
const version = z.number('Thiếu phiên bản dữ liệu.').int().min(0);

export const competencyLine = z.strictObject({
  kind: z.enum(['skill', 'certificate'], 'Loại yêu cầu phải là kỹ năng hoặc chứng chỉ.'),
  text: text(2, 300, 'Nội dung yêu cầu'),
});

export const positionInput = z.strictObject({
  agencyId: z.uuid('Vui lòng chọn cơ quan, đơn vị.'),
  code: text(1, 30, 'Mã vị trí').regex(
    /^[\p{L}\d._-]+$/u,
    'Mã vị trí chỉ gồm chữ, số, dấu chấm, gạch ngang.',
  ),
  name: text(2, 200, 'Tên vị trí'),
  group: z.enum(positionGroups, 'Vui lòng chọn nhóm vị trí việc làm.'),
  requiredDegree: z.enum(degreeLevels, 'Vui lòng chọn trình độ yêu cầu.'),
  requiredField: optionalText(200, 'Chuyên ngành yêu cầu'),
  competencies: z.array(competencyLine).max(30, 'Tối đa 30 yêu cầu.').default([]),
  headcount: people('số người cần').min(1, 'Vị trí cần ít nhất 1 người.'),
});
export type PositionInput = z.infer<typeof positionInput>;
export const positionUpdate = positionInput.omit({ agencyId: true }).extend({ version });
export type PositionUpdate = z.infer<typeof positionUpdate>;

export const holderInput = z.strictObject({
  officialId: z.uuid('Vui lòng chọn cán bộ.'),
  fromDate: z.iso.date('Ngày bố trí không hợp lệ (định dạng YYYY-MM-DD).').optional(),
});

export const quotaInput = z.strictObject({
  civilServants: people('biên chế công chức'),
  publicEmployees: people('số lượng viên chức'),
  contractStaff: people('số hợp đồng lao động'),
  decisionNumber: text(3, 60, 'Số quyết định giao biên chế'),
  decisionDate: z.iso.date('Ngày quyết định không hợp lệ (định dạng YYYY-MM-DD).').nullable().optional(),
  /** The version read; 0 when the year had no quota yet. */
  version,
});
export type QuotaInput = z.infer<typeof quotaInput>;

export const streamliningInput = z
  .strictObject({
    fromYear: year,
    toYear: year,
    targetPercent: z
      .number('Vui lòng nhập tỷ lệ tinh giản.')
      .int('Tỷ lệ tinh giản phải là số nguyên.')
      .min(0, 'Tỷ lệ tinh giản không được âm.')
      .max(100, 'Tỷ lệ tinh giản tối đa 100%.'),
    planned: z.array(z.strictObject({ year, reduction: people('số người tinh giản') })).max(20),
    decisionNumber: optionalText(60, 'Số văn bản'),
    version,
  })
  .refine((v) => v.toYear >= v.fromYear && v.toYear - v.fromYear < 10, {
    path: ['toYear'],
    message: 'Giai đoạn phải từ năm bắt đầu đến năm kết thúc, không quá 10 năm.',
  })
  .refine((v) => v.planned.every((p) => p.year >= v.fromYear && p.year <= v.toYear), {
    path: ['planned'],
    message: 'Số tinh giản từng năm phải nằm trong giai đoạn.',
  })
  .refine((v) => new Set(v.planned.map((p) => p.year)).size === v.planned.length, {
    path: ['planned'],
    message: 'Mỗi năm chỉ nhập một số tinh giản.',
  });
export type StreamliningInput = z.infer<typeof streamliningInput>;

export const agencyQuery = z.object({
  year: z.coerce
    .number('Năm không hợp lệ.')
    .int('Năm không hợp lệ.')
    .min(2000, 'Năm không hợp lệ.')
    .max(2100, 'Năm không hợp lệ.')
    .optional(),
});
export const summaryQuery = agencyQuery.extend({
  unitId: z.uuid('Mã đơn vị hành chính không hợp lệ.').optional(),
  view: z.enum(['historical', 'current']).default('current'),
});

const counts = z.object({
  civilServants: z.number(),
  publicEmployees: z.number(),
  contractStaff: z.number(),
});
const quotaLine = z.object({
  kind: z.enum(quotaKinds),
  quota: z.number().nullable(),
  actual: z.number(),
  vacancy: z.number(),
  over: z.number(),
});

export const holderView = z.object({
  officialId: z.string(),
  fullName: z.string(),
  category: z.enum(staffCategories),
  degreeLevel: z.enum(degreeLevels),
  fieldOfStudy: z.string().nullable(),
  fromDate: z.string(),
  /** Below the position's required degree. */
  belowDegree: z.boolean(),
});

export const positionView = z.object({
  id: z.string(),
  agencyId: z.string(),
  code: z.string(),
  name: z.string(),
  group: z.enum(positionGroups),
  requiredDegree: z.enum(degreeLevels),
  requiredField: z.string().nullable(),
  competencies: z.array(competencyLine),
  headcount: z.number(),
  version: z.number(),
  holders: z.array(holderView),
  balance: z.object({ needed: z.number(), held: z.number(), vacancy: z.number(), over: z.number() }),
});
export type PositionView = z.infer<typeof positionView>;

export const streamliningView = z.object({
  fromYear: z.number(),
  toYear: z.number(),
  decisionNumber: z.string().nullable(),
  version: z.number(),
  planned: z.array(z.object({ year: z.number(), reduction: z.number() })),
  progress: z.object({
    baseYear: z.number(),
    baseHeadcount: z.number(),
    targetPercent: z.number(),
    targetReduction: z.number(),
    achievedReduction: z.number(),
    met: z.boolean(),
    years: z.array(
      z.object({
        year: z.number(),
        planned: z.number(),
        cumulativePlanned: z.number(),
        headcount: z.number(),
        actual: z.number(),
        cumulativeActual: z.number(),
      }),
    ),
  }),
});

export const agencyView = z.object({
  agency: z.object({ id: z.string(), name: z.string() }),
  year: z.number(),
  asOf: z.string(),
  canManage: z.boolean(),
  canManageQuota: z.boolean(),
  positions: z.array(positionView),
  totals: z.object({ needed: z.number(), held: z.number(), vacancy: z.number(), over: z.number() }),
  quota: z
    .object({
      civilServants: z.number(),
      publicEmployees: z.number(),
      contractStaff: z.number(),
      decisionNumber: z.string(),
      decisionDate: z.string().nullable(),
      version: z.number(),
    })
    .nullable(),
  quotaLines: z.array(quotaLine),
  /** Serving officials with no position. */
  unassigned: z.array(
    z.object({
      officialId: z.string(),
      fullName: z.string(),
      category: z.enum(staffCategories),
      degreeLevel: z.enum(degreeLevels),
      position: z.string().nullable(),
    }),
  ),
  streamlining: streamliningView.nullable(),
});
export type AgencyView = z.infer<typeof agencyView>;

export const summaryRow = z.object({
  agencyId: z.string(),
  agencyName: z.string(),
  unitName: z.string(),
  positions: z.number(),
  needed: z.number(),
  held: z.number(),
  vacancy: z.number(),
  over: z.number(),
  quota: counts.nullable(),
  actual: counts,
  quotaVacancy: z.number(),
  quotaOver: z.number(),
});
export type SummaryRow = z.infer<typeof summaryRow>;

export const summaryView = z.object({
  scopeName: z.string(),
  year: z.number(),
  asOf: z.string(),
  rows: z.array(summaryRow),
  total: summaryRow.omit({ agencyId: true, agencyName: true, unitName: true }),
  streamlining: z.array(
    z.object({ year: z.number(), planned: z.number(), actual: z.number(), headcount: z.number() }),
  ),
});
export type SummaryView = z.infer<typeof summaryView>;
