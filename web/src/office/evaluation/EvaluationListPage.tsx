import { DownloadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Drawer,
  Form,
  InputNumber,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { withQuery } from '../../api';
import { isAdmin, useAuth } from '../../auth';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { formatVnDate } from '../../format';
import type { Agency } from '../../types';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { EvaluationPanel } from './EvaluationPanel';
import type { EvaluationList, EvaluationView, SummaryRow } from './evaluationTypes';

// Đánh giá giải quyết TTHC: the evaluations of a period (by decision date) with the per-agency summary in the
// shape of the quarterly table, an Excel export, and each evaluation opened in a drawer to score it.

const periodOptions = [
  { value: 'month', label: 'Tháng' },
  { value: 'quarter', label: 'Quý' },
  { value: 'year', label: 'Năm' },
];
const now = new Date(Date.now() + 7 * 3_600_000);
const thisYear = now.getUTCFullYear();
const share = (row: SummaryRow, key: string) => {
  const cell = row.ratings.byLevel[key];
  return cell ? `${(cell.share * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%` : '0%';
};
const avg = (v: number | null) => (v === null ? '—' : v.toLocaleString('vi-VN'));

/** A wide table scrolls sideways inside a region keyboard users can focus (WCAG 2.1.1). */
function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section style={{ overflowX: 'auto' }} tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}

function EvaluationDrawer({
  dossierId,
  onClose,
  onSaved,
}: {
  dossierId: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { data, error, reload, setData } = useApi<EvaluationView>(
    `/api/office/dossiers/${encodeURIComponent(dossierId)}/evaluation`,
  );
  return (
    <Drawer
      open
      onClose={onClose}
      size="large"
      title={data ? `Đánh giá hồ sơ ${data.dossier.code ?? ''}` : 'Đánh giá hồ sơ'}
    >
      {error && !data ? <ErrorState error={error} onRetry={reload} /> : null}
      {data ? (
        <>
          <Typography.Paragraph>
            {data.dossier.procedureName}
            <br />
            <Typography.Text type="secondary">
              Cơ quan giải quyết: {data.dossier.competentAgency.name}; tiếp nhận:{' '}
              {data.dossier.receivingAgency.name}
            </Typography.Text>
          </Typography.Paragraph>
          <EvaluationPanel
            view={data}
            onReload={reload}
            onChange={(next) => {
              setData(next);
              onSaved();
            }}
          />
        </>
      ) : error ? null : (
        <Loading />
      )}
    </Drawer>
  );
}

export default function EvaluationListPage() {
  const { user } = useAuth();
  const wide = isAdmin(user) || Boolean(user?.roles.some((r) => r.role === 'reform_officer'));
  const agencies = useApi<Agency[]>('/api/agencies', { shared: true });
  const mine = new Set((user?.roles ?? []).flatMap((r) => (r.agencyId ? [r.agencyId] : [])));
  const [agencyId, setAgencyId] = useState<string>();
  const [period, setPeriod] = useState('year');
  const [year, setYear] = useState(thisYear);
  const [month, setMonth] = useState(now.getUTCMonth() + 1);
  const [quarter, setQuarter] = useState(Math.floor(now.getUTCMonth() / 3) + 1);
  const [open, setOpen] = useState<string | null>(null);
  const params = {
    period,
    year,
    ...(period === 'month' ? { month } : {}),
    ...(period === 'quarter' ? { quarter } : {}),
    agencyId,
  };
  const path = '/api/office/evaluations';
  const list = useApi<EvaluationList>(withQuery(path, params));
  const agencyOptions = (agencies.data ?? [])
    .filter((a) => wide || mine.has(a.id))
    .map((a) => ({ value: a.id, label: `${a.name} (${a.unitName})` }));
  const data = list.data;

  const itemColumns: TableColumnsType<EvaluationList['items'][number]> = [
    { title: 'Mã hồ sơ', dataIndex: 'dossierCode', key: 'code', render: (v: string | null) => v ?? '—' },
    { title: 'Thủ tục hành chính', dataIndex: 'procedureName', key: 'procedure' },
    { title: 'Cơ quan giải quyết', dataIndex: 'competentAgencyName', key: 'agency' },
    {
      title: 'Ngày giải quyết',
      dataIndex: 'resolvedAt',
      key: 'resolved',
      render: (v: string) => formatVnDate(v),
    },
    {
      title: 'Tự chấm',
      dataIndex: 'selfTotal',
      key: 'self',
      align: 'center',
      render: (v: number | null) => v ?? '—',
    },
    {
      title: 'Thẩm định',
      dataIndex: 'appraisedTotal',
      key: 'appraised',
      align: 'center',
      render: (v: number | null) => v ?? '—',
    },
    {
      title: 'Xếp loại',
      key: 'grade',
      render: (_, row) => (
        <Tag color={row.status === 'appraised' ? 'green' : 'blue'}>
          {row.gradeLabel} ({row.finalTotal})
        </Tag>
      ),
    },
    {
      title: 'Thao tác',
      key: 'open',
      render: (_, row) => (
        <Button
          size="small"
          onClick={() => setOpen(row.dossierId)}
          aria-label={`Xem đánh giá hồ sơ ${row.dossierCode ?? ''}`}
        >
          {row.status === 'appraised' ? 'Xem' : 'Xem, thẩm định'}
        </Button>
      ),
    },
  ];

  const summaryColumns: TableColumnsType<SummaryRow> = data
    ? [
        { title: 'Cơ quan giải quyết', dataIndex: 'agencyName', key: 'agency', fixed: 'left' },
        { title: 'Số hồ sơ được đánh giá', dataIndex: 'evaluated', key: 'evaluated', align: 'center' },
        {
          title: 'Xếp loại',
          key: 'grades',
          children: data.bands.map((b) => ({
            title: b.label,
            key: `grade-${b.key}`,
            align: 'center' as const,
            render: (_: unknown, row: SummaryRow) => row.byGrade[b.key] ?? 0,
          })),
        },
        {
          title: 'Điểm bình quân',
          key: 'averages',
          children: [
            {
              title: 'Tự chấm',
              key: 'avg-self',
              align: 'center' as const,
              render: (_: unknown, r: SummaryRow) => avg(r.averageSelf),
            },
            {
              title: 'Thẩm định',
              key: 'avg-appraised',
              align: 'center' as const,
              render: (_: unknown, r: SummaryRow) => avg(r.averageAppraised),
            },
          ],
        },
        {
          title: 'Đánh giá của người dân (tỷ lệ trên số phiếu)',
          key: 'ratings',
          children: [
            {
              title: 'Số phiếu',
              key: 'forms',
              align: 'center' as const,
              render: (_: unknown, r: SummaryRow) => r.ratings.forms,
            },
            ...data.ratingLevels.map((l) => ({
              title: l.label,
              key: `rating-${l.key}`,
              align: 'center' as const,
              render: (_: unknown, r: SummaryRow) => share(r, l.key),
            })),
          ],
        },
      ]
    : [];

  return (
    <>
      <PageHeader
        title="Đánh giá giải quyết thủ tục hành chính"
        extra={
          <Button icon={<DownloadOutlined />} href={withQuery(path, { ...params, format: 'xlsx' })}>
            Tải Excel
          </Button>
        }
      >
        <Typography.Text type="secondary">
          9 tiêu chí, mỗi tiêu chí 2 điểm (tối đa 18 điểm); xếp loại theo điểm thẩm định, nếu chưa thẩm định
          theo điểm tự chấm.
        </Typography.Text>
      </PageHeader>
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label="Cơ quan" htmlFor="evaluation-agency">
            <Select
              id="evaluation-agency"
              style={{ minWidth: 300 }}
              allowClear
              placeholder="Tất cả cơ quan trong phạm vi"
              value={agencyId}
              options={agencyOptions}
              onChange={setAgencyId}
              loading={agencies.loading}
              showSearch
              optionFilterProp="label"
            />
          </Form.Item>
          <Form.Item label="Kỳ đánh giá" htmlFor="evaluation-period">
            <Select
              id="evaluation-period"
              style={{ width: 120 }}
              value={period}
              options={periodOptions}
              onChange={setPeriod}
            />
          </Form.Item>
          {period === 'month' ? (
            <Form.Item label="Tháng" htmlFor="evaluation-month">
              <Select
                id="evaluation-month"
                style={{ width: 90 }}
                value={month}
                onChange={setMonth}
                options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}` }))}
              />
            </Form.Item>
          ) : null}
          {period === 'quarter' ? (
            <Form.Item label="Quý" htmlFor="evaluation-quarter">
              <Select
                id="evaluation-quarter"
                style={{ width: 90 }}
                value={quarter}
                onChange={setQuarter}
                options={['I', 'II', 'III', 'IV'].map((label, i) => ({ value: i + 1, label }))}
              />
            </Form.Item>
          ) : null}
          <Form.Item label="Năm" htmlFor="evaluation-year">
            <InputNumber
              id="evaluation-year"
              min={2018}
              max={thisYear + 1}
              value={year}
              onChange={(v) => v && setYear(v)}
            />
          </Form.Item>
        </Form>
      </Card>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {!data && list.loading ? <Loading /> : null}
      {data ? (
        <>
          <section className="section" aria-labelledby="evaluation-summary-title">
            <h2 id="evaluation-summary-title">Tổng hợp theo cơ quan — {data.period.label}</h2>
            <ScrollRegion label="Bảng tổng hợp theo cơ quan">
              <Table
                size="small"
                bordered
                rowKey={(r) => r.agencyId ?? 'total'}
                columns={summaryColumns}
                dataSource={data.summary.rows}
                pagination={false}
                summary={() =>
                  data.summary.rows.length > 0 ? (
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0}>
                        <strong>Tổng cộng</strong>
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={1} align="center">
                        <strong>{data.summary.totals.evaluated}</strong>
                      </Table.Summary.Cell>
                      {data.bands.map((b, i) => (
                        <Table.Summary.Cell key={b.key} index={2 + i} align="center">
                          {data.summary.totals.byGrade[b.key] ?? 0}
                        </Table.Summary.Cell>
                      ))}
                      <Table.Summary.Cell index={2 + data.bands.length} align="center">
                        {avg(data.summary.totals.averageSelf)}
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={3 + data.bands.length} align="center">
                        {avg(data.summary.totals.averageAppraised)}
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={4 + data.bands.length} align="center">
                        {data.summary.totals.ratings.forms}
                      </Table.Summary.Cell>
                      {data.ratingLevels.map((l, i) => (
                        <Table.Summary.Cell key={l.key} index={5 + data.bands.length + i} align="center">
                          {share(data.summary.totals, l.key)}
                        </Table.Summary.Cell>
                      ))}
                    </Table.Summary.Row>
                  ) : null
                }
              />
            </ScrollRegion>
          </section>
          <section className="section" aria-labelledby="evaluation-list-title">
            <h2 id="evaluation-list-title">Danh sách hồ sơ đã đánh giá ({data.total})</h2>
            {data.truncated ? (
              <Typography.Paragraph type="warning">
                Chỉ hiển thị {data.items.length} hồ sơ mới nhất; tải Excel hoặc thu hẹp kỳ, cơ quan để xem
                thêm.
              </Typography.Paragraph>
            ) : null}
            <ScrollRegion label="Danh sách hồ sơ đã đánh giá">
              <Table
                size="small"
                rowKey="dossierId"
                columns={itemColumns}
                dataSource={data.items}
                locale={{ emptyText: 'Chưa có hồ sơ nào được đánh giá trong kỳ này.' }}
              />
            </ScrollRegion>
          </section>
        </>
      ) : null}
      {open ? (
        <EvaluationDrawer dossierId={open} onClose={() => setOpen(null)} onSaved={list.reload} />
      ) : null}
    </>
  );
}
