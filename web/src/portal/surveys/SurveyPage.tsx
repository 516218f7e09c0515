import './surveys.css';
import { Alert, Button, Radio, Result, Typography } from 'antd';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiError, api, errorMessage } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { formatVnDateTime } from '../../format';
import { useApi } from '../../useApi';
import { usePageTitle } from '../../usePageTitle';
import { QuestionField } from './QuestionField';
import { type Answers, type AnswerValue, isMissing, type PublicSurvey } from './surveyTypes';

/** /khao-sat/:token — the public questionnaire of a survey round, phone first, without signing in. */
export default function SurveyPage() {
  usePageTitle('Khảo sát sự hài lòng');
  const token = useParams().token ?? '';
  const [search] = useSearchParams();
  const personal = search.get('ma') ?? '';
  const base = `/api/public/surveys/${encodeURIComponent(token)}`;
  const { data, error, loading } = useApi<PublicSurvey>(
    personal ? `${base}?ma=${encodeURIComponent(personal)}` : base,
  );
  const [answers, setAnswers] = useState<Answers>({});
  const [agencyId, setAgencyId] = useState<string>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);

  if (loading) return <Loading />;
  if (error || !data)
    return (
      <main className="survey-page">
        <h1>Khảo sát sự hài lòng</h1>
        <ErrorState error={error} />
      </main>
    );
  if (done)
    return (
      <main className="survey-page">
        <Result
          status="success"
          title={<h1 className="result-title">Cảm ơn ông/bà đã tham gia khảo sát!</h1>}
          subTitle="Ý kiến của ông/bà giúp cơ quan hành chính phục vụ người dân, tổ chức tốt hơn."
        />
      </main>
    );

  const questions = data.template.sections.flatMap((s) => s.questions);
  const numberOf = new Map(questions.map((q, i) => [q.key, i + 1]));
  const chosenAgency = data.fixedAgencyId ?? agencyId;
  const set = (key: string, value: AnswerValue | undefined) => {
    setAnswers((a) => {
      const next = { ...a };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });
    setErrors((e) => {
      const { [key]: _, ...rest } = e;
      return rest;
    });
  };

  const send = async () => {
    setProblem(null);
    const missing = Object.fromEntries(
      questions
        .filter((q) => isMissing(q, answers[q.key]))
        .map((q) => [q.key, 'Vui lòng trả lời câu hỏi này.']),
    );
    if (!chosenAgency) missing.agency = 'Vui lòng chọn cơ quan.';
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      setProblem(`Còn ${Object.keys(missing).length} câu chưa trả lời. Vui lòng xem các câu được đánh dấu.`);
      const first = Object.keys(missing)[0];
      document
        .getElementById(first === 'agency' ? 'co-quan' : `cau-${first}`)
        ?.scrollIntoView({ block: 'center' });
      return;
    }
    setSending(true);
    try {
      const cleaned = Object.fromEntries(
        Object.entries(answers).filter(([, v]) => !(typeof v === 'string' && v.trim() === '')),
      );
      await api.post(`${base}/responses`, {
        ...(personal ? { respondentToken: personal } : { agencyId: chosenAgency }),
        answers: cleaned,
      });
      setDone(true);
    } catch (cause) {
      if (cause instanceof ApiError && cause.fields.length > 0) {
        setErrors(Object.fromEntries(cause.fields.map((f) => [f.path.replace(/^answers\./, ''), f.message])));
      }
      setProblem(errorMessage(cause));
    } finally {
      setSending(false);
    }
  };

  return (
    <main className="survey-page">
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {data.name}
      </Typography.Title>
      <Typography.Paragraph strong>{data.template.name}</Typography.Paragraph>
      {data.template.description ? (
        <Typography.Paragraph>{data.template.description}</Typography.Paragraph>
      ) : null}
      {!data.accepting ? (
        <Alert type="warning" showIcon role="alert" title={data.message} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            Nhận phiếu đến {formatVnDateTime(data.closesAt)}. Câu có dấu * là bắt buộc.
          </Typography.Paragraph>
          {data.fixedAgencyId ? (
            <Alert
              type="info"
              showIcon
              title={`Cơ quan được đánh giá: ${data.agencies.find((a) => a.id === data.fixedAgencyId)?.name ?? ''}`}
            />
          ) : (
            <fieldset className="survey-question" id="co-quan">
              <legend className="survey-question-legend">
                Cơ quan ông/bà đã đến giải quyết thủ tục hành chính <span aria-hidden="true">*</span>
              </legend>
              <Radio.Group
                className="survey-choices"
                value={agencyId || undefined}
                onChange={(e) => {
                  setAgencyId(e.target.value as string);
                  setErrors(({ agency: _, ...rest }) => rest);
                }}
                options={data.agencies.map((a) => ({ value: a.id, label: a.name }))}
              />
              {errors.agency ? (
                <div className="survey-error" role="alert">
                  {errors.agency}
                </div>
              ) : null}
            </fieldset>
          )}
          {data.template.sections.map((section) => (
            <section key={section.title} className="survey-section" aria-label={section.title}>
              <Typography.Title level={2} style={{ fontSize: 18 }}>
                {section.title}
              </Typography.Title>
              {section.questions.map((q) => (
                <QuestionField
                  key={q.key}
                  question={q}
                  number={numberOf.get(q.key) ?? 0}
                  value={answers[q.key]}
                  onChange={(v) => set(q.key, v)}
                  error={errors[q.key]}
                />
              ))}
            </section>
          ))}
          {problem ? (
            <Alert type="error" showIcon role="alert" title={problem} style={{ margin: '12px 0' }} />
          ) : null}
          <Button
            type="primary"
            size="large"
            block
            style={{ minHeight: 48, marginTop: 12 }}
            loading={sending}
            onClick={send}
          >
            Gửi phiếu khảo sát
          </Button>
        </>
      )}
    </main>
  );
}
