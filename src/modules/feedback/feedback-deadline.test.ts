import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../calendar/index.ts';
import { DEFAULT_RESPONSE_DAYS, responseDue, timelinessOf } from './feedback-deadline.ts';

const vn = (iso: string) => new Date(`${iso}+07:00`);

describe('feedback response deadline', () => {
  const calendar = new WorkingCalendar();

  it('counts working days, skipping weekends', () => {
    // Assigned Thursday 5 Nov 2026 at 09:00: 3 working days → Fri 6, Mon 9, Tue 10; due at 17:00.
    expect(responseDue(calendar, vn('2026-11-05T09:00:00'), 3).toISOString()).toBe(
      vn('2026-11-10T17:00:00').toISOString(),
    );
  });

  it('skips the National Day holiday (2 September 2026 and the day off around it)', () => {
    const due = responseDue(calendar, vn('2026-08-31T09:00:00'), 1);
    // Not 1 September or 2 September when those are days off under the calendar.
    expect(calendar.isWorkingDay(due)).toBe(true);
    expect(calendar.isWorkingDay('2026-09-02')).toBe(false);
    expect(due.getTime()).toBeGreaterThan(vn('2026-09-02T17:00:00').getTime());
  });

  it('defaults to the national portal’s 15 working days', () => {
    expect(DEFAULT_RESPONSE_DAYS).toBe(15);
    // 15 working days from Mon 2 Nov 2026 = three full weeks → Mon 23 Nov 2026.
    expect(responseDue(calendar, vn('2026-11-02T08:00:00'), 15).toISOString()).toBe(
      vn('2026-11-23T17:00:00').toISOString(),
    );
  });

  it('classifies answered and open items', () => {
    const dueAt = vn('2026-11-10T17:00:00');
    const now = vn('2026-11-12T09:00:00');
    expect(timelinessOf({ dueAt, answeredAt: vn('2026-11-10T16:00:00'), open: false }, now)).toBe('on_time');
    expect(timelinessOf({ dueAt, answeredAt: vn('2026-11-11T08:00:00'), open: false }, now)).toBe('late');
    expect(timelinessOf({ dueAt, answeredAt: null, open: true }, now)).toBe('overdue');
    expect(timelinessOf({ dueAt, answeredAt: null, open: true }, vn('2026-11-09T09:00:00'))).toBe(
      'within_deadline',
    );
    expect(timelinessOf({ dueAt: null, answeredAt: null, open: true }, now)).toBeNull();
  });
});
