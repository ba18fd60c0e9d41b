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
import { datedDraft } from '../intake/text/review.ts';
import type { ExtractedTarget } from '../intake/text/targets.ts';
import type { Db } from '../store/db.ts';
import {
  acceptTarget,
  acceptTask,
  getDocument,
  listDocuments,
  listIndicators,
  redateDocument,
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

/** A document's year, as the reviewer corrects it. */
export const documentYearBody = z.object({ year: z.number().int().min(2000).max(2100) });

export const taskBody = z.object({
  region: z.string().min(1),
  action: z.string().min(1).max(2000),
  lead: z.array(z.string().min(1)).min(1, '至少要有一个牵头单位').max(50),
  support: z.array(z.string().min(1)).max(50).default([]),
  due: z.string().nullable().default(null),
  recurrence: z.enum(['weekly', 'monthly', 'quarterly']).nullable().default(null),
});

/** A document's id and an item's number in the path: whole numbers the database holds, else 400 (not a 500). */
const documentPath = z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });
const itemPath = documentPath.extend({ seq: z.coerce.number().int().min(0).max(2_147_483_647) });

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

/** What is saved for review from an extraction: targets, then tasks, then figures. */
function itemsOf(found: ReturnType<typeof extract>) {
  return [
    ...found.targets.map((extracted) => ({ kind: 'target' as const, extracted })),
    ...found.tasks.map((extracted) => ({ kind: 'task' as const, extracted })),
    ...found.figures.map((extracted) => ({ kind: 'figure' as const, extracted })),
  ];
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
    const items = itemsOf(found);
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

  /** A document with, for each target, the target a reviewer is offered: indicator, kind, value, year. */
  const withDrafts = async (id: number) => {
    const doc = await getDocument(db, id);
    const catalog = await listIndicators(db);
    const items = doc.items.map((i) =>
      i.kind === 'target'
        ? { ...i, draft: datedDraft(i.extracted as unknown as ExtractedTarget, catalog, doc.year) }
        : i,
    );
    return { ...doc, items };
  };

  api.get('/documents/:id', async (c) => {
    const doc = await getDocument(db, validate(documentPath, c.req.param()).id);
    await assertInScope(db, c.get('user'), doc.regionCode);
    return c.json(await withDrafts(doc.id));
  });

  // The reviewer corrects the year the document plans for: its pending items are read again for that year
  // (last year's results drop out, the offered targets take the new year); decided items stay.
  api.patch('/documents/:id', async (c) => {
    const user = c.get('user');
    requireRole(user, ['admin', 'analyst']);
    const doc = await getDocument(db, validate(documentPath, c.req.param()).id);
    await assertInScope(db, user, doc.regionCode);
    const { year } = validate(documentYearBody, await c.req.json().catch(() => undefined));
    const found = extract(doc.text, { year, catalog: await listIndicators(db) });
    await redateDocument(db, doc.id, year, itemsOf(found));
    return c.json(await withDrafts(doc.id));
  });

  api.post('/documents/:id/items/:seq', async (c) => {
    const user = c.get('user');
    requireRole(user, ['admin', 'analyst']);
    const { id, seq } = validate(itemPath, c.req.param());
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
