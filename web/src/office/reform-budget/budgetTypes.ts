import { formatVnd } from '../../format';

// Shapes of the reform budget API (src/modules/reform-budget/budget.types.ts) and their Vietnamese labels.

export type BudgetStatus =
  | 'draft'
  | 'proposed'
  | 'returned'
  | 'appraised'
  | 'approved'
  | 'settled'
  | 'cancelled';
export type BudgetAction =
  | 'edit'
  | 'propose'
  | 'cancel'
  | 'return'
  | 'appraise'
  | 'approve'
  | 'disburse'
  | 'settle';
export type BudgetSource = 'state_budget' | 'other';

export const statusLabels: Record<BudgetStatus, string> = {
  draft: 'Dự thảo',
  proposed: 'Đã đề xuất',
  returned: 'Bị trả lại',
  appraised: 'Đã thẩm định',
  approved: 'Đã phê duyệt',
  settled: 'Đã quyết toán',
  cancelled: 'Đã hủy',
};
export const statusColors: Record<BudgetStatus, string> = {
  draft: 'default',
  proposed: 'blue',
  returned: 'orange',
  appraised: 'cyan',
  approved: 'green',
  settled: 'purple',
  cancelled: 'default',
};
export const sourceLabels: Record<BudgetSource, string> = {
  state_budget: 'Ngân sách nhà nước',
  other: 'Nguồn khác',
};
export const actionLabels: Record<BudgetAction | 'create', string> = {
  create: 'Lập dự toán',
  edit: 'Sửa dự toán',
  propose: 'Gửi đề xuất',
  cancel: 'Hủy đề xuất',
  return: 'Trả lại',
  appraise: 'Thẩm định',
  approve: 'Phê duyệt',
  disburse: 'Ghi nhận giải ngân',
  settle: 'Quyết toán',
};

export interface Figures {
  proposed: number;
  appraised: number;
  approved: number;
  disbursed: number;
  spent: number;
  remaining: number;
  overrun: boolean;
  unspent: boolean;
}
export interface BudgetLine {
  id: string;
  planId: string;
  taskId: string;
  taskDescription: string;
  areaId: string;
  areaCode: string;
  areaTitle: string;
  leadAgencyId: string;
  leadAgencyName: string;
  year: number;
  status: BudgetStatus;
  source: BudgetSource;
  description: string;
  proposedAmount: number;
  appraisedAmount: number | null;
  appraisalComment: string | null;
  approvedAmount: number | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  settledAmount: number | null;
  settlementDocument: string | null;
  settledOn: string | null;
  version: number;
  figures: Figures;
  actions: BudgetAction[];
}
export interface LineDetail {
  line: BudgetLine;
  disbursements: { id: string; amount: number; paidOn: string; document: string }[];
  history: {
    action: string;
    fromStatus: BudgetStatus | null;
    toStatus: BudgetStatus;
    actorName: string | null;
    at: string;
    data: Record<string, unknown>;
  }[];
  unspentCheckDate: string;
}
export interface Totals {
  lines: number;
  proposed: number;
  appraised: number;
  approved: number;
  disbursed: number;
  spent: number;
  remaining: number;
  overrun: number;
  unspent: number;
}
export interface BudgetSummary {
  year: number;
  unspentRule: { percent: number; checkDate: string };
  byTask: (Totals & { key: string; label: string; areaCode: string; agencyName: string })[];
  byArea: (Totals & { key: string; label: string })[];
  byAgency: (Totals & { key: string; label: string })[];
  total: Totals;
}
export interface BudgetTask {
  id: string;
  planId: string;
  planTitle: string;
  areaId: string;
  areaCode: string;
  areaTitle: string;
  description: string;
  leadAgencyId: string;
  leadAgencyName: string;
  canPropose: boolean;
}

/** Whole đồng, or a dash when there is no amount yet. */
export const vnd = (amount: number | null | undefined) =>
  amount === null || amount === undefined ? '—' : formatVnd(amount);

/** Amount inputs show thousands separators (dots) and read digits only. */
export const amountInput = {
  formatter: (v: number | string | undefined) => String(v ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, '.'),
  parser: (v: string | undefined) => Number((v ?? '').replace(/\D/g, '')),
};
