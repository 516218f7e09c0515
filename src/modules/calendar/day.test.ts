import { describe, expect, it } from 'vitest';
import {
  civilFromDay,
  dayFromCivil,
  dayFromIso,
  isoFromDay,
  msOfVnDay,
  nextMonth,
  vnDayOfMs,
  weekdayOf,
} from './day.ts';

describe('day numbers', () => {
  it('matches the Unix epoch and round-trips every day 1800–2200', () => {
    expect(dayFromCivil(1970, 1, 1)).toBe(0);
    expect(dayFromCivil(2000, 3, 1)).toBe(Date.UTC(2000, 2, 1) / 86_400_000);
    for (let day = dayFromCivil(1800, 1, 1); day <= dayFromCivil(2200, 12, 31); day++) {
      const { year, month, day: d } = civilFromDay(day);
      if (dayFromCivil(year, month, d) !== day) throw new Error(`round-trip failed at ${day}`);
    }
  });

  it('gives weekdays (0 = Sunday) and strict ISO dates', () => {
    expect(weekdayOf(dayFromIso('2026-04-26'))).toBe(0);
    expect(weekdayOf(dayFromIso('2025-04-26'))).toBe(6);
    expect(isoFromDay(dayFromIso('2028-02-29'))).toBe('2028-02-29');
    for (const bad of ['2027-02-29', '2026-13-01', '2026-1-1', '2026-01-01T00:00']) {
      expect(() => dayFromIso(bad)).toThrow(RangeError);
    }
  });

  it('maps instants to Vietnam-local days (UTC+7)', () => {
    expect(isoFromDay(vnDayOfMs(Date.parse('2026-02-16T16:59:59Z')))).toBe('2026-02-16');
    expect(isoFromDay(vnDayOfMs(Date.parse('2026-02-16T17:00:00Z')))).toBe('2026-02-17');
    expect(new Date(msOfVnDay(dayFromIso('2026-02-17'), 0)).toISOString()).toBe('2026-02-16T17:00:00.000Z');
  });
});

describe('nextMonth', () => {
  it('gives the first day of the following month, across a year end, from a month or a day', () => {
    expect(nextMonth('2025-01')).toBe('2025-02-01');
    expect(nextMonth('2025-09-01')).toBe('2025-10-01');
    expect(nextMonth('2025-12')).toBe('2026-01-01');
    expect(nextMonth('2024-12-01')).toBe('2025-01-01');
  });
});
