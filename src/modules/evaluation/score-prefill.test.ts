import { describe, expect, it } from 'vitest';
import type { DossierSnapshot } from '../dossier/lifecycle/snapshot.ts';
import { act, desk, draft, officer, vn, WARD } from '../dossier/lifecycle/test-fixtures.ts';
import { type ProcedureFacts, prefillAttitude, prefillOnline, prefillPublicity } from './score-prefill.ts';

const full: ProcedureFacts = {
  published: true,
  hasRequiredDocuments: true,
  hasProcessingTime: true,
  hasLegalBasis: true,
  hasFee: true,
  onlineMode: 'full',
};

/** Due Mon 16/3/2026 17:00; decided on `decidedAt`. */
function decided(decidedAt: string, channel: 'counter' | 'online' = 'counter'): DossierSnapshot {
  let s = draft(vn('2026-03-09T08:00'), { channel });
  const submitter = channel === 'online' ? { kind: 'applicant' as const, userId: s.applicantUserId } : desk;
  s = act(s, { type: 'submit' }, submitter, vn('2026-03-09T08:30'));
  s = act(s, { type: 'receive', dossierCode: 'X-260309-0001' }, desk, vn('2026-03-09T09:00'));
  s = act(s, { type: 'complete_step', comment: '' }, desk, vn('2026-03-09T10:00'));
  s = act(s, { type: 'complete_step', comment: '' }, officer('specialist', WARD), vn('2026-03-10T10:00'));
  s = act(s, { type: 'complete_step', comment: '' }, officer('head_of_office', WARD), vn('2026-03-10T11:00'));
  return act(s, { type: 'approve' }, officer('signing_leader', WARD), vn(decidedAt));
}

describe('indicator 6: publicity from the catalog', () => {
  it('gives 2 for a published procedure with its full information, 1 when some is missing, 0 unpublished', () => {
    expect(prefillPublicity(full).points).toBe(2);
    const partial = prefillPublicity({ ...full, hasFee: false, hasLegalBasis: false });
    expect(partial).toMatchObject({
      points: 1,
      reason: 'Đã công khai nhưng còn thiếu: phí, lệ phí, căn cứ pháp lý.',
    });
    expect(prefillPublicity({ ...full, published: false }).points).toBe(0);
  });
});

describe('indicator 7: attitude, suggested from the rating', () => {
  it('leaves it to the scorer without a rating', () => {
    expect(prefillAttitude(decided('2026-03-10T14:00'), null)).toMatchObject({
      points: null,
      source: 'scorer',
    });
  });
  it('suggests 2 for a satisfied applicant and an early result, 1 on time, 1 for a dissatisfied one', () => {
    const satisfied = { levelLabel: 'Hài lòng', satisfied: true };
    expect(prefillAttitude(decided('2026-03-10T14:00'), satisfied).points).toBe(2);
    expect(prefillAttitude(decided('2026-03-16T14:00'), satisfied).points).toBe(1);
    const unhappy = prefillAttitude(decided('2026-03-10T14:00'), {
      levelLabel: 'Không hài lòng',
      satisfied: false,
    });
    expect(unhappy.points).toBe(1);
    expect(unhappy.reason).toContain('chỉ chấm 0 khi phản ánh được xác minh');
  });
});

describe('indicator 9: online service', () => {
  it('gives 0 when the procedure is not offered online', () => {
    expect(prefillOnline(decided('2026-03-10T14:00'), { ...full, onlineMode: 'none' }).points).toBe(0);
  });
  it('gives 1 for a paper dossier of an online procedure', () => {
    expect(prefillOnline(decided('2026-03-10T14:00'), full).points).toBe(1);
  });
  it('gives 2 for an online dossier resolved in time and 0 for one resolved late', () => {
    expect(
      prefillOnline(decided('2026-03-10T14:00', 'online'), { ...full, onlineMode: 'partial' }),
    ).toMatchObject({
      points: 2,
      reason: 'Hồ sơ trực tuyến (một phần) giải quyết đúng hạn.',
    });
    expect(prefillOnline(decided('2026-03-17T09:00', 'online'), full).points).toBe(0);
  });
});
