import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo, type CSSProperties } from 'react';
import { legendOf, type DashboardChartOption } from '../lib/chart-options';

// Only what the dashboard draws: lines and bars on their grid, with a tooltip, on canvas. The legend is
// HTML (it wraps on a narrow panel instead of running over the plot).
echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const FILL: CSSProperties = { position: 'absolute', inset: 0, height: '100%', width: '100%' };

interface DashboardChartProps {
  option: DashboardChartOption;
  /** What the chart shows, for assistive technology (the canvas itself says nothing). */
  label: string;
  /** Pixels, or `fill`: the whole of the panel's body (the wall's grid cells). */
  height: number | 'fill';
  testId: string;
  /** Lists the series above the plot (off for a single series). */
  legend?: boolean;
}

/** One ECharts canvas; it follows its container's size (a resized window, a collapsed column). */
export function DashboardChart({ option, label, height, testId, legend = true }: DashboardChartProps) {
  const fill = height === 'fill';
  const items = useMemo(() => (legend ? legendOf(option) : []), [legend, option]);
  return (
    <div className={`dashboard-chart${fill ? ' dashboard-chart--fill' : ''}`} data-testid={testId}>
      {items.length > 0 && (
        <ul className="dash-legend" aria-hidden="true">
          {items.map((item) => (
            <li key={item.name} className="dash-legend__item">
              <span className="dash-legend__swatch" style={{ background: item.color }} />
              {item.name}
            </li>
          ))}
        </ul>
      )}
      <div className="dashboard-chart__plot" role="img" aria-label={label}>
        <ReactEChartsCore echarts={echarts} option={option} notMerge lazyUpdate style={fill ? FILL : { height, width: '100%' }} opts={{ renderer: 'canvas' }} />
      </div>
    </div>
  );
}
