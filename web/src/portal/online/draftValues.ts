import { formatDate } from '../../format';
import { compactDigits } from '../../validation';
import type { FormField, MyDossier } from './onlineTypes';

// The draft form's values and what PUT /api/my/dossiers/:id/draft receives.

export interface ApplicantValues {
  fullName?: string;
  citizenId?: string;
  phone?: string;
  email?: string;
  address?: string;
}

export interface DraftValues {
  applicant: ApplicantValues;
  formData: Record<string, string | undefined>;
}

export const draftFormName = 'draft';

/** The id antd gives the control of a field path ("applicant.phone" → "draft_applicant_phone"). */
export function fieldElementId(path: string): string {
  return `${draftFormName}_${path.replaceAll('.', '_')}`;
}

export function initialValues(dossier: MyDossier): DraftValues {
  const a = dossier.applicant;
  const formData: Record<string, string | undefined> = {};
  for (const field of dossier.formSchema.fields) {
    const value = dossier.formData[field.key];
    formData[field.key] = value === undefined || value === null ? undefined : String(value);
  }
  return {
    applicant: {
      fullName: a.fullName ?? '',
      citizenId: a.citizenId ?? '',
      phone: a.phone ?? '',
      email: a.email ?? '',
      address: a.address ?? '',
    },
    formData,
  };
}

/** The request body (without the version). Blank answers are left out; a blank name keeps the saved one. */
export function draftBody(values: DraftValues, fields: FormField[]) {
  const a = values.applicant ?? {};
  const trim = (text: string | undefined) => (text ?? '').trim();
  const formData: Record<string, string> = {};
  for (const field of fields) {
    const raw = trim(values.formData?.[field.key]);
    if (!raw) continue;
    formData[field.key] = field.type === 'citizen_id' ? compactDigits(raw) : raw;
  }
  return {
    applicant: {
      kind: 'person' as const,
      ...(trim(a.fullName).length >= 2 ? { fullName: trim(a.fullName) } : {}),
      citizenId: compactDigits(a.citizenId),
      phone: compactDigits(a.phone),
      email: trim(a.email),
      address: trim(a.address),
    },
    formData,
  };
}

/** A form answer as people read it: the option's label, a date as dd/mm/yyyy. */
export function displayValue(field: FormField, value: string | number | undefined): string {
  if (value === undefined || value === null || value === '') return '';
  if (field.type === 'select') return field.options?.find((o) => o.value === value)?.label ?? String(value);
  if (field.type === 'date') return formatDate(String(value));
  return String(value);
}

/** Which wizard step and element a problem's path points at. */
export function problemTarget(path: string): { step: 'thong-tin' | 'giay-to'; anchor: string } {
  if (path.startsWith('documents.'))
    return { step: 'giay-to', anchor: `slot-${path.slice('documents.'.length)}` };
  if (path === 'documents' || path === 'file') return { step: 'giay-to', anchor: 'documents-top' };
  return { step: 'thong-tin', anchor: fieldElementId(path) };
}
