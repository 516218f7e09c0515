import '../../portal/surveys/surveys.css';
import { Alert, Button, Card, Flex, Input, type InputRef, Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, api, errorMessage } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { vietnamToday } from '../../format';
import type { Answers, AnswerValue, Question } from '../../portal/surveys/surveyTypes';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import type { RoundDetail } from './officeSurveyTypes';

// Keying in paper questionnaires: one short field per question, typed as on the form — the number of the level
// or option (1, 2, …), several digits for a multiple choice, words for free text. A valid digit jumps to the next
// question; Enter saves the form and starts the next one.

/** The hint beside a field: the numbered levels or options. */
function hintOf(q: Question): string {
  const s = q.scale;
  if (s.type === 'likert') return s.labels.map((l, i) => `${i + 1} = ${l}`).join('; ');
  if (s.type === 'text') return 'Ghi nội dung trên phiếu';
  return `${s.options.map((o, i) => `${i + 1} = ${o.label}`).join('; ')}${s.type === 'multiple' ? ' (nhiều số)' : ''}`;
}

/** The answer a typed code stands for, undefined when blank, or an error message. */
function parse(q: Question, code: string): AnswerValue | undefined | { error: string } {
  const text = code.trim();
  if (text === '') return undefined;
  const s = q.scale;
  if (s.type === 'text') return text;
  const size = s.type === 'likert' ? s.labels.length : s.options.length;
  const digits = text
    .replace(/[\s,;]/g, '')
    .split('')
    .map(Number);
  if (digits.some((d) => !Number.isInteger(d) || d < 1 || d > size))
    return { error: `Nhập số từ 1 đến ${size}.` };
  if (s.type === 'likert') return digits.length === 1 ? digits[0] : { error: 'Chỉ nhập một số.' };
  if (s.type === 'single')
    return digits.length === 1 ? s.options[(digits[0] ?? 1) - 1]?.key : { error: 'Chỉ nhập một số.' };
  return [...new Set(digits)].map((d) => s.options[d - 1]?.key ?? '');
}

export default function PaperEntryPage() {
  const id = useParams().id ?? '';
  const round = useApi<RoundDetail>(`/api/office/survey-rounds/${id}`);
  const [agencyId, setAgencyId] = useState<string | undefined>();
  const [code, setCode] = useState('');
  const [answeredOn, setAnsweredOn] = useState(vietnamToday());
  const [codes, setCodes] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(0);
  const [saving, setSaving] = useState(false);
  const inputs = useRef<(InputRef | null)[]>([]);

  if (round.error) return <ErrorState error={round.error} onRetry={round.reload} />;
  if (!round.data) return <Loading />;
  const data = round.data;
  const questions = data.questionnaire.sections.flatMap((s) => s.questions);
  const mine = data.agencies.filter((a) => data.myAgencyIds.includes(a.id));
  const chosenAgency = agencyId ?? (mine.length === 1 ? mine[0]?.id : undefined);

  const focus = (i: number) => inputs.current[i]?.focus();
  const type = (i: number, q: Question, value: string) => {
    setCodes((c) => ({ ...c, [q.key]: value }));
    setErrors(({ [q.key]: _, ...rest }) => rest);
    const parsed = parse(q, value);
    const single = q.scale.type === 'likert' || q.scale.type === 'single';
    if (
      single &&
      value.trim().length === 1 &&
      parsed !== undefined &&
      !(typeof parsed === 'object' && 'error' in parsed)
    )
      focus(i + 1);
  };

  const save = async () => {
    setProblem(null);
    const answers: Answers = {};
    const found: Record<string, string> = {};
    for (const q of questions) {
      const parsed = parse(q, codes[q.key] ?? '');
      if (parsed && typeof parsed === 'object' && 'error' in parsed) found[q.key] = parsed.error;
      else if (parsed === undefined) {
        if (q.required) found[q.key] = 'Câu bắt buộc, vui lòng nhập.';
      } else answers[q.key] = parsed;
    }
    if (!chosenAgency) {
      setProblem('Vui lòng chọn cơ quan được đánh giá.');
      return;
    }
    if (Object.keys(found).length > 0) {
      setErrors(found);
      setProblem(`Còn ${Object.keys(found).length} câu chưa hợp lệ.`);
      focus(questions.findIndex((q) => found[q.key]));
      return;
    }
    setSaving(true);
    try {
      await api.post(`/api/office/survey-rounds/${id}/paper-responses`, {
        agencyId: chosenAgency,
        ...(code.trim() ? { dossierCode: code.trim() } : {}),
        answeredOn,
        answers,
      });
      setSaved((n) => n + 1);
      setCodes({});
      setCode('');
      setErrors({});
      focus(0);
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0)
        setErrors(Object.fromEntries(error.fields.map((f) => [f.path.replace(/^answers\./, ''), f.message])));
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };
  const onEnter = (event: React.KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void save();
    }
  };

  return (
    <>
      <PageHeader title="Nhập phiếu khảo sát giấy">
        <Typography.Text type="secondary">{data.name}</Typography.Text>
      </PageHeader>
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={16} wrap>
          <div>
            <label htmlFor="co-quan-phieu">
              <Typography.Text strong>Cơ quan được đánh giá</Typography.Text>
            </label>
            <div>
              <Select
                id="co-quan-phieu"
                style={{ minWidth: 320 }}
                value={chosenAgency}
                onChange={setAgencyId}
                options={mine.map((a) => ({ value: a.id, label: a.name }))}
              />
            </div>
          </div>
          <div>
            <label htmlFor="ma-ho-so-phieu">
              <Typography.Text strong>Mã hồ sơ trên phiếu (nếu thuộc mẫu)</Typography.Text>
            </label>
            <Input
              id="ma-ho-so-phieu"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              onKeyDown={onEnter}
            />
          </div>
          <div>
            <label htmlFor="ngay-phieu">
              <Typography.Text strong>Ngày trả lời</Typography.Text>
            </label>
            <Input
              id="ngay-phieu"
              type="date"
              value={answeredOn}
              onChange={(e) => setAnsweredOn(e.target.value)}
            />
          </div>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          Gõ số của mức hoặc phương án đã đánh dấu trên phiếu; con trỏ tự chuyển sang câu sau. Nhấn Enter để
          lưu phiếu và nhập phiếu tiếp theo. Đã lưu trong phiên này: <strong>{saved}</strong> phiếu.
        </Typography.Paragraph>
      </Card>
      <Card>
        <div className="paper-grid">
          {questions.map((q, i) => (
            <div key={q.key} style={{ display: 'contents' }}>
              <label htmlFor={`phieu-${q.key}`} className="paper-label">
                {i + 1}. {q.text}
                {q.required ? ' *' : ''}
              </label>
              <Input
                id={`phieu-${q.key}`}
                ref={(el) => {
                  inputs.current[i] = el;
                }}
                inputMode={q.scale.type === 'text' ? 'text' : 'numeric'}
                autoComplete="off"
                status={errors[q.key] ? 'error' : undefined}
                aria-describedby={`goi-y-${q.key}`}
                value={codes[q.key] ?? ''}
                onChange={(e) => type(i, q, e.target.value)}
                onKeyDown={onEnter}
              />
              <span id={`goi-y-${q.key}`} className="paper-hint">
                {errors[q.key] ? <span className="survey-error">{errors[q.key]} </span> : null}
                {hintOf(q)}
              </span>
            </div>
          ))}
        </div>
        {problem ? (
          <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 12 }} />
        ) : null}
        {saved > 0 && !problem ? (
          <Alert
            type="success"
            showIcon
            role="status"
            title={`Đã lưu phiếu số ${saved}.`}
            style={{ marginTop: 12 }}
          />
        ) : null}
        <Button type="primary" style={{ marginTop: 12 }} loading={saving} onClick={save}>
          Lưu phiếu (Enter)
        </Button>
      </Card>
    </>
  );
}
