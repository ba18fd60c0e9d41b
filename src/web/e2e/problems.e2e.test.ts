// End to end: a district reporter enters a problem of its project with a due day already past; the drawer's
// 问题清单 shows it overdue in red, the board's problem column and 有逾期问题 filter follow, and solving it clears
// the filter. Days are counted from the server's clock (the demo runs on today).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../core/tasks/days.ts';
import { importProjectRegister, setLeaderName } from '../../store/index.ts';
import { driverName } from '../../store/testing.ts';
import { demoProject } from './fixtures.ts';
import { browserReady, type DemoServer, signIn, startDemo } from './harness.ts';

const PERIOD = '2025-06';
describe.skipIf(!browserReady)(`the problem list in the browser on ${driverName}`, () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemo();
    await importProjectRegister(demo.db, '项目库.csv', [
      demoProject('XH-1', '云谷智造产业园', '西湖区', { leader: '张三' }),
      demoProject('XH-2', '之江文化中心', '西湖区', { leader: '李四' }),
    ]);
  }, 300_000);
  afterAll(() => demo?.close());

  it('shows a problem past its due day in red, on the board too, until it is solved', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const page = await signIn(demo, 'xihu', 'tiaodu-tianbao');
    await page.goto(`${demo.base}/?board=${Date.now()}#projects`);
    await page.getByTestId('project-period').fill(PERIOD);
    await page.getByTestId('project-rates').waitFor();
    const rowOf = (name: string) => page.getByTestId('project-table').locator('tr').filter({ hasText: name });
    await rowOf('云谷智造产业园').click();
    await page.getByTestId('problem-form').waitFor();

    const enter = async (description: string, due: string) => {
      await page.getByTestId('problem-description').fill(description);
      await page.getByTestId('problem-coordinator').fill('区规划资源分局');
      await page.getByTestId('problem-due').fill(due);
      await page.getByTestId('problem-add').click();
      await page.getByTestId('problem-list').locator('tr').filter({ hasText: description }).waitFor();
    };
    await enter('用地指标未落实', addDays(today, -3));
    await enter('施工许可待办', today);
    const list = page.getByTestId('problem-list');
    const row = (text: string) => list.locator('tr').filter({ hasText: text });
    expect(await row('用地指标未落实').innerText()).toContain('逾期 3 天');
    expect(await row('施工许可待办').innerText()).toContain('未解决');
    expect(await row('施工许可待办').innerText()).not.toContain('逾期');
    expect(await list.locator('.ant-card-head').innerText()).toContain('问题清单（未解决 2，逾期 1）');
    await page.getByTestId('problem-list').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/problems-drawer.png' });
    await page.keyboard.press('Escape');

    await expect.poll(() => rowOf('云谷智造产业园').innerText()).toContain('逾期 1/2');
    await page.getByTestId('filter-overdue').click();
    await expect.poll(() => page.getByTestId('project-table').innerText()).not.toContain('之江文化中心');
    expect(await page.getByTestId('project-table').innerText()).toContain('云谷智造产业园');
    await page.screenshot({ path: '/tmp/problems-board.png', fullPage: true });

    await rowOf('云谷智造产业园').click();
    const id = (await row('用地指标未落实').getByRole('button').getAttribute('data-testid')) ?? '';
    await page.getByTestId(id).click();
    await page.getByTestId('problem-note').fill('已协调落实');
    await page.locator('.ant-modal').getByRole('button', { name: '标记解决' }).click();
    await expect.poll(() => row('用地指标未落实').innerText()).toContain('逾期解决');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('project-table').innerText()).not.toContain('云谷智造产业园');
    await page.close();
  }, 120_000);

  it('lets a leader linked to 张三 keep to the projects he is 包联领导 of', async () => {
    await setLeaderName(demo.db, 'admin', 'leader', '张三');
    const page = await signIn(demo, 'leader', 'tiaodu-lingdao');
    await page.goto(`${demo.base}/?board=${Date.now()}#projects`);
    await page.getByTestId('project-region').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '西湖区' }).first().click();
    await page.getByTestId('project-period').fill(PERIOD);
    await page.getByTestId('project-rates').waitFor();
    const mine = page.getByText('我包联的项目（1）');
    await mine.waitFor();
    await mine.click();
    await expect.poll(() => page.getByTestId('project-table').innerText()).not.toContain('之江文化中心');
    expect(await page.getByTestId('project-table').innerText()).toContain('云谷智造产业园');
    // A leader reads the problem list but has no form to add to it.
    await page.getByTestId('project-table').locator('tr').filter({ hasText: '云谷智造产业园' }).click();
    await page.getByTestId('problem-list').waitFor();
    expect(await page.getByTestId('problem-form').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.screenshot({ path: '/tmp/problems-leader.png', fullPage: true });
    await page.close();
  }, 120_000);
});
