// The scoring script on the real work reports: target extraction must keep precision ≥ 0.95 and recall ≥ 0.9.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labelledReports } from './fixtures/workReportTargets.ts';
import { heldOutReports } from './fixtures/workReportTargetsHeldOut.ts';
import { REPORTS_DIR, scoreAll } from './score.ts';

const present = existsSync(REPORTS_DIR);
if (!present) console.warn(`跳过目标抽取评分：找不到 ${REPORTS_DIR}`);

describe.skipIf(!present)('target extraction scored on hand-labelled 2024 work reports', () => {
  it('labels at least 15 reports by hand', () => {
    expect(labelledReports.length).toBeGreaterThanOrEqual(15);
  });

  it.each([
    ['the reports looked at while building', labelledReports],
    ['the held-out reports, labelled apart from the extractor', heldOutReports],
  ])('finds the labelled targets of %s with precision ≥ 0.95 and recall ≥ 0.9', (_, set) => {
    const { precision, recall, reports } = scoreAll(set);
    const n = reports.reduce((s, r) => s + r.labelled, 0);
    console.log(
      `目标抽取：${reports.length} 份工作报告，${n} 个标注目标，准确率 ${precision.toFixed(3)}，召回率 ${recall.toFixed(3)}`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
