// CLI commands for the catalogue: indicators, custom regions and peer groups, units, import templates.
import { writeFile } from 'node:fs/promises';
import { TiaoduError } from '../core/errors.ts';
import type { Indicator } from '../core/types.ts';
import { assessInputsTemplateCsv } from '../intake/assessInputs.ts';
import {
  PROJECT_TEMPLATE_NAMES,
  projectTemplateCsv,
  projectTemplateXlsx,
} from '../intake/projectTemplates.ts';
import { targetTemplateCsv } from '../intake/targets.ts';
import { longTemplateCsv, longTemplateXlsx } from '../intake/templates.ts';
import {
  addCustomRegion,
  addUnit,
  ensureUnit,
  linkUnitUser,
  listIndicators,
  listUsers,
  openStore,
  type Role,
  requireRegion,
  requireUnit,
  saveIndicator,
  saveUser,
  setRegionGroup,
} from '../store/index.ts';
import { type Flags, numberFlag, parse, required } from './args.ts';
import type { Command } from './commands.ts';
import { printTable } from './print.ts';

const open = (values: Flags) => openStore({ dataDir: values.data });

const indicator: Command = async (argv) => {
  const [sub, ...rest] = argv;
  const { values } = parse(rest, {
    code: { type: 'string' },
    name: { type: 'string' },
    unit: { type: 'string' },
    alias: { type: 'string', multiple: true },
    frequency: { type: 'string' },
    measure: { type: 'string' },
    aggregation: { type: 'string' },
    direction: { type: 'string' },
    comparable: { type: 'boolean' },
    'jan-feb': { type: 'boolean' },
    alert: { type: 'string' },
    excellence: { type: 'string' },
  });
  const db = await open(values);
  try {
    if (sub === 'list') {
      const all = await listIndicators(db);
      if (values.json) console.log(JSON.stringify(all));
      else
        printTable(
          ['代码', '名称', '单位', '频率', '类型', '别名'],
          all.map((i) => [i.code, i.name, i.unit, i.frequency, i.measure, i.aliases.join('、')]),
        );
      return 0;
    }
    if (sub === 'add') {
      const pick = <T extends string>(v: unknown, allowed: T[], dflt: T, flag: string): T => {
        const s = (v ?? dflt) as T;
        if (!allowed.includes(s)) throw new TiaoduError('usage', `--${flag} 应为 ${allowed.join('、')}`);
        return s;
      };
      const i: Indicator = {
        code: required(values, 'code'),
        name: required(values, 'name'),
        unit: required(values, 'unit'),
        aliases: values.alias ? values.alias.split(',') : [],
        frequency: pick(values.frequency, ['month', 'quarter', 'year'], 'month', 'frequency'),
        measure: pick(values.measure, ['flow', 'stock', 'rate'], 'flow', 'measure'),
        aggregation: pick(values.aggregation, ['sum', 'none'], 'sum', 'aggregation'),
        direction: pick(values.direction, ['up', 'down'], 'up', 'direction'),
        comparable: !!values.comparable,
        janFebCombined: !!values['jan-feb'],
        reportingUnit: null,
        leader: null,
        intake: 'file',
        alertThreshold: numberFlag(values, 'alert') ?? null,
        excellenceThreshold: numberFlag(values, 'excellence') ?? null,
      };
      await saveIndicator(db, i);
      console.log(`已保存指标 ${i.code} ${i.name}`);
      return 0;
    }
    throw new TiaoduError('usage', '用法: tiaodu indicator list | add --code … --name … --unit …');
  } finally {
    await db.close();
  }
};

const region: Command = async (argv) => {
  const [sub, ...rest] = argv;
  const { values, positionals } = parse(rest, {
    code: { type: 'string' },
    name: { type: 'string' },
    parent: { type: 'string' },
    kind: { type: 'string' },
  });
  const db = await open(values);
  try {
    if (sub === 'add') {
      const parent = await requireRegion(db, required(values, 'parent'));
      const kind = values.kind === 'zone' ? 'zone' : 'park';
      const r = await addCustomRegion(db, {
        code: required(values, 'code'),
        name: required(values, 'name'),
        parentCode: parent.code,
        kind,
      });
      console.log(`已添加 ${r.name}（${r.code}），隶属 ${parent.name}`);
      return 0;
    }
    if (sub === 'group') {
      const codes: string[] = [];
      for (const p of positionals) codes.push((await requireRegion(db, p)).code);
      await setRegionGroup(db, required(values, 'name'), codes);
      console.log(`已设定地区分组「${values.name}」：${codes.length} 个地区`);
      return 0;
    }
    throw new TiaoduError(
      'usage',
      '用法: tiaodu region add --code … --name … --parent … | region group --name 组名 地区…',
    );
  } finally {
    await db.close();
  }
};

const unit: Command = async (argv) => {
  const [sub, ...rest] = argv;
  const { values } = parse(rest, {
    region: { type: 'string' },
    name: { type: 'string' },
    unit: { type: 'string' },
    user: { type: 'string' },
  });
  if (sub !== 'add' && sub !== 'link')
    throw new TiaoduError(
      'usage',
      '用法: tiaodu unit add --region 地区 --name 单位名称 | unit link --unit 单位 --user 用户名',
    );
  const db = await open(values);
  try {
    if (sub === 'link') {
      const u = await requireUnit(db, required(values, 'unit'));
      await linkUnitUser(db, u.id, required(values, 'user'), 'cli');
      console.log(`已将用户 ${values.user} 设为单位 ${u.name}（${u.regionName}，编号 ${u.id}）的责任人`);
      return 0;
    }
    const r = await requireRegion(db, required(values, 'region'));
    await addUnit(db, r.code, required(values, 'name'));
    const u = await ensureUnit(db, r.code, required(values, 'name'));
    console.log(`已添加单位 ${values.name}（${r.name}），编号 ${u.id}`);
    return 0;
  } finally {
    await db.close();
  }
};

/** A project layout's template by its name (projects-csv, leads-xlsx, …), or null for another name. */
function projectTemplate(kind: string | undefined): Promise<string | Buffer> | null {
  const m = /^(.+)-(csv|xlsx)$/.exec(kind ?? '');
  const layout = m ? PROJECT_TEMPLATE_NAMES[m[1] as string] : undefined;
  if (!layout) return null;
  return m?.[2] === 'csv' ? Promise.resolve(projectTemplateCsv(layout)) : projectTemplateXlsx(layout);
}

const template: Command = async (argv) => {
  const [kind, ...rest] = argv;
  const { values } = parse(rest, { out: { type: 'string' } });
  const out = required(values, 'out');
  if (kind === 'long-csv') await writeFile(out, longTemplateCsv());
  else if (kind === 'long-xlsx') await writeFile(out, await longTemplateXlsx());
  else if (kind === 'targets-csv') await writeFile(out, targetTemplateCsv());
  else if (projectTemplate(kind)) await writeFile(out, (await projectTemplate(kind)) as string | Buffer);
  else if (kind === 'assess-inputs-csv') await writeFile(out, assessInputsTemplateCsv());
  else
    throw new TiaoduError(
      'usage',
      '用法: tiaodu template long-csv|long-xlsx|targets-csv|assess-inputs-csv|projects-csv|projects-xlsx|project-reports-csv|project-reports-xlsx|leads-csv|leads-xlsx|tour-csv|tour-xlsx|problems-csv|problems-xlsx --out 文件',
    );
  console.log(`已写出模板 ${out}`);
  return 0;
};

const user: Command = async (argv) => {
  const [sub, ...rest] = argv;
  const { values } = parse(rest, {
    name: { type: 'string' },
    role: { type: 'string' },
    region: { type: 'string' },
    password: { type: 'string' },
  });
  const db = await open(values);
  try {
    if (sub === 'list') {
      const users = await listUsers(db);
      if (values.json) console.log(JSON.stringify(users));
      else
        printTable(
          ['用户名', '角色', '地区'],
          users.map((u) => [u.name, u.role, u.regionCode ?? '全部']),
        );
      return 0;
    }
    if (sub !== 'add')
      throw new TiaoduError(
        'usage',
        '用法: tiaodu user add --name 用户名 --role admin|analyst|reporter|leader [--region 地区] --password 密码 | user list',
      );
    const role = required(values, 'role') as Role;
    const regionCode = values.region ? (await requireRegion(db, values.region)).code : null;
    await saveUser(db, {
      name: required(values, 'name'),
      role,
      regionCode,
      password: required(values, 'password'),
    });
    console.log(`已保存用户 ${values.name}（${role}${regionCode ? `，${regionCode}` : ''}）`);
    return 0;
  } finally {
    await db.close();
  }
};

export const catalogCommands: Record<string, Command> = { indicator, region, unit, template, user };
