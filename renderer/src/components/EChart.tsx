// A chart on a screen. ECharts (the largest library we ship) lives in its own chunk, loaded the
// first time a chart is drawn: until then the chart's box holds its place, so the figures around
// it paint without waiting for it and nothing moves when it arrives.
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { lazy, Suspense, useMemo } from 'react';
import { withLegibleAxes } from '../charts/base.ts';

export interface EChartProps {
  option: EChartsCoreOption;
  height?: number;
  /** Accessible description of what the chart shows (charts are canvases). */
  label: string;
  testId?: string;
  /** Chart events by name ('click' ...), e.g. to drill into a heatmap cell. */
  onEvents?: Record<string, (params: unknown) => void>;
  /** Called with the data index and series of a clicked item (a bar, a heatmap cell ...). */
  onItemClick?: (item: { dataIndex: number; seriesIndex: number }) => void;
  /** The live instance (or null once disposed), e.g. for getDataURL when exporting a PNG. */
  onChart?: (chart: ECharts | null) => void;
}

const EChartCanvas = lazy(() => import('./EChartCanvas.tsx'));

export function EChart(props: EChartProps) {
  const option = useMemo(() => withLegibleAxes(props.option as Record<string, unknown>), [props.option]);
  const placeholder = (
    <div role="img" aria-label={props.label} aria-busy="true" style={{ width: '100%', height: props.height ?? 260 }} />
  );
  return (
    <Suspense fallback={placeholder}>
      <EChartCanvas {...props} option={option} />
    </Suspense>
  );
}
