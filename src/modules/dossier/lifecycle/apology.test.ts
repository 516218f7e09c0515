import { describe, expect, it } from 'vitest';
import { availableActions } from './available-actions.ts';
import { classify } from './classify.ts';
import type { DossierSnapshot } from './snapshot.ts';
import { act, cal, desk, draft, officer, vn, WARD, wall } from './test-fixtures.ts';
import { transition } from './transition.ts';

const head = officer('head_of_office', WARD);
const leader = officer('signing_leader', WARD);
const sorry = (newDueDate: string) =>
  ({ type: 'apologise', reason: 'Cần xác minh thực địa', newDueDate }) as const;

/** Due Thu 26/2/2026 17:00 (received 12/2, 5 working days over Tết); at the signing step from 13/2. */
function dossier(): DossierSnapshot {
  let s = draft(vn('2026-02-12T08:00'));
  s = act(s, { type: 'submit' }, desk, vn('2026-02-12T08:30'));
  s = act(s, { type: 'receive', dossierCode: 'X-260212-0001' }, desk, vn('2026-02-12T09:00'));
  s = act(s, { type: 'complete_step', comment: '' }, desk, vn('2026-02-12T10:00'));
  s = act(s, { type: 'complete_step', comment: '' }, officer('specialist', WARD), vn('2026-02-13T08:00'));
  return act(s, { type: 'complete_step', comment: '' }, head, vn('2026-02-13T09:00'));
}

describe('apology and new due date (Mẫu 04, Decree 61 art. 19(9))', () => {
  const s = dossier();

  it('sets the new due date and issues the profile’s apology form', () => {
    const r = transition(s, sorry('2026-03-02'), head, vn('2026-02-25T16:00'), cal);
    if (!r.ok) throw new Error(r.message);
    expect(wall(r.snapshot.dueAt)).toBe('2026-03-02T17:00');
    expect(r.snapshot.state).toBe('in_progress');
    expect(wall(r.snapshot.apology?.previousDueAt)).toBe('2026-02-26T17:00');
    expect(r.event.form).toMatchObject({
      number: '04',
      name: 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết',
    });
    expect(r.event.data).toMatchObject({ previousDueAt: s.dueAt, dueAt: r.snapshot.dueAt });
    // The index keeps the appointment of the receipt.
    expect(wall(r.snapshot.clocks.index.dueAt)).toBe('2026-02-26T17:00');
  });

  it('must come at least 1 working day before the due date', () => {
    expect(transition(s, sorry('2026-03-02'), head, vn('2026-02-25T16:59'), cal).ok).toBe(true);
    const r = transition(s, sorry('2026-03-02'), head, vn('2026-02-26T08:00'), cal);
    expect(r).toMatchObject({ ok: false, code: 'RULE' });
    expect(!r.ok && r.message).toContain('chậm nhất 01 ngày làm việc trước ngày hẹn trả');
    expect(availableActions(s, head, vn('2026-02-25T16:00'))).toContain('apologise');
    expect(availableActions(s, head, vn('2026-02-26T08:00'))).not.toContain('apologise');
    // Friday 13/2 is one working day before Monday 23/2 (Tết in between): a due date of 23/2 still allows it.
    expect(cal.workingDaysBetween(vn('2026-02-13T16:00'), vn('2026-02-23T17:00'))).toBe(1);
  });

  it('may set a new date only once', () => {
    const once = act(s, sorry('2026-03-02'), head, vn('2026-02-24T09:00'));
    const r = transition(once, sorry('2026-03-04'), leader, vn('2026-02-25T09:00'), cal);
    expect(r).toMatchObject({ ok: false, code: 'RULE' });
    expect(!r.ok && r.message).toContain('một lần');
    expect(availableActions(once, head, vn('2026-02-25T09:00'))).not.toContain('apologise');
  });

  it('needs a reason and a later working day', () => {
    const at = vn('2026-02-24T09:00');
    const refuseWith = (action: Parameters<typeof transition>[1]) => transition(s, action, head, at, cal);
    expect(refuseWith(sorry('2026-02-26'))).toMatchObject({
      code: 'RULE',
      message: 'Ngày hẹn trả mới phải sau ngày hẹn trả hiện tại.',
    });
    expect(refuseWith(sorry('2026-02-25'))).toMatchObject({
      code: 'RULE',
      message: 'Ngày hẹn trả mới phải sau ngày hẹn trả hiện tại.',
    });
    expect(refuseWith(sorry('2026-02-28'))).toMatchObject({
      code: 'RULE',
      message: 'Ngày hẹn trả mới phải là ngày làm việc.',
    });
    expect(refuseWith(sorry('2026-02-30'))).toMatchObject({
      code: 'RULE',
      message: 'Ngày hẹn trả mới không hợp lệ.',
    });
    expect(refuseWith({ ...sorry('2026-03-02'), reason: ' ' })).toMatchObject({ code: 'RULE' });
    expect(refuseWith(sorry('2026-02-27')).ok).toBe(true);
  });

  describe('late classification with an apology', () => {
    const extended = act(s, sorry('2026-03-02'), head, vn('2026-02-25T09:00'));
    const decideAt = (local: string) =>
      classify(act(extended, { type: 'approve' }, leader, vn(local)), vn('2026-03-10T08:00'));

    it('after the original date, by the new one: not late legally, late on the index', () => {
      const c = decideAt('2026-02-27T10:00');
      expect(c.extendedByApology).toBe(true);
      expect(c.legal).toMatchObject({ status: 'resolved', result: 'early' });
      expect(c.index).toMatchObject({ status: 'resolved', result: 'late', lateReason: 'after_due' });
      expect(decideAt('2026-03-02T16:00').legal).toMatchObject({ result: 'on_time' });
    });

    it('after the new date: late on both clocks', () => {
      const c = decideAt('2026-03-03T08:00');
      expect(c.legal).toMatchObject({ result: 'late', lateReason: 'after_due' });
      expect(c.index).toMatchObject({ result: 'late' });
    });
  });
});
