// The `tiaodu` command as users and outside checks call it: a real process, a real data directory.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { encodeGbk } from '../intake/testing.ts';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '../../bin/tiaodu.js');
const dir = mkdtempSync(join(tmpdir(), 'tiaodu-cli-'));
const data = join(dir, 'db');
// Without DATABASE_URL so this always exercises the embedded database, as `npx tiaodu` does by default.
const env = { ...process.env, DATABASE_URL: '' };
const tiaodu = async (...args: string[]) => {
  try {
    const r = await run('node', [bin, ...args, '--data', data], { env });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
};

describe('the tiaodu command', () => {
  it('loads regions, imports a file, and answers series, league and progress in JSON', async () => {
    expect((await tiaodu('init', '--region', '330100', '--depth', 'county')).stdout).toContain('已载入');
    const file = join(dir, '月报.csv');
    writeFileSync(
      file,
      '指标,地区,期间,数值,同比(%)\n社零,西湖区,2024-06,400,\n社零,西湖区,2025-06,420,5.2\n社零,滨江区,2025-06,300,7.5\n',
    );
    const imported = await tiaodu('import', file);
    expect(imported.stdout).toContain('新增 3');
    const series = JSON.parse(
      (await tiaodu('series', '--indicator', '社会消费品零售总额', '--region', '西湖区', '--json')).stdout,
    );
    expect(series[1]).toMatchObject({ period: '2025-06', value: 420, yoy: 5.2, yoyDerived: 5, unit: '亿元' });
    const league = JSON.parse(
      (await tiaodu('league', '--indicator', 'retail_sales', '--period', '2025-06', '--by', 'yoy', '--json'))
        .stdout,
    );
    expect(
      league.map((r: { region: string; code: string; rank: number }) => [r.region, r.code, r.rank]),
    ).toEqual([
      ['滨江区', '330108', 1],
      ['西湖区', '330106', 2],
    ]);
    expect(
      (
        await tiaodu(
          'target',
          'set',
          '--indicator',
          '社零',
          '--region',
          '西湖区',
          '--year',
          '2025',
          '--amount',
          '1000',
        )
      ).code,
    ).toBe(0);
    const progress = JSON.parse(
      (await tiaodu('progress', '--region', '西湖区', '--period', '2025-06', '--json')).stdout,
    );
    expect(progress[0]).toMatchObject({
      targetKind: 'amount',
      actual: 420,
      completion: 42,
      timeProgress: 50,
      gap: -8,
      status: 'behind',
    });
  }, 240_000); // eight real processes, each opening the embedded database: slow on a busy machine

  it('refuses a bad file with a non-zero exit naming the file, row and column', async () => {
    const bad = join(dir, '坏.csv');
    writeFileSync(bad, '指标,地区,期间,数值\n社零,上城区,2025-06,1\n社零,拱墅区,2025-06,12x3.5\n');
    const r = await tiaodu('import', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('坏.csv 第3行 第D列「12x3.5」');
    expect(r.stderr).toContain('未写入任何数据');
  });

  it('says clearly when a region is unknown', async () => {
    const r = await tiaodu('series', '--indicator', 'fai', '--region', '鼓楼区', '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('未知地区「鼓楼区」');
  });

  it('prints a long document’s extraction whole into a pipe, as outside checks read it', async () => {
    const paragraph =
      '主要预期目标是：地区生产总值增长5.5%左右，固定资产投资增长6%以上。由市财政局牵头，会同市发改委做好这项工作。\n';
    const file = join(dir, '长报告.txt');
    writeFileSync(file, paragraph.repeat(4000));
    const r = await run('node', [bin, 'intake', 'extract', file, '--json'], {
      env,
      maxBuffer: 256 * 1024 * 1024,
    });
    const out = JSON.parse(r.stdout);
    expect(out.targets).toHaveLength(8000);
    expect(out.tasks).toHaveLength(4000);
    expect(out.tasks[3999]).toMatchObject({ lead: ['市财政局'], support: ['市发改委'] });
  });

  it('normalises a GBK-encoded document and says which file it cannot read', async () => {
    const file = join(dir, '讲话.txt');
    writeFileSync(file, encodeGbk('臺海網(wǎng)7月27日訊 上半年經(jīng)濟運行穩中向好。\n'));
    expect((await tiaodu('intake', 'normalize', file)).stdout).toBe(
      '台海网7月27日讯 上半年经济运行稳中向好。\n',
    );
    const bad = join(dir, '坏文件.txt');
    writeFileSync(bad, Buffer.from([0xff, 0xfe, 0x00, 0xd8]));
    const r = await tiaodu('intake', 'normalize', bad);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('坏文件.txt');
  });
});
