import { sql } from 'drizzle-orm';
import {
  boolean,
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
import type { ResponseChannel, TemplateContent } from './survey-model.ts';

// Satisfaction surveys (SIPAS-style, shared/domain/rules.md §4). Templates and rounds are small reference
// tables; sample members, responses and answers grow with every round, so they carry `owner_unit_id` (the unit
// of the agency being rated) first in their primary keys, like the dossiers.

/** One version of a survey template; versions of the same template share `familyId`. */
export const surveyTemplates = pgTable(
  'survey_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    familyId: uuid('family_id').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<TemplateContent>().notNull(),
    /** Set when a round first uses this version: from then on an edit makes a new version. */
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('survey_templates_family_version_uq').on(t.familyId, t.version)],
);

/** A survey round: a template version asked about a set of agencies over a period. */
export const surveyRounds = pgTable(
  'survey_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => surveyTemplates.id),
    name: text('name').notNull(),
    /** The public page's address: /khao-sat/<publicToken>. */
    publicToken: varchar('public_token', { length: 40 }).notNull(),
    /** The agencies rated (chosen by the respondent on the open link). */
    agencyIds: jsonb('agency_ids').$type<string[]>().notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** Closed early by an officer. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Whether the open link accepts answers without a respondent token. */
    openLink: boolean('open_link').notNull().default(true),
    /** The sample: dossiers resolved in [sampleFrom, sampleTo] by the agencies in the given role. */
    sampleFrom: date('sample_from'),
    sampleTo: date('sample_to'),
    sampleAgencyRole: varchar('sample_agency_role', { length: 12 }).$type<'receiving' | 'competent'>(),
    sampleRequested: integer('sample_requested').notNull().default(0),
    sampleSeed: integer('sample_seed'),
    /** Dossiers eligible when the sample was drawn (the sampling frame). */
    sampleFrameSize: integer('sample_frame_size').notNull().default(0),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('survey_rounds_public_token_uq').on(t.publicToken),
    index('survey_rounds_template_idx').on(t.templateId),
  ],
);

/** A dossier drawn into a round's sample; its applicant is reached with a personal link (respondent token). */
export const surveySampleMembers = pgTable(
  'survey_sample_members',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    roundId: uuid('round_id').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    /** The dossier's owner unit (to read it back by its primary key). */
    dossierOwnerUnitId: uuid('dossier_owner_unit_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    /** Position in the draw (0 = first drawn). */
    drawOrder: integer('draw_order').notNull(),
    respondentToken: varchar('respondent_token', { length: 40 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.roundId, t.dossierId] }),
    index('survey_sample_members_token_idx').on(t.respondentToken),
    index('survey_sample_members_round_idx').on(t.roundId, t.drawOrder),
  ],
);

/** One filled-in questionnaire, online or entered from paper. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    roundId: uuid('round_id').notNull(),
    /** The agency rated. */
    agencyId: uuid('agency_id').notNull(),
    channel: varchar('channel', { length: 10 }).$type<ResponseChannel>().notNull(),
    /** The sampled dossier answered for (through its respondent token, or a paper form quoting its code). */
    sampleDossierId: uuid('sample_dossier_id'),
    /** The officer who entered a paper form. */
    enteredBy: uuid('entered_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    // One response per sampled dossier.
    uniqueIndex('survey_responses_sample_uq')
      .on(t.ownerUnitId, t.roundId, t.sampleDossierId)
      .where(sql`${t.sampleDossierId} is not null`),
    index('survey_responses_round_idx').on(t.ownerUnitId, t.roundId, t.agencyId, t.submittedAt),
    index('survey_responses_agency_idx').on(t.ownerUnitId, t.agencyId, t.submittedAt),
  ],
);

/** One answer of a response; round, agency and date are copied so the index reads this table alone. */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    responseId: uuid('response_id').notNull(),
    questionKey: varchar('question_key', { length: 40 }).notNull(),
    roundId: uuid('round_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    /** A Likert level (1 = lowest). */
    level: smallint('level'),
    /** Option keys of a choice question. */
    choices: jsonb('choices').$type<string[]>(),
    text: text('text'),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.responseId, t.questionKey] }),
    index('survey_answers_round_idx').on(t.ownerUnitId, t.roundId, t.agencyId, t.questionKey),
    index('survey_answers_agency_idx').on(t.ownerUnitId, t.agencyId, t.submittedAt),
  ],
);
