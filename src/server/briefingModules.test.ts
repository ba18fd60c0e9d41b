// GET /api/briefing reads the supervision figures on the server's day while the period runs (the app's clock,
// as the task list does), and on the period's last day once it has ended.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Briefing } from '../core/briefing/types.ts';
import type { Db } from '../store/db.ts';
import { addUnit, createTask, divisionsUnder, upsertRegions } from '../store/index.ts';
import { driverName, freshStore } from '../store/testing.ts';
import { createApp } from './app.ts';
import { createTokenAuth } from './auth.ts';
import { as } from './testing.ts';

const auth = createTokenAuth({ analyst: { name: '市分析员', role: 'analyst', regionCode: null } });

describe(`the briefing's supervision section over the API on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await upsertRegions(db, divisionsUnder('3301', 'county'));
    await addUnit(db, '330106', '西湖区住建局');
    // Due 06-10, never reported: red from 06-10.
    await createTask(
      db,
      { title: '推进园区污水管网改造', lead: ['西湖区住建局'], support: [], due: '2025-06-10' },
      't',
      '2025-05-01',
    );
  });
  afterAll(() => drop());

  const tasksOf = async (today: string) => {
    const app = createApp(db, { auth, today: new Date(`${today}T00:00:00Z`) });
    const r = await app.request('/api/briefing?region=330106&period=2025-06&format=json', as('analyst'));
    const b = (await r.json()) as Briefing;
    return b.sections.find((s) => s.key === 'tasks')?.paragraphs;
  };

  it('says 截至目前 on the server’s day within the month: red 2 days, not yet 约谈', async () => {
    expect(await tasksOf('2025-06-12')).toEqual([
      '截至目前，全区督办事项共1项，尚无办结事项，逾期未办结1项。',
      '按督办亮灯规则，亮红灯1项，相关责任单位要加快推进。',
    ]);
  });

  it('reads a past month on its last day: red 20 days, on the 约谈 list', async () => {
    expect(await tasksOf('2025-12-04')).toEqual([
      '截至6月底，全区督办事项共1项，尚无办结事项，逾期未办结1项。',
      '按督办亮灯规则，亮红灯1项，相关责任单位要加快推进。',
      '列入约谈名单的1项：西湖区住建局牵头的“推进园区污水管网改造”（红灯20天）。',
    ]);
  });
});
