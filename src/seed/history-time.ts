// Simulated time: receipt days weighted by demand, instants within office hours, working-day offsets. All
// arithmetic goes through the working calendar so the times are ones an office could have recorded.
import { dayFromIso, isoFromDay, weekdayOf } from '../modules/calendar/day.ts';
import type { WorkingCalendar } from '../modules/calendar/index.ts';
import { vnDate, vnMidnight } from '../modules/dossier/lifecycle/time.ts';
import { dayWeight } from './history-mix.ts';
import { type Rng, WeightedTable } from './history-random.ts';

export const HOUR_MS = 3_600_000;

/** Working days in [from, to] (ISO dates, Vietnam local). */
export function workingDays(cal: WorkingCalendar, from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = dayFromIso(from); day <= dayFromIso(to); day++) {
    const iso = isoFromDay(day);
    if (cal.isWorkingDay(iso)) out.push(iso);
  }
  return out;
}

/** `n` receipt days drawn by demand (growth, busy months, Mondays), sorted. */
export function sampleDays(rng: Rng, days: readonly string[], n: number): string[] {
  const table = new WeightedTable(days.map((d) => [d, dayWeight(d, weekdayOf(dayFromIso(d)))] as const));
  return Array.from({ length: n }, () => table.draw(rng)).sort();
}

/** The instant `hours` of office time into a working day (07:00 + …, lunch skipped). */
export function officeInstant(cal: WorkingCalendar, isoDay: string, hours: number): number {
  return cal.addWorkingHours(vnMidnight(isoDay), Math.max(0.02, hours)).getTime();
}

/** Office hours into the day at which people come to the desk: the morning is busier. */
export function arrivalHours(rng: Rng): number {
  return rng.chance(0.62) ? rng.between(0.2, 4.4) : rng.between(4.5, 7.9);
}

/** `hours` of office time after `at`. */
export function later(cal: WorkingCalendar, at: number, hours: number): number {
  return hours <= 0 ? at : cal.addWorkingHours(new Date(at), hours).getTime();
}

/** Office hours from `a` to `b` (0 when b is not after a). */
export function officeHoursBetween(cal: WorkingCalendar, a: number, b: number): number {
  return b <= a ? 0 : cal.workingHoursBetween(new Date(a), new Date(b));
}

/** The working day `k` working days before `isoDay`. */
export function workingDayBefore(cal: WorkingCalendar, isoDay: string, k: number): string {
  let day = dayFromIso(isoDay);
  for (let left = k; left > 0; ) {
    day -= 1;
    if (cal.isWorkingDay(isoFromDay(day))) left -= 1;
  }
  return isoFromDay(day);
}

export const vnDay = (at: number): string => vnDate(new Date(at));
