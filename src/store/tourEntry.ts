// Scores entered one at a time on the judges' phones, and closing a tour, after which nothing of it changes.
import { TiaoduError } from '../core/errors.ts';
import { validTourScore } from '../core/projects/tour.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import { getSetting } from './settings.ts';
import { type Actor, openTour, requireTour, type Tour } from './tours.ts';

/**
 * Enters (or corrects) one judge's score of one project. A judge's account enters only its own scores; an
 * analyst or administrator any judge's. Refused once the tour is closed, or for a score outside the range.
 */
export async function enterTourScore(
  db: Db,
  id: number,
  s: { projectCode: string; judge: string; score: number },
  actor: Actor,
): Promise<void> {
  const rules = await getSetting(db, 'projects.rules');
  if (!validTourScore(s.score, rules))
    throw new TiaoduError(
      'validation',
      `分数应为 ${rules.tourMinScore}–${rules.tourMaxScore} 之间的数，收到 ${s.score}`,
    );
  await db.transaction(async (tx) => {
    const tour = await openTour(tx, id);
    const [judge] = await tx.query<{ user_name: string | null }>(
      'SELECT user_name FROM tour_judge WHERE tour_id = $1 AND name = $2',
      [id, s.judge],
    );
    if (!judge) throw new TiaoduError('validation', `「${s.judge}」不是拉练「${tour.name}」的评委`);
    const taskForce = actor.role === 'analyst' || actor.role === 'admin';
    if (!taskForce && judge.user_name !== actor.name)
      throw new TiaoduError('forbidden', '评委只能录入自己的评分');
    const visited = await tx.query('SELECT 1 FROM tour_project WHERE tour_id = $1 AND project_code = $2', [
      id,
      s.projectCode,
    ]);
    if (visited.length === 0)
      throw new TiaoduError('project.unknown', `拉练「${tour.name}」不到项目「${s.projectCode}」`);
    const [old] = await tx.query<{ score: number }>(
      'SELECT score FROM tour_score WHERE tour = $1 AND project_code = $2 AND judge = $3',
      [tour.name, s.projectCode, s.judge],
    );
    await tx.query(
      `INSERT INTO tour_score (tour, project_code, judge, score, scored_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tour, project_code, judge) DO UPDATE SET score = $4, scored_by = $5, scored_at = now()`,
      [tour.name, s.projectCode, s.judge, s.score, actor.name],
    );
    if (tour.status === '计划') await tx.query(`UPDATE tour SET status = '进行中' WHERE id = $1`, [id]);
    await recordAudit(tx, {
      user: actor.name,
      action: 'tour.score',
      region: tour.regionCode,
      object: `${tour.name} ${s.projectCode} ${s.judge}`,
      old: old ? Number(old.score) : undefined,
      new: s.score,
    });
  });
}

/** Closes a tour: its scores are frozen from now on. */
export async function closeTour(db: Db, id: number, user: string): Promise<Tour> {
  await db.transaction(async (tx) => {
    const tour = await openTour(tx, id);
    await tx.query(`UPDATE tour SET status = '已结束', closed_by = $2, closed_at = now() WHERE id = $1`, [
      id,
      user,
    ]);
    await recordAudit(tx, { user, action: 'tour.close', region: tour.regionCode, object: tour.name });
  });
  return requireTour(db, id);
}
