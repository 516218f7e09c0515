import { describe, expect, it } from 'vitest';
import { dayFromCivil, isoFromDay } from './day.ts';
import {
  dayOfLunar,
  leapMonthOf,
  lunarDayLabel,
  lunarMonthLength,
  lunarOfDay,
  lunarToSolar,
  solarToLunar,
} from './lunar.ts';

// First day of Tết and Hùng Kings' day (10/3 lunar), hand-checked against published Vietnamese calendars.
const TET: Record<number, string> = {
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-02',
  2031: '2031-01-23',
};
const HUNG_KINGS: Record<number, string> = {
  2024: '2024-04-18',
  2025: '2025-04-07',
  2026: '2026-04-26',
  2027: '2027-04-16',
  2028: '2028-04-04',
  2029: '2029-04-23',
  2030: '2030-04-12',
  2031: '2031-04-01',
};

describe('Vietnamese lunar calendar', () => {
  it.each(Object.entries(TET))('Tết %s is on %s', (year, date) => {
    expect(lunarToSolar(Number(year), 1, 1)).toBe(date);
  });

  it.each(Object.entries(HUNG_KINGS))('Hùng Kings %s is on %s', (year, date) => {
    expect(lunarToSolar(Number(year), 3, 10)).toBe(date);
  });

  it('uses UTC+7, not the Chinese UTC+8 (Tết 1985, 2007, 2030)', () => {
    expect(lunarToSolar(2030, 1, 1)).toBe('2030-02-02'); // China: 2030-02-03
    expect(lunarToSolar(2007, 1, 1)).toBe('2007-02-17'); // China: 2007-02-18
    expect(lunarToSolar(1985, 1, 1)).toBe('1985-01-21'); // China: 1985-02-20
    expect(leapMonthOf(1985)).toBe(2); // China put the leap month in 1984 (10th month)
    expect(leapMonthOf(1984)).toBe(0);
  });

  it('finds the leap months of known years', () => {
    const leaps: Record<number, number> = {
      2012: 4,
      2014: 9,
      2017: 6,
      2020: 4,
      2023: 2,
      2024: 0,
      2025: 6,
      2028: 5,
    };
    for (const [year, month] of Object.entries(leaps)) expect(leapMonthOf(Number(year))).toBe(month);
    // 2033: month 11 must contain the December solstice, so the leap month is 11 (date-chinese says 8).
    expect(leapMonthOf(2033)).toBe(11);
    expect(lunarToSolar(2033, 11, 1)).toBe('2033-11-22');
    expect(lunarToSolar(2033, 11, 1, true)).toBe('2033-12-22');
    expect(lunarToSolar(2023, 2, 1, true)).toBe('2023-03-22');
  });

  it('converts solar dates, with the leap flag', () => {
    expect(solarToLunar(2025, 1, 28)).toEqual({ year: 2024, month: 12, day: 29, leap: false });
    expect(solarToLunar(2024, 2, 9)).toEqual({ year: 2023, month: 12, day: 30, leap: false });
    expect(solarToLunar(2025, 8, 1)).toEqual({ year: 2025, month: 6, day: 8, leap: true });
    expect(solarToLunar(2026, 9, 25)).toEqual({ year: 2026, month: 8, day: 15, leap: false });
  });

  it('rejects dates that do not exist', () => {
    expect(() => lunarToSolar(2024, 6, 1, true)).toThrow(RangeError);
    expect(() => lunarToSolar(2024, 13, 1)).toThrow(RangeError);
    expect(() => lunarToSolar(2024, 12, 30)).toThrow(RangeError); // tháng Chạp Giáp Thìn has 29 days
    expect(() => solarToLunar(2025, 2, 29)).toThrow(RangeError);
    expect(() => solarToLunar(1700, 1, 1)).toThrow(RangeError);
  });

  it('round-trips every day from 1900 to 2100, with 29/30-day months in order', () => {
    let previous = lunarOfDay(dayFromCivil(1899, 12, 31));
    for (let day = dayFromCivil(1900, 1, 1); day <= dayFromCivil(2100, 12, 31); day++) {
      const lunar = lunarOfDay(day);
      if (dayOfLunar(lunar.year, lunar.month, lunar.day, lunar.leap) !== day) {
        throw new Error(`round-trip failed on ${isoFromDay(day)}: ${JSON.stringify(lunar)}`);
      }
      const continues = lunar.day === previous.day + 1 && lunar.month === previous.month;
      const newMonth = lunar.day === 1 && (previous.day === 29 || previous.day === 30);
      if (!continues && !newMonth) throw new Error(`discontinuity on ${isoFromDay(day)}`);
      previous = lunar;
    }
  });

  it('labels lunar days in Vietnamese', () => {
    expect(lunarDayLabel({ month: 1, day: 1, leap: false })).toBe('mùng 1 tháng Giêng');
    expect(lunarDayLabel({ month: 12, day: 30, leap: false })).toBe('30 tháng Chạp');
    expect(lunarDayLabel({ month: 6, day: 15, leap: true })).toBe('15 tháng Sáu nhuận');
    expect(lunarMonthLength(2023, 12)).toBe(30);
    expect(lunarMonthLength(2024, 12)).toBe(29);
  });
});
