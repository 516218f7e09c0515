// When the official schedule changes (a day off added or withdrawn), the due dates of open dossiers are computed
// again from the same starting points with the new calendar. An apology's new date was set by a person and stays.
import type { WorkingCalendar } from '../../calendar/index.ts';
import { statutoryDue } from './clock.ts';
import type { DossierSnapshot } from './snapshot.ts';
import { OPEN_STATES } from './states.ts';
import { iso, toDate } from './time.ts';

export interface Recomputed {
  snapshot: DossierSnapshot;
  previousDueAt: string | null;
  dueAt: string | null;
  previousIndexDueAt: string | null;
  indexDueAt: string | null;
}

/** The snapshot with its legal, index and current-step due dates recomputed; null when nothing changes. */
export function recomputeDeadlines(s: DossierSnapshot, cal: WorkingCalendar): Recomputed | null {
  if (!OPEN_STATES.has(s.state) || !s.receivedAt || !s.clocks.legal.periodStartedAt) return null;
  const next: DossierSnapshot = structuredClone(s);
  const { legal, index } = next.clocks;
  if (!next.apology) {
    const periodDue = statutoryDue(toDate(legal.periodStartedAt as string), next.statutory, cal);
    next.dueAt = iso(legal.pausedHours ? cal.addWorkingHours(periodDue, legal.pausedHours) : periodDue);
  }
  const appointment = statutoryDue(toDate(next.receivedAt as string), next.statutory, cal);
  index.appointmentAt = iso(appointment);
  index.dueAt = iso(
    index.supplementHours ? cal.addWorkingHours(appointment, index.supplementHours) : appointment,
  );
  const step = next.currentStepIndex === null ? undefined : next.steps[next.currentStepIndex];
  if (step?.startedAt && !step.completedAt) {
    step.dueAt = iso(cal.addWorkingHours(toDate(step.startedAt), step.budgetHours + step.excludedHours));
  }
  const unchanged =
    next.dueAt === s.dueAt &&
    index.dueAt === s.clocks.index.dueAt &&
    (step?.dueAt ?? null) ===
      (s.currentStepIndex === null ? null : (s.steps[s.currentStepIndex]?.dueAt ?? null));
  if (unchanged) return null;
  next.version = s.version + 1;
  return {
    snapshot: next,
    previousDueAt: s.dueAt,
    dueAt: next.dueAt,
    previousIndexDueAt: s.clocks.index.dueAt,
    indexDueAt: index.dueAt,
  };
}
