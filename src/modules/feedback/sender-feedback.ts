// The sender's side: follow an item by code + check value (no account) or from the account, and say whether
// the answer satisfied them (once, changeable for 7 days).
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { SlidingWindowLimiter } from '../../platform/http/rate-limit.ts';
import type { Principal } from '../auth/permissions.ts';
import { checkMatches } from '../dossier/tracking-check.ts';
import { agencies } from '../org/schema.ts';
import type { SatisfactionInput } from './feedback.types.ts';
import type { FeedbackRow } from './feedback-access.ts';
import { timelinessOf } from './feedback-deadline.ts';
import {
  ratingChangeableUntil,
  ratingRefusal,
  STATUS_LABELS,
  SUBJECT_KIND_LABELS,
} from './feedback-rules.ts';
import { feedbackEvents, feedbackItems } from './schema.ts';

/** Like the dossier look-up: 30 a minute per client, 10 failures in 15 minutes (per process). */
const perMinute = new SlidingWindowLimiter(30, 60_000);
const failures = new SlidingWindowLimiter(10, 15 * 60_000);

const NOT_FOUND = 'Không tìm thấy phản ánh, kiến nghị với mã và mã kiểm tra đã nhập. Vui lòng kiểm tra lại.';
const TOO_MANY = 'Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau ít phút.';

async function byCodeAndCheck(db: Db, code: string, check: string, client: string): Promise<FeedbackRow> {
  // Every look-up counts as a failure until it succeeds, so parallel guesses cannot slip past the limit.
  if (!perMinute.hit(client) || !failures.hit(client)) throw new AppError('THROTTLED', TOO_MANY);
  const [row] = await db
    .select()
    .from(feedbackItems)
    .where(eq(feedbackItems.code, code.trim().toUpperCase()))
    .limit(1);
  if (!row || !checkMatches(check, { trackingCheck: row.trackingCheck, applicantPhone: null }))
    throw notFound(NOT_FOUND);
  failures.undo(client);
  return row;
}

async function ownItem(db: Db, principal: Principal, id: string): Promise<FeedbackRow> {
  const [row] = await db.select().from(feedbackItems).where(eq(feedbackItems.id, id)).limit(1);
  if (!row || row.senderUserId !== principal.userId) throw notFound('Không tìm thấy phản ánh, kiến nghị.');
  return row;
}

/** What the sender sees: their own text and the answer (published or not), never the officers' notes. */
async function senderView(db: Db, row: FeedbackRow, now: Date) {
  const [agency] = row.assignedAgencyId
    ? await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, row.assignedAgencyId))
    : [];
  const open = row.status === 'received' || row.status === 'assigned';
  const refusal = ratingRefusal(row, now);
  return {
    id: row.id,
    code: row.code,
    subjectKindLabel: SUBJECT_KIND_LABELS[row.subjectKind],
    procedureName: row.procedureName,
    title: row.title,
    content: row.content,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    agencyName: agency?.name ?? null,
    createdAt: row.createdAt,
    dueAt: row.dueAt,
    timeliness: timelinessOf({ dueAt: row.dueAt, answeredAt: row.answeredAt, open }, now),
    answer: row.answer,
    answeredAt: row.answeredAt,
    published: row.publishedAt !== null,
    rejectReason: row.rejectReason,
    duplicateOfCode: row.duplicateOfCode,
    canRate: refusal === null,
    satisfaction: row.satisfaction,
    satisfactionComment: row.satisfactionComment,
    ratedAt: row.ratedAt,
    changeableUntil: row.ratedAt ? ratingChangeableUntil(row.ratedAt) : null,
  };
}

export async function lookupFeedback(db: Db, code: string, check: string, client: string, now = new Date()) {
  return senderView(db, await byCodeAndCheck(db, code, check, client), now);
}

export async function viewMyFeedback(db: Db, principal: Principal, id: string, now = new Date()) {
  return senderView(db, await ownItem(db, principal, id), now);
}

export async function listMyFeedback(db: Db, principal: Principal, page: number, pageSize: number) {
  const where = eq(feedbackItems.senderUserId, principal.userId);
  const rows = await db
    .select({
      id: feedbackItems.id,
      code: feedbackItems.code,
      title: feedbackItems.title,
      status: feedbackItems.status,
      createdAt: feedbackItems.createdAt,
      answeredAt: feedbackItems.answeredAt,
      satisfaction: feedbackItems.satisfaction,
    })
    .from(feedbackItems)
    .where(where)
    .orderBy(desc(feedbackItems.createdAt))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db.select({ n: count() }).from(feedbackItems).where(where);
  return {
    items: rows.map((r) => ({ ...r, statusLabel: STATUS_LABELS[r.status] })),
    total: Number(total?.n ?? 0),
  };
}

async function rate(
  db: Db,
  row: FeedbackRow,
  input: SatisfactionInput,
  actorUserId: string | null,
  now: Date,
) {
  const refusal = ratingRefusal(row, now);
  if (refusal) throw new AppError(refusal.code === 'closed' ? 'CONFLICT' : 'RULE', refusal.message);
  const windowStart = new Date(now.getTime() - 7 * 24 * 3600 * 1000);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(feedbackItems)
      .set({
        satisfaction: input.satisfaction,
        satisfactionComment: input.comment ?? null,
        ratedAt: sql`coalesce(${feedbackItems.ratedAt}, ${now})`,
        ratingUpdatedAt: now,
        updatedAt: now,
      })
      .where(
        and(
          eq(feedbackItems.ownerUnitId, row.ownerUnitId),
          eq(feedbackItems.id, row.id),
          eq(feedbackItems.status, 'answered'),
          // A concurrent change that slipped past the window check still cannot reopen a closed rating.
          sql`(${feedbackItems.ratedAt} is null or ${feedbackItems.ratedAt} >= ${windowStart})`,
        ),
      )
      .returning({ id: feedbackItems.id });
    if (updated.length === 0)
      throw new AppError('CONFLICT', 'Không thể ghi nhận đánh giá; vui lòng tải lại trang.');
    await tx.insert(feedbackEvents).values({
      ownerUnitId: row.ownerUnitId,
      feedbackId: row.id,
      action: 'rate',
      actorUserId,
      at: now,
      data: { satisfaction: input.satisfaction, changed: row.ratedAt !== null },
    });
  });
  const [fresh] = await db
    .select()
    .from(feedbackItems)
    .where(and(eq(feedbackItems.ownerUnitId, row.ownerUnitId), eq(feedbackItems.id, row.id)));
  return senderView(db, fresh ?? row, now);
}

export async function rateByLookup(
  db: Db,
  code: string,
  check: string,
  client: string,
  input: SatisfactionInput,
  now = new Date(),
) {
  return rate(db, await byCodeAndCheck(db, code, check, client), input, null, now);
}

export async function rateMyFeedback(
  db: Db,
  principal: Principal,
  id: string,
  input: SatisfactionInput,
  now = new Date(),
) {
  return rate(db, await ownItem(db, principal, id), input, principal.userId, now);
}
