import { describe, expect, it } from 'vitest';
import type { DossierSnapshot } from '../dossier/lifecycle/snapshot.ts';
import { act, cal, DESK, desk, draft, officer, vn, WARD, wall } from '../dossier/lifecycle/test-fixtures.ts';
import { DEFAULT_EVALUATION_RULES } from './grade.ts';
import { agencyParts, scoreAgencyTime, scoreTotalTime, timeClass } from './score-time.ts';

const specialist = officer('specialist', WARD);
const head = officer('head_of_office', WARD);
const leader = officer('signing_leader', WARD);
const names = (id: string) => (id === DESK ? 'Bộ phận Một cửa' : 'UBND phường');

/**
 * 5 working days received Mon 9/3/2026 09:00 → due Mon 16/3 17:00 (counting from Tue 10/3). Process: desk 2 h,
 * specialist 2 days (16 h), head 4 h, leader 4 h, clerk 2 h. `times` are the completions of desk, specialist and
 * head, then the decision.
 */
function resolved(times: [string, string, string, string]): DossierSnapshot {
  let s = draft(vn('2026-03-09T08:00'));
  s = act(s, { type: 'submit' }, desk, vn('2026-03-09T08:30'));
  s = act(s, { type: 'receive', dossierCode: 'X-260309-0001' }, desk, vn('2026-03-09T09:00'));
  s = act(s, { type: 'complete_step', comment: '' }, desk, vn(times[0]));
  s = act(s, { type: 'complete_step', comment: '' }, specialist, vn(times[1]));
  s = act(s, { type: 'complete_step', comment: '' }, head, vn(times[2]));
  return act(s, { type: 'approve', comment: 'Đồng ý' }, leader, vn(times[3]));
}

describe('timeClass', () => {
  it('is early on a day before the limit, on time on its day, late after its instant', () => {
    const limit = vn('2026-03-16T17:00').toISOString();
    expect(timeClass(vn('2026-03-13T16:00').toISOString(), limit)).toBe('early');
    expect(timeClass(vn('2026-03-16T08:00').toISOString(), limit)).toBe('on_time');
    expect(timeClass(vn('2026-03-16T17:00').toISOString(), limit)).toBe('on_time');
    expect(timeClass(vn('2026-03-16T17:01').toISOString(), limit)).toBe('late');
  });
});

describe('indicator 1: total time against the legal limit', () => {
  it('gives 2 for a decision before the due day', () => {
    const s = resolved(['2026-03-09T10:00', '2026-03-10T10:00', '2026-03-10T11:00', '2026-03-10T14:00']);
    expect(wall(s.dueAt)).toBe('2026-03-16T17:00');
    const r = scoreTotalTime(s, DEFAULT_EVALUATION_RULES);
    expect(r).toMatchObject({ indicator: '1', points: 2, source: 'computed' });
    expect(r.reason).toBe('Giải quyết xong ngày 10/03/2026, hạn theo quy định 16/03/2026: trước hạn.');
  });

  it('gives 1 on the due day and 0 after it', () => {
    const onTime = resolved(['2026-03-09T10:00', '2026-03-12T10:00', '2026-03-13T11:00', '2026-03-16T16:00']);
    expect(scoreTotalTime(onTime, DEFAULT_EVALUATION_RULES).points).toBe(1);
    const late = resolved(['2026-03-09T10:00', '2026-03-12T10:00', '2026-03-13T11:00', '2026-03-17T08:00']);
    expect(scoreTotalTime(late, DEFAULT_EVALUATION_RULES).points).toBe(0);
  });

  it('judges against the statutory date, and scores late-within-an-apology as configured', () => {
    let s = draft(vn('2026-03-09T08:00'));
    s = act(s, { type: 'submit' }, desk, vn('2026-03-09T08:30'));
    s = act(s, { type: 'receive', dossierCode: 'X-260309-0002' }, desk, vn('2026-03-09T09:00'));
    s = act(s, { type: 'complete_step', comment: '' }, desk, vn('2026-03-09T10:00'));
    s = act(s, { type: 'complete_step', comment: '' }, specialist, vn('2026-03-11T10:00'));
    // Apology on Thu 12/3 (≥ 1 working day before the due Mon 16/3), new date Wed 18/3.
    s = act(
      s,
      { type: 'apologise', reason: 'Cần xác minh', newDueDate: '2026-03-18' },
      head,
      vn('2026-03-12T09:00'),
    );
    s = act(s, { type: 'complete_step', comment: '' }, head, vn('2026-03-12T10:00'));
    s = act(s, { type: 'approve' }, leader, vn('2026-03-17T09:00'));
    expect(wall(s.dueAt)).toBe('2026-03-18T17:00');
    const strict = scoreTotalTime(s, DEFAULT_EVALUATION_RULES);
    expect(strict.points).toBe(0);
    expect(strict.reason).toContain('trong ngày hẹn lại 18/03/2026');
    expect(scoreTotalTime(s, { ...DEFAULT_EVALUATION_RULES, lateWithApologyPoints: 1 }).points).toBe(1);
  });

  it('leaves an undecided dossier to the scorer', () => {
    let s = draft(vn('2026-03-09T08:00'));
    s = act(s, { type: 'submit' }, desk, vn('2026-03-09T08:30'));
    expect(scoreTotalTime(s, DEFAULT_EVALUATION_RULES).points).toBeNull();
  });
});

describe('indicator 2: time of each agency against its allotment', () => {
  it('gives 2 when every agency used less than its allotted office hours', () => {
    // Office hours 07:00–11:30, 13:30–17:00. Desk 1 h of 2; the ward: specialist Mon 10:00 → Tue 10:00 = 1.5 + 3.5
    // + 3 = 8 h, head 1 h, leader 11:00 → 14:00 = 0.5 + 0.5 = 1 h: 10 h of 16 + 4 + 4 (the clerk's step is not done).
    const s = resolved(['2026-03-09T10:00', '2026-03-10T10:00', '2026-03-10T11:00', '2026-03-10T14:00']);
    const parts = agencyParts(s, cal);
    expect(parts.map((p) => [p.agencyId, p.usedHours, p.budgetHours, p.result])).toEqual([
      [DESK, 1, 2, 'early'],
      [WARD, 10, 24, 'early'],
    ]);
    const r = scoreAgencyTime(s, cal, names);
    expect(r.points).toBe(2);
    expect(r.reason).toBe(
      'Bộ phận Một cửa: 1 giờ / 2 giờ được giao — trước hạn; UBND phường: 10 giờ / 24 giờ được giao — trước hạn.',
    );
  });

  it('gives 1 when an agency used exactly its allotment and 0 when one overran', () => {
    // Desk exactly 2 h (09:00 → 11:00).
    const exact = resolved(['2026-03-09T11:00', '2026-03-10T10:00', '2026-03-10T11:00', '2026-03-10T14:00']);
    expect(scoreAgencyTime(exact, cal, names).points).toBe(1);
    // Desk 09:00 → 14:30: 2.5 h in the morning + 1 h after lunch = 3.5 h of 2.
    const slow = resolved(['2026-03-09T14:30', '2026-03-10T10:00', '2026-03-10T11:00', '2026-03-10T14:00']);
    const parts = agencyParts(slow, cal);
    expect(parts[0]).toMatchObject({ agencyId: DESK, usedHours: 3.5, result: 'late' });
    expect(scoreAgencyTime(slow, cal, names).points).toBe(0);
  });

  it('judges an agency without an allotment by the legal limit when it handed the dossier on', () => {
    const s = resolved(['2026-03-09T10:00', '2026-03-10T10:00', '2026-03-10T11:00', '2026-03-10T14:00']);
    const unknown: DossierSnapshot = {
      ...s,
      steps: s.steps.map((x) => (x.agencyId === DESK ? { ...x, budgetHours: 0 } : x)),
    };
    const [deskPart] = agencyParts(unknown, cal);
    expect(deskPart).toMatchObject({ judgedBy: 'legal_limit', result: 'early' });
    expect(scoreAgencyTime(unknown, cal, names).reason).toContain(
      'Bộ phận Một cửa: chưa có thời gian được giao, chuyển đi trước hạn so với hạn giải quyết',
    );
  });
});
