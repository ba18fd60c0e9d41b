// End to end at a phone's size: a judge opens the tour's scoring page, a score out of range is refused on the
// page, he enters his two scores, and the results page ranks the regions with the dropped scores struck through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTour,
  enterTourScore,
  importProjectRegister,
  setTourJudges,
  setTourProjects,
} from '../../store/index.ts';
import { driverName } from '../../store/testing.ts';
import { demoProject } from './fixtures.ts';
import { browserReady, type DemoServer, signIn, startDemo } from './harness.ts';

describe.skipIf(!browserReady)(`the inspection tour in the browser on ${driverName}`, () => {
  let demo: DemoServer;
  let id = 0;
  beforeAll(async () => {
    demo = await startDemo();
    const db = demo.db;
    await importProjectRegister(db, '项目库.csv', [
      demoProject('XH-1', '云谷智造产业园', '西湖区', { unit: '西湖区发改局' }),
      demoProject('BJ-1', '滨江芯片厂', '滨江区', { unit: '滨江区经信局' }),
    ]);
    await db.query(
      `INSERT INTO project_report (project_code, year, month, done) VALUES ('XH-1', 2025, 6, 600)`,
    );
    id = (await createTour(db, { name: '二季度项目拉练', date: '2025-06-20', regionCode: '3301' }, 'analyst'))
      .id;
    await setTourProjects(db, id, ['XH-1', 'BJ-1'], 'analyst');
    const judges = ['王局长', '李主任', '张处长', '赵处长', '钱处长'];
    await setTourJudges(
      db,
      id,
      judges.map((name) => ({ name, user: name === '王局长' ? 'leader' : null })),
      'analyst',
    );
    const admin = { name: 'analyst', role: 'analyst' };
    for (const [judge, score] of [
      ['李主任', 80],
      ['张处长', 60],
      ['赵处长', 95],
      ['钱处长', 85],
    ] as const)
      await enterTourScore(db, id, { projectCode: 'XH-1', judge, score }, admin);
    await enterTourScore(db, id, { projectCode: 'BJ-1', judge: '李主任', score: 90 }, admin);
  }, 300_000);
  afterAll(() => demo?.close());

  it('lets a judge score two projects on a phone, and the results rank the regions', async () => {
    const page = await signIn(demo, 'leader', 'tiaodu-lingdao');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${demo.base}/#tours/${id}/score`);
    const cards = page.getByTestId('tour-card');
    await expect.poll(() => cards.count()).toBe(2);
    const first = cards.nth(0);
    expect(await first.innerText()).toContain('本年完成率 50%（截至 2025-06）');
    expect(await page.getByTestId('tour-judge').innerText()).toContain('王局长');

    await first.getByTestId('tour-score-input').fill('101');
    await first.getByTestId('tour-score-save').click();
    await expect.poll(() => first.innerText()).toContain('分数应为 0–100 之间的数');

    await first.getByTestId('tour-score-input').fill('92');
    await first.getByTestId('tour-score-save').click();
    await expect.poll(() => first.innerText()).toContain('已保存 92 分');
    const second = cards.nth(1);
    await second.getByTestId('tour-score-input').fill('70');
    await second.getByTestId('tour-score-save').click();
    await expect.poll(() => second.innerText()).toContain('已保存 70 分');
    // Nothing wider than the phone: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: '/tmp/tour-phone.png', fullPage: true });

    // XH-1: 92 80 60 95 85 → 60 and 95 dropped → 85.67; BJ-1: 90, 70 → 80. 西湖区 first, 滨江区 second.
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('link', { name: '查看结果' }).click();
    const regions = page.getByTestId('tour-regions');
    await expect.poll(() => regions.innerText()).toMatch(/1\s+西湖区\s+1\s+85\.67[\s\S]*2\s+滨江区\s+1\s+80/);
    const struck = page.getByTestId('tour-projects').locator('del');
    expect(await struck.allInnerTexts()).toEqual(['60', '95']);
    expect(await page.getByTestId('tour-projects').innerText()).toMatch(/王局长 92/);
    await page.screenshot({ path: '/tmp/tour-results.png', fullPage: true });
  });

  it('shows the analyst the projects visited and the judges with their accounts, ready to change', async () => {
    const page = await signIn(demo, 'analyst', 'tiaodu-fenxi');
    await page.goto(`${demo.base}/#tours/${id}`);
    await page.getByRole('tab', { name: '项目与评委' }).click();
    const judges = page.getByTestId('tour-judges');
    await expect.poll(() => judges.inputValue()).toBe('王局长 leader\n李主任\n张处长\n赵处长\n钱处长');
    // The names come with the register, which may arrive after the tour itself.
    await expect
      .poll(() => page.getByTestId('tour-pick-projects').innerText())
      .toMatch(/XH-1 云谷智造产业园（西湖区）[\s\S]*BJ-1 滨江芯片厂（滨江区）/);
    await page.screenshot({ path: '/tmp/tour-setup.png', fullPage: true });
  });
});
