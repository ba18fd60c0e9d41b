// Text intake over the API: upload a speech or report, review what was extracted, accept it into
// targets and tasks. Reading is for every signed-in user in scope; uploading and reviewing for the task force.
// Roles, validation and the declared region scope are checked by implement() before a handler runs.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { documents as contract } from '../contract/index.ts';
import { TiaoduError } from '../core/errors.ts';
import { makeTarget } from '../core/targets.ts';
import { addDays, defaultLimitDays } from '../core/tasks/index.ts';
import type { Region } from '../core/types.ts';
import { decodeDocument } from '../intake/decode.ts';
import { extract } from '../intake/text/extract.ts';
import { normalize } from '../intake/text/normalize.ts';
import { datedDraft } from '../intake/text/review.ts';
import type { ExtractedTarget } from '../intake/text/targets.ts';
import type { Db } from '../store/db.ts';
import {
  acceptTarget,
  acceptTask,
  acceptTaskAs,
  createTask,
  type DocumentItem,
  getDocument,
  getSetting,
  listDocuments,
  listIndicators,
  listTaskRows,
  redateDocument,
  requireIndicator,
  requireRegion,
  saveDocument,
  settleItem,
  tasksUnder,
  topRegions,
} from '../store/index.ts';
import { type AuthEnv, assertInScope, type User } from './auth.ts';
import { implementer } from './implement.ts';
import { assertTaskUnitsInScope, taskToday } from './supervision.ts';
import { uploadName } from './upload.ts';

const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** The region a request is about: the one asked for (resolved and checked by implement), else the user's own, else the top of the tree. */
async function regionOf(db: Db, user: User, asked: Region | null): Promise<Region> {
  const region =
    asked ?? (user.regionCode ? await requireRegion(db, user.regionCode) : (await topRegions(db))[0]);
  if (!region) throw new TiaoduError('region.unknown', '还没有载入任何地区');
  return region;
}

/**
 * The store keeps what the extractor found as saved JSON; the extractor always gives each item its quote and
 * place in the text, which is what the contract promises.
 */
const asExtracted = (item: DocumentItem) => ({
  ...item,
  extracted: item.extracted as { quote: string; start: number; end: number; [field: string]: unknown },
});

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

export function documentRoutes(db: Db, clock: () => Date = () => new Date()): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  const today = taskToday(clock);
  const implement = implementer(db);

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

  implement(
    api,
    contract.uploadDocument,
    async ({ user, query, region: asked, c }) => {
      const region = await regionOf(db, user, asked);
      const file = uploadName(c.req.header('x-filename'), '文件.txt');
      const normalized = normalize(decodeDocument(new Uint8Array(await c.req.arrayBuffer()), file));
      const found = extract(normalized.text, { year: query.year, catalog: await listIndicators(db) });
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
      return { id, targets: found.targets.length, tasks: found.tasks.length, figures: found.figures.length };
    },
    limit,
  );

  implement(api, contract.documents, async ({ user, region }) =>
    listDocuments(db, (await regionOf(db, user, region)).code),
  );

  /** A document with, for each target, the target a reviewer is offered: indicator, kind, value, year. */
  const withDrafts = async (id: number) => {
    const doc = await getDocument(db, id);
    const catalog = await listIndicators(db);
    const items = doc.items.map((i) =>
      i.kind === 'target'
        ? {
            ...asExtracted(i),
            draft: datedDraft(i.extracted as unknown as ExtractedTarget, catalog, doc.year),
          }
        : asExtracted(i),
    );
    return { ...doc, items };
  };

  // A document's region is known only once it is read: these handlers check its scope themselves.
  implement(api, contract.document, async ({ user, params }) => {
    const doc = await getDocument(db, params.id);
    await assertInScope(db, user, doc.regionCode);
    return withDrafts(doc.id);
  });

  // The reviewer corrects the year the document plans for: its pending items are read again for that year
  // (last year's results drop out, the offered targets take the new year); decided items stay.
  implement(api, contract.setDocumentYear, async ({ user, params, body }) => {
    const doc = await getDocument(db, params.id);
    await assertInScope(db, user, doc.regionCode);
    const found = extract(doc.text, { year: body.year, catalog: await listIndicators(db) });
    await redateDocument(db, doc.id, body.year, itemsOf(found));
    return withDrafts(doc.id);
  });

  implement(api, contract.decideItem, async ({ user, params, body }) => {
    const { id, seq } = params;
    const doc = await getDocument(db, id);
    await assertInScope(db, user, doc.regionCode);
    const item = doc.items.find((i) => i.seq === seq);
    if (!item) throw new TiaoduError('document.unknown', `文件 ${id} 没有第 ${seq} 项`);
    const quote = typeof item.extracted.quote === 'string' ? item.extracted.quote : null;
    const source = `文件：${doc.title}`;
    if (body.decision === 'reject') {
      await settleItem(db, id, seq, 'rejected', user.name);
    } else if (body.target) {
      // The accepted target's or task's region comes from the body's nested object: checked here.
      const region = await requireRegion(db, body.target.region);
      await assertInScope(db, user, region.code);
      const indicator = await requireIndicator(db, body.target.indicator);
      const codes = { indicatorCode: indicator.code, regionCode: region.code };
      const target = makeTarget(codes, { ...body.target, source, quote });
      await acceptTarget(db, id, seq, target, user.name);
    } else if (body.supervise) {
      // Units chosen from the catalogue; 各乡镇（街道） becomes one task per town or street; the quote kept.
      const { region: named, limitKind, urgency, ...task } = body.supervise;
      const region = await requireRegion(db, named);
      await assertInScope(db, user, region.code);
      const day = today();
      let due = task.due;
      if (due === null && task.recurrence === null) {
        const days = limitKind
          ? defaultLimitDays(limitKind, await getSetting(db, 'tasks.rules'), urgency ?? 'normal')
          : null;
        if (days === null)
          throw new TiaoduError(
            'validation',
            '文中没有写明时限：请填写截止日期，或选择按会议纪要或批示的默认时限',
          );
        due = addDays(day, days);
      }
      await acceptTaskAs(
        db,
        id,
        seq,
        async (tx) => {
          const taskId = await createTask(
            tx,
            {
              ...task,
              due,
              region: region.code,
              sourceKind: 'document',
              urgency,
              source,
              quote,
              documentId: id,
            },
            user.name,
            day,
          );
          await assertTaskUnitsInScope(tx, taskId, region.code, user);
          const [made] = await listTaskRows(tx, { today: day, id: taskId });
          return {
            taskId,
            title: made?.title,
            lead: made?.lead,
            support: made?.support,
            due,
            children: made?.children,
          };
        },
        user.name,
      );
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
    const decided = after.items.find((i) => i.seq === seq);
    if (!decided) throw new TiaoduError('document.unknown', `文件 ${id} 没有第 ${seq} 项`);
    return asExtracted(decided);
  });

  implement(api, contract.tasks, async ({ user, region }) =>
    tasksUnder(db, (await regionOf(db, user, region)).code),
  );

  return api;
}
