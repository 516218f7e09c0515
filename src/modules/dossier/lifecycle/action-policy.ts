// Who may take each action, from which states, acting for which agency of the dossier.
import type { Role } from '../../auth/schema.ts';
import type { ActionType } from './actions.ts';
import type { DossierState } from './states.ts';

/**
 * Agency the acting officer must belong to:
 * 'receiving' — the desk that officially received the dossier;
 * 'holding' — the agency of the current step (the competent agency when no step is current);
 * 'competent' — the agency that resolves the dossier.
 */
export type AgencyScope = 'receiving' | 'holding' | 'competent';

export interface ActionPolicy {
  from: readonly DossierState[];
  /** 'officer' only, or the dossier's applicant with a desk officer allowed to act on their behalf. */
  actor: 'officer' | 'applicant_or_desk';
  /** Officer roles; 'step' = the actor role of the current step. */
  roles: readonly (Role | 'step')[];
  /** The officer must hold one of the roles in one of these agencies. */
  agencies: readonly AgencyScope[];
}

const BEFORE_DECISION: readonly DossierState[] = [
  'submitted',
  'intake_supplement_requested',
  'received',
  'in_progress',
  'supplement_requested',
];
const PROCESSING: readonly DossierState[] = ['received', 'in_progress', 'supplement_requested'];
const DESK = { roles: ['desk_officer'], agencies: ['receiving'] } as const;

export const ACTION_POLICY: Readonly<Record<ActionType, ActionPolicy>> = {
  submit: { from: ['draft'], actor: 'applicant_or_desk', ...DESK },
  request_intake_supplement: { from: ['submitted'], actor: 'officer', ...DESK },
  supply_supplement: {
    from: ['intake_supplement_requested', 'supplement_requested'],
    actor: 'applicant_or_desk',
    ...DESK,
  },
  refuse: { from: ['submitted', 'intake_supplement_requested'], actor: 'officer', ...DESK },
  receive: { from: ['submitted'], actor: 'officer', ...DESK },
  start_step: { from: ['received', 'in_progress'], actor: 'officer', roles: ['step'], agencies: ['holding'] },
  complete_step: {
    from: ['received', 'in_progress'],
    actor: 'officer',
    roles: ['step'],
    agencies: ['holding'],
  },
  transfer: {
    from: ['received', 'in_progress'],
    actor: 'officer',
    roles: ['step', 'head_of_office'],
    agencies: ['holding'],
  },
  request_supplement: {
    from: ['in_progress'],
    actor: 'officer',
    roles: ['specialist', 'head_of_office'],
    agencies: ['holding'],
  },
  apologise: {
    from: PROCESSING,
    actor: 'officer',
    roles: ['head_of_office', 'signing_leader'],
    agencies: ['holding', 'competent'],
  },
  stop: {
    from: PROCESSING,
    actor: 'officer',
    roles: ['head_of_office', 'signing_leader'],
    agencies: ['competent'],
  },
  approve: { from: ['in_progress'], actor: 'officer', roles: ['signing_leader'], agencies: ['holding'] },
  reject: { from: ['in_progress'], actor: 'officer', roles: ['signing_leader'], agencies: ['holding'] },
  issue_result: { from: ['decided'], actor: 'officer', roles: ['clerk', 'step'], agencies: ['holding'] },
  return_result: { from: ['result_issued'], actor: 'officer', ...DESK },
  withdraw: { from: BEFORE_DECISION, actor: 'applicant_or_desk', ...DESK },
};
