import './online.css';
import { Alert, Button, Radio, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { NotFound } from '../../components/NotFound';
import { formatFee } from '../../format';
import { useApi } from '../../useApi';
import { usePageTitle } from '../../usePageTitle';
import { newRequestKey, postOnce } from './onlineApi';
import type { ApplicationInfo, MyDossier } from './onlineTypes';
import { RequireCitizen } from './RequireCitizen';
import { stepHeading, WizardSteps } from './WizardSteps';

/** /nop-ho-so/:code — step 1: where to file; creates the draft (once, whatever the number of taps). */
function StartApplication() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useApi<ApplicationInfo>(
    `/api/procedures/${encodeURIComponent(code)}/application`,
  );
  usePageTitle(data ? `Nộp hồ sơ trực tuyến: ${data.procedureName}` : 'Nộp hồ sơ trực tuyến');
  const [choice, setChoice] = useState<string>();
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  // One key per choice: a double tap (or a retry after a lost answer) gets the same draft back.
  const key = useRef(newRequestKey());

  useEffect(() => {
    const only = data?.receivingOptions.length === 1 ? data.receivingOptions[0] : undefined;
    if (only) setChoice(only.receivingAgencyId);
  }, [data]);

  if (error?.status === 404) {
    return (
      <NotFound
        title="Không tìm thấy thủ tục"
        description={`Thủ tục mã “${code}” không tồn tại hoặc chưa được công bố.`}
        backTo="/thu-tuc"
        backLabel="Xem danh sách thủ tục"
      />
    );
  }
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading || !data) return <Loading />;

  const procedureLink = `/thu-tuc/${encodeURIComponent(data.procedureCode)}`;
  if (!data.acceptsOnline || data.receivingOptions.length === 0) {
    return (
      <div className="online-page">
        <h1 className="page-title">{data.procedureName}</h1>
        <Alert
          type="info"
          showIcon
          title="Thủ tục này chưa nhận hồ sơ qua mạng"
          description={
            <>
              Vui lòng nộp hồ sơ trực tiếp tại Bộ phận Một cửa hoặc gửi qua bưu điện.{' '}
              <Link to={procedureLink}>Xem nơi nộp và giấy tờ cần chuẩn bị</Link>.
            </>
          }
        />
      </div>
    );
  }

  const start = async () => {
    if (!choice || sending) return;
    setSending(true);
    setFailure(undefined);
    try {
      const draft = await postOnce<MyDossier>(
        '/api/my/dossiers',
        { procedureCode: data.procedureCode, receivingAgencyId: choice },
        key.current,
      );
      navigate(`/ho-so-cua-toi/${draft.id}/soan`, { replace: true });
    } catch (cause) {
      setFailure(cause);
      setSending(false);
    }
  };

  return (
    <div className="online-page">
      <Typography.Text type="secondary">Nộp hồ sơ trực tuyến</Typography.Text>
      <h1 className="page-title" style={{ margin: '0 0 4px' }}>
        {data.procedureName}
      </h1>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        Mã thủ tục {data.procedureCode} · Phí, lệ phí: {formatFee(data.feeText, data.feeAmountVnd)}
      </Typography.Paragraph>
      <WizardSteps current={0} />
      <section className="section" aria-labelledby="where-title">
        <h2 id="where-title" className="online-step-title">
          {stepHeading(0)}
        </h2>
        <p className="online-step-note">
          Chọn nơi sẽ tiếp nhận và giải quyết hồ sơ của bạn (thường là nơi bạn cư trú).
        </p>
        <Radio.Group
          value={choice}
          onChange={(event) => {
            setChoice(event.target.value);
            key.current = newRequestKey();
          }}
          aria-labelledby="where-title"
          style={{ width: '100%' }}
          disabled={sending}
        >
          <div className="option-list">
            {data.receivingOptions.map((option) => (
              <Radio
                key={option.receivingAgencyId}
                value={option.receivingAgencyId}
                className={`option-card${choice === option.receivingAgencyId ? ' selected' : ''}`}
              >
                <strong>{option.receivingAgencyName}</strong>
                <span className="option-sub">Cơ quan giải quyết: {option.competentAgencyName}</span>
              </Radio>
            ))}
          </div>
        </Radio.Group>
        {failure ? (
          <Alert type="error" showIcon role="alert" title={errorMessage(failure)} style={{ marginTop: 12 }} />
        ) : null}
        <div className="wizard-actions">
          <Button
            type="primary"
            size="large"
            onClick={start}
            loading={sending}
            disabled={!choice}
            aria-describedby={choice ? undefined : 'choose-hint'}
          >
            Tiếp tục
          </Button>
        </div>
        {choice ? null : (
          <span id="choose-hint" className="save-note">
            Vui lòng chọn một nơi nộp hồ sơ ở trên.
          </span>
        )}
      </section>
    </div>
  );
}

export default function StartApplicationPage() {
  return (
    <RequireCitizen>
      <StartApplication />
    </RequireCitizen>
  );
}
