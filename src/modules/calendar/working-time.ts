// Working-day and working-hour arithmetic for deadlines (domain README decision 4). Each Gregorian year is
// precomputed once into arrays of day numbers, so a due-date computation is a few array reads, no Date churn.
// All wall-clock logic is Vietnam local time (UTC+7, no DST), independent of the machine's time zone.
import {
  DAY_MS,
  dayFromCivil,
  dayFromIso,
  isoFromDay,
  isWeekend,
  msOfVnDay,
  VN_OFFSET_MS,
  vnDayOfMs,
} from './day.ts';
import {
  DEFAULT_HOLIDAY_OPTIONS,
  type HolidayOptions,
  holidaysOfYear,
  swappedWorkingDaysOfYear,
} from './holidays.ts';
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR } from './lunar.ts';
import {
  DEFAULT_OFFICE_HOURS,
  hoursToMs,
  msToHours,
  type OfficeHours,
  officeClockAt,
  officeMsBefore,
  parseClock,
  parseOfficeHours,
} from './office-hours.ts';
import { OFFICIAL_SCHEDULES } from './official-schedules.ts';
import type { Holiday, OfficialScheduleEntry } from './schedule.types.ts';

export interface WorkingCalendarOptions {
  /** Official schedule rows of any years; default: the 2025–2026 seed (OFFICIAL_SCHEDULES). */
  schedule?: readonly OfficialScheduleEntry[];
  holidays?: Partial<HolidayOptions>;
  /** Local office intervals; default 07:00–11:30 and 13:30–17:00. A due day ends at the last interval's end. */
  officeHours?: readonly string[];
  /** Same-day cut-off: a receipt at or after it counts as received on the next working day. Default '15:00'. */
  sameDayCutoff?: string;
}

interface YearTable {
  year: number;
  /** Day number of 1 January. */
  start: number;
  /** 1 if the day (index = day − start) is a working day. */
  isWork: Uint8Array;
  /** cum[i] = working days among the year's first i days (length = days in year + 1). */
  cum: Int32Array;
  /** Index (day − start) of each working day, in order. */
  work: Int32Array;
}

export type DayInput = Date | string;

export class WorkingCalendar {
  private readonly tables: (YearTable | undefined)[] = [];
  private last: YearTable | undefined;
  private readonly schedule: readonly OfficialScheduleEntry[];
  private readonly holidayOptions: HolidayOptions;
  private readonly cutoffMs: number;
  /** Local time of day at which a due day ends (end of office hours). */
  private readonly dayEndMs: number;
  readonly officeHours: OfficeHours;

  constructor(options: WorkingCalendarOptions = {}) {
    this.schedule = options.schedule ?? OFFICIAL_SCHEDULES;
    this.holidayOptions = { ...DEFAULT_HOLIDAY_OPTIONS, ...options.holidays };
    this.officeHours = parseOfficeHours(options.officeHours ?? DEFAULT_OFFICE_HOURS);
    this.cutoffMs = parseClock(options.sameDayCutoff ?? '15:00');
    this.dayEndMs = this.officeHours.ends[this.officeHours.ends.length - 1] ?? 0;
  }

  /** Days off of a year under this calendar's schedule and options. */
  holidaysOfYear(year: number): Holiday[] {
    return holidaysOfYear(year, this.schedule, this.holidayOptions);
  }

  isWorkingDay(date: DayInput): boolean {
    const day = toDay(date);
    const t = this.table(day);
    return t.isWork[day - t.start] === 1;
  }

  /**
   * Due instant of a dossier received at `from` with an n-working-day time limit (n = 0: same-day procedure).
   * The receipt day is the day of `from` if it is a working day and `from` is before the cut-off, else the next
   * working day. The count starts the next working day; the due instant is the end of office hours of the n-th
   * working day after the receipt day (the receipt day itself when n = 0).
   */
  addWorkingDays(from: Date, n: number): Date {
    return new Date(this.addWorkingDaysMs(instantMs(from), n));
  }

  /** addWorkingDays on epoch milliseconds, for hot loops. */
  addWorkingDaysMs(fromMs: number, n: number): number {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`Working days must be a whole number ≥ 0, got ${n}`);
    const local = fromMs + VN_OFFSET_MS;
    const day = Math.floor(local / DAY_MS);
    let t = this.table(day);
    const i = day - t.start;
    const sameDay = t.isWork[i] === 1 && local - day * DAY_MS < this.cutoffMs;
    let pos = (t.cum[sameDay ? i : i + 1] ?? 0) + n;
    while (pos >= t.work.length) {
      pos -= t.work.length;
      t = this.tableOfYear(t.year + 1);
    }
    return (t.start + (t.work[pos] ?? 0)) * DAY_MS + this.dayEndMs - VN_OFFSET_MS;
  }

  /** Same-day procedure ("trong ngày"): end of that working day if received before the cut-off, else the next. */
  sameDayDue(from: Date): Date {
    return this.addWorkingDays(from, 0);
  }

  /** The receipt day ('YYYY-MM-DD') that the clock counts from, after the cut-off and non-working days. */
  effectiveReceiptDate(from: Date): string {
    return isoFromDay(vnDayOfMs(this.addWorkingDaysMs(instantMs(from), 0)));
  }

  /**
   * Instant after `hours` of office time from `from` (internal step budgets). Time outside office hours and
   * non-working days does not count; a budget that ends exactly at a session's end returns that end.
   */
  addWorkingHours(from: Date, hours: number, officeHours?: OfficeHours | readonly string[]): Date {
    if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`Hours must be ≥ 0, got ${hours}`);
    const oh = this.resolveHours(officeHours);
    const fromMs = instantMs(from);
    let remaining = hoursToMs(hours);
    if (remaining === 0) return new Date(fromMs);
    const local = fromMs + VN_OFFSET_MS;
    const day = Math.floor(local / DAY_MS);
    const t = this.table(day);
    if (t.isWork[day - t.start] === 1) {
      const done = officeMsBefore(oh, local - day * DAY_MS);
      if (remaining <= oh.total - done) return new Date(msOfVnDay(day, officeClockAt(oh, done + remaining)));
      remaining -= oh.total - done;
    }
    const k = Math.ceil(remaining / oh.total);
    const target = this.nthWorkingDayAfter(day, k);
    return new Date(msOfVnDay(target, officeClockAt(oh, remaining - (k - 1) * oh.total)));
  }

  /**
   * Working days d with a < d ≤ b (by Vietnam-local date), negative when b is before a. So
   * workingDaysBetween(receipt day, due) is the n of addWorkingDays, and a positive value of
   * workingDaysBetween(due, finished) is the number of working days late.
   */
  workingDaysBetween(a: DayInput, b: DayInput): number {
    const da = toDay(a);
    const db = toDay(b);
    return db >= da ? this.countWorking(da + 1, db + 1) : -this.countWorking(db + 1, da + 1);
  }

  /** Office hours between two instants (negative when b is before a), e.g. lateness or a pause. */
  workingHoursBetween(a: Date, b: Date, officeHours?: OfficeHours | readonly string[]): number {
    const oh = this.resolveHours(officeHours);
    const ams = instantMs(a);
    const bms = instantMs(b);
    return ams <= bms
      ? msToHours(this.officeMsBetween(ams, bms, oh))
      : -msToHours(this.officeMsBetween(bms, ams, oh));
  }

  private officeMsBetween(fromMs: number, toMs: number, oh: OfficeHours): number {
    const da = vnDayOfMs(fromMs);
    const db = vnDayOfMs(toMs);
    const before = (ms: number, day: number): number =>
      this.isWorkDay(day) ? officeMsBefore(oh, ms + VN_OFFSET_MS - day * DAY_MS) : 0;
    if (da === db) return before(toMs, db) - before(fromMs, da);
    const firstDay = this.isWorkDay(da) ? oh.total - before(fromMs, da) : 0;
    return firstDay + this.countWorking(da + 1, db) * oh.total + before(toMs, db);
  }

  private resolveHours(officeHours: OfficeHours | readonly string[] | undefined): OfficeHours {
    if (officeHours === undefined) return this.officeHours;
    return isParsed(officeHours) ? officeHours : parseOfficeHours(officeHours);
  }

  private isWorkDay(day: number): boolean {
    const t = this.table(day);
    return t.isWork[day - t.start] === 1;
  }

  /** Working days in [from, to). */
  private countWorking(from: number, to: number): number {
    let total = 0;
    let day = from;
    while (day < to) {
      const t = this.table(day);
      const end = Math.min(to, t.start + t.isWork.length);
      total += (t.cum[end - t.start] ?? 0) - (t.cum[day - t.start] ?? 0);
      day = end;
    }
    return total;
  }

  /** The k-th (k ≥ 1) working day strictly after a day. */
  private nthWorkingDayAfter(day: number, k: number): number {
    let t = this.table(day);
    let pos = (t.cum[day - t.start + 1] ?? 0) + k - 1;
    while (pos >= t.work.length) {
      pos -= t.work.length;
      t = this.tableOfYear(t.year + 1);
    }
    return t.start + (t.work[pos] ?? 0);
  }

  private table(day: number): YearTable {
    const last = this.last;
    if (last && day >= last.start && day - last.start < last.isWork.length) return last;
    let year = Math.floor(day / 365.2425) + 1970;
    if (dayFromCivil(year, 1, 1) > day) year--;
    else if (dayFromCivil(year + 1, 1, 1) <= day) year++;
    const t = this.tableOfYear(year);
    this.last = t;
    return t;
  }

  private tableOfYear(year: number): YearTable {
    if (year < LUNAR_MIN_YEAR || year >= LUNAR_MAX_YEAR) throw new RangeError(`Year ${year} is out of range`);
    const cached = this.tables[year - LUNAR_MIN_YEAR];
    if (cached) return cached;
    const t = this.buildYear(year);
    this.tables[year - LUNAR_MIN_YEAR] = t;
    return t;
  }

  private buildYear(year: number): YearTable {
    const start = dayFromCivil(year, 1, 1);
    const length = dayFromCivil(year + 1, 1, 1) - start;
    const off = new Set(this.holidaysOfYear(year).map((h) => dayFromIso(h.date)));
    const worked = new Set(swappedWorkingDaysOfYear(year, this.schedule).map(dayFromIso));
    const isWork = new Uint8Array(length);
    const cum = new Int32Array(length + 1);
    const work: number[] = [];
    for (let i = 0; i < length; i++) {
      const day = start + i;
      const working = worked.has(day) || (!isWeekend(day) && !off.has(day));
      isWork[i] = working ? 1 : 0;
      cum[i + 1] = (cum[i] ?? 0) + (working ? 1 : 0);
      if (working) work.push(i);
    }
    return { year, start, isWork, cum, work: Int32Array.from(work) };
  }
}

function isParsed(value: OfficeHours | readonly string[]): value is OfficeHours {
  return !Array.isArray(value);
}

function instantMs(date: Date): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return ms;
}

function toDay(date: DayInput): number {
  return typeof date === 'string' ? dayFromIso(date) : vnDayOfMs(instantMs(date));
}
