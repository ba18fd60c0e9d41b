import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
const fresh = () => join(mkdtempSync(join(tmpdir(), 'open-')), 'db');
let t = performance.now();
const a = new PGlite(fresh()); await a.waitReady;
console.log('fresh initdb', (performance.now() - t).toFixed(0));
t = performance.now();
const tar = await a.dumpDataDir('none'); await a.close();
console.log('dump', (performance.now() - t).toFixed(0), tar.size);
const gz = await (async () => { const x = new PGlite(fresh()); await x.waitReady; const g = await x.dumpDataDir('gzip'); await x.close(); return g; })();
console.log('gzip size', gz.size);
for (const [name, blob] of [['tar', tar], ['gzip', gz]] as const) {
  t = performance.now();
  const b = new PGlite(fresh(), { loadDataDir: blob }); await b.waitReady;
  console.log('load', name, (performance.now() - t).toFixed(0));
  await b.close();
}
t = performance.now();
const m = new PGlite('memory://'); await m.waitReady;
console.log('memory fresh', (performance.now() - t).toFixed(0));
