// Decision 766 group 5 figures on feedback for a period (docs/kpi.md "Feedback"): raw counts in one aggregate
// statement over the period indexes, then the pure formulas of feedback-formulas.ts.
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { handledOnTimeRate, satisfactionRate } from './feedback-formulas.ts';
import { feedbackItems } from './schema.ts';

export interface FeedbackIndicatorQuery {
  /** Items assigned to these agencies (any of them). */
  agencyIds?: string[];
  /** Items handled in these units (the assigned agency's unit; before assignment the owner unit). */
  unitIds?: string[];
  /** Items sent in [from, to). */
  from: Date;
  to: Date;
  /** Open items are judged at this instant (default: now). */
  asOf?: Date;
}

export interface FeedbackIndicators {
  /** All feedback of the period, except items closed as duplicates of another (counted once, on the original). */
  total: number;
  /** Classified as within the competence of the deployment's offices (assigned, answered). */
  withinCompetence: number;
  answered: number;
  answeredOnTime: number;
  /** Within competence, not answered, past the deadline at `asOf`. */
  overdueOpen: number;
  /** Rated "không hài lòng" by the sender. */
  dissatisfied: number;
  /** Rated "không hài lòng", or answered late, or still open past the deadline (each item once). */
  dissatisfiedOrLate: number;
  /** (i) answeredOnTime ÷ withinCompetence × 100; null when nothing is within competence. */
  handledOnTimeRate: number | null;
  /** (ii) (total − dissatisfiedOrLate) ÷ total × 100; null without feedback. */
  satisfactionRate: number | null;
}

const uuidArray = (ids: string[]) =>
  sql`array[${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]`;

export async function feedbackIndicators(db: Db, query: FeedbackIndicatorQuery): Promise<FeedbackIndicators> {
  const f = feedbackItems;
  const asOf = query.asOf ?? new Date();
  const conditions = [
    sql`${f.createdAt} >= ${query.from}`,
    sql`${f.createdAt} < ${query.to}`,
    sql`${f.status} <> 'duplicate'`,
  ];
  if (query.agencyIds) {
    if (query.agencyIds.length === 0) return counted(zero());
    conditions.push(sql`${f.assignedAgencyId} = any(${uuidArray(query.agencyIds)})`);
  }
  if (query.unitIds) {
    if (query.unitIds.length === 0) return counted(zero());
    conditions.push(sql`${f.handlingUnitId} = any(${uuidArray(query.unitIds)})`);
  }
  const late = sql`(${f.answeredAt} > ${f.dueAt} or (${f.answeredAt} is null and ${f.status} = 'assigned' and ${f.dueAt} < ${asOf}))`;
  const result = await db.execute(sql`
    select
      count(*)::int as total,
      count(*) filter (where ${f.withinCompetence})::int as within_competence,
      count(*) filter (where ${f.withinCompetence} and ${f.answeredAt} is not null)::int as answered,
      count(*) filter (where ${f.withinCompetence} and ${f.answeredAt} <= ${f.dueAt})::int as answered_on_time,
      count(*) filter (where ${f.status} = 'assigned' and ${f.dueAt} < ${asOf})::int as overdue_open,
      count(*) filter (where ${f.satisfaction} = 'dissatisfied')::int as dissatisfied,
      count(*) filter (where ${f.satisfaction} = 'dissatisfied' or ${late})::int as dissatisfied_or_late
    from ${f}
    where ${sql.join(conditions, sql` and `)}`);
  const row = (result as unknown as { rows: Record<string, number>[] }).rows[0] ?? {};
  return counted({
    total: Number(row.total ?? 0),
    withinCompetence: Number(row.within_competence ?? 0),
    answered: Number(row.answered ?? 0),
    answeredOnTime: Number(row.answered_on_time ?? 0),
    overdueOpen: Number(row.overdue_open ?? 0),
    dissatisfied: Number(row.dissatisfied ?? 0),
    dissatisfiedOrLate: Number(row.dissatisfied_or_late ?? 0),
  });
}

type Counts = Omit<FeedbackIndicators, 'handledOnTimeRate' | 'satisfactionRate'>;

const zero = (): Counts => ({
  total: 0,
  withinCompetence: 0,
  answered: 0,
  answeredOnTime: 0,
  overdueOpen: 0,
  dissatisfied: 0,
  dissatisfiedOrLate: 0,
});

function counted(c: Counts): FeedbackIndicators {
  return { ...c, handledOnTimeRate: handledOnTimeRate(c), satisfactionRate: satisfactionRate(c) };
}
