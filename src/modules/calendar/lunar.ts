// Vietnamese lunisolar calendar (âm lịch), our own implementation of the standard rules:
// 1. a month starts on the local day (UTC+7) of a true new moon;
// 2. month 11 is the month containing the December solstice (sun at 270°);
// 3. if 13 months start between two month-11s, the first month after month 11 without a major solar term
//    (sun crossing a multiple of 30°) is the leap month and repeats the number of the month before it.
// Vietnam has reckoned this at UTC+7 since 1968; earlier almanacs used UTC+8 (China), so dates before 1968 can
// differ from historical Vietnamese almanacs. We always use UTC+7: the calendar is for present-day deadlines.
import { JD_UNIX_EPOCH, jdeFromJd, jdFromJde, newMoonJde, SYNODIC_MONTH, sunLongitude } from './astro.ts';
import { dayFromCivil, isoFromDay, isValidCivil, VN_OFFSET_MS } from './day.ts';

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

/** Years (Gregorian, and lunar) this module accepts; tested over 1900–2100. */
export const LUNAR_MIN_YEAR = 1800;
export const LUNAR_MAX_YEAR = 2200;

const OFFSET_DAYS = VN_OFFSET_MS / 86_400_000;

/** Vietnam-local day number on which new moon k falls. */
function newMoonDay(k: number): number {
  return Math.floor(jdFromJde(newMoonJde(k)) + OFFSET_DAYS - JD_UNIX_EPOCH);
}

/** Sun's longitude sector (0…11, 30° each) at local midnight starting a day; a change = a major term. */
function sunSectorAtStart(dayNumber: number): number {
  const jd = dayNumber + JD_UNIX_EPOCH - OFFSET_DAYS;
  return Math.floor(sunLongitude(jdeFromJd(jd)) / 30);
}

/** Index k of the last new moon falling on or before a local day. */
function newMoonOnOrBefore(dayNumber: number): number {
  let k = Math.floor((dayNumber + JD_UNIX_EPOCH - 2_451_550.1) / SYNODIC_MONTH);
  while (newMoonDay(k + 1) <= dayNumber) k++;
  while (newMoonDay(k) > dayNumber) k--;
  return k;
}

/** New-moon index of month 11 of a Gregorian year: the month holding that year's December solstice. */
function month11Index(gYear: number): number {
  // The solstice day is the local day whose end is the first midnight with the sun at or past 270°.
  let day = dayFromCivil(gYear, 12, 18);
  while (sunSectorAtStart(day + 1) < 9) day++;
  return newMoonOnOrBefore(day);
}

/** The months from month 11 of gYear − 1 up to (not including) month 11 of gYear. */
interface MonthRun {
  /** Start day numbers; one more entry than months (the next month 11). */
  starts: number[];
  months: LunarDate[];
}

const runCache = new Map<number, MonthRun>();

function monthRun(gYear: number): MonthRun {
  const cached = runCache.get(gYear);
  if (cached) return cached;
  const k0 = month11Index(gYear - 1);
  const count = month11Index(gYear) - k0;
  const starts = Array.from({ length: count + 1 }, (_, i) => newMoonDay(k0 + i));
  let leapIndex = -1;
  if (count === 13) {
    for (let i = 1; i < count && leapIndex < 0; i++) {
      if (sunSectorAtStart(at(starts, i)) === sunSectorAtStart(at(starts, i + 1))) leapIndex = i;
    }
  }
  const months: LunarDate[] = [];
  let number = 10;
  for (let i = 0; i < count; i++) {
    const leap = i === leapIndex;
    if (!leap) number = (number % 12) + 1;
    // Months 11 and 12 (numbers never reach 11 again in one run) belong to the lunar year of gYear − 1.
    months.push({ year: number >= 11 ? gYear - 1 : gYear, month: number, day: 1, leap });
  }
  const run = { starts, months };
  runCache.set(gYear, run);
  return run;
}

function at(values: readonly number[], i: number): number {
  const v = values[i];
  if (v === undefined) throw new RangeError(`Index ${i} out of range`);
  return v;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new RangeError(`Year ${year} is outside ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`);
  }
}

/** Lunar date of a Vietnam-local day number. */
export function lunarOfDay(dayNumber: number): LunarDate {
  let gYear = Math.floor(dayNumber / 365.2425) + 1970;
  while (dayFromCivil(gYear, 1, 1) > dayNumber) gYear--;
  while (dayFromCivil(gYear + 1, 1, 1) <= dayNumber) gYear++;
  checkYear(gYear);
  let run = monthRun(gYear);
  if (dayNumber >= at(run.starts, run.starts.length - 1)) run = monthRun(gYear + 1);
  let i = run.months.length - 1;
  while (at(run.starts, i) > dayNumber) i--;
  const month = run.months[i];
  if (!month) throw new RangeError(`No lunar month for day ${dayNumber}`);
  return { ...month, day: dayNumber - at(run.starts, i) + 1 };
}

/** Day number of a lunar date; throws RangeError if that date does not exist (e.g. a missing leap month). */
export function dayOfLunar(lunarYear: number, lunarMonth: number, lunarDay: number, leap = false): number {
  checkYear(lunarYear);
  if (!Number.isInteger(lunarMonth) || lunarMonth < 1 || lunarMonth > 12) {
    throw new RangeError(`Lunar month must be 1–12, got ${lunarMonth}`);
  }
  const run = monthRun(lunarMonth >= 11 ? lunarYear + 1 : lunarYear);
  const i = run.months.findIndex((m) => m.year === lunarYear && m.month === lunarMonth && m.leap === leap);
  if (i < 0) throw new RangeError(`Lunar year ${lunarYear} has no ${leap ? 'leap ' : ''}month ${lunarMonth}`);
  const start = at(run.starts, i);
  const length = at(run.starts, i + 1) - start;
  if (!Number.isInteger(lunarDay) || lunarDay < 1 || lunarDay > length) {
    throw new RangeError(`Lunar month ${lunarMonth}/${lunarYear} has ${length} days, got day ${lunarDay}`);
  }
  return start + lunarDay - 1;
}

/** Converts a Gregorian date to the Vietnamese lunar calendar. */
export function solarToLunar(year: number, month: number, day: number): LunarDate {
  if (!isValidCivil(year, month, day)) throw new RangeError(`Invalid date ${year}-${month}-${day}`);
  return lunarOfDay(dayFromCivil(year, month, day));
}

/** Converts a Vietnamese lunar date to its Gregorian date as 'YYYY-MM-DD'. */
export function lunarToSolar(lunarYear: number, lunarMonth: number, lunarDay: number, leap = false): string {
  return isoFromDay(dayOfLunar(lunarYear, lunarMonth, lunarDay, leap));
}

/** Length (29 or 30) of a lunar month. */
export function lunarMonthLength(lunarYear: number, lunarMonth: number, leap = false): number {
  const start = dayOfLunar(lunarYear, lunarMonth, 1, leap);
  return lunarOfDay(start + 29).day === 30 ? 30 : 29;
}

/** The leap month of a lunar year (1–12), or 0 if the year has none. */
export function leapMonthOf(lunarYear: number): number {
  checkYear(lunarYear);
  for (const gYear of [lunarYear, lunarYear + 1]) {
    const leap = monthRun(gYear).months.find((m) => m.leap && m.year === lunarYear);
    if (leap) return leap.month;
  }
  return 0;
}

const MONTH_NAMES = ['Giêng', 'Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín', 'Mười', 'Một', 'Chạp'];

/** Vietnamese label of a lunar day, e.g. "mùng 1 tháng Giêng", "30 tháng Chạp", "15 tháng Tư nhuận". */
export function lunarDayLabel(date: Pick<LunarDate, 'month' | 'day' | 'leap'>): string {
  const day = date.day <= 10 ? `mùng ${date.day}` : String(date.day);
  return `${day} tháng ${MONTH_NAMES[date.month - 1] ?? date.month}${date.leap ? ' nhuận' : ''}`;
}
