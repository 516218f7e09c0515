import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { insertSelectFrom } from '../../platform/db/insert-select.ts';
import { withDossierEventAudit } from '../audit/dossier-events.ts';
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

type EventDraft = Omit<DossierEventDraft, 'action'> & { action: string };

/** The stored row of a lifecycle event, or of a system event outside the state machine (deadlines recomputed). */
export function eventRow(ownerUnitId: string, event: EventDraft): typeof dossierEvents.$inferInsert {
  return {
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
  };
}

export async function appendEvent(tx: DbOrTx, ownerUnitId: string, ...events: EventDraft[]) {
  const insert = tx.insert(dossierEvents).values(events.map((e) => eventRow(ownerUnitId, e)));
  await tx.execute(withDossierEventAudit([], insert.getSQL()));
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
  const day = isoFromDay(vnDayOfMs(at.getTime()));
  // One round trip: the counter is bumped and the agency's identifier read in the same statement.
  const bump = tx
    .insert(dossierCodeCounters)
    .values({ agencyId, day, last: 1 })
    .onConflictDoUpdate({
      target: [dossierCodeCounters.agencyId, dossierCodeCounters.day],
      set: { last: sql`${dossierCodeCounters.last} + 1` },
    })
    .returning({ last: dossierCodeCounters.last });
  const result = await tx.execute(
    sql`with bumped as (${bump.getSQL()})
      select ${agencies.identifierCode} as identifier_code, bumped.last from ${agencies}, bumped
      where ${agencies.id} = ${agencyId}`,
  );
  const [counter] = (result as unknown as { rows: { identifier_code: string | null; last: number }[] }).rows;
  if (!counter?.identifier_code) throw new Error(`agency ${agencyId} has no identifier code`);
  return formatDossierCode(
    { agencyIdentifier: counter.identifier_code, receivedOn: day, sequence: Number(counter.last) },
    template,
  );
}

export async function loadDossierForUpdate(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(dossiers).where(eq(dossiers.id, id)).for('update');
  return row;
}

export async function loadDossier(db: DbOrTx, id: string) {
  const [row] = await db.select().from(dossiers).where(eq(dossiers.id, id));
  return row;
}

/**
 * The snapshot's derived columns for an UPDATE. When the dossier moves to another agency or role, its assignee is
 * cleared (the SET expressions read the row as it was): the new holder's queue takes it up unassigned.
 */
function updatedColumns(snapshot: DossierSnapshot) {
  const columns = columnsOf(snapshot);
  return {
    ...columns,
    assigneeUserId: sql`case when ${dossiers.currentAgencyId} is not distinct from ${columns.currentAgencyId}::uuid
      and ${dossiers.currentRole} is not distinct from ${columns.currentRole}::varchar
      then ${dossiers.assigneeUserId} else null end`,
  };
}

/** Saves a snapshot and its derived columns (the caller holds the row lock). */
export async function saveSnapshot(tx: DbOrTx, ownerUnitId: string, snapshot: DossierSnapshot) {
  await tx
    .update(dossiers)
    .set(updatedColumns(snapshot))
    .where(and(eq(dossiers.ownerUnitId, ownerUnitId), eq(dossiers.id, snapshot.id)));
}

/**
 * Saves a transition in one statement, without a row lock: the snapshot only if the stored version is still
 * `expectedVersion`, and its event only if the snapshot was saved. Returns the event's id, or null when another
 * request updated the dossier first (the caller answers a conflict; nothing was written).
 */
export async function commitTransition(
  db: DbOrTx,
  ownerUnitId: string,
  expectedVersion: number,
  snapshot: DossierSnapshot,
  event: EventDraft,
): Promise<number | null> {
  const update = db
    .update(dossiers)
    .set(updatedColumns(snapshot))
    .where(
      and(
        eq(dossiers.ownerUnitId, ownerUnitId),
        eq(dossiers.id, snapshot.id),
        eq(dossiers.version, expectedVersion),
      ),
    )
    .returning({ id: dossiers.id });
  const result = await db.execute(
    withDossierEventAudit(
      [sql`saved as (${update.getSQL()})`],
      insertSelectFrom(dossierEvents, eventRow(ownerUnitId, event), 'saved'),
    ),
  );
  // node-postgres and PGlite both answer `{ rows }`; bigserial arrives as a string from node-postgres.
  const [saved] = (result as unknown as { rows: { id: string | number }[] }).rows;
  return saved ? Number(saved.id) : null;
}
