import type { EChartsCoreOption } from '../../portal/results/echarts';
import { GROUP_SHORT } from '../../portal/results/kpiFormat';
import type { Index766, RankingRow } from '../../portal/results/kpiTypes';

const percent = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const fmt = (v: unknown) => (typeof v === 'number' ? `${percent.format(v)}%` : 'Chưa có dữ liệu');

/** Horizontal bars of the ranking: on-time and satisfaction rates per unit or agency. */
export function rankingOption(rows: RankingRow[]): EChartsCoreOption {
  const shown = [...rows].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: fmt },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      data: shown.map((r) => r.name),
      axisLabel: { width: 180, overflow: 'truncate' },
    },
    series: [
      { name: 'Đúng hạn', type: 'bar', data: shown.map((r) => r.onTime), itemStyle: { color: '#0b3d91' } },
      {
        name: 'Hài lòng',
        type: 'bar',
        data: shown.map((r) => r.satisfaction),
        itemStyle: { color: '#15803d' },
      },
    ],
  };
}

/** The five Decision 766 groups as a radar of points against each group's maximum. */
export function index766Option(index: Index766): EChartsCoreOption {
  return {
    tooltip: {},
    radar: {
      indicator: index.groups.map((g) => ({ name: `${GROUP_SHORT[g.key]} (${g.max})`, max: g.max || 1 })),
      radius: '65%',
    },
    series: [
      {
        type: 'radar',
        name: 'Điểm Bộ chỉ số 766',
        data: [{ name: 'Điểm đạt', value: index.groups.map((g) => g.points ?? 0) }],
        areaStyle: { opacity: 0.2 },
        itemStyle: { color: '#0b3d91' },
      },
    ],
  };
}
