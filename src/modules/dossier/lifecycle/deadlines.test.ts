import { describe, expect, it } from 'vitest';
import type { DossierSnapshot, NewDossierInput } from './snapshot.ts';
import { act, applicant, desk, draft, PROCESS, vn, wall } from './test-fixtures.ts';

function receivedAt(local: string, overrides: Partial<NewDossierInput> = {}): DossierSnapshot {
  let s = draft(vn('2026-02-02T08:00'), overrides);
  s = act(s, { type: 'submit' }, overrides.channel === 'online' ? applicant : desk, vn('2026-02-02T08:01'));
  return act(s, { type: 'receive', dossierCode: 'X' }, desk, vn(local));
}

describe('legal due date at receipt', () => {
  it('same-day procedures follow the 15:00 cut-off (after it: the next working day, here after Tết)', () => {
    const sameDay = { statutory: { value: 0, unit: 'working_days' } } as const;
    expect(wall(receivedAt('2026-02-12T14:59', sameDay).dueAt)).toBe('2026-02-12T17:00');
    expect(wall(receivedAt('2026-02-13T15:30', sameDay).dueAt)).toBe('2026-02-23T17:00');
  });

  it('working-day limits count from the next working day', () => {
    expect(wall(receivedAt('2026-02-12T09:00').dueAt)).toBe('2026-02-26T17:00');
    expect(wall(receivedAt('2026-02-12T15:30').dueAt)).toBe('2026-02-27T17:00');
  });

  it('working-hour limits run in office hours', () => {
    const hours = { statutory: { value: 4, unit: 'working_hours' } } as const;
    expect(wall(receivedAt('2026-02-12T16:00', hours).dueAt)).toBe('2026-02-13T10:00');
  });

  it('rejects unusable statutory times instead of guessing', () => {
    expect(() => draft(vn('2026-02-02T08:00'), { statutory: { value: 2.5, unit: 'working_days' } })).toThrow(
      RangeError,
    );
    expect(() => draft(vn('2026-02-02T08:00'), { process: [] })).toThrow(RangeError);
  });
});

describe('the desk step of a paper dossier ends by the transfer deadline (Decree 61/118 art. 18)', () => {
  const slowDesk = { process: PROCESS.map((p, i) => (i === 0 ? { ...p, durationValue: 4 } : p)) };

  it('same working day before 15:00', () => {
    expect(wall(receivedAt('2026-02-12T14:00', slowDesk).steps[0]?.dueAt)).toBe('2026-02-12T17:00');
  });

  it('first office hour of the next working day after 15:00', () => {
    expect(wall(receivedAt('2026-02-12T15:30', slowDesk).steps[0]?.dueAt)).toBe('2026-02-13T08:00');
  });

  it('online dossiers keep the step budget', () => {
    const online = receivedAt('2026-02-12T15:30', { ...slowDesk, channel: 'online' });
    expect(wall(online.steps[0]?.dueAt)).toBe('2026-02-13T09:30');
  });
});
