import { describe, expect, it } from 'vitest';
import type { DossierSnapshot } from '../dossier/lifecycle/snapshot.ts';
import { act, applicant, DESK, desk, draft, officer, vn, WARD } from '../dossier/lifecycle/test-fixtures.ts';
import { DEFAULT_EVALUATION_RULES } from './grade.ts';
import {
  agenciesContacted,
  type EventFacts,
  scoreAgenciesContacted,
  scoreContacts,
  scoreOneStop,
} from './score-contacts.ts';

const specialist = officer('specialist', WARD);
const head = officer('head_of_office', WARD);
const leader = officer('signing_leader', WARD);
const clerk = officer('clerk', WARD);
const names = (id: string) =>
  id === DESK ? 'TTPVHCC phường' : id === WARD ? 'UBND phường' : 'Công an phường';
const kinds = (id: string) => (id === DESK ? 'public_service_centre' : 'people_committee');
const rules = DEFAULT_EVALUATION_RULES;

/** A dossier walked to its return; `supplements` processing-stage requests (the second one as an exception). */
function returned(
  options: {
    channel?: 'counter' | 'online';
    returnChannel?: 'counter' | 'online';
    supplements?: number;
  } = {},
) {
  let s = draft(vn('2026-03-09T08:00'), { channel: options.channel ?? 'counter' });
  const submitter = s.channel === 'online' ? applicant : desk;
  s = act(s, { type: 'submit' }, submitter, vn('2026-03-09T08:30'));
  s = act(s, { type: 'receive', dossierCode: 'X-260309-0001' }, desk, vn('2026-03-09T09:00'));
  s = act(s, { type: 'complete_step', comment: '' }, desk, vn('2026-03-09T10:00'));
  for (let i = 0; i < (options.supplements ?? 0); i += 1) {
    s = act(
      s,
      {
        type: 'request_supplement',
        reasons: ['Thiếu giấy tờ'],
        ...(i > 0 ? { exception: { legalBasis: 'Luật chuyên ngành' } } : {}),
      },
      i > 0 ? head : specialist,
      vn(`2026-03-1${i}T10:00`),
    );
    s = act(s, { type: 'supply_supplement', note: 'Đã bổ sung' }, submitter, vn(`2026-03-1${i}T15:00`));
  }
  s = act(s, { type: 'complete_step', comment: '' }, specialist, vn('2026-03-12T10:00'));
  s = act(s, { type: 'complete_step', comment: '' }, head, vn('2026-03-12T11:00'));
  s = act(s, { type: 'approve' }, leader, vn('2026-03-12T14:00'));
  s = act(s, { type: 'issue_result', resultFileId: 'file-1' }, clerk, vn('2026-03-12T15:00'));
  return act(
    s,
    { type: 'return_result', channel: options.returnChannel ?? 'counter' },
    desk,
    vn('2026-03-13T09:00'),
  );
}

const onBehalf = (agencyId: string): EventFacts => ({
  action: 'supply_supplement',
  actorAgencyId: agencyId,
  data: { onBehalfOfApplicant: true },
});

describe('indicator 3: contacts with the intake point', () => {
  it('gives 2 without a supplement, 1 for one, 0 for more', () => {
    expect(scoreContacts(returned())).toMatchObject({
      points: 2,
      reason: 'Không phải bổ sung, hoàn thiện hồ sơ: chỉ liên hệ 1 lần khi nộp.',
    });
    expect(scoreContacts(returned({ supplements: 1 }))).toMatchObject({
      points: 1,
      reason: 'Phải bổ sung, hoàn thiện hồ sơ 1 lần (2 lần liên hệ với nơi tiếp nhận).',
    });
    expect(scoreContacts(returned({ supplements: 2 })).points).toBe(0);
  });

  it('does not charge an intake request made because the applicant had not brought what was asked', () => {
    const s = returned();
    const withIntake: DossierSnapshot = {
      ...s,
      supplements: [
        {
          stage: 'intake',
          number: 1,
          requestedAt: s.createdAt,
          requestedBy: 'u',
          reasons: ['Thiếu'],
          documents: [],
          exceptionLegalBasis: null,
          afterWindow: false,
          applicantAtFault: false,
          suppliedAt: s.createdAt,
        },
        {
          stage: 'intake',
          number: 2,
          requestedAt: s.createdAt,
          requestedBy: 'u',
          reasons: ['Vẫn thiếu'],
          documents: [],
          exceptionLegalBasis: null,
          afterWindow: false,
          applicantAtFault: true,
          suppliedAt: s.createdAt,
        },
      ],
    };
    const r = scoreContacts(withIntake);
    expect(r.points).toBe(1);
    expect(r.reason).toContain('Không tính 1 lần do người nộp chưa mang đủ giấy tờ');
  });
});

describe('indicator 4: agencies the applicant had to contact', () => {
  it('gives 2 when everything happened online', () => {
    const s = returned({ channel: 'online', returnChannel: 'online' });
    expect(agenciesContacted(s, []).size).toBe(0);
    expect(scoreAgenciesContacted(s, [], names, rules).points).toBe(2);
  });

  it('gives the configured points (1 by art. 13) for the one-stop desk only', () => {
    const s = returned();
    const r = scoreAgenciesContacted(s, [onBehalf(DESK)], names, rules);
    expect(r).toMatchObject({ points: 1, reason: 'Chỉ liên hệ 1 nơi: TTPVHCC phường.' });
    expect(
      scoreAgenciesContacted(s, [onBehalf(DESK)], names, { ...rules, deskOnlyContactPoints: 2 }).points,
    ).toBe(2);
  });

  it('gives 0 when the applicant went to another agency as well', () => {
    const s = { ...returned(), assistingAgencyId: 'agency-police' };
    expect(scoreAgenciesContacted(s, [], names, rules)).toMatchObject({
      points: 0,
      reason: 'Phải liên hệ 2 cơ quan: Công an phường, TTPVHCC phường.',
    });
  });
});

describe('indicator 5: handled at the one-stop desk', () => {
  it('gives the configured points (1) when the desk received and returned but the ward appraised', () => {
    const r = scoreOneStop(returned(), kinds, names, rules);
    expect(r).toMatchObject({
      points: 1,
      reason: 'Tiếp nhận và trả kết quả tại TTPVHCC phường; thẩm định tại cơ quan khác.',
    });
    expect(scoreOneStop(returned(), kinds, names, { ...rules, deskIntakeReturnPoints: 2 }).points).toBe(2);
  });

  it('gives 2 when the desk also appraised in-house', () => {
    const s = returned();
    const inHouse: DossierSnapshot = {
      ...s,
      steps: s.steps.map((x) =>
        x.actorRole === 'specialist' || x.actorRole === 'head_of_office' ? { ...x, agencyId: DESK } : x,
      ),
    };
    expect(scoreOneStop(inHouse, kinds, names, rules).points).toBe(2);
  });

  it('gives 0 when the receiving agency is not a one-stop desk, and waits for the return', () => {
    expect(scoreOneStop(returned(), () => 'people_committee', names, rules).points).toBe(0);
    const s = returned();
    expect(
      scoreOneStop({ ...s, state: 'result_issued', returnChannel: null }, kinds, names, rules).points,
    ).toBeNull();
  });
});
