import {
  date,
  doublePrecision,
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

// Procedure review and simplification (plan 2021–2025, III.3): yearly review plans of a unit, one review item
// per procedure (who reviews, by when, the burdens found), proposals with their decision, and the list of
// procedures that must be processed interlinked. Plans, items and proposals carry `owner_unit_id` (the plan's
// unit) first in their key; the interlinked list is a small reference table.

export const reviewPlanStatuses = ['draft', 'active', 'closed'] as const;
export type ReviewPlanStatus = (typeof reviewPlanStatuses)[number];
export const reviewItemStatuses = ['planned', 'in_progress', 'done'] as const;
export type ReviewItemStatus = (typeof reviewItemStatuses)[number];
export const burdenKinds = ['document', 'step', 'visit', 'time', 'cost'] as const;
export type BurdenKind = (typeof burdenKinds)[number];
export const proposalKinds = ['remove', 'merge', 'shorten_time', 'make_online', 'interlink'] as const;
export type ProposalKind = (typeof proposalKinds)[number];
export const proposalStatuses = ['proposed', 'submitted', 'approved', 'rejected', 'implemented'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

export interface Burden {
  kind: BurdenKind;
  description: string;
}

export const procedureReviewPlans = pgTable(
  'procedure_review_plans',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    year: smallint('year').notNull(),
    title: text('title').notNull(),
    status: varchar('status', { length: 10 }).$type<ReviewPlanStatus>().notNull(),
    /** What one working day of a citizen is worth (VND), for the estimated saving. */
    citizenDayValueVnd: integer('citizen_day_value_vnd').notNull(),
    /** What one trip to an office costs a citizen (VND): travel and time. */
    visitCostVnd: integer('visit_cost_vnd').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('procedure_review_plans_id_idx').on(t.id),
    uniqueIndex('procedure_review_plans_title_uq').on(t.ownerUnitId, t.year, t.title),
  ],
);

/** One procedure in a plan: who reviews it, by when, and the review record (burdens found). */
export const procedureReviewItems = pgTable(
  'procedure_review_items',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    procedureId: uuid('procedure_id').notNull(),
    /** The agency that reviews the procedure. */
    agencyId: uuid('agency_id').notNull(),
    officerName: text('officer_name'),
    dueDate: date('due_date').notNull(),
    status: varchar('status', { length: 12 }).$type<ReviewItemStatus>().notNull(),
    burdens: jsonb('burdens').$type<Burden[]>().notNull().default([]),
    conclusion: text('conclusion'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('procedure_review_items_id_idx').on(t.id),
    uniqueIndex('procedure_review_items_plan_procedure_uq').on(t.ownerUnitId, t.planId, t.procedureId),
    index('procedure_review_items_agency_idx').on(t.ownerUnitId, t.agencyId),
  ],
);

/** A simplification proposal of a review, with its decision and the saving per dossier it promises. */
export const procedureReviewProposals = pgTable(
  'procedure_review_proposals',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    itemId: uuid('item_id').notNull(),
    kind: varchar('kind', { length: 14 }).$type<ProposalKind>().notNull(),
    description: text('description').notNull(),
    status: varchar('status', { length: 12 }).$type<ProposalStatus>().notNull(),
    decisionNumber: varchar('decision_number', { length: 60 }),
    decisionDate: date('decision_date'),
    /** Working days a citizen no longer waits, per dossier. */
    daysSaved: doublePrecision('days_saved').notNull().default(0),
    /** Trips to an office a citizen no longer makes, per dossier. */
    visitsSaved: smallint('visits_saved').notNull().default(0),
    /** Fee or charge no longer paid, per dossier (VND). */
    feeReductionVnd: integer('fee_reduction_vnd').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('procedure_review_proposals_id_idx').on(t.id),
    index('procedure_review_proposals_item_idx').on(t.ownerUnitId, t.itemId),
  ],
);

/** Procedures that must be processed interlinked: the agencies that take part, in order. */
export const interlinkedProcedures = pgTable('interlinked_procedures', {
  procedureId: uuid('procedure_id').primaryKey(),
  agencyIds: uuid('agency_ids').array().notNull(),
  note: text('note'),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
