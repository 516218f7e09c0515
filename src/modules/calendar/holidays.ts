// Public holidays by the Labour Code 2019 (45/2019/QH14) art. 112, compensation days by art. 111(3), and the
// yearly official schedule layered on top (rules.md §6, rules-2.md §5).
import { dayFromCivil, dayFromIso, isoFromDay, isWeekend, weekdayOf } from './day.ts';
import { dayOfLunar, lunarDayLabel, lunarOfDay } from './lunar.ts';
import type { Holiday, OfficialScheduleEntry, StatutoryHoliday } from './schedule.types.ts';

export interface HolidayOptions {
  /**
   * How many of the 5 Tết days come before mùng 1 (0–5). Art. 112(3) leaves the split to the Prime Minister;
   * default 1 = the last day of the lunar year + mùng 1–4, as in the 2026 notice (2025 used 2 + 3).
   */
  tetDaysBefore: number;
  /**
   * The day next to 2 September (art. 112(1): "and one day before or after"): 'before' = 1 Sep,
   * 'after' = 3 Sep, 'bridge' = 3 Sep when 2 Sep is a Monday or Thursday (the extra day then joins a weekend or
   * avoids a Sunday), else 1 Sep. 'bridge' gives 1 Sep for 2025 (Tue), the one year rules-2.md sources.
   */
  nationalDayExtra: 'before' | 'after' | 'bridge';
}

export const DEFAULT_HOLIDAY_OPTIONS: Readonly<HolidayOptions> = Object.freeze({
  tetDaysBefore: 1,
  nationalDayExtra: 'bridge',
});

interface DayEntry {
  day: number;
  name: string;
  instrument?: string;
}

function tetDays(year: number, daysBefore: number): DayEntry[] {
  if (!Number.isInteger(daysBefore) || daysBefore < 0 || daysBefore > 5) {
    throw new RangeError(`tetDaysBefore must be an integer 0–5, got ${daysBefore}`);
  }
  const first = dayOfLunar(year, 1, 1);
  return Array.from({ length: 5 }, (_, i) => {
    const day = first - daysBefore + i;
    return { day, name: `Tết Nguyên Đán (${lunarDayLabel(lunarOfDay(day))})` };
  });
}

function nationalDays(year: number, extra: HolidayOptions['nationalDayExtra']): DayEntry[] {
  const second = dayFromCivil(year, 9, 2);
  const weekday = weekdayOf(second);
  const after = extra === 'after' || (extra === 'bridge' && (weekday === 1 || weekday === 4));
  const other = after ? second + 1 : second - 1;
  return [
    { day: second, name: 'Quốc khánh (2/9)' },
    { day: other, name: `Quốc khánh (${after ? 3 : 1}/9)` },
  ];
}

function fromSchedule(
  rows: readonly OfficialScheduleEntry[],
  which: StatutoryHoliday,
): DayEntry[] | undefined {
  const picked = rows.filter((r) => r.type === 'day_off' && r.statutory === which);
  if (picked.length === 0) return undefined;
  return picked.map((r) => ({ day: dayFromIso(r.date), name: r.name, instrument: r.instrument }));
}

/** The rows of a schedule that fall in a year, validated. */
function scheduleOfYear(
  year: number,
  schedule: readonly OfficialScheduleEntry[] = [],
): OfficialScheduleEntry[] {
  const rows = schedule.filter((r) => r.date.startsWith(`${year}-`));
  for (const r of rows) {
    dayFromIso(r.date);
    if (r.type !== 'day_off' && r.type !== 'working_day')
      throw new RangeError(`Bad schedule type on ${r.date}`);
    if (r.statutory && r.type !== 'day_off')
      throw new RangeError(`A statutory row must be a day off: ${r.date}`);
  }
  return rows;
}

/**
 * Days off of a Gregorian year, sorted by date: statutory holidays, compensation days and, when a schedule is
 * given, its extra days off. Schedule rows win: statutory rows replace the computed Tết / National Day span,
 * and a 'working_day' row removes any day off on that date. No schedule by default (pure statutory rule).
 */
export function holidaysOfYear(
  year: number,
  schedule: readonly OfficialScheduleEntry[] = [],
  options: Partial<HolidayOptions> = {},
): Holiday[] {
  const opts = { ...DEFAULT_HOLIDAY_OPTIONS, ...options };
  const rows = scheduleOfYear(year, schedule);
  const hungKings = dayOfLunar(year, 3, 10);
  const statutory: DayEntry[] = [
    { day: dayFromCivil(year, 1, 1), name: 'Tết Dương lịch (1/1)' },
    ...(fromSchedule(rows, 'tet') ?? tetDays(year, opts.tetDaysBefore)),
    { day: hungKings, name: 'Giỗ Tổ Hùng Vương (mùng 10 tháng Ba âm lịch)' },
    { day: dayFromCivil(year, 4, 30), name: 'Ngày Chiến thắng (30/4)' },
    { day: dayFromCivil(year, 5, 1), name: 'Ngày Quốc tế lao động (1/5)' },
    ...(fromSchedule(rows, 'national_day') ?? nationalDays(year, opts.nationalDayExtra)),
  ].sort((a, b) => a.day - b.day);

  const taken = new Set(statutory.map((h) => h.day));
  const result: Holiday[] = statutory.map((h) => toHoliday(h, 'holiday'));
  // Art. 111(3): a holiday on the weekly rest day moves to the next working day (after any holiday run).
  for (const h of statutory) {
    if (!isWeekend(h.day)) continue;
    let day = h.day + 1;
    while (isWeekend(day) || taken.has(day)) day++;
    taken.add(day);
    result.push(toHoliday({ day, name: `Nghỉ bù ${h.name}` }, 'compensation'));
  }
  for (const r of rows) {
    const day = dayFromIso(r.date);
    if (r.type !== 'day_off' || r.statutory || taken.has(day)) continue;
    taken.add(day);
    result.push(toHoliday({ day, name: r.name, instrument: r.instrument }, 'extra_day_off'));
  }
  const worked = new Set(rows.filter((r) => r.type === 'working_day').map((r) => r.date));
  return result
    .filter((h) => !worked.has(h.date))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function toHoliday(entry: DayEntry, kind: Holiday['kind']): Holiday {
  const holiday: Holiday = { date: isoFromDay(entry.day), name: entry.name, kind };
  if (entry.instrument) holiday.instrument = entry.instrument;
  return holiday;
}

/** Dates ('YYYY-MM-DD') a year's schedule makes working days, e.g. swapped Saturdays. */
export function swappedWorkingDaysOfYear(
  year: number,
  schedule: readonly OfficialScheduleEntry[] = [],
): string[] {
  return scheduleOfYear(year, schedule)
    .filter((r) => r.type === 'working_day')
    .map((r) => r.date)
    .sort();
}
