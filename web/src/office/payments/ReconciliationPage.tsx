import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Statistic, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { formatVnDateTime, formatVnd } from '../../format';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';

// Đối soát thanh toán: a day's payment orders by state with totals, each compared with the gateway's record.

interface Report {
  day: string;
  totals: {
    orders: number;
    paidVnd: number;
    refundedVnd: number;
    mismatches: number;
    gatewayUnavailable: number;
  };
  byState: { state: string; label: string; count: number; amountVnd: number }[];
  rows: {
    txnRef: string;
    dossierId: string;
    dossierCode: string | null;
    agencyName: string;
    createdAt: string;
    amountVnd: number;
    stateLabel: string;
    transactionNo: string | null;
    gatewayTransactionLabel: string;
    mismatch: string | null;
  }[];
  rejectedNotifications: {
    receivedAt: string;
    txnRef: string | null;
    verdict: string;
    message: string | null;
  }[];
}

const today = () => dayjs().format('YYYY-MM-DD');

export default function ReconciliationPage() {
  const [day, setDay] = useState(today());
  const { data, error, loading, reload } = useApi<Report>(`/api/office/payments/reconciliation?day=${day}`);

  return (
    <>
      <PageHeader title="Đối soát thanh toán">
        <Flex wrap gap={8} align="center">
          <label htmlFor="reconcile-day">Ngày</label>
          <DatePicker
            id="reconcile-day"
            format="DD/MM/YYYY"
            allowClear={false}
            value={dayjs(day)}
            onChange={(value: Dayjs | null) => value && setDay(value.format('YYYY-MM-DD'))}
          />
          <Button icon={<DownloadOutlined />} href={`/api/office/payments/reconciliation.xlsx?day=${day}`}>
            Tải Excel
          </Button>
        </Flex>
      </PageHeader>
      {error ? <ErrorState error={error} onRetry={reload} /> : null}
      {loading && !data ? <Loading label="Đang đối soát với cổng thanh toán…" /> : null}
      {data ? (
        <>
          <Flex wrap gap={12} style={{ marginBottom: 16 }}>
            <Card size="small">
              <Statistic title="Số giao dịch" value={data.totals.orders} />
            </Card>
            <Card size="small">
              <Statistic title="Đã thu (đồng)" value={data.totals.paidVnd} groupSeparator="." />
            </Card>
            <Card size="small">
              <Statistic title="Đã hoàn (đồng)" value={data.totals.refundedVnd} groupSeparator="." />
            </Card>
            <Card size="small">
              <Statistic title="Chênh lệch" value={data.totals.mismatches} />
            </Card>
          </Flex>
          {data.totals.gatewayUnavailable > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`${data.totals.gatewayUnavailable} giao dịch chưa truy vấn được cổng thanh toán; vui lòng đối soát lại sau.`}
            />
          ) : null}
          <section className="section" aria-labelledby="by-state-title">
            <h2 id="by-state-title">Theo trạng thái</h2>
            <Table
              size="small"
              rowKey="state"
              pagination={false}
              dataSource={data.byState}
              columns={[
                { title: 'Trạng thái', dataIndex: 'label' },
                { title: 'Số giao dịch', dataIndex: 'count' },
                { title: 'Số tiền', dataIndex: 'amountVnd', render: (v: number) => formatVnd(v) },
              ]}
            />
          </section>
          <section className="section" aria-labelledby="rows-title">
            <h2 id="rows-title">Giao dịch trong ngày</h2>
            <Table
              size="small"
              rowKey="txnRef"
              scroll={{ x: true }}
              dataSource={data.rows}
              locale={{ emptyText: 'Không có giao dịch nào trong ngày.' }}
              columns={[
                { title: 'Mã giao dịch', dataIndex: 'txnRef' },
                {
                  title: 'Hồ sơ',
                  dataIndex: 'dossierCode',
                  render: (v: string | null, r) => (
                    <Link to={`/quan-tri/ho-so/${r.dossierId}`}>{v ?? 'Mở'}</Link>
                  ),
                },
                { title: 'Cơ quan', dataIndex: 'agencyName' },
                { title: 'Tạo lúc', dataIndex: 'createdAt', render: (v: string) => formatVnDateTime(v) },
                { title: 'Số tiền', dataIndex: 'amountVnd', render: (v: number) => formatVnd(v) },
                { title: 'Hệ thống', dataIndex: 'stateLabel' },
                { title: 'Cổng thanh toán', dataIndex: 'gatewayTransactionLabel' },
                {
                  title: 'Chênh lệch',
                  dataIndex: 'mismatch',
                  render: (v: string | null) =>
                    v ? <Tag color="red">{v}</Tag> : <Tag color="green">Khớp</Tag>,
                },
              ]}
            />
          </section>
          {data.rejectedNotifications.length > 0 ? (
            <section className="section" aria-labelledby="rejected-title">
              <h2 id="rejected-title">Thông báo bị từ chối</h2>
              <Table
                size="small"
                rowKey={(r) => `${r.receivedAt}-${r.txnRef}-${r.verdict}`}
                pagination={false}
                dataSource={data.rejectedNotifications}
                columns={[
                  { title: 'Nhận lúc', dataIndex: 'receivedAt', render: (v: string) => formatVnDateTime(v) },
                  { title: 'Mã giao dịch', dataIndex: 'txnRef' },
                  { title: 'Mã trả lời', dataIndex: 'verdict' },
                  { title: 'Nội dung', dataIndex: 'message' },
                ]}
              />
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
