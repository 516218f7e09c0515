import './online.css';
import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Tag, Timeline, Typography } from 'antd';
import { type ReactNode, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../api';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { formatVnDateTime } from '../../format';
import { dossierStateColors } from '../../labels';
import { useApi } from '../../useApi';
import { usePageTitle } from '../../usePageTitle';
import { DocumentList } from './DocumentList';
import { MyDossierNotFound } from './MyDossierNotFound';
import { conflictMessage, fileUrl, formUrl, isConflict, newRequestKey, postOnce } from './onlineApi';
import type { MyDossier } from './onlineTypes';
import { PaymentCard } from './PaymentCard';
import { RatingCard } from './RatingCard';
import { RequireCitizen } from './RequireCitizen';
import { SupplementPanel } from './SupplementPanel';

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  const shown = rows.filter(([, value]) => value);
  return (
    <dl className="review-list">
      {shown.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const alertType = (d: MyDossier): 'info' | 'warning' | 'success' | 'error' => {
  if (d.state === 'draft' || d.supplementRequest) return 'warning';
  if (d.state === 'refused' || d.state === 'stopped') return 'error';
  if (d.state === 'result_issued' || d.state === 'returned') return 'success';
  return 'info';
};

function WithdrawButton({
  dossier,
  onDone,
  onConflict,
}: {
  dossier: MyDossier;
  onDone: (d: MyDossier) => void;
  onConflict: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const key = useRef(newRequestKey());

  const confirm = async () => {
    setSending(true);
    setProblem(null);
    try {
      const trimmed = reason.trim();
      const done = await postOnce<MyDossier>(
        `/api/my/dossiers/${dossier.id}/actions`,
        { version: dossier.version, action: { type: 'withdraw', ...(trimmed ? { reason: trimmed } : {}) } },
        key.current,
      );
      setOpen(false);
      onDone(done);
    } catch (cause) {
      if (isConflict(cause)) {
        setOpen(false);
        onConflict();
      } else setProblem(errorMessage(cause));
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        Rút hồ sơ
      </Button>
      <Modal
        open={open}
        title="Rút hồ sơ này?"
        okText="Rút hồ sơ"
        okButtonProps={{ danger: true, loading: sending }}
        cancelText="Không rút"
        onOk={() => void confirm()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <p>
          Cơ quan sẽ dừng xử lý hồ sơ. Nếu vẫn cần làm thủ tục, bạn phải nộp hồ sơ mới. Việc rút hồ sơ không
          hoàn tác được.
        </p>
        <label htmlFor="withdraw-reason">Lý do rút hồ sơ (không bắt buộc)</label>
        <Input.TextArea
          id="withdraw-reason"
          value={reason}
          maxLength={2000}
          autoSize={{ minRows: 2, maxRows: 5 }}
          onChange={(event) => setReason(event.target.value)}
          style={{ marginTop: 4 }}
        />
        {problem ? (
          <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 8 }} />
        ) : null}
      </Modal>
    </>
  );
}

function MyDossierDetail() {
  const { id = '' } = useParams();
  const { data: d, error, reload, setData } = useApi<MyDossier>(`/api/my/dossiers/${id}`);
  usePageTitle(d ? `Hồ sơ: ${d.procedureName}` : 'Hồ sơ của tôi');
  const [notice, setNotice] = useState<string | null>(null);
  const onConflict = () => {
    setNotice(conflictMessage);
    reload();
  };

  if (error?.status === 404) return <MyDossierNotFound />;
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!d) return <Loading />;

  const canWithdraw = d.availableActions.some((a) => a.type === 'withdraw');
  const byKind = (kind: string) => d.documents.filter((doc) => doc.kind === kind);
  const trackingLink =
    d.code && d.trackingCheck
      ? `/tra-cuu?code=${encodeURIComponent(d.code)}&check=${encodeURIComponent(d.trackingCheck)}`
      : null;

  return (
    <div className="online-page">
      <nav aria-label="Vị trí trang" className="breadcrumb">
        <ol>
          <li>
            <Link to="/ho-so-cua-toi">Hồ sơ của tôi</Link>
          </li>
        </ol>
      </nav>
      <h1 className="page-title" style={{ margin: '0 0 8px' }}>
        {d.procedureName}
      </h1>
      <p style={{ margin: '0 0 12px' }}>
        <Tag color={dossierStateColors[d.state] ?? 'default'} style={{ whiteSpace: 'normal' }}>
          {d.stateLabel}
        </Tag>
        <span>
          Mã hồ sơ:{' '}
          {d.code ??
            (d.state === 'draft' ? 'Chưa có mã – chưa nộp' : 'Chưa có mã – cấp khi hồ sơ được tiếp nhận')}
        </span>
      </p>
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
      <Alert
        type={alertType(d)}
        showIcon
        style={{ marginBottom: 16, fontSize: 15 }}
        title={<strong>Việc của bạn</strong>}
        description={d.expectedOfYou}
        action={
          d.state === 'draft' ? (
            <ButtonLink type="primary" to={`/ho-so-cua-toi/${d.id}/soan`}>
              Làm tiếp
            </ButtonLink>
          ) : undefined
        }
      />

      {d.result ? (
        <section className="result-download" aria-labelledby="result-title">
          <h2 id="result-title">Kết quả giải quyết</h2>
          <p style={{ marginTop: 0 }}>Kết quả điện tử phát hành lúc {formatVnDateTime(d.result.issuedAt)}.</p>
          <Button
            type="primary"
            size="large"
            icon={<DownloadOutlined />}
            href={`${fileUrl(d.result.fileId)}?download=1`}
          >
            Tải kết quả điện tử
          </Button>
        </section>
      ) : null}

      <PaymentCard dossierId={d.id} />

      <RatingCard dossierId={d.id} state={d.state} />

      {d.supplementRequest ? (
        <SupplementPanel dossier={d} onChanged={(next) => setData(next)} onConflict={onConflict} />
      ) : null}

      <section className="section" aria-labelledby="facts-title">
        <h2 id="facts-title">Thông tin hồ sơ</h2>
        <Facts
          rows={[
            ['Nơi nộp', d.receivingAgencyName],
            ['Cơ quan giải quyết', d.competentAgencyName],
            ['Đang xử lý tại', d.currentAgencyName],
            ['Ngày nộp', formatVnDateTime(d.submittedAt)],
            ['Ngày tiếp nhận', formatVnDateTime(d.receivedAt)],
            ['Hẹn trả kết quả', formatVnDateTime(d.dueAt)],
            ['Ngày trả kết quả', formatVnDateTime(d.returnedAt)],
            ['Lý do hẹn lại', d.apology?.reason],
            [
              'Mã kiểm tra (để tra cứu)',
              d.trackingCheck ? (
                <>
                  <strong>{d.trackingCheck}</strong>
                  {trackingLink ? (
                    <>
                      {' · '}
                      <Link to={trackingLink}>Mở trang tra cứu công khai</Link>
                    </>
                  ) : null}
                </>
              ) : null,
            ],
          ]}
        />
      </section>

      <section className="section" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Quá trình xử lý</h2>
        {d.timeline.length === 0 ? (
          <Typography.Text type="secondary">Chưa có bước xử lý nào.</Typography.Text>
        ) : (
          <Timeline
            items={d.timeline.map((item, index) => ({
              key: `${item.at}-${index}`,
              content: (
                <div className="event-item">
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    <time dateTime={item.at}>{formatVnDateTime(item.at)}</time>
                  </Typography.Text>
                  <div>
                    <strong>{item.label}</strong>
                  </div>
                  {item.agencyName ? <div>{item.agencyName}</div> : null}
                  {item.note ? <div className="pre-wrap">{item.note}</div> : null}
                </div>
              ),
            }))}
          />
        )}
      </section>

      {d.forms.length > 0 ? (
        <section className="section" aria-labelledby="forms-title">
          <h2 id="forms-title">Giấy tờ cơ quan gửi bạn</h2>
          <ul className="form-links">
            {d.forms.map((form) => (
              <li key={form.kind}>
                <a href={formUrl(d.id, form.kind)} target="_blank" rel="noopener">
                  <FilePdfOutlined /> {form.label} (PDF)
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="section" aria-labelledby="docs-title">
        <h2 id="docs-title">Giấy tờ trong hồ sơ</h2>
        {d.documents.length === 0 ? (
          <Typography.Text type="secondary">Chưa có giấy tờ nào.</Typography.Text>
        ) : null}
        {byKind('submitted').length > 0 ? (
          <>
            <h3 className="subsection-title">Giấy tờ đã nộp</h3>
            <DocumentList documents={byKind('submitted')} numbered={false} />
          </>
        ) : null}
        {byKind('supplement').length > 0 && !d.supplementRequest ? (
          <>
            <h3 className="subsection-title">Giấy tờ bổ sung</h3>
            <DocumentList documents={byKind('supplement')} numbered={false} />
          </>
        ) : null}
        {byKind('result').length > 0 ? (
          <>
            <h3 className="subsection-title">Kết quả</h3>
            <DocumentList documents={byKind('result')} numbered={false} />
          </>
        ) : null}
      </section>

      {canWithdraw ? (
        <section className="section" aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">Không cần làm thủ tục này nữa?</h2>
          <p className="online-step-note">Bạn có thể rút hồ sơ khi cơ quan chưa có quyết định giải quyết.</p>
          <WithdrawButton dossier={d} onDone={(next) => setData(next)} onConflict={onConflict} />
        </section>
      ) : null}
    </div>
  );
}

export default function MyDossierPage() {
  return (
    <RequireCitizen>
      <MyDossierDetail />
    </RequireCitizen>
  );
}
