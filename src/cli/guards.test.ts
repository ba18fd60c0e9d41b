// What a user sees when something nobody expected goes wrong: a command says one line in Chinese (the stack only
// when asked for), and a server logs it and goes on serving.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killLeftovers, sleep, startServer, tempDir, tiaodu, until } from './testing.ts';

afterAll(killLeftovers);

const dir = tempDir('guards');

/** A preload that does what a buggy library might: throw from a timer, reject unawaited, emit a stream error. */
const faults = join(dir, 'faults.cjs');
writeFileSync(
  faults,
  `const { PassThrough } = require('node:stream');
// Only in the main thread: tsx runs its module loader in a worker, which loads this file too.
if (require('node:worker_threads').isMainThread) {
process.on('SIGUSR2', () => {
  setTimeout(() => { throw new TypeError('计时器里的故障'); }, 0);
  Promise.reject(new Error('无人等待的 Promise'));
  new PassThrough().emit('error', new Error('流的 error 事件'));
});
// Once the command has installed its handlers, a timer throws.
const armed = setInterval(() => {
  if (!process.env.FAULT_AT_START || process.listenerCount('uncaughtException') === 0) return;
  clearInterval(armed);
  throw new TypeError('启动时的故障');
}, 5);
armed.unref();
}
`,
);

describe('an unexpected error', () => {
  it('in a command prints one Chinese line and exits 3; the stack only with TIAODU_DEBUG=1', async () => {
    writeFileSync(join(dir, 'a-file'), '');
    const data = join(dir, 'a-file', 'data');
    const r = await tiaodu(data, ['series', '--indicator', 'gdp', '--region', '西湖区']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      `错误：路径中有一段不是目录：${data}（设置环境变量 TIAODU_DEBUG=1 可查看详细信息）\n`,
    );
    const debug = await tiaodu(data, ['series', '--indicator', 'gdp', '--region', '西湖区'], {
      env: { TIAODU_DEBUG: '1' },
    });
    expect(debug.code).toBe(3);
    expect(debug.stderr).toMatch(/\n\s+at .*lock\.ts/);
  }, 300_000);

  it('escaping every promise in a command ends it the same way, not with a stack trace', async () => {
    const r = await tiaodu(join(dir, 'cli-data'), ['intake', 'normalize', faults], {
      env: { NODE_OPTIONS: `--require ${faults}`, FAULT_AT_START: '1' },
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('错误：意外错误：启动时的故障（设置环境变量 TIAODU_DEBUG=1 可查看详细信息）\n');
  }, 300_000);

  it('in a served process is logged, and the server keeps answering', async () => {
    const data = join(dir, 'served');
    mkdirSync(data);
    const server = await startServer(data, { NODE_OPTIONS: `--require ${faults}` });
    server.child.kill('SIGUSR2');
    await until(
      'the three faults to be logged',
      () => (server.stderr().match(/服务继续运行/g) ?? []).length >= 3,
    );
    await sleep(200);
    expect(server.child.exitCode).toBeNull();
    expect(server.stderr()).toContain('未捕获的异常，服务继续运行：意外错误：计时器里的故障');
    expect(server.stderr()).toContain('未处理的 Promise 拒绝，服务继续运行：意外错误：无人等待的 Promise');
    expect(server.stderr()).toContain('未捕获的异常，服务继续运行：意外错误：流的 error 事件');
    const health = await server.api('/api/health');
    expect(await health.json()).toEqual({ ok: true, driver: 'pglite' });
    expect((await server.stop()).code).toBe(0);
  }, 600_000);
});
