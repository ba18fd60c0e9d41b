// End to end: the project drawer says 开工以来累计完成 with its share of 总投资 (3000 + 5000 + 2000 of 40000), and a
// city administrator names a leader's 包联领导 on the users page — the leader's own projects follow that name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedProject } from '../../core/projects/parsed.ts';
import { importProjectRegister } from '../../store/index.ts';
import { driverName } from '../../store/testing.ts';
import { apiAs, browserReady, type DemoServer, signIn, startDemo } from './harness.ts';

const NAME = '跨年示范产业园';
const project: ParsedProject = {
  code: 'ZZ-CUM',
  name: NAME,
  regionText: '330106',
  unit: null,
  leader: '王副市长',
  level: '市重点',
  type: '产业',
  nature: '续建',
  totalInvestment: 40000,
  annualPlan: 4000,
  plannedStart: '2023-03-31',
  actualStart: '2023-03-10',
  plannedFinish: null,
  actualFinish: null,
  libraryDate: '2023-04-30',
  at: { line: 2, region: { line: 2, column: 'C' }, unit: { line: 2, column: 'D' } },
};

describe.skipIf(!browserReady)(
  `since the start and the 包联领导 name in the browser on ${driverName}`,
  () => {
    let demo: DemoServer;
    beforeAll(async () => {
      demo = await startDemo();
      await importProjectRegister(demo.db, '项目库.csv', [project]);
      // 2023 ends with December's 3000, 2024 was reported up to October (5000), 2025 has 2000 by June.
      await demo.db.query(
        `INSERT INTO project_report (project_code, year, month, done) VALUES
       ('ZZ-CUM', 2023, 12, 3000), ('ZZ-CUM', 2024, 10, 5000), ('ZZ-CUM', 2025, 6, 2000)`,
      );
    }, 300_000);
    afterAll(() => demo?.close());

    it('shows 10000 万元 since the start, 25% of the total, in the project drawer', async () => {
      const page = await signIn(demo, 'analyst', 'tiaodu-fenxi');
      await page.goto(`${demo.base}/?board=${Date.now()}#projects`);
      await page.getByTestId('project-period').waitFor();
      await page.getByTestId('project-period').fill('2025-06');
      await page.getByTestId('project-rates').waitFor();
      // The demo's own projects fill the first page: the board's search finds ours.
      const search = page.getByPlaceholder('搜索项目名称或编号');
      await search.fill(NAME);
      await search.press('Enter');
      await page.getByTestId('project-table').locator('tr').filter({ hasText: NAME }).click();
      const line = page.getByTestId('since-start');
      await expect.poll(() => line.innerText()).toBe('10000 万元，占总投资 25%');
      await page.getByTestId('project-drawer').getByText('本年累计完成').first().waitFor();
      await page.screenshot({ path: '/tmp/cumul-drawer.png' });
    });

    it('lets the city administrator name the leader’s 包联领导, and the leader’s projects follow it', async () => {
      const page = await signIn(demo, 'admin', 'tiaodu-guanli');
      await page.goto(`${demo.base}/?users=${Date.now()}#admin`);
      // The demo's leader account (its 包联领导 name is the demo's; renamed here).
      const row = page.locator('tr').filter({ has: page.getByRole('cell', { name: 'leader', exact: true }) });
      await row.getByRole('button', { name: '包联领导姓名' }).click();
      await page.getByTestId('leader-name').fill('王副市长');
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await expect
        .poll(() => page.locator('tr').filter({ hasText: '王副市长' }).first().innerText())
        .toContain('leader');
      await page.screenshot({ path: '/tmp/cumul-users.png' });
      const asLeader = await apiAs(demo.base, 'leader', 'tiaodu-lingdao');
      const mine = await asLeader<{ leaderName: string; projects: { code: string; sinceStart?: number }[] }>(
        'GET',
        '/api/projects/mine?region=3301&period=2025-06',
      );
      expect(mine.leaderName).toBe('王副市长');
      expect(mine.projects.map((p) => [p.code, p.sinceStart])).toEqual([['ZZ-CUM', 10000]]);
    });
  },
);
