// The board's kept read model after writes: whatever changed — a report, the register, a project gone or new,
// a region, the rules — the model the server answers with equals the subtree read anew.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeriodAt } from '../core/projects/rows.ts';
import { parsedReport } from '../core/projects/testing.ts';
import type { Db } from '../store/db.ts';
import {
  addProjectProblem,
  divisionsUnder,
  importProjectRegister,
  importProjectReports,
  setSettings,
  upsertRegions,
} from '../store/index.ts';
import { driverName, freshStore } from '../store/testing.ts';
import { projectReadModels, type ReadModel } from './projectReadModel.ts';
import { BINJIANG, NEW_IN_2025, projectFixture, XIHU } from './testing.ts';

const project = (code: string, regionText: string, annualPlan: number) =>
  projectFixture(code, regionText, {
    ...NEW_IN_2025,
    level: '市重点',
    totalInvestment: 10_000,
    annualPlan,
    actualStart: code.endsWith('1') ? null : '2025-03-15',
    plannedFinish: '2025-12-31',
    libraryDate: code.endsWith('2') ? null : '2025-04-30',
  });
const report = parsedReport;
const june: PeriodAt = { year: 2025, month: 6 };

/** What a model shows, in plain values (the reports by code, in code order). */
const shown = (m: ReadModel) => ({
  items: m.items,
  reports: [...m.reports].sort(([a], [b]) => (a < b ? -1 : 1)),
  rows: m.rows(),
  rates: m.rates(),
  nots: m.nots(),
  choices: m.choices(),
});

describe(`the board's read model after writes on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let version = 0;
  let kept: ReturnType<typeof projectReadModels>;
  /** Bumps the version (as a write does) and checks the kept model against one read whole. */
  const expectSame = async (region: string) => {
    version++;
    const model = await kept(region, june);
    // Without a version nothing is kept: every call reads the store.
    expect(shown(model)).toEqual(shown(await projectReadModels(db, undefined)(region, june)));
    return model;
  };

  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await upsertRegions(db, divisionsUnder('3301', 'county'));
    await importProjectRegister(db, '项目库.csv', [
      project('B1', '滨江区', 500),
      project('B2', '滨江区', 4000),
      project('X1', '西湖区', 1000),
      project('X2', '西湖区', 1000),
      project('X3', '西湖区', 2000),
    ]);
    await importProjectReports(db, '项目月报.csv', [
      report('B2', 2024, 12, 3000),
      report('B2', 2025, 5, 1000),
      report('B2', 2025, 6, 1000),
      report('X2', 2025, 6, 300),
      report('X3', 2024, 10, 700),
      report('X3', 2025, 6, 1000),
    ]);
    kept = projectReadModels(db, () => version);
    await kept('3301', june);
    await kept(XIHU, june);
  });
  afterAll(() => drop());

  it('keeps the very model when a write changes nothing it reads', async () => {
    const before = await kept('3301', june);
    await addProjectProblem(
      db,
      { code: 'B1', description: '用地', coordinator: '规资局', due: '2025-07-01' },
      't',
    );
    expect(await expectSame('3301')).toBe(before);
  });

  it('reads a project again when its reports change, in the city and in its district', async () => {
    await importProjectReports(db, '项目月报.csv', [report('X2', 2025, 6, 900), report('X1', 2024, 12, 50)]);
    await expectSame('3301');
    await expectSame(XIHU);
  });

  it('reads a project again when its register row changes, and leaves out one moved out of the subtree', async () => {
    await importProjectRegister(db, '项目库.csv', [
      project('B2', '滨江区', 2000),
      project('X3', '滨江区', 2000),
    ]);
    await expectSame('3301');
    await expectSame(XIHU);
    await expectSame(BINJIANG);
  });

  it('drops a deleted project and places a new one in code order', async () => {
    await db.query(`DELETE FROM project_problem WHERE project_code = 'B1'`);
    await db.query(`DELETE FROM project_report WHERE project_code = 'B1'`);
    await db.query(`DELETE FROM project WHERE code = 'B1'`);
    await expectSame('3301');
    await importProjectRegister(db, '项目库.csv', [project('B0', '滨江区', 800)]);
    await importProjectReports(db, '项目月报.csv', [report('B0', 2025, 4, 100)]);
    await expectSame('3301');
  });

  it('reads everything again when the light rules or a region change', async () => {
    await setSettings(
      db,
      {
        'projects.rules': {
          lagRed: 20,
          lagYellow: 5,
          startLateRedMonths: 2,
          startLateYellowMonths: 1,
          unlistedRedMonths: 1,
          unlistedYellowMonths: 1,
          tourDropExtremesFrom: 5,
          tourMinScore: 0,
          tourMaxScore: 100,
        },
      },
      't',
    );
    await expectSame('3301');
    await db.query(`UPDATE region SET name = '西湖新区' WHERE code = $1`, [XIHU]);
    await expectSame('3301');
  });
});
