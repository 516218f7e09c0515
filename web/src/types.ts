// Shapes of the HTTP API (docs/api.md). Kept here so the web app does not depend on server code.

export type TimeUnit = 'working_days' | 'calendar_days' | 'hours' | 'working_hours';
export type ProcedureLevel = 'ministry' | 'province' | 'district' | 'commune' | 'other';
export type OnlineMode = 'full' | 'partial' | 'none';
export type ChannelKind = 'counter' | 'online' | 'post';
export type StepActor = 'desk_officer' | 'specialist' | 'head_of_office' | 'signing_leader' | 'clerk';
export type AgencyRole = 'receiving' | 'competent';
export type StepDurationUnit = 'working_days' | 'working_hours';
export type Role = StepActor | 'reform_officer' | 'admin';
export type AgencyKind =
  | 'people_committee'
  | 'specialised_office'
  | 'public_service_centre'
  | 'one_stop_desk'
  | 'police'
  | 'other';
export type FlagStatus = 'open' | 'confirmed' | 'corrected';

export interface ProcedureSummary {
  code: string;
  name: string;
  field: string;
  levels: string[];
  onlineMode: OnlineMode;
  processingTimeValue: number | null;
  processingTimeUnit: TimeUnit | null;
  processingTimeText: string | null;
  feeText: string | null;
}

export interface SubmissionChannel {
  channel: ChannelKind;
  processingTimeValue: number | null;
  processingTimeUnit: TimeUnit | null;
  processingTimeText: string | null;
  feeAmountVnd: number | null;
  feeText: string | null;
  note: string | null;
}

export interface RequiredDocument {
  name: string;
  originals: number;
  copies: number;
  formName: string | null;
  formUrl: string | null;
}

export interface DocumentGroup {
  group: string | null;
  documents: RequiredDocument[];
}

export interface ProcessStep {
  name: string;
  actorRole: StepActor;
  agencyRole: AgencyRole;
  durationValue: number;
  durationUnit: StepDurationUnit;
}

export interface ProcedureDetail extends ProcedureSummary {
  procedureType: string | null;
  subjects: string | null;
  implementingAgencyText: string | null;
  competentAgencyText: string | null;
  resultText: string | null;
  conditions: string | null;
  decisionNo: string | null;
  channels: SubmissionChannel[];
  feeAmountVnd: number | null;
  requiredDocuments: DocumentGroup[];
  legalBasis: string[];
  onlineLevel: number | null;
  internalProcess: ProcessStep[];
  internalProcessIsDefault: boolean;
  published: boolean;
  sourceUrl: string | null;
  sourceNote: string | null;
  version: number;
  updatedAt: string;
  agencies: { id: string; name: string; unitName: string }[];
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface FieldCount {
  field: string;
  count: number;
}

export interface Agency {
  id: string;
  slug: string;
  name: string;
  kind: AgencyKind;
  unitId: string;
  unitName: string;
  validFrom: string | null;
  validTo: string | null;
}

export type OfficeAgency = Omit<Agency, 'unitId'>;

export interface RoleAssignment {
  role: Role;
  agencyId: string | null;
  agencyName: string | null;
}

export interface Me {
  id: string;
  kind: 'citizen' | 'officer';
  fullName: string;
  email: string | null;
  phone: string | null;
  citizenId: string | null;
  roles: RoleAssignment[];
  /** The two-factor policy covers the account and no authenticator is enrolled yet. */
  mustEnrolTotp?: boolean;
}

export interface StaffMember {
  id: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  /** The contract says `Role[]`; accept plain role names as well as assignments. */
  roles: (Role | RoleAssignment)[];
}

export interface AgencyOverview {
  agency: OfficeAgency;
  staff: StaffMember[];
  procedures: ProcedureSummary[];
}

export interface AdminProcedureRow extends ProcedureSummary {
  published: boolean;
  openFlags: number;
}

export interface ProcedureFlag {
  id: string;
  procedureCode: string;
  procedureName: string;
  attribute: string;
  rawValue: string | null;
  reason: string;
  status: FlagStatus;
}

export interface AdminProcedureDetail extends ProcedureDetail {
  flags: ProcedureFlag[];
}

export interface ProcedureInput {
  code: string;
  name: string;
  field: string;
  levels: string[];
  processingTimeValue: number | null;
  processingTimeUnit: TimeUnit | null;
  processingTimeText?: string;
  feeText?: string;
  feeAmountVnd?: number;
  requiredDocuments: DocumentGroup[];
  legalBasis: string[];
  onlineMode: OnlineMode;
  onlineLevel?: number;
  internalProcess: ProcessStep[];
  resultText?: string;
  conditions?: string;
  subjects?: string;
  competentAgencyText?: string;
  implementingAgencyText?: string;
  decisionNo?: string;
  agencyIds: string[];
}

export interface Officer {
  id: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  active: boolean;
  roles: RoleAssignment[];
}

// One-stop desk: dossiers (docs/api.md, "One-stop desk: dossiers").

export type DossierState =
  | 'draft'
  | 'submitted'
  | 'intake_supplement_requested'
  | 'refused'
  | 'received'
  | 'in_progress'
  | 'supplement_requested'
  | 'stopped'
  | 'decided'
  | 'result_issued'
  | 'returned'
  | 'withdrawn';

export type DossierActionType =
  | 'submit'
  | 'request_intake_supplement'
  | 'supply_supplement'
  | 'refuse'
  | 'receive'
  | 'start_step'
  | 'complete_step'
  | 'transfer'
  | 'request_supplement'
  | 'apologise'
  | 'stop'
  | 'approve'
  | 'reject'
  | 'issue_result'
  | 'return_result'
  | 'withdraw';

export type DossierChannel = 'counter' | 'online' | 'post';
export type Urgency = 'within' | 'due_soon' | 'overdue';
export type StepTiming = 'early' | 'on_time' | 'late' | 'overdue';
export type ApplicantKind = 'person' | 'organisation';
export type DossierDocumentKind = 'submitted' | 'supplement' | 'result';
/** The statutory forms served by GET /api/office/dossiers/:id/forms/:kind. */
export type DossierFormKind =
  | 'receipt'
  | 'supplement-request'
  | 'refusal'
  | 'apology'
  | 'stop-notice'
  | 'control-sheet';

export interface DossierSummary {
  id: string;
  code: string | null;
  procedureCode: string;
  procedureName: string;
  applicantName: string;
  state: DossierState;
  stateLabel: string;
  channel: DossierChannel;
  currentAgencyId: string | null;
  currentAgencyName: string | null;
  currentRole: StepActor | null;
  /** The officer working on the dossier in the holding queue, if anyone has claimed or been assigned it. */
  assigneeUserId: string | null;
  assigneeName: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  urgency: Urgency | null;
  version: number;
}

export interface AgencyRef {
  id: string;
  name: string;
}

export interface Applicant {
  kind: ApplicantKind;
  fullName: string;
  citizenId: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export interface DossierStep {
  index: number;
  name: string;
  actorRole: StepActor;
  actorRoleLabel: string;
  agency: AgencyRef | null;
  budgetHours: number;
  interlinked: boolean;
  current: boolean;
  startedAt: string | null;
  completedAt: string | null;
  dueAt: string | null;
  timing: StepTiming | null;
}

export interface DossierDocument {
  id: string;
  kind: DossierDocumentKind;
  name: string;
  originals: number;
  copies: number;
  fileSha256: string | null;
  mime: string | null;
}

/** The form an event issued, as the lifecycle names it (`supplement_request`, `stop_notice`, …). */
export interface EventForm {
  kind: string;
  number: string;
  name: string;
}

export interface DossierEvent {
  id: number;
  at: string;
  action: DossierActionType;
  actionLabel: string;
  fromState: DossierState;
  toState: DossierState;
  toStateLabel: string;
  actorName: string | null;
  actorRole: string | null;
  agencyName: string | null;
  /** Several reasons are joined by new lines. */
  reason: string | null;
  comment: string | null;
  data: {
    form?: EventForm;
    dueAt?: string;
    previousDueAt?: string;
    decision?: 'approved' | 'rejected';
    decisionNo?: string;
    channel?: DossierChannel;
    stepName?: string;
    legalBasis?: string;
    dossierCode?: string;
    [key: string]: unknown;
  };
}

export interface AvailableAction {
  type: DossierActionType;
  label: string;
}

export interface DossierInterlink {
  agencies: { id: string; name: string }[];
  note: string | null;
  nextAgencyId: string | null;
}

export interface DossierDetail {
  id: string;
  code: string | null;
  procedureCode: string;
  procedureName: string;
  field: string;
  ruleProfile: string;
  ruleProfileName: string;
  state: DossierState;
  stateLabel: string;
  channel: DossierChannel;
  applicant: Applicant;
  assistingAgency: AgencyRef | null;
  receivingAgency: AgencyRef | null;
  competentAgency: AgencyRef | null;
  currentAgency: AgencyRef | null;
  currentRole: StepActor | null;
  feeAmountVnd: number | null;
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  urgency: Urgency | null;
  classification: { extendedByApology: boolean; [key: string]: unknown };
  supplementCount: number;
  apology: { at: string; reason: string; previousDueAt: string; newDueAt: string } | null;
  decision: {
    outcome: 'approved' | 'rejected';
    at: string;
    reasons: string[];
    comment: string | null;
    decisionNo: string | null;
  } | null;
  result: { fileId: string; issuedAt: string } | null;
  returnedAt: string | null;
  steps: DossierStep[];
  documents: DossierDocument[];
  events: DossierEvent[];
  availableActions: AvailableAction[];
  /** The procedure is on the interlinked list (Thủ tục liên thông): its agencies in order, the next one. */
  interlink?: DossierInterlink | null;
  assigneeUserId: string | null;
  assigneeName: string | null;
  /** I may claim the dossier (I hold the holding role there and nobody else works on it, or I manage the queue). */
  canClaim: boolean;
  /** I may assign it to an officer of the holding role (head of office, or desk officer for desk-held dossiers). */
  canAssign: boolean;
  version: number;
}

export interface IntakeResponse extends DossierDetail {
  statutoryAssumed: boolean;
}

export interface IntakeBody {
  procedureCode: string;
  receivingAgencyId: string;
  competentAgencyId?: string;
  channel: 'counter' | 'post';
  applicant: {
    kind: ApplicantKind;
    fullName: string;
    citizenId?: string;
    phone?: string;
    email?: string;
    address?: string;
  };
  documents: { name: string; originals: number; copies: number }[];
  feeAmountVnd?: number;
  complete: boolean;
  supplementReasons?: string[];
}

/** `action` of POST /api/office/dossiers/:id/actions. */
export type DossierAction =
  | { type: 'submit' }
  | { type: 'request_intake_supplement'; reasons: string[]; documents?: string[]; applicantAtFault?: boolean }
  | { type: 'supply_supplement'; note?: string; documents?: string[] }
  | { type: 'refuse'; reasons: string[] }
  | { type: 'receive'; dossierCode: string }
  | { type: 'start_step' }
  | { type: 'complete_step'; comment: string }
  | {
      type: 'transfer';
      toAgencyId: string;
      stepName: string;
      actorRole: StepActor;
      budgetHours: number;
      comment: string;
    }
  | {
      type: 'request_supplement';
      reasons: string[];
      documents?: string[];
      exception?: { legalBasis: string };
    }
  | { type: 'apologise'; reason: string; newDueDate: string }
  | { type: 'stop'; reason: string; legalBasis?: string }
  | { type: 'approve'; comment?: string; decisionNo?: string }
  | { type: 'reject'; reasons: string[]; comment?: string }
  | { type: 'issue_result'; resultFileId: string }
  | { type: 'return_result'; channel: DossierChannel }
  | { type: 'withdraw'; reason?: string };

export interface UploadedFile {
  fileId: string;
  mime: string;
  sizeBytes: number;
}
