import './online.css';
import { Alert, Button, Form, Result, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { ApiError, api, errorMessage } from '../../api';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorState } from '../../components/ErrorState';
import { applyFieldErrors } from '../../components/fieldErrors';
import { Loading } from '../../components/Loading';
import { formatVnDateTime } from '../../format';
import { useApi } from '../../useApi';
import { usePageTitle } from '../../usePageTitle';
import { DocumentsStep } from './DocumentsStep';
import { type DraftValues, draftBody, fieldElementId, initialValues } from './draftValues';
import { InfoStep } from './InfoStep';
import { MyDossierNotFound } from './MyDossierNotFound';
import { conflictMessage, isConflict, newRequestKey, postOnce } from './onlineApi';
import type { MyDossier } from './onlineTypes';
import { RequireCitizen } from './RequireCitizen';
import { ReviewStep } from './ReviewStep';
import { stepHeading, WizardSteps } from './WizardSteps';

const stepNames = ['noi-nop', 'thong-tin', 'giay-to', 'kiem-tra'] as const;
type StepName = (typeof stepNames)[number];

type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; message: string };

const timeOf = (date: Date) => formatVnDateTime(date.toISOString()).slice(11);

/** What happens after a successful submission. */
function Submitted({ dossier }: { dossier: MyDossier }) {
  usePageTitle('Đã nộp hồ sơ');
  return (
    <Result
      status="success"
      title={<h1 className="result-title">Đã nộp hồ sơ thành công</h1>}
      subTitle={
        <>
          {dossier.procedureName}
          <br />
          Nộp lúc {formatVnDateTime(dossier.submittedAt)} tới {dossier.receivingAgencyName}.
        </>
      }
      extra={[
        <ButtonLink key="view" type="primary" size="large" to={`/ho-so-cua-toi/${dossier.id}`}>
          Xem hồ sơ vừa nộp
        </ButtonLink>,
        <ButtonLink key="list" size="large" to="/ho-so-cua-toi">
          Về Hồ sơ của tôi
        </ButtonLink>,
      ]}
    >
      <div style={{ textAlign: 'left' }}>
        <Typography.Title level={2} style={{ fontSize: 17 }}>
          Việc tiếp theo
        </Typography.Title>
        <ol className="problem-list">
          <li>
            {dossier.receivingAgencyName} kiểm tra hồ sơ trong giờ hành chính. Bạn không cần làm gì thêm lúc
            này.
          </li>
          <li>
            Nếu hồ sơ đầy đủ, hồ sơ được tiếp nhận và có mã hồ sơ, Giấy tiếp nhận và ngày hẹn trả kết quả (xem
            trong «Hồ sơ của tôi»).
          </li>
          <li>
            Nếu cần bổ sung, cơ quan sẽ báo lý do; bạn bổ sung ngay trên hồ sơ này, không phải nộp lại từ đầu.
          </li>
        </ol>
      </div>
    </Result>
  );
}

function Draft() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { data: dossier, error, reload, setData } = useApi<MyDossier>(`/api/my/dossiers/${id}`);
  usePageTitle(dossier ? `Soạn hồ sơ: ${dossier.procedureName}` : 'Soạn hồ sơ trực tuyến');
  const [form] = Form.useForm<DraftValues>();
  const [formKey, setFormKey] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>();
  const [justSubmitted, setJustSubmitted] = useState(false);
  const submitKey = useRef(newRequestKey());
  const versionRef = useRef<number | null>(null);
  const lastSaved = useRef<string | null>(null);
  const chain = useRef<Promise<unknown>>(Promise.resolve());

  const stepParam = params.get('buoc') as StepName | null;
  const step = Math.max(1, stepNames.indexOf(stepParam ?? 'thong-tin'));
  const anchor = params.get('den');

  useEffect(() => {
    if (dossier) versionRef.current = dossier.version;
  }, [dossier]);

  const onConflict = useCallback(() => {
    setNotice(conflictMessage);
    lastSaved.current = null;
    reload();
    setFormKey((k) => k + 1);
  }, [reload]);

  /** Saves the form (serialised: one save at a time, each with the newest version); true when saved. */
  const save = useCallback(
    (force = false): Promise<boolean> => {
      const run = async (): Promise<boolean> => {
        if (!dossier || versionRef.current === null) return false;
        const body = draftBody(form.getFieldsValue(true) as DraftValues, dossier.formSchema.fields);
        const key = JSON.stringify(body);
        lastSaved.current ??= JSON.stringify(draftBody(initialValues(dossier), dossier.formSchema.fields));
        if (!force && key === lastSaved.current) return true;
        setStatus({ kind: 'saving' });
        try {
          const saved = await api.put<MyDossier>(`/api/my/dossiers/${dossier.id}/draft`, {
            version: versionRef.current,
            ...body,
          });
          versionRef.current = saved.version;
          lastSaved.current = key;
          setData(saved);
          setStatus({ kind: 'saved', at: new Date() });
          return true;
        } catch (cause) {
          if (isConflict(cause)) {
            setStatus({ kind: 'idle' });
            onConflict();
            return false;
          }
          const unmatched = applyFieldErrors(form, cause);
          setStatus({
            kind: 'failed',
            message:
              cause instanceof ApiError && cause.fields.length > 0 && unmatched.length === 0
                ? 'Chưa lưu được: vui lòng sửa các mục được đánh dấu đỏ.'
                : `Chưa lưu được: ${errorMessage(cause)}`,
          });
          return false;
        }
      };
      const next = chain.current.then(run, run);
      chain.current = next;
      return next;
    },
    [dossier, form, onConflict, setData],
  );

  // Remember the loaded answers as saved, so leaving a field untouched sends nothing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when another version of the form is shown.
  useEffect(() => {
    lastSaved.current = null;
  }, [formKey, step]);

  // A link from the review page ("Vui lòng nhập …") lands on the field or document and says what is missing.
  useEffect(() => {
    if (!anchor || !dossier) return;
    const timer = window.setTimeout(() => {
      const element = document.getElementById(anchor);
      if (!element) return;
      element.scrollIntoView({ block: 'center' });
      const focusable = element.matches('input, textarea, button, [tabindex]')
        ? element
        : element.querySelector<HTMLElement>('input, textarea, button');
      focusable?.focus({ preventScroll: true });
      const problem = dossier.problems.find((p) => fieldElementId(p.path) === anchor);
      if (problem) {
        const path = problem.path.split('.');
        form.setFields([{ name: path as ['formData', string], errors: [problem.message] }]);
      }
    }, 50);
    return () => window.clearTimeout(timer);
  }, [anchor, dossier, form]);

  if (error?.status === 404) return <MyDossierNotFound />;
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!dossier) return <Loading />;
  if (dossier.state !== 'draft') {
    if (justSubmitted) return <Submitted dossier={dossier} />;
    return <Navigate to={`/ho-so-cua-toi/${dossier.id}`} replace />;
  }

  const goTo = async (target: number) => {
    if (target === step || target < 1) return;
    if (step === 1 && !(await save())) return;
    setNotice(null);
    setParams({ buoc: stepNames[target] ?? 'thong-tin' });
    window.scrollTo({ top: 0 });
  };

  const next = async () => {
    if (step === 1) {
      try {
        await form.validateFields();
      } catch {
        return;
      }
    }
    await goTo(step + 1);
  };

  const saveNow = async () => {
    if (await save(true)) setNotice(null);
  };

  const submit = async () => {
    if (submitting) return;
    setSubmitting(true);
    setSubmitError(undefined);
    try {
      const submitted = await postOnce<MyDossier>(
        `/api/my/dossiers/${dossier.id}/actions`,
        { version: versionRef.current ?? dossier.version, action: { type: 'submit' } },
        submitKey.current,
      );
      setJustSubmitted(true);
      setData(submitted);
      window.scrollTo({ top: 0 });
    } catch (cause) {
      if (isConflict(cause)) onConflict();
      else {
        setSubmitError(cause);
        reload();
      }
    } finally {
      setSubmitting(false);
    }
  };

  const statusText =
    status.kind === 'saving'
      ? 'Đang lưu…'
      : status.kind === 'saved'
        ? `Đã lưu nháp lúc ${timeOf(status.at)}.`
        : status.kind === 'failed'
          ? status.message
          : '';

  return (
    <div className="online-page">
      <Typography.Text type="secondary">Nộp hồ sơ trực tuyến</Typography.Text>
      <h1 className="page-title" style={{ margin: '0 0 4px' }}>
        {dossier.procedureName}
      </h1>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        Nơi nộp: {dossier.receivingAgencyName}
      </Typography.Paragraph>
      <WizardSteps current={step} onChange={(target) => void goTo(target)} />
      <h2 className="online-step-title" style={{ marginBottom: 12 }}>
        {stepHeading(step)}
      </h2>
      {notice ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={notice}
          closable={{ onClose: () => setNotice(null), 'aria-label': 'Đóng thông báo' }}
          style={{ marginBottom: 12 }}
        />
      ) : null}

      {step === 1 ? (
        <InfoStep
          key={formKey}
          dossier={dossier}
          form={form}
          onFieldDone={() => void save()}
          onChoiceChanged={() => void save()}
        />
      ) : null}
      {step === 2 ? (
        <DocumentsStep
          dossier={dossier}
          onChanged={(changed) => setData(changed)}
          onFailure={(cause) => {
            if (isConflict(cause)) onConflict();
            else setNotice(errorMessage(cause));
          }}
        />
      ) : null}
      {step === 3 ? (
        <>
          {submitError ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={errorMessage(submitError)}
              description="Hồ sơ chưa được nộp. Hãy sửa các mục nêu bên dưới rồi bấm «Nộp hồ sơ» lại."
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <ReviewStep dossier={dossier} submitting={submitting} onSubmit={() => void submit()} />
        </>
      ) : null}

      <div className="wizard-actions">
        {step > 1 ? (
          <Button size="large" onClick={() => void goTo(step - 1)}>
            Quay lại
          </Button>
        ) : null}
        {step === 1 ? (
          <Button size="large" onClick={() => void saveNow()} loading={status.kind === 'saving'}>
            Lưu nháp
          </Button>
        ) : null}
        {step < 3 ? (
          <Button type="primary" size="large" onClick={() => void next()}>
            Tiếp tục
          </Button>
        ) : null}
      </div>
      <p className="save-note" role="status" aria-live="polite">
        {statusText}
      </p>
      <p className="save-note">
        Hồ sơ được lưu nháp tự động. Bạn có thể làm tiếp sau trên bất kỳ thiết bị nào: đăng nhập rồi mở{' '}
        <Link to="/ho-so-cua-toi">Hồ sơ của tôi</Link>.
      </p>
    </div>
  );
}

export default function DraftPage() {
  return (
    <RequireCitizen>
      <Draft />
    </RequireCitizen>
  );
}
