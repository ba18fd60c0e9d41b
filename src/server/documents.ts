// Text intake over the API: upload a speech or report, review what was extracted, accept it into
// targets and tasks. Reading is for every signed-in user in scope; uploading and reviewing for the task force.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { TiaoduError } from '../core/errors.ts';
import { makeTarget } from '../core/targets.ts';
import { decodeDocument } from '../intake/decode.ts';
import { extract } from '../intake/text/extract.ts';
import { normalize } from '../intake/text/normalize.ts';
import { draftTarget } from '../intake/text/review.ts';
import type { ExtractedTarget } from '../intake/text/targets.ts';
import type { Db } from '../store/db.ts';
import {
  acceptTarget,
  acceptTask,
  getDocument,
  listDocuments,
  listIndicators,
  requireIndicator,
  requireRegion,
  saveDocument,
  settleItem,
  tasksUnder,
  topRegions,
} from '../store/index.ts';
import { type AuthEnv, assertInScope, requireRole, type User } from './auth.ts';
import { targetBody, validate } from './schemas.ts';
import { uploadName } from './upload.ts';

const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export const documentQuery = z.object({
  region: z.string().min(1).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const taskBody = z.object({
  region: z.string().min(1),
  action: z.string().min(1).max(2000),
  lead: z.array(z.string().min(1)).min(1, '至少要有一个牵头单位').max(50),
  support: z.array(z.string().min(1)).max(50).default([]),
  due: z.string().nullable().default(null),
  recurrence: z.enum(['weekly', 'monthly', 'quarterly']).nullable().default(null),
});

/** Accept (a target or task as the reviewer has it, or a figure as read) or reject one extracted item. */
export const decisionBody = z.object({
  decision: z.enum(['accept', 'reject']),
  target: targetBody.optional(),
  task: taskBody.optional(),
});

/** The region a request is about: the one asked for, else the user's own, else the top of the tree. */
async function regionOf(db: Db, user: User, asked: string | undefined) {
  const region = asked
    ? await requireRegion(db, asked)
    : user.regionCode
      ? await requireRegion(db, user.regionCode)
      : (await topRegions(db))[0];
  if (!region) throw new TiaoduError('region.unknown', '还没有载入任何地区');
  await assertInScope(db, user, region.code);
  return region;
}

/** A document's title: the one its front matter gives, else its file name without the extension. */
function titleOf(text: string, file: string): string {
  const title = /^title:\s*(.+)$/m.exec(text.slice(0, 800))?.[1]?.trim();
  return title || file.replace(/\.[^.]+$/, '');
}

export function documentRoutes(db: Db): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();

  const limit = bodyLimit({
    maxSize: MAX_DOCUMENT_BYTES,
    onError: (c) =>
      c.json(
        {
          error: {
            code: 'document.too_large',
            message: `文件过大：上限 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`,
          },
        },
        413,
      ),
  });

  api.post('/documents', limit, async (c) => {
    const user = c.get('user');
    requireRole(user, ['admin', 'analyst']);
    const q = validate(documentQuery, c.req.query());
    const region = await regionOf(db, user, q.region);
    const file = uploadName(c.req.header('x-filename'), '文件.txt');
    const normalized = normalize(decodeDocument(new Uint8Array(await c.req.arrayBuffer()), file));
    const found = extract(normalized.text, { year: q.year, catalog: await listIndicators(db) });
    const items = [
      ...found.targets.map((extracted) => ({ kind: 'target' as const, extracted })),
      ...found.tasks.map((extracted) => ({ kind: 'task' as const, extracted })),
      ...found.figures.map((extracted) => ({ kind: 'figure' as const, extracted })),
    ];
    const doc = {
      regionCode: region.code,
      title: titleOf(normalized.text, file),
      source: file,
      year: found.year,
      text: normalized.text,
      unreadable: normalized.unreadable.length,
    };
    const id = await saveDocument(db, doc, items, user.name);
    return c.json(
      { id, targets: found.targets.length, tasks: found.tasks.length, figures: found.figures.length },
      201,
    );
  });

  api.get('/documents', async (c) => {
    const region = await regionOf(db, c.get('user'), validate(documentQuery, c.req.query()).region);
    return c.json(await listDocuments(db, region.code));
  });

  api.get('/documents/:id', async (c) => {
    const doc = await getDocument(db, Number(c.req.param('id')));
    await assertInScope(db, c.get('user'), doc.regionCode);
    const catalog = await listIndicators(db);
    // Each target comes with the target a reviewer is offered: indicator, kind and value in its unit.
    const items = doc.items.map((i) =>
      i.kind === 'target'
        ? { ...i, draft: draftTarget(i.extracted as unknown as ExtractedTarget, catalog) }
        : i,
    );
    return c.json({ ...doc, items });
  });

  api.post('/documents/:id/items/:seq', async (c) => {
    const user = c.get('user');
    requireRole(user, ['admin', 'analyst']);
    const id = Number(c.req.param('id'));
    const seq = Number(c.req.param('seq'));
    const doc = await getDocument(db, id);
    await assertInScope(db, user, doc.regionCode);
    const body = validate(decisionBody, await c.req.json().catch(() => undefined));
    const item = doc.items.find((i) => i.seq === seq);
    if (!item) throw new TiaoduError('document.unknown', `文件 ${id} 没有第 ${seq} 项`);
    const quote = typeof item.extracted.quote === 'string' ? item.extracted.quote : null;
    const source = `文件：${doc.title}`;
    if (body.decision === 'reject') {
      await settleItem(db, id, seq, 'rejected', user.name);
    } else if (body.target) {
      const region = await requireRegion(db, body.target.region);
      await assertInScope(db, user, region.code);
      const indicator = await requireIndicator(db, body.target.indicator);
      const codes = { indicatorCode: indicator.code, regionCode: region.code };
      const target = makeTarget(codes, { ...body.target, source, quote });
      await acceptTarget(db, id, seq, target, user.name);
    } else if (body.task) {
      const region = await requireRegion(db, body.task.region);
      await assertInScope(db, user, region.code);
      const { region: _, ...task } = body.task;
      await acceptTask(
        db,
        id,
        seq,
        { ...task, regionCode: region.code, source, quote, documentId: id },
        user.name,
      );
    } else {
      if (item.kind !== 'figure')
        throw new TiaoduError('validation', `采纳${item.kind === 'target' ? '目标' : '任务'}时须给出其内容`);
      await settleItem(db, id, seq, 'accepted', user.name);
    }
    const after = await getDocument(db, id);
    return c.json(after.items.find((i) => i.seq === seq));
  });

  api.get('/tasks', async (c) => {
    const region = await regionOf(db, c.get('user'), validate(documentQuery, c.req.query()).region);
    return c.json(await tasksUnder(db, region.code));
  });

  return api;
}
