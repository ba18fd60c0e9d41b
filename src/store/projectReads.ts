// Reading key projects for the rules: the register and the monthly reports of a region's subtree, each read
// as one JSON value of one array per column (row by row, PGlite took 40 ms per 1,000 projects to hand them
// over), and a project's history.
import type { Project, ProjectReport } from '../core/projects/types.ts';
import type { Db } from './db.ts';
import { REGIONS_BELOW } from './tasks.ts';

/** A JSON answer as the driver gives it: parsed already (PGlite, pg) or, for safety, as text. */
const jsonRows = <T>(v: unknown): T[] => ((typeof v === 'string' ? JSON.parse(v) : v) ?? []) as T[];

/**
 * `json_build_array(json_agg(a), json_agg(b), …)`: one JSON array per column. The aggregates take the same rows
 * in one pass, so the arrays line up; as rows (an array each) PGlite wrote and Node parsed a sixth more for the
 * city's register, and json_build_array per row looked up how to write each of its arguments on every row.
 */
const byColumn = (names: readonly string[]) =>
  `json_build_array(${names.map((n) => `json_agg(${n})`).join(', ')})::text AS columns`;

/** The arrays of a `byColumn` answer; empty ones when no row was read (json_agg of nothing is null). */
const columnsOf = (v: unknown, width: number): unknown[][] =>
  jsonRows<unknown[] | null>(v)
    .map((c) => c ?? [])
    .concat(Array(width).fill([]))
    .slice(0, width);

/** `AND column = ANY($n)` when only some projects are read (`codes`), else nothing. */
const onlyCodes = (column: string, n: number, codes: readonly string[] | undefined) =>
  codes ? `AND ${column} = ANY($${n}::text[])` : '';

/** Where each field of a project is read from, in the order the fields are made. */
const PROJECT_COLUMNS = {
  code: 'p.code',
  name: 'p.name',
  regionCode: 'p.region_code',
  region: 'r.name',
  unit: 'p.unit',
  leader: 'p.leader',
  level: 'p.level',
  type: 'p.type',
  nature: 'p.nature',
  totalInvestment: 'p.total_investment',
  annualPlan: 'p.annual_plan',
  plannedStart: 'p.planned_start',
  actualStart: 'p.actual_start',
  plannedFinish: 'p.planned_finish',
  actualFinish: 'p.actual_finish',
  libraryDate: 'p.library_date',
  unitRegion: 'u.name',
} satisfies Record<keyof Project, string>;
const PROJECT_FIELDS = Object.keys(PROJECT_COLUMNS) as (keyof Project)[];

/**
 * The projects of a region and every region below it, in code order, with their region's name — or only those
 * of `codes` among them.
 */
export async function projectsUnder(
  db: Db,
  regionCode: string,
  codes?: readonly string[],
): Promise<Project[]> {
  // The aggregates take the rows in the order the subquery sorted them: one sort, not one per column.
  const [row] = await db.query<{ columns: unknown }>(
    `${REGIONS_BELOW} SELECT ${byColumn(PROJECT_FIELDS.map((f) => `"${f}"`))}
     FROM (SELECT ${PROJECT_FIELDS.map((f) => `${PROJECT_COLUMNS[f]} AS "${f}"`).join(', ')}
       FROM project p JOIN region r ON r.code = p.region_code LEFT JOIN region u ON u.code = p.unit_region_code
       WHERE p.region_code IN (SELECT code FROM below) ${onlyCodes('p.code', 2, codes)}
       ORDER BY p.code) x`,
    codes ? [regionCode, codes] : [regionCode],
  );
  const columns = columnsOf(row?.columns, PROJECT_FIELDS.length);
  const out: Project[] = [];
  for (let i = 0; i < (columns[0]?.length ?? 0); i++) {
    const p: Record<string, unknown> = {};
    PROJECT_FIELDS.forEach((f, j) => {
      p[f] = columns[j]?.[i];
    });
    out.push(p as unknown as Project);
  }
  return out;
}

/**
 * `latest.two`: a project's latest two reports of the year ($2) to the month ($3) as "month done month done",
 * two steps down its key — only for the projects where `when` holds (a one-time filter, checked before the steps).
 */
const latestTwo = (when: string) =>
  `LEFT JOIN LATERAL (SELECT string_agg(month || ' ' || done, ' ') AS two FROM (SELECT month, done
     FROM project_report WHERE (${when}) AND project_code = p.code AND year = $2 AND month <= $3
     ORDER BY month DESC LIMIT 2) r) latest ON true`;

/**
 * What the rules read of the monthly reports of a region's subtree: for each project, its latest two reports of
 * the period's year at or before the month (the latest, and the one before it for 三未's "stalled"), by code;
 * only those of `codes` when given.
 */
export async function reportsUnder(
  db: Db,
  regionCode: string,
  at: { year: number; month: number },
  codes?: readonly string[],
): Promise<Map<string, ProjectReport[]>> {
  // Most projects reported the month and the one before: two hash joins on the reports of those months find them
  // (index by year and month), and only the others take two steps down their key for their latest two. A hash
  // aggregate over all the year's reports took half as long again for the city, and grows with the months. The
  // few projects of `codes` all take the steps: a join would walk the month's reports of every project.
  const subtree = `WHERE p.region_code IN (SELECT code FROM below) ${onlyCodes('p.code', 4, codes)}`;
  const [row] = await db.query<{ columns: unknown }>(
    codes
      ? `${REGIONS_BELOW} SELECT ${byColumn(['p.code', 'NULL::float8', 'NULL::float8', 'latest.two'])}
         FROM project p ${latestTwo('true')} ${subtree}`
      : `${REGIONS_BELOW} SELECT ${byColumn(['p.code', 'cur.done', 'prev.done', 'latest.two'])}
         FROM project p
         LEFT JOIN project_report cur ON cur.project_code = p.code AND cur.year = $2 AND cur.month = $3
         LEFT JOIN project_report prev ON prev.project_code = p.code AND prev.year = $2 AND prev.month = $3 - 1
         ${latestTwo('cur.done IS NULL OR prev.done IS NULL')} ${subtree}`,
    codes ? [regionCode, at.year, at.month, codes] : [regionCode, at.year, at.month],
  );
  const report = (code: string, month: number, done: number): ProjectReport => ({
    projectCode: code,
    year: at.year,
    month,
    done,
    progress: null,
    problems: null,
    coordination: null,
  });
  const [codesRead, now, before, latest] = columnsOf(row?.columns, 4) as [
    string[],
    (number | null)[],
    (number | null)[],
    (string | null)[],
  ];
  const out = new Map<string, ProjectReport[]>();
  codesRead.forEach((code, i) => {
    const done = now[i] ?? null;
    const doneBefore = before[i] ?? null;
    const two = latest[i] ?? null;
    if (done !== null && doneBefore !== null)
      out.set(code, [report(code, at.month, done), report(code, at.month - 1, doneBefore)]);
    else if (two !== null) {
      // "month done month done", the latest first.
      const cells = two.split(' ').map(Number);
      const list = [report(code, cells[0] as number, cells[1] as number)];
      if (cells.length === 4) list.push(report(code, cells[2] as number, cells[3] as number));
      out.set(code, list);
    }
  });
  return out;
}

/**
 * Each project's last report of every year before `year` (December, or the year's latest month), for
 * 开工以来累计: one query, read as one JSON value like the rest; empty for a subtree reporting only this year.
 * The last month is picked by max(ARRAY[month, done]) in a hash aggregate: DISTINCT ON sorted every earlier
 * report and took twice as long for the city (10,000 projects × 2 years: 900 ms against 440 ms, loaded box).
 * Only those of `codes` when given.
 */
export async function yearEndsUnder(
  db: Db,
  regionCode: string,
  year: number,
  codes?: readonly string[],
): Promise<Map<string, ProjectReport[]>> {
  const [row] = await db.query<{ columns: unknown }>(
    `${REGIONS_BELOW} SELECT ${byColumn(['t.project_code', 't.year', 't.last[1]::int', 't.last[2]'])}
     FROM (SELECT rp.project_code, rp.year, max(ARRAY[rp.month::float8, rp.done]) AS last
       FROM project_report rp JOIN project p ON p.code = rp.project_code
       WHERE p.region_code IN (SELECT code FROM below) AND rp.year < $2
         ${onlyCodes('rp.project_code', 3, codes)}
       GROUP BY rp.project_code, rp.year) t`,
    codes ? [regionCode, year, codes] : [regionCode, year],
  );
  const [codesRead, years, months, dones] = columnsOf(row?.columns, 4) as [
    string[],
    number[],
    number[],
    number[],
  ];
  const out = new Map<string, ProjectReport[]>();
  codesRead.forEach((code, i) => {
    const list = out.get(code) ?? [];
    list.push({
      projectCode: code,
      year: years[i] as number,
      month: months[i] as number,
      done: dones[i] as number,
      progress: null,
      problems: null,
      coordination: null,
    });
    out.set(code, list);
  });
  return out;
}

/**
 * The projects changed since `seq` (a number this returned before; 0 at first) by any statement on the register,
 * the reports, the regions or the settings, and the number to ask with next time. `everything` when a region or
 * a setting changed. Read in one statement, so a change made after it has a number above `next`.
 */
export async function projectChangesSince(
  db: Db,
  seq: number,
): Promise<{ codes: string[]; everything: boolean; next: number }> {
  const rows = await db.query<{ project_code: string; seq: string | number }>(
    'SELECT project_code, seq FROM project_change WHERE seq > $1',
    [seq],
  );
  let next = seq;
  for (const r of rows) next = Math.max(next, Number(r.seq));
  const codes = rows.map((r) => r.project_code);
  return { codes: codes.filter((c) => c !== ''), everything: codes.includes(''), next };
}

/** The number of the last change `projectChangesSince` counts: read it before reading what it covers. */
export async function lastProjectChange(db: Db): Promise<number> {
  const [row] = await db.query<{ seq: string | number }>(
    'SELECT coalesce(max(seq), 0) AS seq FROM project_change',
  );
  return Number(row?.seq ?? 0);
}

/** A project's changes, oldest first. */
export async function projectHistory(
  db: Db,
  code: string,
): Promise<
  {
    year: number | null;
    month: number | null;
    field: string;
    old: unknown;
    new: unknown;
    by: string | null;
    at: string;
    file: string | null;
  }[]
> {
  const rows = await db.query<{
    year: number | null;
    month: number | null;
    field: string;
    old_value: unknown;
    new_value: unknown;
    changed_by: string | null;
    changed_at: Date | string;
    file: string | null;
  }>(
    // As text, parsed here: a driver hands a jsonb string back already parsed, and parsing it again fails.
    `SELECT year, month, field, old_value::text AS old_value, new_value::text AS new_value, changed_by,
       changed_at, file FROM project_history WHERE project_code = $1 ORDER BY id`,
    [code],
  );
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  return rows.map((r) => ({
    year: r.year === null ? null : Number(r.year),
    month: r.month === null ? null : Number(r.month),
    field: r.field,
    old: parse(r.old_value),
    new: parse(r.new_value),
    by: r.changed_by,
    at: new Date(r.changed_at).toISOString(),
    file: r.file,
  }));
}

/** The newest month any project reported, or null before the first report. */
export async function latestReportMonth(db: Db): Promise<{ year: number; month: number } | null> {
  const [r] = await db.query<{ year: number; month: number }>(
    'SELECT year, month FROM project_report ORDER BY year DESC, month DESC LIMIT 1',
  );
  return r ? { year: Number(r.year), month: Number(r.month) } : null;
}
