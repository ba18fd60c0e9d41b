// Scores target extraction against the hand-labelled main-target passages of the 2024 work reports:
// precision and recall of (indicator, value, unit, comparator) within each labelled passage.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from './extract.ts';
import { type LabelledReport, type LabelledTarget, labelledReports } from './fixtures/workReportTargets.ts';
import { heldOutReports } from './fixtures/workReportTargetsHeldOut.ts';
import { mapIndicator } from './indicators.ts';
import { normalize } from './normalize.ts';
import type { ExtractedTarget } from './targets.ts';

export const REPORTS_DIR = join(import.meta.dirname, '../../../../shared/corpus/work-reports-2024');

export interface ReportScore {
  file: string;
  labelled: number;
  found: number;
  matched: number;
  missed: LabelledTarget[];
  wrong: ExtractedTarget[];
  /** Matched targets whose strength (确保/力争/预期, unmarked read as 预期) agrees with the label. */
  strengthAgrees: number;
}

const plain = (s: string) => s.replace(/["“”\s（）()]/g, '').replace(/^(?:全市|全省|全区)/, '');

/** Same indicator: both map to one catalogue entry, or one name contains the other. */
function sameIndicator(label: LabelledTarget, t: ExtractedTarget): boolean {
  const code = mapIndicator(label.indicator)?.code;
  if (code && t.indicatorCode) return code === t.indicatorCode;
  const a = plain(label.indicator);
  const b = plain(t.subject);
  return a.includes(b) || b.includes(a);
}

const sameQuantity = (l: LabelledTarget, t: ExtractedTarget) =>
  Math.abs(l.value - t.value) < 1e-9 &&
  (l.valueHi ?? null) === (t.valueHi ?? null) &&
  l.unit === t.unit &&
  l.cmp === t.cmp;

export function scoreReport(report: LabelledReport, raw: string): ReportScore {
  const { text } = normalize(raw);
  const from = text.indexOf(report.anchor);
  const to = from < 0 ? -1 : text.indexOf(report.end, from) + report.end.length;
  if (from < 0 || to < from) throw new Error(`${report.file}: 标注的段落在规范化后的文本中找不到`);
  const found = extract(text).targets.filter((t) => t.start >= from && t.start < to);
  const missed = [...report.targets];
  const wrong: ExtractedTarget[] = [];
  let strengthAgrees = 0;
  for (const t of found) {
    const i = missed.findIndex((l) => sameQuantity(l, t) && sameIndicator(l, t));
    if (i >= 0) strengthAgrees += missed.splice(i, 1)[0]?.strength === (t.strength ?? 'expected') ? 1 : 0;
    else wrong.push(t);
  }
  return {
    file: report.file,
    labelled: report.targets.length,
    found: found.length,
    matched: found.length - wrong.length,
    missed,
    wrong,
    strengthAgrees,
  };
}

export interface Score {
  precision: number;
  recall: number;
  reports: ReportScore[];
}

export function scoreAll(labelled: LabelledReport[] = labelledReports, dir = REPORTS_DIR): Score {
  const reports = labelled.map((r) => scoreReport(r, readFileSync(join(dir, r.file), 'utf8')));
  const sum = (k: 'labelled' | 'found' | 'matched') => reports.reduce((n, r) => n + r[k], 0);
  return { precision: sum('matched') / sum('found'), recall: sum('matched') / sum('labelled'), reports };
}

function print(name: string, { precision, recall, reports }: Score): void {
  for (const r of reports) {
    if (r.missed.length === 0 && r.wrong.length === 0) continue;
    console.log(`${r.file}: 标注 ${r.labelled}，抽取 ${r.found}，正确 ${r.matched}`);
    for (const m of r.missed)
      console.log(`  漏: ${m.indicator} ${m.cmp} ${m.value}${m.valueHi ? `–${m.valueHi}` : ''}${m.unit}`);
    for (const w of r.wrong)
      console.log(
        `  错: ${w.subject}→${w.indicator} ${w.cmp} ${w.value}${w.valueHi ? `–${w.valueHi}` : ''}${w.unit}`,
      );
  }
  const n = reports.reduce((s, r) => s + r.labelled, 0);
  const matched = reports.reduce((s, r) => s + r.matched, 0);
  const strength = reports.reduce((s, r) => s + r.strengthAgrees, 0);
  console.log(
    `${name}：${reports.length} 份工作报告，${n} 个标注目标：准确率 ${precision.toFixed(3)}，召回率 ${recall.toFixed(3)}，` +
      `力度一致 ${strength}/${matched}\n`,
  );
}

if (process.argv[1]?.endsWith('score.ts')) {
  print('调试集（开发时对照）', scoreAll(labelledReports));
  print('留出集（开发时未看）', scoreAll(heldOutReports));
}
