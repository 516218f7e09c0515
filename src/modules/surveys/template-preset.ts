import {
  DEFAULT_INDEX_SETTINGS,
  DEFAULT_LIKERT_LABELS,
  ELEMENT_TITLES,
  ELEMENTS,
  type TemplateContent,
} from './survey-model.ts';

/** A new template: one section per SIPAS element, each with a satisfaction question to start from. */
export function blankTemplate(): TemplateContent {
  return {
    name: 'Phiếu khảo sát sự hài lòng',
    description: '',
    sections: ELEMENTS.map((element, i) => ({
      element,
      title: ELEMENT_TITLES[element],
      questions: [
        {
          key: `q${i + 1}_hai_long`,
          text: `Ông/bà hài lòng thế nào về ${ELEMENT_TITLES[element].toLowerCase()}?`,
          kind: 'satisfaction' as const,
          scale: { type: 'likert' as const, labels: [...DEFAULT_LIKERT_LABELS] },
          required: true,
        },
      ],
    })),
    indexSettings: { ...DEFAULT_INDEX_SETTINGS },
  };
}
