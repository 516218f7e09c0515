import {
  bigserial,
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

// Official documents register (văn bản đến/đi), ISO 9001:2015 register per agency and the justice office's
// review of legal normative documents (docs/api.md, "Documents, ISO and legal review"; formulas in docs/kpi.md).

export const documentDirections = ['incoming', 'outgoing'] as const;
export type DocumentDirection = (typeof documentDirections)[number];
/** `agency`: a state agency (of this system or named in free text); `other`: citizens, businesses, others. */
export const counterpartKinds = ['agency', 'other'] as const;
export type CounterpartKind = (typeof counterpartKinds)[number];
export const documentStatuses = ['pending', 'in_progress', 'done'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

/** One incoming or outgoing official document of an agency: a large table, owned by the agency's unit. */
export const officialDocuments = pgTable(
  'official_documents',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    direction: varchar('direction', { length: 10 }).$type<DocumentDirection>().notNull(),
    /** Số (e.g. `125`) and ký hiệu (e.g. `UBND-VP`), as written on the document. */
    number: varchar('number', { length: 20 }).notNull(),
    symbol: varchar('symbol', { length: 60 }).notNull(),
    issuedOn: date('issued_on').notNull(),
    summary: text('summary').notNull(),
    counterpartKind: varchar('counterpart_kind', { length: 10 }).$type<CounterpartKind>().notNull(),
    /** The sender (incoming) or recipient (outgoing) when it is an agency of this system. */
    counterpartAgencyId: uuid('counterpart_agency_id'),
    counterpartName: text('counterpart_name').notNull(),
    electronic: boolean('electronic').notNull(),
    digitallySigned: boolean('digitally_signed').notNull(),
    dueOn: date('due_on'),
    handler: text('handler'),
    status: varchar('status', { length: 12 }).$type<DocumentStatus>().notNull(),
    /** `manual` or `import`. */
    source: varchar('source', { length: 10 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    /** Optimistic concurrency: an edit names the version it read. */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
    /** Archived (e.g. entered in error): out of the register and its figures, kept with its history. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    // Duplicate guard: one number/symbol per agency, direction and date.
    uniqueIndex('official_documents_number_uq').on(
      t.ownerUnitId,
      t.agencyId,
      t.direction,
      t.number,
      t.symbol,
      t.issuedOn,
    ),
    // Per-agency-month counts and the register list ordered by date.
    index('official_documents_agency_date_idx').on(t.ownerUnitId, t.agencyId, t.issuedOn),
    // Editing an entry by its id.
    index('official_documents_id_idx').on(t.id),
  ],
);

/** Every edit and archiving of a register entry, append-only: who, when, and the values before and after. */
export const officialDocumentEvents = pgTable(
  'official_document_events',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    documentId: uuid('document_id').notNull(),
    action: varchar('action', { length: 12 }).$type<'updated' | 'archived'>().notNull(),
    actorUserId: uuid('actor_user_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('official_document_events_doc_idx').on(t.ownerUnitId, t.documentId, t.id),
  ],
);

/** The ISO 9001:2015 quality system of one agency (small reference table, one row per agency). */
export const isoRegistrations = pgTable('iso_registrations', {
  agencyId: uuid('agency_id').primaryKey(),
  scope: text('scope').notNull(),
  /** `certificate` (by a certifying body) or `declaration` (công bố hệ thống phù hợp TCVN ISO 9001:2015). */
  basis: varchar('basis', { length: 12 }).$type<'certificate' | 'declaration'>().notNull(),
  /** Date of the certificate or of the declaration: in force from then. */
  effectiveOn: date('effective_on').notNull(),
  certifyingBody: text('certifying_body'),
  /** The system stopped applying (withdrawn, not maintained); null while it applies. */
  endedOn: date('ended_on'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

/** Catalog procedures whose internal process the agency runs under its ISO system. */
export const isoProcedures = pgTable(
  'iso_procedures',
  {
    agencyId: uuid('agency_id').notNull(),
    procedureId: uuid('procedure_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.procedureId] })],
);

export const isoAudits = pgTable(
  'iso_audits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    auditedOn: date('audited_on').notNull(),
    kind: varchar('kind', { length: 10 }).$type<'internal' | 'external'>().notNull(),
    findings: text('findings').notNull(),
    correctiveActions: text('corrective_actions'),
    closedOn: date('closed_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('iso_audits_agency_idx').on(t.agencyId, t.auditedOn)],
);

export const reviewResults = ['in_force_fit', 'expired', 'unfit'] as const;
export type ReviewResult = (typeof reviewResults)[number];
export const reviewActions = ['none', 'amend', 'repeal', 'replace', 'new'] as const;
export type ReviewAction = (typeof reviewActions)[number];

/** A justice office's yearly plan for reviewing legal normative documents (rà soát VBQPPL). */
export const legalReviewPlans = pgTable(
  'legal_review_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    year: smallint('year').notNull(),
    title: text('title').notNull(),
    /** The plan's own reference, e.g. `15/KH-UBND`. */
    reference: varchar('reference', { length: 60 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('legal_review_plans_uq').on(t.agencyId, t.year)],
);

export const legalReviewItems = pgTable(
  'legal_review_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    number: varchar('number', { length: 60 }).notNull(),
    title: text('title').notNull(),
    issuer: text('issuer').notNull(),
    issuedOn: date('issued_on').notNull(),
    result: varchar('result', { length: 14 }).$type<ReviewResult>().notNull(),
    action: varchar('action', { length: 10 }).$type<ReviewAction>().notNull(),
    actionNote: text('action_note'),
    reviewedOn: date('reviewed_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('legal_review_items_uq').on(t.planId, t.number),
    index('legal_review_items_plan_idx').on(t.planId, t.reviewedOn),
  ],
);
