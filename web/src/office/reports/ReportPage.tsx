import { DownloadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Flex,
  Form,
  InputNumber,
  Modal,
  Select,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { withQuery } from '../../api';
import { isAdmin, useAuth } from '../../auth';
import { ErrorState } from '../../components/ErrorState';
import { formatDate, formatNumber, formatVnDateTime } from '../../format';
import type { Agency } from '../../types';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';

// Báo cáo tình hình, kết quả giải quyết TTHC (Biểu 06/VPCP/KSTT, Circular 01/2020/TT-VPCP): choose the scope
// and the period, read the table, download it as Excel or PDF, and open the dossiers behind any number.

const columnKeys = [
  'received_total',
  'received_online',
  'received_offline',
  'carried_over',
  'resolved_total',
  'resolved_early',
  'resolved_on_time',
  'resolved_late',
  'pending_total',
  'pending_within',
  'pending_overdue',
] as const;
type ColumnKey = (typeof columnKeys)[number];
type Counts = Record<ColumnKey, number>;

interface Report {
  rows: { level: number; field: string; counts: Counts }[];
  levels: { level: number; label: string; counts: Counts }[];
  totals: Counts;
  period: { from: string; to: string; label: string };
  scope: { name: string };
  measuredAt: string;
}

interface CellDossier {
  id: string;
  code: string | null;
  procedureName: string;
  receivedAt: string | null;
  dueAt: string | null;
  resolvedAt: string | null;
}

interface TableRow {
  key: string;
  index: number | string | null;
  field: string | null;
  /** The level of the row; with `field` null, the level's subtotal row (null too: the total row). */
  level: number | null;
  label: string | null;
  counts: Counts;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V'];

interface Cell {
  field: string | null;
  level: number | null;
  label: string;
  column: ColumnKey;
}

const periodOptions = [
  { value: 'month', label: 'Tháng' },
  { value: 'quarter', label: 'Quý' },
  { value: 'half', label: '6 tháng đầu năm' },
  { value: 'nine_months', label: '9 tháng' },
  { value: 'year', label: 'Năm' },
];

const columnLabels: Record<ColumnKey, string> = {
  received_total: 'Tổng số hồ sơ nhận giải quyết',
  received_online: 'Nhận trong kỳ, trực tuyến',
  received_offline: 'Nhận trong kỳ, trực tiếp hoặc dịch vụ bưu chính',
  carried_over: 'Từ kỳ trước chuyển qua',
  resolved_total: 'Đã giải quyết',
  resolved_early: 'Đã giải quyết trước hạn',
  resolved_on_time: 'Đã giải quyết đúng hạn',
  resolved_late: 'Đã giải quyết quá hạn',
  pending_total: 'Đang giải quyết',
  pending_within: 'Đang giải quyết trong hạn',
  pending_overdue: 'Đang giải quyết quá hạn',
};

const levelLabels: Record<number, string> = { 1: 'Cấp tỉnh', 2: 'Cấp huyện', 3: 'Cấp xã' };

/** How a row is named in labels: "lĩnh vực Hộ tịch (Cấp xã)", "Cấp xã", or "tổng cộng". */
function rowName(row: TableRow): string {
  if (row.field) return `lĩnh vực ${row.field}${row.level ? ` (${levelLabels[row.level] ?? ''})` : ''}`;
  return row.label ?? 'tổng cộng';
}

const now = new Date(Date.now() + 7 * 3_600_000);
const thisYear = now.getUTCFullYear();

export default function ReportPage() {
  const { user } = useAuth();
  const agencies = useApi<Agency[]>('/api/agencies', { shared: true });
  const mine = useApi<{ id: string }[]>('/api/office/agencies', { shared: true });
  const [scope, setScope] = useState<string>('');
  const [period, setPeriod] = useState('quarter');
  const [year, setYear] = useState(thisYear);
  const [month, setMonth] = useState(now.getUTCMonth() + 1);
  const [quarter, setQuarter] = useState(Math.floor(now.getUTCMonth() / 3) + 1);
  const [cell, setCell] = useState<Cell | null>(null);

  const myIds = new Set((mine.data ?? []).map((a) => a.id));
  const visible = (agencies.data ?? []).filter((a) => isAdmin(user) || myIds.has(a.id));
  const units = [...new Map(visible.map((a) => [a.unitId, a.unitName])).entries()];
  const scopeOptions = [
    {
      label: 'Cơ quan tiếp nhận',
      options: visible.map((a) => ({ value: `agency:${a.id}`, label: `${a.name} (${a.unitName})` })),
    },
    {
      label: 'Tất cả cơ quan của đơn vị hành chính',
      options: units.map(([id, name]) => ({ value: `unit:${id}`, label: name })),
    },
  ];
  const chosen = scope || scopeOptions[0]?.options[0]?.value || '';
  const [scopeKind, scopeId] = chosen.split(':');
  const params = {
    ...(scopeKind === 'unit' ? { unitId: scopeId } : { agencyId: scopeId }),
    period,
    year,
    ...(period === 'month' ? { month } : {}),
    ...(period === 'quarter' ? { quarter } : {}),
  };
  const path = '/api/office/reports/procedure-handling';
  const report = useApi<Report>(scopeId ? withQuery(path, params) : null);
  const drill = useApi<{ items: CellDossier[] }>(
    cell
      ? withQuery(`${path}/dossiers`, {
          ...params,
          column: cell.column,
          field: cell.field,
          level: cell.level ?? undefined,
        })
      : null,
  );

  const number = (column: ColumnKey) => (_: unknown, row: TableRow) => {
    const n = row.counts[column];
    if (n === 0) return '0';
    return (
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        aria-label={`${columnLabels[column]}, ${rowName(row)}: ${n} hồ sơ`}
        onClick={() => setCell({ field: row.field, level: row.level, label: rowName(row), column })}
      >
        {formatNumber(n)}
      </Button>
    );
  };
  const leaf = (title: string, column: ColumnKey) => ({
    title,
    key: column,
    align: 'center' as const,
    render: number(column),
  });
  const columns: TableColumnsType<TableRow> = [
    { title: 'STT', key: 'index', align: 'center', render: (_, row) => row.index ?? '' },
    {
      title: 'Lĩnh vực, công việc giải quyết theo cấp',
      key: 'field',
      render: (_, row) => (row.field ? row.field : <strong>{row.label ?? 'Tổng cộng'}</strong>),
    },
    {
      title: 'Số hồ sơ nhận giải quyết',
      children: [
        leaf('Tổng số', 'received_total'),
        {
          title: 'Trong kỳ',
          children: [
            leaf('Trực tuyến', 'received_online'),
            leaf('Trực tiếp, dịch vụ bưu chính', 'received_offline'),
          ],
        },
        leaf('Từ kỳ trước', 'carried_over'),
      ],
    },
    {
      title: 'Kết quả giải quyết',
      children: [
        {
          title: 'Số hồ sơ đã giải quyết',
          children: [
            leaf('Tổng số', 'resolved_total'),
            leaf('Trước hạn', 'resolved_early'),
            leaf('Đúng hạn', 'resolved_on_time'),
            leaf('Quá hạn', 'resolved_late'),
          ],
        },
        {
          title: 'Số hồ sơ đang giải quyết',
          children: [
            leaf('Tổng số', 'pending_total'),
            leaf('Trong hạn', 'pending_within'),
            leaf('Quá hạn', 'pending_overdue'),
          ],
        },
      ],
    },
  ];
  // Each level's subtotal row (I. Cấp huyện…), its fields numbered 1, 2…, then the total row.
  const rows: TableRow[] = report.data
    ? [
        ...report.data.levels.flatMap((l, i): TableRow[] => [
          {
            key: `level-${l.level}`,
            index: ROMAN[i] ?? null,
            field: null,
            level: l.level,
            label: l.label,
            counts: l.counts,
          },
          ...(report.data?.rows ?? [])
            .filter((r) => r.level === l.level)
            .map((r, j) => ({
              key: `${r.level}-${r.field}`,
              index: j + 1,
              field: r.field,
              level: r.level,
              label: null,
              counts: r.counts,
            })),
        ]),
        { key: '__total', index: null, field: null, level: null, label: null, counts: report.data.totals },
      ]
    : [];
  const download = (format: 'xlsx' | 'pdf') => withQuery(path, { ...params, format });

  return (
    <>
      <PageHeader
        title="Báo cáo tình hình, kết quả giải quyết thủ tục hành chính"
        extra={
          scopeId ? (
            <>
              <Button icon={<DownloadOutlined />} href={download('xlsx')}>
                Tải Excel
              </Button>
              <Button icon={<DownloadOutlined />} href={download('pdf')} target="_blank">
                Tải PDF
              </Button>
            </>
          ) : null
        }
      >
        <Typography.Text type="secondary">Biểu số 06/VPCP/KSTT (Thông tư số 01/2020/TT-VPCP)</Typography.Text>
      </PageHeader>
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label="Phạm vi">
            <Select
              style={{ minWidth: 320 }}
              value={chosen || undefined}
              options={scopeOptions}
              onChange={setScope}
              loading={agencies.loading}
              showSearch
              optionFilterProp="label"
            />
          </Form.Item>
          <Form.Item label="Kỳ báo cáo">
            <Select style={{ width: 170 }} value={period} options={periodOptions} onChange={setPeriod} />
          </Form.Item>
          {period === 'month' ? (
            <Form.Item label="Tháng">
              <Select
                style={{ width: 90 }}
                value={month}
                onChange={setMonth}
                options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}` }))}
              />
            </Form.Item>
          ) : null}
          {period === 'quarter' ? (
            <Form.Item label="Quý">
              <Select
                style={{ width: 90 }}
                value={quarter}
                onChange={setQuarter}
                options={['I', 'II', 'III', 'IV'].map((label, i) => ({ value: i + 1, label }))}
              />
            </Form.Item>
          ) : null}
          <Form.Item label="Năm">
            <InputNumber min={2018} max={thisYear + 1} value={year} onChange={(v) => v && setYear(v)} />
          </Form.Item>
        </Form>
      </Card>
      {report.error ? (
        <ErrorState error={report.error} onRetry={report.reload} />
      ) : (
        <>
          {report.data ? (
            <Flex vertical gap={4} style={{ marginBottom: 8 }}>
              <Typography.Text strong>
                {report.data.period.label} (từ ngày {formatDate(report.data.period.from)} đến ngày{' '}
                {formatDate(report.data.period.to)}) — {report.data.scope.name}
              </Typography.Text>
              <Typography.Text type="secondary">
                Đơn vị tính: số hồ sơ. Bấm vào một số để xem danh sách hồ sơ tương ứng.
              </Typography.Text>
            </Flex>
          ) : null}
          <Table<TableRow>
            bordered
            size="small"
            loading={report.loading}
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 1100 }}
            locale={{ emptyText: 'Không có hồ sơ trong kỳ báo cáo.' }}
          />
        </>
      )}
      <Modal
        open={cell !== null}
        onCancel={() => setCell(null)}
        footer={null}
        width={900}
        title={cell ? `${columnLabels[cell.column]} — ${cell.label}` : ''}
      >
        {drill.error ? (
          <ErrorState error={drill.error} onRetry={drill.reload} />
        ) : (
          <Table<CellDossier>
            size="small"
            rowKey="id"
            loading={drill.loading}
            dataSource={drill.data?.items ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              {
                title: 'Mã hồ sơ',
                key: 'code',
                render: (_, d) => <Link to={`/quan-tri/ho-so/${d.id}`}>{d.code ?? 'Chưa có mã'}</Link>,
              },
              { title: 'Thủ tục', dataIndex: 'procedureName' },
              { title: 'Ngày tiếp nhận', key: 'received', render: (_, d) => formatVnDateTime(d.receivedAt) },
              { title: 'Hạn giải quyết', key: 'due', render: (_, d) => formatVnDateTime(d.dueAt) },
              {
                title: 'Ngày giải quyết',
                key: 'resolved',
                render: (_, d) => formatVnDateTime(d.resolvedAt) || '—',
              },
            ]}
          />
        )}
      </Modal>
    </>
  );
}
