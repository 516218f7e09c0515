import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
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

// Exchange with other systems (the National Public Service Portal and any other front end): the clients and
// their keys, the inbound requests they made, the calls refused, and the status webhooks pushed to them.
// Clients, subscriptions, nonces and rejected calls are small tables; requests and deliveries follow the dossier's
// unit (`owner_unit_id` first) like the dossiers they belong to.

/** A system allowed to call the interop API. */
export const interopClients = pgTable('interop_clients', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** Public part of the API key (`mck_<keyId>_<secret>`), sent in `X-Motcua-Key-Id`. */
  keyId: varchar('key_id', { length: 40 }).notNull().unique(),
  /** SHA-256 (hex) of the whole API key: also the HMAC signing key (README, "Signing"). */
  keyHash: varchar('key_hash', { length: 64 }).notNull(),
  /** Source addresses allowed (CIDR, IPv4 or IPv6); empty = refuse every address. */
  allowedCidrs: text('allowed_cidrs').array().notNull().default(sql`'{}'::text[]`),
  /** Units whose agencies it may file to. */
  unitIds: uuid('unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
  /** Single receiving agencies it may file to (besides those of `unitIds`). */
  agencyIds: uuid('agency_ids').array().notNull().default(sql`'{}'::uuid[]`),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
  keyRotatedAt: timestamp('key_rotated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Nonces of signed requests seen within the timestamp window: a replayed request is refused. */
export const interopNonces = pgTable(
  'interop_nonces',
  {
    clientId: uuid('client_id').notNull(),
    nonce: varchar('nonce', { length: 100 }).notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.nonce] }), index('interop_nonces_seen_idx').on(t.seenAt)],
);

/** One row per dossier filed by a client: its external id is unique per client (duplicates get 409). */
export const interopRequests = pgTable(
  'interop_requests',
  {
    clientId: uuid('client_id').notNull(),
    externalId: varchar('external_id', { length: 100 }).notNull(),
    /** SHA-256 of the request body: a replay of the same request gets the first answer again. */
    bodyHash: varchar('body_hash', { length: 64 }).notNull(),
    ownerUnitId: uuid('owner_unit_id').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    sourceSystem: varchar('source_system', { length: 60 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clientId, t.externalId] }),
    index('interop_requests_dossier_idx').on(t.ownerUnitId, t.dossierId),
  ],
);

/** Calls refused before anything was done (unknown client, bad signature, replay, stale time, address). */
export const interopRejections = pgTable(
  'interop_rejections',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    clientId: uuid('client_id'),
    keyId: varchar('key_id', { length: 100 }),
    ip: varchar('ip', { length: 60 }).notNull(),
    method: varchar('method', { length: 10 }).notNull(),
    path: text('path').notNull(),
    status: integer('status').notNull(),
    reason: varchar('reason', { length: 30 }).notNull(),
    message: text('message').notNull(),
  },
  (t) => [index('interop_rejections_at_idx').on(t.at)],
);

/** A client's webhook: where status changes of dossiers in its scope are pushed. */
export const interopSubscriptions = pgTable('interop_subscriptions', {
  id: uuid('id').primaryKey().defaultRandom(),
  clientId: uuid('client_id').notNull(),
  url: text('url').notNull(),
  /** HMAC key of the `X-Motcua-Signature` header; shown once at creation. */
  secret: varchar('secret', { length: 100 }).notNull(),
  /** Event kinds pushed (`dossier.<action>`); empty = all. */
  eventKinds: text('event_kinds').array().notNull().default(sql`'{}'::text[]`),
  /** Units whose dossiers are pushed; empty = the client's whole scope. */
  unitIds: uuid('unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
  /** Only dossiers this client filed itself. */
  ownDossiersOnly: boolean('own_dossiers_only').notNull().default(false),
  active: boolean('active').notNull().default(true),
  /** Events of transactions below this id are not pushed (a new subscription starts from now). */
  fromTx: xid8('from_tx').notNull().default(sql`pg_current_xact_id()`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type InteropDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One webhook call to make: derived from a dossier event by the fan-out, sent by the sender. */
export const interopDeliveries = pgTable(
  'interop_deliveries',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    subscriptionId: uuid('subscription_id').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    /** The dossier event it tells (stable event id `<owner unit>:<event id>`). */
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    /** The event's position in the dossier's history (1, 2, …): receivers discard older ones. */
    sequence: integer('sequence').notNull(),
    kind: varchar('kind', { length: 60 }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: varchar('status', { length: 12 }).$type<InteropDeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** First try: retries stop (failed) once this is older than the retry window. */
    firstAttemptAt: timestamp('first_attempt_at', { withTimezone: true }),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    uniqueIndex('interop_deliveries_event_uq').on(t.ownerUnitId, t.eventId, t.subscriptionId),
    index('interop_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('interop_deliveries_dossier_idx').on(t.ownerUnitId, t.dossierId, t.subscriptionId, t.eventId),
    index('interop_deliveries_subscription_idx').on(t.subscriptionId, t.createdAt),
  ],
);

/** How far the fan-out has read dossier_events (same horizon rule as the indicator roll-up, decision 0007). */
export const interopFanoutState = pgTable('interop_fanout_state', {
  source: varchar('source', { length: 40 }).primaryKey(),
  lastTx: xid8('last_tx').notNull(),
  lastKey: varchar('last_key', { length: 60 }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
