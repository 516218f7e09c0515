import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, errorMessage, withQuery } from '../../api';
import { isAdmin, useAuth } from '../../auth';
import { formatVnDateTime, vietnamToday } from '../../format';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import {
  dmy,
  type ReportList,
  type ReportListItem,
  type ReportView,
  statusColor,
  statusLabel,
} from './reformReportTypes';

const BASE = '/api/office/reform-reports';

/** "Báo cáo CCHC năm": the year's reports with statuses and deadlines; the reform office downloads the city's. */
export default function ReformReportsPage() {
  const { user } = useAuth();
  const isReviewer = isAdmin(user) || Boolean(user?.roles.some((r) => r.role === 'reform_officer'));
  const [params, setParams] = useSearchParams();
  const thisYear = Number(vietnamToday().slice(0, 4));
  const year = Number(params.get('nam')) || thisYear;
  const { data, error, loading } = useApi<ReportList>(withQuery(BASE, { year }));
  const navigate = useNavigate();
  const [starting, setStarting] = useState<string>();
  const [problem, setProblem] = useState<string>();

  const start = async (agencyId: string) => {
    setStarting(agencyId);
    setProblem(undefined);
    try {
      const report = await api.post<ReportView>(BASE, { agencyId, year });
      navigate(`/quan-tri/bao-cao-cchc/${report.id}`);
    } catch (cause) {
      setProblem(errorMessage(cause));
      setStarting(undefined);
    }
  };

  const columns: TableColumnsType<ReportListItem> = [
    {
      title: 'Cơ quan, đơn vị',
      key: 'agency',
      render: (_, r) => <Link to={`/quan-tri/bao-cao-cchc/${r.id}`}>{r.agencyName}</Link>,
    },
    {
      title: 'Trạng thái',
      key: 'status',
      render: (_, r) => (
        <>
          <Tag color={statusColor[r.status]}>{statusLabel[r.status]}</Tag>
          {r.late ? <Tag color="red">Trễ hạn</Tag> : null}
        </>
      ),
    },
    {
      title: 'Gửi lần đầu',
      dataIndex: 'firstSubmittedAt',
      responsive: ['md'],
      render: (v: string | null) => (v ? formatVnDateTime(v) : '—'),
    },
    {
      title: 'Chấp nhận',
      dataIndex: 'acceptedAt',
      responsive: ['md'],
      render: (v: string | null) => (v ? formatVnDateTime(v) : '—'),
    },
  ];

  const file = (document: 'report' | 'review', format: 'docx' | 'pdf') =>
    withQuery(`${BASE}/consolidated/file`, { year, document, format });

  return (
    <>
      <PageHeader
        title="Báo cáo cải cách hành chính năm"
        extra={
          <Select
            aria-label="Năm báo cáo"
            value={year}
            style={{ width: 120 }}
            onChange={(v) => setParams({ nam: String(v) })}
            options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({
              value: y,
              label: `Năm ${y}`,
            }))}
          />
        }
      >
        {data ? (
          <Typography.Text type="secondary">
            {data.plan.title} · Hạn gửi báo cáo: {dmy(data.deadline)} · Sơ kết năm: {dmy(data.reviewDeadline)}
          </Typography.Text>
        ) : null}
      </PageHeader>
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} /> : null}
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} /> : null}
      {data?.canStart.length ? (
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          {data.canStart.map((a) => (
            <Button key={a.id} type="primary" loading={starting === a.id} onClick={() => void start(a.id)}>
              Lập báo cáo năm {year} — {a.name}
            </Button>
          ))}
        </Flex>
      ) : null}
      <Table
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={false}
      />
      {isReviewer && data ? (
        <Card title={`Báo cáo tổng hợp của thành phố năm ${year}`} style={{ marginTop: 16 }}>
          <Typography.Paragraph>
            Tổng hợp từ {data.items.filter((r) => r.status === 'accepted').length} báo cáo đã được chấp nhận.
          </Typography.Paragraph>
          <Flex wrap gap={8}>
            <Button icon={<DownloadOutlined />} href={file('report', 'docx')}>
              Báo cáo tổng hợp (DOCX)
            </Button>
            <Button icon={<DownloadOutlined />} href={file('report', 'pdf')}>
              Báo cáo tổng hợp (PDF)
            </Button>
            <Button icon={<DownloadOutlined />} href={file('review', 'docx')}>
              Sơ kết 30/11 (DOCX)
            </Button>
            <Button icon={<DownloadOutlined />} href={file('review', 'pdf')}>
              Sơ kết 30/11 (PDF)
            </Button>
          </Flex>
        </Card>
      ) : null}
    </>
  );
}
