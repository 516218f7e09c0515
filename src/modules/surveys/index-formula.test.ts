import { describe, expect, it } from 'vitest';
import { computeIndex, formulaText, satisfiedLevels, tallyQuestion } from './index-formula.ts';
import { DEFAULT_INDEX_SETTINGS, type Element, type IndexSettings } from './survey-model.ts';

const counts = (element: Element, byLevel: Record<number, number>, points = 5) => ({
  element,
  points,
  countsByLevel: new Map(Object.entries(byLevel).map(([l, n]) => [Number(l), n])),
});

describe('satisfaction index formula', () => {
  it('counts the top two levels of a five-point scale as satisfied by default', () => {
    expect(satisfiedLevels(5, 2)).toEqual([4, 5]);
    expect(satisfiedLevels(3, 1)).toEqual([3]);
    // 10 answers: 1×1, 2×2, 3×1, 4×4, 5×2 → satisfied 6 of 10.
    expect(tallyQuestion(counts('access', { 1: 1, 2: 2, 3: 1, 4: 4, 5: 2 }), DEFAULT_INDEX_SETTINGS)).toEqual(
      {
        element: 'access',
        satisfied: 6,
        answered: 10,
      },
    );
  });

  it('ignores levels outside the scale', () => {
    expect(tallyQuestion(counts('result', { 0: 3, 5: 1, 6: 2 }), DEFAULT_INDEX_SETTINGS)).toEqual({
      element: 'result',
      satisfied: 1,
      answered: 1,
    });
  });

  it('averages questions within an element and elements overall (hand-computed)', () => {
    // access: q1 6/10 = 0.6, q2 3/4 = 0.75 → 0.675; procedure: 1/2 = 0.5; official: 9/10 = 0.9;
    // result: 4/5 = 0.8; feedback: 1/4 = 0.25. Overall = (0.675 + 0.5 + 0.9 + 0.8 + 0.25) / 5 = 0.625.
    const tallies = [
      { element: 'access' as const, satisfied: 6, answered: 10 },
      { element: 'access' as const, satisfied: 3, answered: 4 },
      { element: 'procedure' as const, satisfied: 1, answered: 2 },
      { element: 'official' as const, satisfied: 9, answered: 10 },
      { element: 'result' as const, satisfied: 4, answered: 5 },
      { element: 'feedback' as const, satisfied: 1, answered: 4 },
    ];
    const result = computeIndex(tallies, DEFAULT_INDEX_SETTINGS);
    const byElement = Object.fromEntries(result.elements.map((e) => [e.element, e.index]));
    expect(byElement.access).toBeCloseTo(0.675, 10);
    expect(byElement.procedure).toBeCloseTo(0.5, 10);
    expect(byElement.official).toBeCloseTo(0.9, 10);
    expect(byElement.result).toBeCloseTo(0.8, 10);
    expect(byElement.feedback).toBeCloseTo(0.25, 10);
    expect(result.overall).toBeCloseTo(0.625, 10);

    // Pooled: access = (6 + 3) / (10 + 4) = 9/14.
    const pooled = computeIndex(tallies, { ...DEFAULT_INDEX_SETTINGS, elementAggregation: 'pooled_answers' });
    expect(pooled.elements[0]?.index).toBeCloseTo(9 / 14, 10);
  });

  it('leaves out questions and elements without answers', () => {
    const result = computeIndex(
      [
        { element: 'access', satisfied: 2, answered: 4 },
        { element: 'access', satisfied: 0, answered: 0 },
        { element: 'result', satisfied: 3, answered: 3 },
      ],
      DEFAULT_INDEX_SETTINGS,
    );
    expect(result.elements.find((e) => e.element === 'access')).toMatchObject({ index: 0.5, questions: 1 });
    expect(result.elements.find((e) => e.element === 'official')?.index).toBeNull();
    expect(result.overall).toBeCloseTo(0.75, 10); // (0.5 + 1) / 2
    expect(computeIndex([], DEFAULT_INDEX_SETTINGS).overall).toBeNull();
  });

  it('weights elements when so configured, and counts only the top level when asked', () => {
    const settings: IndexSettings = {
      satisfiedTopLevels: 1,
      elementAggregation: 'mean_of_questions',
      overallAggregation: 'weighted_elements',
      elementWeights: { access: 1, official: 3 },
    };
    const tallies = [
      tallyQuestion(counts('access', { 4: 2, 5: 2 }), settings), // 2/4 = 0.5
      tallyQuestion(counts('official', { 5: 3, 3: 1 }), settings), // 3/4 = 0.75
      tallyQuestion(counts('result', { 5: 1 }), settings), // weight 0: left out
    ];
    // (0.5 × 1 + 0.75 × 3) / 4 = 0.6875
    expect(computeIndex(tallies, settings).overall).toBeCloseTo(0.6875, 10);
  });

  it('states the formula in Vietnamese with the satisfied levels named', () => {
    const text = formulaText(DEFAULT_INDEX_SETTINGS, [
      'Rất không hài lòng',
      'Không hài lòng',
      'Bình thường',
      'Hài lòng',
      'Rất hài lòng',
    ]);
    expect(text[0]).toContain('2 mức cao nhất của thang đo (Hài lòng, Rất hài lòng)');
    expect(text[2]).toBe('Chỉ số hài lòng chung = trung bình cộng chỉ số của 5 yếu tố.');
  });
});
