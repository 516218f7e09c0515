import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

// Citizens' feedback (phản ánh, kiến nghị — PAKN; docs/kpi.md "Feedback"). Large tables carry `owner_unit_id`
// first in their keys like dossiers. It is fixed when the item is sent — the unit of the agency the sender
// addressed, or the deployment's top unit when none — because a Citus distribution column cannot change;
// the unit that handles the item after assignment is `handling_unit_id`, which the figures filter on.

export const feedbackSubjectKinds = ['procedure', 'regulation', 'conduct', 'other'] as const;
export type FeedbackSubjectKind = (typeof feedbackSubjectKinds)[number];

export const feedbackStatuses = ['received', 'assigned', 'answered', 'rejected', 'duplicate'] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];

export type FeedbackSatisfaction = 'satisfied' | 'dissatisfied';

export interface FeedbackAttachment {
  fileId: string;
  name: string;
  mime: string;
  sizeBytes: number;
}

export const feedbackItems = pgTable(
  'feedback_items',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** PAKN-YYYY-NNNNNN, from feedback_counters. */
    code: varchar('code', { length: 20 }).notNull(),
    /** With the code, lets the sender follow the item without an account. */
    trackingCheck: varchar('tracking_check', { length: 8 }).notNull(),
    subjectKind: varchar('subject_kind', { length: 12 }).$type<FeedbackSubjectKind>().notNull(),
    procedureCode: varchar('procedure_code', { length: 30 }),
    procedureName: text('procedure_name'),
    /** The agency the sender addressed (optional). */
    addressedAgencyId: uuid('addressed_agency_id'),
    title: text('title').notNull(),
    content: text('content').notNull(),
    attachments: jsonb('attachments').$type<FeedbackAttachment[]>().notNull().default([]),
    /** Folded title and content (platform/text/normalize): the public search reads it through a trigram index. */
    searchText: text('search_text').notNull(),
    /** Distinct folded words of title and content: candidates for duplicate detection (GIN index). */
    terms: text('terms').array().notNull(),
    senderUserId: uuid('sender_user_id'),
    senderName: text('sender_name'),
    senderPhone: varchar('sender_phone', { length: 15 }),
    senderEmail: varchar('sender_email', { length: 254 }),
    senderAddress: text('sender_address'),
    /** The sender agrees that the question and its answer are published (never their name or contacts). */
    consentToPublish: boolean('consent_to_publish').notNull(),
    status: varchar('status', { length: 12 }).$type<FeedbackStatus>().notNull(),
    /** Set when classified: true when the matter is within the competence of the deployment's offices. */
    withinCompetence: boolean('within_competence'),
    /** Field (lĩnh vực) chosen when classified. */
    field: text('field'),
    assignedAgencyId: uuid('assigned_agency_id'),
    /** The unit of the assigned agency, else the owner unit: what figures filter by. */
    handlingUnitId: uuid('handling_unit_id').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    responseDays: smallint('response_days'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by'),
    answeredByName: text('answered_by_name'),
    /** The officer marked the answer (or the question) as containing personal data: not published as is. */
    containsPersonalData: boolean('contains_personal_data'),
    /** Edited public versions; null = the original text. */
    publicContent: text('public_content'),
    publicAnswer: text('public_answer'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    rejectReason: text('reject_reason'),
    duplicateOfId: uuid('duplicate_of_id'),
    duplicateOfCode: varchar('duplicate_of_code', { length: 20 }),
    satisfaction: varchar('satisfaction', { length: 12 }).$type<FeedbackSatisfaction>(),
    satisfactionComment: text('satisfaction_comment'),
    /** The first rating: changes are allowed for 7 days from it. */
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    ratingUpdatedAt: timestamp('rating_updated_at', { withTimezone: true }),
    idempotencyKey: varchar('idempotency_key', { length: 100 }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('feedback_items_id_idx').on(t.id),
    index('feedback_items_code_idx').on(t.code),
    index('feedback_items_idempotency_idx').on(t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
    index('feedback_items_sender_idx')
      .on(t.senderUserId, t.createdAt)
      .where(sql`${t.senderUserId} is not null`),
    // Queues: the reform office's (by status, newest), each agency's (by due date).
    index('feedback_items_status_idx').on(t.status, t.createdAt),
    index('feedback_items_agency_idx').on(t.assignedAgencyId, t.status, t.dueAt),
    // The public list: published answers, newest first.
    index('feedback_items_published_idx').on(t.publishedAt).where(sql`${t.publishedAt} is not null`),
    index('feedback_items_terms_idx').using('gin', t.terms),
    // pg_trgm is loaded on both databases (migration 0001, platform/db/connect.ts).
    index('feedback_items_search_trgm').using('gin', t.searchText.op('gin_trgm_ops')),
    // Figures: by handling unit or agency over a period of sending.
    index('feedback_items_unit_period_idx').on(t.handlingUnitId, t.createdAt),
    index('feedback_items_agency_period_idx').on(t.assignedAgencyId, t.createdAt),
  ],
);

/** Every step of every item, append-only (never updated or deleted). */
export const feedbackEvents = pgTable(
  'feedback_events',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    feedbackId: uuid('feedback_id').notNull(),
    action: varchar('action', { length: 30 }).notNull(),
    /** null for the sender without an account. */
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('feedback_events_item_idx').on(t.ownerUnitId, t.feedbackId, t.id),
  ],
);

/** The yearly sequence behind the codes (PAKN-2026-000123). */
export const feedbackCounters = pgTable('feedback_counters', {
  year: smallint('year').primaryKey(),
  last: integer('last').notNull(),
});
