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

// Notifications to applicants and officers. The in-app message and one delivery row per external channel are
// written in the same transaction as the change they report (a transactional outbox); a worker sends the
// deliveries. A message is about a dossier (subject `dossier`, the applicant's messages) or another subject, e.g.
// a reform-plan task occurrence (subject `reform_occurrence`, reminders to officers), with a link to open.
// Large tables carry `owner_unit_id` (the dossier's or plan's owner unit) in their keys (Citus).

export const notificationChannels = ['email', 'sms', 'zalo'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/** What a message is about: a dossier (applicant notifications) or a reform-plan task occurrence (reminders). */
export const notificationSubjects = ['dossier', 'reform_occurrence', 'reform_plan'] as const;
export type NotificationSubject = (typeof notificationSubjects)[number];

export const deliveryStatuses = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** Each account's choice of external channels (in-app is always on). */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id').primaryKey(),
  email: boolean('email').notNull().default(true),
  sms: boolean('sms').notNull().default(false),
  zalo: boolean('zalo').notNull().default(false),
  /** The follower id of the user at the agency's Zalo Official Account. */
  zaloUserId: varchar('zalo_user_id', { length: 64 }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The message itself, shown in the applicant's in-app inbox (when the applicant has an account). */
export const notifications = pgTable(
  'notifications',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** null for applicants without an account (walk-ins): external channels only. */
    userId: uuid('user_id'),
    /** Set for dossier messages (subject `dossier`); null for other subjects. */
    dossierId: uuid('dossier_id'),
    /** The dossier event that caused it (dossier messages only). */
    eventId: bigint('event_id', { mode: 'number' }),
    subjectKind: varchar('subject_kind', { length: 20 })
      .$type<NotificationSubject>()
      .notNull()
      .default('dossier'),
    /** The subject's id (the dossier, the task occurrence, the plan). */
    subjectId: uuid('subject_id'),
    /** Where the in-app message leads (a path of the web app, e.g. `/quan-tri/viec-cua-co-quan`). */
    link: text('link'),
    kind: varchar('kind', { length: 30 }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('notifications_user_idx').on(t.userId, t.createdAt).where(sql`${t.userId} is not null`),
    index('notifications_dossier_idx').on(t.ownerUnitId, t.dossierId),
  ],
);

/** One row per message and external channel: the outbox the worker drains. */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    notificationId: uuid('notification_id').notNull(),
    /** Dossier messages only. */
    dossierId: uuid('dossier_id'),
    channel: varchar('channel', { length: 10 }).$type<NotificationChannel>().notNull(),
    /** Email address, phone number or Zalo follower id. */
    address: varchar('address', { length: 254 }).notNull(),
    /** Sent with the message (Message-ID, Idempotency-Key) so a retry after a crash is recognised downstream. */
    idempotencyKey: varchar('idempotency_key', { length: 120 }).notNull(),
    status: varchar('status', { length: 10 }).$type<DeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** A worker's claim: others skip the row until then (a crashed worker's claim simply expires). */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    providerMessageId: varchar('provider_message_id', { length: 200 }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    data: jsonb('data').$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    uniqueIndex('notification_deliveries_key_uq').on(t.ownerUnitId, t.idempotencyKey),
    // The worker's scan: due pending rows only.
    index('notification_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('notification_deliveries_dossier_idx').on(t.ownerUnitId, t.dossierId),
  ],
);
