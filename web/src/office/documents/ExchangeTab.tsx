import { Alert, Button, Card, Flex, Input, Select, Statistic, Table, Tag } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { withQuery } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { useApi } from '../../useApi';
import { type ExchangeFigure, percent, type Share } from './documentTypes';
import { useDocumentAgencies } from './useDocumentAgencies';

const EChart = lazy(() => import('../../portal/results/EChart'));

const thisYear = () => new Date().getFullYear();

function ShareTag({ s }: { s: Share }) {
  if (s.share === null) return <span>—</span>;
  return <Tag color={s.meetsTarget ? 'green' : 'red'}>{percent(s.share)}</Tag>;
}

/** Documents between agencies exchanged electronically, per month and agency, against the 95% target. */
export default function ExchangeTab() {
  const navigate = useNavigate();
  const { readable } = useDocumentAgencies();
  const [from, setFrom] = useState(`${thisYear()}-01`);
  const [to, setTo] = useState(`${thisYear()}-12`);
  const [agencyId, setAgencyId] = useState<string>();
  const figure = useApi<ExchangeFigure>(
    from && to && from <= to ? withQuery('/api/office/documents/e-exchange', { from, to, agencyId }) : null,
  );
  const data = figure.data;
  const drill = (month: string, id?: string) =>
    navigate(
      `?${new URLSearchParams({ tab: 'so-van-ban', month, counterpartKind: 'agency', ...((id ?? agencyId) ? { agencyId: (id ?? agencyId) as string } : {}) })}`,
    );
  const option = useMemo(
    () =>
      data && {
        tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v.toLocaleString('vi-VN')}%` },
        grid: { left: 48, right: 96, top: 24, bottom: 32 },
        xAxis: { type: 'category', data: data.months.map((m) => m.month) },
        yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        series: [
          {
            name: 'Tỷ lệ điện tử',
            type: 'line',
            data: data.months.map((m) => (m.share === null ? null : Math.round(m.share * 1000) / 10)),
            markLine: {
              symbol: 'none',
              label: { formatter: `Mục tiêu ${data.target * 100}%` },
              lineStyle: { type: 'dashed', color: '#cf1322' },
              data: [{ yAxis: data.target * 100 }],
            },
          },
        ],
      },
    [data],
  );

  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Input
          aria-label="Từ tháng"
          type="month"
          style={{ width: 170 }}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <Input
          aria-label="Đến tháng"
          type="month"
          style={{ width: 170 }}
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
        <Select
          aria-label="Cơ quan"
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="Tất cả cơ quan"
          style={{ minWidth: 260 }}
          value={agencyId}
          onChange={setAgencyId}
          options={readable.map((a) => ({ value: a.id, label: a.name }))}
        />
      </Flex>
      {from > to ? <Alert type="warning" showIcon title="Tháng bắt đầu phải trước tháng kết thúc." /> : null}
      {figure.error ? <ErrorState error={figure.error} onRetry={figure.reload} /> : null}
      {data ? (
        <>
          <Flex wrap gap={16} style={{ marginBottom: 16 }}>
            <Card size="small">
              <Statistic
                title="Tỷ lệ văn bản trao đổi điện tử giữa các cơ quan"
                value={percent(data.overall.share)}
                valueStyle={{ color: data.overall.meetsTarget ? '#389e0d' : '#cf1322' }}
              />
              <span data-testid="e-exchange-overall">
                {data.overall.electronic.toLocaleString('vi-VN')}/{data.overall.total.toLocaleString('vi-VN')}{' '}
                văn bản điện tử · mục tiêu {data.target * 100}%
              </span>
            </Card>
          </Flex>
          <Suspense fallback={<Loading />}>
            {option ? (
              <EChart
                option={option}
                label={`Tỷ lệ văn bản điện tử theo tháng, so với mục tiêu ${data.target * 100}%`}
                onClick={(p) => drill(p.name)}
              />
            ) : null}
          </Suspense>
          <Table
            rowKey={(r) => `${r.agencyId}-${r.month}`}
            size="small"
            dataSource={data.rows}
            pagination={{ pageSize: 24, showSizeChanger: false }}
            columns={[
              { title: 'Cơ quan', dataIndex: 'agencyName' },
              { title: 'Tháng', dataIndex: 'month' },
              { title: 'Văn bản giữa các cơ quan', dataIndex: 'total' },
              { title: 'Điện tử', dataIndex: 'electronic' },
              { title: 'Tỷ lệ', render: (_, r) => <ShareTag s={r} /> },
              {
                title: '',
                render: (_, r) => (
                  <Button type="link" size="small" onClick={() => drill(r.month, r.agencyId)}>
                    Xem văn bản
                  </Button>
                ),
              },
            ]}
          />
        </>
      ) : figure.loading ? (
        <Loading />
      ) : null}
    </>
  );
}
