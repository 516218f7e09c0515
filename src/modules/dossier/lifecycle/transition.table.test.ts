import { describe, expect, it } from 'vitest';
import { type ActionType, actionTypes } from './actions.ts';
import { getRuleProfile, type RuleProfileId } from './profiles.ts';
import type { DossierState } from './states.ts';
import {
  cal,
  deepFreeze,
  everyone,
  rightActor,
  samplePayload,
  variantFor,
  vn,
  walkTo,
} from './test-fixtures.ts';
import { transition } from './transition.ts';

// The legal (state → state) moves of every action, written out independently of the policy table.
const LEGAL: Record<ActionType, Partial<Record<DossierState, DossierState>>> = {
  submit: { draft: 'submitted' },
  request_intake_supplement: { submitted: 'intake_supplement_requested' },
  supply_supplement: { intake_supplement_requested: 'submitted', supplement_requested: 'in_progress' },
  refuse: { submitted: 'refused', intake_supplement_requested: 'refused' },
  receive: { submitted: 'received' },
  start_step: { received: 'in_progress', in_progress: 'in_progress' },
  complete_step: { received: 'in_progress', in_progress: 'in_progress' },
  transfer: { received: 'in_progress', in_progress: 'in_progress' },
  request_supplement: { in_progress: 'supplement_requested' },
  apologise: {
    received: 'received',
    in_progress: 'in_progress',
    supplement_requested: 'supplement_requested',
  },
  stop: { received: 'stopped', in_progress: 'stopped', supplement_requested: 'stopped' },
  approve: { in_progress: 'decided' },
  reject: { in_progress: 'decided' },
  issue_result: { decided: 'result_issued' },
  return_result: { result_issued: 'returned' },
  withdraw: {
    submitted: 'withdrawn',
    intake_supplement_requested: 'withdrawn',
    received: 'withdrawn',
    in_progress: 'withdrawn',
    supplement_requested: 'withdrawn',
  },
};

const profiles: RuleProfileId[] = ['nd61-2018', 'nd118-2025'];

describe.each(profiles)('every (state × action) pair under %s', (profileId) => {
  const profile = getRuleProfile(profileId);
  const cases = profile.states.flatMap((state) => actionTypes.map((action) => ({ state, action })));

  it('covers every state and action of the profile', () => {
    expect(cases).toHaveLength(profile.states.length * actionTypes.length);
    expect(profile.states.includes('stopped')).toBe(profileId === 'nd118-2025');
  });

  it.each(cases)('$state × $action', ({ state, action }) => {
    const s = deepFreeze(walkTo(state, profileId, variantFor(action)));
    expect(s.state).toBe(state);
    expect(s.ruleProfile).toBe(profileId);
    const before = structuredClone(s);
    const now = vn(`${profileId === 'nd61-2018' ? '2025-03-10' : '2026-03-09'}T11:00`);
    const target = profile.actions.includes(action) ? LEGAL[action][state] : undefined;
    if (target) {
      const r = transition(s, samplePayload(action, s), rightActor(action, s), now, cal);
      expect(r.ok, r.ok ? '' : r.message).toBe(true);
      if (!r.ok) return;
      expect(r.snapshot.state).toBe(target);
      expect(r.snapshot.version).toBe(s.version + 1);
      expect(r.event).toMatchObject({ action, fromState: state, toState: target, version: s.version + 1 });
    } else {
      // Even an officer holding every role everywhere, or the applicant, is refused.
      for (const actor of [everyone, rightActor(action, s)]) {
        const r = transition(s, samplePayload(action, s), actor, now, cal);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.code).toBe(action === 'stop' && profileId === 'nd61-2018' ? 'RULE' : 'ILLEGAL_STATE');
        expect(r.message).toMatch(/^(Không thể|Hồ sơ áp dụng)/);
      }
    }
    expect(s).toEqual(before);
  });
});
