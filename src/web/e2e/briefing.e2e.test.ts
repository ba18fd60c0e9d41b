// End to end: the 通报 page in a real Chromium against the real server on the demo city — a number opens its
// explanation, an analyst rewrites a paragraph and saves a version, the versions drawer says who changed what.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driverName } from '../../store/testing.ts';
import { browserReady, type DemoServer, SHOTS, signIn, startDemo } from './harness.ts';

describe.skipIf(!browserReady)(`the 通报 page in Chromium on ${driverName}`, () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemo();
  });
  afterAll(() => demo?.close());

  const briefingOf = async (name: string, password: string): Promise<Page> => {
    const page = await signIn(demo, name, password);
    await page.getByRole('menuitem', { name: '通报' }).click();
    await page.locator('[data-testid="briefing-region"]').click();
    await page.locator('.ant-select-item-option', { hasText: '西湖区' }).click();
    await page.getByPlaceholder('YYYY-MM').fill('2025-06');
    await page.waitForSelector('[data-testid="briefing-number"]');
    return page;
  };

  it('opens a number’s explanation, then saves a rewritten paragraph as version 1 and lists the change', async () => {
    const page = await briefingOf('analyst', 'tiaodu-fenxi');
    const gdp = page.locator('[data-testid="briefing-paragraph"]', { hasText: '上半年，全区地区生产总值' });
    // 0.1 is the growth above the city's (5.0 − 4.9), each rounded first.
    await gdp.locator('[data-testid="briefing-number"]', { hasText: /^0\.1$/ }).click();
    const why = page.locator('[data-testid="briefing-explanation"]');
    await expect.poll(() => why.innerText()).toContain('本地区增速 − 上级增速');
    expect(await why.innerText()).toContain('4.9');
    await page.screenshot({ path: join(SHOTS, 'briefing-explanation.png') });
    await page.keyboard.press('Escape');

    await gdp.getByRole('button', { name: /编\s*辑/ }).click();
    const editor = page.locator('[data-testid="briefing-editor"] textarea');
    await editor.fill('上半年，全区地区生产总值同比增长5.6%。');
    await expect
      .poll(() => page.locator('[data-testid="briefing-editor"]').innerText())
      .toContain('「5.6」不是本节的数据');
    await editor.fill('上半年，全区地区生产总值同比增长5.0%，增速保持稳定。');
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await page.locator('[data-testid="briefing-save"]').click();
    await expect
      .poll(() => page.locator('[data-testid="briefing-paragraph"]', { hasText: '增速保持稳定' }).innerText())
      .toContain('已改写');
    await page.locator('[data-testid="briefing-versions-open"]').click();
    const drawer = page.locator('[data-testid="briefing-versions"]');
    await expect.poll(() => drawer.innerText()).toContain('第1版 · analyst');
    expect(await drawer.innerText()).toContain('删去的数字：1054.53');
    await page.screenshot({ path: join(SHOTS, 'briefing-versions.png') });
    await page.close();
  });

  it('shows a reporter no edit button, and not the analyst’s edit of a paragraph that states the city’s growth', async () => {
    // A reporter may not see other regions' figures (league.peerFigures): his GDP paragraph has no 全市 clause,
    // so the edit made on the analyst's paragraph (which had one) is not his to see.
    const page = await briefingOf('xihu', 'tiaodu-tianbao');
    const gdp = page.locator('[data-testid="briefing-paragraph"]', { hasText: '上半年，全区地区生产总值' });
    expect(await gdp.innerText()).not.toContain('全市（');
    expect(await page.getByText('增速保持稳定').count()).toBe(0);
    expect(await page.getByRole('button', { name: /编\s*辑/ }).count()).toBe(0);
    await page.close();
  });
});
