import { SettingOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Table, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { withQuery } from '../../api';
import { useAuth } from '../../auth';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import EChart from '../../portal/results/EChart';
import { Index766Panel } from '../../portal/results/Index766Panel';
import { IndicatorCards, PART_LABELS } from '../../portal/results/IndicatorCards';
import {
  currentMonth,
  formatCount,
  formatPercent,
  monthLabel,
  rankingUnit,
} from '../../portal/results/kpiFormat';
import type { FigureParams, Figures, RankingRow, UnitNode } from '../../portal/results/kpiTypes';
import TrendChart from '../../portal/results/TrendChart';
import '../../portal/results/results.css';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { DrillDownDrawer } from './DrillDownDrawer';
import { COMPONENT_METRICS, COUNTER_LABELS, type DrillRequest } from './drillMetrics';
import './echartsOffice';
import { KpiFilters } from './KpiFilters';
import { index766Option, rankingOption } from './kpiCharts';

// "Chỉ số, mục tiêu CCHC": the plan's indicators, the Decision 766 index, the trends and the rankings of the
// chosen scope; every count opens the list of the dossiers behind it (with its Excel download).

const filterKeys = ['unit', 'view', 'from', 'to', 'agency', 'procedure', 'field'] as const;

function useFilters(): [FigureParams, (changes: Partial<FigureParams>) => void] {
  const [params, setParams] = useSearchParams();
  const month = currentMonth();
  const value: FigureParams = {
    unit: params.get('unit') ?? undefined,
    view: params.get('view') === 'historical' ? 'historical' : 'current',
    from: params.get('from') ?? `${month.slice(0, 4)}-01`,
    to: params.get('to') ?? month,
    agency: params.get('agency') ?? undefined,
    procedure: params.get('procedure') ?? undefined,
    field: params.get('field') ?? undefined,
  };
  const change = (changes: Partial<FigureParams>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const key of filterKeys) {
          if (!(key in changes)) continue;
          const v = changes[key];
          if (v) next.set(key, v);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  return [value, change];
}

export default function KpiDashboardPage() {
  const { user } = useAuth();
  const canEdit = Boolean(user?.roles.some((r) => r.role === 'admin' || r.role === 'reform_officer'));
  const [filters, setFilters] = useFilters();
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  const [rankBy, setRankBy] = useState<'unit' | 'agency'>('unit');
  const figures = useApi<Figures>(withQuery('/api/kpi/figures', { ...filters }));
  const units = useApi<UnitNode[]>('/api/units', { shared: true });
  const rankUnit =
    rankBy === 'unit' ? rankingUnit(units.data, filters.unit, filters.view === 'historical') : filters.unit;
  const ranking = useApi<{ rows: RankingRow[] }>(
    units.data || units.error
      ? withQuery('/api/kpi/rankings', { ...filters, unit: rankUnit, by: rankBy })
      : null,
  );
  const data = figures.data;

  /** A count as a button that opens its dossiers (or plain text when nothing is behind it). */
  const count = (text: string, request: DrillRequest | null, testId?: string) =>
    request && request.metrics.length > 0 ? (
      <Button
        type="link"
        size="small"
        className="kpi-count-button"
        data-testid={testId}
        aria-label={`${text} — xem danh sách hồ sơ`}
        onClick={() => setDrill(request)}
      >
        {text}
      </Button>
    ) : (
      <span data-testid={testId}>{text}</span>
    );

  const rankingRows = ranking.data?.rows ?? [];
  const rankingChart = useMemo(() => rankingOption(rankingRows), [rankingRows]);
  const radar = useMemo(() => (data ? index766Option(data.index766) : null), [data]);
  // A ranking row's own scope; the "(cấp mình)" row (the unit's own agencies) has no such filter.
  const rankDrill = (
    r: RankingRow,
    title: string,
    metrics: string[],
    expected: number,
  ): DrillRequest | null => {
    if (rankBy === 'agency') return { title: `${title} — ${r.name}`, metrics, expected, agency: r.id };
    if (r.id === rankUnit) return null;
    return { title: `${title} — ${r.name}`, metrics, expected, unit: r.id };
  };

  return (
    <>
      <PageHeader
        title="Chỉ số, mục tiêu cải cách hành chính"
        extra={
          <>
            <ButtonLink to="/cong-khai-ket-qua">Trang công khai</ButtonLink>
            {canEdit ? (
              <ButtonLink to="/quan-tri/chi-so/cai-dat" icon={<SettingOutlined />}>
                Mục tiêu và trọng số
              </ButtonLink>
            ) : null}
          </>
        }
      >
        <Typography.Text type="secondary">
          Bấm vào một số để xem danh sách hồ sơ tương ứng và tải Excel.
        </Typography.Text>
      </PageHeader>
      <Card style={{ marginBottom: 16 }}>
        <KpiFilters value={filters} onChange={setFilters} />
      </Card>

      {figures.error ? <ErrorState error={figures.error} onRetry={figures.reload} /> : null}
      {!data && figures.loading ? <Loading label="Đang tải số liệu…" /> : null}
      {data ? (
        <>
          <Typography.Paragraph>
            <strong>{data.scope.unitName}</strong> ({formatCount(data.scope.unitCount)} đơn vị) · tháng{' '}
            {monthLabel(data.period.from)} đến tháng {monthLabel(data.period.to)} ·{' '}
            {data.scope.view === 'current' ? 'theo tổ chức hiện nay' : 'theo địa giới tại thời điểm đó'}
          </Typography.Paragraph>

          <section aria-labelledby="kpi-o-targets" className="kpi-section">
            <h2 id="kpi-o-targets" className="section-title">
              Mục tiêu kế hoạch và kết quả
            </h2>
            <IndicatorCards
              indicators={data.indicators}
              renderCount={(figure, part, text) => {
                const metrics = part === 'numerator' ? figure.numeratorMetrics : figure.denominatorMetrics;
                const [num, den] = PART_LABELS[figure.key];
                return count(
                  text,
                  metrics
                    ? {
                        title: `${figure.label} — ${part === 'numerator' ? num : den}`,
                        metrics,
                        expected: figure[part],
                      }
                    : null,
                  `kpi-${part}-${figure.key}`,
                );
              }}
            />
          </section>

          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card title={<h2 className="kpi-card-h2">Hồ sơ đang giải quyết</h2>}>
                <p>
                  Đang giải quyết:{' '}
                  {count(
                    `${formatCount(data.open.open)} hồ sơ`,
                    { title: 'Hồ sơ đang giải quyết', metrics: ['openNow'], expected: data.open.open },
                    'kpi-open',
                  )}
                </p>
                <p>
                  Trong đó quá hạn:{' '}
                  {count(
                    `${formatCount(data.open.overdue)} hồ sơ`,
                    {
                      title: 'Hồ sơ đang giải quyết quá hạn',
                      metrics: ['overdueNow'],
                      expected: data.open.overdue,
                    },
                    'kpi-overdue',
                  )}
                </p>
                <h3 className="kpi-card-title">Đánh giá của người dân</h3>
                <p>
                  {count(
                    `${formatCount(data.ratings.total)} lượt đánh giá`,
                    { title: 'Lượt đánh giá', metrics: ['ratings'], expected: data.ratings.total },
                    'kpi-ratings-total',
                  )}
                  , trong đó{' '}
                  {count(
                    `${formatCount(data.ratings.satisfied)} hài lòng trở lên`,
                    {
                      title: 'Lượt đánh giá hài lòng trở lên',
                      metrics: ['ratingsSatisfied'],
                      expected: data.ratings.satisfied,
                    },
                    'kpi-ratings-satisfied',
                  )}
                </p>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={<h2 className="kpi-card-h2">Số liệu hồ sơ trong kỳ</h2>}>
                <ul className="kpi-counter-list">
                  {Object.entries(COUNTER_LABELS).map(([key, label]) => (
                    <li key={key}>
                      <span>{label}</span>
                      {count(
                        formatCount(data.counters[key] ?? 0),
                        { title: label, metrics: [key], expected: data.counters[key] ?? 0 },
                        `kpi-counter-${key}`,
                      )}
                    </li>
                  ))}
                </ul>
              </Card>
            </Col>
          </Row>

          <section aria-labelledby="kpi-o-trend" className="kpi-section">
            <h2 id="kpi-o-trend" className="section-title">
              Diễn biến theo tháng
            </h2>
            {data.trend.length === 0 ? (
              <Typography.Text type="secondary">Chưa có dữ liệu trong kỳ này.</Typography.Text>
            ) : (
              <Row gutter={[16, 16]}>
                {data.indicators.map((figure) => (
                  <Col xs={24} lg={12} key={figure.key}>
                    <Card size="small" title={<h3 className="kpi-card-title">{figure.label}</h3>}>
                      <TrendChart
                        trend={data.trend}
                        indicator={figure.key}
                        target={figure.target}
                        height={220}
                      />
                    </Card>
                  </Col>
                ))}
              </Row>
            )}
          </section>

          <section aria-labelledby="kpi-o-766" className="kpi-section">
            <h2 id="kpi-o-766" className="section-title">
              Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg)
            </h2>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={10}>
                <Card size="small">
                  {radar ? (
                    <EChart
                      option={radar}
                      height={300}
                      label="Biểu đồ radar điểm năm nhóm chỉ số của Quyết định 766 so với điểm tối đa"
                    />
                  ) : null}
                </Card>
              </Col>
              <Col xs={24} lg={14}>
                <Index766Panel
                  index={data.index766}
                  renderRate={({ key, label, rate }) => {
                    const metrics = COMPONENT_METRICS[key];
                    if (!rate) return null;
                    return (
                      <span className="kpi-note">
                        (
                        {count(
                          formatCount(rate.numerator),
                          metrics
                            ? { title: `${label} — tử số`, metrics: metrics[0], expected: rate.numerator }
                            : null,
                        )}
                        /
                        {count(
                          formatCount(rate.denominator),
                          metrics
                            ? { title: `${label} — mẫu số`, metrics: metrics[1], expected: rate.denominator }
                            : null,
                        )}
                        )
                      </span>
                    );
                  }}
                />
              </Col>
            </Row>
          </section>
        </>
      ) : null}

      <section aria-labelledby="kpi-o-rank" className="kpi-section">
        <h2 id="kpi-o-rank" className="section-title">
          Xếp hạng
        </h2>
        <Tabs
          activeKey={rankBy}
          onChange={(k) => setRankBy(k as 'unit' | 'agency')}
          items={[
            { key: 'unit', label: 'Theo đơn vị' },
            { key: 'agency', label: 'Theo cơ quan giải quyết' },
          ]}
        />
        {ranking.error ? <ErrorState error={ranking.error} onRetry={ranking.reload} /> : null}
        {rankingRows.length > 0 ? (
          <Card size="small" style={{ marginBottom: 16 }}>
            <EChart
              option={rankingChart}
              height={Math.max(200, rankingRows.length * 36 + 60)}
              label={`Biểu đồ cột tỷ lệ đúng hạn và hài lòng ${rankBy === 'unit' ? 'theo đơn vị' : 'theo cơ quan'}`}
            />
          </Card>
        ) : null}
        <Table<RankingRow>
          size="small"
          rowKey="id"
          loading={ranking.loading}
          dataSource={rankingRows}
          pagination={false}
          scroll={{ x: 800 }}
          locale={{ emptyText: 'Chưa có dữ liệu trong kỳ này.' }}
          columns={[
            { title: 'Hạng', key: 'rank', render: (_, __, i) => i + 1, width: 60 },
            { title: rankBy === 'unit' ? 'Đơn vị' : 'Cơ quan', dataIndex: 'name' },
            { title: 'Đúng hạn', key: 'onTime', render: (_, r) => formatPercent(r.onTime) },
            { title: 'Hài lòng', key: 'satisfaction', render: (_, r) => formatPercent(r.satisfaction) },
            { title: 'Trực tuyến', key: 'online', render: (_, r) => formatPercent(r.online) },
            {
              title: 'Tiếp nhận',
              key: 'received',
              render: (_, r) =>
                count(
                  formatCount(r.received),
                  rankDrill(r, 'Hồ sơ tiếp nhận', ['receivedOnline', 'receivedOffline'], r.received),
                ),
            },
            {
              title: 'Đã giải quyết',
              key: 'resolved',
              render: (_, r) =>
                count(
                  formatCount(r.resolved),
                  rankDrill(
                    r,
                    'Hồ sơ đã giải quyết',
                    ['resolvedEarly', 'resolvedOnTime', 'resolvedLate'],
                    r.resolved,
                  ),
                ),
            },
            {
              title: 'Lượt đánh giá',
              key: 'ratings',
              render: (_, r) =>
                count(formatCount(r.ratings), rankDrill(r, 'Lượt đánh giá', ['ratings'], r.ratings)),
            },
          ]}
        />
      </section>

      <DrillDownDrawer request={drill} filters={filters} onClose={() => setDrill(null)} />
    </>
  );
}
