// End to end: the 考核 page in a real Chromium against the real server on the demo city — the office moves weight
// from one item to another, runs the scheme again, reads the new ranking and its formulas, publishes it, and the
// notice it downloads has the winner's row; 西湖区's reporter then reads the published scores of its towns.
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driverName } from '../../store/testing.ts';
import { browserReady, type DemoServer, SHOTS, signIn, startDemo } from './harness.ts';

/** Each table row of a Word document as its cells' text joined by "|". */
async function docxRows(file: string): Promise<string[]> {
  const { readFile } = await import('node:fs/promises');
  const zip = await JSZip.loadAsync(await readFile(file));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml
    .split(/<w:tr[ >]/)
    .slice(1)
    .map((tr) =>
      tr
        .split('<w:tc>')
        .slice(1)
        .map((tc) => tc.replace(/<[^>]+>/g, ''))
        .join('|'),
    );
}

describe.skipIf(!browserReady)(`the 考核 page in Chromium on ${driverName}`, () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemo();
  });
  afterAll(() => demo?.close());

  it('reruns with changed weights, explains the new points, publishes, and the notice has the new winner', async () => {
    const page = await signIn(demo, 'analyst', 'tiaodu-fenxi');
    await page.getByRole('menuitem', { name: '考核' }).click();
    await expect.poll(() => page.getByTestId('assess-version').innerText()).toContain('第1版');
    const regions = () => page.getByTestId('assess-region').allInnerTexts();

    await page.getByTestId('assess-run').click();
    await page.getByTestId('assess-ranking').waitFor();
    // With 30 points on investment and 30 on industry, 北山街道 leads (25.50 + 28.38 + 16 + 20 = 89.88).
    expect((await regions())[0]).toBe('北山街道');
    expect(await page.getByTestId('assess-total').first().innerText()).toBe('89.88');

    // Investment 30 → 50 and industry 30 → 10: the total stays 100, so the scheme still checks.
    await page.getByRole('tab', { name: '方案', exact: true }).click();
    const weight = (i: number) =>
      page.locator(`input[data-testid="assess-weight-${i}"], [data-testid="assess-weight-${i}"] input`);
    await weight(0).fill('50');
    await weight(1).fill('10');
    await expect.poll(() => page.getByTestId('assess-weight-sum').innerText()).toContain('100');
    await page.screenshot({ path: join(SHOTS, 'assess-scheme.png'), fullPage: true });
    await page.getByTestId('assess-run').click();
    // 转塘街道 is first on investment growth (5%): 50 × 1 = 50; its industry 6.8% in a range 3.6–8.8 now earns
    // 10 × (0.6 + 0.4 × 3.2 / 5.2) = 8.46; with 16 and 15.20 unchanged that is 89.66. 北山街道 falls to
    // 50 × 0.85 + 10 × (0.6 + 0.4 × 4.5 / 5.2) + 16 + 20 = 42.5 + 9.46 + 36 = 87.96.
    await expect.poll(async () => (await regions())[0]).toBe('转塘街道');
    expect((await regions())[1]).toBe('北山街道');
    expect(await page.getByTestId('assess-total').first().innerText()).toBe('89.66');
    expect(await page.getByTestId('assess-total').nth(1).innerText()).toBe('87.96');

    // The row opens to every item's one-line formula; the points cell shows its own in a popover.
    const first = page.getByTestId('assess-group').locator('tbody tr.ant-table-row').first();
    await first.locator('.ant-table-row-expand-icon').click();
    const list = page.getByTestId('assess-explain-list').first();
    expect(await list.innerText()).toContain('增速5%，组内第1名，50×(1−0.05×0)=50.00分');
    expect(await list.innerText()).toContain('10×(0.6+0.4×(6.8−3.6)/(8.8−3.6))=8.46分');
    await first.getByTestId('assess-points').first().hover();
    await expect
      .poll(() => page.getByTestId('assess-explain-popover').first().innerText())
      .toContain('50×(1−0.05×0)=50.00分');
    await page.screenshot({ path: '/tmp/assess.png', fullPage: true });
    await page.screenshot({ path: join(SHOTS, 'assess.png'), fullPage: true });

    await page.getByTestId('assess-publish').click();
    await expect.poll(() => page.getByTestId('assess-ran').innerText()).toContain('已发布');
    // Publishing froze version 1 with the new weights.
    await expect.poll(() => page.getByTestId('assess-version').innerText()).toContain('已发布');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('assess-docx').click(),
    ]);
    const file = join(SHOTS, 'assess-notice.docx');
    await download.saveAs(file);
    const rows = await docxRows(file);
    expect(rows[0]).toBe(
      '名次|地区|总分|固定资产投资增速|规上工业增加值增速|一般公共预算收入增速|税收收入增速|安全生产|加分|减分|位次变化',
    );
    expect(rows[1]?.startsWith('1|转塘街道|89.66|50.00|8.46|16.00|15.20|')).toBe(true);
    expect(rows[2]?.startsWith('2|北山街道|87.96|42.50|9.46|16.00|20.00|')).toBe(true);

    // September against the published June: each town's move is its June place minus its place now.
    const june = new Map((await regions()).map((r, i) => [r, i + 1]));
    await page.getByTestId('assess-period').fill('2025-09');
    await page.getByTestId('assess-run').click();
    await expect.poll(() => page.getByTestId('assess-ran').innerText()).toContain('试算');
    const moves = await page
      .getByTestId('assess-group')
      .locator('tbody tr.ant-table-row')
      .evaluateAll((trs) =>
        trs.map((tr) => {
          const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '');
          return { rank: Number(cells[1]), region: cells[2] ?? '', move: cells.at(-1) ?? '' };
        }),
      );
    expect(moves).toHaveLength(12);
    for (const m of moves) {
      const region = m.region.replace(/红榜|黑榜/g, '');
      const c = (june.get(region) as number) - m.rank;
      expect(m.move, region).toBe(c === 0 ? '—' : c > 0 ? `↑${c}` : `↓${-c}`);
    }
    expect(moves.some((m) => m.move !== '—')).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'assess-september.png'), fullPage: true });
    await page.close();
  });

  it('shows 西湖区’s reporter the published scores of its towns', async () => {
    const page = await signIn(demo, 'xihu', 'tiaodu-tianbao');
    await page.getByRole('menuitem', { name: '考核' }).click();
    await expect
      .poll(async () => (await page.getByTestId('assess-region').allInnerTexts())[0])
      .toBe('转塘街道');
    expect(await page.getByTestId('assess-region').count()).toBe(12);
    await page.screenshot({ path: join(SHOTS, 'assess-district.png'), fullPage: true });
    await page.close();
  });
});
