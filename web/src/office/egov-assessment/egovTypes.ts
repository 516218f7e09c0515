// Shapes of the e-government self-assessment API (src/modules/egov-assessment) and their labels.

export type CriterionKind = 'system' | 'number' | 'yes_no' | 'level';
export type AssessmentStatus = 'draft' | 'submitted' | 'returned' | 'reviewed';

export interface Criterion {
  id: string;
  code: string;
  groupName: string;
  title: string;
  kind: CriterionKind;
  source: string | null;
  unit: string;
  target: number;
  weight: number;
  maxLevel: number | null;
  forAgencies: boolean;
  forUnit: boolean;
  note: string | null;
  version: number;
}

export interface Gap {
  criterionId: string;
  kind: CriterionKind;
  code: string;
  title: string;
  groupName: string;
  unit: string;
  target: number;
  value: number | null;
  shortfall: number;
  shortfallPercent: number;
  weight: number;
}

export interface AssessmentRow {
  id: string;
  code: string;
  groupName: string;
  title: string;
  kind: CriterionKind;
  sourceLabel: string | null;
  systemDetail: string | null;
  unit: string;
  target: number;
  weight: number;
  maxLevel: number | null;
  note: string | null;
  value: number | null;
  evidence: string | null;
}

export interface AssessmentView {
  id: string;
  year: number;
  agencyId: string | null;
  subjectName: string;
  status: AssessmentStatus;
  reviewNote: string | null;
  submittedAt: string | null;
  submittedByName: string | null;
  reviewedAt: string | null;
  reviewedByName: string | null;
  version: number;
  canEdit: boolean;
  canReview: boolean;
  criteria: AssessmentRow[];
  score: number | null;
  gaps: Gap[];
}

export interface AssessmentList {
  year: number;
  canManage: boolean;
  criteriaCount: number;
  items: {
    id: string;
    agencyId: string | null;
    unitId: string;
    status: AssessmentStatus;
    subjectName: string;
  }[];
  myAgencies: { id: string; name: string }[];
}

export const statusLabel: Record<AssessmentStatus, string> = {
  draft: 'Đang điền',
  submitted: 'Đã gửi, chờ thẩm định',
  returned: 'Bị trả lại',
  reviewed: 'Đã thẩm định',
};
export const statusColor: Record<AssessmentStatus, string | undefined> = {
  draft: undefined,
  submitted: 'blue',
  returned: 'orange',
  reviewed: 'green',
};
export const kindLabel: Record<CriterionKind, string> = {
  system: 'Số liệu hệ thống',
  number: 'Số nhập',
  yes_no: 'Có/Không',
  level: 'Mức độ',
};

/** How a value reads for a criterion. */
export function formatValue(kind: CriterionKind, value: number | null, unit: string): string {
  if (value === null) return 'Chưa có';
  if (kind === 'yes_no') return value >= 1 ? 'Có' : 'Không';
  return `${value.toLocaleString('vi-VN')}${unit ? ` ${unit}` : ''}`;
}

/** A gap's target, value and shortfall as they read (yes/no criteria in words). */
export function gapCells(g: Gap) {
  if (g.kind === 'yes_no')
    return {
      target: 'Có',
      value: formatValue('yes_no', g.value, ''),
      shortfall: `Chưa đạt (${g.shortfallPercent}%)`,
    };
  const unit = g.unit ? ` ${g.unit}` : '';
  return {
    target: `${g.target.toLocaleString('vi-VN')}${unit}`,
    value: g.value === null ? 'Chưa có' : `${g.value.toLocaleString('vi-VN')}${unit}`,
    shortfall: `${g.shortfall.toLocaleString('vi-VN')}${unit} (${g.shortfallPercent}%)`,
  };
}
