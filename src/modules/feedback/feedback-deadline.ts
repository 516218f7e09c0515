// Response deadlines of feedback, in working days (pure; the calendar comes from modules/calendar).
import type { WorkingCalendar } from '../calendar/index.ts';

/**
 * National portal's operating rules (shared/domain/rules-2.md §1.3): answer within 15 working days, counted
 * from submission or from the latest transfer. The reform office may set another limit per item.
 */
export const DEFAULT_RESPONSE_DAYS = 15;
export const MAX_RESPONSE_DAYS = 60;

/** Due instant of an item assigned (or re-assigned) at `from` with `days` working days to answer. */
export function responseDue(calendar: WorkingCalendar, from: Date, days: number): Date {
  return calendar.addWorkingDays(from, days);
}

export type FeedbackTimeliness = 'on_time' | 'late' | 'within_deadline' | 'overdue' | null;

/** Answered: on time / late; open: within the deadline / overdue; null without a deadline. */
export function timelinessOf(
  item: { dueAt: Date | null; answeredAt: Date | null; open: boolean },
  now: Date,
): FeedbackTimeliness {
  if (!item.dueAt) return null;
  if (item.answeredAt) return item.answeredAt <= item.dueAt ? 'on_time' : 'late';
  if (!item.open) return null;
  return now > item.dueAt ? 'overdue' : 'within_deadline';
}
