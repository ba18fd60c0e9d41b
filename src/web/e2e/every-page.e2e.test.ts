// End to end: every page of the app for a city, a district and a town user, in Chinese and in English — no
// failing request, no console error, and in English no Chinese in the interface (data names aside).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driverName } from '../../store/testing.ts';
import type { Lang } from '../i18n.ts';
import { apiAs, browserReady, type DemoServer, signIn, startDemo } from './harness.ts';

/** The pages of App.tsx's menu (and the account page behind 修改密码), and who sees which. */
const PAGES = [
  'cockpit',
  'league',
  'briefing',
  'projects',
  'history',
  'targets',
  'assess',
  'entry',
  'review',
  'import',
  'documents',
  'tasks',
  'admin',
  'account',
];
const ANALYSTS_ONLY = new Set(['review', 'import', 'admin']);
const pagesOf = (role: string) =>
  PAGES.filter((p) => role === 'admin' || role === 'analyst' || !ANALYSTS_ONLY.has(p));

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g;

/** What a visit went wrong with: requests that failed or answered ≥ 400, console errors, uncaught exceptions. */
function watch(page: Page): { problems: string[]; settled: () => Promise<void> } {
  const problems: string[] = [];
  let open = 0;
  let quietSince = Date.now();
  const started = () => open++;
  const ended = () => {
    open = Math.max(0, open - 1);
    quietSince = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  page.on('requestfailed', (r) =>
    problems.push(`failed ${r.method()} ${r.url()}: ${r.failure()?.errorText}`),
  );
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
  /**
   * Done when no request is open, no spinner spins and none was for a while: Playwright's 'networkidle' can
   * come while the app is still parsing the chunk that will make the page's requests.
   */
  const settled = async () => {
    for (;;) {
      await page.waitForTimeout(250);
      const spinning = await page.locator('.ant-spin-spinning').count();
      if (open === 0 && spinning === 0 && Date.now() - quietSince > 1500) return;
    }
  };
  return { problems, settled };
}

/**
 * The interface text of the page: every visible text node and placeholder, except inside an element marked
 * `data-content` (a document the server writes in Chinese, such as the briefing).
 */
const interfaceText = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const el = n.parentElement;
      // lang: a word in another language on purpose (the language switch reads 中文).
      if (!el || el.closest('[data-content], [lang^="zh"], script, style')) continue;
      if (el.getClientRects().length === 0) continue;
      out.push(n.textContent ?? '');
    }
    for (const el of document.querySelectorAll('[placeholder]'))
      out.push(el.getAttribute('placeholder') ?? '');
    return out.join('\n');
  });

describe.skipIf(!browserReady)(`every page for a city, a district and a town user on ${driverName}`, () => {
  let demo: DemoServer;
  /** Names that are data, not interface: regions, indicators and units, groups, documents. */
  let dataNames: string[] = [];
  const TOWN_USER = { name: 'town-analyst', password: 'Xiaoshan-town-2026' };
  let townName = '';

  beforeAll(async () => {
    demo = await startDemo();
    const admin = await apiAs(demo.base, 'admin', 'tiaodu-guanli');
    type Region = { code: string; name: string };
    const top = await admin<Region[]>('GET', '/api/regions');
    const districts = (
      await Promise.all(top.map((r) => admin<Region[]>('GET', `/api/regions?parent=${r.code}`)))
    ).flat();
    const towns = (
      await Promise.all(districts.map((r) => admin<Region[]>('GET', `/api/regions?parent=${r.code}`)))
    ).flat();
    // The town user: an analyst of the first town of 西湖区, made through the API as an administrator would.
    const xihuTowns = await admin<Region[]>('GET', '/api/regions?parent=330106');
    const town = xihuTowns[0] as Region;
    townName = town.name;
    await admin('POST', '/api/users', { ...TOWN_USER, role: 'analyst', region: town.code });
    const indicators = await admin<{ name: string; unit: string; aliases?: string[] }[]>(
      'GET',
      '/api/indicators',
    );
    const groups = await admin<{ name: string; description: string | null }[]>('GET', '/api/groups');
    const documents = await admin<{ title: string }[]>('GET', '/api/documents');
    dataNames = [
      ...[...top, ...districts, ...towns].map((r) => r.name),
      ...indicators.flatMap((i) => [i.name, i.unit, ...(i.aliases ?? [])]),
      ...groups.flatMap((g) => [g.name, g.description ?? '']),
      ...documents.map((d) => d.title),
    ]
      .filter((s) => s.length > 0)
      // Longest first, so 规模以上工业增加值 goes before 工业增加值 could cut it in two.
      .sort((a, b) => b.length - a.length);
  }, 300_000);
  afterAll(() => demo?.close());

  /** Chinese left in the interface text once the data names are taken out, each with a little context. */
  const chineseIn = (text: string): string[] => {
    let rest = text;
    for (const name of dataNames) rest = rest.replaceAll(name, ' ');
    const around = (i: number, n: number) => rest.slice(Math.max(0, i - 20), i + n + 20).replace(/\s+/g, ' ');
    return [...rest.matchAll(CJK)].map((m) => `${m[0]} in "${around(m.index, m[0].length).trim()}"`);
  };

  const users = [
    { who: 'a city analyst', name: 'analyst', password: 'tiaodu-fenxi', role: 'analyst' },
    { who: 'a district reporter (西湖区)', name: 'xihu', password: 'tiaodu-tianbao', role: 'reporter' },
    { who: 'a town analyst', name: TOWN_USER.name, password: TOWN_USER.password, role: 'analyst' },
  ];
  for (const u of users) {
    for (const lang of ['zh', 'en'] as Lang[]) {
      it(`shows ${u.who} every page in ${lang === 'zh' ? 'Chinese' : 'English'} without a failed request or a console error`, async () => {
        const page = await signIn(demo, u.name, u.password, lang);
        const { problems, settled } = watch(page);
        await settled();
        const chinese: string[] = [];
        for (const [i, key] of pagesOf(u.role).entries()) {
          const before = problems.length;
          // A new query string makes a full load, so the app opens at the page the hash names.
          await page.goto(`${demo.base}/?visit=${i}#${key}`);
          await page.getByTestId('user').waitFor();
          await settled();
          for (let k = before; k < problems.length; k++) problems[k] = `${key}: ${problems[k]}`;
          if (lang === 'en') {
            const text = await interfaceText(page);
            // The check reads the interface at all: the English menu is there.
            expect(text).toContain('Sign out');
            chinese.push(...chineseIn(text).map((s) => `${key}: ${s}`));
          }
        }
        expect(problems).toEqual([]);
        expect([...new Set(chinese)]).toEqual([]);
        await page.close();
      }, 300_000);
    }
  }

  it('signs the town user in to their own town', async () => {
    const page = await signIn(demo, TOWN_USER.name, TOWN_USER.password, 'zh');
    await watch(page).settled();
    expect(await page.locator('body').innerText()).toContain(townName);
    await page.close();
  }, 120_000);
});
