import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Popconfirm, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { api, errorMessage } from '../../api';
import { useAuth } from '../../auth';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { formatNumber, formatVnDate } from '../../format';
import { ELEMENT_LABELS, type Element } from '../../portal/surveys/surveyTypes';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import {
  type ElementIndex,
  isSurveyManager,
  percent,
  type RoundResults,
  type SampleMember,
} from './officeSurveyTypes';

const ELEMENTS = Object.keys(ELEMENT_LABELS) as Element[];
const h2 = (text: string) => <h2 style={{ fontSize: 18, margin: 0 }}>{text}</h2>;

interface IndexRow {
  key: string;
  name: string;
  responses: number;
  elements: ElementIndex[];
  overall: number | null;
}

function Distribution({ rows }: { rows: { key: string; label: string; count: number }[] }) {
  const total = rows.reduce((s, r) => s + r.count, 0);
  return (
    <div>
      {rows.map((r) => (
        <Flex key={r.key} gap={8} align="center" style={{ marginBottom: 2 }}>
          <span style={{ flex: '0 0 11rem', minWidth: 0 }}>{r.label}</span>
          <span
            aria-hidden="true"
            style={{ flex: '1 1 auto', background: '#f0f0f0', height: 12, borderRadius: 2 }}
          >
            <span
              style={{
                display: 'block',
                height: 12,
                borderRadius: 2,
                background: '#1677ff',
                width: `${total ? (r.count / total) * 100 : 0}%`,
              }}
            />
          </span>
          <span style={{ flex: '0 0 6rem', textAlign: 'right' }}>
            {formatNumber(r.count)} ({percent(total ? r.count / total : null)})
          </span>
        </Flex>
      ))}
    </div>
  );
}

/** /quan-tri/khao-sat/dot/:id — a round: link and QR, response counts and rates, the index with its formula. */
export default function RoundPage() {
  const { message } = App.useApp();
  const { user } = useAuth();
  const id = useParams().id ?? '';
  const results = useApi<RoundResults>(`/api/office/survey-rounds/${id}/results`);
  const sample = useApi<SampleMember[]>(`/api/office/survey-rounds/${id}/sample`);
  if (results.error) return <ErrorState error={results.error} onRetry={results.reload} />;
  if (!results.data) return <Loading />;
  const { round, counts, index, questions } = results.data;
  const manager = isSurveyManager(user);

  const close = async () => {
    try {
      await api.post(`/api/office/survey-rounds/${id}/close`);
      message.success('Đã kết thúc đợt khảo sát.');
      results.reload();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const indexRows: IndexRow[] = [
    ...index.byAgency.map((a) => ({
      key: a.agencyId,
      name: a.agencyName,
      responses: a.responses,
      elements: a.elements,
      overall: a.overall,
    })),
    {
      key: 'all',
      name: 'Tất cả cơ quan',
      responses: index.responses,
      elements: index.elements,
      overall: index.overall,
    },
  ];

  return (
    <>
      <PageHeader
        title={round.name}
        extra={
          <>
            <ButtonLink to={`/quan-tri/khao-sat/dot/${id}/nhap-phieu`}>Nhập phiếu giấy</ButtonLink>
            <Button icon={<DownloadOutlined />} href={`/api/office/survey-rounds/${id}/export.xlsx`} download>
              Tải kết quả (Excel)
            </Button>
            {manager && round.status !== 'closed' ? (
              <Popconfirm
                title="Kết thúc đợt khảo sát ngay bây giờ?"
                okText="Kết thúc"
                cancelText="Không"
                onConfirm={close}
              >
                <Button danger>Kết thúc đợt</Button>
              </Popconfirm>
            ) : null}
          </>
        }
      >
        <Typography.Text type="secondary">
          <Tag color={round.status === 'open' ? 'green' : round.status === 'closed' ? 'red' : 'default'}>
            {round.statusLabel}
          </Tag>
          {formatVnDate(round.opensAt)} – {formatVnDate(round.closesAt)} · Mẫu phiếu: {round.template.name}{' '}
          (phiên bản {round.template.version})
        </Typography.Text>
      </PageHeader>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card title={h2('Đường dẫn khảo sát')}>
            {round.openLink ? (
              <>
                <img
                  src={`/api/office/survey-rounds/${id}/qr.png`}
                  alt="Mã QR của đường dẫn khảo sát"
                  width={200}
                  height={200}
                  style={{ display: 'block', margin: '0 auto 8px', imageRendering: 'pixelated' }}
                />
                <Typography.Paragraph copyable={{ text: round.publicUrl }} className="wrap-anywhere">
                  <a href={round.publicUrl} target="_blank" rel="noreferrer">
                    {round.publicUrl}
                  </a>
                </Typography.Paragraph>
              </>
            ) : (
              <Typography.Paragraph>
                Đợt này chỉ nhận phiếu qua đường dẫn cá nhân của người được chọn mẫu.
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card title={h2('Số phiếu trả lời')}>
            <Flex gap={24} wrap>
              <Statistic title="Tổng số phiếu" value={counts.responses} />
              <Statistic title="Trực tuyến" value={counts.online} />
              <Statistic title="Phiếu giấy" value={counts.paper} />
              <Statistic title="Cỡ mẫu" value={counts.sampleSize} />
              <Statistic title="Phiếu từ mẫu" value={counts.sampledResponses} />
              <Statistic title="Tỷ lệ phản hồi" value={percent(counts.responseRate)} />
            </Flex>
            <Table
              style={{ marginTop: 16 }}
              size="small"
              rowKey="agencyId"
              pagination={false}
              scroll={{ x: true }}
              dataSource={counts.byAgency}
              columns={[
                { title: 'Cơ quan', dataIndex: 'agencyName' },
                { title: 'Số phiếu', dataIndex: 'responses', align: 'right' },
                { title: 'Cỡ mẫu', dataIndex: 'sampleSize', align: 'right' },
                {
                  title: 'Tỷ lệ phản hồi',
                  key: 'rate',
                  align: 'right',
                  render: (_, r) => percent(r.responseRate),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>

      <Card title={h2('Chỉ số hài lòng theo yếu tố và cơ quan')} style={{ marginTop: 16 }}>
        <Statistic title="Chỉ số hài lòng chung" value={percent(index.overall)} />
        <Table<IndexRow>
          aria-label="Chỉ số hài lòng"
          style={{ marginTop: 12 }}
          size="small"
          rowKey="key"
          pagination={false}
          scroll={{ x: true }}
          dataSource={indexRows}
          columns={[
            {
              title: 'Cơ quan',
              dataIndex: 'name',
              render: (v: string, r) => (r.key === 'all' ? <strong>{v}</strong> : v),
            },
            { title: 'Số phiếu', dataIndex: 'responses', align: 'right' },
            ...ELEMENTS.map((e, i) => ({
              title: ELEMENT_LABELS[e],
              key: e,
              align: 'right' as const,
              render: (_: unknown, r: IndexRow) => percent(r.elements[i]?.index),
            })),
            {
              title: 'Chỉ số chung',
              key: 'overall',
              align: 'right',
              render: (_, r) => <strong>{percent(r.overall)}</strong>,
            },
          ]}
        />
        <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
          Cách tính
        </Typography.Title>
        <ul data-testid="cong-thuc">
          {index.formula.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </Card>

      <Card title={h2('Phân bố câu trả lời')} style={{ marginTop: 16 }}>
        {questions.map((q, i) => (
          <div key={q.key} style={{ marginBottom: 16 }}>
            <Typography.Text strong>
              {i + 1}. {q.text}
            </Typography.Text>{' '}
            <Tag>{q.kindLabel}</Tag>
            {q.scaleType === 'text' ? (
              <ul>
                {q.texts.length === 0 ? (
                  <li>Chưa có ý kiến.</li>
                ) : (
                  q.texts.map((t, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the same comment may come twice; the list never reorders.
                    <li key={`${q.key}-${j}`}>{t}</li>
                  ))
                )}
              </ul>
            ) : (
              <Distribution rows={q.distribution} />
            )}
          </div>
        ))}
      </Card>

      <Card title={h2('Hồ sơ được chọn mẫu')} style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">
          {round.sample.drawn > 0
            ? `Chọn ngẫu nhiên ${round.sample.drawn} trong ${formatNumber(round.sample.frameSize)} hồ sơ giải quyết từ ${formatVnDate(round.sample.from)} đến ${formatVnDate(round.sample.to)} (hạt giống ${round.sample.seed}).`
            : 'Đợt này không chọn mẫu từ hồ sơ.'}
        </Typography.Paragraph>
        {sample.error ? <ErrorState error={sample.error} /> : null}
        <Table<SampleMember>
          size="small"
          rowKey="dossierId"
          loading={sample.loading}
          dataSource={sample.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: true }}
          columns={[
            { title: 'STT', dataIndex: 'drawOrder', align: 'right' },
            { title: 'Mã hồ sơ', dataIndex: 'code' },
            { title: 'Người nộp', dataIndex: 'applicantName' },
            { title: 'Điện thoại', dataIndex: 'phone' },
            { title: 'Cơ quan', dataIndex: 'agencyName' },
            {
              title: 'Đã trả lời',
              key: 'responded',
              render: (_, m) => (m.responded ? <Tag color="green">Đã trả lời</Tag> : <Tag>Chưa</Tag>),
            },
            {
              title: 'Đường dẫn cá nhân',
              key: 'link',
              render: (_, m) => <Typography.Text copyable={{ text: m.link }}>Sao chép</Typography.Text>,
            },
          ]}
        />
      </Card>
    </>
  );
}
