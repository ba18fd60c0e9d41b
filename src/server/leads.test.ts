// The lead endpoints: breakdowns and the report equal the lead rates, the report downloads as a file, and
// promotion and its undoing are for an analyst or admin within their own region only.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedLead } from '../core/projects/parsed.ts';
import type { Db } from '../store/db.ts';
import { importLeads, importProjectRegister, listAudit } from '../store/index.ts';
import { driverName } from '../store/testing.ts';
import { createApp } from './app.ts';
import { createTokenAuth } from './auth.ts';
import { as, BINJIANG, projectFixture, workedCity, XIHU } from './testing.ts';

const at = { line: 2, region: { line: 2, column: 'C' }, unit: { line: 2, column: 'D' } };
const lead = (
  code: string,
  regionText: string,
  contract: number,
  over: Partial<ParsedLead> = {},
): ParsedLead => ({
  code,
  name: `招商${code}`,
  regionText,
  unit: null,
  industry: '制造业',
  contract,
  signed: '2025-02-01',
  registered: null,
  started: null,
  producing: null,
  fundsArrived: 0,
  at,
  ...over,
});
const project = projectFixture('BJ-P', '滨江区', {
  name: '滨江项目',
  level: null,
  type: null,
  nature: '新建',
  annualPlan: 100,
  plannedStart: null,
  actualStart: null,
  libraryDate: null,
});

describe(`the lead endpoints on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const send = async (path: string, token: string, json?: unknown) => {
    const r = await app.request(path, as(token, json === undefined ? {} : { json }));
    const type = r.headers.get('content-type') ?? '';
    return { status: r.status, type, body: type.includes('json') ? await r.json() : await r.arrayBuffer() };
  };

  beforeAll(async () => {
    ({ db, drop } = await workedCity());
    await importProjectRegister(db, '项目库.csv', [project]);
    await importLeads(db, '招商项目.csv', [
      lead('XH-L1', '西湖区', 300, { registered: '2025-03-01', started: '2025-04-01', fundsArrived: 150 }),
      lead('XH-L2', '西湖区', 100),
      lead('BJ-L1', '滨江区', 400, { fundsArrived: 100 }),
    ]);
    app = createApp(db, {
      auth: createTokenAuth({
        analyst: { name: '市分析员', role: 'analyst', regionCode: null },
        xhAnalyst: { name: '西湖分析员', role: 'analyst', regionCode: XIHU },
        xhReporter: { name: '西湖填报员', role: 'reporter', regionCode: XIHU },
        bjReporter: { name: '滨江填报员', role: 'reporter', regionCode: BINJIANG },
      }),
      today: new Date('2025-07-15T00:00:00Z'),
    });
  });
  afterAll(() => drop());

  it('breaks the city’s lead rates down by district, ranked by amount signed, with the same totals', async () => {
    const b = await send('/api/leads/breakdown?region=3301&period=2025-06', 'analyst');
    const rates = await send('/api/leads/rates?region=3301&period=2025-06', 'analyst');
    expect(b.body.totals).toEqual(rates.body);
    // 滨江 400 first; 西湖 300 + 100 = 400 too, but started 1 of 2 (50 %) against 0 of 1: 西湖 first.
    const top = b.body.byArea
      .slice(0, 2)
      .map((a: { rank: number; name: string; contract: number }) => [a.rank, a.name, a.contract]);
    expect(top).toEqual([
      [1, '西湖区', 400],
      [2, '滨江区', 400],
    ]);
  });

  it('gives a district its own leads only, with the stage each reached', async () => {
    const own = await send('/api/leads?region=330106&period=2025-06', 'xhReporter');
    expect(own.body.map((l: { code: string; stage: string }) => [l.code, l.stage])).toEqual([
      ['XH-L1', '开工'],
      ['XH-L2', '签约'],
    ]);
    expect((await send('/api/leads?region=330108&period=2025-06', 'xhReporter')).status).toBe(403);
    expect((await send('/api/leads/report?region=3301&period=2025-06', 'xhAnalyst')).status).toBe(403);
  });

  it('downloads the monthly report as a Word file named by its title', async () => {
    const r = await app.request(
      '/api/leads/report?region=330106&period=2025-06&format=docx',
      as('xhReporter'),
    );
    expect(r.status).toBe(200);
    expect(decodeURIComponent(r.headers.get('content-disposition') ?? '')).toContain(
      '西湖区2025年6月招商引资月报.docx',
    );
    const xml =
      (await (await JSZip.loadAsync(await r.arrayBuffer())).file('word/document.xml')?.async('string')) ?? '';
    // 西湖: 2 signed, 400; registered 1 → 50 %; funds 150 / 400 = 37.5 %.
    expect(xml).toContain('西湖区新签约招商项目 2 个，签约金额 400 万元');
    expect(xml).toContain('资金到位率 37.5%');
  });

  it('lets a district analyst promote its own lead, and refuses the sibling’s lead and a reporter', async () => {
    const refused = await send('/api/leads/promote', 'xhAnalyst', { region: BINJIANG, code: 'BJ-L1' });
    expect(refused.status).toBe(403);
    // Naming its own district does not reach the sibling's lead either.
    const hidden = await send('/api/leads/promote', 'xhAnalyst', { region: XIHU, code: 'BJ-L1' });
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('lead.unknown');
    // Nor link its lead to the sibling's project.
    const across = await send('/api/leads/promote', 'xhAnalyst', {
      region: XIHU,
      code: 'XH-L1',
      project: 'BJ-P',
    });
    expect(across.status).toBe(404);
    expect((await send('/api/leads/promote', 'xhReporter', { region: XIHU, code: 'XH-L1' })).status).toBe(
      403,
    );

    const done = await send('/api/leads/promote', 'xhAnalyst', {
      region: XIHU,
      code: 'XH-L1',
      project: 'XH-NEW',
    });
    expect(done).toMatchObject({ status: 200, body: { lead: 'XH-L1', project: 'XH-NEW', created: true } });
    const list = await send('/api/leads?region=330106&period=2025-06', 'xhReporter');
    expect(list.body[0]).toMatchObject({ code: 'XH-L1', projectCode: 'XH-NEW' });
    const source = await send('/api/leads/of-project?region=330106&code=XH-NEW', 'xhReporter');
    expect(source.body).toEqual({ code: 'XH-L1', name: '招商XH-L1', contract: 300, signed: '2025-02-01' });
    const again = await send('/api/leads/promote', 'xhAnalyst', {
      region: XIHU,
      code: 'XH-L1',
      project: 'XH-2',
    });
    expect(again.status).toBe(409);
    const audit = await listAudit(db, { action: 'lead.promote' });
    expect(audit.map((a) => [a.user, a.object])).toEqual([['西湖分析员', 'XH-L1']]);
    // The project the lead became is in the district's register, with the lead's amount as its total.
    const projects = await send('/api/projects?region=330106&period=2025-06', 'xhReporter');
    expect(projects.body.find((p: { code: string }) => p.code === 'XH-NEW')).toMatchObject({
      name: '招商XH-L1',
      totalInvestment: 300,
      actualStart: '2025-04-01',
    });
  });

  it('undoes a wrong link: the lead shows no project, the project stays, and the audit keeps old → new', async () => {
    const linked = await send('/api/leads/promote', 'xhAnalyst', { region: XIHU, code: 'XH-L2' });
    expect(linked).toMatchObject({ status: 200, body: { lead: 'XH-L2', project: 'XH-L2', created: true } });
    // A reporter of another district is refused, by role and by region, and changes nothing.
    const other = await send('/api/leads/unlink', 'bjReporter', { region: XIHU, code: 'XH-L2' });
    expect(other.status).toBe(403);
    expect((await send('/api/leads/unlink', 'xhReporter', { region: XIHU, code: 'XH-L2' })).status).toBe(403);
    expect((await send('/api/leads/unlink', 'xhAnalyst', { region: BINJIANG, code: 'BJ-L1' })).status).toBe(
      403,
    );
    const missing = await send('/api/leads/unlink', 'xhAnalyst', { region: XIHU, code: 'NO-SUCH' });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({
      code: 'lead.unknown',
      message: '没有项目编号为「NO-SUCH」的招商项目（在所选地区内）',
    });
    const json = { region: XIHU, code: 'NO-SUCH' };
    const english = await app.request(
      '/api/leads/unlink',
      as('xhAnalyst', { json, headers: { 'accept-language': 'en' } }),
    );
    expect((await english.json()).error.message).toBe(
      'No investment lead with code "NO-SUCH" (within the region chosen)',
    );
    const listed = async () =>
      (await send('/api/leads?region=330106&period=2025-06', 'xhReporter')).body.find(
        (l: { code: string }) => l.code === 'XH-L2',
      )?.projectCode;
    expect(await listed()).toBe('XH-L2');

    const undone = await send('/api/leads/unlink', 'xhAnalyst', { region: XIHU, code: 'XH-L2' });
    expect(undone).toEqual({
      status: 200,
      type: expect.stringContaining('json'),
      body: { lead: 'XH-L2', project: 'XH-L2' },
    });
    expect(await listed()).toBeNull();
    expect((await send('/api/leads/of-project?region=330106&code=XH-L2', 'xhReporter')).body).toBeNull();
    // The project made by the promotion stays in the register: it may have reports of its own by now.
    const projects = await send('/api/projects?region=330106&period=2025-06', 'xhReporter');
    expect(projects.body.map((p: { code: string }) => p.code)).toContain('XH-L2');
    const audit = await listAudit(db, { action: 'lead.unlink' });
    expect(audit).toHaveLength(1);
    const entry = audit[0] as (typeof audit)[number];
    expect(entry).toMatchObject({
      user: '西湖分析员',
      region: XIHU,
      object: 'XH-L2',
      old: { project: 'XH-L2', linkedBy: '西湖分析员' },
      new: { project: null },
    });
    expect(Date.parse((entry.old as { linkedAt: string }).linkedAt)).not.toBeNaN();
    expect(Date.parse(entry.at)).not.toBeNaN();
    // Twice is refused: there is nothing left to undo. Then it can be linked again.
    const again = await send('/api/leads/unlink', 'xhAnalyst', { region: XIHU, code: 'XH-L2' });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'lead.conflict' } } });
    const relinked = await send('/api/leads/promote', 'xhAnalyst', { region: XIHU, code: 'XH-L2' });
    expect(relinked).toMatchObject({ status: 200, body: { project: 'XH-L2', created: false } });
  });
});
