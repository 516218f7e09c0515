import { and, asc, count, eq, gte, isNotNull, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import { canSeeAgency, type Principal } from '../auth/permissions.ts';
import { civilFromDay, dayFromCivil, dayFromIso, msOfVnDay, vnDayOfMs } from '../calendar/day.ts';
import { type TrackingRow, trackingBookPdf, trackingBookXlsx } from '../forms/index.ts';
import { agencyInfos } from './dossier-forms-context.ts';
import { RULE_PROFILES, ruleProfileOn } from './lifecycle/profiles.ts';
import type { DossierSnapshot } from './lifecycle/snapshot.ts';
import { STATE_LABELS } from './lifecycle/states.ts';
import { dossiers } from './schema.ts';

// Sổ theo dõi hồ sơ of one desk over a period: the dossiers it received, in order of receipt.

/** The printer's own limit on rows. */
export const MAX_BOOK_ROWS = 20_000;

function dayFromIsoSafe(iso: string): number | null {
  try {
    return dayFromIso(iso);
  } catch {
    return null;
  }
}

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD.')
  .refine((v) => dayFromIsoSafe(v) !== null, 'Ngày không tồn tại.');

/** The same date a year later (29/2 → 1/3). */
const yearAfter = (day: number) => {
  const { year, month, day: d } = civilFromDay(day);
  return dayFromCivil(year + 1, month, 1) + d - 1;
};

/** The first day of the one-stop rules: no book (and no form numbering) exists before it. */
const FIRST_DAY = RULE_PROFILES.map((p) => p.validFrom).sort()[0] ?? '2018-06-21';

export const trackingBookQuery = z
  .object({
    agencyId: z.uuid('Mã cơ quan không hợp lệ.'),
    from: isoDay,
    to: isoDay,
    format: z.enum(['pdf', 'xlsx'], 'Định dạng phải là pdf hoặc xlsx.').default('pdf'),
  })
  .superRefine((q, ctx) => {
    const from = dayFromIsoSafe(q.from);
    const to = dayFromIsoSafe(q.to);
    if (from === null || to === null) return;
    if (to < from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.' });
    } else if (q.to < FIRST_DAY) {
      const first = FIRST_DAY.split('-').reverse().join('/');
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `Chưa có sổ theo dõi hồ sơ trước ngày ${first}.`,
      });
    } else if (to >= yearAfter(from)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'Mỗi lần chỉ xuất sổ theo dõi tối đa 1 năm.' });
    }
  });
export type TrackingBookQuery = z.infer<typeof trackingBookQuery>;

const text = (value: string | null | undefined, max: number) => value?.trim().slice(0, max) || undefined;
const instant = (value: string | null | undefined) => (value ? new Date(value) : undefined);
const vnYear = (ms: number) => civilFromDay(vnDayOfMs(ms)).year;

/** When the desk passed the dossier on: the start of the first step at another agency. */
function transferredAt(s: DossierSnapshot) {
  return instant(s.steps.find((step) => step.startedAt && step.agencyId !== s.receivingAgencyId)?.startedAt);
}

function note(s: DossierSnapshot): string | undefined {
  if (s.state === 'withdrawn' || s.state === 'stopped') return STATE_LABELS[s.state];
  if (s.decision?.outcome === 'rejected') return 'Từ chối giải quyết';
  return s.apology ? 'Có văn bản xin lỗi, hẹn lại ngày trả' : undefined;
}

type BookDossier = Pick<
  typeof dossiers.$inferSelect,
  'code' | 'procedureName' | 'applicantName' | 'applicantAddress' | 'applicantPhone' | 'snapshot'
> & { receivedAt: Date };

function trackingRow(d: BookDossier, sequence: number, leadAgency: string | undefined): TrackingRow {
  const s = d.snapshot;
  return {
    sequence,
    dossierCode: d.code ?? '',
    procedureName: text(d.procedureName, 1000) ?? '',
    setCount: 1,
    applicantName: text(d.applicantName, 200) ?? '',
    applicantAddress: text(d.applicantAddress, 500),
    applicantPhone: text(d.applicantPhone, 50),
    leadAgency: text(leadAgency, 300),
    receivedAt: d.receivedAt,
    appointmentAt: instant(s.clocks.legal.originalDueAt ?? s.dueAt) ?? d.receivedAt,
    transferredAt: transferredAt(s),
    resultReceivedAt: instant(s.result?.issuedAt),
    returnedAt: instant(s.returnedAt),
    resultChannel: s.returnChannel ?? undefined,
    note: note(s),
  };
}

/** Receptions of the agency from the start of `fromMs`'s year: the book's numbers run through the year. */
async function receivedEarlierInYear(db: Db, agencyId: string, fromMs: number): Promise<number> {
  const yearStart = msOfVnDay(dayFromCivil(vnYear(fromMs), 1, 1), 0);
  const [row] = await db
    .select({ n: count() })
    .from(dossiers)
    .where(
      and(
        eq(dossiers.receivingAgencyId, agencyId),
        gte(dossiers.receivedAt, new Date(yearStart)),
        lt(dossiers.receivedAt, new Date(fromMs)),
      ),
    );
  return Number(row?.n ?? 0);
}

async function bookDossiers(db: Db, agencyId: string, fromMs: number, toMs: number) {
  const rows = await db
    .select({
      code: dossiers.code,
      procedureName: dossiers.procedureName,
      applicantName: dossiers.applicantName,
      applicantAddress: dossiers.applicantAddress,
      applicantPhone: dossiers.applicantPhone,
      competentAgencyId: dossiers.competentAgencyId,
      receivedAt: dossiers.receivedAt,
      snapshot: dossiers.snapshot,
    })
    .from(dossiers)
    .where(
      and(
        eq(dossiers.receivingAgencyId, agencyId),
        gte(dossiers.receivedAt, new Date(fromMs)),
        lt(dossiers.receivedAt, new Date(toMs)),
        isNotNull(dossiers.code),
      ),
    )
    .orderBy(asc(dossiers.receivedAt), asc(dossiers.id))
    .limit(MAX_BOOK_ROWS + 1);
  if (rows.length > MAX_BOOK_ROWS) {
    throw new AppError(
      'RULE',
      `Khoảng thời gian có hơn ${MAX_BOOK_ROWS.toLocaleString('vi-VN')} hồ sơ; vui lòng chọn khoảng ngắn hơn.`,
    );
  }
  return rows.flatMap((r) => (r.receivedAt ? [{ ...r, receivedAt: r.receivedAt }] : []));
}

/** The desk's tracking book for the period, as PDF or XLSX, for an officer of that agency. */
export async function trackingBook(db: Db, principal: Principal, q: TrackingBookQuery) {
  if (!canSeeAgency(principal, q.agencyId)) {
    throw forbidden('Bạn không có quyền xem sổ theo dõi hồ sơ của cơ quan này.');
  }
  const desk = (await agencyInfos(db, [q.agencyId])).get(q.agencyId);
  if (!desk) throw notFound('Không tìm thấy cơ quan.');
  const fromMs = msOfVnDay(dayFromIso(q.from), 0);
  const toMs = msOfVnDay(dayFromIso(q.to) + 1, 0);
  const [found, earlier] = await Promise.all([
    bookDossiers(db, q.agencyId, fromMs, toMs),
    receivedEarlierInYear(db, q.agencyId, fromMs),
  ]);
  const lead = await agencyInfos(db, new Set(found.map((d) => d.competentAgencyId)));
  let year = vnYear(fromMs);
  let sequence = earlier;
  const rows = found.map((d) => {
    const rowYear = vnYear(d.receivedAt.getTime());
    if (rowYear !== year) [year, sequence] = [rowYear, 0];
    sequence += 1;
    return trackingRow(d, sequence, lead.get(d.competentAgencyId)?.name);
  });
  const input = {
    // The forms in force at the end of the period.
    ruleProfile: ruleProfileOn(q.to).id,
    header: {
      agency: desk.name,
      parentAgency: desk.parentName ? desk.parentName.toLocaleUpperCase('vi') : undefined,
      place: desk.place,
    },
    desk: desk.name,
    period: { from: new Date(fromMs), to: new Date(toMs - 1000) },
    rows,
  };
  const filename = `so-theo-doi-ho-so-${q.from}-${q.to}.${q.format}`;
  return q.format === 'xlsx'
    ? {
        bytes: await trackingBookXlsx(input),
        filename,
        mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }
    : { bytes: await trackingBookPdf(input), filename, mime: 'application/pdf' };
}
