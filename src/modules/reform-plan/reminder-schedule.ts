import { addDays, isClosed } from './schedule.ts';
import type { OccurrenceStatus } from './schema.ts';

// Pure rules of the deadline reminders: which reminder (if any) an open task occurrence is owed on a given
// Vietnam date. Calendar days, as the plan's deadlines are (a task due 30/10 is overdue from 31/10).

export interface ReminderSettings {
  /** Reminders before the deadline, in days (e.g. 7 and 1: a week before and the day before). */
  daysBefore: number[];
  /**
   * How many days after the deadline the overdue alert may still go out (a server down on the day after still
   * alerts when it comes back; tasks overdue for longer when reminders are first switched on do not flood
   * every inbox).
   */
  overdueWindowDays: number;
}

export const defaultReminderSettings: ReminderSettings = { daysBefore: [7, 1], overdueWindowDays: 7 };

export type ReminderDue =
  /** `threshold`: the setting it answers (the ledger's kind `due_in_<threshold>`); `daysLeft`: actual days. */
  | { kind: 'due_in'; threshold: number; daysLeft: number; ledgerKind: string }
  | { kind: 'overdue'; daysLate: number; ledgerKind: 'overdue' };

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The reminder an occurrence is owed on `today`: the overdue alert from the day after the deadline (within the
 * window), otherwise the most urgent "N days before" reminder whose day has come (a missed 7-day reminder is
 * superseded by the 1-day one, not sent late). Null for closed occurrences and those not yet in any window.
 */
export function reminderDue(
  o: { dueDate: string; status: OccurrenceStatus },
  today: string,
  settings: ReminderSettings = defaultReminderSettings,
): ReminderDue | null {
  if (isClosed(o.status)) return null;
  const daysLeft = daysBetween(today, o.dueDate);
  if (daysLeft < 0) {
    const daysLate = -daysLeft;
    return daysLate <= settings.overdueWindowDays
      ? { kind: 'overdue', daysLate, ledgerKind: 'overdue' }
      : null;
  }
  const reached = settings.daysBefore.filter((n) => n >= daysLeft);
  if (reached.length === 0) return null;
  const threshold = Math.min(...reached);
  return { kind: 'due_in', threshold, daysLeft, ledgerKind: `due_in_${threshold}` };
}

/** The due dates the job must look at on `today` (a window of dates for one indexed range query). */
export function dueDateWindow(today: string, settings: ReminderSettings = defaultReminderSettings) {
  return {
    from: addDays(today, -settings.overdueWindowDays),
    to: addDays(today, Math.max(0, ...settings.daysBefore)),
  };
}

/**
 * Reads REFORM_REMINDER_DAYS (comma-separated days before the deadline, e.g. `7,1`; empty = no advance
 * reminders) and REFORM_OVERDUE_WINDOW_DAYS. Bad values stop the server at start with a Vietnamese message.
 */
export function reminderSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): ReminderSettings {
  const days = env.REFORM_REMINDER_DAYS;
  const daysBefore =
    days === undefined
      ? defaultReminderSettings.daysBefore
      : days
          .split(',')
          .map((d) => d.trim())
          .filter((d) => d !== '')
          .map((d) => {
            const n = Number(d);
            if (!Number.isInteger(n) || n < 0 || n > 90)
              throw new Error(
                `REFORM_REMINDER_DAYS không hợp lệ: "${days}" (các số ngày 0–90, cách nhau dấu phẩy).`,
              );
            return n;
          });
  const windowText = env.REFORM_OVERDUE_WINDOW_DAYS;
  const overdueWindowDays =
    windowText === undefined || windowText === ''
      ? defaultReminderSettings.overdueWindowDays
      : Number(windowText);
  if (!Number.isInteger(overdueWindowDays) || overdueWindowDays < 1 || overdueWindowDays > 365)
    throw new Error(`REFORM_OVERDUE_WINDOW_DAYS không hợp lệ: "${windowText}" (số ngày 1–365).`);
  return { daysBefore: [...new Set(daysBefore)].sort((a, b) => b - a), overdueWindowDays };
}
