import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  jsonb,
  pgTable,
  primaryKey,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { xid8 } from '../../platform/db/xid8.ts';

// The append-only audit log (docs/security.md, "Audit log"). A business transaction inserts a raw entry (no
// hash); the sealer later links entries into one hash chain per unit, in commit order, and moves the chain's
// head row. Nothing here references other tables: the log must outlive any row it talks about.

export const auditEntries = pgTable(
  'audit_entries',
  {
    /** The owning administrative unit, which is also the chain (the Citus distribution key). */
    unitId: uuid('unit_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorRole: varchar('actor_role', { length: 30 }),
    actorAgencyId: uuid('actor_agency_id'),
    /** E.g. dossier.transition, dossier.personal_data_read, feedback.state_change, account.create. */
    action: varchar('action', { length: 60 }).notNull(),
    subjectType: varchar('subject_type', { length: 30 }).notNull(),
    subjectId: varchar('subject_id', { length: 100 }).notNull(),
    /** Small facts about the change (states, event id); never the personal data itself. */
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    /** The writing transaction: the sealer links entries below the commit horizon, in (tx, id) order. */
    tx: xid8('tx').notNull().default(sql`pg_current_xact_id()`),
    /** Position in the unit's chain, from 1; null until sealed. */
    seq: bigint('seq', { mode: 'number' }),
    prevHash: varchar('prev_hash', { length: 64 }),
    hash: varchar('hash', { length: 64 }),
    sealedAt: timestamp('sealed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.id] }),
    uniqueIndex('audit_entries_chain_uq').on(t.unitId, t.seq),
    index('audit_entries_pending_idx').on(t.tx, t.id).where(sql`${t.seq} is null`),
    index('audit_entries_subject_idx').on(t.unitId, t.subjectType, t.subjectId, t.id),
    // The back office lists newest first across units (keyset on id).
    index('audit_entries_id_idx').on(t.id),
  ],
);

/** The last sealed entry of each chain: deleting the newest entries leaves the head pointing past them. */
export const auditChainHeads = pgTable('audit_chain_heads', {
  unitId: uuid('unit_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  entryId: bigint('entry_id', { mode: 'number' }).notNull(),
  hash: varchar('hash', { length: 64 }).notNull(),
  sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull(),
});
