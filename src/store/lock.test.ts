// The data directory's lock, on real files and real process IDs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LOCK_FILE,
  type LockOwner,
  lockDataDir,
  lockedMessage,
  processStart,
  SERVER_FILE,
  tryLockDataDir,
} from './lock.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'tiaodu-lock-'));
const quiet = { onWait: () => {}, onStale: () => {} };

/** The PID of a process that has already ended. */
const deadPid = () => Number(execFileSync('sh', ['-c', 'sh -c "echo \\$\\$"']).toString().trim());

const ownerFile = (dir: string, owner: Partial<LockOwner>) =>
  writeFileSync(
    join(dir, LOCK_FILE),
    JSON.stringify({
      pid: process.pid,
      command: 'import',
      role: 'cli',
      started: '2025-07-01T08:00:00.000Z',
      startTicks: processStart(process.pid)?.ticks ?? null,
      host: hostname(),
      ...owner,
    }),
  );

describe('the data directory lock', () => {
  it('is a file naming this process, removed again on release', async () => {
    const dir = fresh();
    const lock = await lockDataDir(dir, { command: 'import' });
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({
      pid: process.pid,
      command: 'import',
      role: 'cli',
    });
    lock.release();
    expect(() => statSync(join(dir, LOCK_FILE))).toThrow();
  });

  it('keeps a second taker waiting, then refuses it naming the holder', async () => {
    const dir = fresh();
    const lock = await lockDataDir(dir, { command: 'import' });
    const waited: number[] = [];
    const r = await tryLockDataDir(dir, {
      command: 'series',
      waitMs: 600,
      onWait: (o) => waited.push(o.pid),
    });
    expect(r.ok).toBe(false);
    expect(waited).toEqual([process.pid]);
    if (r.ok) return;
    expect(r.waited).toBeGreaterThanOrEqual(600);
    expect(lockedMessage(dir, 'series', r)).toContain(
      `正由另一个 tiaodu 进程（PID ${process.pid}，import，始于`,
    );
    lock.release();
  });

  it('lets the second taker in as soon as the first lets go', async () => {
    const dir = fresh();
    const lock = await lockDataDir(dir, { command: 'import' });
    setTimeout(() => lock.release(), 300);
    const second = await lockDataDir(dir, { command: 'league', ...quiet });
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).command).toBe('league');
    second.release();
  });

  it('takes over the lock of a process that is gone, and says whose it was', async () => {
    const dir = fresh();
    const pid = deadPid();
    ownerFile(dir, { pid, startTicks: null });
    const stale: number[] = [];
    const lock = await lockDataDir(dir, { command: 'serve', onStale: (o) => stale.push(o.pid) });
    expect(stale).toEqual([pid]);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock whose PID now belongs to a process started at another time', async () => {
    const dir = fresh();
    const ticks = processStart(process.pid)?.ticks;
    if (ticks === undefined) return; // no /proc here: a reused PID cannot be told apart (documented)
    ownerFile(dir, { startTicks: ticks - 1 });
    const stale: number[] = [];
    const lock = await lockDataDir(dir, { command: 'serve', onStale: (o) => stale.push(o.pid) });
    expect(stale).toEqual([process.pid]);
    lock.release();
  });

  it('takes over a lock file left empty by a process killed while writing it, once it is seconds old', async () => {
    const dir = fresh();
    writeFileSync(join(dir, LOCK_FILE), '');
    const began = Date.now();
    const lock = await lockDataDir(dir, { command: 'import', ...quiet });
    // A younger empty file may be another process between creating it and writing its name into it.
    expect(Date.now() - began).toBeGreaterThanOrEqual(4_500);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('answers at once with a running server’s address, which it publishes readable by its owner only', async () => {
    const dir = fresh();
    const server = await lockDataDir(dir, { command: 'serve', role: 'server' });
    server.advertise({ url: 'http://127.0.0.1:8080', token: 's3cret' });
    expect(statSync(join(dir, SERVER_FILE)).mode & 0o777).toBe(0o600);
    const began = Date.now();
    const r = await tryLockDataDir(dir, { command: 'import', ...quiet });
    expect(Date.now() - began).toBeLessThan(1000);
    expect(r).toMatchObject({
      ok: false,
      server: { pid: process.pid, url: 'http://127.0.0.1:8080', token: 's3cret' },
    });
    if (!r.ok) {
      expect(lockedMessage(dir, 'init', r)).toContain(
        `「init」不能经由服务执行：请先停止该服务（在其终端按 Ctrl+C，或 kill ${process.pid}）`,
      );
      expect(lockedMessage(dir, 'serve', r)).toContain('同一数据目录只能运行一个服务');
    }
    server.release();
    expect(() => statSync(join(dir, SERVER_FILE))).toThrow();
  });

  it('never removes a lock that is not its own', async () => {
    const dir = fresh();
    const lock = await lockDataDir(dir, { command: 'import' });
    ownerFile(dir, { command: 'someone else' });
    lock.release();
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).command).toBe('someone else');
  });
});
