import type { DegreeLevel, PoliticalTheoryLevel, StaffCategory, TrainingResult } from './schema.ts';

// Vietnamese labels of the register's coded values: shown on screen, written in the Excel template and read
// back from imported files.

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

export const politicalTheoryLabels: Record<PoliticalTheoryLevel, string> = {
  elementary: 'Sơ cấp',
  intermediate: 'Trung cấp',
  advanced: 'Cao cấp',
  bachelor: 'Cử nhân',
};

export const resultLabels: Record<TrainingResult, string> = {
  completed: 'Hoàn thành',
  not_completed: 'Không hoàn thành',
};

/** The topic whose completed courses count towards the plan's "100% trained on the online-service software". */
export const ONLINE_SERVICE_TOPIC = 'online_service_software';

/** Topics offered until an administrator edits the list. */
export const defaultTrainingTopics: { key: string; label: string }[] = [
  { key: ONLINE_SERVICE_TOPIC, label: 'Phần mềm dịch vụ công trực tuyến / một cửa điện tử' },
  { key: 'reform_practice', label: 'Nghiệp vụ CCHC' },
  { key: 'digital_skills', label: 'Kỹ năng số' },
  { key: 'public_ethics', label: 'Đạo đức công vụ, văn hóa công sở' },
  { key: 'professional', label: 'Chuyên môn, nghiệp vụ' },
];
