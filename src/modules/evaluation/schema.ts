import {
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
import type { EvaluationRules, GradeBand } from './grade.ts';
import type { IndicatorNotes, IndicatorScores, Suggestion } from './indicators.ts';

// The 9-indicator evaluation of how a dossier was handled (rules.md §1.5, rules-2.md §2.3): one row per dossier,
// owned by the dossier's unit like every large table, with the agencies and the resolution instant copied from
// the dossier so lists and summaries read this table alone.

export const dossierEvaluations = pgTable(
  'dossier_evaluations',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    dossierCode: varchar('dossier_code', { length: 60 }),
    procedureCode: varchar('procedure_code', { length: 30 }).notNull(),
    procedureName: text('procedure_name').notNull(),
    receivingAgencyId: uuid('receiving_agency_id').notNull(),
    competentAgencyId: uuid('competent_agency_id').notNull(),
    /** The dossier's decision instant: the period filter. */
    resolvedAt: timestamp('resolved_at', { withTimezone: true }).notNull(),
    /** What the records suggested when the last score was saved (indicators 1–5 computed, 6/7/9 prefilled). */
    suggestions: jsonb('suggestions').$type<Suggestion[]>().notNull(),
    selfScores: jsonb('self_scores').$type<IndicatorScores>(),
    selfNotes: jsonb('self_notes').$type<IndicatorNotes>(),
    selfTotal: smallint('self_total'),
    selfBy: uuid('self_by'),
    selfByName: text('self_by_name'),
    selfAt: timestamp('self_at', { withTimezone: true }),
    appraisedScores: jsonb('appraised_scores').$type<IndicatorScores>(),
    appraisedNotes: jsonb('appraised_notes').$type<IndicatorNotes>(),
    appraisedTotal: smallint('appraised_total'),
    appraisedBy: uuid('appraised_by'),
    appraisedByName: text('appraised_by_name'),
    appraisedAt: timestamp('appraised_at', { withTimezone: true }),
    /** The appraised total when appraised, else the self-score total; graded by the configured bands. */
    finalTotal: smallint('final_total').notNull(),
    grade: varchar('grade', { length: 40 }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.dossierId] }),
    // Lists and the per-agency summary over a period, from each agency's side.
    index('dossier_evaluations_competent_idx').on(t.competentAgencyId, t.resolvedAt),
    index('dossier_evaluations_receiving_idx').on(t.receivingAgencyId, t.resolvedAt),
    // The reform office's scope is a set of units.
    index('dossier_evaluations_unit_idx').on(t.ownerUnitId, t.resolvedAt),
  ],
);

/** The deployment's evaluation settings: a single row (id = 1) with the grade bands and the scoring options. */
export const evaluationSettings = pgTable('evaluation_settings', {
  id: smallint('id').primaryKey(),
  bands: jsonb('bands').$type<GradeBand[]>().notNull(),
  rules: jsonb('rules').$type<EvaluationRules>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
