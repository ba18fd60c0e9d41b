// A served demo city in a child process, so a benchmark's client never shares the server's event loop.
// Run directly (`npx tsx bench/lib/served.ts [--data DIR] [--no-cache]`) it serves and prints `{"port":N}`.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface Served {
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the demo city on PGlite in a temporary data directory; `stop()` ends it and removes the directory. */
export async function startServed(options: { cache?: boolean } = {}): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'tiaodu-bench-'));
  // TIAODU_BENCH_PROFILE=DIR writes a CPU profile of the server there when it stops.
  const profile = process.env.TIAODU_BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.TIAODU_BENCH_PROFILE}`]
    : [];
  const args = [...profile, '--import', 'tsx', fileURLToPath(import.meta.url), '--data', dir];
  if (options.cache === false) args.push('--no-cache');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  // The server must not outlive a benchmark that fails.
  process.once('exit', () => child.kill('SIGKILL'));
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
    lines.on('line', (line) => {
      const m = /^\{"port":(\d+)\}$/.exec(line);
      if (m) resolve(Number(m[1]));
      else console.log(`  [server] ${line}`);
    });
  });
  return {
    base: `http://127.0.0.1:${port}`,
    child,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in with a password; returns the headers a client sends afterwards (cookie and CSRF token). */
export async function signIn(base: string, name: string, password: string): Promise<Record<string, string>> {
  const r = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  if (!r.ok) throw new Error(`sign-in ${name}: ${r.status} ${await r.text()}`);
  const { csrf } = (await r.json()) as { csrf: string };
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, 'x-csrf-token': csrf };
}

/** p50/p95/p99/max of a list of milliseconds, as text. */
export function stats(ms: number[]): string {
  if (ms.length === 0) return 'n 0';
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => (s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] ?? 0).toFixed(1);
  return `n ${String(s.length).padStart(6)}  p50 ${at(0.5).padStart(7)}  p95 ${at(0.95).padStart(7)}  p99 ${at(0.99).padStart(7)}  max ${at(1).padStart(8)} ms`;
}

async function main(): Promise<void> {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({ options: { data: { type: 'string' }, 'no-cache': { type: 'boolean' } } });
  const { serve } = await import('@hono/node-server');
  const { loadDemo } = await import('../../src/demo/index.ts');
  const { createApp } = await import('../../src/server/app.ts');
  const { accountAuth } = await import('../../src/server/auth.ts');
  const { openStore } = await import('../../src/store/index.ts');
  const db = await openStore({ dataDir: values.data ?? 'memory://' });
  await loadDemo(db);
  const appOptions: Record<string, unknown> = { auth: accountAuth(db) };
  // Older versions of createApp ignore the option: the bench runs before and after the cache.
  if (values['no-cache']) appOptions.cache = false;
  const app = createApp(db, appOptions as Parameters<typeof createApp>[1]);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
  // Exit at once: a database busy with a long import would otherwise keep the process (and a core) for hours.
  process.once('SIGTERM', () => process.exit(0));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
