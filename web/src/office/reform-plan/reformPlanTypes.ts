// Shapes of the reform-plan API (docs/api.md, "Reform plans") and their Vietnamese labels.

export type OccurrenceStatus = 'not_started' | 'in_progress' | 'done' | 'cancelled';
export type TaskState = OccurrenceStatus | 'overdue';

export interface PlanSummary {
  id: string;
  title: string;
  fromYear: number;
  toYear: number;
  decisionNumber: string | null;
  decisionDate: string | null;
  status: 'draft' | 'active' | 'closed';
  unitName: string;
}

export interface Area {
  id: string;
  kind: 'task_area' | 'solution';
  code: string;
  title: string;
}

export interface Evidence {
  fileId: string;
  name: string;
  mime: string;
  sizeBytes: number;
}

export interface TargetView {
  id: string;
  code: string;
  title: string;
  measure: 'percent' | 'achieved';
  op: '>' | '>=' | null;
  targetValue: number | null;
  indicatorKey: string | null;
  source: 'indicator' | 'entered';
  years: {
    year: number;
    value: number | null;
    met: boolean | null;
    note: string | null;
    evidence: Evidence[];
    enteredByName: string | null;
  }[];
}

export interface PlanView {
  id: string;
  unitId: string;
  title: string;
  fromYear: number;
  toYear: number;
  decisionNumber: string | null;
  decisionDate: string | null;
  issuingAgency: { id: string; name: string } | null;
  coordinatingAgency: { id: string; name: string } | null;
  summary: string | null;
  status: PlanSummary['status'];
  areas: Area[];
  targets: TargetView[];
  /** For edits: the version read (a stale one is refused). */
  version: number;
  canManage: boolean;
}

export interface OccurrenceView {
  id: string;
  periodKey: string;
  dueDate: string;
  status: OccurrenceStatus;
  percent: number;
  overdue: boolean;
  dueSoon: boolean;
}

export interface TaskItem {
  id: string;
  areaId: string;
  ordinal: number;
  description: string;
  leadAgencyId: string;
  leadAgencyName: string;
  coordinatingAgencies: { id: string; name: string }[];
  recurrence: 'once' | 'yearly' | 'quarterly';
  dueDate: string | null;
  dueMonth: number | null;
  dueDay: number | null;
  expectedOutput: string | null;
  /** For edits: the version read (a stale one is refused). */
  version: number;
  state: TaskState;
  overdueCount: number;
  doneCount: number;
  occurrenceCount: number;
  next: OccurrenceView | null;
}

export interface TaskView extends Omit<TaskItem, 'overdueCount' | 'doneCount' | 'occurrenceCount' | 'next'> {
  plan: { id: string; title: string; fromYear: number; toYear: number };
  area: { code: string; title: string } | null;
  occurrences: OccurrenceView[];
  updates: {
    id: string;
    periodKey: string | null;
    status: OccurrenceStatus;
    percent: number;
    note: string | null;
    evidence: Evidence[];
    authorName: string | null;
    at: string;
  }[];
  history: {
    id: number;
    action: string;
    actorName: string | null;
    at: string;
    data: Record<string, unknown>;
  }[];
  canReport: boolean;
  canManage: boolean;
}

export interface PlanBoard {
  today: string;
  areas: (Area & {
    tasks: number;
    occurrences: number;
    dueSoFar: number;
    done: number;
    overdue: number;
    progress: number | null;
  })[];
  overdue: {
    occurrenceId: string;
    taskId: string;
    description: string;
    leadAgencyName: string;
    periodKey: string;
    dueDate: string;
    status: OccurrenceStatus;
    percent: number;
  }[];
}

export interface AgencyBoard {
  today: string;
  agencies: { id: string; name: string }[];
  counts: { open: number; overdue: number; dueSoon: number };
  items: {
    occurrenceId: string;
    periodKey: string;
    dueDate: string;
    status: OccurrenceStatus;
    percent: number;
    leadAgencyName: string;
    /** An earlier agency's task (before the reorganisation), rolled up to this agency. */
    rolledUpTo: { id: string; name: string } | null;
    taskId: string;
    description: string;
    expectedOutput: string | null;
    planId: string;
    planTitle: string;
    overdue: boolean;
    dueSoon: boolean;
  }[];
}

export const planStatusLabel: Record<PlanSummary['status'], string> = {
  draft: 'Dự thảo',
  active: 'Đang thực hiện',
  closed: 'Đã kết thúc',
};

export const stateLabel: Record<TaskState, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Hoàn thành',
  cancelled: 'Hủy bỏ',
  overdue: 'Quá hạn',
};

export const stateColor: Record<TaskState, string | undefined> = {
  not_started: undefined,
  in_progress: 'blue',
  done: 'green',
  cancelled: undefined,
  overdue: 'red',
};

export const actionLabel: Record<string, string> = {
  plan_created: 'Tạo kế hoạch',
  plan_updated: 'Sửa kế hoạch',
  plan_copied: 'Sao chép kế hoạch',
  area_added: 'Thêm lĩnh vực',
  target_created: 'Thêm mục tiêu',
  target_updated: 'Sửa mục tiêu',
  actual_entered: 'Nhập kết quả mục tiêu',
  task_created: 'Giao nhiệm vụ',
  task_updated: 'Sửa nhiệm vụ',
  task_deleted: 'Xóa nhiệm vụ',
  progress_reported: 'Cập nhật tiến độ',
};

/** "Hằng năm, trước 30/10", "Một lần, hạn 31/12/2022". */
export function scheduleText(t: Pick<TaskItem, 'recurrence' | 'dueDate' | 'dueMonth' | 'dueDay'>): string {
  const pad = (n: number | null) => String(n ?? '').padStart(2, '0');
  if (t.recurrence === 'once' && t.dueDate) {
    const [y, m, d] = t.dueDate.split('-');
    return `Một lần, hạn ${d}/${m}/${y}`;
  }
  if (t.recurrence === 'yearly') return `Hằng năm, trước ${pad(t.dueDay)}/${pad(t.dueMonth)}`;
  return `Hằng quý, ngày ${pad(t.dueDay)} tháng cuối quý`;
}

/** "30/10/2025" from "2025-10-30". */
export function dayText(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

export function periodText(periodKey: string | null): string {
  if (!periodKey || periodKey === 'once') return '—';
  const quarter = /^(\d{4})-Q(\d)$/.exec(periodKey);
  return quarter ? `Quý ${quarter[2]}/${quarter[1]}` : `Năm ${periodKey}`;
}

export function targetText(t: Pick<TargetView, 'measure' | 'op' | 'targetValue'>): string {
  if (t.measure === 'achieved') return 'Đạt';
  return `${t.op === '>' ? 'trên' : 'từ'} ${t.targetValue}%`;
}

/** Darker than antd's default label grey, for WCAG AA contrast. */
export const labelStyle = { color: 'rgba(0, 0, 0, 0.78)' };
