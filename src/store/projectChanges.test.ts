// What the project board's read model asks after a write: which projects changed, or whether everything did (a
// region or a setting). Loading a whole country's towns must count as one change, and an upsert of the same
// regions or a setting set to what it already was as none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './db.ts';
import { divisionsUnder, upsertRegions } from './index.ts';
import { lastProjectChange, projectChangesSince } from './projectReads.ts';
import { setSettings } from './settings.ts';
import { driverName, freshStore } from './testing.ts';

describe(`changes noted for the project board on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await freshStore());
  });
  afterAll(() => drop());

  const since = async (seq: number) => projectChangesSince(db, seq);

  it('notes a load of regions as everything changed, once, and a reload of the same regions as nothing', async () => {
    const start = await lastProjectChange(db);
    const towns = divisionsUnder('33', 'town');
    expect(towns.length).toBeGreaterThan(1000);
    await upsertRegions(db, towns);
    const afterLoad = await since(start);
    expect(afterLoad).toMatchObject({ everything: true, codes: [] });
    // One statement, one number: the sequence moved by one, not by 1,489.
    expect(afterLoad.next - start).toBe(1);

    await upsertRegions(db, towns);
    expect(await since(afterLoad.next)).toEqual({ everything: false, codes: [], next: afterLoad.next });

    const renamed = towns.map((r) => (r.code === '330106' ? { ...r, name: '西湖新区' } : r));
    await upsertRegions(db, renamed);
    expect((await since(afterLoad.next)).everything).toBe(true);
  });

  it('notes a setting only when its value changes', async () => {
    await setSettings(db, { 'assess.publicRanking': true }, 'admin');
    const seq = await lastProjectChange(db);
    await setSettings(db, { 'assess.publicRanking': true }, 'admin');
    expect((await since(seq)).everything).toBe(false);
    await setSettings(db, { 'assess.publicRanking': false }, 'admin');
    expect((await since(seq)).everything).toBe(true);
  });
});
