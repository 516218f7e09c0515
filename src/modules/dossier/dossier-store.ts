import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/connect.ts';
import { driverValue, executeNamed, preparedStatement } from '../../platform/db/prepared.ts';
import { withDossierEventAudit } from '../audit/dossier-events.ts';
import { normalizePhone } from '../auth/identifiers.ts';
import { isoFromDay, vnDayOfMs } from '../calendar/day.ts';
import { noticeCtes, noticeValues, type PlannedNotice } from '../notify/enqueue.ts';
import { agencies } from '../org/schema.ts';
import type { ApplicantInput } from './dossier.types.ts';
import { formatDossierCode } from './dossier-code.ts';
import type { DossierEventDraft } from './lifecycle/event.ts';
import type { DossierSnapshot } from './lifecycle/snapshot.ts';
import { queueHolder } from './queue-holder.ts';
import { dossierCodeCounters, dossierDocuments, dossierEvents, dossiers } from './schema.ts';
import { newTrackingCheck } from './tracking-check.ts';

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

/** Bumps a receiving agency's per-day counter and reads the agency's identifier, in one statement. */
const bumpCodeCounterStatement = preparedStatement<{ identifierCode: string | null; last: number }>(
  'dossier_code_counter_bump',
  () => {
    const counter = (column: PgColumn) => sql.identifier(column.name);
    return sql`with bumped as (
        insert into ${dossierCodeCounters} (${counter(dossierCodeCounters.agencyId)}, ${counter(dossierCodeCounters.day)}, ${counter(dossierCodeCounters.last)})
        values (${sql.placeholder('agencyId')}, ${sql.placeholder('day')}, 1)
        on conflict (${counter(dossierCodeCounters.agencyId)}, ${counter(dossierCodeCounters.day)})
        do update set ${counter(dossierCodeCounters.last)} = ${dossierCodeCounters.last} + 1
        returning ${counter(dossierCodeCounters.last)})
      select ${agencies.identifierCode} as "identifierCode", bumped.last from ${agencies}, bumped
      where ${agencies.id} = ${sql.placeholder('agencyId')}`;
  },
);

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
  const [counter] = await bumpCodeCounterStatement(tx, { agencyId, day });
  if (!counter?.identifierCode) throw new Error(`agency ${agencyId} has no identifier code`);
  return formatDossierCode(
    { agencyIdentifier: counter.identifierCode, receivedOn: day, sequence: Number(counter.last) },
    template,
  );
}

/** The procedure a new dossier is filed under, as the catalog names it at filing (kept when the catalog changes). */
export function procedureColumns(procedure: { id: string; code: string; name: string; field: string }) {
  return {
    procedureId: procedure.id,
    procedureCode: procedure.code,
    procedureName: procedure.name,
    field: procedure.field,
  } satisfies Partial<typeof dossiers.$inferInsert>;
}

/**
 * The applicant's columns of a new dossier as the applicant (or the desk, or another system) gave them: the phone
 * normalised, the email lower-cased, empty optional fields stored as null; with a fresh tracking check. The caller
 * has already refused an invalid phone or citizen ID.
 */
export function applicantColumns(applicant: ApplicantInput) {
  return {
    applicantKind: applicant.kind,
    applicantName: applicant.fullName,
    applicantCitizenId: applicant.citizenId || null,
    applicantPhone: applicant.phone ? normalizePhone(applicant.phone) : null,
    applicantEmail: applicant.email ? applicant.email.toLowerCase() : null,
    applicantAddress: applicant.address || null,
    trackingCheck: newTrackingCheck(),
  } satisfies Partial<typeof dossiers.$inferInsert>;
}

/**
 * A new dossier already past its first transitions (a desk's intake), its documents and its events, in one
 * statement. Returns the events' ids in the order given.
 */
export async function insertNewDossier(
  tx: DbOrTx,
  row: typeof dossiers.$inferInsert,
  documents: (typeof dossierDocuments.$inferInsert)[],
  events: EventDraft[],
  /** The applicant's notice of the event with this action, written by the same statement. */
  notice?: { action: string; notice: PlannedNotice | null; now: Date },
): Promise<number[]> {
  const parts = [sql`dossier as (${tx.insert(dossiers).values(row).getSQL()})`];
  if (documents.length)
    parts.push(sql`documents as (${tx.insert(dossierDocuments).values(documents).getSQL()})`);
  const insertEvents = tx.insert(dossierEvents).values(events.map((e) => eventRow(row.ownerUnitId, e)));
  const noticeParts = notice?.notice
    ? noticeCtes('audited_events', sql`${notice.action}`, noticeValues(notice.notice, notice.now))
    : [];
  // The events' audit entries (and the notice) are written by the same statement.
  const rows = await executeNamed<{ id: string | number }>(
    tx,
    withDossierEventAudit(parts, insertEvents.getSQL(), noticeParts),
  );
  // Event ids grow in insertion order; bigserial arrives as a string from node-postgres.
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
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

/** What an action needs of a stored dossier (a narrow read: the snapshot carries the rest). */
export interface ActionRow {
  ownerUnitId: string;
  procedureId: string;
  version: number;
  snapshot: DossierSnapshot;
}

const loadForActionStatement = preparedStatement<ActionRow>(
  'dossier_load_for_action',
  () => sql`select ${dossiers.ownerUnitId} as "ownerUnitId", ${dossiers.procedureId} as "procedureId",
    ${dossiers.version} as "version", ${dossiers.snapshot} as "snapshot"
    from ${dossiers} where ${dossiers.id} = ${sql.placeholder('id')}`,
);

export async function loadForAction(db: DbOrTx, id: string): Promise<ActionRow | undefined> {
  const [row] = await loadForActionStatement(db, { id });
  return row;
}

/** The columns a transition rewrites (all derived from the snapshot), in a fixed order for a prepared statement. */
const transitionColumns = [
  'code',
  'ruleProfile',
  'state',
  'channel',
  'currentAgencyId',
  'currentRole',
  'submittedAt',
  'receivedAt',
  'dueAt',
  'resolvedAt',
  'returnedAt',
  'snapshot',
  'version',
  'updatedAt',
] as const satisfies readonly (keyof ReturnType<typeof columnsOf>)[];

const eventColumns = [
  'ownerUnitId',
  'dossierId',
  'action',
  'fromState',
  'toState',
  'at',
  'actorUserId',
  'actorRole',
  'actorAgencyId',
  'reason',
  'comment',
  'data',
] as const satisfies readonly (keyof ReturnType<typeof eventRow>)[];

const placeholder = (prefix: string, key: string, column: PgColumn) =>
  sql`${sql.placeholder(`${prefix}${key}`)}::${sql.raw(column.getSQLType())}`;

/**
 * The snapshot's columns only if the stored version is still the expected one, then its event only if the
 * snapshot was saved. When the dossier moves to another agency or role, its assignee is cleared (the SET
 * expressions read the row as it was): the new holder's queue takes it up unassigned.
 */
/**
 * The digitised result of `issue_result`, a document of the dossier like any other (and how its file is found
 * again), written from the saved event: values `r_name`, `r_fileSha256`.
 */
const resultDocumentCte = () => {
  const d = dossierDocuments;
  const columns = [d.ownerUnitId, d.dossierId, d.kind, d.name, d.fileSha256].map((c) =>
    sql.identifier(c.name),
  );
  return sql`result_document as (insert into ${d} (${sql.join(columns, sql`, `)})
    select owner_unit_id, dossier_id, 'result', ${sql.placeholder('r_name')}::text,
      ${sql.placeholder('r_fileSha256')}::varchar from audited_events)`;
};

/** What a transition's statement writes besides the dossier, its event and the audit entry. */
interface CommitExtras {
  notice: boolean;
  resultDocument: boolean;
}

/** The transition's statement, with the applicant's notice (notify/enqueue.ts `noticeCtes`) and the result document as asked. */
function commitTransitionSql({ notice: withNotice, resultDocument }: CommitExtras) {
  const set = transitionColumns.map(
    (key) => sql`${sql.identifier(dossiers[key].name)} = ${placeholder('d_', key, dossiers[key])}`,
  );
  const assignee = sql`${sql.identifier(dossiers.assigneeUserId.name)} = case
    when ${dossiers.currentAgencyId} is not distinct from ${placeholder('d_', 'currentAgencyId', dossiers.currentAgencyId)}
    and ${dossiers.currentRole} is not distinct from ${placeholder('d_', 'currentRole', dossiers.currentRole)}
    then ${dossiers.assigneeUserId} else null end`;
  const names = eventColumns.map((key) => sql.identifier(dossierEvents[key].name));
  const values = eventColumns.map((key) => placeholder('e_', key, dossierEvents[key]));
  // The audit entry (and the notice) are written by the same statement, so a transition stays one round trip.
  return withDossierEventAudit(
    [
      sql`saved as (
      update ${dossiers} set ${sql.join([...set, assignee], sql`, `)}
      where ${dossiers.ownerUnitId} = ${sql.placeholder('ownerUnitId')} and ${dossiers.id} = ${sql.placeholder('id')}
        and ${dossiers.version} = ${sql.placeholder('expectedVersion')}
      returning ${dossiers.id})`,
    ],
    sql`insert into ${dossierEvents} (${sql.join(names, sql`, `)})
    select ${sql.join(values, sql`, `)} from saved`,
    [...(withNotice ? noticeCtes('audited_events') : []), ...(resultDocument ? [resultDocumentCte()] : [])],
  );
}

/** One prepared statement per combination of extras, built on first use. */
const commitStatements = new Map<string, ReturnType<typeof preparedStatement<{ id: string | number }>>>();
function commitStatement(extras: CommitExtras) {
  const name = `dossier_commit_transition${extras.notice ? '_notice' : ''}${extras.resultDocument ? '_result' : ''}`;
  let statement = commitStatements.get(name);
  if (!statement) {
    statement = preparedStatement<{ id: string | number }>(name, () => commitTransitionSql(extras));
    commitStatements.set(name, statement);
  }
  return statement;
}

/** The result document a transition writes (`issue_result`). */
export interface ResultDocument {
  name: string;
  fileSha256: string;
}

/**
 * Saves a transition in one statement, without a row lock: the snapshot only if the stored version is still
 * `expectedVersion`, and its event (with its audit entry and the applicant's `notice`, if any) only if the
 * snapshot was saved. Returns the event's id, or null when another request updated the dossier first (the caller
 * answers a conflict; nothing was written).
 */
export async function commitTransition(
  db: DbOrTx,
  ownerUnitId: string,
  expectedVersion: number,
  snapshot: DossierSnapshot,
  event: EventDraft,
  notice: PlannedNotice | null = null,
  resultDocument: ResultDocument | null = null,
): Promise<number | null> {
  const values: Record<string, unknown> = { ownerUnitId, id: snapshot.id, expectedVersion };
  const columns = columnsOf(snapshot);
  for (const key of transitionColumns) values[`d_${key}`] = driverValue(dossiers[key], columns[key]);
  const row = eventRow(ownerUnitId, event);
  for (const key of eventColumns) values[`e_${key}`] = driverValue(dossierEvents[key], row[key]);
  if (notice) Object.assign(values, noticeValues(notice, new Date(event.at)));
  if (resultDocument)
    Object.assign(values, { r_name: resultDocument.name, r_fileSha256: resultDocument.fileSha256 });
  const statement = commitStatement({ notice: notice !== null, resultDocument: resultDocument !== null });
  const [saved] = await statement(db, values);
  // bigserial arrives as a string from node-postgres.
  return saved ? Number(saved.id) : null;
}
