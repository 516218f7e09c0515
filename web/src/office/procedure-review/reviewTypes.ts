// Shapes of the procedure-review API (src/modules/procedure-review) and their Vietnamese labels.

export type ReviewItemStatus = 'planned' | 'in_progress' | 'done';
export type BurdenKind = 'document' | 'step' | 'visit' | 'time' | 'cost';
export type ProposalKind = 'remove' | 'merge' | 'shorten_time' | 'make_online' | 'interlink';
export type ProposalStatus = 'proposed' | 'submitted' | 'approved' | 'rejected' | 'implemented';

export interface ReviewPlanSummary {
  id: string;
  year: number;
  title: string;
  status: 'draft' | 'active' | 'closed';
  unitName: string;
  itemCount: number;
  doneCount: number;
}

export interface ReviewPlanView {
  id: string;
  unitName: string;
  year: number;
  title: string;
  status: 'draft' | 'active' | 'closed';
  citizenDayValueVnd: number;
  visitCostVnd: number;
  version: number;
  canManage: boolean;
  items: {
    id: string;
    procedureCode: string;
    procedureName: string;
    agencyName: string;
    officerName: string | null;
    dueDate: string;
    status: ReviewItemStatus;
    burdenCount: number;
    proposalCount: number;
  }[];
}

export interface Proposal {
  id: string;
  kind: ProposalKind;
  description: string;
  status: ProposalStatus;
  decisionNumber: string | null;
  decisionDate: string | null;
  daysSaved: number;
  visitsSaved: number;
  feeReductionVnd: number;
  version: number;
}

export interface SavingFigure {
  daysPerDossier: number;
  visitsPerDossier: number;
  feePerDossierVnd: number;
  vndPerDossier: number;
  daysPerYear: number;
  visitsPerYear: number;
  vndPerYear: number;
}

export interface ReviewItemView {
  id: string;
  plan: { id: string; title: string; year: number };
  procedure: { code: string; name: string; field: string; feeAmountVnd: number | null } | null;
  agency: { id: string; name: string } | null;
  officerName: string | null;
  dueDate: string;
  status: ReviewItemStatus;
  burdens: { kind: BurdenKind; description: string }[];
  conclusion: string | null;
  version: number;
  canManage: boolean;
  proposals: Proposal[];
  volume: { from: string; to: string; received: number };
  saving: {
    formula: string;
    dossiersPerYear: number;
    rates: { citizenDayValueVnd: number; visitCostVnd: number };
    estimated: SavingFigure;
    decided: SavingFigure;
  };
}

export const itemStatusLabel: Record<ReviewItemStatus, string> = {
  planned: 'Chưa rà soát',
  in_progress: 'Đang rà soát',
  done: 'Đã rà soát',
};
export const planStatusLabel = { draft: 'Dự thảo', active: 'Đang thực hiện', closed: 'Đã kết thúc' } as const;
export const burdenLabel: Record<BurdenKind, string> = {
  document: 'Giấy tờ',
  step: 'Bước thực hiện',
  visit: 'Số lần đi lại',
  time: 'Thời gian',
  cost: 'Chi phí',
};
export const proposalKindLabel: Record<ProposalKind, string> = {
  remove: 'Bãi bỏ',
  merge: 'Gộp thủ tục',
  shorten_time: 'Rút ngắn thời gian',
  make_online: 'Thực hiện trực tuyến',
  interlink: 'Liên thông',
};
export const proposalStatusLabel: Record<ProposalStatus, string> = {
  proposed: 'Đề xuất',
  submitted: 'Đã trình',
  approved: 'Được phê duyệt',
  rejected: 'Không được phê duyệt',
  implemented: 'Đã thực hiện',
};
export const proposalStatusColor: Record<ProposalStatus, string | undefined> = {
  proposed: undefined,
  submitted: 'blue',
  approved: 'green',
  rejected: 'red',
  implemented: 'purple',
};

export const vnd = (n: number) => `${n.toLocaleString('vi-VN')} đồng`;
export const optionsOf = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
