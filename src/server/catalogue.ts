// Writing the indicator catalogue (指标库): who may, and what of a built-in indicator may change.
import { builtinIndicators } from '../core/catalog.ts';
import { TiaoduError } from '../core/errors.ts';
import type { Indicator } from '../core/types.ts';
import type { Db } from '../store/db.ts';
import { listIndicators, recordAudit, saveIndicator } from '../store/index.ts';
import { requireCityWide, requireRole, type User } from './auth.ts';

/** What a city may set on a built-in indicator; the rest (code, name, unit, measure, …) is its identity. */
export const BUILTIN_EDITABLE: (keyof Indicator)[] = [
  'alertThreshold',
  'excellenceThreshold',
  'reportingUnit',
  'leader',
  'intake',
  'aliases',
];

/**
 * Saves an indicator sent by `user` (`sent`: the keys the request actually carried, before defaults), and
 * records it. The catalogue is shared by every region, so only city-wide analysts and administrators write
 * it; a built-in indicator's identity is fixed — importers and formulas rely on it — and only a city-wide
 * administrator may change the parts each city sets for itself.
 * @example await saveIndicatorAs(db, admin, { ...gdp, alertThreshold: -2 }, new Set(['code', 'alertThreshold']))
 */
export async function saveIndicatorAs(
  db: Db,
  user: User,
  given: Indicator,
  sent: Set<string>,
): Promise<Indicator> {
  requireRole(user, ['admin', 'analyst']);
  requireCityWide(user, '修改指标库');
  const old = (await listIndicators(db)).find((i) => i.code === given.code) ?? null;
  let indicator = given;
  const builtin = old && builtinIndicators.find((b) => b.code === old.code);
  if (old && builtin) {
    if (user.role !== 'admin') throw new TiaoduError('forbidden', '内置指标只能由不限地区的管理员修改');
    const fixed = (Object.keys(old) as (keyof Indicator)[]).filter(
      (k) =>
        !BUILTIN_EDITABLE.includes(k) && sent.has(k) && JSON.stringify(given[k]) !== JSON.stringify(old[k]),
    );
    if (fixed.length > 0)
      throw new TiaoduError(
        'forbidden',
        `内置指标「${old.name}」只能修改阈值、报送单位、分管领导、填报方式和别名，不能修改：${fixed.join('、')}`,
      );
    indicator = { ...old };
    for (const k of BUILTIN_EDITABLE) if (sent.has(k)) Object.assign(indicator, { [k]: given[k] });
    // The catalogue's own aliases stay: statistics files are read by them.
    indicator.aliases = [...new Set([...builtin.aliases, ...indicator.aliases])];
  }
  await db.transaction(async (tx) => {
    await saveIndicator(tx, indicator);
    await recordAudit(tx, {
      user: user.name,
      action: 'indicator.save',
      object: indicator.code,
      old,
      new: indicator,
    });
  });
  return indicator;
}
