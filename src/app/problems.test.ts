// Importing a problem list (问题清单: 项目编号, 问题描述, 协调单位, 完成时限) from real files: told by its header,
// appended all or nothing; an unknown 项目编号, an impossible date or a problem twice refuses the file, naming
// its row and column, and writes nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../core/imports.ts';
import type { Db } from '../store/db.ts';
import { divisionsUnder, projectProblems, upsertRegions } from '../store/index.ts';
import { driverName, freshStore } from '../store/testing.ts';
import { importAnyFile, importProjectFile } from './imports.ts';

const dir = mkdtempSync(join(tmpdir(), 'tiaodu-problems-'));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const HEADER = '项目编号,问题描述,协调单位,完成时限';
const problems = (name: string, ...rows: string[]) => write(name, `${[HEADER, ...rows].join('\n')}\n`);

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await freshStore());
  await upsertRegions(db, divisionsUnder('330100', 'county'));
  const register = write(
    '项目库.csv',
    '项目编号,项目名称,所属地区,责任单位,包联领导,级别,类型,建设性质,总投资(万元),年度计划投资(万元),计划开工,实际开工,计划竣工,实际竣工,入库日期\n' +
      'XH-001,示例产业园,西湖区,西湖区发改局,张三,区重点,产业,新建,50000,12000,2025-03,2025-03-15,2026-12,,2025-04\n' +
      'BJ-001,示例园区,滨江区,滨江区发改局,李四,区重点,产业,新建,50000,12000,2025-03,2025-03-15,2026-12,,2025-04\n',
  );
  await importProjectFile(db, register);
});
afterAll(async () => {
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

const refusal = async (path: string, options = {}) => {
  const e = await importAnyFile(db, path, options).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ImportError);
  return (e as ImportError).issues;
};

describe(`importing a problem list (${driverName})`, () => {
  it('refuses an unknown 项目编号 and an impossible date, naming row and column, and writes nothing', async () => {
    const issues = await refusal(
      problems(
        '问题清单.csv',
        'XH-001,用地指标未落实,区规划资源分局,2025-07-31',
        'XX-9,电力接入,供电公司,2025-07-31',
        'XH-001,施工许可,区住建局,2025-02-30',
      ),
    );
    expect(issues.map((i) => [i.row, i.column, i.value])).toEqual([[4, 'D(完成时限)', '2025-02-30']]);
    const unknown = await refusal(
      problems(
        '问题清单2.csv',
        'XH-001,用地指标未落实,区规划资源分局,2025-07-31',
        'XX-9,电力接入,供电公司,2025-07-31',
      ),
    );
    expect(unknown.map((i) => [i.row, i.column, i.value, i.expected])).toEqual([
      [3, 'A(项目编号)', 'XX-9', '项目库中没有这个项目编号：请先导入项目库'],
    ]);
    expect(await projectProblems(db, '3301')).toEqual([]);
  });

  it('refuses the same problem of a project twice in one file', async () => {
    const issues = await refusal(
      problems(
        '问题清单3.csv',
        'XH-001,用地指标未落实,区规划资源分局,2025-07-31',
        'XH-001,用地指标未落实,市规划资源局,2025-08-31',
      ),
    );
    expect(issues.map((i) => [i.row, i.code])).toEqual([[3, 'duplicate']]);
  });

  it('refuses a district account a project of another district', async () => {
    const issues = await refusal(problems('问题清单4.csv', 'BJ-001,电力接入,供电公司,2025-07-31'), {
      role: 'analyst',
      scopeRegionCode: '330106',
    });
    expect(issues.map((i) => [i.row, i.expected])).toEqual([[2, '该项目不在本账号辖区内']]);
    expect(await projectProblems(db, '3301')).toEqual([]);
  });

  it('appends every row, a month as its last day, to the projects’ lists', async () => {
    const s = await importAnyFile(
      db,
      problems(
        '问题清单.csv',
        'XH-001,用地指标未落实,区规划资源分局,2025-07',
        'BJ-001,电力接入,供电公司,2025-08-15',
      ),
      { user: 'analyst' },
    );
    expect(s).toMatchObject({ format: '问题清单', rows: 2, created: 2 });
    const list = await projectProblems(db, '3301');
    expect(list.map((p) => [p.projectCode, p.description, p.coordinator, p.due, p.raisedBy])).toEqual([
      ['XH-001', '用地指标未落实', '区规划资源分局', '2025-07-31', 'analyst'],
      ['BJ-001', '电力接入', '供电公司', '2025-08-15', 'analyst'],
    ]);
  });
});
