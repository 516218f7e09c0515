import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.ts';
import { agencies } from '../org/schema.ts';
import type { FormSchema } from './form-schema.ts';
import type { DocumentGroup, ProcessStep, SubmissionChannel } from './procedure.types.ts';
import { onlineModes, timeUnits } from './procedure.types.ts';

export const procedures = pgTable(
  'procedures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** National procedure code, e.g. `1.001193`. */
    code: varchar('code', { length: 30 }).notNull().unique(),
    name: text('name').notNull(),
    field: text('field').notNull(),
    levels: text('levels').array().notNull(),
    procedureType: text('procedure_type'),
    subjects: text('subjects'),
    implementingAgencyText: text('implementing_agency_text'),
    competentAgencyText: text('competent_agency_text'),
    resultText: text('result_text'),
    conditions: text('conditions'),
    decisionNo: varchar('decision_no', { length: 100 }),
    /** Statutory processing time; the unit is explicit and null only while unconfirmed. */
    processingTimeValue: real('processing_time_value'),
    processingTimeUnit: text('processing_time_unit', { enum: timeUnits }),
    processingTimeText: text('processing_time_text'),
    channels: jsonb('channels').$type<SubmissionChannel[]>().notNull(),
    feeText: text('fee_text'),
    feeAmountVnd: integer('fee_amount_vnd'),
    requiredDocuments: jsonb('required_documents').$type<DocumentGroup[]>().notNull(),
    legalBasis: text('legal_basis').array().notNull(),
    onlineMode: text('online_mode', { enum: onlineModes }).notNull(),
    /** Old scheme of the plan's era (levels 1–4), kept for the plan's targets. */
    onlineLevel: smallint('online_level'),
    internalProcess: jsonb('internal_process').$type<ProcessStep[]>().notNull(),
    /** The procedure-specific fields of the online application (null: the common applicant data only). */
    formSchema: jsonb('form_schema').$type<FormSchema>(),
    /** True while the internal process is the generated default the agency has not adjusted. */
    internalProcessIsDefault: boolean('internal_process_is_default').notNull().default(true),
    published: boolean('published').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    sourceUrl: text('source_url'),
    sourceNote: text('source_note'),
    /** Folded (no diacritics, lower case) name and full text for search; see platform/text/normalize. */
    searchName: text('search_name').notNull(),
    searchText: text('search_text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('procedures_field_idx').on(t.field)],
);

/** Doubtful imported values waiting for an administrator to confirm or correct. */
export const procedureFlags = pgTable(
  'procedure_flags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id, { onDelete: 'cascade' }),
    /** Which attribute is doubtful: processing_time, fee, online_mode, required_documents, internal_process. */
    attribute: varchar('attribute', { length: 40 }).notNull(),
    rawValue: text('raw_value'),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['open', 'confirmed', 'corrected'] })
      .notNull()
      .default('open'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolutionNote: text('resolution_note'),
  },
  (t) => [
    index('procedure_flags_procedure_idx').on(t.procedureId),
    index('procedure_flags_status_idx').on(t.status),
  ],
);

/** Which agencies carry out a procedure (where a citizen applies). */
export const procedureAgencies = pgTable(
  'procedure_agencies',
  {
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [
    primaryKey({ columns: [t.procedureId, t.agencyId] }),
    index('procedure_agencies_agency_idx').on(t.agencyId),
  ],
);
