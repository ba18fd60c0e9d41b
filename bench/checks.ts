// The outside contract checks (../shared/checks), each timed end to end as the outside runs them: from the
// project root, every call through `npx --no-install tiaodu`. Outside checks give each script 60 s.
// npx tsx bench/checks.ts [--runs 3]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' } } });
const dir = join(import.meta.dirname, '..', '..', 'shared', 'checks');
if (!existsSync(dir)) {
  console.log(`没有找到 ${dir}：检查脚本应在项目旁的 ../shared/checks`);
  process.exit(0);
}
for (const name of readdirSync(dir).sort()) {
  const times: number[] = [];
  let ok = true;
  for (let i = 0; i < Number(values.runs); i++) {
    const start = performance.now();
    const r = spawnSync(join(dir, name), { cwd: join(import.meta.dirname, '..'), encoding: 'utf8' });
    times.push((performance.now() - start) / 1000);
    ok &&= r.status === 0;
  }
  const shown = times.map((t) => t.toFixed(1)).join(' / ');
  console.log(`${name.padEnd(22)} ${shown} s${ok ? '' : '  FAILED'}`);
}
