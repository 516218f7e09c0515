import { Alert, Button, Form, Input, Steps, type StepsProps, Tag, Timeline } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api, errorMessage, isAbort, withQuery } from '../api';
import { applyFieldErrors } from '../components/fieldErrors';
import { Loading } from '../components/Loading';
import { formatVnDateTime } from '../format';
import { usePageTitle } from '../usePageTitle';
import { messages } from '../validation';

/** GET /api/dossiers/lookup: what anyone holding the receipt may see — never the applicant's personal data. */
export interface DossierLookup {
  code: string;
  procedureCode: string;
  procedureName: string;
  state: string;
  stateLabel: string;
  receivingAgencyName: string;
  competentAgencyName: string;
  currentAgencyName: string | null;
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  resultReadyAt: string | null;
  returnedAt: string | null;
  onTime: 'on_time' | 'late' | null;
  steps: { at: string; label: string }[];
}

interface LookupValues {
  code: string;
  check: string;
}

const closedWithoutResult = new Set(['refused', 'stopped', 'withdrawn']);

/** The five milestones every dossier goes through, with the date each was reached. */
function Milestones({ dossier }: { dossier: DossierLookup }) {
  const milestones = [
    { title: 'Nộp hồ sơ', at: dossier.submittedAt },
    { title: 'Tiếp nhận', at: dossier.receivedAt },
    { title: 'Đang giải quyết', at: dossier.receivedAt },
    { title: 'Có kết quả', at: dossier.resultReadyAt },
    { title: 'Đã trả kết quả', at: dossier.returnedAt },
  ];
  // The step under way: waiting for receipt, being processed (from receipt until the result), waiting for
  // the hand-back, or done.
  let current = 0;
  if (dossier.returnedAt || dossier.resultReadyAt) current = 4;
  else if (dossier.receivedAt) current = 2;
  else if (dossier.submittedAt) current = 1;
  const done = Boolean(dossier.returnedAt);
  const failed = closedWithoutResult.has(dossier.state);
  const items: StepsProps['items'] = milestones.map((milestone, index) => {
    let content: string | undefined;
    if (index === 2) {
      content = dossier.resultReadyAt
        ? undefined
        : dossier.currentAgencyName
          ? `Đang xử lý tại: ${dossier.currentAgencyName}`
          : undefined;
    } else if (milestone.at) {
      content = formatVnDateTime(milestone.at);
    }
    if (index === 3 && !milestone.at && dossier.dueAt)
      content = `Hẹn trả: ${formatVnDateTime(dossier.dueAt)}`;
    return { title: milestone.title, content };
  });
  return (
    <Steps
      orientation="vertical"
      size="small"
      current={current}
      status={failed ? 'error' : done ? 'finish' : 'process'}
      items={items}
    />
  );
}

function OnTimeTag({ onTime }: { onTime: DossierLookup['onTime'] }) {
  if (onTime === 'on_time') return <Tag color="green">Đúng hạn</Tag>;
  if (onTime === 'late') return <Tag color="red">Trễ hạn</Tag>;
  return null;
}

function LookupResult({ dossier }: { dossier: DossierLookup }) {
  const facts: [string, string][] = [
    ['Mã hồ sơ', dossier.code],
    ['Thủ tục', `${dossier.procedureName} (mã ${dossier.procedureCode})`],
    ['Nơi tiếp nhận', dossier.receivingAgencyName],
    ['Cơ quan giải quyết', dossier.competentAgencyName],
  ];
  if (dossier.currentAgencyName && !dossier.returnedAt) facts.push(['Đang ở', dossier.currentAgencyName]);
  if (dossier.receivedAt) facts.push(['Ngày tiếp nhận', formatVnDateTime(dossier.receivedAt)]);
  if (dossier.dueAt) facts.push(['Ngày hẹn trả kết quả', formatVnDateTime(dossier.dueAt)]);
  if (dossier.returnedAt) facts.push(['Ngày trả kết quả', formatVnDateTime(dossier.returnedAt)]);

  return (
    <section className="section" aria-labelledby="lookup-result-title" aria-live="polite">
      <h2 id="lookup-result-title">Tình trạng hồ sơ</h2>
      <p className="lookup-state">
        <strong>{dossier.stateLabel}</strong> <OnTimeTag onTime={dossier.onTime} />
      </p>
      <dl className="lookup-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="subsection-title">Các bước</h3>
      <Milestones dossier={dossier} />
      {dossier.steps.length > 0 ? (
        <>
          <h3 className="subsection-title">Quá trình xử lý</h3>
          <Timeline
            items={dossier.steps.map((step, index) => ({
              key: `${step.at}-${index}`,
              title: formatVnDateTime(step.at),
              content: <span className="wrap-anywhere">{step.label}</span>,
            }))}
          />
        </>
      ) : null}
    </section>
  );
}

/** What to do next after a failed look-up, below the server's own message. */
function hintFor(error: unknown): string {
  if (error instanceof ApiError && error.status === 429) {
    return 'Vui lòng chờ vài phút rồi tra cứu lại.';
  }
  if (error instanceof ApiError && error.status === 404) {
    return 'Kiểm tra lại mã hồ sơ và mã kiểm tra trên giấy tiếp nhận, hoặc gọi bộ phận một cửa nơi bạn nộp hồ sơ.';
  }
  return 'Vui lòng thử lại sau ít phút.';
}

/** "Tra cứu hồ sơ" (/tra-cuu): the status of a dossier from the receipt's code and check code. */
export default function TrackingPage() {
  usePageTitle('Tra cứu hồ sơ');
  const [params, setParams] = useSearchParams();
  const code = (params.get('code') ?? params.get('ma') ?? '').trim();
  const check = (params.get('check') ?? '').trim();
  const [form] = Form.useForm<LookupValues>();
  const [result, setResult] = useState<DossierLookup>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  const [attempt, setAttempt] = useState(0);

  // The QR code on every receipt opens /tra-cuu?code=…&check=…: fill the form and look the dossier up.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` repeats the same look-up.
  useEffect(() => {
    form.setFieldsValue({ code, check });
    if (!code || !check) {
      setResult(undefined);
      setError(undefined);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    api.get<DossierLookup>(withQuery('/api/dossiers/lookup', { code, check }), controller.signal).then(
      (dossier) => {
        if (controller.signal.aborted) return;
        setResult(dossier);
        setLoading(false);
      },
      (cause: unknown) => {
        if (controller.signal.aborted || isAbort(cause)) return;
        setResult(undefined);
        setLoading(false);
        // A code or check the server finds malformed: its message goes next to the field.
        const unmatched = applyFieldErrors(form, cause);
        if (cause instanceof ApiError && cause.fields.length > 0 && unmatched.length === 0) return;
        setError(cause);
      },
    );
    return () => controller.abort();
  }, [code, check, form, attempt]);

  const submit = (values: LookupValues) => {
    const next = { code: values.code.trim(), check: values.check.trim() };
    if (next.code === code && next.check === check) setAttempt((n) => n + 1);
    else setParams(next, { replace: true });
  };

  return (
    <div className="lookup-page">
      <h1 className="page-title">Tra cứu hồ sơ</h1>
      <p>
        Xem hồ sơ của bạn đang ở bước nào, ai đang giải quyết và ngày hẹn trả kết quả. Nhập hai mã in trên
        giấy tiếp nhận hồ sơ, hoặc quét mã QR trên giấy để mở thẳng trang này.
      </p>
      <section className="section" aria-label="Nhập mã tra cứu">
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          requiredMark={false}
          initialValues={{ code, check }}
        >
          <Form.Item
            label="Mã hồ sơ"
            name="code"
            extra="In ở đầu giấy tiếp nhận, ví dụ: 000.17.22.H56-250701-0001."
            rules={[{ required: true, whitespace: true, message: messages.required('mã hồ sơ') }]}
          >
            <Input size="large" autoComplete="off" spellCheck={false} maxLength={60} />
          </Form.Item>
          <Form.Item
            label="Mã kiểm tra"
            name="check"
            extra="Mã kiểm tra in trên giấy tiếp nhận, ngay dưới mã QR; hoặc 4 chữ số cuối số điện thoại của người nộp hồ sơ."
            rules={[{ required: true, whitespace: true, message: messages.required('mã kiểm tra') }]}
          >
            <Input size="large" autoComplete="off" spellCheck={false} maxLength={12} />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" loading={loading} block>
            Tra cứu
          </Button>
        </Form>
      </section>
      {loading && !result ? <Loading label="Đang tra cứu hồ sơ…" /> : null}
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorMessage(error)}
          description={hintFor(error)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {result && !error ? <LookupResult dossier={result} /> : null}
      <p className="lookup-note">
        Trang này không hiển thị thông tin cá nhân của người nộp hồ sơ. Muốn xem đầy đủ hồ sơ đã nộp trực
        tuyến, hãy <Link to="/dang-nhap?next=%2Fho-so-cua-toi">đăng nhập</Link>.
      </p>
    </div>
  );
}
