export type HolidayKind = 'holiday' | 'compensation' | 'extra_day_off';

export interface Holiday {
  date: string;
  /** Vietnamese name; Tết days name their lunar day, e.g. "Tết Nguyên Đán (mùng 1 tháng Giêng)". */
  name: string;
  /** holiday = statutory day (Labour Code art. 112); compensation = art. 111(3); extra_day_off = from a notice. */
  kind: HolidayKind;
  /** Number of the instrument, when the day comes from an official schedule. */
  instrument?: string;
}

/** Holidays whose exact days the Prime Minister fixes each year (Labour Code 2019 art. 112(1), 112(3)). */
export type StatutoryHoliday = 'tet' | 'national_day';

/** One dated row of a yearly official schedule (VPCP letter, ministry notice). */
export interface OfficialScheduleEntry {
  date: string;
  /** working_day = a swapped Saturday (or any day) that counts as a working day. */
  type: 'day_off' | 'working_day';
  name: string;
  /** Number of the decision / letter / notice that set it. */
  instrument: string;
  /**
   * Marks a statutory day of Tết or National Day. If a year's schedule marks any day for one of them, those
   * rows replace the computed default span of that holiday for that year.
   */
  statutory?: StatutoryHoliday;
}
