// The briefing as a printable web page (one server-rendered string): A4 print margins, the same outline,
// headings and tables as the DOCX.

import { cellText, outline } from '../../core/briefing/outline.ts';
import type { Briefing, BriefingTable } from '../../core/briefing/types.ts';
import { chartSvg } from './charts.ts';

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const STYLE = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: "FangSong", "仿宋_GB2312", "仿宋", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 28pt;
  max-width: 156mm; margin: 2em auto; color: #000; }
h1 { font-family: "方正小标宋简体", "STZhongsong", "Noto Serif CJK SC", serif; font-weight: normal; font-size: 22pt;
  text-align: center; line-height: 1.5; margin: 0 0 1em; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-weight: normal; font-size: 16pt; margin: 0; text-indent: 2em; }
h3 { font-family: "KaiTi", "楷体_GB2312", "楷体", serif; font-weight: normal; font-size: 16pt; margin: 0; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
.appendix { break-before: page; }
figure.chart { margin: .5em 0 1em; text-align: center; break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; }
figure.chart figcaption { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 12pt; }
.appendix h4 { font-family: "SimHei", "黑体", sans-serif; font-weight: normal; margin: 1em 0 0; }
.appendix h5 { font-size: 18pt; font-weight: normal; text-align: center; margin: .3em 0 .6em; }
table { border-collapse: collapse; width: 100%; font-size: 10.5pt; line-height: 1.4; }
th, td { border: 1px solid #000; padding: 2px 4px; }
th { font-weight: bold; } td.n { text-align: right; } thead { display: table-header-group; }
`;

function table(t: BriefingTable, i: number): string {
  const head = t.header.map((h) => `<th>${esc(h)}</th>`).join('');
  const rows = t.rows
    .map(
      (r, k) =>
        `<tr>${r.map((v, j) => `<td${typeof v === 'number' ? ' class="n"' : ''}>${esc(cellText(v, t.digits[j] ?? null, t.rowDigits?.[k]))}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<h4>附表${i + 1}</h4><h5>${esc(t.title)}</h5><table><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

/** The HTML page of a briefing. */
export function briefingHtml(b: Briefing): string {
  const body = outline(b)
    .map((block) => {
      if (block.kind === 'heading1') return `<h2>${esc(block.text)}</h2>`;
      if (block.kind === 'heading2') return `<h3>${esc(block.text)}</h3>`;
      if (block.kind === 'chart') {
        const chart = b.charts.find((c) => c.key === block.key);
        // ECharts' SVG escapes its own text; the page takes it as it is, printable at any size.
        return chart
          ? `<figure class="chart" data-chart="${esc(block.key)}">${chartSvg(chart).svg}<figcaption>${esc(block.caption)}</figcaption></figure>`
          : '';
      }
      return `<p>${block.lead ? `<strong>${esc(block.lead)}</strong>` : ''}${esc(block.text)}</p>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(b.title)}</title><style>${STYLE}</style></head>
<body><h1>${esc(b.title)}</h1>
${body}
<section class="appendix">${b.tables.map(table).join('\n')}</section>
</body></html>
`;
}
