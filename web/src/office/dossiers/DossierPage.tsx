import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Descriptions, Flex, Result, Row, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useLocation, useParams } from 'react-router';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { NotFound } from '../../components/NotFound';
import { formatFee, formatVnDateTime } from '../../format';
import { capitalise, dossierChannelLabels, labelOf } from '../../labels';
import type { DossierDetail } from '../../types';
import { useApi } from '../../useApi';
import { usePageTitle } from '../../usePageTitle';
import { PageHeader } from '../PageHeader';
import { DossierPaymentCard } from '../payments/DossierPaymentCard';
import { ActionPanel } from './ActionPanel';
import { AssigneeCard } from './AssigneeCard';
import { DossierEvents } from './DossierEvents';
import { DossierNotifications } from './DossierNotifications';
import { AgenciesSection, ApplicantSection, DocumentsSection, FormsSection } from './DossierSide';
import { DossierSteps } from './DossierSteps';
import { StateTag, UrgencyTag } from './DossierTags';
import { formUrl, openInNewTab } from './dossierLinks';

// The evaluation card is loaded only for resolved dossiers (its code stays out of the page's first chunk).
const EvaluationCard = lazy(() => import('../evaluation/EvaluationCard'));
const EVALUABLE_STATES = new Set(['decided', 'result_issued', 'returned']);

/** What the intake page passes on when it lands here. */
export interface IntakeOutcome {
  complete: boolean;
  statutoryAssumed: boolean;
  printed: boolean;
}

function Forbidden() {
  usePageTitle('Không có quyền truy cập');
  return (
    <Result
      status="403"
      title={<h1 className="result-title">Không có quyền truy cập</h1>}
      subTitle="Bạn không có quyền xem hồ sơ này."
      extra={
        <ButtonLink type="primary" to="/quan-tri/ho-so">
          Về danh sách hồ sơ
        </ButtonLink>
      }
    />
  );
}

const assumedWarning =
  'Thời hạn của thủ tục chưa được xác nhận đơn vị; hệ thống tạm tính theo ngày làm việc.';

function IntakeNotice({ dossier, outcome }: { dossier: DossierDetail; outcome: IntakeOutcome }) {
  const kind = outcome.complete ? 'receipt' : 'supplement-request';
  const printLabel = outcome.complete
    ? 'In giấy tiếp nhận và hẹn trả kết quả'
    : 'In phiếu yêu cầu bổ sung, hoàn thiện hồ sơ';
  return (
    <>
      <Alert
        type="success"
        showIcon
        role="status"
        style={{ marginBottom: 12 }}
        title={
          outcome.complete
            ? `Đã tiếp nhận hồ sơ${dossier.code ? ` ${dossier.code}` : ''}. Hẹn trả kết quả: ${formatVnDateTime(dossier.dueAt)}.`
            : 'Đã lập phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.'
        }
        description={
          outcome.printed
            ? 'Phiếu đã được mở trong thẻ mới để in.'
            : 'Bấm nút để mở phiếu và in cho người nộp.'
        }
        action={
          <Flex wrap gap={8}>
            <Button
              type="primary"
              icon={<PrinterOutlined />}
              onClick={() => openInNewTab(formUrl(dossier.id, kind))}
            >
              {printLabel}
            </Button>
            <ButtonLink to="/quan-tri/tiep-nhan">Nhận hồ sơ tiếp theo</ButtonLink>
          </Flex>
        }
      />
      {outcome.statutoryAssumed ? (
        <Alert type="warning" showIcon title={assumedWarning} style={{ marginBottom: 12 }} />
      ) : null}
    </>
  );
}

function Summary({ dossier }: { dossier: DossierDetail }) {
  const extended = dossier.classification?.extendedByApology;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, xl: 3 }}
      style={{ marginBottom: 16 }}
      items={[
        {
          key: 'due',
          label: 'Hạn giải quyết',
          children: dossier.dueAt ? (
            <span>
              <span style={{ whiteSpace: 'nowrap' }}>{formatVnDateTime(dossier.dueAt)}</span>
              {extended ? <Typography.Text type="secondary"> (đã hẹn lại)</Typography.Text> : null}
            </span>
          ) : (
            'Chưa tiếp nhận'
          ),
        },
        { key: 'received', label: 'Tiếp nhận lúc', children: formatVnDateTime(dossier.receivedAt) || '—' },
        { key: 'profile', label: 'Quy định áp dụng', children: dossier.ruleProfileName },
        { key: 'field', label: 'Lĩnh vực', children: dossier.field },
        {
          key: 'channel',
          label: 'Hình thức nộp',
          children: capitalise(labelOf(dossierChannelLabels, dossier.channel)),
        },
        {
          key: 'fee',
          label: 'Phí, lệ phí',
          children: dossier.feeAmountVnd === null ? '—' : formatFee(null, dossier.feeAmountVnd),
        },
        ...(dossier.decision
          ? [
              {
                key: 'decision',
                label: 'Quyết định',
                children: `${dossier.decision.outcome === 'approved' ? 'Phê duyệt' : 'Từ chối giải quyết'}${
                  dossier.decision.decisionNo ? ` — số ${dossier.decision.decisionNo}` : ''
                }`,
              },
            ]
          : []),
        ...(dossier.returnedAt
          ? [{ key: 'returned', label: 'Trả kết quả lúc', children: formatVnDateTime(dossier.returnedAt) }]
          : []),
      ]}
    />
  );
}

export default function DossierPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { data, error, loading, reload, setData } = useApi<DossierDetail>(
    `/api/office/dossiers/${encodeURIComponent(id)}`,
  );
  const outcome = (location.state as { intake?: IntakeOutcome } | null)?.intake;

  if (error?.status === 403) return <Forbidden />;
  if (error?.status === 404 || (error?.status === 400 && error.code === 'VALIDATION')) {
    return <NotFound title="Không tìm thấy hồ sơ" backTo="/quan-tri/ho-so" backLabel="Về danh sách hồ sơ" />;
  }
  if (error && !data) return <ErrorState error={error} onRetry={reload} />;
  if (!data || (loading && data.id !== id)) return <Loading label="Đang tải hồ sơ…" />;

  const dossier = data;
  return (
    <>
      <PageHeader title={dossier.code ? `Hồ sơ ${dossier.code}` : 'Hồ sơ chưa có mã'}>
        <Typography.Paragraph style={{ margin: '4px 0 8px' }} className="wrap-anywhere">
          {dossier.procedureName}{' '}
          <Typography.Text type="secondary">({dossier.procedureCode})</Typography.Text>
        </Typography.Paragraph>
        <Flex wrap gap={6}>
          <StateTag state={dossier.state} label={dossier.stateLabel} />
          <UrgencyTag urgency={dossier.urgency} />
        </Flex>
      </PageHeader>
      {error ? <ErrorState error={error} onRetry={reload} /> : null}
      {outcome ? <IntakeNotice dossier={dossier} outcome={outcome} /> : null}
      <Summary dossier={dossier} />
      <ActionPanel dossier={dossier} onChange={(next) => setData(next)} onReload={reload} />
      {/* The short facts (forms, applicant, agencies) come first on narrow screens, on the right on wide ones. */}
      <Row gutter={[16, 0]}>
        <Col xs={24} lg={{ span: 9, order: 2 }}>
          <Row gutter={[16, 0]}>
            <Col xs={24} md={12} lg={24}>
              <AssigneeCard dossier={dossier} onReload={reload} />
              <FormsSection dossier={dossier} />
              <ApplicantSection dossier={dossier} />
              <DossierPaymentCard key={dossier.version} dossierId={dossier.id} />
            </Col>
            <Col xs={24} md={12} lg={24}>
              <AgenciesSection dossier={dossier} />
              <DocumentsSection dossier={dossier} />
            </Col>
          </Row>
        </Col>
        <Col xs={24} lg={{ span: 15, order: 1 }}>
          <section className="section" aria-labelledby="dossier-steps-title">
            <h2 id="dossier-steps-title">Quy trình xử lý</h2>
            <DossierSteps steps={dossier.steps} />
          </section>
          <section className="section" aria-labelledby="dossier-events-title">
            <h2 id="dossier-events-title">Lịch sử xử lý</h2>
            <DossierEvents events={dossier.events} />
          </section>
          <DossierNotifications dossierId={dossier.id} version={dossier.version} />
          {EVALUABLE_STATES.has(dossier.state) ? (
            <Suspense fallback={<Loading label="Đang tải phiếu đánh giá…" />}>
              <EvaluationCard key={dossier.version} dossierId={dossier.id} />
            </Suspense>
          ) : null}
        </Col>
      </Row>
    </>
  );
}
