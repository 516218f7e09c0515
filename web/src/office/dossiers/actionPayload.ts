import type { Dayjs } from 'dayjs';
import { linesOf } from '../../format';
import { capitalise, dossierActionLabels, labelOf } from '../../labels';
import type {
  AvailableAction,
  DossierAction,
  DossierActionType,
  DossierChannel,
  StepActor,
} from '../../types';

/** "Hoàn thành bước và chuyển bước tiếp theo": the server's label, capitalised for buttons and titles. */
export function actionTitle(action: AvailableAction): string {
  return capitalise(action.label || labelOf(dossierActionLabels, action.type));
}

/** The action modal's code, fetched ahead of the first click. */
export const loadActionModal = () =>
  import('./ActionModal').then((module) => ({ default: module.ActionModal }));

/** What the action forms collect; each action reads the fields it needs. */
export interface ActionValues {
  reasons?: string;
  reason?: string;
  comment?: string;
  note?: string;
  legalBasis?: string;
  decisionNo?: string;
  applicantAtFault?: boolean;
  toAgencyId?: string;
  stepName?: string;
  actorRole?: StepActor;
  budgetHours?: number;
  newDueDate?: Dayjs;
  resultFileId?: string;
  channel?: DossierChannel;
}

const trimmed = (text: string | undefined) => text?.trim() ?? '';
const optional = (text: string | undefined) => trimmed(text) || undefined;

/** The `action` body of POST /api/office/dossiers/:id/actions for a filled-in form. */
export function buildAction(type: DossierActionType, values: ActionValues): DossierAction {
  switch (type) {
    case 'request_intake_supplement':
      return {
        type,
        reasons: linesOf(values.reasons),
        ...(values.applicantAtFault ? { applicantAtFault: true } : {}),
      };
    case 'supply_supplement':
      return { type, ...(optional(values.note) ? { note: trimmed(values.note) } : {}) };
    case 'refuse':
      return { type, reasons: linesOf(values.reasons) };
    case 'receive':
      // The server draws the dossier code.
      return { type, dossierCode: '' };
    case 'complete_step':
      return { type, comment: trimmed(values.comment) };
    case 'transfer':
      return {
        type,
        toAgencyId: values.toAgencyId ?? '',
        stepName: trimmed(values.stepName),
        actorRole: values.actorRole ?? 'specialist',
        budgetHours: Number(values.budgetHours ?? 0),
        comment: trimmed(values.comment),
      };
    case 'request_supplement':
      return {
        type,
        reasons: linesOf(values.reasons),
        ...(optional(values.legalBasis) ? { exception: { legalBasis: trimmed(values.legalBasis) } } : {}),
      };
    case 'apologise':
      return {
        type,
        reason: trimmed(values.reason),
        newDueDate: values.newDueDate ? values.newDueDate.format('YYYY-MM-DD') : '',
      };
    case 'stop':
      return {
        type,
        reason: trimmed(values.reason),
        ...(optional(values.legalBasis) ? { legalBasis: trimmed(values.legalBasis) } : {}),
      };
    case 'approve':
      return {
        type,
        ...(optional(values.comment) ? { comment: trimmed(values.comment) } : {}),
        ...(optional(values.decisionNo) ? { decisionNo: trimmed(values.decisionNo) } : {}),
      };
    case 'reject':
      return {
        type,
        reasons: linesOf(values.reasons),
        ...(optional(values.comment) ? { comment: trimmed(values.comment) } : {}),
      };
    case 'issue_result':
      return { type, resultFileId: values.resultFileId ?? '' };
    case 'return_result':
      return { type, channel: values.channel ?? 'counter' };
    case 'withdraw':
      return { type, ...(optional(values.reason) ? { reason: trimmed(values.reason) } : {}) };
    case 'submit':
    case 'start_step':
      return { type };
  }
}

/** The server names payload fields `action.reasons.0`, `action.toAgencyId`, …; the forms name them plainly. */
export function actionFieldAliases(paths: string[]): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const path of paths) {
    const plain = path.replace(/^action\./, '');
    const head = plain.split('.')[0] ?? plain;
    if (head === 'reasons') aliases[path] = 'reasons';
    else if (head === 'exception') aliases[path] = 'legalBasis';
    else if (head === 'newDueDate' || head === 'resultFileId' || head === 'channel') aliases[path] = head;
    else aliases[path] = plain;
  }
  return aliases;
}

/** Actions that end or refuse something: their confirm button is red. */
export const dangerousActions: ReadonlySet<DossierActionType> = new Set([
  'refuse',
  'reject',
  'stop',
  'withdraw',
]);
