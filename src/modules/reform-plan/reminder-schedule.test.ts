import { describe, expect, it } from 'vitest';
import { overdueDigestText, periodLabel, reminderText, vnDate } from './reminder-messages.ts';
import { daysBetween, dueDateWindow, reminderDue, reminderSettingsFromEnv } from './reminder-schedule.ts';
import { successionOf } from './succession.ts';

const open = (dueDate: string) => ({ dueDate, status: 'in_progress' as const });

describe('which reminder an occurrence is owed on a date', () => {
  it('sends the 7-day reminder a week before, the 1-day one the day before, nothing in between', () => {
    expect(reminderDue(open('2026-10-30'), '2026-10-22')).toBeNull();
    expect(reminderDue(open('2026-10-30'), '2026-10-23')).toEqual({
      kind: 'due_in',
      threshold: 7,
      daysLeft: 7,
      ledgerKind: 'due_in_7',
    });
    // Still within the 7-day reminder (already sent once: the ledger keeps it from going twice).
    expect(reminderDue(open('2026-10-30'), '2026-10-27')?.ledgerKind).toBe('due_in_7');
    expect(reminderDue(open('2026-10-30'), '2026-10-29')).toMatchObject({
      ledgerKind: 'due_in_1',
      daysLeft: 1,
    });
    // On the deadline itself: the last reminder (if the day before was missed), "today is the last day".
    expect(reminderDue(open('2026-10-30'), '2026-10-30')).toMatchObject({
      ledgerKind: 'due_in_1',
      daysLeft: 0,
    });
  });

  it('alerts overdue from the day after, within the catch-up window only', () => {
    expect(reminderDue(open('2026-10-30'), '2026-10-31')).toEqual({
      kind: 'overdue',
      daysLate: 1,
      ledgerKind: 'overdue',
    });
    expect(reminderDue(open('2026-10-30'), '2026-11-06')?.kind).toBe('overdue');
    expect(reminderDue(open('2026-10-30'), '2026-11-07')).toBeNull();
    expect(
      reminderDue(open('2026-10-30'), '2026-11-20', { daysBefore: [7, 1], overdueWindowDays: 30 })?.kind,
    ).toBe('overdue');
  });

  it('owes nothing once done or cancelled', () => {
    expect(reminderDue({ dueDate: '2026-10-30', status: 'done' }, '2026-10-31')).toBeNull();
    expect(reminderDue({ dueDate: '2026-10-30', status: 'cancelled' }, '2026-10-29')).toBeNull();
  });

  it('follows the configured days, across month and year ends', () => {
    const settings = { daysBefore: [14, 3], overdueWindowDays: 7 };
    expect(reminderDue(open('2027-01-05'), '2026-12-22', settings)?.ledgerKind).toBe('due_in_14');
    expect(reminderDue(open('2027-01-05'), '2027-01-02', settings)?.ledgerKind).toBe('due_in_3');
    expect(reminderDue(open('2027-01-05'), '2026-12-21', settings)).toBeNull();
    expect(
      reminderDue(open('2026-03-01'), '2026-02-28', { daysBefore: [], overdueWindowDays: 7 }),
    ).toBeNull();
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(dueDateWindow('2026-12-07', settings)).toEqual({ from: '2026-11-30', to: '2026-12-21' });
  });

  it('reads the settings from the environment and refuses bad values in Vietnamese', () => {
    expect(reminderSettingsFromEnv({})).toEqual({ daysBefore: [7, 1], overdueWindowDays: 7 });
    expect(
      reminderSettingsFromEnv({ REFORM_REMINDER_DAYS: '1, 3,1', REFORM_OVERDUE_WINDOW_DAYS: '10' }),
    ).toEqual({
      daysBefore: [3, 1],
      overdueWindowDays: 10,
    });
    expect(reminderSettingsFromEnv({ REFORM_REMINDER_DAYS: '' }).daysBefore).toEqual([]);
    expect(() => reminderSettingsFromEnv({ REFORM_REMINDER_DAYS: '7,một' })).toThrow(
      /REFORM_REMINDER_DAYS không hợp lệ/,
    );
    expect(() => reminderSettingsFromEnv({ REFORM_OVERDUE_WINDOW_DAYS: '0' })).toThrow(/không hợp lệ/);
  });
});

describe('reminder text', () => {
  const occurrence = {
    description: 'Niêm yết công khai thủ tục hành chính mới tại Bộ phận Một cửa',
    agencyName: 'UBND phường Vị Thanh',
    planTitle: 'Kế hoạch CCHC năm 2026',
    periodKey: '2026-Q4',
    dueDate: '2026-12-06',
    percent: 40,
  };

  it('names the task, the agency, the deadline (dd/MM/yyyy) and links to the board', () => {
    const due = reminderDue(open('2026-12-06'), '2026-12-07');
    if (!due) throw new Error('expected an overdue alert');
    const text = reminderText(occurrence, due, 'https://motcua.vn/quan-tri/viec-cua-co-quan', '2026-12-07');
    expect(text.kind).toBe('task_overdue');
    expect(text.title).toBe(
      'Nhiệm vụ CCHC quá hạn: Niêm yết công khai thủ tục hành chính mới tại Bộ phận Một cửa',
    );
    expect(text.body).toContain(
      'có hạn hoàn thành ngày 06/12/2026, đến ngày 07/12/2026 chưa được báo cáo hoàn thành (quá hạn 1 ngày)',
    );
    expect(text.body).toContain('Cơ quan chủ trì: UBND phường Vị Thanh');
    expect(text.body).toContain('(quý IV/2026)');
    expect(text.body).toContain('https://motcua.vn/quan-tri/viec-cua-co-quan');
    expect(text.smsText).toMatch(/^Motcua: Nhiem vu CCHC "Niem yet cong khai/);
    expect(text.smsText).toContain('UBND phuong Vi Thanh da qua han 06/12/2026');
    expect(text.smsText.length).toBeLessThanOrEqual(320);
  });

  it('counts the days left, and says so on the last day', () => {
    const week = reminderDue(open('2026-12-06'), '2026-11-29');
    const last = reminderDue(open('2026-12-06'), '2026-12-06');
    if (!week || !last) throw new Error('expected reminders');
    expect(reminderText(occurrence, week, 'x', '2026-11-29').title).toMatch(
      /^Sắp đến hạn nhiệm vụ CCHC \(còn 7 ngày, hạn 06\/12\/2026\)/,
    );
    expect(reminderText(occurrence, last, 'x', '2026-12-06').body).toContain('(hôm nay là hạn cuối)');
  });

  it('lists the newly overdue tasks of a plan for the reform office', () => {
    const text = overdueDigestText(
      'Kế hoạch CCHC năm 2026',
      [occurrence, { ...occurrence, periodKey: 'once', agencyName: 'Phòng Tư pháp' }],
      'u',
      '2026-12-07',
    );
    expect(text.title).toBe('Tổng hợp ngày 07/12/2026: 2 nhiệm vụ CCHC mới quá hạn — Kế hoạch CCHC năm 2026');
    expect(text.body).toContain(
      '- Phòng Tư pháp: Niêm yết công khai thủ tục hành chính mới tại Bộ phận Một cửa — hạn 06/12/2026, tiến độ 40%',
    );
  });

  it('labels periods and dates', () => {
    expect(periodLabel('2025')).toBe('năm 2025');
    expect(periodLabel('2025-Q1')).toBe('quý I/2025');
    expect(periodLabel('once')).toBeNull();
    expect(vnDate('2026-01-09')).toBe('09/01/2026');
  });
});

describe('agency succession', () => {
  it('follows links transitively both ways', () => {
    const s = successionOf([
      { predecessorId: 'phuong-1', successorId: 'vi-thanh' },
      { predecessorId: 'phuong-3', successorId: 'vi-thanh' },
      { predecessorId: 'vi-thanh', successorId: 'vi-thanh-2030' },
    ]);
    expect(s.successorsOf('phuong-1').sort()).toEqual(['vi-thanh', 'vi-thanh-2030']);
    expect(s.predecessorsOf('vi-thanh-2030').sort()).toEqual(['phuong-1', 'phuong-3', 'vi-thanh']);
    expect(s.successorsOf('nowhere')).toEqual([]);
  });
});
