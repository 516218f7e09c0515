// The actions an actor may take now, for the UI. Same guards as transition(); the payload rules (reasons,
// dates, agencies) are left to the form, so every listed action has some payload transition() accepts.
import { WorkingCalendar } from '../../calendar/index.ts';
import { type ActionType, type Actor, actionTypes } from './actions.ts';
import { checkAction } from './guards.ts';
import type { DossierSnapshot } from './snapshot.ts';

const defaultCalendar = new WorkingCalendar();

export function availableActions(
  snapshot: DossierSnapshot,
  actor: Actor,
  now: Date,
  calendar: WorkingCalendar = defaultCalendar,
): ActionType[] {
  return actionTypes.filter((type) => checkAction(snapshot, type, actor, now, calendar).ok);
}
