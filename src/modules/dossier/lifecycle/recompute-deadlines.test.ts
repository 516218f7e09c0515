import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../calendar/index.ts';
import { OFFICIAL_SCHEDULES } from '../../calendar/official-schedules.ts';
import type { Actor } from './actions.ts';
import { recomputeDeadlines } from './recompute-deadlines.ts';
import { newDossier } from './snapshot.ts';
import { transition } from './transition.ts';

const desk: Actor = {
  kind: 'officer',
  userId: 'desk',
  roles: [{ role: 'desk_officer', agencyId: 'desk-agency' }],
};
const base = new WorkingCalendar();

function received(at: string) {
  let s = newDossier({
    id: 'd1',
    procedureCode: '1.000001',
    applicantUserId: 'counter:d1',
    channel: 'counter',
    receivingAgencyId: 'desk-agency',
    competentAgencyId: 'ward',
    statutory: { value: 5, unit: 'working_days' },
    process: [
      {
        name: 'Tiếp nhận',
        actorRole: 'desk_officer',
        agencyRole: 'receiving',
        durationValue: 4,
        durationUnit: 'working_hours',
      },
      {
        name: 'Thẩm định',
        actorRole: 'specialist',
        agencyRole: 'competent',
        durationValue: 36,
        durationUnit: 'working_hours',
      },
    ],
    createdAt: new Date(at),
  });
  for (const action of [{ type: 'submit' }, { type: 'receive', dossierCode: 'X-1' }] as const) {
    const r = transition(s, action, desk, new Date(at), base);
    if (!r.ok) throw new Error(r.message);
    s = r.snapshot;
  }
  return s;
}

describe('recomputeDeadlines', () => {
  it('moves the legal and index due dates when a day off is added inside the period, and back when removed', () => {
    const s = received('2026-08-25T08:00:00+07:00'); // Tue; 5 working days → Thu 3/9 (1–2/9 are National Day)
    const withDayOff = new WorkingCalendar({
      schedule: [
        ...OFFICIAL_SCHEDULES,
        { date: '2026-08-31', type: 'day_off', name: 'Nghỉ bù', instrument: 'X/TB' },
      ],
    });
    const moved = recomputeDeadlines(s, withDayOff);
    expect(moved).not.toBeNull();
    expect(new Date(moved?.dueAt as string).getTime()).toBeGreaterThan(new Date(s.dueAt as string).getTime());
    expect(moved?.snapshot.clocks.index.dueAt).toBe(moved?.dueAt);
    expect(moved?.snapshot.version).toBe(s.version + 1);
    expect(moved?.snapshot.clocks.legal.originalDueAt).toBe(s.clocks.legal.originalDueAt); // what the receipt printed
    const back = recomputeDeadlines(moved?.snapshot ?? s, base);
    expect(back?.dueAt).toBe(s.dueAt);
  });

  it('changes nothing when the calendar change lies outside the period, or the dossier is closed', () => {
    const s = received('2026-08-25T08:00:00+07:00');
    const later = new WorkingCalendar({
      schedule: [
        ...OFFICIAL_SCHEDULES,
        { date: '2026-12-30', type: 'day_off', name: 'Nghỉ', instrument: 'X/TB' },
      ],
    });
    expect(recomputeDeadlines(s, later)).toBeNull();
    expect(recomputeDeadlines({ ...s, state: 'returned' }, later)).toBeNull();
  });
});
