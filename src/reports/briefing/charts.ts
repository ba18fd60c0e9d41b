// The briefing's charts drawn on the server: ECharts renders each to SVG (server-side, no browser), resvg
// rasterises the SVG to PNG for the Word file with a CJK font found on the machine.
import { existsSync } from 'node:fs';
import { renderAsync } from '@resvg/resvg-js';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { BriefingChart } from '../../core/briefing/types.ts';
import { CHART_SIZE, chartHeight, chartOption } from './chartOption.ts';

echarts.use([BarChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

export interface RenderedChart {
  chart: BriefingChart;
  svg: string;
  width: number;
  height: number;
}

export function chartSvg(c: BriefingChart): RenderedChart {
  const height = chartHeight(c);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_SIZE.width, height });
  try {
    chart.setOption(chartOption(c));
    return { chart: c, svg: chart.renderToSVGString(), width: CHART_SIZE.width, height };
  } finally {
    chart.dispose();
  }
}

/** CJK fonts where Debian/Ubuntu (fonts-noto-cjk), Fedora and Alpine put them; TIAODU_CHART_FONT first. */
const FONT_FILES = [
  process.env.TIAODU_CHART_FONT,
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
];

let fontFile: string | null | undefined;
/** The first CJK font file present; null: resvg searches the system fonts (slower). */
function cjkFont(): string | null {
  if (fontFile === undefined) fontFile = FONT_FILES.find((f) => f && existsSync(f)) ?? null;
  return fontFile;
}

/**
 * Recently drawn PNGs by the chart's data (not its SVG: ECharts numbers its class names per instance, so the
 * same chart never draws the same SVG twice): downloading the same briefing again costs no rasterising.
 */
const drawn = new Map<string, Promise<Buffer>>();
const KEEP = 24;

/**
 * PNG bytes of a drawn chart at twice its size (sharp in print at the width the Word file shows it). Off the
 * event loop (resvg's thread pool), so a server drawing charts still answers other requests.
 */
export function chartPng(r: RenderedChart): Promise<Buffer> {
  const key = JSON.stringify([r.chart, r.width, r.height]);
  const known = drawn.get(key);
  if (known) return known;
  const font = cjkFont();
  const png = renderAsync(r.svg, {
    background: '#fff',
    fitTo: { mode: 'zoom', value: 2 },
    font: font
      ? { loadSystemFonts: false, fontFiles: [font], defaultFontFamily: 'Noto Sans CJK SC' }
      : { loadSystemFonts: true },
  }).then((img) => img.asPng());
  drawn.set(key, png);
  png.catch(() => drawn.delete(key));
  if (drawn.size > KEEP) drawn.delete(drawn.keys().next().value as string);
  return png;
}
