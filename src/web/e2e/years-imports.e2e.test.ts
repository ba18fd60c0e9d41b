// End to end on the demo city: a national NBS file imports with its skip summary on the import page, and a
// work report's review shows the report's own year, which the reviewer can change and the targets follow.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.ts';
import { publishPeriod } from '../../store/index.ts';
import { driverName } from '../../store/testing.ts';
import { browserReady, type DemoServer, SHOTS, signIn, startDemo } from './harness.ts';

if (!browserReady) console.warn('跳过浏览器测试：需要 /usr/bin/chromium 和构建好的网页（npm run build）');

const NATIONAL = [
  '数据库：主要城市年度数据',
  '指标：地区生产总值(亿元)',
  '时间：最近2年',
  '地区,2024年,2023年',
  '北京市,49843.1,47731.6',
  '杭州市,21860,20059',
  '上海市,53926.7,51404.5',
  '数据来源：国家统计局',
].join('\n');

const REPORT = [
  '**政府工作报告**',
  '——2024年1月20日在杭州市人民代表大会上',
  '各位代表：',
  '**一、2023年工作回顾**',
  '2023年地区生产总值增长5.6%，一般公共预算收入增长8.1%。',
  '**二、2024年主要工作**',
  '今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，一般公共预算收入增长6%。',
].join('\n');

describe.skipIf(!browserReady)(`imports and document years in Chromium on ${driverName}`, () => {
  let demo: DemoServer;
  let db: Db;
  beforeAll(async () => {
    demo = await startDemo();
    db = demo.db;
  });
  afterAll(() => demo?.close());

  const analyst = (): Promise<Page> => signIn(demo, 'analyst', 'tiaodu-fenxi');

  it('imports a national NBS file into the city, saying once which regions it skipped', async () => {
    const page = await analyst();
    await page.getByText('导入', { exact: true }).click();
    await page
      .getByTestId('upload')
      .setInputFiles({ name: '主要城市.csv', mimeType: 'text/csv', buffer: Buffer.from(NATIONAL) });
    await page.waitForSelector('[data-testid="preview"]');
    expect(await page.getByTestId('skipped').innerText()).toBe(
      '跳过 4 行：北京市、上海市不是本系统载入的地区，这些行未导入',
    );
    await page.screenshot({ path: join(SHOTS, 'import-skipped.png'), fullPage: true });
    await page.getByRole('button', { name: /确认导入/ }).click();
    await expect
      .poll(() => page.getByText(/^已导入 主要城市\.csv：新增 \d，更新 \d，未变 \d；跳过 4 行/).count())
      .toBe(1);
    const [v] = await db.query<{ value: number }>(
      "SELECT value FROM observation WHERE region_code = '3301' AND indicator_code = 'gdp' AND year = 2024 AND month = 12",
    );
    expect(v?.value).toBe(21860);
    expect(await page.locator('body').innerText()).not.toMatch(/命令行|tiaodu /);
    await page.close();
  });

  it('asks for a reason on the import page when a file changes a published period, and imports with it', async () => {
    await publishPeriod(db, '330106', 2025, 6, '市分析员');
    const page = await analyst();
    await page.getByText('导入', { exact: true }).click();
    const csv = '指标,地区,期间,数值\n固定资产投资,西湖区,2025-06,987.5\n';
    await page
      .getByTestId('upload')
      .setInputFiles({ name: '更正.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForSelector('[data-testid="import-reason"]');
    expect(await page.locator('body').innerText()).not.toMatch(/命令行|--reason/);
    await page.getByTestId('import-reason').fill('统计局年报修正');
    await page.getByRole('button', { name: '填写原因后重新试导入' }).click();
    await page.waitForSelector('[data-testid="preview"]');
    await page.screenshot({ path: join(SHOTS, 'import-reason.png'), fullPage: true });
    await page.getByRole('button', { name: /确认导入/ }).click();
    await expect.poll(() => page.getByText(/^已导入 更正\.csv：新增 0，更新 1/).count()).toBe(1);
    const [h] = await db.query<{ new_value: number; reason: string }>(
      "SELECT new_value, reason FROM observation_history WHERE region_code = '330106' AND indicator_code = 'fai' AND year = 2025 AND month = 6 ORDER BY id DESC LIMIT 1",
    );
    expect(h).toEqual({ new_value: 987.5, reason: '统计局年报修正' });
    await page.close();
  });

  it('shows a report’s own year on review, and re-dates its targets when the reviewer changes it', async () => {
    const page = await analyst();
    await page.getByText('文件', { exact: true }).first().click();
    await page
      .getByTestId('document-upload')
      .setInputFiles({ name: '2024报告.txt', mimeType: 'text/plain', buffer: Buffer.from(REPORT) });
    const year = page.getByTestId('document-year').locator('input');
    await expect.poll(() => year.inputValue()).toBe('2024');
    const targets = page.getByRole('tab', { name: /目标/ });
    expect(await targets.innerText()).toBe('目标（2）');
    // Last year's 5.6% is a result, not a target.
    expect(await page.getByRole('listitem').filter({ hasText: '5.6%' }).count()).toBe(0);
    const gdp = page.getByRole('listitem').filter({ hasText: '5.5%' });
    expect(await gdp.innerText()).toContain('2024年');
    await page.screenshot({ path: join(SHOTS, 'document-year.png'), fullPage: true });

    await year.fill('2025');
    await page.getByRole('button', { name: '改定年度' }).click();
    await expect.poll(() => page.getByText('已改为 2025 年').count()).toBe(1);
    await expect.poll(() => gdp.innerText()).toContain('2025年');
    await page.screenshot({ path: join(SHOTS, 'document-year-changed.png'), fullPage: true });
    await gdp.getByRole('button', { name: '采纳' }).click();
    await expect.poll(() => gdp.getByText('已采纳').count()).toBe(1);
    const years = await db.query<{ year: number }>(
      "SELECT year FROM target WHERE region_code = '3301' AND indicator_code = 'gdp' AND source = '文件：2024报告'",
    );
    expect(years).toEqual([{ year: 2025 }]);
    await page.close();
  });
});
