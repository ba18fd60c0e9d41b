// Two processes on one data directory, as the README's `tiaodu serve` plus `tiaodu import` on ./data: the
// command goes through the running server (same answers as without it) or waits, and nothing is lost.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../store/lock.ts';
import { killLeftovers, spawnTiaodu, startServer, tempDir, tiaodu, until } from './testing.ts';

afterAll(killLeftovers);

const dir = tempDir('shared');
const data = join(dir, 'data');

/** A month of one indicator for every district of 杭州市, values `base` + the district's place in the list. */
function monthFile(name: string, indicator: string, period: string, base = 100): string {
  const districts = [
    '上城区',
    '拱墅区',
    '西湖区',
    '滨江区',
    '萧山区',
    '余杭区',
    '富阳区',
    '临平区',
    '钱塘区',
  ];
  const path = join(dir, name);
  writeFileSync(
    path,
    `指标,地区,期间,数值\n${districts.map((d, i) => `${indicator},${d},${period},${base + i}`).join('\n')}\n`,
  );
  return path;
}

// These processes always run the embedded store (DATABASE_URL=''): the PostgreSQL pass of CI would repeat them.
describe.skipIf(!!process.env.DATABASE_URL)('a command while tiaodu serve holds the data directory', () => {
  beforeAll(async () => {
    expect((await tiaodu(data, ['init', '--region', '330100', '--depth', 'county'])).code).toBe(0);
  }, 300_000);

  it('goes through the server: two concurrent imports both land, and the answers equal the direct ones', async () => {
    const server = await startServer(data);
    const discovery = join(data, 'tiaodu.server.json');
    expect(statSync(discovery).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(discovery, 'utf8'))).toMatchObject({
      pid: server.child.pid,
      url: server.url,
    });

    const retail = monthFile('社零2025-06.csv', '社会消费品零售总额', '2025-06');
    const fai = monthFile('投资2025-06.csv', '固定资产投资', '2025-06');
    const [a, b] = await Promise.all([tiaodu(data, ['import', retail]), tiaodu(data, ['import', fai])]);
    expect(a.stdout).toBe(`已导入 ${retail}（格式 long-csv）：9 行，新增 9，更新 0，未变 0\n`);
    expect(b.stdout).toBe(`已导入 ${fai}（格式 long-csv）：9 行，新增 9，更新 0，未变 0\n`);
    const last = monthFile('社零2024-06.csv', '社会消费品零售总额', '2024-06', 90);
    expect((await tiaodu(data, ['import', last])).code).toBe(0);

    const commands = [
      ['series', '--indicator', 'retail_sales', '--region', '西湖区', '--json'],
      ['series', '--indicator', '社零', '--region', '西湖区'],
      ['league', '--indicator', 'retail_sales', '--period', '2025-06', '--by', 'yoy', '--json'],
      ['target', 'set', '--indicator', '社零', '--region', '西湖区', '--year', '2025', '--amount', '250'],
      ['progress', '--region', '西湖区', '--period', '2025-06', '--json', '--explain'],
      ['import', fai, '--dry-run'],
      ['series', '--indicator', 'gdp', '--region', '鼓楼区', '--json'],
      ['overview', '--region', '西湖区', '--period', '2025-06', '--json'],
      ['overview', '--region', '西湖区', '--period', '2025-06'],
    ];
    const viaServer = [];
    for (const c of commands) viaServer.push(await tiaodu(data, c));
    expect(await server.stop()).toMatchObject({ code: 0 });
    expect(() => statSync(discovery)).toThrow(); // removed on stop, with the lock

    for (const [i, c] of commands.entries()) {
      const direct = await tiaodu(data, c);
      expect(viaServer[i], c.join(' ')).toEqual(direct);
    }
    // And they are the right answers: 西湖区 grew 102 / 92 − 1 = 10.87 %, third behind 上城区 (100/90) and 拱墅区.
    const league = JSON.parse(viaServer[2]?.stdout ?? '[]') as {
      region: string;
      yoy: number;
      rank: number;
    }[];
    expect(league).toHaveLength(9);
    expect(league[2]).toMatchObject({ region: '西湖区', yoy: 10.87, rank: 3 });
    expect(viaServer[3]?.stdout).toBe(
      '已设定 西湖区 2025年 社会消费品零售总额 目标：amount >= 250（expected）\n',
    );
    expect(JSON.parse(viaServer[4]?.stdout ?? '[]')[0]).toMatchObject({ actual: 102, completion: 40.8 });
    expect(viaServer[5]?.stdout).toBe(
      `试导入（未写入） ${fai}（格式 long-csv）：9 行，新增 0，更新 0，未变 9\n`,
    );
    expect(viaServer[6]).toMatchObject({ code: 1, stderr: expect.stringContaining('未知地区「鼓楼区」') });
    // The overview: 西湖区's retail sales as the league ranks them (third of nine), against its 250 target.
    const overview = JSON.parse(viaServer[7]?.stdout ?? '{}');
    expect(overview.rows.find((r: { indicator: string }) => r.indicator === 'retail_sales')).toMatchObject({
      value: 102,
      yoy: 10.87,
      rank: 3,
      rankOf: 9,
      target: 250,
      completion: 40.8,
    });
    expect(viaServer[8]?.stdout).toContain('增长10.9%');
  }, 900_000); // about twenty real processes, each opening the embedded store: minutes on a busy machine

  it('refuses a command the server cannot run, and a second server, naming the server and what to do', async () => {
    const server = await startServer(data);
    const init = await tiaodu(data, ['init', '--region', '330100']);
    expect(init.code).toBe(1);
    expect(init.stderr).toContain(`tiaodu serve（PID ${server.child.pid}，${server.url}）`);
    expect(init.stderr).toContain('「init」不能经由服务执行');
    const second = await tiaodu(data, ['serve', '--port', '0']);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('同一数据目录只能运行一个服务');
    expect(second.stderr).toContain(`kill ${server.child.pid}`);
    await server.stop();
  }, 600_000);

  it('waits for another command to finish, says so once, then answers', async () => {
    const file = monthFile('工业2025-06.csv', '规上工业增加值', '2025-06');
    expect((await tiaodu(data, ['import', file])).code).toBe(0);
    // This test process plays the other command: it holds the lock as an import would, for as long as it
    // likes — a real import may end before a second process has even started on a busy machine.
    const held = await lockDataDir(data, { command: 'import' });
    const second = spawnTiaodu(data, [
      'league',
      '--indicator',
      'industrial_va',
      '--period',
      '2025-06',
      '--json',
    ]);
    await until('the second command to say it waits', () => second.stderr().includes('等待'));
    held.release();
    expect((await second.exited).code).toBe(0);
    expect(second.stderr()).toBe(`等待另一个 tiaodu 进程（PID ${process.pid}，import）结束…\n`);
    expect(JSON.parse(second.stdout())).toHaveLength(9);
  }, 600_000);
});
