import { describe, expect, it } from 'vitest';
import type { Actor, DossierAction } from './actions.ts';
import { availableActions } from './available-actions.ts';
import { classify, lateSteps } from './classify.ts';
import type { DossierEventDraft } from './event.ts';
import type { DossierSnapshot } from './snapshot.ts';
import { applicant, CITY, cal, DESK, desk, draft, officer, step, vn, WARD, wall } from './test-fixtures.ts';

// A walk-in dossier at the ward's one-stop desk, resolved by the ward with a city office consulted
// (interlinked processing), one supplement during review, approved, signed, issued and returned.
describe('walk-in dossier at a ward desk, interlinked with a city office', () => {
  const events: DossierEventDraft[] = [];
  let s: DossierSnapshot = draft(vn('2026-03-02T08:00'));
  const run = (action: DossierAction, actor: Actor, at: string): void => {
    const r = step(s, action, actor, vn(at));
    events.push(r.event);
    s = r.snapshot;
  };

  it('is filed and received at the counter; the legal due date is 5 working days later', () => {
    expect(availableActions(s, desk, vn('2026-03-02T08:05'))).toEqual(['submit']);
    run({ type: 'submit' }, desk, '2026-03-02T08:05');
    expect(availableActions(s, desk, vn('2026-03-02T08:10'))).toEqual([
      'request_intake_supplement',
      'refuse',
      'receive',
      'withdraw',
    ]);
    run({ type: 'receive', dossierCode: '000.17.22.H56-260302-0001' }, desk, '2026-03-02T08:10');
    expect(s).toMatchObject({
      state: 'received',
      ruleProfile: 'nd118-2025',
      code: '000.17.22.H56-260302-0001',
    });
    expect(wall(s.dueAt)).toBe('2026-03-09T17:00');
    expect(events.at(-1)?.form).toMatchObject({
      number: '01',
      name: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    });
    // The desk's own step: 2 working hours (its budget, earlier than the same-day transfer limit).
    expect(wall(s.steps[0]?.dueAt)).toBe('2026-03-02T10:10');
    expect(availableActions(s, applicant, vn('2026-03-02T08:20'))).toEqual(['withdraw']);
  });

  it('goes from the desk to the ward (hand-over on the control sheet)', () => {
    run({ type: 'complete_step', comment: 'Chuyển phòng chuyên môn' }, desk, '2026-03-02T09:00');
    expect(events.at(-1)?.form).toMatchObject({ number: '06' });
    expect(events.at(-1)?.data.handOver).toMatchObject({
      fromAgencyId: DESK,
      toAgencyId: WARD,
      toStepIndex: 1,
    });
    run({ type: 'start_step' }, officer('specialist', WARD), '2026-03-02T09:30');
    expect(s.steps[1]?.acceptedAt).not.toBeNull();
  });

  it('is transferred to the city office for an opinion, and comes back to the ward', () => {
    const transfer: DossierAction = {
      type: 'transfer',
      toAgencyId: CITY,
      stepName: 'Xác minh, cho ý kiến',
      actorRole: 'specialist',
      budgetHours: 8,
      comment: 'Đề nghị phòng chuyên môn thành phố cho ý kiến',
    };
    run(transfer, officer('specialist', WARD), '2026-03-02T10:00');
    expect(s.steps.map((x) => [x.index, x.agencyId, x.interlinked])).toEqual([
      [0, DESK, false],
      [1, WARD, false],
      [2, CITY, true],
      [3, WARD, false],
      [4, WARD, false],
      [5, WARD, false],
    ]);
    expect(s.currentStepIndex).toBe(2);
    expect(wall(s.steps[2]?.dueAt)).toBe('2026-03-03T10:00');
    // The ward no longer holds it; the city office does.
    expect(availableActions(s, officer('specialist', WARD), vn('2026-03-02T11:00'))).toEqual([]);
    expect(availableActions(s, officer('specialist', CITY), vn('2026-03-02T11:00'))).toEqual([
      'start_step',
      'complete_step',
      'transfer',
      'request_supplement',
    ]);
    run({ type: 'complete_step', comment: 'Thống nhất' }, officer('specialist', CITY), '2026-03-03T10:00');
    expect(events.at(-1)?.data.handOver).toMatchObject({
      fromAgencyId: CITY,
      toAgencyId: WARD,
      toStepIndex: 3,
    });
    expect(s.dueAt).toBe(events[1]?.data.dueAt); // hand-overs never move the legal due date
  });

  it('needs one supplement during review: the legal period restarts, the index subtracts the wait', () => {
    run(
      { type: 'request_supplement', reasons: ['Bổ sung bản vẽ'] },
      officer('head_of_office', WARD),
      '2026-03-03T14:00',
    );
    expect(s).toMatchObject({ state: 'supplement_requested', supplementCount: 1 });
    expect(events.at(-1)?.form).toMatchObject({ number: '02' });
    expect(events.at(-1)?.data.supplement).toMatchObject({ number: 1, afterWindow: false });
    // Brought to the counter; the desk records it for the applicant.
    run({ type: 'supply_supplement', note: 'Đã nộp bản vẽ' }, desk, '2026-03-05T09:00');
    expect(events.at(-1)?.actor.onBehalfOfApplicant).toBe(true);
    expect(events.at(-1)?.data.waitedHours).toBe(13);
    expect(wall(s.dueAt)).toBe('2026-03-12T17:00'); // restart: 5 working days from Thursday 5/3
    expect(wall(s.clocks.index.dueAt)).toBe('2026-03-11T14:00'); // 9/3 17:00 + 13 office hours
    expect(s.state).toBe('in_progress');
  });

  it('is reviewed, approved and signed, issued and returned at the counter', () => {
    run({ type: 'complete_step', comment: 'Trình ký' }, officer('head_of_office', WARD), '2026-03-05T10:00');
    expect(availableActions(s, officer('signing_leader', WARD), vn('2026-03-05T15:00'))).toEqual([
      'start_step',
      'apologise',
      'stop',
      'approve',
      'reject',
    ]);
    run({ type: 'approve', decisionNo: '123/QĐ-UBND' }, officer('signing_leader', WARD), '2026-03-05T15:00');
    expect(s.decision).toMatchObject({ outcome: 'approved', decisionNo: '123/QĐ-UBND' });
    expect(s.state).toBe('decided');
    run({ type: 'issue_result', resultFileId: 'file-42' }, officer('clerk', WARD), '2026-03-05T16:30');
    run({ type: 'return_result', channel: 'counter' }, desk, '2026-03-06T10:00');
    expect(s).toMatchObject({ state: 'returned', returnChannel: 'counter', version: 12 });
    expect(s.steps.every((x) => x.completedAt !== null)).toBe(true);
    expect(availableActions(s, desk, vn('2026-03-06T11:00'))).toEqual([]);
  });

  it('leaves a complete trail and classifies early on both clocks, with no step late', () => {
    expect(events.map((e) => `${e.fromState}→${e.toState}`)).toEqual([
      'draft→submitted',
      'submitted→received',
      'received→in_progress',
      'in_progress→in_progress',
      'in_progress→in_progress',
      'in_progress→in_progress',
      'in_progress→supplement_requested',
      'supplement_requested→in_progress',
      'in_progress→in_progress',
      'in_progress→decided',
      'decided→result_issued',
      'result_issued→returned',
    ]);
    expect(events.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const handOvers = events.flatMap((e) =>
      e.data.handOver ? [`${e.data.handOver.fromAgencyId}→${e.data.handOver.toAgencyId}`] : [],
    );
    expect(handOvers).toEqual([
      `${DESK}→${WARD}`,
      `${WARD}→${CITY}`,
      `${CITY}→${WARD}`,
      `${WARD}→${WARD}`,
      `${WARD}→${WARD}`,
    ]);
    const c = classify(s, vn('2026-03-20T08:00'));
    expect(c.legal).toMatchObject({ status: 'resolved', result: 'early' });
    expect(c.index).toMatchObject({ status: 'resolved', result: 'early' });
    expect(lateSteps(s, cal)).toEqual([]);
  });
});
