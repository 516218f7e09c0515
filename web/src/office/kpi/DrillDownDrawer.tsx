import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Flex, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { withQuery } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { formatVnDate } from '../../format';
import { dossierChannelLabels, dossierStateLabels } from '../../labels';
import { formatCount } from '../../portal/results/kpiFormat';
import type { FigureParams } from '../../portal/results/kpiTypes';
import { useApi } from '../../useApi';
import type { DrillRequest } from './drillMetrics';

interface DrillItem {
  id: string;
  code: string | null;
  procedureCode: string;
  procedureName: string;
  field: string;
  channel: string;
  state: string;
  receivingAgency: string;
  competentAgency: string;
  receivedAt: string | null;
  dueAt: string | null;
  resolvedAt: string | null;
  returnedAt: string | null;
  ratingLevel: string | null;
}

const PAGE_SIZE = 20;
const label = (labels: Record<string, string>, key: string) => labels[key] ?? key;

/** The dossiers behind a number of the dashboard, page by page, with the Excel download of the whole list. */
export function DrillDownDrawer({
  request,
  filters,
  onClose,
}: {
  request: DrillRequest | null;
  filters: FigureParams;
  onClose: () => void;
}) {
  const [page, setPage] = useState(1);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new number starts at its first page.
  useEffect(() => setPage(1), [request]);
  const params = request
    ? {
        ...filters,
        ...(request.unit ? { unit: request.unit } : {}),
        ...(request.agency ? { agency: request.agency } : {}),
        metrics: request.metrics.join(','),
      }
    : null;
  const list = useApi<{ total: number; items: DrillItem[] }>(
    params ? withQuery('/api/office/kpi/dossiers', { ...params, page, pageSize: PAGE_SIZE }) : null,
  );
  const excel = params ? withQuery('/api/office/kpi/dossiers', { ...params, format: 'xlsx' }) : undefined;

  return (
    <Drawer
      open={request !== null}
      onClose={onClose}
      size={Math.min(1100, window.innerWidth)}
      title={request?.title}
      closable={{ 'aria-label': 'Đóng danh sách hồ sơ' }}
    >
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text>
          Tổng số:{' '}
          <strong data-testid="kpi-drill-total">{list.data ? formatCount(list.data.total) : '…'}</strong> hồ
          sơ
        </Typography.Text>
        <Button icon={<DownloadOutlined />} href={excel} disabled={!excel}>
          Tải Excel
        </Button>
      </Flex>
      {list.data && request?.expected !== undefined && list.data.total < request.expected ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Số liệu là ${formatCount(request.expected)} hồ sơ; danh sách chỉ gồm hồ sơ của các cơ quan bạn được xem.`}
        />
      ) : null}
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : (
        <Table<DrillItem>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1000 }}
          locale={{ emptyText: 'Không có hồ sơ.' }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            onChange: setPage,
          }}
          columns={[
            {
              title: 'Mã hồ sơ',
              key: 'code',
              render: (_, d) => <Link to={`/quan-tri/ho-so/${d.id}`}>{d.code ?? 'Chưa có mã'}</Link>,
            },
            {
              title: 'Thủ tục',
              key: 'procedure',
              render: (_, d) => (
                <>
                  {d.procedureName}
                  <br />
                  <Typography.Text type="secondary">{d.procedureCode}</Typography.Text>
                </>
              ),
            },
            {
              title: 'Cơ quan tiếp nhận / giải quyết',
              key: 'agencies',
              render: (_, d) =>
                d.receivingAgency === d.competentAgency ? (
                  d.receivingAgency
                ) : (
                  <>
                    {d.receivingAgency}
                    <br />
                    {d.competentAgency}
                  </>
                ),
            },
            {
              title: 'Kênh',
              key: 'channel',
              render: (_, d) => label(dossierChannelLabels as Record<string, string>, d.channel),
            },
            { title: 'Tiếp nhận', key: 'received', render: (_, d) => formatVnDate(d.receivedAt) },
            { title: 'Hạn trả', key: 'due', render: (_, d) => formatVnDate(d.dueAt) || '—' },
            { title: 'Giải quyết', key: 'resolved', render: (_, d) => formatVnDate(d.resolvedAt) || '—' },
            {
              title: 'Trạng thái',
              key: 'state',
              render: (_, d) => label(dossierStateLabels as Record<string, string>, d.state),
            },
            { title: 'Đánh giá', key: 'rating', render: (_, d) => d.ratingLevel ?? '—' },
          ]}
        />
      )}
    </Drawer>
  );
}
