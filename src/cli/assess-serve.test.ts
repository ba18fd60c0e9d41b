// `tiaodu assess` while `tiaodu serve` holds the data directory: the run and the publish go through the server's
// API, give the same table as the direct path would, and a bad inputs row is named by the file's own name and line.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killLeftovers, startServer, tempDir, tiaodu } from './testing.ts';

afterAll(killLeftovers);

const dir = tempDir('assess-serve');
const data = join(dir, 'data');
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

// These processes always run the embedded store (DATABASE_URL=''): the PostgreSQL pass of CI would repeat them.
describe.skipIf(!!process.env.DATABASE_URL)(
  'tiaodu assess while tiaodu serve holds the data directory',
  () => {
    beforeAll(async () => {
      expect((await tiaodu(data, ['init', '--region', '330100', '--depth', 'county'])).code).toBe(0);
      // Investment: 西湖区 92 → 102 (+10.87%), 滨江区 93 → 103 (+10.75%).
      const fai = file(
        'fai.csv',
        '指标,地区,期间,数值\n固定资产投资,西湖区,2024-06,92\n固定资产投资,滨江区,2024-06,93\n固定资产投资,西湖区,2025-06,102\n固定资产投资,滨江区,2025-06,103\n',
      );
      expect((await tiaodu(data, ['import', fai])).code).toBe(0);
    }, 300_000);

    const scheme = file(
      'scheme.json',
      JSON.stringify({
        name: '城区考核',
        parent: '杭州市',
        period: '2025-06',
        groups: { 城区: ['西湖区', '滨江区'] },
        items: [
          { name: '投资增速', indicator: 'fai', weight: 10, rule: { kind: 'rank', step: 0.1 } },
          { name: '拉练', input: true, weight: 20, rule: { kind: 'scaled', of: 100 } },
        ],
        lists: { red: { top: 1 } },
      }),
    );
    const inputs = file('录入.csv', '地区,项目,分值\n西湖区,拉练,90\n滨江区,拉练,60\n');
    const bad = file('错的录入.csv', '地区,项目,分值\n西湖区,拉练,90\n余杭区,拉练,70\n');

    it('runs and publishes through the server, with the file named in an error', async () => {
      const server = await startServer(data);
      try {
        const run = await tiaodu(data, ['assess', 'run', '--scheme', scheme, '--inputs', inputs, '--json']);
        expect(run.stderr).toBe('');
        // 西湖区 first on growth: 10 + 20 × 90 ÷ 100 = 28; 滨江区 10 × (1 − 0.1) + 20 × 60 ÷ 100 = 21.
        const rows = JSON.parse(run.stdout) as { region: string; total: number; rank: number }[];
        expect(rows.map((r) => [r.region, r.total, r.rank])).toEqual([
          ['西湖区', 28, 1],
          ['滨江区', 21, 2],
        ]);
        const wrong = await tiaodu(data, ['assess', 'run', '--scheme', scheme, '--inputs', bad]);
        expect(wrong.code).toBe(1);
        expect(wrong.stderr).toContain('文件 错的录入.csv 第3行 第A列「余杭区」：地区不在方案的分组中');
        const out = join(dir, '通报.docx');
        const pub = await tiaodu(data, [
          'assess',
          'publish',
          '--scheme',
          scheme,
          '--inputs',
          inputs,
          '--out',
          out,
        ]);
        expect(pub.stdout).toContain('红榜：西湖区');
        expect(pub.stdout).toContain('已发布：城区考核 第1版，2025-06（方案此版已冻结）');
        expect(existsSync(out)).toBe(true);
        // The server kept it: a second publish of the period is refused by the server's own rule.
        const again = await tiaodu(data, ['assess', 'publish', '--scheme', scheme, '--inputs', inputs]);
        expect(again.stderr).toContain('「城区考核」2025-06 的考核结果已发布，不能再次发布');
      } finally {
        await server.stop();
      }
    }, 300_000);
  },
);
