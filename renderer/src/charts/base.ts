// What every chart shares: the bundled font (canvas text does not inherit CSS) and no animation
// (figures should read the same in the app, in screenshots and in PDF exports).
export const CHART_FONT = "Inter, system-ui, -apple-system, 'Segoe UI', sans-serif";

export const baseOption = {
  animation: false,
  textStyle: { fontFamily: CHART_FONT },
} as const;

type AxisLike = { type?: string; data?: unknown[]; axisLabel?: Record<string, unknown> } & Record<string, unknown>;

/** Widest a category label may be on a horizontal bar chart's side axis before it is cut with "…". */
export const SIDE_LABEL_WIDTH = 160;
/** Up to this many categories along the bottom, every label is shown (ECharts would skip some). */
const ALL_BOTTOM_LABELS = 12;

function axisWithLabels(axis: AxisLike, side: boolean): AxisLike {
  if (axis.type !== 'category') return axis;
  const label = axis.axisLabel ?? {};
  const extra = side
    ? { width: SIDE_LABEL_WIDTH, overflow: 'truncate' }
    : (axis.data?.length ?? 0) <= ALL_BOTTOM_LABELS
      ? { interval: 0, hideOverlap: false }
      : {};
  return { ...axis, axisLabel: { ...extra, ...label } };
}

function eachAxis(axes: unknown, side: boolean): unknown {
  if (Array.isArray(axes)) return axes.map((a) => axisWithLabels(a as AxisLike, side));
  return axes && typeof axes === 'object' ? axisWithLabels(axes as AxisLike, side) : axes;
}

/**
 * Every chart's axis labels stay legible in a narrow window. ECharts 6 already keeps axis labels
 * inside the chart's box (grid outer bounds, its successor to containLabel); here a long name on
 * a side axis is cut with "…" (the tooltip still gives it whole) instead of squeezing the bars to
 * nothing, and a short bottom axis shows every label instead of skipping some. What a builder
 * sets itself wins.
 */
export function withLegibleAxes<T extends Record<string, unknown>>(option: T): T {
  return {
    ...option,
    ...(option.xAxis ? { xAxis: eachAxis(option.xAxis, false) } : {}),
    ...(option.yAxis ? { yAxis: eachAxis(option.yAxis, true) } : {}),
  };
}
