// End to end: the sign-in lock as a user meets it, the audit log page, and every page working under the CSP.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driverName } from '../../store/testing.ts';
import { browserReady, type DemoServer, openApp, SHOTS, startDemo, submitSignIn } from './harness.ts';

describe.skipIf(!browserReady)(
  `sign-in, audit and the content security policy in Chromium on ${driverName}`,
  () => {
    let demo: DemoServer;
    /** Every CSP violation any page reported, as "page: directive blocked-uri". */
    const violations: string[] = [];
    beforeAll(async () => {
      demo = await startDemo();
    });
    afterAll(() => demo?.close());

    const open = (): Promise<Page> =>
      openApp(demo, async (page) => {
        await page.addInitScript(() => {
          document.addEventListener('securitypolicyviolation', (e) =>
            console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
          );
        });
        page.on('console', (m) => {
          if (/Content Security Policy|CSP violation/i.test(m.text()))
            violations.push(`${page.url()}: ${m.text()}`);
        });
      });
    const signIn = (page: Page, name: string, password: string) => submitSignIn(page, name, password);

    it('tells a user who keeps mistyping when the name will be locked, and that it is', async () => {
      const page = await open();
      for (let i = 1; i <= 5; i++) {
        await signIn(page, 'leader', `wrong-guess-${i}`);
        await expect
          .poll(() => page.locator('.ant-alert').innerText())
          .toContain(i === 5 ? '锁定 15 分钟' : '不正确');
      }
      expect(await page.locator('.ant-alert').innerText()).toContain('已连续失败 5 次');
      await signIn(page, 'leader', 'tiaodu-lingdao');
      await expect.poll(() => page.locator('.ant-alert').innerText()).toContain('已暂时锁定');
      expect(await page.getByTestId('user').count()).toBe(0);
      await page.screenshot({ path: join(SHOTS, 'login-locked.png') });
      await page.close();
    });

    it('shows the administrator the audit log, filtered by user and action', async () => {
      const page = await open();
      await signIn(page, 'admin', 'tiaodu-guanli');
      await page.getByText('系统管理', { exact: true }).click();
      await page.getByRole('tab', { name: '审计日志' }).click();
      await page.getByRole('cell', { name: '新增账号' }).first().waitFor();
      await page.getByPlaceholder('用户名').last().fill('leader');
      await page.locator('.ant-select').filter({ hasText: '操作' }).last().click();
      await page.keyboard.type('sign_in_failed');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: /查\s*询/ }).click();
      const rows$ = page.locator('[data-testid="audit-log"] tr.ant-table-row');
      await expect.poll(() => rows$.count()).toBe(6);
      const rows = await rows$.allInnerTexts();
      expect(rows.every((r) => r.includes('leader') && r.includes('登录失败'))).toBe(true);
      const api = await page.evaluate(async () =>
        (await fetch('/api/audit?user=leader&action=sign_in_failed')).json(),
      );
      expect(api).toHaveLength(6);
      await page.screenshot({ path: join(SHOTS, 'audit.png'), fullPage: true });
      await page.close();
    });

    it('draws every page with no content security policy violation', async () => {
      const page = await open();
      await signIn(page, 'admin', 'tiaodu-guanli');
      await page.waitForSelector('[data-testid="card-gdp"]');
      for (const item of ['排位', '指标历史', '目标', '考核', '数据填报', '导入', '文件', '系统管理']) {
        await page.getByText(item, { exact: true }).first().click();
        await page.waitForTimeout(600);
      }
      for (const tab of ['地区分组', '园区与开发区', '指标库', '审计日志', '用户与角色'])
        await page.getByRole('tab', { name: tab }).click();
      await page.waitForTimeout(600);
      // Ant Design's runtime <style> elements and ECharts' canvas are what a too-strict policy would break.
      expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBeGreaterThan(0);
      expect(violations).toEqual([]);
      // The check can fail: an inline script, which the policy forbids, is blocked and reported.
      await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.injected = true';
        document.body.append(s);
      });
      await expect.poll(() => violations.some((v) => v.includes('script-src'))).toBe(true);
      expect(await page.evaluate(() => 'injected' in window)).toBe(false);
      await page.close();
    });
  },
);
