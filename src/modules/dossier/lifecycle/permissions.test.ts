import { describe, expect, it } from 'vitest';
import { type Role, roles } from '../../auth/schema.ts';
import { type ActionType, type Actor, actionTypes } from './actions.ts';
import { currentStep, type DossierSnapshot } from './snapshot.ts';
import {
  APPLICANT,
  applicant,
  CITY,
  cal,
  DESK,
  OTHER,
  officer,
  type PATHS,
  rightActor,
  samplePayload,
  stranger,
  variantFor,
  vn,
  WARD,
  walkTo,
} from './test-fixtures.ts';
import { transition } from './transition.ts';

const NOW = vn('2026-03-09T11:00');

/** A state from which each action is legal (nd118, so that "stop" is included). */
const SOURCE: Record<ActionType, keyof typeof PATHS> = {
  submit: 'draft',
  request_intake_supplement: 'submitted',
  supply_supplement: 'supplement_requested',
  refuse: 'submitted',
  receive: 'submitted',
  start_step: 'in_progress',
  complete_step: 'in_progress',
  transfer: 'in_progress',
  request_supplement: 'in_progress',
  apologise: 'in_progress',
  stop: 'in_progress',
  approve: 'in_progress',
  reject: 'in_progress',
  issue_result: 'decided',
  return_result: 'result_issued',
  withdraw: 'in_progress',
};

/** Allowed officer roles, written out independently of the policy table ('step' = the current step's role). */
function allowedRoles(type: ActionType, s: DossierSnapshot): Role[] {
  const step: Role = currentStep(s)?.actorRole ?? 'specialist';
  const table: Record<ActionType, Role[]> = {
    submit: ['desk_officer'],
    request_intake_supplement: ['desk_officer'],
    supply_supplement: ['desk_officer'],
    refuse: ['desk_officer'],
    receive: ['desk_officer'],
    start_step: [step],
    complete_step: [step],
    transfer: [step, 'head_of_office'],
    request_supplement: ['specialist', 'head_of_office'],
    apologise: ['head_of_office', 'signing_leader'],
    stop: ['head_of_office', 'signing_leader'],
    approve: ['signing_leader'],
    reject: ['signing_leader'],
    issue_result: ['clerk', step],
    return_result: ['desk_officer'],
    withdraw: ['desk_officer'],
  };
  return table[type];
}

/** The agency the right actor acts for (the applicant-facing actions: the receiving desk). */
function rightAgency(type: ActionType, s: DossierSnapshot): string {
  const a = rightActor(type, s);
  return a.kind === 'officer' ? (a.roles[0]?.agencyId ?? '') : DESK;
}

function attempt(type: ActionType, s: DossierSnapshot, actor: Actor) {
  return transition(s, samplePayload(type, s), actor, NOW, cal);
}

describe.each(actionTypes)('who may %s', (type) => {
  const s = walkTo(SOURCE[type], 'nd118-2025', variantFor(type));
  const agency = rightAgency(type, s);
  const allowed = allowedRoles(type, s);

  it('the right actor may', () => {
    const r = attempt(type, s, rightActor(type, s));
    expect(r.ok, r.ok ? '' : r.message).toBe(true);
  });

  it('the right role at the wrong agency may not', () => {
    for (const role of allowed) {
      const r = attempt(type, s, officer(role, OTHER));
      expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      if (!r.ok) expect(r.message).toMatch(/^Bạn không thuộc .* của hồ sơ này nên không được/);
    }
  });

  it('a wrong role at the right agency may not', () => {
    const wrong = roles.filter((role) => !allowed.includes(role));
    expect(wrong.length).toBeGreaterThan(0);
    for (const role of wrong) {
      const r = attempt(type, s, officer(role, agency));
      expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      if (!r.ok) expect(r.message).toMatch(/^Vai trò của bạn không được .* Vai trò được phép: /);
    }
  });

  it('a deployment-wide administrator may not', () => {
    expect(attempt(type, s, officer('admin', null))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  const byApplicant = ['submit', 'supply_supplement', 'withdraw'].includes(type);
  it(byApplicant ? 'only the dossier’s own applicant may' : 'the applicant may not', () => {
    const r = attempt(type, s, stranger);
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    if (!r.ok)
      expect(r.message).toMatch(byApplicant ? /^Chỉ người đã nộp hồ sơ này/ : /^Người nộp hồ sơ không thể/);
    if (!byApplicant)
      expect(attempt(type, s, { kind: 'applicant', userId: APPLICANT })).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('acting for the applicant and multi-role officers', () => {
  it('a desk officer may supply a supplement and withdraw on the applicant’s behalf', () => {
    const s = walkTo('supplement_requested', 'nd118-2025');
    const r = attempt('supply_supplement', s, officer('desk_officer', DESK));
    expect(r.ok && r.event.actor).toEqual({
      kind: 'officer',
      userId: 'u-desk_officer-agency-ward-desk',
      role: 'desk_officer',
      agencyId: DESK,
      onBehalfOfApplicant: true,
    });
    expect(attempt('withdraw', s, officer('desk_officer', DESK)).ok).toBe(true);
  });

  it('the applicant files online dossiers; the desk files counter and posted ones', () => {
    const counter = walkTo('draft', 'nd118-2025');
    expect(attempt('submit', counter, applicant)).toMatchObject({ ok: false, code: 'RULE' });
    const online = { ...counter, channel: 'online' as const };
    expect(attempt('submit', online, applicant).ok).toBe(true);
    expect(attempt('submit', online, officer('desk_officer', DESK))).toMatchObject({
      ok: false,
      code: 'RULE',
    });
  });

  it('an officer with several assignments acts under the one that fits, recorded in the event', () => {
    const s = walkTo('in_progress', 'nd118-2025');
    const multi: Actor = {
      kind: 'officer',
      userId: 'u-multi',
      roles: [
        { role: 'desk_officer', agencyId: DESK },
        { role: 'specialist', agencyId: CITY },
        { role: 'specialist', agencyId: WARD },
      ],
    };
    const r = attempt('complete_step', s, multi);
    expect(r.ok && r.event.actor).toMatchObject({ role: 'specialist', agencyId: WARD });
  });

  it('the apology may come from the leaders of the holding or of the competent agency', () => {
    const s = walkTo('in_progress', 'nd118-2025');
    expect(attempt('apologise', s, officer('signing_leader', WARD)).ok).toBe(true);
    const atCity = transition(s, samplePayload('transfer', s), rightActor('transfer', s), NOW, cal);
    if (!atCity.ok) throw new Error(atCity.message);
    expect(attempt('apologise', atCity.snapshot, officer('head_of_office', CITY)).ok).toBe(true);
    expect(attempt('apologise', atCity.snapshot, officer('head_of_office', WARD)).ok).toBe(true);
    expect(attempt('apologise', atCity.snapshot, officer('head_of_office', DESK))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('the current step’s role is named when another role tries it', () => {
    const s = walkTo('in_progress', 'nd118-2025');
    const r = attempt('complete_step', s, officer('head_of_office', WARD));
    expect(!r.ok && r.message).toContain('Bước hiện tại “Thẩm định, xử lý hồ sơ” do Chuyên viên thực hiện.');
  });
});
