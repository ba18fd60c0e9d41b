// Web benchmark: first page load of the production build in Chromium, and the cockpit's API calls, on the demo city.
// Run: npm run build && npx tsx bench/web.ts   (prints numbers; asserts nothing)
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { loadDemo } from '../src/demo/index.ts';
import { createApp } from '../src/server/app.ts';
import { accountAuth } from '../src/server/auth.ts';
import { openStore } from '../src/store/index.ts';
import { launchChromium } from '../src/web/e2e/browser.ts';

const RUNS = 30;
const db = await openStore({ dataDir: 'memory://' });
await loadDemo(db);
const app = createApp(db, { auth: accountAuth(db), webRoot: join(import.meta.dirname, '../dist/web') });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM region')) as [{ n: number }];
console.log(`demo city: ${n} regions`);

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => (s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0).toFixed(1);
  return `p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  max ${at(1)} ms`;
};

const browser = await launchChromium();
const loads: number[] = [];
const cockpits: number[] = [];
for (let i = 0; i < 5; i++) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  let t = performance.now();
  await page.goto(base, { waitUntil: 'load' });
  await page.getByLabel('用户名').waitFor();
  loads.push(performance.now() - t);
  await page.getByLabel('用户名').fill('analyst');
  await page.getByLabel('密码').fill('tiaodu-fenxi');
  t = performance.now();
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForSelector('[data-testid="card-gdp"]');
  cockpits.push(performance.now() - t);
  await context.close();
}
console.log(`first page load (cold context, to sign-in form)  ${stats(loads)}`);
console.log(`sign-in → cockpit cards shown                    ${stats(cockpits)}`);
await browser.close();

// The cockpit's own calls, signed in, over HTTP on loopback.
const r = await fetch(`${base}/api/session`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ name: 'analyst', password: 'tiaodu-fenxi' }),
});
const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
const time = async (path: string) => {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const res = await fetch(base + path, { headers: { cookie } });
    await res.arrayBuffer();
    ms.push(performance.now() - t);
  }
  return stats(ms);
};
console.log(
  `GET /api/progress (city, explain)   ${await time('/api/progress?region=3301&period=2025-12&explain=1')}`,
);
console.log(
  `GET /api/progress (a district)      ${await time('/api/progress?region=330106&period=2025-12&explain=1')}`,
);
console.log(
  `GET /api/league (districts, yoy)    ${await time('/api/league?indicator=fai&period=2025-12&by=yoy&parent=3301')}`,
);
console.log(
  `GET /api/league (all towns, yoy)    ${await time('/api/league?indicator=fai&period=2025-12&by=yoy')}`,
);
console.log(`GET /api/series (3 years)           ${await time('/api/series?indicator=fai&region=3301')}`);
console.log(`GET /api/regions?parent=3301        ${await time('/api/regions?parent=3301')}`);
console.log(
  `GET a county's towns' figures       ${await time('/api/regions/330127/figures?period=2025-12')}`,
);
server.close();
await db.close();
