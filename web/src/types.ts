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
