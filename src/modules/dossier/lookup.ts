import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { SlidingWindowLimiter } from '../../platform/http/rate-limit.ts';
import { agencies } from '../org/schema.ts';
import { classify } from './lifecycle/classify.ts';
import { STATE_LABELS } from './lifecycle/states.ts';
import { publicStepLabel } from './public-timeline.ts';
import { dossierEvents, dossiers } from './schema.ts';
import { checkMatches } from './tracking-check.ts';

// The public look-up: a dossier's status from its code and the check value on the receipt (or the last four
// digits of the applicant's phone). It never shows personal data, and it answers a wrong code and a wrong
// check alike, so it cannot be used to learn which codes exist.

/** 30 look-ups a minute per client, and 10 failed ones in 15 minutes. */
const perMinute = new SlidingWindowLimiter(30, 60_000);
const failures = new SlidingWindowLimiter(10, 15 * 60_000);

const NOT_FOUND =
  'Không tìm thấy hồ sơ với mã hồ sơ và mã kiểm tra đã nhập. Vui lòng đối chiếu lại với phiếu tiếp nhận và hẹn trả kết quả.';
const TOO_MANY = 'Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau ít phút.';

export async function lookupDossier(db: Db, code: string, check: string, client: string, now = new Date()) {
  // Every look-up counts as a failure until it succeeds, so parallel guesses cannot slip past the limit.
  if (!perMinute.hit(client) || !failures.hit(client)) throw new AppError('THROTTLED', TOO_MANY);
  const rows = await db.select().from(dossiers).where(eq(dossiers.code, code.trim().toUpperCase())).limit(5);
  const row = rows.find((r) => checkMatches(check, r));
  if (!row) throw notFound(NOT_FOUND);
  failures.undo(client);
  const s = row.snapshot;
  const events = await db
    .select({ at: dossierEvents.at, action: dossierEvents.action, toState: dossierEvents.toState })
    .from(dossierEvents)
    .where(and(eq(dossierEvents.ownerUnitId, row.ownerUnitId), eq(dossierEvents.dossierId, row.id)))
    .orderBy(asc(dossierEvents.id));
  const ids = [
    s.receivingAgencyId,
    s.competentAgencyId,
    ...(row.currentAgencyId ? [row.currentAgencyId] : []),
  ];
  const names = new Map(
    (
      await db
        .select({ id: agencies.id, name: agencies.name })
        .from(agencies)
        .where(inArray(agencies.id, ids))
    ).map((a) => [a.id, a.name]),
  );
  // The index clock (as the national portal counts): a dossier that needed an apology counts as late.
  const clock = classify(s, now).index;
  const late =
    s.apology !== null ||
    (clock.status !== 'not_counted' && (clock.result === 'late' || clock.result === 'overdue'));
  return {
    code: row.code ?? code,
    procedureCode: row.procedureCode,
    procedureName: row.procedureName,
    state: s.state,
    stateLabel: STATE_LABELS[s.state],
    receivingAgencyName: names.get(s.receivingAgencyId) ?? '',
    competentAgencyName: names.get(s.competentAgencyId) ?? '',
    currentAgencyName: row.currentAgencyId ? (names.get(row.currentAgencyId) ?? null) : null,
    submittedAt: row.submittedAt,
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
    resultReadyAt: s.result ? new Date(s.result.issuedAt) : null,
    returnedAt: row.returnedAt,
    onTime: late ? ('late' as const) : clock.status === 'resolved' ? ('on_time' as const) : null,
    steps: events.flatMap((e) => {
      const label = publicStepLabel(e.action);
      return label ? [{ at: e.at, label }] : [];
    }),
  };
}
