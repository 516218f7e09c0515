import type { EChartsCoreOption } from './echarts';
import { monthLabel, SHORT_LABELS } from './kpiFormat';
import type { Figures, IndicatorKey, Target } from './kpiTypes';

const percent = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const fmt = (v: unknown) => (typeof v === 'number' ? `${percent.format(v)}%` : 'Chưa có dữ liệu');

/** A monthly line of one indicator with its target as a dashed line. */
export function trendOption(
  trend: Figures['trend'],
  key: IndicatorKey,
  target: Target | null,
): EChartsCoreOption {
  return {
    grid: { left: 44, right: 16, top: 24, bottom: 32 },
    tooltip: { trigger: 'axis', valueFormatter: fmt },
    xAxis: { type: 'category', data: trend.map((t) => monthLabel(t.month)) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: SHORT_LABELS[key],
        type: 'line',
        data: trend.map((t) => t.values[key]),
        connectNulls: false,
        itemStyle: { color: '#0b3d91' },
        markLine: target
          ? {
              symbol: 'none',
              lineStyle: { type: 'dashed', color: '#b45309' },
              label: {
                formatter: `Mục tiêu ${target.op === '>' ? 'trên' : 'từ'} ${percent.format(target.value)}%`,
              },
              data: [{ yAxis: target.value }],
            }
          : undefined,
      },
    ],
  };
}
