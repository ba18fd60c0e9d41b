// A briefing chart as an ECharts option: the same drawing on the server (SVG for the printable page, PNG for
// the Word file) and in the browser (the 通报 page). Pure: the core imports no package, so the option is plain
// data that the two drawing edges hand to ECharts as its EChartsOption.
import type { BriefingChart } from './types.ts';

/** An ECharts option as plain data (ECharts' own type is applied where it is drawn). */
export type ChartOption = Record<string, unknown>;

/**
 * CJK first (Debian's fonts-noto-cjk, then Windows and macOS faces), so Chinese never falls to boxes. Single
 * quotes: ECharts writes the list into an SVG style attribute in double quotes without escaping.
 */
export const CHART_FONTS =
  "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'WenQuanYi Micro Hei', sans-serif";

/** Black-and-white print friendly: dark blue, grey-green, amber. */
const COLORS = ['#2f5597', '#8faa7a', '#d9a441'];

export const CHART_SIZE = { width: 640, height: 340 };

/** Height of a horizontal chart: one bar row per sub-region. */
export const chartHeight = (c: BriefingChart): number =>
  c.horizontal ? Math.max(CHART_SIZE.height, 70 + c.categories.length * 24) : CHART_SIZE.height;

export function chartOption(c: BriefingChart): ChartOption {
  const unit = c.unit;
  const valueAxis = {
    type: 'value' as const,
    ...(c.kind === 'line' ? lineRange(c) : {}),
    name: unit,
    axisLabel: { formatter: (v: number) => `${v}` },
    splitLine: { lineStyle: { color: '#ddd' } },
  };
  // Horizontal bars list the best rank on top; category labels of vertical bars wrap after six characters.
  const categoryAxis = {
    type: 'category' as const,
    data: c.horizontal ? c.categories : c.categories.map((n) => n.replace(/(.{6})(?=.)/g, '$1\n')),
    inverse: c.horizontal,
    axisLabel: { interval: 0, fontSize: 11 },
  };
  return {
    animation: false,
    color: COLORS,
    backgroundColor: '#fff',
    textStyle: { fontFamily: CHART_FONTS, color: '#000' },
    legend: { top: 4, textStyle: { fontFamily: CHART_FONTS } },
    grid: { left: 8, right: 48, top: 40, bottom: 8 },
    xAxis: c.horizontal ? valueAxis : categoryAxis,
    yAxis: c.horizontal ? categoryAxis : valueAxis,
    series: c.series.map((s, i) => ({
      type: c.kind === 'line' ? ('line' as const) : ('bar' as const),
      name: `${s.name}（${unit}）`,
      data: s.values,
      ...(c.kind === 'line' ? { symbolSize: 7, lineStyle: { width: 2 } } : { barMaxWidth: 28 }),
      label: {
        show: true,
        position: c.horizontal ? ('right' as const) : ('top' as const),
        fontSize: 10,
        formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? p.value.toFixed(1) : ''),
      },
      ...(i === 0 && c.line
        ? {
            markLine: {
              symbol: 'none',
              lineStyle: { color: '#c00000', type: 'dashed' as const },
              label: {
                formatter: `${c.line.name} ${c.line.value.toFixed(1)}${unit}`,
                color: '#c00000',
                // Inside the plot: at the end of a line chart's axis the words would be cut off.
                position: c.kind === 'line' ? ('insideEndTop' as const) : ('end' as const),
              },
              data: [c.horizontal ? { xAxis: c.line.value } : { yAxis: c.line.value }],
            },
          }
        : {}),
    })),
  };
}

/**
 * A trend's axis: the whole points around its values and the target line, so a growth moving between 6.1% and
 * 6.4% reads as movement, not as a flat line on an axis from 0.
 */
function lineRange(c: BriefingChart): { min: number; max: number } {
  const values = c.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  if (c.line) values.push(c.line.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return { min: Math.floor(lo - 1), max: Math.ceil(hi + 1) };
}
