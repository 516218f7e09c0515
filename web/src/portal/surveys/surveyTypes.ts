// Shapes of the surveys API (docs/api.md, "Surveys"), shared by the public page and the back office.

export type Element = 'access' | 'procedure' | 'official' | 'result' | 'feedback';
export type QuestionKind = 'perception' | 'satisfaction' | 'expectation' | 'other';
export type Scale =
  | { type: 'likert'; labels: string[] }
  | { type: 'single' | 'multiple'; options: { key: string; label: string }[] }
  | { type: 'text' };

export interface Question {
  key: string;
  text: string;
  kind: QuestionKind;
  scale: Scale;
  required: boolean;
}

export interface Section {
  element: Element | null;
  title: string;
  questions: Question[];
}

export interface IndexSettings {
  satisfiedTopLevels: number;
  elementAggregation: 'mean_of_questions' | 'pooled_answers';
  overallAggregation: 'mean_of_elements' | 'weighted_elements';
  elementWeights?: Partial<Record<Element, number>>;
}

export interface TemplateContent {
  name: string;
  description: string;
  sections: Section[];
  indexSettings: IndexSettings;
}

export type AnswerValue = number | string | string[];
export type Answers = Record<string, AnswerValue>;

export interface PublicSurvey {
  name: string;
  status: 'scheduled' | 'open' | 'closed';
  statusLabel: string;
  accepting: boolean;
  message: string | null;
  closesAt: string;
  agencies: { id: string; name: string }[];
  fixedAgencyId: string | null;
  template: { name: string; description: string; sections: Section[] };
}

export const ELEMENT_LABELS: Record<Element, string> = {
  access: 'Tiếp cận dịch vụ',
  procedure: 'Thủ tục hành chính',
  official: 'Công chức giải quyết công việc',
  result: 'Kết quả dịch vụ',
  feedback: 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị',
};

export const KIND_LABELS: Record<QuestionKind, string> = {
  perception: 'Nhận định',
  satisfaction: 'Sự hài lòng',
  expectation: 'Sự mong đợi',
  other: 'Khác',
};

/** Whether a question still lacks a required answer. */
export function isMissing(q: Question, value: AnswerValue | undefined): boolean {
  if (!q.required) return false;
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}
