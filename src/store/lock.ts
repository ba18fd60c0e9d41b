// The exclusive lock on a PGlite data directory: PGlite is one connection in one process, and two processes on
// one directory overwrite each other's pages (imports that reported success vanish). One holder at a time.
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { TiaoduError } from '../core/errors.ts';

/** The lock file, created with O_EXCL; it holds a LockOwner as JSON. */
export const LOCK_FILE = 'tiaodu.lock';
/** Written by a running server (mode 0600): where it listens and the token the CLI uses to go through it. */
export const SERVER_FILE = 'tiaodu.server.json';
/** The files of the process that holds a directory: never copied out of it (backups) nor into it (unpacking). */
export const OWN_FILES: ReadonlySet<string> = new Set([LOCK_FILE, SERVER_FILE]);
/** A short-lived directory that makes "is the lock stale? then remove it" one step among processes. */
const BREAK_DIR = 'tiaodu.lock.break';

export interface LockOwner {
  pid: number;
  /** What the holder runs, for people reading the message: 'import', 'serve', … */
  command: string;
  /** A server answers other processes through its API; a command-line process just finishes. */
  role: 'server' | 'cli';
  /** ISO 8601. */
  started: string;
  /** The process's start time in clock ticks since boot (/proc/PID/stat), to tell a reused PID apart. */
  startTicks: number | null;
  host: string;
}

export interface ServerInfo {
  pid: number;
  /** Where a local client reaches the server: http://127.0.0.1:PORT */
  url: string;
  /** A per-start admin token (user `cli`, no region scope). */
  token: string;
  started: string;
}

export interface DataDirLock {
  readonly dir: string;
  readonly owner: LockOwner;
  /** Writes our lock file again (after a restored archive has put files into the directory). */
  reassert(): void;
  /** Publishes the server's address and token beside the lock; removed again on release. */
  advertise(server: Omit<ServerInfo, 'pid' | 'started'>): void;
  release(): void;
}

export interface LockOptions {
  command: string;
  role?: LockOwner['role'];
  /** How long to wait for another command-line process (or a starting server) to let go, in ms. */
  waitMs?: number;
  /** Called once when we start waiting; by default says so on stderr. */
  onWait?: (owner: LockOwner) => void;
  /** Called when a dead process's lock is taken over; by default says so on stderr. */
  onStale?: (owner: LockOwner) => void;
}

export type LockAttempt =
  | { ok: true; lock: DataDirLock }
  | { ok: false; owner: LockOwner; server: ServerInfo | null; waited: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Field 22 of /proc/PID/stat (after the parenthesised name, which may hold spaces), or null off Linux. */
export function processStart(pid: number): { ticks: number; zombie: boolean } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ticks: Number(fields[19]), zombie: fields[0] === 'Z' || fields[0] === 'X' };
  } catch {
    return null;
  }
}

/** A holder is gone when its PID is dead, a zombie, or now belongs to a process that started later. */
function isGone(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false; // cannot see another machine's processes: assume alive
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return true;
  }
  const now = processStart(owner.pid);
  if (now === null) return false;
  return now.zombie || (owner.startTicks !== null && now.ticks !== owner.startTicks);
}

function readRaw(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

function parseOwner(raw: string): LockOwner | null {
  try {
    const o = JSON.parse(raw) as LockOwner;
    return Number.isInteger(o.pid) ? o : null;
  } catch {
    return null;
  }
}

/** The running server's address, when the lock's holder has published one. */
export function readServer(dir: string, pid: number): ServerInfo | null {
  const raw = readRaw(join(dir, SERVER_FILE));
  if (raw === null) return null;
  try {
    const s = JSON.parse(raw) as ServerInfo;
    return s.pid === pid && typeof s.url === 'string' && typeof s.token === 'string' ? s : null;
  } catch {
    return null;
  }
}

/** Removes the lock file if it still reads `seen`; one process at a time, so a fresh lock is never removed. */
function breakStale(dir: string, seen: string): void {
  const mutex = join(dir, BREAK_DIR);
  try {
    mkdirSync(mutex);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // A breaker that died inside these few lines leaves the directory behind: clear it after a while.
    const since = statSync(mutex, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
    if (Date.now() - since > 10_000) rmQuietly(mutex);
    return;
  }
  try {
    if (readRaw(join(dir, LOCK_FILE)) === seen) unlinkSync(join(dir, LOCK_FILE));
  } finally {
    rmdirSync(mutex);
  }
}

const held = new Set<DataDirLock>();
let hooksInstalled = false;

/** On exit, or on Ctrl+C / SIGTERM when nobody else handles them, no lock is left behind. */
function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => {
    for (const l of held) l.release();
  });
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.on(signal, () => {
      // A server installs its own handler and closes the store (and so the lock) itself.
      if (process.listenerCount(signal) > 1) return;
      for (const l of held) l.release();
      process.exit(code);
    });
  }
}

function createLock(dir: string, owner: LockOwner): DataDirLock | null {
  const path = join(dir, LOCK_FILE);
  const text = JSON.stringify(owner);
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw e;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  const serverPath = join(dir, SERVER_FILE);
  let advertised = false;
  const lock: DataDirLock = {
    dir,
    owner,
    reassert() {
      writeFileSync(path, text, { mode: 0o644 });
      if (!advertised) unlinkQuietly(serverPath);
    },
    advertise(server) {
      const info: ServerInfo = { pid: owner.pid, started: owner.started, ...server };
      unlinkQuietly(serverPath);
      const sfd = openSync(serverPath, 'wx', 0o600);
      try {
        writeSync(sfd, JSON.stringify(info));
      } finally {
        closeSync(sfd);
      }
      advertised = true;
    },
    release() {
      if (!held.delete(lock)) return;
      if (advertised && readServer(dir, owner.pid)) unlinkQuietly(serverPath);
      if (readRaw(path) === text) unlinkQuietly(path);
    },
  };
  held.add(lock);
  installHooks();
  return lock;
}

/** Removes a file (or the empty break directory) that may already be gone. */
function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}
function rmQuietly(path: string): void {
  try {
    rmdirSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

const sayWaiting = (o: LockOwner) =>
  process.stderr.write(
    o.role === 'server'
      ? `等待 tiaodu ${o.command}（PID ${o.pid}）启动完成…\n`
      : `等待另一个 tiaodu 进程（PID ${o.pid}，${o.command}）结束…\n`,
  );
const sayStale = (o: LockOwner) =>
  process.stderr.write(
    `接管数据目录的锁：上次持有它的进程（PID ${o.pid}，${o.command}，始于 ${o.started}）已不在运行\n`,
  );

/**
 * Takes the directory's lock. A dead holder's lock is taken over; a command-line holder (or a server still
 * starting) is waited for up to `waitMs`; a running server is not waited for — the answer names it, so the
 * caller can go through its API or refuse.
 * @example const r = await tryLockDataDir('./data', { command: 'import' }); if (r.ok) … r.lock.release();
 */
export async function tryLockDataDir(dataDir: string, options: LockOptions): Promise<LockAttempt> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const owner: LockOwner = {
    pid: process.pid,
    command: options.command,
    role: options.role ?? 'cli',
    started: new Date().toISOString(),
    startTicks: processStart(process.pid)?.ticks ?? null,
    host: hostname(),
  };
  const waitMs = options.waitMs ?? 60_000;
  const begun = Date.now();
  let told = false;
  let last: LockOwner | null = null;
  for (;;) {
    const lock = createLock(dir, owner);
    if (lock) return { ok: true, lock };
    const raw = readRaw(join(dir, LOCK_FILE));
    if (raw === null) continue; // released between our attempt and our look: try again at once
    const holder = parseOwner(raw);
    const age = Date.now() - (statSync(join(dir, LOCK_FILE), { throwIfNoEntry: false })?.mtimeMs ?? 0);
    if (holder ? isGone(holder) : age > 5_000) {
      // A lock file that stays unreadable for seconds was left by a process killed while writing it.
      breakStale(dir, raw);
      if (holder && readServer(dir, holder.pid)) unlinkQuietly(join(dir, SERVER_FILE)); // a dead server's address
      if (holder) (options.onStale ?? sayStale)(holder);
      continue;
    }
    if (holder) last = holder;
    const server = holder?.role === 'server' ? readServer(dir, holder.pid) : null;
    const waited = Date.now() - begun;
    if (server && holder) return { ok: false, owner: holder, server, waited };
    if (waited >= waitMs && last) return { ok: false, owner: last, server: null, waited };
    if (!told && holder) {
      told = true;
      (options.onWait ?? sayWaiting)(holder);
    }
    await sleep(200);
  }
}

/** Why the directory cannot be opened now, in Chinese, naming the holder and what to do. */
export function lockedMessage(
  dataDir: string,
  command: string,
  r: Extract<LockAttempt, { ok: false }>,
): string {
  const { owner, server } = r;
  const dir = resolve(dataDir);
  if (server) {
    const who = `tiaodu ${owner.command}（PID ${owner.pid}，${server.url}）`;
    if (command === 'serve' || command === 'start')
      return `数据目录 ${dir} 已由 ${who}使用：同一数据目录只能运行一个服务，请直接访问它，或先停止它（kill ${owner.pid}）`;
    return `数据目录 ${dir} 正由 ${who}使用，「${command}」不能经由服务执行：请先停止该服务（在其终端按 Ctrl+C，或 kill ${owner.pid}）后再运行，或在网页中操作`;
  }
  const seconds = Math.round(r.waited / 1000);
  if (owner.role === 'server')
    return `数据目录 ${dir} 正由 tiaodu ${owner.command}（PID ${owner.pid}）使用，等待 ${seconds} 秒后它仍未就绪；请稍后再试`;
  return `数据目录 ${dir} 正由另一个 tiaodu 进程（PID ${owner.pid}，${owner.command}，始于 ${owner.started}）使用，等待 ${seconds} 秒后仍未结束；请等它结束后再试`;
}

/** Takes the lock or throws `store.locked` with a message that names the holder. */
export async function lockDataDir(dataDir: string, options: LockOptions): Promise<DataDirLock> {
  const r = await tryLockDataDir(dataDir, options);
  if (r.ok) return r.lock;
  throw new TiaoduError('store.locked', lockedMessage(dataDir, options.command, r));
}
