// Deployment settings (设置): a known set of keys, each with a default and a check; changes are audited.

import { TiaoduError } from '../core/errors.ts';
import { DEFAULT_PROJECT_RULES, type ProjectRuleSettings } from '../core/projects/settings.ts';
import { DEFAULT_TASK_RULES } from '../core/tasks/rules.ts';
import { ROLES, type Role } from './accounts.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import { z } from './zod.ts';

const days = z.number().int().min(0).max(3650);
/** The supervision thresholds (督办亮灯、约谈) and default time limits: DESIGN.md "Supervision tasks". */
const taskRules = z.object({
  blueDays: days,
  yellowBehindPoints: z.number().min(0).max(100),
  yellowSilentDays: days,
  escalateRedDays: days,
  limits: z.object({
    meeting: days,
    instructionUrgent: days,
    instructionNormal: days,
    instructionHard: days,
  }),
});

const roles = z.array(z.enum(ROLES as [Role, ...Role[]])).transform((rs) => [...new Set(rs)]);

/** Every setting a deployment can change: its check, its default and what it means (shown to admins). */
export const SETTINGS = {
  'league.peerFigures': {
    schema: roles,
    default: ['analyst', 'leader', 'admin'] as Role[],
    description:
      '可查看其他地区已发布排位数据的角色；不在其中的账号在排位表（含导出）中只看到本辖区的行及其名次',
  },
  'projects.rules': {
    schema: z
      .object(Object.fromEntries(Object.keys(DEFAULT_PROJECT_RULES).map((k) => [k, z.number().min(0)])))
      .partial()
      .transform((v) => ({ ...DEFAULT_PROJECT_RULES, ...v }) as ProjectRuleSettings),
    default: DEFAULT_PROJECT_RULES,
    description:
      '重点项目亮灯和拉练评分的规则（可只给要改的项）：lagRed/lagYellow 投资滞后百分点，startLateRedMonths/startLateYellowMonths 逾期未开工月数，unlistedRedMonths/unlistedYellowMonths 开工未入库月数，tourDropExtremesFrom 去掉最高最低分的评委人数，tourMinScore/tourMaxScore 分数范围',
  },
  'tasks.rules': {
    schema: taskRules,
    default: DEFAULT_TASK_RULES,
    description:
      '督办亮灯与期限：截止前几天亮蓝灯、进度落后时序多少个百分点或多少天未报送亮黄灯、红灯超过几天列入约谈，以及会议纪要和批示（特急、一般、疑难）的默认办理天数',
  },
  'assess.publicRanking': {
    schema: z.boolean(),
    default: false as boolean,
    description: '按辖区限定的账号能否看到已发布考核结果的全部排名；否则只看到本辖区各地的得分及其组内名次',
  },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type Settings = { [K in SettingKey]: z.infer<(typeof SETTINGS)[K]['schema']> };

const isKey = (k: string): k is SettingKey => Object.hasOwn(SETTINGS, k);

const parseJson = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

/** Every setting, stored or default. A stored value that no longer passes its check falls back to the default. */
export async function getSettings(db: Db): Promise<Settings> {
  const rows = await db.query<{ key: string; value: unknown }>('SELECT key, value FROM setting');
  const stored = new Map(rows.map((r) => [r.key, parseJson(r.value)]));
  const out = {} as Record<SettingKey, unknown>;
  for (const key of Object.keys(SETTINGS) as SettingKey[]) {
    const spec = SETTINGS[key];
    const parsed = spec.schema.safeParse(stored.get(key));
    out[key] = parsed.success ? parsed.data : spec.default;
  }
  return out as Settings;
}

export async function getSetting<K extends SettingKey>(db: Db, key: K): Promise<Settings[K]> {
  return (await getSettings(db))[key];
}

/**
 * Changes settings, all or none; each change is audited as setting.set with old → new.
 * @example await setSettings(db, { 'league.peerFigures': ['analyst', 'admin'] }, 'admin')
 */
export async function setSettings(db: Db, changes: Record<string, unknown>, user: string): Promise<Settings> {
  const checked: [SettingKey, unknown][] = [];
  for (const [key, value] of Object.entries(changes)) {
    if (!isKey(key)) {
      throw new TiaoduError(
        'validation',
        `没有设置项「${key}」；可设置：${Object.keys(SETTINGS).join('、')}`,
      );
    }
    const parsed = SETTINGS[key].schema.safeParse(value);
    if (!parsed.success) {
      const why = parsed.error.issues.map((i) => i.message).join('；');
      throw new TiaoduError('validation', `设置项「${key}」的值不合要求：${why}`);
    }
    checked.push([key, parsed.data]);
  }
  await db.transaction(async (tx) => {
    const before = await getSettings(tx);
    for (const [key, value] of checked) {
      await tx.query(
        `INSERT INTO setting (key, value, set_by) VALUES ($1, $2::jsonb, $3)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, set_by = EXCLUDED.set_by, set_at = now()`,
        [key, JSON.stringify(value), user],
      );
      await recordAudit(tx, { user, action: 'setting.set', object: key, old: before[key], new: value });
    }
  });
  return getSettings(db);
}

/** Whether a role may see other regions' published league figures (the `league.peerFigures` setting). */
export async function maySeePeerFigures(db: Db, role: Role): Promise<boolean> {
  return (await getSetting(db, 'league.peerFigures')).includes(role);
}
