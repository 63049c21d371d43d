import type { RecurringCauseDto, ResponseTimesDto, SiteStateTally, TrendPointDto } from '@netduty/contracts';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { secondsToMinutes } from './durations';

/** Only the chart kinds and components the dashboard registers (see components/chart.tsx). */
export type DashboardChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption>;

export interface ChartPalette {
  text: string;
  subtleText: string;
  axisLine: string;
  splitLine: string;
  tooltipBackground: string;
  tooltipText: string;
  tooltipBorder: string;
}

/** The laptop's light panels and the wall's dark ones (read from across a room: light text on near-black). */
export const LIGHT_PALETTE: ChartPalette = {
  text: '#1f2937',
  subtleText: '#4b5563',
  axisLine: '#9ca3af',
  splitLine: '#e5e7eb',
  tooltipBackground: '#ffffff',
  tooltipText: '#111827',
  tooltipBorder: '#d1d5db',
};

export const DARK_PALETTE: ChartPalette = {
  text: '#e6edf6',
  subtleText: '#a9b8cc',
  axisLine: '#5b6b82',
  splitLine: '#26354a',
  tooltipBackground: '#132033',
  tooltipText: '#f1f5fb',
  tooltipBorder: '#3b4d66',
};

/** One colour per meaning, the same on both layouts (and the same as the tiles'). */
export const CHART_COLORS = {
  opened: '#3b82f6',
  resolved: '#22a06b',
  inService: '#22a06b',
  degraded: '#d9a400',
  onBattery: '#f08c00',
  onGenerator: '#9b6fe0',
  offAir: '#e5484d',
  mtta: '#3b82f6',
  mttr: '#f08c00',
  cause: '#5b8def',
} as const;

export interface ChartStyle {
  palette: ChartPalette;
  /** Base font size of axis labels, legends and tooltips. */
  fontSize: number;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function commonParts(style: ChartStyle) {
  const { palette, fontSize } = style;
  return {
    textStyle: { color: palette.text, fontSize },
    tooltip: {
      backgroundColor: palette.tooltipBackground,
      borderColor: palette.tooltipBorder,
      textStyle: { color: palette.tooltipText, fontSize },
      confine: true,
    },
    animationDuration: 300,
    animationDurationUpdate: 300,
  } satisfies DashboardChartOption;
}

/**
 * The plot keeps its axis labels and names inside the canvas (`outerBounds` is the grid's own box), so
 * a long commune name is never cut at the edge; the legend is the panel's (HTML, it wraps).
 */
function grid(style: ChartStyle, top: number, bottom = 2): GridComponentOption {
  return { left: 2, right: style.fontSize, top, bottom, outerBoundsMode: 'same', outerBoundsContain: 'all' };
}

/** Category labels of a horizontal bar chart are cut with an ellipsis beyond about ten characters' width. */
function categoryAxisStyle(style: ChartStyle, horizontal = false) {
  return {
    axisLine: { lineStyle: { color: style.palette.axisLine } },
    axisTick: { show: false },
    axisLabel: {
      color: style.palette.subtleText,
      fontSize: style.fontSize,
      ...(horizontal ? { width: style.fontSize * 10, overflow: 'truncate' as const } : {}),
    },
  };
}

/**
 * A value axis with grouped numbers. Named at its top when vertical (the count of a line chart); under
 * its middle when horizontal (the minutes of the response times), or not at all when the panel's title
 * says it.
 */
function valueAxisStyle(style: ChartStyle, format: (value: number) => string, name?: { text: string; at: 'top' | 'middle' }) {
  return {
    ...(name
      ? {
          name: name.text,
          nameLocation: name.at === 'top' ? ('end' as const) : ('middle' as const),
          nameGap: name.at === 'top' ? style.fontSize * 0.8 : style.fontSize * 1.8,
          nameTextStyle: { color: style.palette.subtleText, fontSize: style.fontSize, align: name.at === 'top' ? ('left' as const) : ('center' as const) },
        }
      : {}),
    splitNumber: 4,
    axisLabel: { color: style.palette.subtleText, fontSize: style.fontSize, formatter: (value: number) => format(value) },
    splitLine: { lineStyle: { color: style.palette.splitLine } },
  };
}

export interface LegendItem {
  name: string;
  color: string;
}

/** The series of a chart as its panel's legend lists them. */
export function legendOf(option: DashboardChartOption): LegendItem[] {
  const series = (Array.isArray(option.series) ? option.series : option.series ? [option.series] : []) as { name?: unknown; color?: unknown }[];
  return series.flatMap((entry) => (typeof entry.name === 'string' && typeof entry.color === 'string' ? [{ name: entry.name, color: entry.color }] : []));
}

/** A marker-and-line of a tooltip, as ECharts draws its own. */
function tooltipLine(color: string, name: string, value: string): string {
  return `<div style="display:flex;gap:12px;justify-content:space-between"><span><span style="display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;background:${color}"></span>${escapeHtml(name)}</span><b>${escapeHtml(value)}</b></div>`;
}

interface AxisTooltipItem {
  dataIndex: number;
  seriesIndex?: number;
}

function firstDataIndex(params: unknown): number {
  const items = (Array.isArray(params) ? params : [params]) as AxisTooltipItem[];
  return items[0]?.dataIndex ?? 0;
}

export interface TrendLabels {
  opened: string;
  resolved: string;
  /** The value axis' name ("Số sự cố"). */
  count: string;
}

/**
 * Incidents opened and resolved per bucket: two lines over the period (a bar per hour would turn 168
 * buckets into a comb). `axisLabel` names a bucket on the axis, `tooltipLabel` in full in the tooltip.
 */
export function trendOption(
  points: readonly TrendPointDto[],
  labels: TrendLabels,
  format: { axisLabel: (iso: string) => string; tooltipLabel: (iso: string) => string; count: (value: number) => string },
  style: ChartStyle,
): DashboardChartOption {
  const common = commonParts(style);
  const dense = points.length > 48;
  const line = (name: string, color: string, values: number[], area: boolean): LineSeriesOption => ({
    type: 'line',
    name,
    data: values,
    color,
    symbol: dense ? 'none' : 'circle',
    symbolSize: 6,
    lineStyle: { width: 2.5 },
    areaStyle: area ? { opacity: 0.14 } : undefined,
    emphasis: { focus: 'series' },
  });
  return {
    ...common,
    grid: grid(style, style.fontSize * 1.5),
    tooltip: {
      ...common.tooltip,
      trigger: 'axis',
      formatter: (params: unknown) => {
        const point = points[firstDataIndex(params)];
        if (!point) return '';
        return [
          `<div style="margin-bottom:4px">${escapeHtml(format.tooltipLabel(point.at))}</div>`,
          tooltipLine(CHART_COLORS.opened, labels.opened, format.count(point.opened)),
          tooltipLine(CHART_COLORS.resolved, labels.resolved, format.count(point.resolved)),
        ].join('');
      },
    },
    xAxis: { type: 'category', boundaryGap: false, data: points.map((point) => format.axisLabel(point.at)), ...categoryAxisStyle(style) },
    yAxis: { type: 'value', minInterval: 1, ...valueAxisStyle(style, format.count, { text: labels.count, at: 'top' }) },
    series: [
      line(labels.opened, CHART_COLORS.opened, points.map((point) => point.opened), true),
      line(labels.resolved, CHART_COLORS.resolved, points.map((point) => point.resolved), false),
    ],
  };
}

export interface SiteStateLabels {
  inService: string;
  degraded: string;
  onBattery: string;
  onGenerator: string;
  offAir: string;
  /** The unit in the tooltip ("trạm"). */
  sites: string;
}

type StatePart = 'inService' | 'degraded' | 'onBattery' | 'onGenerator' | 'offAir';

/**
 * Sites by state, one horizontal stacked bar per group (operator, kind or commune): in service,
 * degraded, and down by how (on battery, on generator, off air). `withInService: false` leaves the
 * sites in service out, for the communes with sites down.
 */
export function siteStateOption(
  tallies: readonly SiteStateTally[],
  labels: SiteStateLabels,
  format: { count: (value: number) => string },
  style: ChartStyle,
  withInService = true,
): DashboardChartOption {
  const common = commonParts(style);
  const parts: StatePart[] = withInService ? ['inService', 'degraded', 'onBattery', 'onGenerator', 'offAir'] : ['degraded', 'onBattery', 'onGenerator', 'offAir'];
  // The first group on top: ECharts draws a category axis bottom-up.
  const rows = [...tallies].reverse();
  return {
    ...common,
    grid: grid(style, 4),
    tooltip: {
      ...common.tooltip,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const row = rows[firstDataIndex(params)];
        if (!row) return '';
        return [
          `<div style="margin-bottom:4px"><b>${escapeHtml(row.label)}</b> · ${escapeHtml(format.count(row.total))} ${escapeHtml(labels.sites)}</div>`,
          ...parts.map((part) => tooltipLine(CHART_COLORS[part], labels[part], format.count(row[part]))),
        ].join('');
      },
    },
    xAxis: { type: 'value', minInterval: 1, ...valueAxisStyle(style, format.count) },
    yAxis: { type: 'category', data: rows.map((row) => row.label), ...categoryAxisStyle(style, true) },
    series: parts.map(
      (part): BarSeriesOption => ({
        type: 'bar',
        name: labels[part],
        stack: 'sites',
        color: CHART_COLORS[part],
        barMaxWidth: style.fontSize * 1.6,
        data: rows.map((row) => row[part]),
        emphasis: { focus: 'series' },
      }),
    ),
  };
}

export interface ResponseTimeLabels {
  mtta: string;
  mttr: string;
  /** The value axis' name ("phút"). */
  minutes: string;
  /** The unit in the tooltip ("sự cố"). */
  incidents: string;
}

/**
 * Mean time to acknowledge and to restore per group, in minutes on the axis and spelt out in the
 * tooltip ("1 giờ 20 phút"); a group none of whose incidents was acknowledged (restored) has no bar.
 */
export function responseTimesOption(
  rows: readonly ResponseTimesDto[],
  labels: ResponseTimeLabels,
  format: { duration: (seconds: number | null) => string; count: (value: number) => string },
  style: ChartStyle,
): DashboardChartOption {
  const common = commonParts(style);
  const ordered = [...rows].reverse();
  const bar = (name: string, color: string, values: (number | null)[]): BarSeriesOption => ({
    type: 'bar',
    name,
    color,
    barMaxWidth: style.fontSize * 1.2,
    barGap: '15%',
    data: values,
    label: { show: false },
  });
  return {
    ...common,
    grid: grid(style, 4),
    tooltip: {
      ...common.tooltip,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const row = ordered[firstDataIndex(params)];
        if (!row) return '';
        return [
          `<div style="margin-bottom:4px"><b>${escapeHtml(row.label)}</b> · ${escapeHtml(format.count(row.incidents))} ${escapeHtml(labels.incidents)}</div>`,
          tooltipLine(CHART_COLORS.mtta, labels.mtta, format.duration(row.mttaSeconds)),
          tooltipLine(CHART_COLORS.mttr, labels.mttr, format.duration(row.mttrSeconds)),
        ].join('');
      },
    },
    xAxis: { type: 'value', ...valueAxisStyle(style, format.count, { text: labels.minutes, at: 'middle' }) },
    yAxis: { type: 'category', data: ordered.map((row) => row.label), ...categoryAxisStyle(style, true) },
    series: [
      bar(labels.mtta, CHART_COLORS.mtta, ordered.map((row) => secondsToMinutes(row.mttaSeconds))),
      bar(labels.mttr, CHART_COLORS.mttr, ordered.map((row) => secondsToMinutes(row.mttrSeconds))),
    ],
  };
}

/** The most recurring causes of the period, as horizontal bars, most first. */
export function causesOption(
  causes: readonly RecurringCauseDto[],
  labels: { incidents: string; category: (category: RecurringCauseDto['category']) => string },
  format: { count: (value: number) => string },
  style: ChartStyle,
): DashboardChartOption {
  const common = commonParts(style);
  const ordered = [...causes].reverse();
  return {
    ...common,
    grid: { ...grid(style, 4), right: style.fontSize * 2.5 },
    tooltip: {
      ...common.tooltip,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const cause = ordered[firstDataIndex(params)];
        return cause ? tooltipLine(CHART_COLORS.cause, labels.category(cause.category), `${format.count(cause.incidents)} ${labels.incidents}`) : '';
      },
    },
    xAxis: { type: 'value', minInterval: 1, ...valueAxisStyle(style, format.count) },
    yAxis: { type: 'category', data: ordered.map((cause) => labels.category(cause.category)), ...categoryAxisStyle(style, true) },
    series: [
      {
        type: 'bar',
        name: labels.incidents,
        color: CHART_COLORS.cause,
        barMaxWidth: style.fontSize * 1.4,
        data: ordered.map((cause) => cause.incidents),
        label: { show: true, position: 'right', color: style.palette.text, fontSize: style.fontSize, formatter: (params: unknown) => format.count(Number((params as { value?: unknown }).value ?? 0)) },
      },
    ],
  };
}
