import {
  date,
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
import type { DegreeLevel } from '../staff/schema.ts';

// Job positions and headcount (plan III.4): each agency's job positions (vị trí việc làm) with their competency
// frame and the number of people they need, which officials hold them (a link table over the staff register),
// the headcount quota (biên chế) the province gives each agency per year, and each agency's streamlining plan.
// Every table carries the agency's unit (`owner_unit_id`) first in its key.

export const positionGroups = ['leadership', 'professional', 'shared_support', 'support_service'] as const;
export type PositionGroup = (typeof positionGroups)[number];

/** One line of a competency frame besides the degree: a skill or a certificate the position requires. */
export interface CompetencyLine {
  kind: 'skill' | 'certificate';
  text: string;
}

export const jobPositions = pgTable(
  'job_positions',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    code: varchar('code', { length: 30 }).notNull(),
    name: text('name').notNull(),
    group: varchar('group', { length: 20 }).$type<PositionGroup>().notNull(),
    requiredDegree: varchar('required_degree', { length: 20 }).$type<DegreeLevel>().notNull(),
    requiredField: text('required_field'),
    competencies: jsonb('competencies').$type<CompetencyLine[]>().notNull().default([]),
    /** How many people the position needs. */
    headcount: smallint('headcount').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('job_positions_id_idx').on(t.id),
    uniqueIndex('job_positions_code_uq').on(t.ownerUnitId, t.agencyId, t.code),
  ],
);

/** Who holds a position, from when to when (an official holds one position at a time). */
export const positionHolders = pgTable(
  'position_holders',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    positionId: uuid('position_id').notNull(),
    officialId: uuid('official_id').notNull(),
    fromDate: date('from_date').notNull(),
    /** Last day in the position; null while holding it. */
    toDate: date('to_date'),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.positionId, t.officialId, t.fromDate] }),
    index('position_holders_official_idx').on(t.ownerUnitId, t.officialId),
  ],
);

/** The headcount the province gives an agency for a year, by kind of staff, with the deciding instrument. */
export const headcountQuotas = pgTable(
  'headcount_quotas',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    year: smallint('year').notNull(),
    civilServants: integer('civil_servants').notNull(),
    publicEmployees: integer('public_employees').notNull(),
    contractStaff: integer('contract_staff').notNull(),
    decisionNumber: varchar('decision_number', { length: 60 }).notNull(),
    decisionDate: date('decision_date'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ownerUnitId, t.agencyId, t.year] })],
);

/** An agency's streamlining plan over a period: the target share and the reduction planned each year. */
export const streamliningPlans = pgTable(
  'streamlining_plans',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    fromYear: smallint('from_year').notNull(),
    toYear: smallint('to_year').notNull(),
    /** The period's target reduction in percent of the headcount serving at the end of the year before. */
    targetPercent: smallint('target_percent').notNull(),
    planned: jsonb('planned').$type<{ year: number; reduction: number }[]>().notNull().default([]),
    decisionNumber: varchar('decision_number', { length: 60 }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ownerUnitId, t.agencyId] })],
);
