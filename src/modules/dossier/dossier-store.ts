import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { isoFromDay, vnDayOfMs } from '../calendar/day.ts';
import { agencies } from '../org/schema.ts';
import { formatDossierCode } from './dossier-code.ts';
import type { DossierEventDraft } from './lifecycle/event.ts';
import type { DossierSnapshot } from './lifecycle/snapshot.ts';
import { queueHolder } from './queue-holder.ts';
import { dossierCodeCounters, dossierEvents, dossiers } from './schema.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** The columns kept beside the snapshot for queries (queues, reports), all derived from it. */
export function columnsOf(s: DossierSnapshot) {
  const holder = queueHolder(s);
  const date = (v: string | null | undefined) => (v ? new Date(v) : null);
  return {
    code: s.code,
    ruleProfile: s.ruleProfile,
    state: s.state,
    channel: s.channel,
    currentAgencyId: holder?.agencyId ?? null,
    currentRole: holder?.role ?? null,
    submittedAt: date(s.submittedAt),
    receivedAt: date(s.receivedAt),
    dueAt: date(s.dueAt),
    resolvedAt: date(s.decision?.at),
    returnedAt: date(s.returnedAt),
    snapshot: s,
    version: s.version,
    updatedAt: new Date(),
  };
}

/** Lifecycle events, plus system events outside the state machine (e.g. deadlines recomputed). */
export async function appendEvent(
  tx: DbOrTx,
  ownerUnitId: string,
  event: Omit<DossierEventDraft, 'action'> & { action: string },
) {
  await tx.insert(dossierEvents).values({
    ownerUnitId,
    dossierId: event.dossierId,
    action: event.action,
    fromState: event.fromState,
    toState: event.toState,
    at: new Date(event.at),
    actorUserId: event.actor.userId.includes(':') ? null : event.actor.userId,
    actorRole: event.actor.role,
    actorAgencyId: event.actor.agencyId,
    reason: event.reasons.length ? event.reasons.join('\n') : null,
    comment: event.comment,
    data: {
      ...event.data,
      ...(event.form ? { form: event.form } : {}),
      onBehalfOfApplicant: event.actor.onBehalfOfApplicant,
    },
  });
}

/**
 * The next dossier code of a receiving agency for the Vietnam-local day of `at`: the per-day counter is
 * incremented in the caller's transaction, so a failed receipt does not consume a number.
 */
export async function nextDossierCode(
  tx: DbOrTx,
  agencyId: string,
  at: Date,
  template?: string,
): Promise<string> {
  const [agency] = await tx
    .select({ identifierCode: agencies.identifierCode, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  if (!agency?.identifierCode) {
    throw new Error(`agency ${agencyId} has no identifier code`);
  }
  const day = isoFromDay(vnDayOfMs(at.getTime()));
  const [counter] = await tx
    .insert(dossierCodeCounters)
    .values({ agencyId, day, last: 1 })
    .onConflictDoUpdate({
      target: [dossierCodeCounters.agencyId, dossierCodeCounters.day],
      set: { last: sql`${dossierCodeCounters.last} + 1` },
    })
    .returning({ last: dossierCodeCounters.last });
  return formatDossierCode(
    { agencyIdentifier: agency.identifierCode, receivedOn: day, sequence: counter?.last ?? 1 },
    template,
  );
}

export async function loadDossierForUpdate(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(dossiers).where(eq(dossiers.id, id)).for('update');
  return row;
}

/**
 * Saves a snapshot and its derived columns. When the dossier moves to another agency or role, its assignee is
 * cleared (the SET expressions read the row as it was): the new holder's queue takes it up unassigned.
 */
export async function saveSnapshot(tx: DbOrTx, ownerUnitId: string, snapshot: DossierSnapshot) {
  const columns = columnsOf(snapshot);
  await tx
    .update(dossiers)
    .set({
      ...columns,
      assigneeUserId: sql`case when ${dossiers.currentAgencyId} is not distinct from ${columns.currentAgencyId}::uuid
        and ${dossiers.currentRole} is not distinct from ${columns.currentRole}::varchar
        then ${dossiers.assigneeUserId} else null end`,
    })
    .where(and(eq(dossiers.ownerUnitId, ownerUnitId), eq(dossiers.id, snapshot.id)));
}
