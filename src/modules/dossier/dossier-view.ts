import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { users } from '../auth/schema.ts';
import { workingCalendar } from '../calendar/calendar-store.ts';
import { vnDayOfMs } from '../calendar/day.ts';
import { agencies } from '../org/schema.ts';
import { dossierPayment } from '../payments/index.ts';
import { interlinkRouteOf, nextInterlinkAgency } from '../procedure-review/index.ts';
import { actorOf } from './act-on-dossier.ts';
import { assignmentLabel, assignmentPermissions } from './assignment.ts';
import { agenciesOf, canSeeDossier } from './dossier-access.ts';
import { availableActions } from './lifecycle/available-actions.ts';
import { classify } from './lifecycle/classify.ts';
import { ACTION_LABELS, ROLE_LABELS } from './lifecycle/labels.ts';
import { getRuleProfile } from './lifecycle/profiles.ts';
import { STATE_LABELS } from './lifecycle/states.ts';
import { queueHolder, urgencyOf } from './queue-holder.ts';
import { dossierDocuments, dossierEvents, dossiers } from './schema.ts';

const stateLabel = (s: string) => STATE_LABELS[s as keyof typeof STATE_LABELS] ?? s;
const systemActionLabels: Record<string, string> = {
  recompute_deadlines: 'Tính lại hạn giải quyết do thay đổi lịch nghỉ',
};

/** Everything the dossier page shows: the record, its steps with their timing, its history and what I may do. */
export async function viewDossier(db: Db, principal: Principal, id: string, now = new Date()) {
  const [row] = await db.select().from(dossiers).where(eq(dossiers.id, id)).limit(1);
  if (!row || !canSeeDossier(principal, row.snapshot)) throw notFound('Không tìm thấy hồ sơ.');
  const s = row.snapshot;
  const [events, documents, calendar, route] = await Promise.all([
    db
      .select()
      .from(dossierEvents)
      .where(and(eq(dossierEvents.ownerUnitId, row.ownerUnitId), eq(dossierEvents.dossierId, id)))
      .orderBy(asc(dossierEvents.id)),
    db
      .select()
      .from(dossierDocuments)
      .where(and(eq(dossierDocuments.ownerUnitId, row.ownerUnitId), eq(dossierDocuments.dossierId, id)))
      .orderBy(asc(dossierDocuments.createdAt)),
    workingCalendar(db),
    interlinkRouteOf(db, row.procedureId),
  ]);
  const agencyIds = new Set([
    ...agenciesOf(s),
    ...events.flatMap((e) => (e.actorAgencyId ? [e.actorAgencyId] : [])),
  ]);
  const agencyRows = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(inArray(agencies.id, [...agencyIds]));
  const agencyName = new Map(agencyRows.map((a) => [a.id, a.name]));
  const actorIds = [
    ...new Set([
      ...events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])),
      ...(row.assigneeUserId ? [row.assigneeUserId] : []),
    ]),
  ];
  const actorRows = actorIds.length
    ? await db
        .select({ id: users.id, fullName: users.fullName })
        .from(users)
        .where(inArray(users.id, actorIds))
    : [];
  const actorName = new Map(actorRows.map((u) => [u.id, u.fullName]));
  const ref = (agencyId: string | null) =>
    agencyId ? { id: agencyId, name: agencyName.get(agencyId) ?? '' } : null;
  return {
    id: row.id,
    code: row.code,
    procedureCode: row.procedureCode,
    procedureName: row.procedureName,
    field: row.field,
    ruleProfile: s.ruleProfile,
    ruleProfileName: getRuleProfile(s.ruleProfile).name,
    state: s.state,
    stateLabel: stateLabel(s.state),
    channel: row.channel,
    applicant: {
      kind: row.applicantKind,
      fullName: row.applicantName,
      citizenId: row.applicantCitizenId,
      phone: row.applicantPhone,
      email: row.applicantEmail,
      address: row.applicantAddress,
    },
    assistingAgency: ref(s.assistingAgencyId),
    receivingAgency: ref(s.receivingAgencyId),
    competentAgency: ref(s.competentAgencyId),
    currentAgency: ref(row.currentAgencyId),
    currentRole: row.currentRole,
    assigneeUserId: row.assigneeUserId,
    assigneeName: row.assigneeUserId ? (actorName.get(row.assigneeUserId) ?? null) : null,
    ...assignmentPermissions(queueHolder(s), row.assigneeUserId, principal),
    feeAmountVnd: row.feeAmountVnd,
    payment: await dossierPayment(db, row, now),
    submittedAt: row.submittedAt,
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
    urgency: urgencyOf(s.state, row.dueAt, now, calendar),
    classification: classify(s, now),
    supplementCount: s.supplementCount,
    apology: s.apology,
    decision: s.decision,
    result: s.result,
    returnedAt: row.returnedAt,
    steps: s.steps.map((step) => ({
      index: step.index,
      name: step.name,
      actorRole: step.actorRole,
      actorRoleLabel: ROLE_LABELS[step.actorRole],
      agency: ref(step.agencyId),
      budgetHours: step.budgetHours,
      interlinked: step.interlinked,
      current: s.currentStepIndex === step.index,
      startedAt: step.startedAt,
      completedAt: step.completedAt,
      dueAt: step.dueAt,
      timing: stepTiming(step.completedAt, step.dueAt, now),
    })),
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      slot: d.slot,
      name: d.name,
      originals: d.originals,
      copies: d.copies,
      fileSha256: d.fileSha256,
      mime: d.mime,
      createdAt: d.createdAt,
    })),
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      actionLabel:
        e.action === 'assign'
          ? assignmentLabel(e.actorUserId, e.data)
          : (ACTION_LABELS[e.action as keyof typeof ACTION_LABELS] ??
            systemActionLabels[e.action] ??
            e.action),
      fromState: e.fromState,
      toState: e.toState,
      toStateLabel: stateLabel(e.toState),
      actorName: e.actorUserId ? (actorName.get(e.actorUserId) ?? null) : null,
      actorRole: e.actorRole,
      agencyName: e.actorAgencyId ? (agencyName.get(e.actorAgencyId) ?? null) : null,
      reason: e.reason,
      comment: e.comment,
      data: e.data ?? {},
    })),
    /** The procedure's interlinked route (procedure-review list) and the agency to transfer to next. */
    interlink: route
      ? {
          agencies: route.agencies,
          note: route.note,
          nextAgencyId: nextInterlinkAgency(
            route,
            row.currentAgencyId,
            s.steps.map((step) => step.agencyId),
          ),
        }
      : null,
    availableActions: availableActions(s, actorOf(principal), now, calendar).map((type) => ({
      type,
      label: ACTION_LABELS[type],
    })),
    version: row.version,
  };
}

/** early / on time / late for a finished step against its own budget; overdue for a running one. */
function stepTiming(completedAt: string | null, dueAt: string | null, now: Date) {
  if (!dueAt) return null;
  const due = new Date(dueAt).getTime();
  if (!completedAt) return now.getTime() > due ? 'overdue' : null;
  const done = new Date(completedAt).getTime();
  if (done > due) return 'late';
  // Early: finished on a day before the step's due day (Vietnam local days).
  return vnDayOfMs(done) < vnDayOfMs(due) ? 'early' : 'on_time';
}
