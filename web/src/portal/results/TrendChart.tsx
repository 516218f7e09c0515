import { useMemo } from 'react';
import EChart from './EChart';
import { SHORT_LABELS, targetText } from './kpiFormat';
import type { Figures, IndicatorKey, Target } from './kpiTypes';
import { trendOption } from './trendOption';

/** The monthly trend of one indicator with its target line (a lazily loaded chunk with ECharts). */
export default function TrendChart({
  trend,
  indicator,
  target,
  height = 260,
}: {
  trend: Figures['trend'];
  indicator: IndicatorKey;
  target: Target | null;
  height?: number;
}) {
  const option = useMemo(() => trendOption(trend, indicator, target), [trend, indicator, target]);
  return (
    <EChart
      option={option}
      height={height}
      label={`Biểu đồ đường tỷ lệ ${SHORT_LABELS[indicator].toLowerCase()} theo tháng, mục tiêu ${targetText(target)}`}
    />
  );
}
