import type { ResponseTimesDto, SiteStateTally, TrendPointDto } from '@netduty/contracts';
import { CHART_COLORS, DARK_PALETTE, causesOption, escapeHtml, legendOf, responseTimesOption, siteStateOption, trendOption, type ChartStyle } from './chart-options';

const STYLE: ChartStyle = { palette: DARK_PALETTE, fontSize: 15 };
const count = (value: number) => String(value);

interface SeriesLike {
  name?: string;
  data?: unknown[];
  color?: string;
  stack?: string;
}

function seriesOf(option: ReturnType<typeof trendOption>): SeriesLike[] {
  return (Array.isArray(option.series) ? option.series : [option.series]) as SeriesLike[];
}

function tooltipText(option: ReturnType<typeof trendOption>, dataIndex: number): string {
  const tooltip = option.tooltip as { formatter: (params: unknown) => string };
  return tooltip.formatter([{ dataIndex }]);
}

function axisData(axis: unknown): unknown[] {
  return (axis as { data: unknown[] }).data;
}

describe('trendOption', () => {
  const points: TrendPointDto[] = [
    { at: '2026-11-22T01:00:00Z', opened: 3, resolved: 1 },
    { at: '2026-11-22T02:00:00Z', opened: 0, resolved: 2 },
  ];
  const option = trendOption(
    points,
    { opened: 'Phát sinh', resolved: 'Đã khắc phục', count: 'Số sự cố' },
    { axisLabel: (iso) => `axis ${iso.slice(11, 13)}`, tooltipLabel: (iso) => `tip ${iso.slice(11, 13)}`, count },
    STYLE,
  );

  it('draws opened and resolved per bucket, named in the active language', () => {
    expect(seriesOf(option).map((series) => [series.name, series.data, series.color])).toEqual([
      ['Phát sinh', [3, 0], CHART_COLORS.opened],
      ['Đã khắc phục', [1, 2], CHART_COLORS.resolved],
    ]);
    expect(axisData(option.xAxis)).toEqual(['axis 01', 'axis 02']);
    expect((option.yAxis as { name: string }).name).toBe('Số sự cố');
  });

  it('names the bucket in full in the tooltip, with both counts', () => {
    const text = tooltipText(option, 0);
    expect(text).toContain('tip 01');
    expect(text).toContain('Phát sinh');
    expect(text).toContain('<b>3</b>');
    expect(text).toContain('<b>1</b>');
  });

  it('gives the panel its legend: each series by name and colour', () => {
    expect(legendOf(option)).toEqual([
      { name: 'Phát sinh', color: CHART_COLORS.opened },
      { name: 'Đã khắc phục', color: CHART_COLORS.resolved },
    ]);
  });

  it('uses the palette and font size it is given (the wall reads from across the room)', () => {
    expect(option.textStyle).toEqual({ color: DARK_PALETTE.text, fontSize: 15 });
  });
});

describe('siteStateOption', () => {
  const tallies: SiteStateTally[] = [
    { key: 'viettel', label: 'Viettel', total: 300, inService: 290, degraded: 2, down: 8, onBattery: 5, onGenerator: 2, offAir: 1 },
    { key: 'vnpt', label: 'VNPT', total: 200, inService: 200, degraded: 0, down: 0, onBattery: 0, onGenerator: 0, offAir: 0 },
  ];
  const labels = { inService: 'Hoạt động', degraded: 'Suy giảm', onBattery: 'Ắc quy', onGenerator: 'Máy phát', offAir: 'Mất sóng', sites: 'Số trạm' };

  it('stacks in service, degraded and the three ways of being down, first group on top', () => {
    const option = siteStateOption(tallies, labels, { count }, STYLE);
    expect(axisData(option.yAxis)).toEqual(['VNPT', 'Viettel']);
    expect(seriesOf(option).map((series) => [series.name, series.data, series.stack])).toEqual([
      ['Hoạt động', [200, 290], 'sites'],
      ['Suy giảm', [0, 2], 'sites'],
      ['Ắc quy', [0, 5], 'sites'],
      ['Máy phát', [0, 2], 'sites'],
      ['Mất sóng', [0, 1], 'sites'],
    ]);
  });

  it('leaves the sites in service out for the communes with sites down', () => {
    const option = siteStateOption(tallies, labels, { count }, STYLE, false);
    expect(seriesOf(option).map((series) => series.name)).toEqual(['Suy giảm', 'Ắc quy', 'Máy phát', 'Mất sóng']);
  });

  it('escapes names that come from the api in its tooltip', () => {
    const option = siteStateOption([{ ...tallies[1], label: '<img src=x>' } as SiteStateTally], labels, { count }, STYLE);
    expect(tooltipText(option, 0)).toContain('&#60;img src=x&#62;');
    expect(tooltipText(option, 0)).not.toContain('<img');
  });
});

describe('responseTimesOption', () => {
  const rows: ResponseTimesDto[] = [
    { dimension: 'operator', key: 'viettel', label: 'Viettel', incidents: 4, mttaSeconds: 300, mttrSeconds: 4800 },
    { dimension: 'operator', key: 'vnpt', label: 'VNPT', incidents: 1, mttaSeconds: 90, mttrSeconds: null },
  ];
  const option = responseTimesOption(
    rows,
    { mtta: 'MTTA', mttr: 'MTTR', minutes: 'Phút', incidents: 'sự cố' },
    { duration: (seconds) => (seconds === null ? 'chưa có' : `${seconds / 60} phút`), count },
    STYLE,
  );

  it('draws MTTA and MTTR in minutes; a mean never measured has no bar', () => {
    expect(axisData(option.yAxis)).toEqual(['VNPT', 'Viettel']);
    expect(seriesOf(option).map((series) => [series.name, series.data])).toEqual([
      ['MTTA', [1.5, 5]],
      ['MTTR', [null, 80]],
    ]);
  });

  it('spells the durations out in the tooltip', () => {
    const text = tooltipText(option, 1);
    expect(text).toContain('Viettel');
    expect(text).toContain('5 phút');
    expect(text).toContain('80 phút');
    expect(tooltipText(option, 0)).toContain('chưa có');
  });
});

describe('causesOption', () => {
  it('lists the causes by their labels, most first at the top', () => {
    const option = causesOption(
      [
        { category: 'mains_failure', incidents: 9 },
        { category: 'fibre_cut', incidents: 3 },
      ],
      { incidents: 'sự cố', category: (category) => (category === 'mains_failure' ? 'Mất điện lưới' : 'Đứt cáp quang') },
      { count },
      STYLE,
    );
    expect(axisData(option.yAxis)).toEqual(['Đứt cáp quang', 'Mất điện lưới']);
    expect(seriesOf(option)[0]?.data).toEqual([3, 9]);
  });
});

describe('escapeHtml', () => {
  it('escapes markup characters', () => {
    expect(escapeHtml(`a<b>&"'`)).toBe('a&#60;b&#62;&#38;&#34;&#39;');
  });
});
