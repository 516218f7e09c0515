import { describe, expect, it } from 'vitest';
import { classify, lateSteps } from './classify.ts';
import type { DossierSnapshot } from './snapshot.ts';
import { act, applicant, cal, desk, draft, officer, vn, WARD, walkTo } from './test-fixtures.ts';

const specialist = officer('specialist', WARD);
const head = officer('head_of_office', WARD);
const leader = officer('signing_leader', WARD);

/** Received Mon 2/3/2026 09:00, 5 working days: due Mon 9/3 17:00. Left at the appraisal step from 09:30. */
function received(): DossierSnapshot {
  let s = draft(vn('2026-03-02T08:00'));
  s = act(s, { type: 'submit' }, desk, vn('2026-03-02T08:30'));
  s = act(s, { type: 'receive', dossierCode: 'X' }, desk, vn('2026-03-02T09:00'));
  return act(s, { type: 'complete_step', comment: '' }, desk, vn('2026-03-02T09:30'));
}

function decidedAt(at: Date): DossierSnapshot {
  let s = received();
  s = act(s, { type: 'complete_step', comment: '' }, specialist, new Date(at.getTime() - 2 * 60_000));
  s = act(s, { type: 'complete_step', comment: '' }, head, new Date(at.getTime() - 60_000));
  return act(s, { type: 'approve' }, leader, at);
}

describe('result classes of resolved dossiers (decision instant)', () => {
  const later = vn('2026-03-20T08:00');
  it.each([
    ['2026-03-06T16:59', 'early'],
    ['2026-03-09T07:00', 'on_time'],
    ['2026-03-09T17:00', 'on_time'],
    ['2026-03-09T17:01', 'late'],
    ['2026-03-10T08:00', 'late'],
  ])('decided at %s → %s', (local, result) => {
    const c = classify(decidedAt(vn(local)), later);
    expect(c.legal).toMatchObject({ status: 'resolved', result });
    expect(c.index).toMatchObject({ status: 'resolved', result });
  });

  it('one millisecond after the due instant is late', () => {
    const due = new Date(Date.parse(received().dueAt ?? ''));
    expect(classify(decidedAt(due), later).legal).toMatchObject({ result: 'on_time' });
    expect(classify(decidedAt(new Date(due.getTime() + 1)), later).legal).toMatchObject({ result: 'late' });
  });

  it('the issue of the result may be chosen as the resolution instant instead', () => {
    const decided = decidedAt(vn('2026-03-09T16:00'));
    const issued = act(
      decided,
      { type: 'issue_result', resultFileId: 'f' },
      officer('clerk', WARD),
      vn('2026-03-10T08:00'),
    );
    expect(classify(issued, later).legal).toMatchObject({ result: 'on_time' });
    expect(classify(issued, later, { resolvedAt: 'result' }).legal).toMatchObject({ result: 'late' });
    expect(classify(decided, vn('2026-03-09T16:30'), { resolvedAt: 'result' }).legal).toMatchObject({
      status: 'open',
      result: 'within_deadline',
    });
    // Returning later changes nothing.
    const returned = act(issued, { type: 'return_result', channel: 'post' }, desk, vn('2026-03-16T08:00'));
    expect(classify(returned, later).legal).toMatchObject({ result: 'on_time' });
  });
});

describe('result classes of dossiers in progress (at now)', () => {
  const s = received();
  it.each([
    ['2026-03-09T17:00', 'within_deadline'],
    ['2026-03-09T17:01', 'overdue'],
  ])('at %s → %s', (local, result) => {
    expect(classify(s, vn(local)).legal).toMatchObject({ status: 'open', result });
    expect(classify(s, vn(local)).index).toMatchObject({ status: 'open', result });
  });

  it('dossiers never received, refused or withdrawn before receipt are not counted', () => {
    for (const state of [
      'draft',
      'submitted',
      'intake_supplement_requested',
      'refused',
      'withdrawn',
    ] as const) {
      const c = classify(walkTo(state, 'nd118-2025'), vn('2026-04-01T08:00'));
      expect([state, c.legal.status, c.index.status]).toEqual([state, 'not_counted', 'not_counted']);
    }
  });

  it('a withdrawal after receipt ends processing on the index only', () => {
    const w = act(s, { type: 'withdraw' }, applicant, vn('2026-03-10T08:00'));
    const c = classify(w, vn('2026-04-01T08:00'));
    expect(c.legal.status).toBe('not_counted');
    expect(c.index).toMatchObject({ status: 'resolved', result: 'late' });
  });
});

describe('lateness attributed to the step that overran', () => {
  it('names the appraisal step that used more than its 16 office hours', () => {
    let s = received(); // appraisal from Mon 9:30, budget 16 h → due Wed 4/3 09:30
    s = act(s, { type: 'complete_step', comment: '' }, specialist, vn('2026-03-05T09:30')); // 24 h
    s = act(s, { type: 'complete_step', comment: '' }, head, vn('2026-03-05T10:30')); // 1 h of 4
    s = act(s, { type: 'approve' }, leader, vn('2026-03-05T11:00'));
    expect(lateSteps(s, cal)).toEqual([
      {
        index: 1,
        name: 'Thẩm định, xử lý hồ sơ',
        agencyId: WARD,
        actorRole: 'specialist',
        budgetHours: 16,
        usedHours: 24,
        overrunHours: 8,
        open: false,
      },
    ]);
    // The dossier itself is early: the legal deadline, not the step budgets, decides the class.
    expect(classify(s, vn('2026-03-20T08:00')).legal).toMatchObject({ result: 'early' });
  });

  it('reports the running step when now is given, and not the applicant’s waiting time under pause', () => {
    const s = received();
    expect(lateSteps(s, cal, vn('2026-03-04T09:30'))).toEqual([]);
    expect(lateSteps(s, cal, vn('2026-03-04T10:30'))).toMatchObject([
      { index: 1, overrunHours: 1, open: true },
    ]);
    expect(lateSteps(s, cal)).toEqual([]); // without now, only finished steps

    let p = draft(vn('2026-03-02T08:00'), { clockPolicy: 'pause' });
    p = act(p, { type: 'submit' }, desk, vn('2026-03-02T08:30'));
    p = act(p, { type: 'receive', dossierCode: 'X' }, desk, vn('2026-03-02T09:00'));
    p = act(p, { type: 'complete_step', comment: '' }, desk, vn('2026-03-02T09:30'));
    p = act(p, { type: 'request_supplement', reasons: ['x'] }, specialist, vn('2026-03-02T10:30'));
    expect(lateSteps(p, cal, vn('2026-03-20T08:00'))).toEqual([]); // frozen while waiting
    p = act(p, { type: 'supply_supplement' }, applicant, vn('2026-03-12T10:30'));
    p = act(p, { type: 'complete_step', comment: '' }, specialist, vn('2026-03-13T17:00'));
    // 1 h before the request + 12.5 h after the supplement: within the 16 h budget (77.5 h if not excluded).
    expect(lateSteps(p, cal)).toEqual([]);
    expect(p.steps[1]?.excludedHours).toBe(64);
  });
});
