// The back office's queue and item page.
import { and, asc, count, desc, eq, inArray, like, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { notFound } from '../../platform/http/errors.ts';
import { searchTokens } from '../../platform/text/normalize.ts';
import type { Principal } from '../auth/permissions.ts';
import { agencies } from '../org/schema.ts';
import { actorsOf, type FeedbackRow, feedbackScope, loadVisibleItem } from './feedback-access.ts';
import { timelinessOf } from './feedback-deadline.ts';
import { ACTION_LABELS, availableActions, STATUS_LABELS, SUBJECT_KIND_LABELS } from './feedback-rules.ts';
import { findSimilar } from './find-similar.ts';
import { type FeedbackStatus, feedbackEvents, feedbackItems } from './schema.ts';

export interface OfficeListQuery {
  status?: FeedbackStatus | 'open' | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

const open = (s: FeedbackStatus) => s === 'received' || s === 'assigned';

async function agencyNames(db: Db, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(inArray(agencies.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function listOfficeFeedback(
  db: Db,
  principal: Principal,
  query: OfficeListQuery,
  now = new Date(),
) {
  const scope = feedbackScope(principal);
  if (scope !== 'all' && scope.length === 0) return { items: [], total: 0 };
  const f = feedbackItems;
  const filters: (SQL | undefined)[] = [
    scope === 'all' ? undefined : inArray(f.assignedAgencyId, scope),
    query.status === 'open'
      ? inArray(f.status, ['received', 'assigned'])
      : query.status
        ? eq(f.status, query.status)
        : undefined,
    query.overdue ? and(eq(f.status, 'assigned'), lt(f.dueAt, now)) : undefined,
    ...searchTokens(query.q ?? '').map((t) => like(f.searchText, `%${t}%`)),
  ];
  const where = and(...filters);
  const rows = await db
    .select()
    .from(f)
    .where(where)
    // Open items first, the most urgent deadline first; new unassigned items lead the reform office's queue.
    .orderBy(
      sql`case when ${f.status} in ('received', 'assigned') then 0 else 1 end`,
      sql`${f.dueAt} asc nulls first`,
      desc(f.createdAt),
    )
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await db.select({ n: count() }).from(f).where(where);
  const names = await agencyNames(
    db,
    rows.map((r) => r.assignedAgencyId),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      title: r.title,
      subjectKind: r.subjectKind,
      subjectKindLabel: SUBJECT_KIND_LABELS[r.subjectKind],
      status: r.status,
      statusLabel: STATUS_LABELS[r.status],
      agencyName: r.assignedAgencyId ? (names.get(r.assignedAgencyId) ?? null) : null,
      createdAt: r.createdAt,
      dueAt: r.dueAt,
      answeredAt: r.answeredAt,
      timeliness: timelinessOf({ dueAt: r.dueAt, answeredAt: r.answeredAt, open: open(r.status) }, now),
    })),
    total: Number(total?.n ?? 0),
  };
}

export async function viewOfficeFeedback(db: Db, principal: Principal, id: string, now = new Date()) {
  const item = await loadVisibleItem(db, principal, id);
  const events = await db
    .select()
    .from(feedbackEvents)
    .where(and(eq(feedbackEvents.ownerUnitId, item.ownerUnitId), eq(feedbackEvents.feedbackId, item.id)))
    .orderBy(asc(feedbackEvents.id));
  const names = await agencyNames(db, [item.assignedAgencyId, item.addressedAgencyId]);
  const actors = actorsOf(principal, item);
  // Possible duplicates are for the reform office, which closes them; an agency sees only its own items.
  const similar =
    open(item.status) && actors.has('classifier') ? await findSimilar(db, item, { excludeId: item.id }) : [];
  return {
    ...officeFacts(item, names, now),
    availableActions: availableActions(item.status, actors),
    similar,
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      actionLabel: ACTION_LABELS[e.action as keyof typeof ACTION_LABELS] ?? e.action,
      actorName: e.actorName,
      at: e.at,
      data: e.data,
    })),
  };
}

function officeFacts(item: FeedbackRow, names: Map<string, string>, now: Date) {
  return {
    id: item.id,
    code: item.code,
    version: item.version,
    subjectKind: item.subjectKind,
    subjectKindLabel: SUBJECT_KIND_LABELS[item.subjectKind],
    procedureCode: item.procedureCode,
    procedureName: item.procedureName,
    field: item.field,
    addressedAgencyName: item.addressedAgencyId ? (names.get(item.addressedAgencyId) ?? null) : null,
    title: item.title,
    content: item.content,
    attachments: item.attachments,
    sender: {
      name: item.senderName,
      phone: item.senderPhone,
      email: item.senderEmail,
      address: item.senderAddress,
      hasAccount: item.senderUserId !== null,
    },
    consentToPublish: item.consentToPublish,
    status: item.status,
    statusLabel: STATUS_LABELS[item.status],
    withinCompetence: item.withinCompetence,
    assignedAgencyId: item.assignedAgencyId,
    assignedAgencyName: item.assignedAgencyId ? (names.get(item.assignedAgencyId) ?? null) : null,
    assignedAt: item.assignedAt,
    responseDays: item.responseDays,
    dueAt: item.dueAt,
    timeliness: timelinessOf(
      { dueAt: item.dueAt, answeredAt: item.answeredAt, open: open(item.status) },
      now,
    ),
    answer: item.answer,
    answeredAt: item.answeredAt,
    answeredByName: item.answeredByName,
    containsPersonalData: item.containsPersonalData,
    publicContent: item.publicContent,
    publicAnswer: item.publicAnswer,
    publishedAt: item.publishedAt,
    rejectReason: item.rejectReason,
    duplicateOfCode: item.duplicateOfCode,
    satisfaction: item.satisfaction,
    satisfactionComment: item.satisfactionComment,
    ratedAt: item.ratedAt,
    createdAt: item.createdAt,
  };
}

/** An attachment's bytes, for an officer who may see the item. */
export async function officeAttachment(db: Db, principal: Principal, id: string, fileId: string) {
  const item = await loadVisibleItem(db, principal, id);
  const attachment = item.attachments.find((a) => a.fileId === fileId);
  if (!attachment) throw notFound('Không tìm thấy tệp đính kèm.');
  return attachment;
}
