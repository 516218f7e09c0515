import { describe, expect, it } from 'vitest';
import { type Actor, actionTypes } from './actions.ts';
import { availableActions } from './available-actions.ts';
import { ND61_2018, ND118_2025 } from './profiles.ts';
import {
  applicant,
  CITY,
  cal,
  DESK,
  everyone,
  OTHER,
  officer,
  samplePayload,
  stranger,
  vn,
  WARD,
  walkTo,
} from './test-fixtures.ts';
import { transition } from './transition.ts';

const actors: Actor[] = [
  applicant,
  stranger,
  everyone,
  officer('admin', null),
  ...(
    ['desk_officer', 'specialist', 'head_of_office', 'signing_leader', 'clerk', 'reform_officer'] as const
  ).flatMap((role) => [DESK, WARD, CITY, OTHER].map((agency) => officer(role, agency))),
];

describe('availableActions agrees with transition', () => {
  for (const profile of [ND61_2018, ND118_2025]) {
    it.each(
      profile.states.flatMap((state) =>
        (['default', 'decision'] as const).map((variant) => ({ state, variant })),
      ),
    )(`${profile.id}: $state ($variant)`, ({ state, variant }) => {
      const s = walkTo(state, profile.id, variant);
      const now = vn(`${profile.id === 'nd61-2018' ? '2025-03-10' : '2026-03-09'}T11:00`);
      for (const actor of actors) {
        const offered = availableActions(s, actor, now, cal);
        for (const type of actionTypes) {
          const done = transition(s, samplePayload(type, s), actor, now, cal).ok;
          expect([actor.userId, type, offered.includes(type)]).toEqual([actor.userId, type, done]);
        }
      }
    });
  }

  it('offers each role what its work is (nd118, at the appraisal step)', () => {
    const s = walkTo('in_progress', 'nd118-2025');
    const now = vn('2026-03-09T11:00');
    expect(availableActions(s, officer('specialist', WARD), now)).toEqual([
      'start_step',
      'complete_step',
      'transfer',
      'request_supplement',
    ]);
    expect(availableActions(s, officer('head_of_office', WARD), now)).toEqual([
      'transfer',
      'request_supplement',
      'apologise',
      'stop',
    ]);
    expect(availableActions(s, officer('desk_officer', DESK), now)).toEqual(['withdraw']);
    expect(availableActions(s, applicant, now)).toEqual(['withdraw']);
    expect(availableActions(s, stranger, now)).toEqual([]);
  });
});

describe('actions from JSON', () => {
  it('every sample action parses with the schema; unknown or malformed ones do not', async () => {
    const { dossierActionSchema } = await import('./action-schema.ts');
    const s = walkTo('in_progress', 'nd118-2025');
    for (const type of actionTypes)
      expect(dossierActionSchema.safeParse(samplePayload(type, s)).success).toBe(true);
    expect(dossierActionSchema.safeParse({ type: 'teleport' }).success).toBe(false);
    expect(dossierActionSchema.safeParse({ type: 'refuse', reasons: 'x' }).success).toBe(false);
    expect(dossierActionSchema.safeParse({ type: 'approve', extra: 1 }).success).toBe(false);
  });

  it('an unknown action type is refused, not thrown', () => {
    const s = walkTo('in_progress', 'nd118-2025');
    const r = transition(s, { type: 'teleport' } as never, everyone, vn('2026-03-09T11:00'), cal);
    expect(r).toEqual({ ok: false, code: 'RULE', message: 'Thao tác không hợp lệ.' });
  });
});
