// Commands that a running `tiaodu serve` can do for us: when the server holds the data directory, the CLI goes
// through its API as the server's local admin (user `cli`), with the token it published beside its lock.
import { readFile } from 'node:fs/promises';
import { resolveIndicator } from '../core/catalog.ts';
import { isErrorCode, TiaoduError } from '../core/errors.ts';
import type { Indicator, Region } from '../core/types.ts';
import { ImportError, type ImportIssue } from '../intake/types.ts';
import { type Db, dataDirOf } from '../store/db.ts';
import { lockedMessage, type ServerInfo, tryLockDataDir } from '../store/lock.ts';
import { openStore } from '../store/open.ts';
import type { Flags } from './args.ts';

type Query = Record<string, string | number | undefined>;

/** The running server, reached over HTTP with its per-start token. */
export class ServerClient {
  constructor(readonly info: ServerInfo) {}

  /** One request; an `{ error }` answer becomes the same error the direct path would have thrown. */
  async request(
    method: string,
    path: string,
    init: { query?: Query; json?: unknown; body?: Uint8Array; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const url = new URL(path, this.info.url);
    for (const [k, v] of Object.entries(init.query ?? {}))
      if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { authorization: `Bearer ${this.info.token}`, ...init.headers };
    let body: BodyInit | undefined;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else if (init.body) {
      headers['content-type'] = 'application/octet-stream';
      body = new Blob([new Uint8Array(init.body)]);
    }
    let res: Response;
    try {
      res = await fetch(url, { method, headers, body });
    } catch (e) {
      const cause = (e as { cause?: Error }).cause?.message ?? (e as Error).message;
      throw new TiaoduError(
        'server.unreachable',
        `数据目录正由 tiaodu serve（PID ${this.info.pid}）使用，但无法连接 ${this.info.url}（${cause}）；若该服务已失去响应，请停止它（kill ${this.info.pid}）后再试`,
      );
    }
    if (res.ok) return res;
    const answer = (await res.json().catch(() => null)) as {
      error?: { code?: string; message?: string; issues?: ImportIssue[] };
    } | null;
    const error = answer?.error;
    if (error?.code === 'import' && Array.isArray(error.issues)) throw new ImportError(error.issues);
    // A code this CLI does not know (a newer server) still fails with the server's words.
    const code = isErrorCode(error?.code) ? error.code : 'server';
    throw new TiaoduError(code, error?.message ?? `服务返回 HTTP ${res.status}`);
  }

  async json<T>(method: string, path: string, init: Parameters<ServerClient['request']>[2] = {}): Promise<T> {
    return (await this.request(method, path, init)).json() as Promise<T>;
  }

  /** The indicator as the server resolves it (by code, name or alias), for headings. */
  async indicator(raw: string): Promise<Indicator> {
    const r = resolveIndicator(raw, await this.json<Indicator[]>('GET', '/api/indicators'));
    if (!r.ok) throw new TiaoduError(`indicator.${r.reason}`, `未知指标「${raw}」`);
    return r.indicator;
  }

  async region(raw: string): Promise<Region> {
    return this.json<Region>('GET', `/api/regions/${encodeURIComponent(raw)}`);
  }
}

/** Runs a command on the store directly, whatever holds the directory (the store waits for another CLI process). */
export async function withStore<T>(values: Flags, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openStore({ dataDir: values.data });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/**
 * Runs a command on the store directly, or through the running server when it holds the data directory.
 * A directory held by another command-line process is waited for (see store/lock.ts).
 * @example await withStoreOrServer(values, 'series', (db) => series(db, …), (api) => api.json('GET', '/api/series', …))
 */
export async function withStoreOrServer<T>(
  values: Flags,
  command: string,
  direct: (db: Db) => Promise<T>,
  viaServer: (api: ServerClient) => Promise<T>,
): Promise<T> {
  const dataDir = dataDirOf({ dataDir: values.data });
  let db: Db;
  if (process.env.DATABASE_URL || dataDir.startsWith('memory://')) db = await openStore({ dataDir });
  else {
    const r = await tryLockDataDir(dataDir, { command });
    if (!r.ok && r.server) return viaServer(new ServerClient(r.server));
    if (!r.ok) throw new TiaoduError('store.locked', lockedMessage(dataDir, command, r));
    db = await openStore({ dataDir, lock: r.lock, command });
  }
  try {
    return await direct(db);
  } finally {
    await db.close();
  }
}

/** A file to send to the server, or the error the direct path gives for a missing file. */
export async function readLocal(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (e) {
    throw new TiaoduError('import.read', `无法读取文件 ${file}：${(e as Error).message}`);
  }
}
