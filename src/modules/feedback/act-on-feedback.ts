// The back office's steps on an item: one conditional UPDATE (the version read) and its event, in a transaction.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, conflict, invalid } from '../../platform/http/errors.ts';
import { actorOf as auditActorOf } from '../audit/audit.types.ts';
import { recordAudit } from '../audit/record.ts';
import type { Principal } from '../auth/permissions.ts';
import { workingCalendar } from '../calendar/calendar-store.ts';
import { agencies } from '../org/schema.ts';
import type { FeedbackAction } from './feedback.types.ts';
import { actorsOf, type FeedbackRow, loadVisibleItem } from './feedback-access.ts';
import { DEFAULT_RESPONSE_DAYS, responseDue } from './feedback-deadline.ts';
import { isPublishable, refusal } from './feedback-rules.ts';
import { feedbackEvents, feedbackItems } from './schema.ts';

type Changes = Partial<typeof feedbackItems.$inferInsert>;

async function agencyOf(db: Db, id: string) {
  const [agency] = await db
    .select({ id: agencies.id, unitId: agencies.unitId, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.id, id));
  if (!agency) throw invalid('action.agencyId', 'Không tìm thấy cơ quan này.');
  return agency;
}

/** The column changes and the event data of an action (the rules were checked before). */
async function plan(
  db: Db,
  item: FeedbackRow,
  action: FeedbackAction,
  now: Date,
): Promise<{ changes: Changes; data: Record<string, unknown> }> {
  switch (action.type) {
    case 'assign':
    case 'reassign': {
      const agency = await agencyOf(db, action.agencyId);
      if (action.type === 'reassign' && agency.id === item.assignedAgencyId)
        throw invalid('action.agencyId', 'Phản ánh đang ở cơ quan này; vui lòng chọn cơ quan khác.');
      // The limit counts from the latest transfer (rules-2.md §1.3).
      const days = action.responseDays ?? item.responseDays ?? DEFAULT_RESPONSE_DAYS;
      const dueAt = responseDue(await workingCalendar(db), now, days);
      const changes: Changes = {
        status: 'assigned',
        withinCompetence: true,
        assignedAgencyId: agency.id,
        handlingUnitId: agency.unitId,
        assignedAt: now,
        responseDays: days,
        dueAt,
      };
      if (action.type === 'assign') {
        if (action.subjectKind) changes.subjectKind = action.subjectKind;
        if (action.field) changes.field = action.field;
      }
      return {
        changes,
        data: {
          agencyId: agency.id,
          agencyName: agency.name,
          responseDays: days,
          dueAt: dueAt.toISOString(),
          ...(action.type === 'assign'
            ? {
                subjectKind: changes.subjectKind ?? item.subjectKind,
                field: changes.field ?? item.field,
                note: action.note,
              }
            : { reason: action.reason, fromAgencyId: item.assignedAgencyId }),
        },
      };
    }
    case 'reject':
      return {
        changes: { status: 'rejected', withinCompetence: false, rejectReason: action.reason },
        data: { reason: action.reason },
      };
    case 'mark_duplicate': {
      const code = action.duplicateOfCode.toUpperCase();
      const [original] = await db
        .select({ id: feedbackItems.id, code: feedbackItems.code, status: feedbackItems.status })
        .from(feedbackItems)
        .where(eq(feedbackItems.code, code))
        .limit(1);
      if (!original || original.id === item.id)
        throw invalid(
          'action.duplicateOfCode',
          'Không tìm thấy phản ánh có mã này (hoặc là chính phản ánh này).',
        );
      if (original.status === 'rejected' || original.status === 'duplicate')
        throw new AppError(
          'RULE',
          'Phản ánh gốc đã bị từ chối hoặc chính nó là bản trùng; hãy chọn phản ánh gốc.',
        );
      return {
        changes: { status: 'duplicate', duplicateOfId: original.id, duplicateOfCode: original.code },
        data: { duplicateOfCode: original.code },
      };
    }
    case 'answer': {
      const next = {
        ...item,
        status: 'answered' as const,
        containsPersonalData: action.containsPersonalData,
        publicContent: action.publicContent ?? null,
        publicAnswer: action.publicAnswer ?? null,
      };
      const published = isPublishable(next);
      return {
        changes: {
          status: 'answered',
          answer: action.answer,
          answeredAt: now,
          containsPersonalData: action.containsPersonalData,
          publicContent: next.publicContent,
          publicAnswer: next.publicAnswer,
          publishedAt: published ? now : null,
        },
        data: { containsPersonalData: action.containsPersonalData, published },
      };
    }
    case 'publish': {
      const next = {
        ...item,
        publicContent: action.publicContent ?? null,
        publicAnswer: action.publicAnswer ?? null,
      };
      if (!item.consentToPublish)
        throw new AppError('RULE', 'Người gửi không đồng ý công khai nên phản ánh này không được công khai.');
      const published = isPublishable(next);
      if (!published)
        throw new AppError(
          'RULE',
          'Câu trả lời có thông tin cá nhân: vui lòng nhập cả nội dung phản ánh và câu trả lời đã lược bỏ thông tin cá nhân để công khai.',
        );
      return {
        changes: {
          publicContent: next.publicContent,
          publicAnswer: next.publicAnswer,
          publishedAt: item.publishedAt ?? now,
        },
        data: { edited: Boolean(next.publicContent || next.publicAnswer) },
      };
    }
  }
}

export async function actOnFeedback(
  db: Db,
  principal: Principal,
  id: string,
  version: number,
  action: FeedbackAction,
  now = new Date(),
): Promise<void> {
  const item = await loadVisibleItem(db, principal, id);
  const why = refusal(action.type, item.status, actorsOf(principal, item));
  if (why) throw new AppError('RULE', why);
  if (item.version !== version)
    throw conflict('Phản ánh vừa được người khác cập nhật. Vui lòng tải lại trang rồi thực hiện lại.');
  const { changes, data } = await plan(db, item, action, now);
  if (action.type === 'answer') {
    changes.answeredBy = principal.userId;
    changes.answeredByName = principal.fullName;
  }
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(feedbackItems)
      .set({ ...changes, version: sql`${feedbackItems.version} + 1`, updatedAt: now })
      .where(
        and(
          eq(feedbackItems.ownerUnitId, item.ownerUnitId),
          eq(feedbackItems.id, item.id),
          eq(feedbackItems.version, version),
        ),
      )
      .returning({ id: feedbackItems.id });
    if (updated.length === 0)
      throw conflict('Phản ánh vừa được người khác cập nhật. Vui lòng tải lại trang rồi thực hiện lại.');
    await tx.insert(feedbackEvents).values({
      ownerUnitId: item.ownerUnitId,
      feedbackId: item.id,
      action: action.type,
      actorUserId: principal.userId,
      actorName: principal.fullName,
      at: now,
      data,
    });
    await recordAudit(tx, {
      unitId: item.ownerUnitId,
      actor: auditActorOf(principal, [item.assignedAgencyId]),
      action: 'feedback.state_change',
      subjectType: 'feedback',
      subjectId: item.id,
      detail: { action: action.type, fromStatus: item.status, toStatus: changes.status ?? item.status },
      occurredAt: now,
    });
  });
}
