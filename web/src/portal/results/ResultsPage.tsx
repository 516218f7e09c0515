import { Select, Switch } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { withQuery } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { filterByLabel } from '../../format';
import { useApi } from '../../useApi';
import { usePageTitle } from '../../usePageTitle';
import { Index766Panel } from './Index766Panel';
import { IndicatorCards } from './IndicatorCards';
import { flattenUnits, formatCount, isCurrentUnit, monthLabel, rankingUnit, SHORT_LABELS } from './kpiFormat';
import { type Figures, type IndicatorKey, indicatorKeys, type RankingRow, type UnitNode } from './kpiTypes';
import { periodOptions, periodRange, yearOptions } from './period';
import { RankingTable } from './RankingTable';
import { WhenVisible } from './WhenVisible';
import './results.css';

// "Công khai kết quả": the plan's targets against the actual figures, the Decision 766 index, the trend and the
// rankings, for anyone, without logging in. The numbers come first; the chart and the feedback list are loaded
// only when scrolled near (phones on slow lines).

const TrendChart = lazy(() => import('./TrendChart'));
const PublishedFeedbackList = lazy(() =>
  import('../feedback/PublishedFeedbackList').then((m) => ({ default: m.PublishedFeedbackList })),
);

export default function ResultsPage() {
  usePageTitle('Công khai kết quả');
  const [params, setParams] = useSearchParams();
  const years = yearOptions();
  const year = Number(params.get('nam')) || (years[0]?.value ?? new Date().getFullYear());
  const period = params.get('ky') ?? 'year';
  const historical = params.get('theo') === 'thoi-diem';
  const unit = params.get('don-vi') ?? undefined;
  const chartKey = (params.get('chi-so') as IndicatorKey | null) ?? 'on_time';
  const range = periodRange(year, period);
  const view = historical ? 'historical' : 'current';

  const set = (changes: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === undefined || v === '') next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );

  const units = useApi<UnitNode[]>('/api/units', { shared: true });
  const query = { unit, view, from: range.from, to: range.to };
  const figures = useApi<Figures>(withQuery('/api/kpi/figures', query));
  const rankUnit = rankingUnit(units.data, unit, historical);
  const byUnit = useApi<{ rows: RankingRow[] }>(
    units.data || units.error
      ? withQuery('/api/kpi/rankings', { ...query, unit: rankUnit, by: 'unit' })
      : null,
  );
  const byAgency = useApi<{ rows: RankingRow[] }>(withQuery('/api/kpi/rankings', { ...query, by: 'agency' }));

  const unitOptions = useMemo(
    () => [
      { value: '', label: 'Toàn hệ thống' },
      ...flattenUnits(units.data ?? [])
        .filter(({ unit: u }) => historical || isCurrentUnit(u))
        .map(({ unit: u, depth }) => ({ value: u.id, label: `${'\u00a0\u00a0'.repeat(depth)}${u.name}` })),
    ],
    [units.data, historical],
  );

  const data = figures.data;
  const chartFigure = data?.indicators.find((i) => i.key === chartKey);

  return (
    <div className="kpi-page">
      <h1 className="page-title">Công khai kết quả cải cách hành chính</h1>
      <p className="kpi-intro">
        Kết quả giải quyết thủ tục hành chính so với mục tiêu của Kế hoạch cải cách hành chính, Bộ chỉ số phục
        vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg), số liệu tự động từ hệ thống một cửa.
      </p>

      <form className="kpi-filters" aria-label="Chọn đơn vị và kỳ" onSubmit={(e) => e.preventDefault()}>
        <div className="kpi-filter">
          <label htmlFor="kpi-unit">Đơn vị</label>
          <Select
            id="kpi-unit"
            value={unit ?? ''}
            options={unitOptions}
            loading={units.loading}
            showSearch={{ filterOption: filterByLabel }}
            onChange={(v) => set({ 'don-vi': v || undefined })}
          />
        </div>
        <div className="kpi-filter">
          <label htmlFor="kpi-year">Năm</label>
          <Select id="kpi-year" value={year} options={years} onChange={(v) => set({ nam: String(v) })} />
        </div>
        <div className="kpi-filter">
          <label htmlFor="kpi-period">Kỳ</label>
          <Select id="kpi-period" value={period} options={periodOptions} onChange={(v) => set({ ky: v })} />
        </div>
        <div className="kpi-filter kpi-switch">
          <Switch
            id="kpi-historical"
            checked={historical}
            onChange={(on) => {
              const stillShown =
                on ||
                !unit ||
                flattenUnits(units.data ?? []).some((x) => x.unit.id === unit && isCurrentUnit(x.unit));
              set({ theo: on ? 'thoi-diem' : undefined, ...(stillShown ? {} : { 'don-vi': undefined }) });
            }}
          />
          <label htmlFor="kpi-historical">Theo địa giới tại thời điểm đó</label>
        </div>
      </form>
      <p className="kpi-note">
        {historical
          ? 'Số liệu theo tổ chức đơn vị hành chính tại thời điểm phát sinh hồ sơ.'
          : 'Số liệu của các đơn vị cũ được cộng vào đơn vị hiện nay (sắp xếp đơn vị hành chính từ 01/7/2025).'}
      </p>

      {figures.error ? <ErrorState error={figures.error} onRetry={figures.reload} /> : null}
      {!data && figures.loading ? <Loading label="Đang tải số liệu…" /> : null}
      {data ? (
        <>
          <p className="kpi-scope" aria-live="polite">
            <strong>{data.scope.unitName}</strong> · tháng {monthLabel(data.period.from)} đến tháng{' '}
            {monthLabel(data.period.to)} · đang giải quyết {formatCount(data.open.open)} hồ sơ (quá hạn{' '}
            {formatCount(data.open.overdue)})
          </p>

          <section aria-labelledby="kpi-targets" className="kpi-section">
            <h2 id="kpi-targets" className="section-title">
              Mục tiêu kế hoạch và kết quả thực hiện
            </h2>
            <IndicatorCards indicators={data.indicators} />
          </section>

          <section aria-labelledby="kpi-766" className="kpi-section">
            <h2 id="kpi-766" className="section-title">
              Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)
            </h2>
            <Index766Panel index={data.index766} />
          </section>

          <section aria-labelledby="kpi-trend" className="kpi-section">
            <h2 id="kpi-trend" className="section-title">
              Diễn biến theo tháng
            </h2>
            <div className="kpi-filter">
              <label htmlFor="kpi-chart">Chỉ số</label>
              <Select
                id="kpi-chart"
                value={chartKey}
                options={indicatorKeys.map((k) => ({ value: k, label: SHORT_LABELS[k] }))}
                onChange={(v) => set({ 'chi-so': v })}
              />
            </div>
            {data.trend.length === 0 ? (
              <p className="kpi-note">Chưa có dữ liệu trong kỳ này.</p>
            ) : (
              <WhenVisible minHeight={260}>
                <Suspense fallback={<Loading label="Đang tải biểu đồ…" />}>
                  <TrendChart trend={data.trend} indicator={chartKey} target={chartFigure?.target ?? null} />
                </Suspense>
              </WhenVisible>
            )}
          </section>
        </>
      ) : null}

      <section aria-labelledby="kpi-rank-units" className="kpi-section">
        <h2 id="kpi-rank-units" className="section-title">
          Xếp hạng đơn vị
        </h2>
        {byUnit.error ? <ErrorState error={byUnit.error} onRetry={byUnit.reload} /> : null}
        {byUnit.data ? (
          <RankingTable rows={byUnit.data.rows} caption="Xếp hạng đơn vị" nameHeader="Đơn vị" />
        ) : byUnit.loading ? (
          <Loading />
        ) : null}
      </section>

      <section aria-labelledby="kpi-rank-agencies" className="kpi-section">
        <h2 id="kpi-rank-agencies" className="section-title">
          Xếp hạng cơ quan giải quyết
        </h2>
        {byAgency.error ? <ErrorState error={byAgency.error} onRetry={byAgency.reload} /> : null}
        {byAgency.data ? (
          <RankingTable
            rows={byAgency.data.rows}
            caption="Xếp hạng cơ quan giải quyết"
            nameHeader="Cơ quan"
          />
        ) : byAgency.loading ? (
          <Loading />
        ) : null}
      </section>

      <section aria-labelledby="kpi-feedback" className="kpi-section">
        <h2 id="kpi-feedback" className="section-title">
          Phản ánh, kiến nghị đã trả lời
        </h2>
        <WhenVisible minHeight={120}>
          <Suspense fallback={<Loading />}>
            <PublishedFeedbackList limit={5} compact />
          </Suspense>
        </WhenVisible>
        <p>
          <Link to="/phan-anh-kien-nghi">Xem tất cả phản ánh, kiến nghị</Link>
        </p>
      </section>
    </div>
  );
}
