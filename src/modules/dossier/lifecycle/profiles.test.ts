import { describe, expect, it } from 'vitest';
import { availableActions } from './available-actions.ts';
import { classify } from './classify.ts';
import { ruleProfileAt, ruleProfileOn } from './profiles.ts';
import { act, cal, desk, draft, everyone, officer, vn, WARD, walkTo } from './test-fixtures.ts';
import { transition } from './transition.ts';

describe('rule profiles', () => {
  it('are effective-dated: Decree 61 until 30/6/2025, Decree 118 from 1/7/2025', () => {
    expect(ruleProfileOn('2018-06-21').id).toBe('nd61-2018');
    expect(ruleProfileOn('2025-06-30').id).toBe('nd61-2018');
    expect(ruleProfileOn('2025-07-01').id).toBe('nd118-2025');
    expect(ruleProfileOn('2026-11-25').id).toBe('nd118-2025');
    expect(() => ruleProfileOn('2018-06-20')).toThrow(RangeError);
    expect(() => ruleProfileOn('1/7/2025')).toThrow(RangeError);
  });

  it('use the Vietnam-local date of an instant', () => {
    expect(ruleProfileAt(new Date('2025-06-30T16:59:59Z')).id).toBe('nd61-2018'); // 23:59:59 on 30/6
    expect(ruleProfileAt(new Date('2025-06-30T17:00:00Z')).id).toBe('nd118-2025'); // 00:00 on 1/7
  });

  it('number the forms differently', () => {
    const nd61 = ruleProfileOn('2025-01-02');
    const nd118 = ruleProfileOn('2026-01-05');
    expect(nd61.forms.control_sheet?.number).toBe('05');
    expect(nd61.forms.stop_notice).toBeUndefined();
    expect(nd118.forms.stop_notice).toMatchObject({ number: '05', name: 'Thông báo dừng giải quyết hồ sơ' });
    expect(nd118.forms.control_sheet?.number).toBe('06');
    expect(nd118.forms.tracking_book?.number).toBe('07');
  });

  it('a dossier is pinned to the profile of its receipt day and keeps it', () => {
    let s = draft(vn('2025-06-30T09:00'), { channel: 'online' });
    s = act(s, { type: 'submit' }, { kind: 'applicant', userId: s.applicantUserId }, vn('2025-06-30T09:05'));
    expect(s.ruleProfile).toBe('nd61-2018');
    const late = act(s, { type: 'receive', dossierCode: 'X' }, desk, vn('2025-07-01T08:00'));
    expect(late.ruleProfile).toBe('nd118-2025');
    const early = act(s, { type: 'receive', dossierCode: 'X' }, desk, vn('2025-06-30T16:00'));
    expect(early.ruleProfile).toBe('nd61-2018');
    // Still Decree 61 when handled in 2026.
    const later = act(early, { type: 'complete_step', comment: '' }, desk, vn('2026-01-05T08:00'));
    expect(later.ruleProfile).toBe('nd61-2018');
  });
});

describe('stop (dừng giải quyết) exists only under Decree 118', () => {
  const stop = { type: 'stop', reason: 'Người nộp đề nghị dừng' } as const;
  const head = officer('head_of_office', WARD);

  it('is refused under Decree 61 with a message, and never offered', () => {
    const s = walkTo('in_progress', 'nd61-2018');
    const r = transition(s, stop, head, vn('2025-03-10T11:00'), cal);
    expect(r).toMatchObject({ ok: false, code: 'RULE' });
    expect(!r.ok && r.message).toBe(
      'Hồ sơ áp dụng quy định theo Nghị định 61/2018/NĐ-CP và Thông tư 01/2018/TT-VPCP, không có thao tác dừng giải quyết hồ sơ. Thông báo dừng giải quyết hồ sơ chỉ có từ Nghị định 118/2025/NĐ-CP.',
    );
    expect(availableActions(s, everyone, vn('2025-03-10T11:00'))).not.toContain('stop');
  });

  it('stops a Decree 118 dossier for good, with the Mẫu 05 notice', () => {
    const s = walkTo('in_progress', 'nd118-2025');
    expect(availableActions(s, head, vn('2026-03-09T11:00'))).toContain('stop');
    const r = transition(
      s,
      { ...stop, legalBasis: 'Điều 19 NĐ 118/2025' },
      head,
      vn('2026-03-09T11:00'),
      cal,
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.snapshot.state).toBe('stopped');
    expect(r.snapshot.stop).toMatchObject({
      reason: 'Người nộp đề nghị dừng',
      legalBasis: 'Điều 19 NĐ 118/2025',
    });
    expect(r.event.form).toMatchObject({ kind: 'stop_notice', number: '05' });
    expect(availableActions(r.snapshot, everyone, vn('2026-03-09T12:00'))).toEqual([]);
    // The index counts the stop as the end of processing; the legal clock does not count it.
    const c = classify(r.snapshot, vn('2026-03-20T08:00'));
    expect(c.legal.status).toBe('not_counted');
    expect(c.index).toMatchObject({ status: 'resolved', result: 'early' });
  });

  it('needs a reason', () => {
    const s = walkTo('in_progress', 'nd118-2025');
    expect(transition(s, { type: 'stop', reason: '' }, head, vn('2026-03-09T11:00'), cal)).toMatchObject({
      code: 'RULE',
      message: 'Thông báo dừng giải quyết phải nêu rõ lý do.',
    });
  });
});
