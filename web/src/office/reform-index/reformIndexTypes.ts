import { toApiError } from '../../api';

// Shapes of the reform index API (docs/api.md, "Reform index") and labels shown on screen.

export type YearStatus =
  | 'draft'
  | 'self_assessment'
  | 'appraisal'
  | 'response'
  | 'final_appraisal'
  | 'published';
export type NodeKind = 'group' | 'manual' | 'automatic' | 'survey';

export interface ScaleStep {
  min: number;
  share: number;
}

export interface YearSummary {
  id: string;
  year: number;
  title: string;
  status: YearStatus;
  statusLabel: string;
  selfDeadline: string | null;
  publishedAt: string | null;
}

export interface IndexNode {
  id: string;
  parentId: string | null;
  code: string;
  title: string;
  kind: NodeKind;
  maxPoints: number;
  evidenceRequired: boolean;
  guidance: string | null;
  indicatorKey: string | null;
  scale: ScaleStep[] | null;
}

export interface YearView {
  id: string;
  year: number;
  title: string;
  status: YearStatus;
  statusLabel: string;
  nextStatus: YearStatus | null;
  selfDeadline: string | null;
  gradeBands: { min: number; label: string }[];
  rewardRule: { grades: string[]; topN: number | null };
  version: number;
  maxTotal: number;
  problems: string[];
  nodes: IndexNode[];
  agencies: { id: string; name: string }[];
  isCouncil: boolean;
  myAgencyIds: string[];
}

export interface SheetItem {
  nodeId: string;
  parentId: string | null;
  code: string;
  title: string;
  kind: NodeKind;
  maxPoints: number;
  evidenceRequired: boolean;
  guidance: string | null;
  indicatorKey: string | null;
  selfScore: number | null;
  selfComment: string | null;
  evidence: { fileId: string; name: string }[];
  measuredValue: number | null;
  computedScore: number | null;
  appraisedScore: number | null;
  appraisalComment: string | null;
  responseComment: string | null;
  version: number;
  selfTotal: number;
  total: number;
}

export interface Sheet {
  yearId: string;
  year: number;
  status: YearStatus;
  agency: { id: string; name: string };
  canSelfScore: boolean;
  canAppraise: boolean;
  canRespond: boolean;
  maxTotal: number;
  selfTotal: number;
  total: number;
  grade: string | null;
  items: SheetItem[];
}

export interface ResultRow {
  rank: number;
  agencyId: string;
  agencyName: string;
  selfTotal: number;
  total: number;
  grade: string | null;
  previousTotal: number | null;
  change: number | null;
  proposedReward: boolean;
}

export interface Results {
  year: number;
  title: string;
  status: YearStatus;
  maxTotal: number;
  items: ResultRow[];
  rewards: { agencyId: string; agencyName: string; rank: number; total: number; grade: string | null }[];
}

export const statusOrder: YearStatus[] = [
  'draft',
  'self_assessment',
  'appraisal',
  'response',
  'final_appraisal',
  'published',
];

export const statusLabel: Record<YearStatus, string> = {
  draft: 'Đang xây dựng',
  self_assessment: 'Đơn vị tự chấm',
  appraisal: 'Thẩm định',
  response: 'Giải trình',
  final_appraisal: 'Thẩm định lại',
  published: 'Đã công bố',
};

export const kindLabel: Record<NodeKind, string> = {
  group: 'Lĩnh vực / nhóm',
  manual: 'Tự chấm có minh chứng',
  automatic: 'Tự động từ số liệu',
  survey: 'Từ khảo sát sự hài lòng',
};

export const indicatorLabel: Record<string, string> = {
  on_time: 'Tỷ lệ hồ sơ đúng hạn',
  dossiers_online: 'Tỷ lệ hồ sơ trực tuyến',
  procedures_online: 'Tỷ lệ TTHC trực tuyến toàn trình',
  satisfaction: 'Tỷ lệ hài lòng qua đánh giá hồ sơ',
  components_digitised: 'Tỷ lệ số hóa thành phần hồ sơ',
  results_digitised: 'Tỷ lệ số hóa kết quả',
};

export const points = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/** PATCH and DELETE, which the shared `api` helper does not offer. */
export async function send<T>(method: 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}
