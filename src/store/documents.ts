// Documents (文件) taken in as text, and the review of what was extracted from them: each target, figure
// and task is accepted (perhaps edited) or rejected by a person; an accepted target or task is created
// in the same transaction, with the document and quote as its source.
import { TiaoduError } from '../core/errors.ts';
import type { Target, Task } from '../core/types.ts';
import type { Db } from './db.ts';
import { setTarget } from './targets.ts';
import { addTask, REGIONS_BELOW } from './tasks.ts';

export type ItemKind = 'target' | 'figure' | 'task';
export type ItemStatus = 'pending' | 'accepted' | 'rejected';

export interface DocumentItem {
  seq: number;
  kind: ItemKind;
  /** What the extractor found, as `tiaodu intake extract` prints it. */
  extracted: Record<string, unknown>;
  status: ItemStatus;
  /** What the reviewer accepted: the target or task as created. */
  accepted: unknown;
  decidedBy: string | null;
}

export interface DocumentSummary {
  id: number;
  regionCode: string;
  title: string;
  source: string | null;
  year: number | null;
  unreadable: number;
  uploadedBy: string | null;
  uploadedAt: string;
  pending: number;
  accepted: number;
  rejected: number;
}

export interface NewDocument {
  regionCode: string;
  title: string;
  source: string | null;
  year: number | null;
  text: string;
  unreadable: number;
}

const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

/** Saves a document and its extracted items, all pending; returns its id. */
export async function saveDocument(
  db: Db,
  doc: NewDocument,
  items: { kind: ItemKind; extracted: object }[],
  user: string | null,
): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number | string }>(
      `INSERT INTO document (region_code, title, source, year, text, unreadable, uploaded_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
      [doc.regionCode, doc.title, doc.source, doc.year, doc.text, doc.unreadable, user],
    );
    const id = Number(row?.id);
    for (const [seq, item] of items.entries()) {
      await tx.query('INSERT INTO document_item (document_id, seq, kind, extracted) VALUES ($1,$2,$3,$4)', [
        id,
        seq,
        item.kind,
        JSON.stringify(item.extracted),
      ]);
    }
    return id;
  });
}

/**
 * Sets the year a document plans for and replaces its pending items by `items`, read again for that year
 * (the year decides which figures are last year's results and which are targets). Items already accepted or
 * rejected stay as they were, and a new item the same as one of them (kind and place in the text) is left
 * out; new items get numbers after every old one, so a decision sent for an old number cannot land on a new item.
 */
export async function redateDocument(
  db: Db,
  id: number,
  year: number,
  items: { kind: ItemKind; extracted: { start?: number; end?: number } }[],
): Promise<void> {
  await db.transaction(async (tx) => {
    const [doc] = await tx.query<{ next: number | null }>(
      `SELECT (SELECT max(seq) + 1 FROM document_item WHERE document_id = d.id) AS next
       FROM document d WHERE d.id = $1 FOR UPDATE`,
      [id],
    );
    if (!doc) throw new TiaoduError('document.unknown', `没有编号为 ${id} 的文件`);
    await tx.query('UPDATE document SET year = $2 WHERE id = $1', [id, year]);
    // Deleted first: a decision being written meanwhile is waited for, and then counts as decided below.
    await tx.query("DELETE FROM document_item WHERE document_id = $1 AND status = 'pending'", [id]);
    const decided = await tx.query<{ kind: ItemKind; extracted: unknown }>(
      'SELECT kind, extracted FROM document_item WHERE document_id = $1',
      [id],
    );
    const place = (kind: string, e: { start?: unknown; end?: unknown }) => `${kind}|${e.start}|${e.end}`;
    const taken = new Set(decided.map((d) => place(d.kind, parse(d.extracted))));
    let seq = Number(doc.next ?? 0);
    for (const item of items) {
      if (taken.has(place(item.kind, item.extracted))) continue;
      await tx.query('INSERT INTO document_item (document_id, seq, kind, extracted) VALUES ($1,$2,$3,$4)', [
        id,
        seq++,
        item.kind,
        JSON.stringify(item.extracted),
      ]);
    }
  });
}

const SUMMARY = `SELECT d.id, d.region_code, d.title, d.source, d.year, d.unreadable, d.uploaded_by, d.uploaded_at,
    count(*) FILTER (WHERE i.status = 'pending')::int AS pending,
    count(*) FILTER (WHERE i.status = 'accepted')::int AS accepted,
    count(*) FILTER (WHERE i.status = 'rejected')::int AS rejected
  FROM document d LEFT JOIN document_item i ON i.document_id = d.id`;

interface SummaryRow {
  id: number | string;
  region_code: string;
  title: string;
  source: string | null;
  year: number | null;
  unreadable: number;
  uploaded_by: string | null;
  uploaded_at: unknown;
  pending: number | string;
  accepted: number | string;
  rejected: number | string;
}

const toSummary = (r: SummaryRow): DocumentSummary => ({
  id: Number(r.id),
  regionCode: r.region_code,
  title: r.title,
  source: r.source,
  year: r.year === null ? null : Number(r.year),
  unreadable: Number(r.unreadable),
  uploadedBy: r.uploaded_by,
  uploadedAt: new Date(String(r.uploaded_at)).toISOString(),
  pending: Number(r.pending),
  accepted: Number(r.accepted),
  rejected: Number(r.rejected),
});

/** The documents of a region and the regions below it, newest first. */
export async function listDocuments(db: Db, regionCode: string): Promise<DocumentSummary[]> {
  const rows = await db.query<SummaryRow>(
    `${REGIONS_BELOW} ${SUMMARY} WHERE d.region_code IN (SELECT code FROM below) GROUP BY d.id ORDER BY d.id DESC`,
    [regionCode],
  );
  return rows.map(toSummary);
}

export async function getDocument(
  db: Db,
  id: number,
): Promise<DocumentSummary & { text: string; items: DocumentItem[] }> {
  const [row] = await db.query<SummaryRow & { text: string }>(
    `${SUMMARY.replace('SELECT d.id,', 'SELECT d.text, d.id,')} WHERE d.id = $1 GROUP BY d.id`,
    [id],
  );
  if (!row) throw new TiaoduError('document.unknown', `没有编号为 ${id} 的文件`);
  const items = await db.query<{
    seq: number;
    kind: ItemKind;
    extracted: unknown;
    status: ItemStatus;
    accepted: unknown;
    decided_by: string | null;
  }>(
    'SELECT seq, kind, extracted, status, accepted, decided_by FROM document_item WHERE document_id = $1 ORDER BY seq',
    [id],
  );
  return {
    ...toSummary(row),
    text: row.text,
    items: items.map((i) => ({
      seq: Number(i.seq),
      kind: i.kind,
      extracted: parse(i.extracted),
      status: i.status,
      accepted: i.accepted === null ? null : parse(i.accepted),
      decidedBy: i.decided_by,
    })),
  };
}

/** Marks a pending item decided, inside `tx`; a decided item is not decided again. */
async function decide(
  tx: Db,
  id: number,
  seq: number,
  kind: ItemKind | null,
  status: ItemStatus,
  accepted: unknown,
  user: string | null,
) {
  const [item] = await tx.query<{ kind: ItemKind; status: ItemStatus }>(
    'SELECT kind, status FROM document_item WHERE document_id = $1 AND seq = $2 FOR UPDATE',
    [id, seq],
  );
  if (!item) throw new TiaoduError('document.unknown', `文件 ${id} 没有第 ${seq} 项`);
  if (kind && item.kind !== kind)
    throw new TiaoduError('document.kind', `第 ${seq} 项不是${KIND_NAMES[kind]}`);
  if (item.status !== 'pending')
    throw new TiaoduError(
      'document.conflict',
      `第 ${seq} 项已${item.status === 'accepted' ? '采纳' : '舍弃'}，不能再改`,
    );
  await tx.query(
    `UPDATE document_item SET status = $3, accepted = $4, decided_by = $5, decided_at = now()
     WHERE document_id = $1 AND seq = $2`,
    [id, seq, status, accepted === null ? null : JSON.stringify(accepted), user],
  );
}
const KIND_NAMES: Record<ItemKind, string> = { target: '目标', figure: '数据', task: '任务' };

/** Accepts an extracted target as `target` (the reviewer may have edited it) and sets it. */
export async function acceptTarget(
  db: Db,
  id: number,
  seq: number,
  target: Target,
  user: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    await decide(tx, id, seq, 'target', 'accepted', target, user);
    await setTarget(tx, target, user);
  });
}

/** Accepts an extracted task as `task` and creates it. */
export async function acceptTask(
  db: Db,
  id: number,
  seq: number,
  task: Omit<Task, 'id' | 'status'>,
  user: string | null,
): Promise<Task> {
  return db.transaction(async (tx) => {
    const created = await addTask(tx, task, user);
    await decide(tx, id, seq, 'task', 'accepted', created, user);
    return created;
  });
}

/** Accepts a figure as read (kept with the document), or rejects any item. */
export async function settleItem(
  db: Db,
  id: number,
  seq: number,
  status: 'accepted' | 'rejected',
  user: string | null,
): Promise<void> {
  await db.transaction((tx) =>
    decide(tx, id, seq, status === 'accepted' ? 'figure' : null, status, null, user),
  );
}

/**
 * Accepts an extracted task as supervised tasks: `create` makes them inside the transaction (and may refuse,
 * undoing everything); what it returns is kept as the item's accepted value.
 */
export async function acceptTaskAs<T>(
  db: Db,
  id: number,
  seq: number,
  create: (tx: Db) => Promise<T>,
  user: string | null,
): Promise<T> {
  return db.transaction(async (tx) => {
    const made = await create(tx);
    await decide(tx, id, seq, 'task', 'accepted', made, user);
    return made;
  });
}
