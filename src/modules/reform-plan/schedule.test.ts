import { describe, expect, it } from 'vitest';
import {
  isDueSoon,
  isOverdue,
  occurrencesOf,
  shiftYears,
  targetMet,
  taskState,
  vietnamToday,
} from './schedule.ts';

describe('occurrences of a task over the plan', () => {
  it('a yearly task due 30/10 owes one occurrence per year of the plan', () => {
    expect(occurrencesOf({ recurrence: 'yearly', dueMonth: 10, dueDay: 30 }, 2021, 2025)).toEqual([
      { periodKey: '2021', dueDate: '2021-10-30' },
      { periodKey: '2022', dueDate: '2022-10-30' },
      { periodKey: '2023', dueDate: '2023-10-30' },
      { periodKey: '2024', dueDate: '2024-10-30' },
      { periodKey: '2025', dueDate: '2025-10-30' },
    ]);
  });

  it('a quarterly task owes four a year on the day of the quarter’s last month, clamped to its length', () => {
    const q = occurrencesOf({ recurrence: 'quarterly', dueDay: 31 }, 2024, 2024);
    expect(q.map((o) => `${o.periodKey} ${o.dueDate}`)).toEqual([
      '2024-Q1 2024-03-31',
      '2024-Q2 2024-06-30',
      '2024-Q3 2024-09-30',
      '2024-Q4 2024-12-31',
    ]);
  });

  it('a one-off task owes one, and 29 February falls on the 28th in a common year', () => {
    expect(occurrencesOf({ recurrence: 'once', dueDate: '2022-06-30' }, 2021, 2025)).toEqual([
      { periodKey: 'once', dueDate: '2022-06-30' },
    ]);
    expect(
      occurrencesOf({ recurrence: 'yearly', dueMonth: 2, dueDay: 29 }, 2023, 2024).map((o) => o.dueDate),
    ).toEqual(['2023-02-28', '2024-02-29']);
    expect(() => occurrencesOf({ recurrence: 'once' }, 2021, 2025)).toThrow();
  });
});

describe('overdue and due soon', () => {
  const due = (dueDate: string, status: 'not_started' | 'in_progress' | 'done' | 'cancelled') => ({
    dueDate,
    status,
  });

  it('is overdue from the day after the due date, unless done or cancelled', () => {
    expect(isOverdue(due('2025-10-30', 'in_progress'), '2025-10-30')).toBe(false);
    expect(isOverdue(due('2025-10-30', 'in_progress'), '2025-10-31')).toBe(true);
    expect(isOverdue(due('2025-10-30', 'not_started'), '2026-01-01')).toBe(true);
    expect(isOverdue(due('2025-10-30', 'done'), '2026-01-01')).toBe(false);
    expect(isOverdue(due('2025-10-30', 'cancelled'), '2026-01-01')).toBe(false);
  });

  it('is due soon within 7 days, today included', () => {
    expect(isDueSoon(due('2026-11-30', 'not_started'), '2026-11-23')).toBe(true);
    expect(isDueSoon(due('2026-12-01', 'not_started'), '2026-11-23')).toBe(false);
    expect(isDueSoon(due('2026-11-23', 'in_progress'), '2026-11-23')).toBe(true);
    expect(isDueSoon(due('2026-11-25', 'done'), '2026-11-23')).toBe(false);
  });

  it('today is the Vietnam date: 17:00 UTC is already the next day', () => {
    expect(vietnamToday(new Date('2025-10-30T16:59:59Z'))).toBe('2025-10-30');
    expect(vietnamToday(new Date('2025-10-30T17:00:00Z'))).toBe('2025-10-31');
  });

  it('a task is overdue if any occurrence is, done when all are closed', () => {
    const today = '2026-01-10';
    expect(taskState([due('2024-10-30', 'done'), due('2025-10-30', 'in_progress')], today)).toBe('overdue');
    expect(taskState([due('2024-10-30', 'done'), due('2025-10-30', 'cancelled')], today)).toBe('done');
    expect(taskState([due('2026-10-30', 'in_progress')], today)).toBe('in_progress');
    expect(taskState([due('2026-10-30', 'not_started')], today)).toBe('not_started');
  });
});

describe('copying and targets', () => {
  it('shifts a date by whole years', () => {
    expect(shiftYears('2021-11-30', 5)).toBe('2026-11-30');
    expect(shiftYears('2024-02-29', 5)).toBe('2029-02-28');
  });

  it('compares actuals as the target says', () => {
    const gt90 = { measure: 'percent' as const, op: '>' as const, targetValue: 90 };
    expect(targetMet(gt90, 90)).toBe(false);
    expect(targetMet(gt90, 90.5)).toBe(true);
    expect(targetMet({ ...gt90, op: '>=' }, 90)).toBe(true);
    expect(targetMet(gt90, null)).toBeNull();
    expect(targetMet({ measure: 'achieved', op: null, targetValue: null }, 1)).toBe(true);
    expect(targetMet({ measure: 'achieved', op: null, targetValue: null }, 0)).toBe(false);
  });
});
