// End to end: the league (考核排名) on a laptop screen. The office publishes May and June of the demo scheme (June
// with a veto); the leader opens the ranking read-only, the vetoed town last with its reason; a town's account sees
// only its own row until the admin turns on 允许各地查看已发布的考核排名, then the whole published ranking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCHEME } from '../../demo/assess.ts';
import { createUser } from '../../store/accounts.ts';
import { findRegionCandidates } from '../../store/regions.ts';
import { driverName } from '../../store/testing.ts';
import { apiAs, browserReady, type DemoServer, signIn, startDemo } from './harness.ts';

const LAPTOP = { width: 1366, height: 768 };

describe.skipIf(!browserReady)(`the assessment league in Chromium on ${driverName}`, () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startAndPublish();
  });
  afterAll(() => demo?.close());

  async function startAndPublish(): Promise<DemoServer> {
    const d = await startDemo();
    const office = await apiAs(d.base, 'analyst', 'tiaodu-fenxi');
    await office('POST', '/api/assess/publish', { scheme: DEMO_SCHEME, period: '2025-05' });
    await office('POST', '/api/assess/publish', {
      scheme: DEMO_SCHEME,
      period: '2025-06',
      inputs: [{ region: '转塘街道', item: '安全生产', value: '否决', note: '发生较大安全事故' }],
    });
    const [beishan] = await findRegionCandidates(d.db, '北山街道');
    await createUser(d.db, 'admin', {
      name: 'beishan',
      role: 'reporter',
      regionCode: beishan?.code ?? null,
      password: 'tiaodu-zhenjie',
    });
    return d;
  }

  it('opens the last published ranking to the leader, read-only, the vetoed town last with its reason', async () => {
    const page = await signIn(demo, 'leader', 'tiaodu-lingdao');
    await page.setViewportSize(LAPTOP);
    await page.getByRole('menuitem', { name: '考核' }).click();
    await page.getByTestId('assess-league').waitFor();
    expect(await page.getByTestId('assess-league-caption').innerText()).toMatch(
      /「2025年西湖区镇街经济考核」2025-06，第1版，analyst发布于\d{4}-\d\d-\d\d；位次变化与2025-05相比/,
    );
    await expect.poll(() => page.getByTestId('assess-region').count()).toBe(12);
    const regions = await page.getByTestId('assess-region').allInnerTexts();
    expect(regions.at(-1)).toBe('转塘街道');
    expect(await page.getByTestId('assess-veto-reason').innerText()).toBe('安全生产：发生较大安全事故');
    // Nothing to edit: no office tab, no run or publish button.
    expect(await page.getByRole('tab', { name: '考核办' }).count()).toBe(0);
    expect(await page.getByTestId('assess-run').count()).toBe(0);
    expect(await page.getByTestId('assess-own-only').count()).toBe(0);
    await page.screenshot({ path: '/tmp/assessin-leader.png' });
    await page.close();
  });

  it('shows a town its own row until the admin lets everyone see the published ranking', async () => {
    const town = await signIn(demo, 'beishan', 'tiaodu-zhenjie');
    await town.setViewportSize(LAPTOP);
    await town.getByRole('menuitem', { name: '考核' }).click();
    await town.getByTestId('assess-own-only').waitFor();
    expect(await town.getByTestId('assess-region').allInnerTexts()).toEqual(['北山街道']);
    await town.screenshot({ path: '/tmp/assessin-town.png' });

    const admin = await signIn(demo, 'admin', 'tiaodu-guanli');
    await admin.setViewportSize(LAPTOP);
    await admin.getByRole('menuitem', { name: '系统管理' }).click();
    await admin.getByRole('tab', { name: '系统设置' }).click();
    const toggle = admin.getByTestId('setting-public-ranking');
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
    await admin.getByText('已开启：各地可查看已发布的考核排名').waitFor();
    await admin.screenshot({ path: '/tmp/assessin-settings.png' });
    await admin.close();

    await town.reload();
    await town.getByRole('menuitem', { name: '考核' }).click();
    await expect.poll(() => town.getByTestId('assess-region').count()).toBe(12);
    expect(await town.getByTestId('assess-own-only').count()).toBe(0);
    await town.screenshot({ path: '/tmp/assessin-town-public.png' });
    await town.close();
  });
});
