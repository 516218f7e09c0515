import type {
  AgencyRole,
  OnlineMode,
  ProcedureDetail,
  ProcedureInput,
  StepActor,
  StepDurationUnit,
  TimeUnit,
} from '../../../types';

/** The edit form's values: ProcedureInput with optional texts as they sit in inputs. */
export interface ProcedureFormValues {
  code: string;
  name: string;
  field: string;
  levels: string[];
  processingTimeValue: number | null;
  processingTimeUnit: TimeUnit | null;
  processingTimeText?: string;
  feeText?: string;
  feeAmountVnd: number | null;
  onlineMode: OnlineMode;
  onlineLevel: number | null;
  legalBasis: string[];
  requiredDocuments: {
    group?: string | null;
    documents: {
      name: string;
      originals: number;
      copies: number;
      formName?: string | null;
      formUrl?: string | null;
    }[];
  }[];
  internalProcess: {
    name: string;
    actorRole: StepActor;
    agencyRole: AgencyRole;
    durationValue: number;
    durationUnit: StepDurationUnit;
  }[];
  resultText?: string;
  conditions?: string;
  subjects?: string;
  competentAgencyText?: string;
  implementingAgencyText?: string;
  decisionNo?: string;
  agencyIds: string[];
}

export const emptyProcedure: ProcedureFormValues = {
  code: '',
  name: '',
  field: '',
  levels: ['commune'],
  processingTimeValue: null,
  processingTimeUnit: 'working_days',
  feeAmountVnd: null,
  onlineMode: 'none',
  onlineLevel: null,
  legalBasis: [],
  requiredDocuments: [{ group: null, documents: [{ name: '', originals: 1, copies: 0 }] }],
  internalProcess: [],
  agencyIds: [],
};

export function fromDetail(detail: ProcedureDetail): ProcedureFormValues {
  return {
    code: detail.code,
    name: detail.name,
    field: detail.field,
    levels: detail.levels,
    processingTimeValue: detail.processingTimeValue,
    processingTimeUnit: detail.processingTimeUnit,
    processingTimeText: detail.processingTimeText ?? '',
    feeText: detail.feeText ?? '',
    feeAmountVnd: detail.feeAmountVnd,
    onlineMode: detail.onlineMode,
    onlineLevel: detail.onlineLevel,
    legalBasis: detail.legalBasis,
    requiredDocuments: detail.requiredDocuments.map((group) => ({
      group: group.group,
      documents: group.documents.map((document) => ({ ...document })),
    })),
    internalProcess: detail.internalProcess.map((step) => ({ ...step })),
    resultText: detail.resultText ?? '',
    conditions: detail.conditions ?? '',
    subjects: detail.subjects ?? '',
    competentAgencyText: detail.competentAgencyText ?? '',
    implementingAgencyText: detail.implementingAgencyText ?? '',
    decisionNo: detail.decisionNo ?? '',
    agencyIds: detail.agencies.map((agency) => agency.id),
  };
}

/** Trimmed text, or undefined when empty (the contract marks these fields optional). */
const optional = (value: string | null | undefined) => value?.trim() || undefined;
const nullable = (value: string | null | undefined) => value?.trim() || null;

export function toInput(values: ProcedureFormValues): ProcedureInput {
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    field: values.field.trim(),
    levels: values.levels,
    processingTimeValue: values.processingTimeValue ?? null,
    processingTimeUnit: values.processingTimeUnit ?? null,
    processingTimeText: optional(values.processingTimeText),
    feeText: optional(values.feeText),
    feeAmountVnd: values.feeAmountVnd ?? undefined,
    requiredDocuments: (values.requiredDocuments ?? []).map((group) => ({
      group: nullable(group.group),
      documents: (group.documents ?? []).map((document) => ({
        name: document.name.trim(),
        originals: document.originals ?? 0,
        copies: document.copies ?? 0,
        formName: nullable(document.formName),
        formUrl: nullable(document.formUrl),
      })),
    })),
    legalBasis: (values.legalBasis ?? []).map((item) => item.trim()).filter(Boolean),
    onlineMode: values.onlineMode,
    onlineLevel: values.onlineLevel ?? undefined,
    internalProcess: values.internalProcess ?? [],
    resultText: optional(values.resultText),
    conditions: optional(values.conditions),
    subjects: optional(values.subjects),
    competentAgencyText: optional(values.competentAgencyText),
    implementingAgencyText: optional(values.implementingAgencyText),
    decisionNo: optional(values.decisionNo),
    agencyIds: values.agencyIds ?? [],
  };
}
