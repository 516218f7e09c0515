import type { DossierDetail, DossierFormKind } from '../../types';

export const dossierPath = (id: string) => `/quan-tri/ho-so/${encodeURIComponent(id)}`;

export const formUrl = (id: string, kind: DossierFormKind) =>
  `/api/office/dossiers/${encodeURIComponent(id)}/forms/${kind}`;

export const fileUrl = (fileId: string) => `/api/office/files/${encodeURIComponent(fileId)}`;

const formOrder: DossierFormKind[] = [
  'receipt',
  'supplement-request',
  'refusal',
  'apology',
  'stop-notice',
  'control-sheet',
];

/**
 * The statutory forms this dossier has: those its events issued (the lifecycle writes `supplement_request`,
 * `stop_notice`, …), the receipt once received and the control sheet from receipt on.
 */
export function formsOf(
  dossier: Pick<DossierDetail, 'events' | 'receivedAt' | 'apology'>,
): DossierFormKind[] {
  const issued = new Set<string>();
  for (const event of dossier.events) {
    if (event.data?.form?.kind) issued.add(event.data.form.kind.replaceAll('_', '-'));
  }
  if (dossier.receivedAt) {
    issued.add('receipt');
    issued.add('control-sheet');
  }
  if (dossier.apology) issued.add('apology');
  return formOrder.filter((kind) => issued.has(kind));
}

/** Opens a form (PDF) in a new tab; false when the browser blocked the pop-up. */
export function openInNewTab(url: string): boolean {
  const opened = window.open(url, '_blank');
  if (opened) opened.opener = null;
  return Boolean(opened);
}
