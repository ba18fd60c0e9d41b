// The audit view reads audit_event together with value and target histories and import batches, newest first.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, importTargets } from '../app/imports.ts';
import type { Db } from './db.ts';
import {
  divisionsUnder,
  listAudit,
  recordAudit,
  removeTarget,
  saveObservation,
  saveUser,
  setTarget,
  startOfDay,
  upsertRegions,
} from './index.ts';
import { driverName, freshStore } from './testing.ts';

const dir = mkdtempSync(join(tmpdir(), 'tiaodu-audit-'));
const write = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const header = '指标,地区,期间,数值,同比(%)';
const XIHU = '330106';
const BINJIANG = '330108';
const XIHU_TOWN = '330106002';

describe(`the audit view on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await upsertRegions(db, divisionsUnder('3301', 'town'));
    await saveUser(db, { name: 'xihu', role: 'reporter', regionCode: XIHU, password: 'Tianbao-2025!' });
    // 1. A first file creates two values; 2. a second file corrects one of them.
    await importFile(
      db,
      write(
        '6月报表.csv',
        `${header}\n固定资产投资,西湖区,2025-06,312.5,4.2\n固定资产投资,滨江区,2025-06,280,6.1\n`,
      ),
      {
        user: 'analyst',
      },
    );
    await importFile(db, write('6月报表（更正）.csv', `${header}\n固定资产投资,西湖区,2025-06,320,5\n`), {
      user: 'analyst',
    });
    // 3. A reporter corrects a value of a town by hand.
    const entry = {
      indicatorCode: 'fai',
      year: 2025,
      month: 6,
      scope: '',
      forecast: false,
      status: 'submitted' as const,
    };
    await saveObservation(
      db,
      { ...entry, regionCode: XIHU_TOWN, value: 10, yoy: null, source: '填报:xihu' },
      'xihu',
    );
    await saveObservation(
      db,
      { ...entry, regionCode: XIHU_TOWN, value: 12, yoy: 3, source: '填报:xihu' },
      'xihu',
    );
    // 4. A target is set, changed and removed; targets also come from a file.
    const target = {
      indicatorCode: 'fai',
      regionCode: BINJIANG,
      year: 2025,
      kind: 'growth',
      cmp: '≈',
      strength: 'expected',
      trajectory: null,
      source: 'api:analyst',
      quote: null,
    } as const;
    await setTarget(db, { ...target, value: 6 }, 'analyst');
    await setTarget(db, { ...target, value: 7 }, 'analyst');
    await removeTarget(db, target, 'analyst');
    await importTargets(
      db,
      write('2025目标.csv', '指标,地区,年度,类型,目标值\n固定资产投资,西湖区,2025,增速,8\n'),
      'analyst',
    );
    await recordAudit(db, { user: 'xihu', action: 'sign_in', region: XIHU, object: 'xihu' });
  });
  afterAll(() => drop());

  it('lists every kind of change newest first, in the contract shape', async () => {
    const all = await listAudit(db);
    expect(all.map((e) => e.action)).toEqual([
      'sign_in',
      'target.set',
      'target.delete',
      'target.set',
      'target.set',
      'observation.save',
      'observation.save',
      'import',
      'import',
      'import',
      'user.create',
    ]);
    for (const e of all) {
      expect(Object.keys(e)).toEqual(['at', 'user', 'action', 'region', 'object', 'old', 'new', 'file']);
      expect(e.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    const ats = all.map((e) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
  });

  it('shows a corrected value old → new with who did it and the real name of the file it came from', async () => {
    const imports = await listAudit(db, { action: 'import' });
    expect(imports.slice(0, 2)).toEqual([
      expect.objectContaining({
        user: 'analyst',
        region: null,
        new: { created: 0, updated: 1, ignored: 0 },
        file: '6月报表（更正）.csv',
      }),
      expect.objectContaining({
        user: 'analyst',
        region: XIHU,
        object: 'fai 2025-06',
        old: { value: 312.5, yoy: 4.2 },
        new: { value: 320, yoy: 5 },
        file: '6月报表（更正）.csv',
      }),
    ]);
    expect(imports[2]).toMatchObject({ new: { created: 2, updated: 0, ignored: 0 }, file: '6月报表.csv' });
    const [hand] = await listAudit(db, { action: 'observation.save' });
    expect(hand).toEqual(
      expect.objectContaining({
        user: 'xihu',
        region: XIHU_TOWN,
        old: { value: 10, yoy: null },
        new: { value: 12, yoy: 3, forecast: false },
        file: null,
      }),
    );
  });

  it('shows target changes with old and new, a removal, and the file of imported targets', async () => {
    const targets = (await listAudit(db, { user: 'analyst' })).filter((e) => e.action.startsWith('target'));
    expect(targets.map((e) => [e.action, e.region, e.file])).toEqual([
      ['target.set', XIHU, '2025目标.csv'],
      ['target.delete', BINJIANG, null],
      ['target.set', BINJIANG, null],
      ['target.set', BINJIANG, null],
    ]);
    expect(targets[1]).toMatchObject({ object: 'fai 2025 expected', old: { value: 7 }, new: null });
    expect(targets[2]).toMatchObject({ old: { value: 6 }, new: { value: 7 } });
  });

  it("keeps a district's view to its regions and its own accounts' acts", async () => {
    const xihu = await listAudit(db, { scope: XIHU });
    expect(xihu.map((e) => [e.action, e.region])).toEqual([
      ['sign_in', XIHU],
      ['target.set', XIHU],
      ['observation.save', XIHU_TOWN],
      ['observation.save', XIHU_TOWN],
      ['import', XIHU],
      ['user.create', XIHU],
    ]);
    const binjiang = await listAudit(db, { scope: BINJIANG });
    expect(binjiang.every((e) => e.region === BINJIANG)).toBe(true);
    expect(binjiang.map((e) => e.action)).toEqual(['target.delete', 'target.set', 'target.set']);
  });

  it('filters by day, user and action, and caps the number of rows', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(await listAudit(db, { since: startOfDay(today, 1) })).toEqual([]);
    expect(await listAudit(db, { until: startOfDay(today) })).toEqual([]);
    expect(await listAudit(db, { since: startOfDay(today), until: startOfDay(today, 1) })).toHaveLength(11);
    expect((await listAudit(db, { user: 'xihu' })).map((e) => e.action)).toEqual([
      'sign_in',
      'observation.save',
      'observation.save',
    ]);
    expect(await listAudit(db, { limit: 2 })).toHaveLength(2);
    expect(() => startOfDay('2025-02-30')).toThrow(/YYYY-MM-DD/);
  });
});
