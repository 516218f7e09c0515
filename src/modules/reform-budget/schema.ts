import {
  bigint,
  bigserial,
  date,
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

// The reform budget (plan III.6, VI.3): budget lines for the plan's tasks per year, proposed by the lead agency,
// appraised by the finance and planning office, approved by decision, disbursed in instalments and settled.
// Amounts are whole Vietnamese đồng (bigint, read as JS numbers: every amount is capped well below 2^53).
// Lines, disbursements and history carry the plan's unit (`owner_unit_id`) first in their keys.

export const budgetStatuses = [
  'draft',
  'proposed',
  'returned',
  'appraised',
  'approved',
  'settled',
  'cancelled',
] as const;
export type BudgetStatus = (typeof budgetStatuses)[number];
export const budgetSources = ['state_budget', 'other'] as const;
export type BudgetSource = (typeof budgetSources)[number];

const vnd = (name: string) => bigint(name, { mode: 'number' });

/** Who appraises and who approves, and when an approved line that is barely spent gets flagged. */
export const reformBudgetSettings = pgTable('reform_budget_settings', {
  id: varchar('id', { length: 10 }).primaryKey(),
  /** Phòng Tài chính – Kế hoạch: appraises, records disbursements and settlements. */
  financeAgencyId: uuid('finance_agency_id'),
  /** The people's committee whose leaders approve (UBND thành phố). */
  approvingAgencyId: uuid('approving_agency_id'),
  /** Flag a line with less than this share of its approved amount disbursed … */
  unspentPercent: smallint('unspent_percent').notNull().default(50),
  /** … on this day of its year (month, day), e.g. 30 November. */
  unspentMonth: smallint('unspent_month').notNull().default(11),
  unspentDay: smallint('unspent_day').notNull().default(30),
  version: integer('version').notNull().default(1),
});

export const reformBudgetLines = pgTable(
  'reform_budget_lines',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    taskId: uuid('task_id').notNull(),
    areaId: uuid('area_id').notNull(),
    leadAgencyId: uuid('lead_agency_id').notNull(),
    year: smallint('year').notNull(),
    status: varchar('status', { length: 12 }).$type<BudgetStatus>().notNull(),
    source: varchar('source', { length: 14 }).$type<BudgetSource>().notNull(),
    description: text('description').notNull(),
    proposedAmount: vnd('proposed_amount').notNull(),
    appraisedAmount: vnd('appraised_amount'),
    appraisalComment: text('appraisal_comment'),
    approvedAmount: vnd('approved_amount'),
    decisionNumber: varchar('decision_number', { length: 60 }),
    decisionDate: date('decision_date'),
    settledAmount: vnd('settled_amount'),
    settlementDocument: varchar('settlement_document', { length: 120 }),
    settledOn: date('settled_on'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('reform_budget_lines_id_idx').on(t.id),
    index('reform_budget_lines_year_idx').on(t.ownerUnitId, t.year, t.status),
    index('reform_budget_lines_agency_idx').on(t.leadAgencyId, t.year),
  ],
);

export const reformBudgetDisbursements = pgTable(
  'reform_budget_disbursements',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    lineId: uuid('line_id').notNull(),
    amount: vnd('amount').notNull(),
    paidOn: date('paid_on').notNull(),
    /** The payment document (số chứng từ, giấy rút dự toán…). */
    document: varchar('document', { length: 120 }).notNull(),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('reform_budget_disb_line_idx').on(t.ownerUnitId, t.lineId, t.paidOn),
  ],
);

/** Every step on a line, append-only. */
export const reformBudgetEvents = pgTable(
  'reform_budget_events',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    lineId: uuid('line_id').notNull(),
    action: varchar('action', { length: 20 }).notNull(),
    fromStatus: varchar('from_status', { length: 12 }),
    toStatus: varchar('to_status', { length: 12 }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('reform_budget_events_line_idx').on(t.ownerUnitId, t.lineId, t.id),
  ],
);
