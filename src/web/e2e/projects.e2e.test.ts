// End to end: a town reporter updates a key project's month with a photo, the city analyst approves it, the
// board shows the project's new light, and the progress notice downloads with the new figure in it. The demo's
// own projects are there too, so the notice is compared before and after the approval.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importProjectRegister, saveUser } from '../../store/index.ts';
import { projectRatesAt } from '../../store/projectViews.ts';
import { driverName } from '../../store/testing.ts';
import { demoProject, PNG } from './fixtures.ts';
import { browserReady, type DemoServer, signIn, startDemo } from './harness.ts';

const PERIOD = '2025-06';
/** 北山街道, a town of 西湖区, and its reporter. */
const TOWN = { code: '330106002', name: '北山街道' };
const TOWN_USER = { name: 'beishan', password: 'Zhen-tianbao-2026' };

describe.skipIf(!browserReady)(`key projects in the browser on ${driverName}`, () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemo();
    await saveUser(demo.db, { ...TOWN_USER, role: 'reporter', regionCode: TOWN.code });
    await importProjectRegister(demo.db, '项目库.csv', [
      demoProject('XH-1', '云谷智造产业园', TOWN.code),
      demoProject('XH-2', '之江文化中心', TOWN.code, {
        nature: '新建',
        plannedStart: '2025-02-28',
        actualStart: null,
        libraryDate: null,
      }),
    ]);
  }, 300_000);
  afterAll(() => demo?.close());

  const board = async (page: Awaited<ReturnType<typeof signIn>>, region?: string) => {
    await page.goto(`${demo.base}/?board=${Date.now()}#projects`);
    await page
      .getByTestId('project-period')
      .waitFor()
      .catch(async (e) => {
        await page.screenshot({ path: '/tmp/proj-debug.png', fullPage: true });
        throw e;
      });
    if (region) {
      await page.getByTestId('project-region').click();
      await page.locator('.ant-select-item-option').filter({ hasText: region }).first().click();
    }
    await page.getByTestId('project-period').fill(PERIOD);
    await page.getByTestId('project-rates').waitFor();
  };
  const rowOf = (page: Awaited<ReturnType<typeof signIn>>, name: string) =>
    page.getByTestId('project-table').locator('tr').filter({ hasText: name });

  /** The notice workbook's rows, cells joined by |, as the analyst downloads it. */
  const noticeRows = async (page: Awaited<ReturnType<typeof signIn>>) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('notice-xlsx').click(),
    ]);
    const file = join('/tmp', `proj-notice-${Date.now()}.xlsx`);
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    const bytes = await readFile(file);
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const rows: string[][] = [];
    for (const ws of wb.worksheets)
      ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map(String)));
    return rows;
  };

  it('counts a town reporter’s month with a photo once the city analyst approves it, and the notice has it', async () => {
    const reporter = await signIn(demo, TOWN_USER.name, TOWN_USER.password);
    await board(reporter);
    await expect.poll(() => rowOf(reporter, '云谷智造产业园').innerText()).toContain('红灯');
    await reporter.screenshot({ path: '/tmp/proj-board-district.png', fullPage: true });

    await rowOf(reporter, '云谷智造产业园').click();
    const drawer = reporter.getByTestId('update-form');
    await drawer.waitFor();
    await reporter.getByTestId('update-done').fill('550');
    await reporter.getByTestId('update-progress').fill('主体结构封顶');
    await reporter
      .getByTestId('update-photos')
      .setInputFiles({ name: '工地.png', mimeType: 'image/png', buffer: PNG });
    await reporter.getByTestId('update-submit').click();
    await reporter.getByTestId('update-sent').waitFor();
    await reporter.locator('.ant-drawer-body img[alt="工地.png"]').waitFor();
    await reporter.screenshot({ path: '/tmp/proj-update.png', fullPage: true });
    await reporter.keyboard.press('Escape');
    // Waiting for review: the light does not move.
    await expect.poll(() => rowOf(reporter, '云谷智造产业园').innerText()).toContain('红灯');
    await reporter.close();

    const analyst = await signIn(demo, 'analyst', 'tiaodu-fenxi');
    await board(analyst, '西湖区');
    // The town's row of the region table before the approval: the demo's own project there is in it.
    const townDone = (rows: string[][]) => {
      const header = rows.find((r) => r[0] === '名次' && r[1] === '地区') ?? [];
      const row = rows.find((r) => r[1] === TOWN.name && /^\d+$/.test(r[0] ?? ''));
      return Number(row?.[header.indexOf('累计完成(万元)')]);
    };
    const before = townDone(await noticeRows(analyst));
    expect(before).toBeGreaterThan(0);
    await analyst.getByRole('tab', { name: '待审核月报' }).click();
    const waiting = analyst.getByTestId('update-table').locator('tr').filter({ hasText: '云谷智造产业园' });
    await waiting.waitFor();
    expect(await waiting.innerText()).toContain('550');
    await analyst.screenshot({ path: '/tmp/proj-review.png', fullPage: true });
    await waiting.locator('input[type="checkbox"]').check();
    await analyst.getByTestId('approve').click();
    await expect.poll(() => analyst.getByTestId('update-table').innerText()).not.toContain('云谷智造产业园');

    await analyst.getByRole('tab', { name: '项目清单' }).click();
    await expect.poll(() => rowOf(analyst, '云谷智造产业园').innerText()).toContain('绿灯');
    expect(await rowOf(analyst, '云谷智造产业园').innerText()).toContain('45.83%');
    await analyst.screenshot({ path: '/tmp/proj-board-city.png', fullPage: true });
    await analyst.getByRole('tab', { name: '三未项目' }).click();
    await expect.poll(() => analyst.getByTestId('nots-notStarted').innerText()).toContain('之江文化中心');
    await analyst.screenshot({ path: '/tmp/proj-three-nots.png', fullPage: true });

    await analyst.getByRole('tab', { name: '项目清单' }).click();
    await rowOf(analyst, '云谷智造产业园').click();
    await analyst.getByTestId('project-months').waitFor();
    expect(await analyst.getByTestId('project-months').innerText()).toContain('主体结构封顶');
    await analyst.waitForTimeout(500); // the chart's animation
    await analyst.screenshot({ path: '/tmp/proj-project.png', fullPage: true });
    await analyst.keyboard.press('Escape');

    // The approved 550 (万元) is in the town's row of the notice, on top of what was there.
    expect(townDone(await noticeRows(analyst)) - before).toBeCloseTo(550, 2);

    await analyst.goto(`${demo.base}/?cockpit=1#cockpit`);
    await analyst.getByTestId('user').waitFor();
    await analyst.getByTestId('period').fill(PERIOD);
    await analyst.getByTestId('cockpit-projects').waitFor();
    const { red } = await projectRatesAt(demo.db, '3301', { year: 2025, month: 6 });
    expect(await analyst.getByTestId('cockpit-projects').innerText()).toContain(`${red}`);
    await analyst.getByTestId('cockpit-projects').screenshot({ path: '/tmp/proj-cockpit.png' });
    await analyst.close();
  }, 300_000);
});
