import { KIND_LABELS, type TemplateContent } from './survey-model.ts';

// Rules a template must follow beyond its shape (pure); each problem is a Vietnamese sentence.

export function templateProblems(content: TemplateContent): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const questions = content.sections.flatMap((s) => s.questions);
  if (questions.length === 0) problems.push('Mẫu phiếu cần ít nhất một câu hỏi.');
  for (const q of questions) {
    if (seen.has(q.key)) problems.push(`Mã câu hỏi «${q.key}» bị trùng.`);
    seen.add(q.key);
    if (q.scale.type === 'single' || q.scale.type === 'multiple') {
      const keys = q.scale.options.map((o) => o.key);
      if (new Set(keys).size !== keys.length) problems.push(`Câu hỏi «${q.text}» có mã phương án bị trùng.`);
    }
    if (q.kind === 'satisfaction' && q.scale.type === 'likert') {
      if (content.indexSettings.satisfiedTopLevels >= q.scale.labels.length)
        problems.push(
          `Số mức được tính là hài lòng (${content.indexSettings.satisfiedTopLevels}) phải nhỏ hơn số mức của thang đo câu «${q.text}».`,
        );
    }
    if (q.kind === 'satisfaction' && q.scale.type !== 'likert')
      problems.push(
        `Câu hỏi «${q.text}» thuộc loại «${KIND_LABELS.satisfaction}» phải dùng thang đo Likert.`,
      );
  }
  const s = content.indexSettings;
  if (s.overallAggregation === 'weighted_elements') {
    const total = Object.values(s.elementWeights ?? {}).reduce((a, b) => a + (b ?? 0), 0);
    if (total <= 0) problems.push('Cách gộp có trọng số cần trọng số dương cho ít nhất một yếu tố.');
  }
  return problems;
}
