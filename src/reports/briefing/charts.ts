// The briefing's charts drawn on the server: ECharts renders each to SVG (server-side, no browser), resvg
// rasterises the SVG to PNG for the Word file with a CJK font found on the machine.
import { existsSync } from 'node:fs';
import { renderAsync } from '@resvg/resvg-js';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { CHART_SIZE, chartHeight, chartOption } from '../../core/briefing/chartOption.ts';
import type { BriefingChart } from '../../core/briefing/types.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

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

/**
 * CJK fonts where Debian/Ubuntu, Fedora and Alpine put them, TIAODU_CHART_FONT first. WenQuanYi Micro Hei
 * (fonts-wqy-microhei, 5 MB) before Noto Sans CJK (a 19 MB collection): resvg reads the whole font file for
 * every chart, 75 ms against 560 ms a chart on this machine (measured 2026-12-04).
 */
const FONT_FILES: { file: string | undefined; family: string }[] = [
  { file: process.env.TIAODU_CHART_FONT, family: process.env.TIAODU_CHART_FONT_FAMILY ?? 'Noto Sans CJK SC' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' },
  { file: '/usr/share/fonts/wqy-microhei/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { file: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { file: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf', family: 'Droid Sans Fallback' },
];

let fontFile: { file: string; family: string } | null | undefined;
/** The first CJK font file present; null: resvg searches the system fonts (slower). */
function cjkFont(): { file: string; family: string } | null {
  if (fontFile === undefined) {
    const found = FONT_FILES.find((f) => f.file && existsSync(f.file));
    fontFile = found?.file ? { file: found.file, family: found.family } : null;
  }
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
      ? { loadSystemFonts: false, fontFiles: [font.file], defaultFontFamily: font.family }
      : { loadSystemFonts: true },
  }).then((img) => img.asPng());
  drawn.set(key, png);
  png.catch(() => drawn.delete(key));
  if (drawn.size > KEEP) drawn.delete(drawn.keys().next().value as string);
  return png;
}
