// End to end: a value that looks like a slip, typed into the entry form, is asked about in a dialog, kept with the
// reason given there, and the reason shows in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driverName } from '../../store/testing.ts';
import { browserReady, type DemoServer, signIn, startDemo } from './harness.ts';

describe.skipIf(!browserReady)(`implausible entry in Chromium on ${driverName}`, () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemo();
  });
  afterAll(() => demo?.close());

  it('asks about a cumulative typed as 1, keeps it with the reason given, and shows the reason in the audit', async () => {
    const page = await signIn(demo, 'admin', 'tiaodu-guanli');
    await page.getByText('数据填报', { exact: true }).click();
    const value = page.getByTestId('value-fai');
    await value.waitFor();
    const period = await page.getByTestId('entry-period').inputValue();
    await value.fill('1');
    await page.getByRole('button', { name: /提\s*交/ }).click();

    // 1 亿元 for a city's 固定资产投资 is far under a tenth of last year's: the server asks, the page shows why.
    const dialog = page.getByTestId('implausible-dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(
      /本期 1\.00亿元 只有上年同期 [\d,.]+亿元 的 [\d.]+%，不到十分之一/,
    );
    const confirm = page.getByRole('button', { name: '确认无误，提交' });
    expect(await confirm.isDisabled()).toBe(true);
    const reason = '试填：核对口径用，稍后更正';
    await page.getByTestId('implausible-reason').fill(reason);
    await confirm.click();
    await expect.poll(() => page.getByText(/已保存 1 项数据/).count()).toBe(1);

    const saved = await page.evaluate(
      async (p) =>
        (await (await fetch(`/api/series?indicator=fai&region=3301&from=${p}&to=${p}`)).json())[0]?.value,
      period,
    );
    expect(saved).toBe(1);

    await page.getByText('系统管理', { exact: true }).click();
    await page.getByRole('tab', { name: '审计日志' }).click();
    const row = page
      .locator('[data-testid="audit-log"] tr.ant-table-row', { hasText: `fai ${period}` })
      .first();
    await row.waitFor();
    expect(await row.innerText()).toContain(`原因：${reason}`);
    expect(await row.innerText()).toMatch(/确认的疑点：.*本期 1\.00亿元 只有上年同期/);
    await page.close();
  });
});
