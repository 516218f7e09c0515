import {
  bigserial,
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

// Reform plans (kế hoạch CCHC): a plan of a unit over a period of years, its areas (task areas and solution
// lines), measurable targets, tasks with lead and coordinating agencies, the occurrences a recurring task owes
// (one per year or quarter of the plan), progress updates with evidence files, and an append-only history.
// Every table carries `owner_unit_id` (the plan's unit) first in its key, and every query filters by it.

export const planStatuses = ['draft', 'active', 'closed'] as const;
export type PlanStatus = (typeof planStatuses)[number];
export const areaKinds = ['task_area', 'solution'] as const;
export type AreaKind = (typeof areaKinds)[number];
export const targetMeasures = ['percent', 'achieved'] as const;
export type TargetMeasure = (typeof targetMeasures)[number];
export const recurrences = ['once', 'yearly', 'quarterly'] as const;
export type Recurrence = (typeof recurrences)[number];
export const occurrenceStatuses = ['not_started', 'in_progress', 'done', 'cancelled'] as const;
export type OccurrenceStatus = (typeof occurrenceStatuses)[number];

export interface EvidenceFile {
  fileId: string;
  name: string;
  mime: string;
  sizeBytes: number;
}

export const reformPlans = pgTable(
  'reform_plans',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    /** Years, both included (2021–2025). */
    fromYear: smallint('from_year').notNull(),
    toYear: smallint('to_year').notNull(),
    /** The issuing decision (số, ngày) — absent while drafting. */
    decisionNumber: varchar('decision_number', { length: 60 }),
    decisionDate: date('decision_date'),
    issuingAgencyId: uuid('issuing_agency_id'),
    /** The agency that coordinates the plan (cơ quan thường trực), e.g. Phòng Nội vụ. */
    coordinatingAgencyId: uuid('coordinating_agency_id'),
    summary: text('summary'),
    status: varchar('status', { length: 10 }).$type<PlanStatus>().notNull(),
    copiedFromId: uuid('copied_from_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.ownerUnitId, t.id] }), index('reform_plans_id_idx').on(t.id)],
);

export const reformPlanAreas = pgTable(
  'reform_plan_areas',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    kind: varchar('kind', { length: 12 }).$type<AreaKind>().notNull(),
    /** Numbering as in the plan text ("III.3", "IV.2"). */
    code: varchar('code', { length: 12 }).notNull(),
    ordinal: smallint('ordinal').notNull(),
    title: text('title').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('reform_plan_areas_plan_idx').on(t.ownerUnitId, t.planId, t.ordinal),
  ],
);

export const reformTargets = pgTable(
  'reform_targets',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    /** Numbering as in the plan ("1", "6a"). */
    code: varchar('code', { length: 8 }).notNull(),
    ordinal: smallint('ordinal').notNull(),
    title: text('title').notNull(),
    measure: varchar('measure', { length: 10 }).$type<TargetMeasure>().notNull(),
    /** For a percent: the comparison and the value to reach (`>` 90, `>=` 95). */
    op: varchar('op', { length: 2 }).$type<'>' | '>='>(),
    targetValue: doublePrecision('target_value'),
    /** A live indicator of the kpi module (`satisfaction`, `on_time`…); null = actuals entered with evidence. */
    indicatorKey: varchar('indicator_key', { length: 40 }),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('reform_targets_plan_idx').on(t.ownerUnitId, t.planId, t.ordinal),
  ],
);

/** Figures entered for targets without a live indicator: one per target and year, with evidence. */
export const reformTargetActuals = pgTable(
  'reform_target_actuals',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    targetId: uuid('target_id').notNull(),
    year: smallint('year').notNull(),
    /** A percentage, or 1/0 (achieved or not) for an `achieved` target. */
    value: doublePrecision('value').notNull(),
    note: text('note'),
    evidence: jsonb('evidence').$type<EvidenceFile[]>().notNull().default([]),
    enteredBy: uuid('entered_by'),
    enteredByName: text('entered_by_name'),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.ownerUnitId, t.targetId, t.year] })],
);

export const reformTasks = pgTable(
  'reform_tasks',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    areaId: uuid('area_id').notNull(),
    ordinal: smallint('ordinal').notNull(),
    description: text('description').notNull(),
    leadAgencyId: uuid('lead_agency_id').notNull(),
    coordinatingAgencyIds: uuid('coordinating_agency_ids').array().notNull().default([]),
    recurrence: varchar('recurrence', { length: 10 }).$type<Recurrence>().notNull(),
    /** `once`: the due date. */
    dueDate: date('due_date'),
    /** `yearly`: month and day of each year; `quarterly`: day of the quarter's last month. */
    dueMonth: smallint('due_month'),
    dueDay: smallint('due_day'),
    expectedOutput: text('expected_output'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('reform_tasks_id_idx').on(t.id),
    index('reform_tasks_plan_idx').on(t.ownerUnitId, t.planId, t.areaId, t.ordinal),
  ],
);

/** What a task owes each period: one row for a one-off task, one per year or quarter for a recurring one. */
export const reformTaskOccurrences = pgTable(
  'reform_task_occurrences',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    taskId: uuid('task_id').notNull(),
    planId: uuid('plan_id').notNull(),
    /** Copied from the task so an agency's board reads one index. */
    leadAgencyId: uuid('lead_agency_id').notNull(),
    /** `2023`, `2023-Q2`, or `once`. */
    periodKey: varchar('period_key', { length: 10 }).notNull(),
    dueDate: date('due_date').notNull(),
    status: varchar('status', { length: 12 }).$type<OccurrenceStatus>().notNull(),
    percent: smallint('percent').notNull().default(0),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    uniqueIndex('reform_occ_task_idx').on(t.ownerUnitId, t.taskId, t.periodKey),
    index('reform_occ_plan_idx').on(t.ownerUnitId, t.planId, t.dueDate),
    // "What I owe, by when": an agency's open occurrences by due date.
    index('reform_occ_agency_idx').on(t.leadAgencyId, t.status, t.dueDate),
  ],
);

export const reformTaskUpdates = pgTable(
  'reform_task_updates',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    taskId: uuid('task_id').notNull(),
    occurrenceId: uuid('occurrence_id').notNull(),
    status: varchar('status', { length: 12 }).$type<OccurrenceStatus>().notNull(),
    percent: smallint('percent').notNull(),
    note: text('note'),
    evidence: jsonb('evidence').$type<EvidenceFile[]>().notNull().default([]),
    authorUserId: uuid('author_user_id'),
    authorName: text('author_name'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('reform_updates_task_idx').on(t.ownerUnitId, t.taskId, t.at),
  ],
);

/** Every change to a plan, its targets and tasks, append-only (never updated or deleted). */
export const reformPlanEvents = pgTable(
  'reform_plan_events',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    planId: uuid('plan_id').notNull(),
    taskId: uuid('task_id'),
    action: varchar('action', { length: 30 }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('reform_events_plan_idx').on(t.ownerUnitId, t.planId, t.id),
    index('reform_events_task_idx').on(t.ownerUnitId, t.taskId, t.id),
  ],
);

/**
 * The reminders sent about task occurrences: one row per occurrence × kind × recipient, written with
 * `insert … on conflict do nothing` in the same transaction as the messages (modules/notify's outbox), so two
 * processes (or a rerun after a crash) send each reminder exactly once. `kind` is `due_in_<days>` (the
 * reminder N days before the deadline), `overdue` (the day after), or `overdue_digest` (the reform office's
 * summary, one message per plan and run listing the occurrences not yet reported to that officer).
 */
export const reformTaskReminders = pgTable(
  'reform_task_reminders',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    occurrenceId: uuid('occurrence_id').notNull(),
    kind: varchar('kind', { length: 20 }).notNull(),
    userId: uuid('user_id').notNull(),
    /** The in-app message that carried it (a digest carries several occurrences). */
    notificationId: uuid('notification_id').notNull(),
    /** The Vietnam date the job ran for. */
    forDate: date('for_date').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    uniqueIndex('reform_reminders_once_uq').on(t.ownerUnitId, t.occurrenceId, t.kind, t.userId),
  ],
);
