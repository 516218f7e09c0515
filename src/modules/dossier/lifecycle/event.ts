// The event a transition produces; the server appends it in the same transaction as the new snapshot.
import type { Role } from '../../auth/schema.ts';
import type { WorkingCalendar } from '../../calendar/index.ts';
import type { ActionType, Channel } from './actions.ts';
import type { FormKind, FormRef, RuleProfileId } from './profiles.ts';
import type { DossierState } from './states.ts';
import type { Instant } from './time.ts';

/** One row of the control sheet (Mẫu 05 / Mẫu 06 under Decree 118): the dossier changes hands. */
export interface HandOver {
  fromAgencyId: string;
  toAgencyId: string;
  fromStepIndex: number | null;
  toStepIndex: number;
  toStepName: string;
  /** Added by a transfer (interlinked processing). */
  interlinked: boolean;
}

export interface EventData {
  ruleProfile?: RuleProfileId;
  dossierCode?: string;
  previousDueAt?: Instant | null;
  dueAt?: Instant | null;
  indexDueAt?: Instant | null;
  stepIndex?: number;
  stepName?: string;
  handOver?: HandOver;
  supplement?: {
    stage: 'intake' | 'processing';
    number: number;
    exceptionLegalBasis: string | null;
    afterWindow: boolean;
    applicantAtFault: boolean;
    documents: string[];
  };
  /** Working hours the applicant took to supplement (request → complete). */
  waitedHours?: number;
  decision?: 'approved' | 'rejected';
  decisionNo?: string | null;
  resultFileId?: string;
  channel?: Channel;
  legalBasis?: string | null;
  /** `assign` (a system event outside the state machine): the officer now working on the dossier, or null. */
  assigneeUserId?: string | null;
  assigneeName?: string | null;
}

export interface EventActor {
  kind: 'applicant' | 'officer';
  userId: string;
  role: Role | null;
  agencyId: string | null;
  /** A desk officer acting for the applicant at the counter. */
  onBehalfOfApplicant: boolean;
}

export interface DossierEventDraft {
  dossierId: string;
  /** The snapshot version this event produced. */
  version: number;
  action: ActionType;
  fromState: DossierState;
  toState: DossierState;
  at: Instant;
  actor: EventActor;
  reasons: string[];
  comment: string | null;
  /** The form the action issues under the dossier's profile, if any. */
  form: FormRef | null;
  data: EventData;
}

/** What an action handler needs besides the snapshot it mutates (a private copy). */
export interface EffectContext {
  now: Date;
  at: Instant;
  cal: WorkingCalendar;
  userId: string;
  byApplicant: boolean;
}

/** What an action handler reports for the event; the new state is read from the snapshot. */
export interface Effect {
  reasons?: string[];
  comment?: string | null;
  form?: FormKind;
  data?: EventData;
}
