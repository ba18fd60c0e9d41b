// Writes a long-template CSV of N rows to disk (streamed) and imports it through the real importer.
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../src/app/imports.ts';
import type { Region } from '../src/core/types.ts';
import type { Db, ImportSummary } from '../src/store/index.ts';

export async function importGeneratedCsv(
  db: Db,
  dir: string,
  rs: Region[],
  rows: number,
): Promise<ImportSummary> {
  const path = join(dir, 'big.csv');
  const out = createWriteStream(path);
  out.write('指标,地区,期间,数值,同比(%)\n');
  let n = 0;
  outer: for (const r of rs) {
    for (let i = 0; ; i++) {
      for (let y = 2016; y < 2026; y++) {
        for (let m = 1; m <= 12; m++) {
          if (n >= rows) break outer;
          if (
            !out.write(
              `bench_${i},${r.code},${y}-${String(m).padStart(2, '0')},${(n % 997) + 0.5},${(n % 13) - 3}\n`,
            )
          ) {
            await new Promise<void>((res) => out.once('drain', () => res()));
          }
          n++;
        }
      }
      if (n >= Math.ceil(rows / rs.length) * (rs.indexOf(r) + 1)) break;
    }
  }
  await new Promise<void>((res) => out.end(() => res()));
  return importFile(db, path, { user: 'bench' });
}
