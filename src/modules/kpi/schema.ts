import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { xid8 } from '../../platform/db/xid8.ts';

// Incrementally maintained aggregates behind every indicator (docs/kpi.md, "How the figures are kept").
// One row per owning unit, month (Vietnam time) and the dimensions the dashboards filter by; the roll-up adds
// each change once (src/modules/kpi/rollup.ts). A year of a unit is a few thousand rows, whatever the dossiers.

const counter = (name: string) => integer(name).notNull().default(0);

/** What happened to dossiers in a month, by receiving agency, competent agency and procedure. */
export const kpiDossierMonthly = pgTable(
  'kpi_dossier_monthly',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    /** First day of the month, in Vietnam time. */
    month: date('month').notNull(),
    receivingAgencyId: uuid('receiving_agency_id').notNull(),
    competentAgencyId: uuid('competent_agency_id').notNull(),
    procedureId: uuid('procedure_id').notNull(),
    receivedOnline: counter('received_online'),
    receivedOffline: counter('received_offline'),
    /** Received with at least one submitted component as an electronic file (digitised at intake). */
    receivedDigitised: counter('received_digitised'),
    /** Decided (approved or rejected), on the legal clock: early / on time / late; no deadline = uncounted. */
    resolvedEarly: counter('resolved_early'),
    resolvedOnTime: counter('resolved_on_time'),
    resolvedLate: counter('resolved_late'),
    resolvedUncounted: counter('resolved_uncounted'),
    /** The same decisions on the Decision 766 clock (receipt's appointment, > 1 supplement request = late). */
    indexOnTime: counter('index_on_time'),
    indexLate: counter('index_late'),
    resultsIssued: counter('results_issued'),
    resultsDigitised: counter('results_digitised'),
    returned: counter('returned'),
    withdrawn: counter('withdrawn'),
    stopped: counter('stopped'),
    refused: counter('refused'),
  },
  (t) => [
    primaryKey({
      columns: [t.ownerUnitId, t.month, t.receivingAgencyId, t.competentAgencyId, t.procedureId],
    }),
    index('kpi_dossier_monthly_competent_idx').on(t.competentAgencyId, t.month),
    index('kpi_dossier_monthly_receiving_idx').on(t.receivingAgencyId, t.month),
    // Figures of a field or procedure across units: the procedures' rows only.
    index('kpi_dossier_monthly_procedure_idx').on(t.procedureId, t.month),
  ],
);

/**
 * Coarser copies of the same counts, maintained with them, for figures without a procedure or field filter: a
 * unit's month is one row, an agency pair's month one row, whatever the procedures and dossiers.
 * Ratings are carried as two more counters (all ratings, satisfied ones).
 */
const coarseCounters = {
  receivedOnline: counter('received_online'),
  receivedOffline: counter('received_offline'),
  receivedDigitised: counter('received_digitised'),
  resolvedEarly: counter('resolved_early'),
  resolvedOnTime: counter('resolved_on_time'),
  resolvedLate: counter('resolved_late'),
  resolvedUncounted: counter('resolved_uncounted'),
  indexOnTime: counter('index_on_time'),
  indexLate: counter('index_late'),
  resultsIssued: counter('results_issued'),
  resultsDigitised: counter('results_digitised'),
  returned: counter('returned'),
  withdrawn: counter('withdrawn'),
  stopped: counter('stopped'),
  refused: counter('refused'),
  ratings: counter('ratings'),
  ratingsSatisfied: counter('ratings_satisfied'),
};

export const kpiUnitMonthly = pgTable(
  'kpi_unit_monthly',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    month: date('month').notNull(),
    ...coarseCounters,
  },
  (t) => [primaryKey({ columns: [t.ownerUnitId, t.month] })],
);

export const kpiAgencyMonthly = pgTable(
  'kpi_agency_monthly',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    month: date('month').notNull(),
    receivingAgencyId: uuid('receiving_agency_id').notNull(),
    competentAgencyId: uuid('competent_agency_id').notNull(),
    ...coarseCounters,
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.month, t.receivingAgencyId, t.competentAgencyId] }),
    index('kpi_agency_monthly_competent_idx').on(t.competentAgencyId, t.month),
    index('kpi_agency_monthly_receiving_idx').on(t.receivingAgencyId, t.month),
  ],
);

/** Ratings by the month of the first rating and the level counted (a change moves the count). */
export const kpiRatingMonthly = pgTable(
  'kpi_rating_monthly',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    month: date('month').notNull(),
    receivingAgencyId: uuid('receiving_agency_id').notNull(),
    competentAgencyId: uuid('competent_agency_id').notNull(),
    procedureId: uuid('procedure_id').notNull(),
    level: varchar('level', { length: 40 }).notNull(),
    satisfied: boolean('satisfied').notNull(),
    ratings: counter('ratings'),
  },
  (t) => [
    primaryKey({
      columns: [
        t.ownerUnitId,
        t.month,
        t.receivingAgencyId,
        t.competentAgencyId,
        t.procedureId,
        t.level,
        t.satisfied,
      ],
    }),
    index('kpi_rating_monthly_competent_idx').on(t.competentAgencyId, t.month),
    index('kpi_rating_monthly_receiving_idx').on(t.receivingAgencyId, t.month),
    index('kpi_rating_monthly_procedure_idx').on(t.procedureId, t.month),
  ],
);

/** How far the roll-up has read each source: every row written by a transaction before `tx`, key included. */
export const kpiRollupState = pgTable('kpi_rollup_state', {
  source: varchar('source', { length: 40 }).primaryKey(),
  lastTx: xid8('last_tx').notNull(),
  /** The last row's key within `lastTx` (event id, or dossier id for ratings). */
  lastKey: varchar('last_key', { length: 60 }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The deployment's indicator settings (one row, id = 1): Decision 766 weights and the plan's targets. */
export const kpiSettings = pgTable('kpi_settings', {
  id: integer('id').primaryKey(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
