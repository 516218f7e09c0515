// Decision 766/QĐ-TTg group 5 formulas on feedback (shared/domain/rules.md §3; docs/kpi.md "Feedback"). Pure.

/** A percentage with 2 decimals, or null when the denominator is 0 (rules-2.md §1.2: show N/A). */
export function percent(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round((numerator / denominator) * 10000) / 100;
}

/** (i) Feedback handled on time = PAKN handled on or before the deadline ÷ PAKN within competence × 100%. */
export function handledOnTimeRate(c: { answeredOnTime: number; withinCompetence: number }): number | null {
  return percent(c.answeredOnTime, c.withinCompetence);
}

/**
 * (ii) Satisfaction with feedback handling = (all PAKN − PAKN rated "không hài lòng" or handled late) ÷ all
 * PAKN × 100%. An item both dissatisfied and late is subtracted once, hence the union count.
 */
export function satisfactionRate(c: { total: number; dissatisfiedOrLate: number }): number | null {
  return percent(c.total - c.dissatisfiedOrLate, c.total);
}
