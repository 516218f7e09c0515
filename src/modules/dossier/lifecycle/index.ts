// Public API of the dossier lifecycle (pure: no I/O, time comes in as an argument).
export { ACTION_POLICY, type ActionPolicy, type AgencyScope } from './action-policy.ts';
export { dossierActionSchema } from './action-schema.ts';
export {
  type ActionOf,
  type ActionType,
  type Actor,
  actionTypes,
  type Channel,
  type DossierAction,
  type RoleAssignment,
  type StepActorRole,
} from './actions.ts';
export { availableActions } from './available-actions.ts';
export {
  type Classification,
  type ClassifyOptions,
  type ClockClass,
  classify,
  type LateReason,
  lateSteps,
  type OpenClass,
  type ResolvedClass,
  type StepLateness,
} from './classify.ts';
export { paperTransferDeadline, statutoryDue } from './clock.ts';
export type { DossierEventDraft, EventActor, EventData, HandOver } from './event.ts';
export type { Refusal, RefusalCode } from './guards.ts';
export { ACTION_LABELS, CHANNEL_LABELS, ROLE_LABELS, SCOPE_LABELS } from './labels.ts';
export {
  type FormKind,
  type FormRef,
  getRuleProfile,
  ND61_2018,
  ND118_2025,
  RULE_PROFILES,
  type RuleProfile,
  type RuleProfileId,
  ruleProfileAt,
  ruleProfileIds,
  ruleProfileOn,
} from './profiles.ts';
export {
  currentStep,
  DEFAULT_CLOCK_POLICY,
  DEFAULT_SUPPLEMENT_WINDOW_DAYS,
  type DossierSnapshot,
  type DossierStep,
  HOURS_PER_WORKING_DAY,
  type IndexClock,
  type LegalClock,
  type NewDossierInput,
  newDossier,
  type StatutoryTime,
  type SupplementClockPolicy,
  type SupplementRecord,
} from './snapshot.ts';
export {
  type DossierState,
  dossierStates,
  isTerminal,
  OPEN_STATES,
  RESOLVED_STATES,
  STATE_LABELS,
  TERMINAL_STATES,
} from './states.ts';
export type { Instant } from './time.ts';
export { type TransitionResult, transition } from './transition.ts';
