import {
  boolean,
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
import type { EvidenceFile } from '../reform-plan/schema.ts';

// The reform index of agencies (Chỉ số CCHC): one assessment year per owner unit (the unit whose reform office
// runs it), its criteria tree, the agencies assessed, and one score row per agency and leaf criterion with the
// self-score, the computed figure of automatic leaves, the council's appraisal and the agency's one response.
// Every table carries `owner_unit_id` first in its key, and every query filters by it.

export const yearStatuses = [
  'draft',
  'self_assessment',
  'appraisal',
  'response',
  'final_appraisal',
  'published',
] as const;
export type YearStatus = (typeof yearStatuses)[number];
export const nodeKinds = ['group', 'manual', 'automatic', 'survey'] as const;
export type NodeKind = (typeof nodeKinds)[number];

/** A band of a points scale: a measured percentage ≥ `min` earns `share` (0–1) of the criterion's points. */
export interface ScaleStep {
  min: number;
  share: number;
}

/** A grade band: a total ≥ `min` (out of 100) earns `label`; bands are checked from the highest `min`. */
export interface GradeBand {
  min: number;
  label: string;
}

/** Who is proposed for a reward: every agency with one of `grades`, and/or the first `topN` of the ranking. */
export interface RewardRule {
  grades: string[];
  topN: number | null;
}

export const reformIndexYears = pgTable(
  'reform_index_years',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    year: smallint('year').notNull(),
    title: text('title').notNull(),
    status: varchar('status', { length: 16 }).$type<YearStatus>().notNull(),
    /** Last day (Vietnam time, inclusive) agencies may self-score. */
    selfDeadline: date('self_deadline'),
    gradeBands: jsonb('grade_bands').$type<GradeBand[]>().notNull(),
    rewardRule: jsonb('reward_rule').$type<RewardRule>().notNull(),
    copiedFromId: uuid('copied_from_id'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    uniqueIndex('reform_index_years_year_uq').on(t.ownerUnitId, t.year),
    index('reform_index_years_id_idx').on(t.id),
  ],
);

export const reformIndexNodes = pgTable(
  'reform_index_nodes',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    yearId: uuid('year_id').notNull(),
    parentId: uuid('parent_id'),
    /** Numbering as printed ("1", "1.2", "1.2.a"). */
    code: varchar('code', { length: 16 }).notNull(),
    ordinal: smallint('ordinal').notNull(),
    title: text('title').notNull(),
    kind: varchar('kind', { length: 10 }).$type<NodeKind>().notNull(),
    maxPoints: doublePrecision('max_points').notNull(),
    evidenceRequired: boolean('evidence_required').notNull().default(false),
    guidance: text('guidance'),
    /** `automatic`: the kpi indicator key (`on_time`, `dossiers_online`…). */
    indicatorKey: varchar('indicator_key', { length: 40 }),
    /** `automatic` and `survey`: the scale from a percentage to a share of the points. */
    scale: jsonb('scale').$type<ScaleStep[]>(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('reform_index_nodes_year_idx').on(t.ownerUnitId, t.yearId, t.ordinal),
    index('reform_index_nodes_id_idx').on(t.id),
  ],
);

export const reformIndexParticipants = pgTable(
  'reform_index_participants',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    yearId: uuid('year_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ownerUnitId, t.yearId, t.agencyId] })],
);

export const reformIndexScores = pgTable(
  'reform_index_scores',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    yearId: uuid('year_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    nodeId: uuid('node_id').notNull(),
    selfScore: doublePrecision('self_score'),
    selfComment: text('self_comment'),
    evidence: jsonb('evidence').$type<EvidenceFile[]>().notNull().default([]),
    selfBy: text('self_by'),
    selfAt: timestamp('self_at', { withTimezone: true }),
    /** Automatic and survey leaves: the measured percentage and the points it earns on the scale. */
    measuredValue: doublePrecision('measured_value'),
    computedScore: doublePrecision('computed_score'),
    computedAt: timestamp('computed_at', { withTimezone: true }),
    appraisedScore: doublePrecision('appraised_score'),
    appraisalComment: text('appraisal_comment'),
    appraisedBy: text('appraised_by'),
    appraisedAt: timestamp('appraised_at', { withTimezone: true }),
    responseComment: text('response_comment'),
    respondedBy: text('responded_by'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.ownerUnitId, t.yearId, t.agencyId, t.nodeId] })],
);
