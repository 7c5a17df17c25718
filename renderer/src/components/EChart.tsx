// A chart on a screen. ECharts (the largest library we ship) lives in its own chunk, loaded the
// first time a chart is drawn: until then the chart's box holds its place, so the figures around
// it paint without waiting for it and nothing moves when it arrives. Given `exportAs`, the chart
// carries the shared export menu (PNG, SVG) with that context.
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { lazy, Suspense, useMemo, useRef } from 'react';
import { withLegibleAxes } from '../charts/base.ts';
import type { FigureContext } from './figure-context.ts';
import { ExportMenu } from './ExportMenu.tsx';

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
  /** What the chart shows, for its export menu (title, n, intervals, filters, period, measure). */
  exportAs?: FigureContext;
}

const EChartCanvas = lazy(() => import('./EChartCanvas.tsx'));

export function EChart(props: EChartProps) {
  const live = useRef<ECharts | null>(null);
  const { exportAs, onChart } = props;
  const option = useMemo(() => withLegibleAxes(props.option as Record<string, unknown>), [props.option]);
  const placeholder = (
    <div role="img" aria-label={props.label} aria-busy="true" style={{ width: '100%', height: props.height ?? 260 }} />
  );
  const canvas = (
    <Suspense fallback={placeholder}>
      <EChartCanvas
        {...props}
        option={option}
        onChart={(c) => {
          live.current = c;
          onChart?.(c);
        }}
      />
    </Suspense>
  );
  if (!exportAs) return canvas;
  return (
    <div className="chart-frame">
      <ExportMenu
        context={exportAs}
        chart={() => live.current}
        testId={props.testId ? `${props.testId}-export` : 'chart-export'}
      />
      {canvas}
    </div>
  );
}
