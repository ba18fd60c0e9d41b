// 200 simulated users of a served demo city: each signs in once, then opens its district's cockpit and the
// league page again and again, asking exactly what the web app asks, six connections at a time like a browser.
// Run: npx tsx bench/load.ts [--users 200] [--seconds 30] [--think MS] [--no-cache]   (prints numbers)
import http from 'node:http';
import { parseArgs } from 'node:util';
import { signIn, startServed, stats } from './lib/served.ts';

const { values } = parseArgs({
  options: {
    users: { type: 'string' },
    seconds: { type: 'string' },
    think: { type: 'string' },
    'no-cache': { type: 'boolean' },
  },
});
const USERS = Number(values.users ?? 200);
const SECONDS = Number(values.seconds ?? 30);
const THINK_MS = Number(values.think ?? 0);
const INDICATORS = ['fai', 'industrial_va', 'retail_sales', 'budget_revenue', 'tax_revenue', 'gdp'];

type Timing = { endpoint: string; ms: number; cold: boolean; status: number };
const timings: Timing[] = [];
/** Whole page loads: every request a page makes, from the first to the last answer. */
const pages: Timing[] = [];
let resets = 0;

/** The endpoint a path belongs to, with region codes left out: /api/regions/:code/figures. */
const endpointOf = (path: string) =>
  (path.split('?')[0] ?? path)
    .replace(/^\/api\/regions\/[^/]+/, '/api/regions/:code')
    .replace(/^\/api\//, '');

class Browser {
  // Idle connections are dropped before the server's 5 s keep-alive timeout would close them under a request.
  private agent = new http.Agent({ keepAlive: true, maxSockets: 6, timeout: 4000 });
  cold = true;
  constructor(
    private port: number,
    private headers: Record<string, string>,
  ) {}

  /**
   * A GET as a browser sends it; a kept-alive connection the server just closed is retried once, as browsers
   * do. The answer is parsed only when the caller reads it (`read`), to keep the load generator's own work small.
   */
  async get<T>(path: string, read = false): Promise<T> {
    try {
      return await this.once<T>(path, read);
    } catch (e) {
      if ((e as { code?: string }).code !== 'ECONNRESET') throw e;
      resets++;
      return this.once<T>(path, read);
    }
  }

  private once<T>(path: string, read: boolean): Promise<T> {
    const t = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: this.port, path, agent: this.agent, headers: this.headers },
        (res) => {
          res.on('error', reject);
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            timings.push({
              endpoint: endpointOf(path),
              ms: performance.now() - t,
              cold: this.cold,
              status: res.statusCode ?? 0,
            });
            try {
              resolve((read ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined) as T);
            } catch (e) {
              reject(e);
            }
          });
        },
      );
      req.on('error', reject);
    });
  }
}

type Region = { code: string; parentCode: string | null };
type Overview = { rows: { indicator: string; target: number | null; targetKind: string | null }[] };
const q = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(params)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  ).toString();

/** What Cockpit.tsx (with useRegionTree and SubRegionTable) asks for a district user, wave by wave. */
async function cockpit(b: Browser, region: string): Promise<string> {
  await b.get('/api/me');
  await b.get<Region>(`/api/regions/${region}`, true);
  await b.get(`/api/regions?${q({ parent: region })}`);
  const { period } = await b.get<{ period: string }>(`/api/periods/latest?${q({ region })}`, true);
  // One read model for the panels; the sub-regions' progress colours the map of children.
  const [overview] = await Promise.all([
    b.get<Overview>(`/api/overview?${q({ region, period })}`, true),
    b
      .get<Region[]>(`/api/regions?${q({ parent: region })}`, true)
      .then((ks) => Promise.all(ks.map((k) => b.get(`/api/progress?${q({ region: k.code, period })}`)))),
    b.get(`/api/regions/${region}/figures?${q({ period })}`),
  ]);
  const trend = overview.rows.find((r) => r.target !== null && r.targetKind === 'growth')?.indicator;
  if (trend) await b.get(`/api/series?${q({ indicator: trend, region })}`);
  return period;
}

/** What League.tsx asks when a district user opens it and picks an indicator. */
async function leaguePage(b: Browser, region: string, indicator: string): Promise<void> {
  const [, , , , { period }] = await Promise.all([
    b.get('/api/indicators'),
    b.get('/api/groups'),
    b.get(`/api/regions/${region}`),
    b.get(`/api/regions?${q({ parent: region })}`),
    b.get<{ period: string }>(`/api/periods/latest?${q({ region })}`, true),
  ]);
  await b.get(`/api/league?${q({ indicator, period, by: 'yoy', parent: region, explain: 1 })}`);
}

const served = await startServed({ cache: !values['no-cache'] });
try {
  const port = Number(new URL(served.base).port);
  const admin = await signIn(served.base, 'admin', 'tiaodu-guanli');
  const post = (path: string, body: unknown) =>
    fetch(served.base + path, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const districts = (
    (await (await fetch(`${served.base}/api/regions?parent=3301`, { headers: admin })).json()) as Region[]
  ).map((r) => r.code);
  for (const code of districts)
    await post('/api/users', {
      name: `bench_${code}`,
      role: 'reporter',
      region: code,
      password: 'bench-password-1',
    });
  console.log(
    `${USERS} users over ${districts.length} districts, ${SECONDS} s, think ${THINK_MS} ms, cache ${values['no-cache'] ? 'off' : 'on'}`,
  );
  const t0 = performance.now();
  const users: { browser: Browser; region: string }[] = [];
  for (let i = 0; i < USERS; i++) {
    const region = districts[i % districts.length] ?? '330106';
    users.push({
      browser: new Browser(port, await signIn(served.base, `bench_${region}`, 'bench-password-1')),
      region,
    });
  }
  console.log(`signed in ${USERS} users in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const deadline = performance.now() + SECONDS * 1000;
  let loads = 0;
  await Promise.all(
    users.map(async ({ browser, region }, i) => {
      for (let round = 0; performance.now() < deadline; round++) {
        let t = performance.now();
        await cockpit(browser, region);
        pages.push({ endpoint: 'cockpit', ms: performance.now() - t, cold: browser.cold, status: 200 });
        t = performance.now();
        await leaguePage(browser, region, INDICATORS[(i + round) % INDICATORS.length] ?? 'fai');
        pages.push({ endpoint: 'league', ms: performance.now() - t, cold: browser.cold, status: 200 });
        loads++;
        browser.cold = false;
        if (THINK_MS > 0) await new Promise((r) => setTimeout(r, THINK_MS));
      }
    }),
  );
  const failed = timings.filter((t) => t.status !== 200);
  console.log(
    `${loads} cockpit + league page loads, ${timings.length} requests, ${failed.length} not 200, ${resets} connections reset and retried`,
  );
  const endpoints = [...new Set(timings.map((t) => t.endpoint))].sort();
  for (const phase of ['cold', 'warm'] as const) {
    const mine = timings.filter((t) => t.cold === (phase === 'cold'));
    console.log(
      `\n${phase === 'cold' ? 'cold: each user’s first cockpit and league page' : 'warm: every later load'}`,
    );
    for (const e of endpoints)
      console.log(`  ${e.padEnd(24)} ${stats(mine.filter((t) => t.endpoint === e).map((t) => t.ms))}`);
    console.log(`  ${'all'.padEnd(24)} ${stats(mine.map((t) => t.ms))}`);
    for (const page of ['cockpit', 'league'])
      console.log(
        `  ${`whole ${page} page`.padEnd(24)} ${stats(pages.filter((p) => p.endpoint === page && p.cold === (phase === 'cold')).map((p) => p.ms))}`,
      );
  }
} finally {
  await served.stop();
}
