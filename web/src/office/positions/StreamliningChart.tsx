import { useMemo } from 'react';
import EChart from '../../portal/results/EChart';
import '../kpi/echartsOffice';

// Planned against actual reductions by year (bars). Loaded lazily with its page; the same numbers are in the
// table beside it for screen readers.

export default function StreamliningChart({
  years,
  label,
}: {
  years: { year: number; planned: number; actual: number }[];
  label: string;
}) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: ['Kế hoạch tinh giản', 'Thực tế giảm'] },
      grid: { left: 40, right: 16, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
      yAxis: { type: 'value', minInterval: 1, name: 'người' },
      series: [
        {
          name: 'Kế hoạch tinh giản',
          type: 'bar',
          data: years.map((y) => y.planned),
          itemStyle: { color: '#1677ff' },
        },
        {
          name: 'Thực tế giảm',
          type: 'bar',
          data: years.map((y) => y.actual),
          itemStyle: { color: '#52c41a' },
        },
      ],
    }),
    [years],
  );
  return <EChart option={option} height={260} label={label} />;
}
