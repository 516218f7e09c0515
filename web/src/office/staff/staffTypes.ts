// Shapes of the staff capacity API (docs/api.md "Staff capacity") and the Vietnamese labels of its codes.

export type StaffCategory = 'cadre' | 'civil_servant' | 'public_employee' | 'non_specialised';
export type DegreeLevel = 'intermediate' | 'college' | 'university' | 'master' | 'doctorate';
export type PoliticalTheory = 'elementary' | 'intermediate' | 'advanced' | 'bachelor';
export type TrainingResult = 'completed' | 'not_completed';
export type IndicatorKey = 'trained_online' | 'university_degree';

export const categoryLabels: Record<StaffCategory, string> = {
  cadre: 'Cán bộ',
  civil_servant: 'Công chức',
  public_employee: 'Viên chức',
  non_specialised: 'Người hoạt động không chuyên trách',
};
export const degreeLabels: Record<DegreeLevel, string> = {
  intermediate: 'Trung cấp',
  college: 'Cao đẳng',
  university: 'Đại học',
  master: 'Thạc sĩ',
  doctorate: 'Tiến sĩ',
};
export const theoryLabels: Record<PoliticalTheory, string> = {
  elementary: 'Sơ cấp',
  intermediate: 'Trung cấp',
  advanced: 'Cao cấp',
  bachelor: 'Cử nhân',
};
export const resultLabels: Record<TrainingResult, string> = {
  completed: 'Hoàn thành',
  not_completed: 'Không hoàn thành',
};
export const indicatorLabels: Record<IndicatorKey, string> = {
  trained_online: 'Tỷ lệ CBCCVC được tập huấn phần mềm dịch vụ công trực tuyến',
  university_degree: 'Tỷ lệ CBCCVC có trình độ đại học trở lên',
};

export interface StaffAgency {
  id: string;
  name: string;
  unitId: string;
  validTo: string | null;
  canManage: boolean;
}
export interface StaffAgencies {
  managesAll: boolean;
  agencies: StaffAgency[];
}

export interface Official {
  id: string;
  agencyId: string;
  agencyName: string;
  fullName: string;
  birthDate: string;
  position: string | null;
  category: StaffCategory;
  degreeLevel: DegreeLevel;
  fieldOfStudy: string | null;
  politicalTheory: PoliticalTheory | null;
  startDate: string;
  endDate: string | null;
  userId: string | null;
  userName: string | null;
  trainedOnline: boolean;
  canEdit: boolean;
}

export interface ImportReport {
  total: number;
  inserted: number;
  updated: number;
  rejected: { row: number; fullName: string; reasons: string[] }[];
}

export interface Topic {
  key: string;
  label: string;
  active: boolean;
}

export interface Course {
  id: string;
  name: string;
  organiser: string;
  topicKey: string;
  topicLabel: string;
  startDate: string;
  endDate: string;
  location: string | null;
  participants: number;
  completed: number;
}

export interface Participant {
  officialId: string;
  fullName: string;
  agencyId: string;
  agencyName: string;
  position: string | null;
  result: TrainingResult;
  certificateNo: string | null;
  canEdit: boolean;
}

export interface Figure {
  key: IndicatorKey;
  serving: number;
  counted: number;
  share: number | null;
  targetShare: number;
  met: boolean;
}

export interface Indicators {
  asOf: string;
  scopeName: string;
  targets: { key: IndicatorKey; label: string; targetShare: number; dueBy: string }[];
  total: Figure[];
  agencies: { agencyId: string; agencyName: string; figures: Figure[] }[];
}

export const formatShare = (share: number | null) =>
  share === null ? '—' : `${(Math.round(share * 1000) / 10).toLocaleString('vi-VN')}%`;
