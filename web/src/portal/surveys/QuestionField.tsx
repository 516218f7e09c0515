import { Checkbox, Input, Radio } from 'antd';
import type { AnswerValue, Question } from './surveyTypes';

/** One question as large touch targets: a radio list for Likert and single choice, checkboxes, or a text box. */
export function QuestionField({
  question,
  number,
  value,
  onChange,
  error,
}: {
  question: Question;
  number: number;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  error?: string | undefined;
}) {
  const id = `cau-${question.key}`;
  const s = question.scale;
  const title = (
    <span id={`${id}-nhan`} className="survey-question-text">
      {number}. {question.text}
      {question.required ? (
        <span aria-hidden="true"> *</span>
      ) : (
        <span className="survey-optional"> (không bắt buộc)</span>
      )}
    </span>
  );
  let control: React.ReactNode;
  if (s.type === 'likert') {
    control = (
      <Radio.Group
        aria-labelledby={`${id}-nhan`}
        aria-required={question.required}
        className="survey-choices"
        value={typeof value === 'number' ? value : undefined}
        onChange={(e) => onChange(e.target.value as number)}
        options={s.labels.map((label, i) => ({ value: i + 1, label }))}
      />
    );
  } else if (s.type === 'single') {
    control = (
      <Radio.Group
        aria-labelledby={`${id}-nhan`}
        aria-required={question.required}
        className="survey-choices"
        value={typeof value === 'string' ? value : undefined}
        onChange={(e) => onChange(e.target.value as string)}
        options={s.options.map((o) => ({ value: o.key, label: o.label }))}
      />
    );
  } else if (s.type === 'multiple') {
    control = (
      <Checkbox.Group
        aria-labelledby={`${id}-nhan`}
        className="survey-choices"
        value={Array.isArray(value) ? value : []}
        onChange={(v) => onChange(v as string[])}
        options={s.options.map((o) => ({ value: o.key, label: o.label }))}
      />
    );
  } else {
    control = (
      <Input.TextArea
        aria-labelledby={`${id}-nhan`}
        rows={3}
        maxLength={2000}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <fieldset className="survey-question" id={id} aria-invalid={error ? true : undefined}>
      <legend className="survey-question-legend">{title}</legend>
      {control}
      {error ? (
        <div className="survey-error" role="alert">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}
