import { describe, expect, it } from 'vitest';
import { answerLabel, checkAnswers } from './answer-rules.ts';
import { DEFAULT_INDEX_SETTINGS, DEFAULT_LIKERT_LABELS, type TemplateContent } from './survey-model.ts';
import { templateProblems } from './template-rules.ts';

const template: TemplateContent = {
  name: 'Mẫu thử',
  description: '',
  indexSettings: DEFAULT_INDEX_SETTINGS,
  sections: [
    {
      element: 'access',
      title: 'Tiếp cận dịch vụ',
      questions: [
        {
          key: 'q1',
          text: 'Hài lòng về tiếp cận',
          kind: 'satisfaction',
          scale: { type: 'likert', labels: DEFAULT_LIKERT_LABELS },
          required: true,
        },
        {
          key: 'q2',
          text: 'Mong đợi',
          kind: 'expectation',
          scale: {
            type: 'multiple',
            options: [
              { key: 'a', label: 'Thêm ghế' },
              { key: 'b', label: 'Thêm quầy' },
            ],
          },
          required: false,
        },
        { key: 'q3', text: 'Góp ý', kind: 'other', scale: { type: 'text' }, required: false },
      ],
    },
  ],
};

describe('answers against a template', () => {
  it('accepts valid answers and returns one row per answered question', () => {
    const check = checkAnswers(template, { q1: 4, q2: ['a', 'b'], q3: '  Tốt  ' });
    expect(check).toEqual({
      ok: true,
      rows: [
        { questionKey: 'q1', level: 4, choices: null, text: null },
        { questionKey: 'q2', level: null, choices: ['a', 'b'], text: null },
        { questionKey: 'q3', level: null, choices: null, text: 'Tốt' },
      ],
    });
  });

  it('reports a missing required answer, an out-of-scale level, an unknown option and an unknown question', () => {
    const missing = checkAnswers(template, {});
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.problems[0]?.message).toBe('Vui lòng trả lời câu hỏi «Hài lòng về tiếp cận».');
    const bad = checkAnswers(template, { q1: 6, q2: ['z'], q9: 1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems.map((p) => p.path).sort()).toEqual(['answers.q1', 'answers.q2', 'answers.q9']);
  });

  it('labels answers in Vietnamese', () => {
    const [q1, q2] = template.sections[0]?.questions ?? [];
    if (!q1 || !q2) throw new Error('template');
    expect(answerLabel(q1, { level: 5, choices: null, text: null })).toBe('Rất hài lòng');
    expect(answerLabel(q2, { level: null, choices: ['b', 'a'], text: null })).toBe('Thêm quầy; Thêm ghế');
  });

  it('checks template rules: unique keys, Likert satisfaction questions, satisfied levels below the scale size', () => {
    expect(templateProblems(template)).toEqual([]);
    const broken: TemplateContent = {
      ...template,
      indexSettings: { ...DEFAULT_INDEX_SETTINGS, satisfiedTopLevels: 5 },
      sections: [
        {
          ...(template.sections[0] as TemplateContent['sections'][number]),
          questions: [
            ...(template.sections[0]?.questions ?? []),
            { key: 'q1', text: 'Trùng', kind: 'satisfaction', scale: { type: 'text' }, required: false },
          ],
        },
      ],
    };
    const problems = templateProblems(broken);
    expect(problems).toContain('Mã câu hỏi «q1» bị trùng.');
    expect(problems.some((p) => p.includes('phải dùng thang đo Likert'))).toBe(true);
    expect(problems.some((p) => p.startsWith('Số mức được tính là hài lòng (5)'))).toBe(true);
  });
});
