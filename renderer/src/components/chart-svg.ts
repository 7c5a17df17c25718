// A chart as a vector SVG: the live chart's option drawn again by ECharts' SVG renderer (server
// mode: no element, no animation), at the size it has on screen. Loaded only when exporting.
import type { ECharts } from 'echarts/core';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { CHART_PARTS } from './echarts-parts.ts';

echarts.use([...CHART_PARTS, SVGRenderer]);

export function chartSvg(live: ECharts): { svg: string; width: number; height: number } {
  const width = live.getWidth();
  const height = live.getHeight();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    // The option as the live chart holds it (every default filled in); tooltips do not print.
    chart.setOption({ ...live.getOption(), animation: false, tooltip: [] });
    return { svg: chart.renderToSVGString(), width, height };
  } finally {
    chart.dispose();
  }
}
