import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

// E-government self-assessment (plan 2021–2025, III.7: "Hàng năm thành phố rà soát đánh giá hiện trạng mức độ
// chính quyền điện tử"): a yearly list of criteria, one self-assessment per agency and one for the unit (the
// city), each criterion's value with evidence, submitted and reviewed by the reform office. Assessments and
// their values carry `owner_unit_id` first; the criteria list is a small reference table.

export const criterionKinds = ['system', 'number', 'yes_no', 'level'] as const;
export type CriterionKind = (typeof criterionKinds)[number];
/** Figures the system already knows, each from another module's exported function (README). */
export const systemSources = [
  'procedures_online',
  'dossiers_online',
  'documents_electronic',
  'documents_signed',
  'staff_trained',
] as const;
export type SystemSource = (typeof systemSources)[number];
export const assessmentStatuses = ['draft', 'submitted', 'returned', 'reviewed'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

export const egovCriteria = pgTable(
  'egov_criteria',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: smallint('year').notNull(),
    /** Numbering of the list ("1.2"). */
    code: varchar('code', { length: 12 }).notNull(),
    ordinal: smallint('ordinal').notNull(),
    /** The group the criterion belongs to (Dịch vụ trực tuyến, Văn bản điện tử, Hạ tầng…). */
    groupName: text('group_name').notNull(),
    title: text('title').notNull(),
    kind: varchar('kind', { length: 8 }).$type<CriterionKind>().notNull(),
    /** For a `system` criterion: which figure. */
    source: varchar('source', { length: 24 }).$type<SystemSource>(),
    /** What the value counts (%, điểm, phòng…). */
    unit: varchar('unit', { length: 20 }).notNull(),
    /** The value to reach: a percentage, a number, 1 for yes, or a level. */
    target: doublePrecision('target').notNull(),
    weight: doublePrecision('weight').notNull(),
    /** Highest level of a `level` criterion. */
    maxLevel: smallint('max_level'),
    /** The value applies to agencies, to the city as a whole, or both. */
    forAgencies: boolean('for_agencies').notNull().default(true),
    forUnit: boolean('for_unit').notNull().default(true),
    note: text('note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('egov_criteria_year_code_uq').on(t.year, t.code),
    index('egov_criteria_year_idx').on(t.year, t.ordinal),
  ],
);

export const egovAssessments = pgTable(
  'egov_assessments',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    year: smallint('year').notNull(),
    /** The agency assessed; null = the unit (the city) as a whole. */
    agencyId: uuid('agency_id'),
    /** The agency id, or `unit` for the unit's own assessment (one per year). */
    subjectKey: varchar('subject_key', { length: 40 }).notNull(),
    status: varchar('status', { length: 10 }).$type<AssessmentStatus>().notNull(),
    reviewNote: text('review_note'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedByName: text('submitted_by_name'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedByName: text('reviewed_by_name'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('egov_assessments_id_idx').on(t.id),
    uniqueIndex('egov_assessments_subject_uq').on(t.ownerUnitId, t.year, t.subjectKey),
  ],
);

/** A criterion's value in one assessment: entered with evidence, or the system's figure frozen at submission. */
export const egovAssessmentValues = pgTable(
  'egov_assessment_values',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    assessmentId: uuid('assessment_id').notNull(),
    criterionId: uuid('criterion_id').notNull(),
    value: doublePrecision('value'),
    evidence: text('evidence'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.ownerUnitId, t.assessmentId, t.criterionId] })],
);
