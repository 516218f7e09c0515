// The actions of the lifecycle: a discriminated union with payloads, and who performs them.
import type { Role } from '../../auth/schema.ts';
import type { ProcessStep } from '../../catalog/procedure.types.ts';

export type Channel = 'counter' | 'online' | 'post';
export type StepActorRole = ProcessStep['actorRole'];

export type DossierAction =
  /** File the dossier: the applicant online, or a desk officer at the counter / for a posted dossier. */
  | { type: 'submit' }
  /** Incomplete at intake (Mẫu 02). A repeat is allowed only when the applicant did not bring what was asked. */
  | {
      type: 'request_intake_supplement';
      reasons: readonly string[];
      documents?: readonly string[];
      applicantAtFault?: boolean;
    }
  /** The applicant (or a desk officer on their behalf) supplies what was asked, at intake or during processing. */
  | { type: 'supply_supplement'; note?: string; documents?: readonly string[] }
  /** Refuse intake (Mẫu 03), with reasons. */
  | { type: 'refuse'; reasons: readonly string[] }
  /** Receive the complete dossier (Mẫu 01): the dossier code comes from the server's daily counter. */
  | { type: 'receive'; dossierCode: string }
  /** Pick up the current step ("nhận xử lý"); optional, completing a step picks it up implicitly. */
  | { type: 'start_step' }
  /** Finish the current step and hand the dossier to the next one (maybe at another agency). */
  | { type: 'complete_step'; comment: string }
  /** Interlinked processing: finish the current step and add a step at another agency (recorded hand-over). */
  | {
      type: 'transfer';
      toAgencyId: string;
      stepName: string;
      actorRole: StepActorRole;
      budgetHours: number;
      comment: string;
    }
  /** Supplement asked during appraisal (Decree 61 art. 19(4)). A second one needs `exception` (README). */
  | {
      type: 'request_supplement';
      reasons: readonly string[];
      documents?: readonly string[];
      exception?: { legalBasis: string };
    }
  /** Apology and new due date (Mẫu 04): ≥ 1 working day before the due date, once, to a later working day. */
  | { type: 'apologise'; reason: string; newDueDate: string }
  /** Stop resolving (Decree 118/2025 only; its Mẫu 05 notice). */
  | { type: 'stop'; reason: string; legalBasis?: string }
  | { type: 'approve'; comment?: string; decisionNo?: string }
  | { type: 'reject'; reasons: readonly string[]; comment?: string }
  /** The result document is issued and attached (digitised), ready to return. */
  | { type: 'issue_result'; resultFileId: string }
  | { type: 'return_result'; channel: Channel }
  /** The applicant withdraws (or a desk officer records their written request), before a decision. */
  | { type: 'withdraw'; reason?: string };

export type ActionType = DossierAction['type'];
export type ActionOf<T extends ActionType> = Extract<DossierAction, { type: T }>;

export const actionTypes: readonly ActionType[] = [
  'submit',
  'request_intake_supplement',
  'supply_supplement',
  'refuse',
  'receive',
  'start_step',
  'complete_step',
  'transfer',
  'request_supplement',
  'apologise',
  'stop',
  'approve',
  'reject',
  'issue_result',
  'return_result',
  'withdraw',
];

export interface RoleAssignment {
  role: Role;
  /** null only for deployment-wide roles (admin), which never act on dossiers. */
  agencyId: string | null;
}

/** Who performs an action: the signed-in applicant, or an officer with their role assignments. */
export type Actor =
  | { kind: 'applicant'; userId: string }
  | { kind: 'officer'; userId: string; roles: readonly RoleAssignment[] };
