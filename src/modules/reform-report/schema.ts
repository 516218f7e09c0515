import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type { ReportFigures } from './report-figures.ts';

// Yearly reform reports (báo cáo CCHC năm): one per agency (a ward reports through its people's committee),
// year and reform plan, with the figures the system knew when it was created or last refreshed, text per task
// area of the plan, and an append-only history. `owner_unit_id` is the reporting agency's unit.

export const reportStatuses = ['draft', 'submitted', 'returned', 'resubmitted', 'accepted'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const reformReports = pgTable(
  'reform_reports',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    year: smallint('year').notNull(),
    status: varchar('status', { length: 12 }).$type<ReportStatus>().notNull(),
    /** Snapshot of the system's figures for the year: frozen once submitted. */
    figures: jsonb('figures').$type<ReportFigures>().notNull(),
    figuresAt: timestamp('figures_at', { withTimezone: true }).notNull(),
    /** Text per task area of the plan, keyed by area id. */
    areaTexts: jsonb('area_texts').$type<Record<string, string>>().notNull().default({}),
    summary: text('summary').notNull().default(''),
    difficulties: text('difficulties').notNull().default(''),
    proposals: text('proposals').notNull().default(''),
    /** The reform office's comments when it last returned the report. */
    reviewComment: text('review_comment'),
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    uniqueIndex('reform_reports_agency_year_idx').on(t.ownerUnitId, t.agencyId, t.planId, t.year),
    index('reform_reports_id_idx').on(t.id),
    // The reform office's list and the consolidation: all reports of a plan and year.
    index('reform_reports_year_idx').on(t.planId, t.year, t.status),
  ],
);

/** Every step of a report, append-only. */
export const reformReportEvents = pgTable(
  'reform_report_events',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    reportId: uuid('report_id').notNull(),
    action: varchar('action', { length: 30 }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('reform_report_events_report_idx').on(t.ownerUnitId, t.reportId, t.id),
  ],
);
