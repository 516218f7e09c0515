import { describe, expect, it } from 'vitest';
import { availableActions } from './available-actions.ts';
import { classify } from './classify.ts';
import type { SupplementClockPolicy } from './snapshot.ts';
import { act, applicant, cal, desk, draft, officer, vn, WARD, walkTo, wall } from './test-fixtures.ts';
import { transition } from './transition.ts';

const specialist = officer('specialist', WARD);
const head = officer('head_of_office', WARD);
const ask = { type: 'request_supplement', reasons: ['Bổ sung giấy xác nhận'] } as const;

/** Received Thu 12/2/2026 09:00 (5 working days: due Thu 26/2, after Tết 16–20/2), at appraisal from 10:00. */
function atAppraisal(policy: SupplementClockPolicy) {
  let s = draft(vn('2026-02-12T08:00'), { clockPolicy: policy });
  s = act(s, { type: 'submit' }, desk, vn('2026-02-12T08:30'));
  s = act(s, { type: 'receive', dossierCode: 'X-260212-0001' }, desk, vn('2026-02-12T09:00'));
  return act(s, { type: 'complete_step', comment: '' }, desk, vn('2026-02-12T10:00'));
}

/** Supplement asked Fri 13/2 09:00 and supplied Tue 24/2 09:00: 16 office hours over Tết. */
function supplemented(policy: SupplementClockPolicy) {
  let s = atAppraisal(policy);
  s = act(s, ask, specialist, vn('2026-02-13T09:00'));
  return { paused: s, resumed: act(s, { type: 'supply_supplement' }, applicant, vn('2026-02-24T09:00')) };
}

describe('receipt over Tết 2026', () => {
  it('a 5-working-day procedure received on 12/2 is due on 26/2, skipping Tết 16–20/2', () => {
    const s = atAppraisal('restart');
    expect(wall(s.dueAt)).toBe('2026-02-26T17:00');
    expect(wall(s.clocks.index.dueAt)).toBe('2026-02-26T17:00');
    expect(wall(s.clocks.legal.originalDueAt)).toBe('2026-02-26T17:00');
  });

  it('the appraisal step (2 working days = 16 office hours from Thu 10:00) is due Mon 23/2 10:00', () => {
    expect(wall(atAppraisal('restart').steps[1]?.dueAt)).toBe('2026-02-23T10:00');
  });
});

describe('clock policies for a supplement during processing', () => {
  it('restart (the legal default, Decree 61 art. 19(4)): a new 5-day period from 24/2', () => {
    const { paused, resumed } = supplemented('restart');
    expect(paused.clocks.legal.pausedAt).not.toBeNull();
    expect(wall(resumed.dueAt)).toBe('2026-03-03T17:00');
    expect(resumed.clocks.legal).toMatchObject({ restarts: 1, pausedAt: null });
    expect(wall(resumed.clocks.legal.periodStartedAt)).toBe('2026-02-24T09:00');
    // The step's budget starts over as well.
    expect(wall(resumed.steps[1]?.dueAt)).toBe('2026-02-26T09:00');
  });

  it('pause: the due date moves by the 16 office hours waited (Fri 13/2 6 h, Mon 23/2 8 h, Tue 24/2 2 h)', () => {
    const { resumed } = supplemented('pause');
    expect(wall(resumed.dueAt)).toBe('2026-03-02T17:00');
    expect(resumed.clocks.legal).toMatchObject({ pausedHours: 16, restarts: 0 });
    expect(wall(resumed.steps[1]?.dueAt)).toBe('2026-02-25T10:00');
    expect(resumed.steps[1]?.excludedHours).toBe(16);
  });

  it('none: the legal clock keeps running', () => {
    const { paused, resumed } = supplemented('none');
    expect(paused.clocks.legal.pausedAt).toBeNull();
    expect(wall(resumed.dueAt)).toBe('2026-02-26T17:00');
    expect(wall(resumed.steps[1]?.dueAt)).toBe('2026-02-23T10:00');
  });

  it.each(['restart', 'pause', 'none'] as const)(
    '%s: the index clock always subtracts the wait',
    (policy) => {
      const { resumed } = supplemented(policy);
      expect(resumed.clocks.index).toMatchObject({
        supplementHours: 16,
        supplementRequests: 1,
        pausedAt: null,
      });
      expect(wall(resumed.clocks.index.dueAt)).toBe('2026-03-02T17:00');
    },
  );

  it('the event of the resumption carries the old and new due dates', () => {
    const { paused } = supplemented('restart');
    const r = transition(paused, { type: 'supply_supplement' }, applicant, vn('2026-02-24T09:00'), cal);
    expect(r.ok && r.event.data).toMatchObject({
      previousDueAt: '2026-02-26T10:00:00.000Z',
      dueAt: '2026-03-03T10:00:00.000Z',
      waitedHours: 16,
    });
  });

  it('while waiting, the legal clock stands still (pause/restart) but not under none', () => {
    const late = vn('2026-03-10T08:00');
    expect(classify(supplemented('pause').paused, late).legal).toMatchObject({ result: 'within_deadline' });
    expect(classify(supplemented('restart').paused, late).legal).toMatchObject({ result: 'within_deadline' });
    expect(classify(supplemented('none').paused, late).legal).toMatchObject({ result: 'overdue' });
    // The index: the request instant counts as the end of processing while the applicant has not returned.
    expect(classify(supplemented('none').paused, late).index).toMatchObject({
      status: 'resolved',
      result: 'early',
    });
  });

  it('a request later than 3 working days after receipt is allowed but flagged (Decree 61 art. 19(4))', () => {
    const s = atAppraisal('restart');
    const inWindow = transition(s, ask, specialist, vn('2026-02-24T16:00'), cal); // 3rd working day after 12/2
    expect(inWindow.ok && inWindow.event.data.supplement?.afterWindow).toBe(false);
    const after = transition(s, ask, specialist, vn('2026-02-25T08:00'), cal);
    expect(after.ok && after.snapshot.supplements[0]?.afterWindow).toBe(true);
  });
});

describe('only one supplement request per dossier', () => {
  const once = supplemented('restart').resumed;
  const now = vn('2026-02-24T10:00');

  it('a second request is refused with the rule', () => {
    const r = transition(once, ask, specialist, now, cal);
    expect(r).toMatchObject({ ok: false, code: 'RULE' });
    expect(!r.ok && r.message).toContain('chỉ được yêu cầu bổ sung, hoàn thiện một lần');
    expect(availableActions(once, specialist, now)).not.toContain('request_supplement');
  });

  it('the head of office may allow it as an exception with its legal basis; the index counts it late', () => {
    expect(availableActions(once, head, now)).toContain('request_supplement');
    expect(transition(once, ask, head, now, cal)).toMatchObject({ ok: false, code: 'RULE' });
    const r = transition(once, { ...ask, exception: { legalBasis: 'Điều 10 Luật X' } }, head, now, cal);
    if (!r.ok) throw new Error(r.message);
    expect(r.snapshot.supplementCount).toBe(2);
    expect(r.snapshot.supplements[1]).toMatchObject({ number: 2, exceptionLegalBasis: 'Điều 10 Luật X' });
    expect(r.event.data.supplement).toMatchObject({ number: 2, exceptionLegalBasis: 'Điều 10 Luật X' });
    let s = act(r.snapshot, { type: 'supply_supplement' }, applicant, vn('2026-02-24T11:00'));
    s = act(s, { type: 'complete_step', comment: '' }, specialist, vn('2026-02-24T13:30'));
    s = act(s, { type: 'complete_step', comment: '' }, head, vn('2026-02-24T14:00'));
    s = act(s, { type: 'approve' }, officer('signing_leader', WARD), vn('2026-02-24T15:00'));
    const c = classify(s, vn('2026-02-24T16:00'));
    expect(c.legal).toMatchObject({ result: 'early' });
    expect(c.index).toMatchObject({ result: 'late', lateReason: 'repeat_supplement' });
  });
});

describe('supplement at intake (Mẫu 02, no clock)', () => {
  const s = walkTo('intake_supplement_requested', 'nd118-2025');
  const now = vn('2026-03-09T11:00');

  it('returns the dossier to the desk’s check, with no clock running', () => {
    const r = transition(s, { type: 'supply_supplement' }, applicant, now, cal);
    expect(r.ok && r.snapshot).toMatchObject({ state: 'submitted', dueAt: null, receivedAt: null });
  });

  it('asks again only when the applicant did not bring what was asked (guidance in one go)', () => {
    const back = act(s, { type: 'supply_supplement' }, applicant, now);
    const again = { type: 'request_intake_supplement', reasons: ['Vẫn thiếu bản sao CCCD'] } as const;
    const r = transition(back, again, desk, now, cal);
    expect(r).toMatchObject({ ok: false, code: 'RULE' });
    expect(!r.ok && r.message).toContain('đầy đủ trong một lần');
    const ok = transition(back, { ...again, applicantAtFault: true }, desk, now, cal);
    expect(ok.ok && ok.snapshot).toMatchObject({ intakeSupplementCount: 2, supplementCount: 0 });
  });
});
