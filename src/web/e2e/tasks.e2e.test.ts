// End to end: the office gives a task to 西湖区经信局; the unit's account sees the reminder, reports with a file;
// the office sends the report back once with a reason, then closes the task after the second report; the
// notice counts it as done on time.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNotice } from '../../core/tasks/notice.ts';
import { addUnit, linkUnitUser, listTaskRows, requireRegion, requireUnit } from '../../store/index.ts';
import { driverName } from '../../store/testing.ts';
import { apiAs, browserReady, type DemoServer, SHOTS, signIn, startDemo } from './harness.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!browserReady)(`supervision in Chromium on ${driverName}`, () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemo();
    const xihu = await requireRegion(demo.db, '西湖区');
    await addUnit(demo.db, xihu.code, '西湖区经信局');
    await linkUnitUser(demo.db, (await requireUnit(demo.db, '西湖区经信局')).id, 'xihu', 'admin');
  });
  afterAll(() => demo?.close());

  it('lets a unit report with a file, the office return it once and then close the task', async () => {
    const office = await apiAs(demo.base, 'analyst', 'tiaodu-fenxi');
    // Due the day after tomorrow: 2 days left, within the 3-day window — blue, with a reminder.
    const task = await office<{ id: number }>('POST', '/api/supervision/tasks', {
      region: '西湖区',
      title: '规上工业企业培育',
      lead: ['西湖区经信局'],
      due: day(2),
    });

    const unit = await signIn(demo, 'xihu', 'tiaodu-tianbao');
    await unit.getByText('督办', { exact: true }).click();
    await unit.getByTestId('task-reminder').waitFor();
    expect(await unit.getByTestId('task-reminder').innerText()).toContain(
      '1 项任务临近截止：规上工业企业培育',
    );
    const row = unit.locator('[data-testid="task-table"] tr.ant-table-row', { hasText: '规上工业企业培育' });
    expect(await row.innerText()).toMatch(/蓝灯[\s\S]*未报送/);
    await row.getByRole('button', { name: /报送进展/ }).click();
    await unit.getByRole('dialog').getByRole('spinbutton').fill('60');
    await unit.getByPlaceholder('进展说明').fill('已完成摸排');
    const file = join(SHOTS, '培育台账.txt');
    writeFileSync(file, '企业名单');
    await unit.getByTestId('report-file').setInputFiles(file);
    await unit
      .getByRole('button', { name: /报\s*送/ })
      .last()
      .click();
    await expect.poll(async () => await row.innerText()).toMatch(/60[\s\S]*办理中/);

    const desk = await signIn(demo, 'analyst', 'tiaodu-fenxi');
    await desk.getByText('督办', { exact: true }).click();
    const deskRow = desk.locator('[data-testid="task-table"] tr.ant-table-row', {
      hasText: '规上工业企业培育',
    });
    await deskRow.getByRole('button', { name: /审\s*核/ }).click();
    const dialog = desk.getByRole('dialog');
    await dialog.getByText('培育台账.txt').waitFor();
    await dialog.getByPlaceholder('退回理由').fill('缺少企业名单');
    await dialog.getByRole('button', { name: /退\s*回/ }).click();
    await dialog.getByText('已退回：缺少企业名单').waitFor();
    await desk.keyboard.press('Escape');

    await unit.reload();
    const again = unit.locator('[data-testid="task-table"] tr.ant-table-row', {
      hasText: '规上工业企业培育',
    });
    expect(await again.innerText()).toMatch(/未报送/);
    await again.getByRole('button', { name: /报送进展/ }).click();
    await unit.getByRole('dialog').getByRole('spinbutton').fill('100');
    await unit
      .getByRole('button', { name: /报\s*送/ })
      .last()
      .click();
    await expect.poll(async () => await again.innerText()).toMatch(/100/);

    await desk.reload();
    await desk
      .locator('[data-testid="task-table"] tr.ant-table-row', { hasText: '规上工业企业培育' })
      .getByRole('button', { name: /审\s*核/ })
      .click();
    await desk
      .getByRole('dialog')
      .getByRole('button', { name: /办\s*结/ })
      .click();
    const closed = desk.locator('[data-testid="task-table"] tr.ant-table-row', {
      hasText: '规上工业企业培育',
    });
    await expect.poll(async () => await closed.innerText()).toMatch(/已办结/);
    await desk.screenshot({ path: join(SHOTS, 'tasks-closed.png') });

    const notice = buildNotice(await listTaskRows(demo.db, { today: day(0), id: task.id }), day(0));
    expect(notice.byUnit).toEqual([
      { unit: '西湖区经信局', assigned: 1, doneOnTime: 1, doneLate: 0, overdue: 0, inHand: 0 },
    ]);
    await unit.close();
    await desk.close();
  }, 300_000);
});
