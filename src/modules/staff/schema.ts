import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

// Staff capacity (docs/kpi.md "Staff capacity"): the officials register (cán bộ, công chức, viên chức), training
// courses and who attended them. Officials and training records carry the official's `owner_unit_id` (the unit of
// the agency) first in their keys, like other large tables. An official who leaves keeps their row (end date set)
// so that figures as of an earlier date still count them.

export const staffCategories = ['cadre', 'civil_servant', 'public_employee', 'non_specialised'] as const;
export type StaffCategory = (typeof staffCategories)[number];

/** Professional qualification, lowest first; `university` and above meet the plan's 2025 target. */
export const degreeLevels = ['intermediate', 'college', 'university', 'master', 'doctorate'] as const;
export type DegreeLevel = (typeof degreeLevels)[number];

export const politicalTheoryLevels = ['elementary', 'intermediate', 'advanced', 'bachelor'] as const;
export type PoliticalTheoryLevel = (typeof politicalTheoryLevels)[number];

export const trainingResults = ['completed', 'not_completed'] as const;
export type TrainingResult = (typeof trainingResults)[number];

export const staffOfficials = pgTable(
  'staff_officials',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    fullName: text('full_name').notNull(),
    /** Folded full name (no diacritics, lower case, single spaces): with agency and birth date, the import key. */
    nameKey: text('name_key').notNull(),
    birthDate: date('birth_date').notNull(),
    position: text('position'),
    category: varchar('category', { length: 20 }).$type<StaffCategory>().notNull(),
    degreeLevel: varchar('degree_level', { length: 20 }).$type<DegreeLevel>().notNull(),
    fieldOfStudy: text('field_of_study'),
    politicalTheory: varchar('political_theory', { length: 20 }).$type<PoliticalTheoryLevel>(),
    startDate: date('start_date').notNull(),
    /** Last working day; null while serving. */
    endDate: date('end_date'),
    userId: uuid('user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    // Look-ups by id alone (links from the drill-down and courses); on Citus a fan-out to each shard's index.
    index('staff_officials_id_idx').on(t.id),
    uniqueIndex('staff_officials_identity_uq').on(t.ownerUnitId, t.agencyId, t.nameKey, t.birthDate),
    index('staff_officials_agency_idx').on(t.ownerUnitId, t.agencyId, t.startDate),
    index('staff_officials_user_idx').on(t.userId).where(sql`${t.userId} is not null`),
  ],
);

/** The configurable list of training topics; `online_service_software` feeds the plan's training target. */
export const staffTrainingTopics = pgTable('staff_training_topics', {
  key: varchar('key', { length: 40 }).primaryKey(),
  label: text('label').notNull(),
  sortOrder: smallint('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
});

export const staffTrainingCourses = pgTable(
  'staff_training_courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    organiser: text('organiser').notNull(),
    topicKey: varchar('topic_key', { length: 40 }).notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    location: text('location'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('staff_training_courses_start_idx').on(t.startDate)],
);

export const staffTrainingRecords = pgTable(
  'staff_training_records',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    officialId: uuid('official_id').notNull(),
    courseId: uuid('course_id').notNull(),
    result: varchar('result', { length: 20 }).$type<TrainingResult>().notNull(),
    certificateNo: varchar('certificate_no', { length: 60 }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.officialId, t.courseId] }),
    index('staff_training_records_course_idx').on(t.courseId),
  ],
);
