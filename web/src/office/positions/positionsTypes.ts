// Shapes of the job positions and headcount API (src/modules/positions/positions.types.ts) and their labels.
import { toApiError } from '../../api';
import type { DegreeLevel, StaffCategory } from '../staff/staffTypes';

export type PositionGroup = 'leadership' | 'professional' | 'shared_support' | 'support_service';
export type QuotaKind = 'civilServants' | 'publicEmployees' | 'contractStaff';
export type Counts = Record<QuotaKind, number>;

export const groupLabels: Record<PositionGroup, string> = {
  leadership: 'Lãnh đạo, quản lý',
  professional: 'Chuyên môn, nghiệp vụ',
  shared_support: 'Chuyên môn dùng chung',
  support_service: 'Hỗ trợ, phục vụ',
};
export const quotaKindLabels: Record<QuotaKind, string> = {
  civilServants: 'Công chức (gồm cán bộ)',
  publicEmployees: 'Viên chức',
  contractStaff: 'Hợp đồng lao động',
};

export interface CompetencyLine {
  kind: 'skill' | 'certificate';
  text: string;
}
export interface Balance {
  needed: number;
  held: number;
  vacancy: number;
  over: number;
}
export interface Holder {
  officialId: string;
  fullName: string;
  category: StaffCategory;
  degreeLevel: DegreeLevel;
  fieldOfStudy: string | null;
  fromDate: string;
  belowDegree: boolean;
}
export interface Position {
  id: string;
  agencyId: string;
  code: string;
  name: string;
  group: PositionGroup;
  requiredDegree: DegreeLevel;
  requiredField: string | null;
  competencies: CompetencyLine[];
  headcount: number;
  version: number;
  holders: Holder[];
  balance: Balance;
}
export interface QuotaLine {
  kind: QuotaKind;
  quota: number | null;
  actual: number;
  vacancy: number;
  over: number;
}
export interface StreamliningYear {
  year: number;
  planned: number;
  cumulativePlanned: number;
  headcount: number;
  actual: number;
  cumulativeActual: number;
}
export interface Streamlining {
  fromYear: number;
  toYear: number;
  decisionNumber: string | null;
  version: number;
  planned: { year: number; reduction: number }[];
  progress: {
    baseYear: number;
    baseHeadcount: number;
    targetPercent: number;
    targetReduction: number;
    achievedReduction: number;
    met: boolean;
    years: StreamliningYear[];
  };
}
export interface AgencyPositions {
  agency: { id: string; name: string };
  year: number;
  asOf: string;
  canManage: boolean;
  canManageQuota: boolean;
  positions: Position[];
  totals: Balance;
  quota: (Counts & { decisionNumber: string; decisionDate: string | null; version: number }) | null;
  quotaLines: QuotaLine[];
  unassigned: {
    officialId: string;
    fullName: string;
    category: StaffCategory;
    degreeLevel: DegreeLevel;
    position: string | null;
  }[];
  streamlining: Streamlining | null;
}
export interface PositionAgencies {
  managesAll: boolean;
  agencies: { id: string; name: string; unitId: string; canManage: boolean }[];
}
export interface SummaryRow extends Balance {
  agencyId: string;
  agencyName: string;
  unitName: string;
  positions: number;
  quota: Counts | null;
  actual: Counts;
  quotaVacancy: number;
  quotaOver: number;
}
export interface HeadcountSummary {
  scopeName: string;
  year: number;
  asOf: string;
  rows: SummaryRow[];
  total: Omit<SummaryRow, 'agencyId' | 'agencyName' | 'unitName'>;
  streamlining: { year: number; planned: number; actual: number; headcount: number }[];
}

/** DELETE with the server's Vietnamese message on failure (the shared client has no DELETE). */
export async function remove(path: string): Promise<void> {
  const response = await fetch(path, { method: 'DELETE', credentials: 'same-origin' });
  if (!response.ok) throw await toApiError(response);
}
