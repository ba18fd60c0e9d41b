// `tiaodu serve` and `tiaodu start`: the JSON API over HTTP (the web app joins it in the next issue).
import { randomBytes } from 'node:crypto';
import { serve as listen } from '@hono/node-server';
import { loadDemo } from '../demo/index.ts';
import { createApp } from '../server/app.ts';
import { tokenSessions } from '../server/auth.ts';
import { serialized } from '../server/serial.ts';
import { openStore } from '../store/index.ts';
import { numberFlag, parse } from './args.ts';
import type { Command } from './commands.ts';

async function run(argv: string[], demoIfEmpty: boolean): Promise<number> {
  const { values } = parse(argv, { port: { type: 'string' }, host: { type: 'string' } });
  const raw = await openStore({ dataDir: values.data });
  if (demoIfEmpty) {
    const [r] = await raw.query<{ n: number }>('SELECT count(*)::int AS n FROM observation');
    if ((r?.n ?? 0) === 0) {
      const s = await loadDemo(raw);
      console.log(`空库：已载入演示数据（杭州市 ${s.regions} 个地区，${s.observations} 条数据）`);
    }
  }
  const db = raw.kind === 'pglite' ? serialized(raw) : raw;
  const token = process.env.TIAODU_TOKEN || randomBytes(18).toString('base64url');
  const app = createApp(db, tokenSessions({ [token]: { name: 'admin', role: 'admin', regionCode: null } }));
  const port = numberFlag(values, 'port') ?? 8080;
  const hostname = values.host ?? '127.0.0.1';
  const server = listen({ fetch: app.fetch, port, hostname }, (info) => {
    console.log(`调度已启动：http://${hostname}:${info.port}/api/openapi.json`);
    console.log(`管理员令牌（仅本次启动有效）：Authorization: Bearer ${token}`);
  });
  await new Promise<void>((resolve) => {
    const stop = () => server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await raw.close();
  return 0;
}

export const serve: Command = (argv) => run(argv, false);
export const start: Command = (argv) => run(argv, true);
