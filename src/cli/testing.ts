// Real `tiaodu` processes for the tests where the point is processes: a command run to its end, a server
// started and stopped (or killed), on a real data directory. Never the in-memory store here.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { divisionsUnder } from '../store/regions.ts';

export const bin = join(import.meta.dirname, '../../bin/tiaodu.js');
/** Without DATABASE_URL, so these always exercise the embedded database and its lock. */
export const env = { ...process.env, DATABASE_URL: '', TIAODU_DEBUG: '' };

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `tiaodu-${prefix}-`));
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `r`, once it has ended well: exit code 0 and nothing on stderr. */
export function ok(r: Run): Run {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r;
}

/**
 * A data directory and a folder for the files a test file reads and writes, both removed after its tests;
 * `write` puts a file in the folder and returns its path.
 * @example const { data, files, write } = cliWorkspace('leads');
 */
export function cliWorkspace(name: string) {
  const data = tempDir(`${name}-cli`);
  const files = tempDir(`${name}-files`);
  afterAll(() => {
    rmSync(data, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  });
  const write = (file: string, text: string) => {
    const p = join(files, file);
    writeFileSync(p, text);
    return p;
  };
  return { data, files, write };
}

/** Runs `tiaodu ARGS --data DATA` to its end (or kills it after `timeout` ms: a hang fails the test). */
export function tiaodu(
  data: string,
  args: string[],
  options: { env?: Record<string, string>; timeout?: number } = {},
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'node',
      [bin, ...args, '--data', data],
      { env: { ...env, ...options.env }, timeout: options.timeout ?? 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const started = new Set<ChildProcess>();

/** A long-running `tiaodu` process whose output is collected as it comes. */
export function spawnTiaodu(data: string, args: string[], extraEnv: Record<string, string> = {}) {
  const child = spawn('node', [bin, ...args, '--data', data], {
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (b: Buffer) => {
    stdout += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    stderr += b.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      started.delete(child);
      resolve({ code, signal });
    }),
  );
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

/** Polls `check` every 50 ms until it returns a value, or throws after `ms`. */
export async function until<T>(
  what: string,
  check: () => T | null | undefined | false,
  ms = 300_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** `tiaodu serve --port 0` on `data`, resolved once it listens: its URL, its admin token and its process. */
export async function startServer(data: string, extraEnv: Record<string, string> = {}) {
  const token = `test-${Math.random().toString(36).slice(2)}`;
  const p = spawnTiaodu(data, ['serve', '--port', '0'], { TIAODU_TOKEN: token, ...extraEnv });
  let gone = false;
  p.exited.then(() => {
    gone = true;
  });
  const url = await until('the server to listen', () => {
    if (gone) throw new Error(`serve exited: ${p.stderr()}`);
    return /调度已启动：(http:\/\/\S+?)\/? /.exec(p.stdout())?.[1];
  });
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
    });
  const stop = async () => {
    p.child.kill('SIGTERM');
    return p.exited;
  };
  return { ...p, url, token, api, stop };
}

/** Ends every process a test started and left running (by its own handle, nothing else). */
export function killLeftovers(): void {
  for (const c of started) c.kill('SIGKILL');
}

/**
 * A long-CSV of `years` × 12 months for 20 indicators in every region of 杭州市 down to towns
 * (≈ 50,000 rows a year), every value `value(i)`; returns the path and the row count.
 */
export function bigCsv(path: string, year: number, value = (i: number) => (i % 1000) + 0.25) {
  const indicators =
    'gdp fai retail_sales industrial_va industrial_output industrial_profit fai_industrial fai_manufacturing fai_infrastructure fai_private real_estate_investment budget_revenue tax_revenue budget_expenditure trade_total exports imports electricity_total service_revenue catering_revenue'.split(
      ' ',
    );
  const lines = ['指标,地区,期间,数值'];
  let i = 0;
  for (const ind of indicators)
    for (const r of divisionsUnder('330100', 'town'))
      for (let m = 1; m <= 12; m++)
        lines.push(`${ind},${r.code},${year}-${String(m).padStart(2, '0')},${value(i++)}`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, rows: i };
}

/**
 * The embedded store's table files (temporary ones included): a new one while an import runs means it has
 * begun writing — a staging table, temporary or not.
 */
export function tableFiles(data: string): string[] {
  try {
    return readdirSync(join(data, 'base')).flatMap((db) =>
      readdirSync(join(data, 'base', db))
        .filter((f) => /^(t\d+_)?\d+$/.test(f))
        .map((f) => `${db}/${f}`),
    );
  } catch {
    return [];
  }
}
