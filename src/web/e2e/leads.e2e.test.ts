// End to end: the city analyst opens the 招商项目 tab of the projects page, sees the rates and the districts
// ranked, promotes a lead to a key project, the project's drawer names the lead it came from, and the link is
// undone again.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedLead } from '../../core/projects/parsed.ts';
import { importLeads, listAudit } from '../../store/index.ts';
import { driverName } from '../../store/testing.ts';
import { browserReady, type DemoServer, SHOTS, signIn, startDemo } from './harness.ts';

const at = { line: 2, region: { line: 2, column: 'C' }, unit: { line: 2, column: 'D' } };
const lead = (code: string, name: string, regionText: string, extra: Partial<ParsedLead>): ParsedLead => ({
  code,
  name,
  regionText,
  unit: `${regionText}投资促进局`,
  industry: '数字经济',
  contract: 10000,
  signed: '2025-03-10',
  registered: null,
  started: null,
  producing: null,
  fundsArrived: 0,
  at,
  ...extra,
});

describe.skipIf(!browserReady)(`investment leads in the browser on ${driverName}`, () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemo();
    // Only the leads below, whatever leads the demo city brings: the figures checked are worked from them.
    await demo.db.query('DELETE FROM investment_lead');
    await importLeads(demo.db, '招商项目.csv', [
      lead('ZS-01', '云栖算力中心', '西湖区', {
        contract: 60000,
        registered: '2025-04-01',
        started: '2025-05-20',
        fundsArrived: 24000,
      }),
      lead('ZS-02', '之江生物医药基地', '西湖区', {
        industry: '生物医药',
        contract: 25000,
        fundsArrived: 3000,
      }),
      lead('ZS-03', '滨江集成电路设计园', '滨江区', {
        industry: '集成电路',
        contract: 80000,
        registered: '2025-02-20',
        started: '2025-04-15',
        producing: '2025-06-18',
        fundsArrived: 52000,
      }),
      lead('ZS-04', '余杭智能网联汽车', '余杭区', {
        industry: '先进制造',
        contract: 45000,
        registered: '2025-05-08',
        fundsArrived: 9000,
      }),
      lead('ZS-05', '萧山跨境电商园', '萧山区', {
        industry: '现代服务业',
        contract: 12000,
        signed: '2025-06-28',
      }),
      lead('ZS-06', '上城数字文旅项目', '上城区', { industry: '文旅', contract: 30000, signed: null }),
    ]);
  }, 300_000);
  afterAll(() => demo?.close());

  it('shows the city’s rates and ranked districts, promotes a lead, and the project names its source', async () => {
    const page = await signIn(demo, 'analyst', 'tiaodu-fenxi');
    await page.goto(`${demo.base}/?leads=1#projects`);
    await page.getByTestId('project-period').waitFor();
    await page.getByTestId('project-period').fill('2025-06');
    await page.getByRole('tab', { name: '招商项目' }).click();
    const rates = page.getByTestId('lead-rates');
    // Five signed by June (ZS-06 not yet): 222000; registered 3 → 60 %; funds 88000 / 222000 = 39.64 %.
    await expect.poll(() => rates.innerText()).toContain('222,000');
    expect(await rates.innerText()).toContain('60%');
    expect(await rates.innerText()).toContain('39.64%');
    await page.screenshot({ path: '/tmp/leads-list.png', fullPage: true });

    await page.getByRole('tab', { name: '分地区' }).click();
    const areas = page.getByTestId('lead-by-area');
    // 西湖 60000 + 25000 = 85000 ranks before 滨江 80000.
    await expect.poll(() => areas.locator('tr.ant-table-row').first().innerText()).toContain('西湖区');
    expect(await areas.locator('tr.ant-table-row').nth(1).innerText()).toContain('滨江区');
    await page.screenshot({ path: '/tmp/leads-areas.png', fullPage: true });

    await page.getByRole('tab', { name: '招商项目清单' }).click();
    await page.getByTestId('promote-ZS-03').click();
    await page.getByTestId('promote-project').fill('BJ-ZS-03');
    await page.getByRole('button', { name: /确\s*定/ }).click();
    const link = page.getByTestId('lead-project-ZS-03');
    await link.waitFor();
    await link.click();
    const source = page.getByTestId('lead-source');
    await source.waitFor();
    expect(await source.innerText()).toContain('ZS-03 滨江集成电路设计园');
    await page.screenshot({ path: '/tmp/leads-drawer.png', fullPage: true });

    // The link was wrong: undone behind a confirmation, the lead offers the promotion again.
    await page.keyboard.press('Escape');
    await page.getByTestId('unlink-ZS-03').click();
    const confirm = page.locator('.ant-popconfirm');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain('该项目仍保留在项目库中');
    await page.waitForTimeout(500); // faded in
    await page.screenshot({ path: join(SHOTS, 'leads-unlink-confirm.png') });
    await confirm.getByRole('button', { name: '撤销关联' }).click();
    await page.getByTestId('promote-ZS-03').waitFor();
    expect(await page.getByTestId('lead-project-ZS-03').count()).toBe(0);
    const audit = await listAudit(demo.db, { action: 'lead.unlink' });
    expect(audit.map((a) => [a.user, a.object])).toEqual([['analyst', 'ZS-03']]);
    await page.screenshot({ path: join(SHOTS, 'leads-unlinked.png'), fullPage: true });
  }, 120_000);
});
