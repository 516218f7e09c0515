import { sql } from 'drizzle-orm';
import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { xid8 } from '../../platform/db/xid8.ts';
import type { DossierSnapshot } from './lifecycle/snapshot.ts';

// Large tables carry `owner_unit_id` (the administrative unit of the receiving agency): every query filters by
// it, and on Citus it is the distribution column, so primary and unique keys include it.

export const dossiers = pgTable(
  'dossiers',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** Mã hồ sơ, assigned at receipt. */
    code: varchar('code', { length: 60 }),
    /** Printed on the receipt beside the code: with it, anyone holding the receipt can track the dossier. */
    trackingCheck: varchar('tracking_check', { length: 8 }),
    procedureId: uuid('procedure_id').notNull(),
    procedureCode: varchar('procedure_code', { length: 30 }).notNull(),
    procedureName: text('procedure_name').notNull(),
    field: text('field').notNull(),
    ruleProfile: varchar('rule_profile', { length: 20 }).notNull(),
    state: varchar('state', { length: 40 }).notNull(),
    channel: varchar('channel', { length: 10 }).notNull(),
    assistingAgencyId: uuid('assisting_agency_id'),
    receivingAgencyId: uuid('receiving_agency_id').notNull(),
    competentAgencyId: uuid('competent_agency_id').notNull(),
    /** Agency and role whose queue holds the dossier now (null when nobody has to act). */
    currentAgencyId: uuid('current_agency_id'),
    currentRole: varchar('current_role', { length: 30 }),
    assigneeUserId: uuid('assignee_user_id'),
    applicantUserId: uuid('applicant_user_id'),
    applicantKind: varchar('applicant_kind', { length: 12 }).notNull(),
    applicantName: text('applicant_name').notNull(),
    applicantCitizenId: varchar('applicant_citizen_id', { length: 12 }),
    applicantPhone: varchar('applicant_phone', { length: 15 }),
    applicantEmail: varchar('applicant_email', { length: 254 }),
    applicantAddress: text('applicant_address'),
    feeAmountVnd: integer('fee_amount_vnd'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    /** The state machine's whole snapshot (src/modules/dossier/lifecycle). */
    snapshot: jsonb('snapshot').$type<DossierSnapshot>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    uniqueIndex('dossiers_code_uq').on(t.ownerUnitId, t.code).where(sql`${t.code} is not null`),
    // Look-ups by id alone (links, interlinked agencies in other units); on Citus a fan-out to each shard's index.
    index('dossiers_id_idx').on(t.id),
    // Work queues: one agency's (and role's) open dossiers by urgency. The holding agency may belong to another
    // unit than the owner (interlinked processing), so this index does not start with the owner unit.
    index('dossiers_queue_idx').on(t.currentAgencyId, t.currentRole, t.dueAt),
    // "All dossiers of my agency", newest first, read in index order from each side.
    index('dossiers_receiving_created_idx').on(t.receivingAgencyId, t.createdAt),
    // Only dossiers received by another agency: those received by the competent agency itself are on the other side.
    index('dossiers_competent_elsewhere_idx')
      .on(t.competentAgencyId, t.createdAt)
      .where(sql`${t.competentAgencyId} <> ${t.receivingAgencyId}`),
    // "My dossiers": an officer's assigned dossiers by urgency.
    index('dossiers_assignee_idx').on(t.assigneeUserId, t.dueAt).where(sql`${t.assigneeUserId} is not null`),
    index('dossiers_applicant_idx').on(t.applicantUserId),
    // Partial so that no statement looking a dossier up by (owner unit, id) can be planned on it: a generic plan
    // made while the table looked small picked it (equal cost to the primary key) and then read every dossier of
    // the unit on each transition. Period filters on received_at imply the predicate.
    index('dossiers_received_idx').on(t.ownerUnitId, t.receivedAt).where(sql`${t.receivedAt} is not null`),
    // The public look-up by code alone (on Citus a fan-out: the code does not name its unit reliably).
    index('dossiers_code_idx').on(t.code).where(sql`${t.code} is not null`),
    // Indicators and their drill-downs: a unit's dossiers decided in a period, and its open ones by due date.
    index('dossiers_resolved_idx').on(t.ownerUnitId, t.resolvedAt).where(sql`${t.resolvedAt} is not null`),
    // The state in the key: "open" and "past due outside a supplement wait" are counted from the index alone.
    index('dossiers_open_due_idx')
      .on(t.ownerUnitId, t.state, t.dueAt)
      .where(sql`${t.state} in ('received', 'in_progress', 'supplement_requested')`),
  ],
);

/** Append-only history: one row per transition, written in the same transaction as the state change. */
export const dossierEvents = pgTable(
  'dossier_events',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    dossierId: uuid('dossier_id').notNull(),
    action: varchar('action', { length: 40 }).notNull(),
    fromState: varchar('from_state', { length: 40 }),
    toState: varchar('to_state', { length: 40 }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorRole: varchar('actor_role', { length: 30 }),
    actorAgencyId: uuid('actor_agency_id'),
    reason: text('reason'),
    comment: text('comment'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    /** The writing transaction, set by the database: the indicator roll-up reads events in commit-safe order. */
    tx: xid8('tx').notNull().default(sql`pg_current_xact_id()`),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('dossier_events_dossier_idx').on(t.ownerUnitId, t.dossierId, t.id),
    index('dossier_events_tx_idx').on(t.tx, t.id),
  ],
);

/** Per receiving agency and day, the last sequence number used in dossier codes. */
export const dossierCodeCounters = pgTable(
  'dossier_code_counters',
  {
    agencyId: uuid('agency_id').notNull(),
    day: date('day').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.day] })],
);

/** Documents supplied with a dossier, against the procedure's required list; files are content-addressed. */
export const dossierDocuments = pgTable(
  'dossier_documents',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    dossierId: uuid('dossier_id').notNull(),
    kind: varchar('kind', { length: 20 }).notNull(), // 'submitted' | 'supplement' | 'result'
    /** The checklist item it answers (`<group>.<document>` in the procedure's required documents). */
    slot: varchar('slot', { length: 20 }),
    name: text('name').notNull(),
    originals: integer('originals').notNull().default(0),
    copies: integer('copies').notNull().default(0),
    fileSha256: varchar('file_sha256', { length: 64 }),
    mime: varchar('mime', { length: 60 }),
    sizeBytes: integer('size_bytes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('dossier_documents_dossier_idx').on(t.ownerUnitId, t.dossierId),
    // Serving a file means finding the dossiers it belongs to.
    index('dossier_documents_file_idx').on(t.fileSha256),
  ],
);

/** The procedure-specific answers of an online application (the form schema's fields). */
export const dossierFormData = pgTable(
  'dossier_form_data',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    data: jsonb('data').$type<Record<string, string | number>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ownerUnitId, t.dossierId] })],
);

/**
 * Idempotency keys of citizens' requests (`Idempotency-Key` header): a repeated request with the same key gets
 * the first answer again instead of creating or submitting twice.
 */
export const requestKeys = pgTable(
  'request_keys',
  {
    userId: uuid('user_id').notNull(),
    key: varchar('key', { length: 100 }).notNull(),
    /** What the key was used for (`create`, `action:<dossier id>`), so a key reused elsewhere is refused. */
    scope: varchar('scope', { length: 80 }).notNull(),
    dossierId: uuid('dossier_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);
