// The dossier snapshot: everything the lifecycle decisions need, as plain JSON-safe data.
import type { ProcessStep } from '../../catalog/procedure.types.ts';
import type { Channel, StepActorRole } from './actions.ts';
import { type RuleProfileId, ruleProfileAt } from './profiles.ts';
import type { DossierState } from './states.ts';
import type { Instant } from './time.ts';
import { iso } from './time.ts';

/**
 * What the LEGAL clock does while the applicant supplements a dossier returned during processing:
 * 'restart' — a new full period from the day the complete dossier comes back (Decree 61 art. 19(4); default);
 * 'pause' — the period stops and resumes, the due date moves by the working time waited (sectoral exception);
 * 'none' — the clock keeps running (sectoral exception).
 * The national-index clock ignores this and always subtracts the waiting time.
 */
export type SupplementClockPolicy = 'pause' | 'restart' | 'none';
export const DEFAULT_CLOCK_POLICY: SupplementClockPolicy = 'restart';
/** Decree 61 art. 19(4): the post-appraisal return is due within 3 working days of receipt. */
export const DEFAULT_SUPPLEMENT_WINDOW_DAYS = 3;
/** Step budgets given in working days are converted at the default office day (07:00–11:30, 13:30–17:00). */
export const HOURS_PER_WORKING_DAY = 8;

/** Statutory processing time; 0 working days = same-day procedure (15:00 cut-off). */
export interface StatutoryTime {
  value: number;
  unit: 'working_days' | 'working_hours';
}

export interface DossierStep {
  index: number;
  name: string;
  actorRole: StepActorRole;
  agencyId: string;
  budgetHours: number;
  /** Added by a transfer (interlinked processing), not part of the procedure's own process. */
  interlinked: boolean;
  /** Completed by the decision (approve/reject): the procedure's last signing-leader step. */
  decisive: boolean;
  /** When the step became current (hand-over received): its clock starts here. */
  startedAt: Instant | null;
  /** When an officer picked it up (start_step), or when it was completed without an explicit pick-up. */
  acceptedAt: Instant | null;
  completedAt: Instant | null;
  completedBy: string | null;
  dueAt: Instant | null;
  /** Working hours not charged to the step: supplement waiting (pause) or the time before a restart. */
  excludedHours: number;
}

export interface LegalClock {
  policy: SupplementClockPolicy;
  /** Start of the running period: the receipt, or the resumption after a supplement under 'restart'. */
  periodStartedAt: Instant | null;
  /** Appointment printed on the receipt (Mẫu 01). */
  originalDueAt: Instant | null;
  /** Set while waiting for the applicant's supplement under 'pause' or 'restart'. */
  pausedAt: Instant | null;
  /** Working hours the due date was moved by under 'pause'. */
  pausedHours: number;
  restarts: number;
}

/** The national-index clock (Decision 766 as DVCQG computes it, rules-2.md §1.3). */
export interface IndexClock {
  /** The appointment at receipt (NgayHenTra); apologies do not move it (README, "Two clocks"). */
  appointmentAt: Instant | null;
  /** Working hours of finished supplement waits, subtracted from the elapsed time. */
  supplementHours: number;
  /** Start of the current supplement wait, if any. */
  pausedAt: Instant | null;
  /** appointmentAt moved by supplementHours. */
  dueAt: Instant | null;
  /** More than one request makes the dossier late on this clock. */
  supplementRequests: number;
}

export interface SupplementRecord {
  stage: 'intake' | 'processing';
  number: number;
  requestedAt: Instant;
  requestedBy: string;
  reasons: string[];
  documents: string[];
  /** Processing stage: a second or later request allowed as an exception, with its legal basis. */
  exceptionLegalBasis: string | null;
  /** Processing stage: asked later than the window after receipt (Decree 61 art. 19(4)). */
  afterWindow: boolean;
  /** Intake stage: the applicant had not brought what the previous request asked for. */
  applicantAtFault: boolean;
  suppliedAt: Instant | null;
}

export interface DossierSnapshot {
  id: string;
  /** Mã hồ sơ, set at receipt. */
  code: string | null;
  procedureCode: string;
  /** Provisional (the creation day's profile) until receipt, then pinned to the receipt day's profile. */
  ruleProfile: RuleProfileId;
  state: DossierState;
  channel: Channel;
  applicantUserId: string;
  /** Where the applicant was helped; where the dossier was officially received; who resolves it. */
  assistingAgencyId: string | null;
  receivingAgencyId: string;
  competentAgencyId: string;
  statutory: StatutoryTime;
  clockPolicy: SupplementClockPolicy;
  /** Working days after receipt within which a processing-stage supplement is due; null = no limit. */
  supplementWindowDays: number | null;
  steps: DossierStep[];
  /** Index into `steps`; null before receipt and when every step is done. */
  currentStepIndex: number | null;
  createdAt: Instant;
  submittedAt: Instant | null;
  receivedAt: Instant | null;
  /** Legal due date in force (shown to the applicant). */
  dueAt: Instant | null;
  clocks: { legal: LegalClock; index: IndexClock };
  supplements: SupplementRecord[];
  /** Processing-stage supplement requests (the "only once" rule). */
  supplementCount: number;
  intakeSupplementCount: number;
  apology: { at: Instant; by: string; reason: string; previousDueAt: Instant; newDueAt: Instant } | null;
  stop: { at: Instant; by: string; reason: string; legalBasis: string | null } | null;
  refusal: { at: Instant; by: string; reasons: string[] } | null;
  decision: {
    outcome: 'approved' | 'rejected';
    at: Instant;
    by: string;
    reasons: string[];
    comment: string | null;
    decisionNo: string | null;
  } | null;
  result: { fileId: string; issuedAt: Instant; issuedBy: string } | null;
  returnedAt: Instant | null;
  returnChannel: Channel | null;
  withdrawal: { at: Instant; reason: string | null; byApplicant: boolean } | null;
  /** Bumped by every transition; the server checks it for optimistic concurrency. */
  version: number;
}

export interface NewDossierInput {
  id: string;
  procedureCode: string;
  applicantUserId: string;
  channel: Channel;
  receivingAgencyId: string;
  competentAgencyId: string;
  assistingAgencyId?: string | null;
  statutory: StatutoryTime;
  /** The procedure's internal process (quy trình nội bộ); at least one step. */
  process: readonly ProcessStep[];
  clockPolicy?: SupplementClockPolicy;
  supplementWindowDays?: number | null;
  createdAt: Date;
}

/** A draft dossier with its process instantiated for its agencies. Throws RangeError on unusable input. */
export function newDossier(input: NewDossierInput): DossierSnapshot {
  const { statutory } = input;
  if (!Number.isFinite(statutory.value) || statutory.value < 0)
    throw new RangeError('Statutory time must be a number ≥ 0');
  if (statutory.unit === 'working_days' && !Number.isInteger(statutory.value))
    throw new RangeError('Statutory working days must be whole; give fractions in working hours');
  if (statutory.unit === 'working_hours' && statutory.value === 0)
    throw new RangeError('A same-day procedure is 0 working days, not 0 hours');
  if (input.process.length === 0) throw new RangeError('The internal process needs at least one step');
  const lastSigning = input.process.map((p) => p.actorRole).lastIndexOf('signing_leader');
  const steps = input.process.map(
    (p, index): DossierStep => ({
      index,
      name: p.name,
      actorRole: p.actorRole,
      agencyId: p.agencyRole === 'receiving' ? input.receivingAgencyId : input.competentAgencyId,
      budgetHours:
        p.durationUnit === 'working_days' ? p.durationValue * HOURS_PER_WORKING_DAY : p.durationValue,
      interlinked: false,
      decisive: index === lastSigning,
      startedAt: null,
      acceptedAt: null,
      completedAt: null,
      completedBy: null,
      dueAt: null,
      excludedHours: 0,
    }),
  );
  const policy = input.clockPolicy ?? DEFAULT_CLOCK_POLICY;
  return {
    id: input.id,
    code: null,
    procedureCode: input.procedureCode,
    ruleProfile: ruleProfileAt(input.createdAt).id,
    state: 'draft',
    channel: input.channel,
    applicantUserId: input.applicantUserId,
    assistingAgencyId: input.assistingAgencyId ?? null,
    receivingAgencyId: input.receivingAgencyId,
    competentAgencyId: input.competentAgencyId,
    statutory: { ...statutory },
    clockPolicy: policy,
    supplementWindowDays:
      input.supplementWindowDays === undefined ? DEFAULT_SUPPLEMENT_WINDOW_DAYS : input.supplementWindowDays,
    steps,
    currentStepIndex: null,
    createdAt: iso(input.createdAt),
    submittedAt: null,
    receivedAt: null,
    dueAt: null,
    clocks: {
      legal: {
        policy,
        periodStartedAt: null,
        originalDueAt: null,
        pausedAt: null,
        pausedHours: 0,
        restarts: 0,
      },
      index: { appointmentAt: null, supplementHours: 0, pausedAt: null, dueAt: null, supplementRequests: 0 },
    },
    supplements: [],
    supplementCount: 0,
    intakeSupplementCount: 0,
    apology: null,
    stop: null,
    refusal: null,
    decision: null,
    result: null,
    returnedAt: null,
    returnChannel: null,
    withdrawal: null,
    version: 0,
  };
}

/** The step the dossier is at, if any. */
export function currentStep(s: DossierSnapshot): DossierStep | undefined {
  return s.currentStepIndex === null ? undefined : s.steps[s.currentStepIndex];
}

/** The agency holding the dossier: the current step's, or the competent agency when no step is current. */
export function holdingAgencyId(s: DossierSnapshot): string {
  return currentStep(s)?.agencyId ?? s.competentAgencyId;
}

export function hasDecisiveStep(s: DossierSnapshot): boolean {
  return s.steps.some((step) => step.decisive);
}
