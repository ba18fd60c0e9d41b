// Instruments of the role × endpoint × region test: send a request as a role, read any answer as text
// (JSON, CSV, the cells of an XLSX), and fingerprint the whole database to prove a refusal wrote nothing.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Db } from '../store/db.ts';
import type { RoleKey, World } from './access-world.ts';

/** One request as the table builds it. Signed in with the role's Bearer token unless `session` is given. */
export interface Call {
  method: string;
  path: string;
  json?: unknown;
  /** A file upload's bytes, sent as they are. */
  body?: string;
  headers?: Record<string, string>;
  /** Sign in with this session cookie instead (and its CSRF token, when given). */
  session?: { token: string; csrf?: string };
}

export interface Answer {
  status: number;
  /** The whole body as text: JSON as sent, an XLSX as its cell values, a gzip archive as nothing. */
  text: string;
  json: unknown;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The text of a Word document's body, tags dropped (a figure split over runs is rare in generated text). */
async function docxText(bytes: ArrayBuffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
}

/** Every cell value of every sheet, one per line. */
async function xlsxText(bytes: ArrayBuffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const cells: string[] = [];
  wb.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        cells.push(String(cell.text ?? cell.value));
      }),
    ),
  );
  return cells.join('\n');
}

export async function send(w: World, role: RoleKey | null, call: Call): Promise<Answer> {
  const headers: Record<string, string> = { ...call.headers };
  if (call.session) {
    headers.cookie = `tiaodu_session=${call.session.token}`;
    if (call.session.csrf) headers['x-csrf-token'] = call.session.csrf;
  } else if (role) headers.authorization = `Bearer ${role}`;
  let body: string | undefined = call.body;
  if (call.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.json);
  }
  const r = await w.app.request(call.path, { method: call.method, headers, body });
  const type = r.headers.get('content-type') ?? '';
  if (type.startsWith(XLSX))
    return { status: r.status, text: await xlsxText(await r.arrayBuffer()), json: null };
  if (type.startsWith(DOCX))
    return { status: r.status, text: await docxText(await r.arrayBuffer()), json: null };
  if (type.startsWith('application/gzip')) {
    await r.arrayBuffer();
    return { status: r.status, text: '', json: null };
  }
  const text = await r.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // CSV and other text: searched as it is.
  }
  return { status: r.status, text, json };
}

/**
 * A fingerprint of every table of the schema: md5 of its rows in a fixed order, keyed by table name (so a
 * table left behind, such as an import's staging table, shows as well). `exclude` names tables a request
 * may legitimately write even when refused.
 * @example expect(await checksum(db)).toEqual(before)
 */
export async function checksum(db: Db, exclude: string[] = []): Promise<Record<string, string>> {
  const tables = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const kept = tables.map((t) => t.name).filter((t) => !exclude.includes(t));
  // Rows ordered by their whole text: total and stable, whatever the columns (ORDER BY 1..n ties on duplicates).
  const parts = kept.map(
    (t) => `SELECT '${t}' AS name,
      md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '')) AS sum FROM "${t}" r`,
  );
  const rows = await db.query<{ name: string; sum: string }>(parts.join(' UNION ALL '));
  return Object.fromEntries(rows.map((r) => [r.name, r.sum]));
}

/** Tables that differ between two fingerprints. */
export function changedTables(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((t) => a[t] !== b[t]).sort();
}
