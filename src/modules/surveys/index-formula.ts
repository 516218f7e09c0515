import { ELEMENT_TITLES, ELEMENTS, type Element, type IndexSettings } from './survey-model.ts';

// The satisfaction index (pure). How SIPAS is officially computed is UNCONFIRMED (shared/domain/rules.md §4,
// §10 item 7), so the method is a per-template setting; the default, documented in docs/kpi.md "Survey
// satisfaction index (SIPAS-style)":
//   question share  = answers at the top `satisfiedTopLevels` levels ÷ answers of the question;
//   element index   = mean of the shares of its satisfaction questions (or all their answers pooled);
//   overall index   = mean of the elements' indexes (or weighted).
// Items without any answer are left out; an element without data has no index and is left out of the overall.

/** The answers of one Likert satisfaction question (in one round), counted per level (1 = lowest). */
export interface QuestionCounts {
  element: Element;
  /** Number of levels of the question's scale. */
  points: number;
  countsByLevel: ReadonlyMap<number, number>;
}

export interface QuestionTally {
  element: Element;
  satisfied: number;
  answered: number;
}

export interface ElementIndex {
  element: Element;
  /** 0…1, or null without answers. */
  index: number | null;
  satisfied: number;
  answered: number;
  /** Satisfaction questions with at least one answer. */
  questions: number;
}

export interface IndexResult {
  elements: ElementIndex[];
  overall: number | null;
}

/** Levels counted as satisfied on an n-point scale: the top `topLevels` ones. */
export function satisfiedLevels(points: number, topLevels: number): number[] {
  const top = Math.min(Math.max(topLevels, 0), points);
  return Array.from({ length: top }, (_, i) => points - top + 1 + i);
}

export function tallyQuestion(q: QuestionCounts, settings: IndexSettings): QuestionTally {
  const satisfiedSet = new Set(satisfiedLevels(q.points, settings.satisfiedTopLevels));
  let satisfied = 0;
  let answered = 0;
  for (const [level, count] of q.countsByLevel) {
    if (level < 1 || level > q.points) continue;
    answered += count;
    if (satisfiedSet.has(level)) satisfied += count;
  }
  return { element: q.element, satisfied, answered };
}

export function elementIndex(
  element: Element,
  tallies: QuestionTally[],
  settings: IndexSettings,
): ElementIndex {
  const own = tallies.filter((t) => t.element === element && t.answered > 0);
  const satisfied = own.reduce((s, t) => s + t.satisfied, 0);
  const answered = own.reduce((s, t) => s + t.answered, 0);
  let index: number | null = null;
  if (own.length > 0) {
    index =
      settings.elementAggregation === 'pooled_answers'
        ? satisfied / answered
        : own.reduce((s, t) => s + t.satisfied / t.answered, 0) / own.length;
  }
  return { element, index, satisfied, answered, questions: own.length };
}

export function overallIndex(elements: ElementIndex[], settings: IndexSettings): number | null {
  const withData = elements.filter((e) => e.index !== null);
  if (withData.length === 0) return null;
  if (settings.overallAggregation === 'weighted_elements') {
    const weightOf = (e: ElementIndex) => settings.elementWeights?.[e.element] ?? 0;
    const total = withData.reduce((s, e) => s + weightOf(e), 0);
    if (total <= 0) return null;
    return withData.reduce((s, e) => s + (e.index ?? 0) * weightOf(e), 0) / total;
  }
  return withData.reduce((s, e) => s + (e.index ?? 0), 0) / withData.length;
}

/** The index of every element and the overall index from the tallies of the satisfaction questions. */
export function computeIndex(tallies: QuestionTally[], settings: IndexSettings): IndexResult {
  const elements = ELEMENTS.map((e) => elementIndex(e, tallies, settings));
  return { elements, overall: overallIndex(elements, settings) };
}

/** The formula in words (Vietnamese, shown beside the figures); `labels` are a 5-point scale's labels, if known. */
export function formulaText(settings: IndexSettings, labels?: readonly string[]): string[] {
  const top = settings.satisfiedTopLevels;
  const named = labels ? satisfiedLevels(labels.length, top).map((l) => labels[l - 1]) : [];
  const levelsText = `${top} mức cao nhất của thang đo${named.length ? ` (${named.join(', ')})` : ''}`;
  const lines = [
    `Tỷ lệ hài lòng của một câu hỏi = số câu trả lời ở ${levelsText} ÷ tổng số câu trả lời của câu hỏi đó.`,
    settings.elementAggregation === 'pooled_answers'
      ? 'Chỉ số của một yếu tố = tổng số câu trả lời hài lòng ÷ tổng số câu trả lời của các câu hỏi về sự hài lòng thuộc yếu tố.'
      : 'Chỉ số của một yếu tố = trung bình cộng tỷ lệ hài lòng của các câu hỏi về sự hài lòng thuộc yếu tố.',
  ];
  if (settings.overallAggregation === 'weighted_elements') {
    const weights = ELEMENTS.map((e) => `${ELEMENT_TITLES[e]}: ${settings.elementWeights?.[e] ?? 0}`).join(
      '; ',
    );
    lines.push(`Chỉ số hài lòng chung = bình quân gia quyền chỉ số của các yếu tố (trọng số — ${weights}).`);
  } else {
    lines.push('Chỉ số hài lòng chung = trung bình cộng chỉ số của 5 yếu tố.');
  }
  lines.push('Câu hỏi, yếu tố chưa có câu trả lời không được tính.');
  return lines;
}
