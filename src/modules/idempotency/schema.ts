import { index, integer, jsonb, pgTable, primaryKey, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * Responses of state-changing requests sent with an `Idempotency-Key`, written in the transaction of the change
 * itself: after a crash either both the change and its key are there (a retry replays the answer) or neither
 * (a retry does the work). Keyed by the principal who sent the request; rows expire after a day.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    principalId: uuid('principal_id').notNull(),
    key: varchar('key', { length: 100 }).notNull(),
    /** The route pattern (`POST /api/office/dossiers/:id/actions`). */
    route: varchar('route', { length: 160 }).notNull(),
    /** SHA-256 of the method, URL and body: the same key with another request is refused. */
    fingerprint: varchar('fingerprint', { length: 64 }).notNull(),
    status: integer('status').notNull(),
    response: jsonb('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.principalId, t.key] }),
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);
