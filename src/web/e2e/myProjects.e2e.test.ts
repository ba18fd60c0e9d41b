// End to end: the demo's leader is 包联领导 of some of the city's key projects; its cockpit lists exactly those
// in a 我包联的项目 card (light, name, region, completion against time, reasons), a row opens the project's
// drawer, and the analyst or a leader of no project sees no such card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveUser } from '../../store/index.ts';
import { driverName } from '../../store/testing.ts';
import { browserReady, type DemoServer, SHOTS, signIn, startDemo } from './harness.ts';

describe.skipIf(!browserReady)(`a leader's 包联 projects on the cockpit in Chromium on ${driverName}`, () => {
  let demo: DemoServer;
  /** The register's projects whose 包联领导 is the name the leader account goes by, read from the tables. */
  let expected: string[];
  /** Each of those projects' region, by project name. */
  let regionOf: Map<string, string>;
  beforeAll(async () => {
    demo = await startDemo();
    const rows = await demo.db.query<{ name: string; region: string }>(
      `SELECT p.name, r.name AS region FROM project p
         JOIN app_user u ON u.name = 'leader' AND p.leader = u.leader_name
         JOIN region r ON r.code = p.region_code
       ORDER BY p.name`,
    );
    expected = rows.map((r) => r.name);
    regionOf = new Map(rows.map((r) => [r.name, r.region]));
    await saveUser(demo.db, {
      name: 'leader2',
      role: 'leader',
      regionCode: null,
      password: 'tiaodu-lingdao-2',
    });
  }, 300_000);
  afterAll(() => demo?.close());

  it('lists exactly the leader’s projects, each opening its drawer', async () => {
    expect(expected.length).toBeGreaterThan(1);
    const page = await signIn(demo, 'leader', 'tiaodu-lingdao');
    const card = page.getByTestId('cockpit-mine');
    await card.waitFor();
    expect(await card.locator('.ant-card-head').innerText()).toContain(`我包联的项目（${expected.length}）`);
    const rows = card.locator('tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(expected.length);
    const names = await card.locator('tr.ant-table-row [data-content]').allInnerTexts();
    expect([...names].sort()).toEqual([...expected].sort());
    // Every row: a light, a region, completion beside 时序进度; a red or yellow one says why.
    for (const text of await rows.allInnerTexts()) {
      const [light, name = '', region] = text.split('\t').map((c) => c.trim());
      expect(light).toMatch(/^[红黄绿]灯$/);
      expect(region).toBe(regionOf.get(name));
      expect(text).toMatch(/时序进度 [\d.]+%/);
      if (!text.includes('绿灯')) expect(text.split('\t').at(-1)?.trim()).not.toBe('—');
    }
    await page.screenshot({ path: `${SHOTS}/cockpit-mine.png`, fullPage: true });
    await card.screenshot({ path: `${SHOTS}/cockpit-mine-card.png` });

    const first = expected[0] as string;
    await rows.filter({ hasText: first }).click();
    const drawer = page.getByTestId('project-drawer');
    await drawer.waitFor();
    await expect.poll(() => drawer.innerText()).toContain(`${first}：项目详情`);
    await page.waitForTimeout(1500); // the chart's animation done
    await page.screenshot({ path: `${SHOTS}/cockpit-mine-drawer.png` });
    await page.close();
  }, 120_000);

  it('shows no such card to the analyst, nor to a leader of no project', async () => {
    for (const [name, password] of [
      ['analyst', 'tiaodu-fenxi'],
      ['leader2', 'tiaodu-lingdao-2'],
    ] as const) {
      const page = await signIn(demo, name, password);
      await page.getByTestId('cockpit-projects').waitFor();
      // The key-project panel has come; give the 包联 request as long again before saying it showed nothing.
      await page.waitForTimeout(1500);
      expect(await page.getByTestId('cockpit-mine').count()).toBe(0);
      await page.close();
    }
  }, 120_000);
});
