import { useEffect, useRef } from 'react';
import { type EChartsCoreOption, echarts } from './echarts';

/**
 * One ECharts chart. The canvas is not readable by screen readers, so the container is an image with a
 * Vietnamese description, and the same numbers are always shown as text or tables elsewhere on the page.
 */
export default function EChart({
  option,
  height = 300,
  label,
  onClick,
}: {
  option: EChartsCoreOption;
  height?: number;
  /** What the chart shows, for assistive technology. */
  label: string;
  onClick?: (params: { name: string; dataIndex: number; seriesIndex?: number }) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onClick) return;
    const handler = (p: unknown) => onClick(p as { name: string; dataIndex: number; seriesIndex?: number });
    instance.on('click', handler);
    return () => {
      instance.off('click', handler);
    };
  }, [onClick]);

  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
