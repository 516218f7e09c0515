import type { OccurrenceStatus, Recurrence } from './schema.ts';

// Pure scheduling rules of reform tasks: which occurrences a task owes over the plan's years, when one is
// overdue or due soon, and a task's overall status. Dates are calendar dates (YYYY-MM-DD) in Vietnam time:
// a task due 30/10 is met by anything done on 30/10 and overdue from 31/10.

export interface ScheduleSpec {
  recurrence: Recurrence;
  /** `once`. */
  dueDate?: string | null;
  /** `yearly`: month (1–12) and day; `quarterly`: day of each quarter's last month. */
  dueMonth?: number | null;
  dueDay?: number | null;
}

export interface PlannedOccurrence {
  /** `2023`, `2023-Q2` or `once`. */
  periodKey: string;
  dueDate: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** A day past the month's end falls on its last day (31 → 30 June, 29 Feb → 28 Feb). */
const dateOf = (year: number, month: number, day: number) =>
  `${year}-${pad(month)}-${pad(Math.min(day, daysIn(year, month)))}`;

/** The occurrences a task owes over the plan's years (both included). */
export function occurrencesOf(spec: ScheduleSpec, fromYear: number, toYear: number): PlannedOccurrence[] {
  if (spec.recurrence === 'once') {
    if (!spec.dueDate) throw new Error('a one-off task needs a due date');
    return [{ periodKey: 'once', dueDate: spec.dueDate }];
  }
  const day = spec.dueDay;
  if (!day) throw new Error('a recurring task needs a due day');
  const out: PlannedOccurrence[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    if (spec.recurrence === 'yearly') {
      if (!spec.dueMonth) throw new Error('a yearly task needs a due month');
      out.push({ periodKey: String(year), dueDate: dateOf(year, spec.dueMonth, day) });
    } else {
      for (let q = 1; q <= 4; q++)
        out.push({ periodKey: `${year}-Q${q}`, dueDate: dateOf(year, q * 3, day) });
    }
  }
  return out;
}

/** Today's date in Vietnam (UTC+7, no daylight saving). */
export function vietnamToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export const isClosed = (status: OccurrenceStatus) => status === 'done' || status === 'cancelled';

/** Overdue: not done (nor cancelled) and its due date has passed. */
export function isOverdue(o: { dueDate: string; status: OccurrenceStatus }, today: string): boolean {
  return !isClosed(o.status) && o.dueDate < today;
}

/** Open and due within the next `days` days, today included. */
export function isDueSoon(
  o: { dueDate: string; status: OccurrenceStatus },
  today: string,
  days = 7,
): boolean {
  return !isClosed(o.status) && o.dueDate >= today && o.dueDate <= addDays(today, days);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The same calendar date `years` later (29 Feb → 28 Feb in a common year): copying a plan to a new period. */
export function shiftYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return dateOf(y + years, m, d);
}

export type TaskState = 'done' | 'overdue' | 'in_progress' | 'not_started' | 'cancelled';

/** A task's state from its occurrences: overdue if any is, done when all are closed, otherwise in progress. */
export function taskState(
  occurrences: { dueDate: string; status: OccurrenceStatus }[],
  today: string,
): TaskState {
  if (occurrences.length === 0) return 'not_started';
  if (occurrences.some((o) => isOverdue(o, today))) return 'overdue';
  if (occurrences.every((o) => o.status === 'cancelled')) return 'cancelled';
  if (occurrences.every((o) => isClosed(o.status))) return 'done';
  if (occurrences.some((o) => o.status !== 'not_started')) return 'in_progress';
  return 'not_started';
}

/** A percent target is met when the actual compares as the target says; `achieved` targets by 1. */
export function targetMet(
  t: { measure: 'percent' | 'achieved'; op: '>' | '>=' | null; targetValue: number | null },
  actual: number | null,
): boolean | null {
  if (actual === null) return null;
  if (t.measure === 'achieved') return actual >= 1;
  if (t.targetValue === null) return null;
  return t.op === '>' ? actual > t.targetValue : actual >= t.targetValue;
}
