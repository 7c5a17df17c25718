// The one React wrapper around ECharts: it owns init, option updates, resize and dispose.
// Only the charts and components we use are registered (no full `echarts` import). Loaded
// lazily through EChart.tsx, so a screen's figures paint before ECharts is parsed.
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import './chart-cache-guard.ts';
import type { EChartProps } from './EChart.tsx';
import { CHART_PARTS } from './echarts-parts.ts';

echarts.use([...CHART_PARTS, CanvasRenderer]);

export default function EChartCanvas({
  option,
  height = 260,
  label,
  testId,
  onEvents,
  onItemClick,
  onChart,
}: EChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const instance = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    onChart?.(instance);
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
      onChart?.(null);
    };
    // The instance lives as long as the element; a new onChart callback does not recreate it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onEvents) return;
    for (const [name, handler] of Object.entries(onEvents)) instance.on(name, handler);
    return () => {
      for (const [name, handler] of Object.entries(onEvents)) instance.off(name, handler);
    };
  }, [onEvents]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onItemClick) return;
    const handler = (p: { dataIndex: number; seriesIndex?: number }) =>
      onItemClick({ dataIndex: p.dataIndex, seriesIndex: p.seriesIndex ?? 0 });
    instance.on('click', handler);
    return () => {
      instance.off('click', handler);
    };
  }, [onItemClick]);

  return <div ref={el} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
