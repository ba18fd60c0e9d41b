// `tiaodu serve` and `tiaodu start`: the web app and the JSON API over HTTP, holding the data directory's lock
// and publishing a local admin token beside it so the command line can go through the server meanwhile.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve as listen } from '@hono/node-server';
import { TiaoduError } from '../core/errors.ts';
import { createApp } from '../server/app.ts';
import { accountAuth, anyAuth, createTokenAuth } from '../server/auth.ts';
import type { Db } from '../store/db.ts';
import { dataDirOf, openStore } from '../store/index.ts';
import { type DataDirLock, lockedMessage, tryLockDataDir } from '../store/lock.ts';
import { type Flags, numberFlag, parse } from './args.ts';
import type { Command } from './commands.ts';
import { keepServing } from './guards.ts';

/** Loads the demo city into an empty database, so `npm start` shows something on first run. */
async function demoIfEmpty(db: Db): Promise<void> {
  const [r] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observation');
  if (Number(r?.n ?? 0) > 0) return;
  let loadDemo: (db: Db) => Promise<{ regions: number; observations: number }>;
  try {
    ({ loadDemo } = await import('../demo/index.ts'));
  } catch (e) {
    throw new TiaoduError('demo.missing', `演示数据模块不可用，请改用 tiaodu serve：${(e as Error).message}`);
  }
  const s = await loadDemo(db);
  console.log(`空库：已载入演示数据（${s.regions} 个地区，${s.observations} 条数据）`);
  const { DEMO_ACCOUNTS } = await import('../demo/index.ts');
  console.log('演示账号（仅演示用）：');
  for (const a of DEMO_ACCOUNTS)
    console.log(
      `  ${a.role.padEnd(8)} ${a.name} / ${a.password}${a.regionCode ? `（辖区 ${a.regionCode}）` : ''}`,
    );
}

function portOf(values: Flags): number {
  const port = numberFlag(values, 'port') ?? 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new TiaoduError('usage', `参数 --port 应为 0–65535 的整数，收到「${values.port}」`);
  return port;
}

/** The store, locked for this server; a second server on one directory is refused, a command is waited for. */
async function openForServing(values: Flags, command: string): Promise<{ db: Db; lock: DataDirLock | null }> {
  const dataDir = dataDirOf({ dataDir: values.data });
  if (process.env.DATABASE_URL || dataDir.startsWith('memory://'))
    return { db: await openStore({ dataDir }), lock: null };
  const r = await tryLockDataDir(dataDir, { command, role: 'server' });
  if (!r.ok) throw new TiaoduError('store.locked', lockedMessage(dataDir, command, r));
  return { db: await openStore({ dataDir, lock: r.lock, command }), lock: r.lock };
}

/** Where a process on this machine reaches a server listening on `hostname`. */
function localUrl(hostname: string, port: number): string {
  const host = hostname === '0.0.0.0' ? '127.0.0.1' : hostname === '::' ? '::1' : hostname;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

async function run(argv: string[], command: 'serve' | 'start'): Promise<number> {
  const { values } = parse(argv, { port: { type: 'string' }, host: { type: 'string' } });
  const port = portOf(values);
  const hostname = values.host ?? '127.0.0.1';
  const { db, lock } = await openForServing(values, command);
  try {
    if (command === 'start') await demoIfEmpty(db);
    // An admin token for scripts, fixed by TIAODU_TOKEN or random per start. Its user is named apart from every
    // account (a name the API refuses for an account: it has a space), so it never acts as the demo's admin account.
    const token = process.env.TIAODU_TOKEN || randomBytes(18).toString('base64url');
    // The command line's way in while this server holds the data directory (published in tiaodu.server.json).
    const cliToken = randomBytes(24).toString('base64url');
    const auth = anyAuth(
      accountAuth(db),
      createTokenAuth({
        [token]: { name: 'api token', role: 'admin', regionCode: null },
        [cliToken]: { name: 'cli', role: 'admin', regionCode: null },
      }),
    );
    const webRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));
    if (!existsSync(join(webRoot, 'index.html')))
      console.log('提示：网页尚未构建（npm run build），目前只提供 JSON 接口');
    const app = createApp(db, { auth, webRoot });
    const server = listen({ fetch: app.fetch, port, hostname });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', (e: Error) =>
        reject(new TiaoduError('serve.listen', `无法监听 ${hostname}:${port}：${e.message}`)),
      );
    });
    const { port: actual } = server.address() as AddressInfo;
    lock?.advertise({ url: localUrl(hostname, actual), token: cliToken });
    // In the background, once listening: the first user to open the project board finds it read.
    void app.warmUp();
    keepServing();
    console.log(`调度已启动：http://${hostname}:${actual}/ （接口说明 /api/openapi.json）`);
    if (!process.env.TIAODU_TOKEN)
      console.log(`管理员令牌（仅本次启动有效）：Authorization: Bearer ${token}`);
    else console.log('管理员令牌：环境变量 TIAODU_TOKEN');
    await new Promise<void>((resolve) => {
      const stop = () => {
        server.close(() => resolve());
        // Idle keep-alive connections (a browser's) would otherwise hold the close open.
        (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  } finally {
    await db.close();
  }
}

export const serve: Command = (argv) => run(argv, 'serve');
export const start: Command = (argv) => run(argv, 'start');
