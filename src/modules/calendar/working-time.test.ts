import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from './working-time.ts';

/** Instant from a Vietnam wall-clock time 'YYYY-MM-DDTHH:MM'. */
const vn = (local: string): Date => new Date(`${local}:00+07:00`);
/** Vietnam wall-clock time of an instant. */
const wall = (date: Date): string => new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);

const cal = new WorkingCalendar(); // with the 2025–2026 official schedules
const lawOnly = new WorkingCalendar({ schedule: [] });

/** Deterministic pseudo-random numbers in [0, 1). */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('isWorkingDay', () => {
  it('knows weekends, holidays and swapped Saturdays', () => {
    expect(cal.isWorkingDay('2025-04-26')).toBe(true); // Saturday worked for Fri 2/5
    expect(cal.isWorkingDay('2025-05-02')).toBe(false);
    expect(cal.isWorkingDay('2026-01-10')).toBe(true);
    expect(cal.isWorkingDay('2026-01-02')).toBe(false);
    expect(cal.isWorkingDay('2026-02-20')).toBe(false);
    expect(cal.isWorkingDay('2026-02-23')).toBe(true);
    expect(cal.isWorkingDay('2026-04-27')).toBe(false); // compensation for Hùng Kings on Sunday
    expect(lawOnly.isWorkingDay('2025-04-26')).toBe(false);
    expect(cal.isWorkingDay(vn('2026-02-22T23:59'))).toBe(false);
    expect(cal.isWorkingDay(vn('2026-02-23T00:00'))).toBe(true);
  });
});

describe('addWorkingDays', () => {
  it('counts from the next working day and ends at 17:00 of the n-th', () => {
    expect(wall(cal.addWorkingDays(vn('2027-03-01T09:00'), 1))).toBe('2027-03-02T17:00');
    expect(wall(cal.addWorkingDays(vn('2027-03-01T09:00'), 5))).toBe('2027-03-08T17:00');
    expect(wall(cal.addWorkingDays(vn('2027-03-01T09:00'), 0))).toBe('2027-03-01T17:00');
  });

  it('applies the 15:00 cut-off and moves receipts outside working days', () => {
    expect(wall(cal.sameDayDue(vn('2027-03-05T14:59')))).toBe('2027-03-05T17:00');
    expect(wall(cal.sameDayDue(vn('2027-03-05T15:00')))).toBe('2027-03-08T17:00'); // Friday → Monday
    expect(wall(cal.addWorkingDays(vn('2027-03-05T14:59'), 1))).toBe('2027-03-08T17:00');
    expect(wall(cal.addWorkingDays(vn('2027-03-05T15:01'), 1))).toBe('2027-03-09T17:00');
    expect(wall(cal.sameDayDue(vn('2027-03-05T06:30')))).toBe('2027-03-05T17:00'); // before office hours
    expect(wall(cal.addWorkingDays(vn('2027-03-06T10:00'), 2))).toBe('2027-03-10T17:00'); // Saturday receipt
    expect(cal.effectiveReceiptDate(vn('2027-03-05T15:00'))).toBe('2027-03-08');
    const late = new WorkingCalendar({ sameDayCutoff: '16:00' });
    expect(wall(late.sameDayDue(vn('2027-03-05T15:30')))).toBe('2027-03-05T17:00');
  });

  it('spans Tết', () => {
    expect(wall(cal.addWorkingDays(vn('2026-02-13T10:00'), 3))).toBe('2026-02-25T17:00');
    expect(wall(cal.addWorkingDays(vn('2026-02-12T16:00'), 1))).toBe('2026-02-23T17:00');
    // 2025: the official schedule (27–31/1) differs from the default span (28/1–1/2 + Mon 3/2 in lieu).
    expect(wall(cal.addWorkingDays(vn('2025-01-24T10:00'), 1))).toBe('2025-02-03T17:00');
    expect(wall(lawOnly.addWorkingDays(vn('2025-01-24T10:00'), 1))).toBe('2025-01-27T17:00');
    expect(wall(cal.addWorkingDays(vn('2025-01-24T10:00'), 5))).toBe('2025-02-07T17:00');
  });

  it('spans a year end and uses swapped Saturdays', () => {
    expect(wall(cal.addWorkingDays(vn('2026-12-30T10:00'), 3))).toBe('2027-01-05T17:00');
    expect(wall(cal.addWorkingDays(vn('2025-04-25T10:00'), 1))).toBe('2025-04-26T17:00');
    expect(wall(cal.addWorkingDays(vn('2025-04-25T10:00'), 2))).toBe('2025-04-28T17:00');
    expect(wall(cal.addWorkingDays(vn('2025-04-25T10:00'), 4))).toBe('2025-05-05T17:00');
    expect(wall(cal.sameDayDue(vn('2025-04-26T09:00')))).toBe('2025-04-26T17:00');
  });

  it('is consistent with workingDaysBetween for random receipts 2024–2031', () => {
    const random = lcg(42);
    const start = vn('2024-01-01T00:00').getTime();
    for (let i = 0; i < 3000; i++) {
      const from = new Date(start + Math.floor(random() * 8 * 365 * 24) * 3_600_000);
      const n = Math.floor(random() * 40);
      const due = cal.addWorkingDays(from, n);
      expect(cal.workingDaysBetween(cal.effectiveReceiptDate(from), due)).toBe(n);
      expect(cal.isWorkingDay(due)).toBe(true);
      expect(wall(due).slice(11)).toBe('17:00');
    }
  });

  it('does not depend on the machine time zone', () => {
    const saved = process.env.TZ;
    const before = cal.addWorkingDays(vn('2026-02-12T16:00'), 1).getTime();
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(new Date('2026-01-01T00:00:00Z').getHours()).toBe(16); // the switch took effect
      const other = new WorkingCalendar();
      expect(other.addWorkingDays(vn('2026-02-12T16:00'), 1).getTime()).toBe(before);
      expect(other.isWorkingDay(vn('2026-02-23T06:00'))).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('rejects bad input', () => {
    expect(() => cal.addWorkingDays(vn('2027-03-01T09:00'), -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(vn('2027-03-01T09:00'), 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(new Date(Number.NaN), 1)).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2300-01-01')).toThrow(RangeError);
  });
});

describe('addWorkingHours', () => {
  it('spends office time only (07:00–11:30, 13:30–17:00)', () => {
    expect(wall(cal.addWorkingHours(vn('2027-03-01T10:00'), 1.5))).toBe('2027-03-01T11:30');
    expect(wall(cal.addWorkingHours(vn('2027-03-01T10:00'), 2))).toBe('2027-03-01T14:00');
    expect(wall(cal.addWorkingHours(vn('2027-03-01T12:00'), 0.5))).toBe('2027-03-01T14:00');
    expect(wall(cal.addWorkingHours(vn('2027-03-01T07:00'), 8))).toBe('2027-03-01T17:00');
    expect(wall(cal.addWorkingHours(vn('2027-03-01T16:00'), 2))).toBe('2027-03-02T08:00');
    expect(wall(cal.addWorkingHours(vn('2027-03-01T06:00'), 1))).toBe('2027-03-01T08:00');
    expect(wall(cal.addWorkingHours(vn('2027-03-05T16:30'), 8))).toBe('2027-03-08T16:30');
    expect(wall(cal.addWorkingHours(vn('2027-03-06T10:00'), 1))).toBe('2027-03-08T08:00');
    expect(wall(cal.addWorkingHours(vn('2026-02-13T15:00'), 4))).toBe('2026-02-23T09:00'); // over Tết
    expect(wall(cal.addWorkingHours(vn('2027-03-01T12:00'), 0))).toBe('2027-03-01T12:00');
  });

  it('accepts other office hours', () => {
    const hours = ['08:00-12:00', '13:00-17:00'];
    expect(wall(cal.addWorkingHours(vn('2027-03-01T11:00'), 2, hours))).toBe('2027-03-01T14:00');
    const cal2 = new WorkingCalendar({ officeHours: hours });
    expect(wall(cal2.addWorkingDays(vn('2027-03-01T09:00'), 1))).toBe('2027-03-02T17:00');
    expect(() => cal.addWorkingHours(vn('2027-03-01T11:00'), 1, ['13:00-12:00'])).toThrow(RangeError);
    expect(() => cal.addWorkingHours(vn('2027-03-01T11:00'), -1)).toThrow(RangeError);
  });
});

describe('between', () => {
  it('counts working days in (a, b], signed', () => {
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
    expect(cal.workingDaysBetween('2026-02-23', '2026-02-13')).toBe(-1);
    expect(cal.workingDaysBetween('2026-02-23', vn('2026-02-23T16:00'))).toBe(0);
    // 2026: 261 weekdays − 12 weekdays off (1–2/1, 16–20/2, 27/4, 30/4, 1/5, 1–2/9) + Saturday 10/1.
    expect(cal.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(250);
  });

  it('measures office hours between instants (lateness, pauses)', () => {
    expect(cal.workingHoursBetween(vn('2027-03-01T08:00'), vn('2027-03-01T16:00'))).toBe(6);
    expect(cal.workingHoursBetween(vn('2027-03-05T16:00'), vn('2027-03-08T08:00'))).toBe(2);
    expect(cal.workingHoursBetween(vn('2027-03-08T08:00'), vn('2027-03-05T16:00'))).toBe(-2);
    const due = cal.addWorkingDays(vn('2026-02-13T10:00'), 3);
    expect(cal.workingHoursBetween(due, vn('2026-02-26T09:00'))).toBe(2);
    expect(cal.workingDaysBetween(due, vn('2026-02-26T09:00'))).toBe(1);
  });

  it('inverts addWorkingHours', () => {
    const random = lcg(7);
    const start = vn('2025-01-01T00:00').getTime();
    for (let i = 0; i < 2000; i++) {
      const from = new Date(start + Math.floor(random() * 2 * 365 * 24 * 60) * 60_000);
      const hours = Math.round(random() * 200 * 4) / 4;
      expect(cal.workingHoursBetween(from, cal.addWorkingHours(from, hours))).toBeCloseTo(hours, 9);
    }
  });
});
