import { z } from 'zod';

// The shape of a survey template (sections, questions, scales, index settings): validated at the edge and
// stored as the template's jsonb content. SIPAS (shared/domain/rules.md §4) measures five elements and, for
// each, the citizen's perception, satisfaction and expectation.

export const ELEMENTS = ['access', 'procedure', 'official', 'result', 'feedback'] as const;
export type Element = (typeof ELEMENTS)[number];

/** Default section titles: the five SIPAS elements (editable per template). */
export const ELEMENT_TITLES: Record<Element, string> = {
  access: 'Tiếp cận dịch vụ',
  procedure: 'Thủ tục hành chính',
  official: 'Công chức trực tiếp giải quyết công việc',
  result: 'Kết quả cung ứng dịch vụ hành chính công',
  feedback: 'Tiếp nhận, xử lý ý kiến góp ý, phản ánh, kiến nghị',
};

export const QUESTION_KINDS = ['perception', 'satisfaction', 'expectation', 'other'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const KIND_LABELS: Record<QuestionKind, string> = {
  perception: 'Nhận định',
  satisfaction: 'Sự hài lòng',
  expectation: 'Sự mong đợi',
  other: 'Khác',
};

/** The usual five-point satisfaction scale, lowest first. */
export const DEFAULT_LIKERT_LABELS = [
  'Rất không hài lòng',
  'Không hài lòng',
  'Bình thường',
  'Hài lòng',
  'Rất hài lòng',
];

const keyRule = z
  .string()
  .regex(/^[a-z0-9_]{1,40}$/, 'Mã gồm chữ thường không dấu, số, gạch dưới (tối đa 40).');
const labelRule = (what: string) =>
  z.string().trim().min(1, `Vui lòng nhập ${what}.`).max(200, `${what} tối đa 200 ký tự.`);

export const likertScale = z.strictObject({
  type: z.literal('likert'),
  /** Level labels from the lowest (value 1) to the highest (value n). */
  labels: z.array(labelRule('nhãn mức')).min(2, 'Thang đo cần ít nhất 2 mức.').max(10, 'Tối đa 10 mức.'),
});
const choiceOption = z.strictObject({ key: keyRule, label: labelRule('nội dung lựa chọn') });
export const choiceScale = z.strictObject({
  type: z.enum(['single', 'multiple']),
  options: z.array(choiceOption).min(2, 'Câu hỏi lựa chọn cần ít nhất 2 phương án.').max(20),
});
export const textScale = z.strictObject({ type: z.literal('text') });
export const scaleSchema = z.discriminatedUnion('type', [likertScale, choiceScale, textScale], {
  error: 'Thang đo phải là likert, single, multiple hoặc text.',
});
export type Scale = z.infer<typeof scaleSchema>;

export const questionSchema = z.strictObject({
  key: keyRule,
  text: z.string().trim().min(1, 'Vui lòng nhập nội dung câu hỏi.').max(500, 'Câu hỏi tối đa 500 ký tự.'),
  kind: z.enum(QUESTION_KINDS, 'Loại câu hỏi phải là nhận định, sự hài lòng, sự mong đợi hoặc khác.'),
  scale: scaleSchema,
  required: z.boolean(),
});
export type Question = z.infer<typeof questionSchema>;

export const sectionSchema = z.strictObject({
  /** The SIPAS element it measures; null for other sections (e.g. about the respondent). */
  element: z.enum(ELEMENTS, 'Yếu tố không hợp lệ.').nullable(),
  title: z.string().trim().min(1, 'Vui lòng nhập tên phần.').max(200, 'Tên phần tối đa 200 ký tự.'),
  questions: z.array(questionSchema).max(60, 'Mỗi phần tối đa 60 câu hỏi.'),
});
export type Section = z.infer<typeof sectionSchema>;

/**
 * How the index is computed (the official SIPAS method is UNCONFIRMED, so every choice is a setting):
 * - `satisfiedTopLevels`: how many of the highest Likert levels count as satisfied (2 = "Hài lòng" + "Rất hài lòng");
 * - `elementAggregation`: `mean_of_questions` (each satisfaction question weighs the same) or `pooled_answers`
 *   (all answers of the element's satisfaction questions together);
 * - `overallAggregation`: `mean_of_elements` or `weighted_elements` with `elementWeights`.
 */
export const indexSettingsSchema = z.strictObject({
  satisfiedTopLevels: z
    .int('Số mức hài lòng phải là số nguyên.')
    .min(1, 'Ít nhất 1 mức.')
    .max(9, 'Tối đa 9 mức.'),
  elementAggregation: z.enum(['mean_of_questions', 'pooled_answers'], 'Cách gộp theo yếu tố không hợp lệ.'),
  overallAggregation: z.enum(
    ['mean_of_elements', 'weighted_elements'],
    'Cách gộp chỉ số chung không hợp lệ.',
  ),
  elementWeights: z.partialRecord(z.enum(ELEMENTS), z.number().min(0).max(100)).optional(),
});
export type IndexSettings = z.infer<typeof indexSettingsSchema>;

export const DEFAULT_INDEX_SETTINGS: IndexSettings = {
  satisfiedTopLevels: 2,
  elementAggregation: 'mean_of_questions',
  overallAggregation: 'mean_of_elements',
};

export const templateContentSchema = z.strictObject({
  name: z.string().trim().min(1, 'Vui lòng nhập tên mẫu phiếu.').max(300, 'Tên mẫu phiếu tối đa 300 ký tự.'),
  description: z.string().trim().max(2000, 'Mô tả tối đa 2.000 ký tự.').default(''),
  sections: z.array(sectionSchema).min(1, 'Mẫu phiếu cần ít nhất một phần.').max(20, 'Tối đa 20 phần.'),
  indexSettings: indexSettingsSchema.default(DEFAULT_INDEX_SETTINGS),
});
export type TemplateContent = z.infer<typeof templateContentSchema>;

/** An answer: a Likert level (1…n), one option key, several option keys, or free text. */
export const answerValueSchema = z.union([
  z.int('Mức trả lời phải là số nguyên.').min(1).max(10),
  z.string().trim().max(2000, 'Câu trả lời tối đa 2.000 ký tự.'),
  z.array(z.string().max(40)).max(20),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;
export const answersSchema = z.record(z.string().max(40), answerValueSchema);
export type Answers = z.infer<typeof answersSchema>;

export type ResponseChannel = 'online' | 'paper';
export const CHANNEL_LABELS: Record<ResponseChannel, string> = {
  online: 'Trực tuyến',
  paper: 'Phiếu giấy',
};
