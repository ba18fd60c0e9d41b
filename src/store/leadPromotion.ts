// A lead promoted to a key project (招商项目转重点项目): the project is made in the register from the lead (or an
// existing project is named), and the lead keeps the link, audited as `lead.promote`; a wrong link is undone
// (`lead.unlink`), the project staying in the register.
import { TiaoduError } from '../core/errors.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import { REGIONS_BELOW } from './tasks.ts';

export interface PromotedLead {
  lead: string;
  project: string;
  /** True when the project was made from the lead; false when the lead was linked to a project of the register. */
  created: boolean;
}

interface LeadRow {
  code: string;
  name: string;
  region_code: string;
  unit_region_code: string | null;
  unit: string | null;
  contract: number | string;
  started: string | null;
  project_code: string | null;
}

/**
 * Promotes the lead `code` of the subtree of `regionCode`. `project` (default: the lead's own code) names the
 * project: one of the register within the subtree is linked; a code the register lacks is made from the lead —
 * its name, region, unit, the contract amount as 总投资, its 开工日期 as 实际开工, 新建, no annual plan yet.
 * A lead linked to another project already is refused: a link is undone by `unlinkLead`, not overwritten by a click.
 */
export async function promoteLead(
  db: Db,
  p: { regionCode: string; code: string; project?: string; user: string },
): Promise<PromotedLead> {
  return db.transaction(async (tx) => {
    const [lead] = await tx.query<LeadRow>(
      `${REGIONS_BELOW} SELECT * FROM investment_lead WHERE code = $2 AND region_code IN (SELECT code FROM below)
       FOR UPDATE`,
      [p.regionCode, p.code],
    );
    if (!lead) throw new TiaoduError('lead.unknown', `没有项目编号为「${p.code}」的招商项目（在所选地区内）`);
    const target = (p.project ?? lead.code).trim();
    if (lead.project_code && lead.project_code !== target)
      throw new TiaoduError(
        'lead.conflict',
        `招商项目「${lead.code}」已关联重点项目「${lead.project_code}」，不能再关联「${target}」`,
      );
    const [existing] = await tx.query<{ code: string; inside: boolean }>(
      `${REGIONS_BELOW} SELECT code, region_code IN (SELECT code FROM below) AS inside FROM project WHERE code = $2`,
      [p.regionCode, target],
    );
    if (existing && !existing.inside)
      throw new TiaoduError('project.unknown', `没有项目编号为「${target}」的重点项目（在所选地区内）`);
    if (!existing)
      await tx.query(
        `INSERT INTO project (code, name, region_code, unit_region_code, unit, nature, total_investment, annual_plan,
           actual_start, updated_by)
         VALUES ($1, $2, $3, $4, $5, '新建', $6, 0, $7, $8)`,
        [
          target,
          lead.name,
          lead.region_code,
          lead.unit_region_code,
          lead.unit,
          Number(lead.contract),
          lead.started,
          p.user,
        ],
      );
    if (lead.project_code !== target)
      await tx.query(
        'UPDATE investment_lead SET project_code = $2, linked_by = $3, linked_at = now() WHERE code = $1',
        [lead.code, target, p.user],
      );
    const result = { lead: lead.code, project: target, created: !existing };
    await recordAudit(tx, {
      user: p.user,
      action: 'lead.promote',
      region: lead.region_code,
      object: lead.code,
      old: lead.project_code,
      new: result,
    });
    return result;
  });
}

export interface UnlinkedLead {
  lead: string;
  /** The project the lead was linked to; it stays in the register. */
  project: string;
}

/**
 * Undoes the link of the lead `code` of the subtree of `regionCode` to its key project (a wrong promotion or
 * 关联项目编号). The project is kept: by now it may have month reports, updates and problems of its own.
 * Audited as `lead.unlink`, old = the link (project, who made it, when), new = no project.
 * @example await unlinkLead(db, { regionCode: '330106', code: 'ZS-1', user: '西湖分析员' }) // → { lead: 'ZS-1', project: 'XM-1' }
 */
export async function unlinkLead(
  db: Db,
  p: { regionCode: string; code: string; user: string },
): Promise<UnlinkedLead> {
  return db.transaction(async (tx) => {
    const [lead] = await tx.query<{
      code: string;
      region_code: string;
      project_code: string | null;
      linked_by: string | null;
      linked_at: Date | string | null;
    }>(
      `${REGIONS_BELOW} SELECT code, region_code, project_code, linked_by, linked_at FROM investment_lead
       WHERE code = $2 AND region_code IN (SELECT code FROM below) FOR UPDATE`,
      [p.regionCode, p.code],
    );
    if (!lead) throw new TiaoduError('lead.unknown', `没有项目编号为「${p.code}」的招商项目（在所选地区内）`);
    if (!lead.project_code)
      throw new TiaoduError('lead.conflict', `招商项目「${lead.code}」没有关联重点项目，无需撤销`);
    await tx.query(
      'UPDATE investment_lead SET project_code = NULL, linked_by = NULL, linked_at = NULL WHERE code = $1',
      [lead.code],
    );
    const linkedAt = lead.linked_at === null ? null : new Date(lead.linked_at).toISOString();
    await recordAudit(tx, {
      user: p.user,
      action: 'lead.unlink',
      region: lead.region_code,
      object: lead.code,
      old: { project: lead.project_code, linkedBy: lead.linked_by, linkedAt },
      new: { project: null },
    });
    return { lead: lead.code, project: lead.project_code };
  });
}

/** The lead a project came from (来源招商项目), if any: the project drawer shows it. */
export async function leadOfProject(
  db: Db,
  projectCode: string,
): Promise<{ code: string; name: string; contract: number; signed: string | null } | null> {
  const [l] = await db.query<{
    code: string;
    name: string;
    contract: number | string;
    signed: string | null;
  }>(
    'SELECT code, name, contract, signed FROM investment_lead WHERE project_code = $1 ORDER BY code LIMIT 1',
    [projectCode],
  );
  return l ? { code: l.code, name: l.name, contract: Number(l.contract), signed: l.signed } : null;
}
