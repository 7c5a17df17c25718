// The ECharts charts and components the screens use, registered once by each renderer that draws
// them (the canvas of the screens, the SVG of exports), so an export draws whatever a screen can.
import { BarChart, CustomChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';

export const CHART_PARTS = [
  BarChart,
  HeatmapChart,
  LineChart,
  ScatterChart,
  CustomChart,
  VisualMapComponent,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DatasetComponent,
  MarkLineComponent,
];
