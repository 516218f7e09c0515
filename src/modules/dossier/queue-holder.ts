import type { WorkingCalendar } from '../calendar/index.ts';
import type { StepActorRole } from './lifecycle/actions.ts';
import type { DossierSnapshot } from './lifecycle/snapshot.ts';
import { type DossierState, OPEN_STATES } from './lifecycle/states.ts';

/** Whose work queue holds a dossier now: an agency and role, or nobody (terminal states). */
export function queueHolder(s: DossierSnapshot): { agencyId: string; role: StepActorRole } | null {
  switch (s.state) {
    case 'draft':
      // An applicant's unfinished online draft is nobody's work yet (counter drafts never rest in this state).
      return null;
    case 'submitted':
    case 'intake_supplement_requested':
    case 'supplement_requested': // the desk records what the applicant brings
    case 'result_issued':
      return { agencyId: s.receivingAgencyId, role: 'desk_officer' };
    case 'received':
    case 'in_progress': {
      const step = s.currentStepIndex === null ? undefined : s.steps[s.currentStepIndex];
      return step ? { agencyId: step.agencyId, role: step.actorRole } : null;
    }
    case 'decided': {
      const decisive = s.steps.findLast((step) => step.decisive) ?? s.steps.at(-1);
      return { agencyId: decisive?.agencyId ?? s.competentAgencyId, role: 'clerk' };
    }
    default:
      return null;
  }
}

export type Urgency = 'within' | 'due_soon' | 'overdue';

/**
 * Colour class for queues: overdue, due within one working day, or comfortably within the deadline; null for
 * dossiers whose legal clock is not running.
 */
export function urgencyOf(
  state: string,
  dueAt: Date | null,
  now: Date,
  calendar: WorkingCalendar,
): Urgency | null {
  if (!dueAt || !OPEN_STATES.has(state as DossierState)) return null;
  if (now.getTime() > dueAt.getTime()) return 'overdue';
  return calendar.workingHoursBetween(now, dueAt) <= 8 ? 'due_soon' : 'within';
}
