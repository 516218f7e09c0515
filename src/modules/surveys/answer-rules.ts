import type { FieldError } from '../../platform/http/errors.ts';
import type { Answers, Question, TemplateContent } from './survey-model.ts';

// Checking a filled-in questionnaire against its template (pure): every problem is reported with the question
// it concerns, in Vietnamese, and nothing is stored unless there is none.

export interface AnswerRow {
  questionKey: string;
  level: number | null;
  choices: string[] | null;
  text: string | null;
}

export type AnswerCheck = { ok: true; rows: AnswerRow[] } | { ok: false; problems: FieldError[] };

export function templateQuestions(content: TemplateContent): Question[] {
  return content.sections.flatMap((s) => s.questions);
}

const isBlank = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/** The answer to one question as a row, or the reason it is not acceptable. */
function answerRow(q: Question, value: unknown): AnswerRow | string {
  const scale = q.scale;
  switch (scale.type) {
    case 'likert':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > scale.labels.length)
        return `Câu trả lời phải là một mức từ 1 đến ${scale.labels.length}.`;
      return { questionKey: q.key, level: value, choices: null, text: null };
    case 'single': {
      if (typeof value !== 'string' || !scale.options.some((o) => o.key === value))
        return 'Vui lòng chọn một trong các phương án của câu hỏi.';
      return { questionKey: q.key, level: null, choices: [value], text: null };
    }
    case 'multiple': {
      const keys = new Set(scale.options.map((o) => o.key));
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !keys.has(v)))
        return 'Vui lòng chọn các phương án có trong câu hỏi.';
      if (new Set(value).size !== value.length) return 'Mỗi phương án chỉ được chọn một lần.';
      return { questionKey: q.key, level: null, choices: value as string[], text: null };
    }
    case 'text':
      if (typeof value !== 'string') return 'Câu trả lời phải là văn bản.';
      return { questionKey: q.key, level: null, choices: null, text: value.trim() };
  }
}

export function checkAnswers(content: TemplateContent, answers: Answers): AnswerCheck {
  const questions = templateQuestions(content);
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const problems: FieldError[] = [];
  for (const key of Object.keys(answers)) {
    if (!byKey.has(key))
      problems.push({ path: `answers.${key}`, message: `Câu hỏi «${key}» không có trong mẫu phiếu.` });
  }
  const rows: AnswerRow[] = [];
  for (const q of questions) {
    const value = answers[q.key];
    if (isBlank(value)) {
      if (q.required)
        problems.push({ path: `answers.${q.key}`, message: `Vui lòng trả lời câu hỏi «${q.text}».` });
      continue;
    }
    const row = answerRow(q, value);
    if (typeof row === 'string') problems.push({ path: `answers.${q.key}`, message: `«${q.text}»: ${row}` });
    else rows.push(row);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}

/** The Vietnamese label of a stored answer (for the export and the distributions). */
export function answerLabel(q: Question, row: Pick<AnswerRow, 'level' | 'choices' | 'text'>): string {
  const scale = q.scale;
  if (scale.type === 'likert') return row.level ? (scale.labels[row.level - 1] ?? String(row.level)) : '';
  if (scale.type === 'text') return row.text ?? '';
  const labels = new Map(scale.options.map((o) => [o.key, o.label]));
  return (row.choices ?? []).map((k) => labels.get(k) ?? k).join('; ');
}
