// Shapes of the citizens' online-application API (src/modules/dossier/online-routes.ts, my-dossier-view.ts).

import type { DossierState, OnlineMode } from '../../types';

export type FormFieldType =
  | 'text'
  | 'textarea'
  | 'number'
  | 'date'
  | 'select'
  | 'citizen_id'
  | 'phone'
  | 'email';

export interface FormField {
  key: string;
  label: string;
  type: FormFieldType;
  required?: boolean;
  help?: string;
  options?: { value: string; label: string }[];
  min?: number;
  max?: number;
  maxLength?: number;
  pattern?: string;
  patternMessage?: string;
}

export interface FormSchema {
  fields: FormField[];
}

export interface DocumentSlot {
  slot: string;
  group: string | null;
  name: string;
  originals: number;
  copies: number;
  uploadable: boolean;
  required: boolean;
}

export interface ReceivingOption {
  receivingAgencyId: string;
  receivingAgencyName: string;
  competentAgencyId: string;
  competentAgencyName: string;
  unitName: string;
}

/** GET /api/procedures/:code/application */
export interface ApplicationInfo {
  procedureCode: string;
  procedureName: string;
  onlineMode: OnlineMode;
  acceptsOnline: boolean;
  feeText: string | null;
  feeAmountVnd: number | null;
  processingTimeText: string | null;
  formSchema: FormSchema;
  documentSlots: DocumentSlot[];
  receivingOptions: ReceivingOption[];
}

export interface Problem {
  path: string;
  message: string;
}

export interface MyDocument {
  id: string;
  kind: 'submitted' | 'supplement' | 'result';
  slot: string | null;
  name: string;
  mime: string | null;
  fileId: string | null;
}

export interface MyApplicant {
  kind: 'person' | 'organisation';
  fullName: string;
  citizenId: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export type ApplicantActionType = 'submit' | 'supply_supplement' | 'withdraw';

/** GET /api/my/dossiers/:id */
export interface MyDossier {
  id: string;
  code: string | null;
  trackingCheck: string | null;
  version: number;
  procedureCode: string;
  procedureName: string;
  state: DossierState;
  stateLabel: string;
  channel: string;
  receivingAgencyName: string;
  competentAgencyName: string;
  currentAgencyName: string | null;
  createdAt: string;
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  returnedAt: string | null;
  expectedOfYou: string;
  applicant: MyApplicant;
  formSchema: FormSchema;
  formData: Record<string, string | number>;
  documentSlots: DocumentSlot[];
  documents: MyDocument[];
  supplementRequest: { reasons: string[]; documents: string[] | null; requestedAt: string } | null;
  apology: { reason: string; newDueAt: string } | null;
  result: { fileId: string; issuedAt: string } | null;
  timeline: { at: string; label: string; agencyName: string | null; note: string | null }[];
  forms: { kind: string; label: string }[];
  problems: Problem[];
  availableActions: { type: ApplicantActionType; label: string }[];
}

/** One item of GET /api/my/dossiers */
export interface MyDossierSummary {
  id: string;
  code: string | null;
  procedureCode: string;
  procedureName: string;
  state: DossierState;
  stateLabel: string;
  receivingAgencyName: string;
  createdAt: string;
  submittedAt: string | null;
  dueAt: string | null;
  expectedOfYou: string;
  needsAction: boolean;
}

export interface MyDossierPage {
  items: MyDossierSummary[];
  hasMore: boolean;
}

/** POST /api/my/files */
export interface UploadedDocumentFile {
  fileId: string;
  mime: string;
  sizeBytes: number;
  originalSizeBytes: number;
  name: string;
  shrunk: boolean;
}
