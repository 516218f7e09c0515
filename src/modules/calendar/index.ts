// Public API of the Vietnamese working-day calendar (pure, no I/O).
export { DAY_MS, dayFromIso, isoFromDay, VN_OFFSET_MS } from './day.ts';
export {
  DEFAULT_HOLIDAY_OPTIONS,
  type HolidayOptions,
  holidaysOfYear,
  swappedWorkingDaysOfYear,
} from './holidays.ts';
export {
  dayOfLunar,
  LUNAR_MAX_YEAR,
  LUNAR_MIN_YEAR,
  type LunarDate,
  leapMonthOf,
  lunarDayLabel,
  lunarMonthLength,
  lunarOfDay,
  lunarToSolar,
  solarToLunar,
} from './lunar.ts';
export { DEFAULT_OFFICE_HOURS, type OfficeHours, parseOfficeHours } from './office-hours.ts';
export { OFFICIAL_SCHEDULES } from './official-schedules.ts';
export type { Holiday, HolidayKind, OfficialScheduleEntry, StatutoryHoliday } from './schedule.types.ts';
export { type DayInput, WorkingCalendar, type WorkingCalendarOptions } from './working-time.ts';
