// The key projects of the access walk's world: one in each target region, with a photo, so each read and write
// of the project routes can be aimed at the target's own (kept apart from access-projects.ts: access-world.ts
// imports this while access-cases.ts is still loading).
import type { Db } from '../store/db.ts';
import { savePhoto } from '../store/projectUpdates.ts';
import { CODES, leadOf, TARGET_KEYS, type TargetKey } from './access-world.ts';

export const projectOf = (t: TargetKey | null) => `ZXPROJ-${t ?? 'own'}`;
/** A WEBP's first bytes, all ASCII: the probe sends upload bodies as text. */
export const WEBP = 'RIFF\u001a\u0000\u0000\u0000WEBPVP8 ';
export const photos = new Map<TargetKey, number>();

/** One project in each target region, each with a photo kept for reads by id and the lead it came from. */
export async function seedWorldProjects(db: Db): Promise<void> {
  for (const t of TARGET_KEYS) {
    await db.query(
      `INSERT INTO project (code, name, region_code, nature, annual_plan, planned_start)
       VALUES ($1, $2, $3, '新建', 1000, '2025-03-31')`,
      [projectOf(t), `访问测试项目${t}`, CODES[t]],
    );
    const body = new TextEncoder().encode(WEBP);
    photos.set(
      t,
      await savePhoto(db, { code: projectOf(t), name: 'p.webp', type: 'image/webp', body, user: 'world' }),
    );
    // A lead signed this year, promoted to the region's project: the lead reads show it by its code.
    await db.query(
      `INSERT INTO investment_lead (code, name, region_code, industry, contract, signed, funds_arrived, project_code)
       VALUES ($1, $1, $2, $1, 1000, '2025-03-01', 100, $3)`,
      [leadOf(t), CODES[t], projectOf(t)],
    );
  }
}
