// End to end: the built web app in a real Chromium, against the real server on the demo city.
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../demo/index.ts';
import { createApp } from '../../server/app.ts';
import { accountAuth } from '../../server/auth.ts';
import type { Db } from '../../store/db.ts';
import { driverName, freshStore } from '../../store/testing.ts';

const CHROMIUM = '/usr/bin/chromium';
const WEB = join(import.meta.dirname, '../../../dist/web');
const SHOTS = join(import.meta.dirname, '../../../screenshots');
const ready = existsSync(CHROMIUM) && existsSync(join(WEB, 'index.html'));
if (!ready)
  console.warn(
    '跳过浏览器测试：需要 /usr/bin/chromium（apt-get install chromium）和构建好的网页（npm run build）',
  );

describe.skipIf(!ready)(`the web app in Chromium on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let server: ReturnType<typeof serve>;
  let base: string;
  let browser: Browser;
  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await loadDemo(db);
    const app = createApp(db, { auth: accountAuth(db), webRoot: WEB });
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server.close(r));
    await drop();
  });

  const signIn = async (name: string, password: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(base);
    await page.getByLabel('用户名').fill(name);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    return page;
  };

  it('refuses a wrong password on the sign-in page', async () => {
    const page = await signIn('analyst', 'not-the-password');
    await expect.poll(() => page.getByText('用户名或密码不正确').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'login-error.png') });
    await page.close();
  });

  it('shows the cockpit with the same numbers as the API, and signs out', async () => {
    const page = await signIn('analyst', 'tiaodu-analyst');
    await page.waitForSelector('[data-testid="card-budget_revenue"]');
    const api = await page.evaluate(async () =>
      (await fetch('/api/progress?region=3301&period=2025-12')).json(),
    );
    const budget = api.rows.find((r: { indicatorCode: string }) => r.indicatorCode === 'budget_revenue');
    const shown = await page
      .locator('[data-testid="card-budget_revenue"] [data-testid="actual"]')
      .innerText();
    expect(Number(shown.replace(/[^\d.]/g, ''))).toBeCloseTo(budget.actual, 2);
    const gdp = api.rows.find((r: { indicatorCode: string }) => r.indicatorCode === 'gdp');
    const gdpShown = await page.locator('[data-testid="card-gdp"] [data-testid="actual"]').innerText();
    expect(Number(gdpShown.replace(/[^\d.-]/g, ''))).toBeCloseTo(gdp.actual, 2);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SHOTS, 'cockpit.png'), fullPage: true });
    await page.getByRole('button', { name: /退\s*出/ }).click();
    await expect.poll(() => page.getByLabel('用户名').count()).toBe(1);
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
    await page.close();
  });

  it('ranks districts in the league table as the API does', async () => {
    const page = await signIn('leader', 'tiaodu-leader');
    await page.waitForSelector('[data-testid="card-gdp"]');
    await page.getByText('排位', { exact: true }).click();
    await page.waitForSelector('[data-testid="league"] tbody tr:nth-child(13)');
    const first = await page.locator('[data-testid="league"] tbody tr').first().innerText();
    const api = await page.evaluate(async () =>
      (await fetch('/api/league?indicator=fai&period=2025-12&by=yoy&parent=3301')).json(),
    );
    expect(first).toContain(api[0].region);
    await page.screenshot({ path: join(SHOTS, 'league.png'), fullPage: true });
    await page.close();
  });

  it('refuses a reporter’s request for another district', async () => {
    const page = await signIn('xihu', 'tiaodu-xihu');
    await page.waitForSelector('[data-testid="user"]');
    const own = await page.evaluate(
      async () => (await fetch('/api/progress?region=330106&period=2025-06')).status,
    );
    const other = await page.evaluate(
      async () => (await fetch('/api/progress?region=330108&period=2025-06')).status,
    );
    expect(own).toBe(200);
    expect(other).toBe(403);
    await page.close();
  });
});
