// Shapes of the documents, ISO and legal-review API (docs/api.md, "Documents, ISO and legal review").
import type { Me } from '../../types';

export type Direction = 'incoming' | 'outgoing';
export type DocumentStatus = 'pending' | 'in_progress' | 'done';

export interface OfficialDocument {
  id: string;
  agencyId: string;
  agencyName?: string;
  direction: Direction;
  number: string;
  symbol: string;
  issuedOn: string;
  summary: string;
  counterpartKind: 'agency' | 'other';
  counterpartAgencyId: string | null;
  counterpartName: string;
  electronic: boolean;
  digitallySigned: boolean;
  dueOn: string | null;
  handler: string | null;
  status: DocumentStatus;
  source: string;
  /** Sent back with a correction (optimistic concurrency). */
  version: number;
}

export interface ImportReport {
  mode: 'all_or_nothing' | 'valid_rows';
  total: number;
  imported: number;
  rejected: { row: number; reason: string }[];
}

export interface Share {
  total: number;
  electronic: number;
  share: number | null;
  meetsTarget: boolean | null;
}
export interface ExchangeFigure {
  target: number;
  overall: Share;
  months: (Share & { month: string })[];
  agencies: (Share & { agencyId: string; agencyName: string })[];
  rows: (Share & { agencyId: string; agencyName: string; month: string })[];
}

export interface IsoRegistration {
  agencyId: string;
  scope: string;
  basis: 'certificate' | 'declaration';
  effectiveOn: string;
  certifyingBody: string | null;
  endedOn: string | null;
}
export interface IsoOverview {
  at: string;
  coverage: { agencies: number; inForce: number; share: number | null; meetsTarget: boolean | null };
  agencies: {
    agencyId: string;
    agencyName: string;
    registration: IsoRegistration | null;
    inForce: boolean;
    procedureCount: number;
    auditCount: number;
    openAudits: number;
    lastAuditOn: string | null;
  }[];
}
export interface IsoAudit {
  id: string;
  auditedOn: string;
  kind: 'internal' | 'external';
  findings: string;
  correctiveActions: string | null;
  closedOn: string | null;
}
export interface IsoDetail {
  agencyId: string;
  agencyName: string;
  registration: IsoRegistration | null;
  canEdit: boolean;
  procedures: { id: string; code: string; name: string; stepCount: number }[];
  audits: IsoAudit[];
}

export type ReviewResult = 'in_force_fit' | 'expired' | 'unfit';
export type ReviewAction = 'none' | 'amend' | 'repeal' | 'replace' | 'new';
export interface ReviewItem {
  id: string;
  number: string;
  title: string;
  issuer: string;
  issuedOn: string;
  result: ReviewResult;
  action: ReviewAction;
  actionNote: string | null;
  reviewedOn: string;
}
export interface LegalReview {
  years: {
    year: number;
    reviewed: number;
    inForceFit: number;
    expired: number;
    unfit: number;
    actions: Record<string, number>;
  }[];
  plans: {
    id: string;
    agencyId: string;
    agencyName: string;
    year: number;
    title: string;
    reference: string | null;
    canEdit: boolean;
    items: ReviewItem[];
  }[];
}

export const directionLabels: Record<Direction, string> = { incoming: 'Văn bản đến', outgoing: 'Văn bản đi' };
export const statusLabels: Record<DocumentStatus, string> = {
  pending: 'Chưa xử lý',
  in_progress: 'Đang xử lý',
  done: 'Đã xử lý',
};
export const resultLabels: Record<ReviewResult, string> = {
  in_force_fit: 'Còn hiệu lực, phù hợp',
  expired: 'Hết hiệu lực',
  unfit: 'Không còn phù hợp',
};
export const actionLabels: Record<ReviewAction, string> = {
  none: 'Không cần xử lý',
  amend: 'Sửa đổi, bổ sung',
  repeal: 'Bãi bỏ',
  replace: 'Thay thế',
  new: 'Ban hành mới',
};

export const percent = (share: number | null) =>
  share === null ? '—' : `${(share * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
export const vnDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

/** The agencies whose registers the officer keeps (a role there). */
export function keptAgencies(user: Me | null | undefined): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of user?.roles ?? []) if (r.agencyId) seen.set(r.agencyId, r.agencyName ?? '');
  return [...seen].map(([id, name]) => ({ id, name }));
}

export const seesAll = (user: Me | null | undefined) =>
  Boolean(
    user?.roles.some((r) => r.role === 'reform_officer' || (r.role === 'admin' && r.agencyId === null)),
  );
