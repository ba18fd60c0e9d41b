// English for the API's error messages. The Chinese message stays the source; an English reader gets the
// sentence matched below with its names kept, or else the plain English of the error's code.
import type { ImportIssue } from '../core/imports.ts';
import { englishPlace, IMPORT_SENTENCES, type Sentence } from './issues-en.ts';

/** Chinese sentences with names or numbers in them, and their English ($1… are the names). */
const SENTENCES: Sentence[] = [
  [/^请先登录$/, 'Please sign in'],
  [
    /^用户名或密码不正确；已连续失败 (\d+) 次，该账号锁定 (\d+) 分钟$/,
    'Wrong user name or password; after $1 failures in a row the account is locked for $2 minutes',
  ],
  [
    /^用户名或密码不正确；再失败 (\d+) 次，该账号将锁定 (\d+) 分钟$/,
    'Wrong user name or password; the account locks for $2 minutes after $1 more failure(s)',
  ],
  [
    /^该账号登录失败次数过多，已暂时锁定，请 (\d+) 分钟后再试$/,
    'Too many failed sign-ins: the account is locked for now; try again in $1 minutes',
  ],
  [
    /^此地址登录失败次数过多，请 (\d+) 分钟后再试$/,
    'Too many failed sign-ins from this address; try again in $1 minutes',
  ],
  [/^用户名或密码不正确/, 'Wrong user name or password'],
  [/^原密码不正确$/, 'The old password is wrong'],
  [/^当前角色无权进行此操作$/, 'Your role may not do this'],
  [/^无权访问本账号辖区以外的地区$/, 'This account may not reach regions outside its region scope'],
  [/^按辖区限定的账号不能(.+)$/, 'An account limited to a region may not do this'],
  [
    /^请求缺少有效的防伪令牌/,
    'The request lacks a valid anti-forgery (CSRF) token; reload the page and try again',
  ],
  [
    /^未知地区「(.+)」：已载入的地区中没有这个名称或代码$/,
    'Unknown region "$1": no loaded region has this name or code',
  ],
  [
    /^地区「(.+)」有多个：(.+)；请用地区代码或「上级\/名称」$/,
    'Region "$1" is ambiguous ($2); use its code or "parent/name"',
  ],
  [/^地区「(.+)」不存在$/, 'Region "$1" does not exist'],
  [/^上级地区「(.+)」不存在$/, 'Parent region "$1" does not exist'],
  [/^地区代码「(.+)」已存在$/, 'Region code "$1" exists already'],
  [
    /^未知指标「(.+)」：指标库中没有这个名称、别名或代码$/,
    'Unknown indicator "$1": the catalogue has no such name, alias or code',
  ],
  [/^指标「(.+)」有多个可能：(.+)$/, 'Indicator "$1" is ambiguous: $2'],
  [
    /^(.+) (\d{4}-\d{2}) 的数据已发布并锁定（(.+)发布），修改已发布数据须填写修订原因（reason）$/,
    '$1 $2 is published and locked (published by $3); changing published values needs a reason for revision (reason)',
  ],
  [
    /^(.+)的数值可能有误：[\s\S]*请核对；如确认无误，请说明原因后再提交$/,
    'The value of $1 may be wrong: check it; if it is right, give a reason and submit it again',
  ],
  [/^退回须填写原因（reason）$/, 'Returning needs a reason (reason)'],
  [/^没有编号为 (.+) 的提交$/, 'No submission numbered $1'],
  [/^没有编号为 (\d+) 的文件$/, 'No document numbered $1'],
  [/^用户名「(.+)」已存在/, 'User name "$1" is taken'],
  [/^没有用户「(.+)」$/, 'No user "$1"'],
  [/^没有这个目标$/, 'No such target'],
  [/^没有这个接口：(.+)$/, 'No such endpoint: $1'],
  [/^没有这个导入任务：(.+)$/, 'No such import job: $1'],
  [/^请求内容过大：上限 (\d+) MB$/, 'The request is too large: at most $1 MB'],
  [/^文件过大：上限 (\d+) MB$/, 'The file is too large: at most $1 MB'],
  [/^应为 YYYY-MM$/, 'expected YYYY-MM'],
  [
    /^没有项目编号为「(.+)」的招商项目（在所选地区内）$/,
    'No investment lead with code "$1" (within the region chosen)',
  ],
  [
    /^招商项目「(.+)」没有关联重点项目，无需撤销$/,
    'Investment lead "$1" is linked to no key project: there is nothing to undo',
  ],
  ...IMPORT_SENTENCES,
];

/** The English of an import issue's code, for a sentence the lists do not know (a new one in the intake). */
const BY_ISSUE: Record<string, string> = {
  format: 'The file format is not recognised',
  encoding: 'The file encoding cannot be read',
  truncated: 'The file looks cut off',
  empty: 'The file has no data',
  number: 'Expected a number',
  period: 'The period is not recognised',
  duplicate: 'Duplicate row',
  required: 'Must not be empty',
  header: 'The header is incomplete',
  cells: 'The row does not fit the header',
  csv: 'This row cannot be read as CSV',
};

/** The English of each code, for a message no sentence above matches. */
const BY_CODE: Record<string, string> = {
  validation: 'Invalid request',
  usage: 'Invalid request',
  http: 'Invalid request',
  internal: 'Internal server error',
  not_found: 'Not found',
  forbidden: 'Your account may not do this',
  'forbidden.csrf': 'The request lacks a valid anti-forgery (CSRF) token; reload the page and try again',
  'assess.conflict': 'The scores of this scheme and period are already published',
  'assess.inputs': 'The assessment inputs are missing or do not match the scheme',
  'assess.scheme': 'The assessment scheme is invalid',
  'auth.required': 'Please sign in',
  'auth.failed': 'Wrong user name or password',
  'auth.locked': 'Too many failed sign-ins: the account is locked for a while; try again later',
  'password.weak':
    'The password does not meet the rules: at least 10 characters, not only digits, not the user name, not a common password',
  'region.unknown': 'Unknown region',
  'region.ambiguous': 'Ambiguous region name',
  'region.exists': 'The region exists already',
  'region.code': 'Not a valid statistical division code',
  'indicator.unknown': 'Unknown indicator',
  'indicator.ambiguous': 'Ambiguous indicator name',
  'user.unknown': 'Unknown user',
  'task.unknown': 'Unknown task, report or extension',
  'today.conflict':
    "The day given (--today or TIAODU_TODAY) is not the running server's day; use the server's day, or stop the server",
  'task.conflict': 'The task is closed, or this report or extension was decided already',
  'task.extension':
    'Extension refused: it must be asked on or before the due date, move it later, give a reason, and not be for a recurring task',
  'unit.unknown': 'Unknown unit: the catalogue has no such name or number',
  'unit.ambiguous': 'Several units have this name; use the unit number',
  'user.exists': 'The user name is taken',
  'period.locked':
    'The period is published and locked; changing published values needs a reason for revision (reason)',
  'submission.unknown': 'Unknown submission',
  'project.unknown': 'Unknown key project',
  'lead.unknown': 'Unknown investment lead',
  'lead.conflict': 'The investment lead is linked to another key project already',
  'project_photo.unknown': 'Unknown photo',
  'project_problem.unknown': 'Unknown project problem',
  'project_problem.conflict': 'The problem is solved already, or still open',
  'project_update.unknown': 'Unknown project update',
  'project_update.conflict': 'The project update is not waiting for this (submitted already, or decided)',
  'tour.unknown': 'Unknown inspection tour',
  'tour.exists': 'A tour of this name exists already',
  'tour.conflict': 'The tour is closed: its scores, projects and judges are frozen',
  'submission.conflict': 'The submission was changed meanwhile; reload and try again',
  'document.unknown': 'Unknown document or item',
  'document.kind': 'The item is of another kind',
  'document.conflict': 'The item was decided already',
  'import_job.unknown': 'No such import job',
  import: 'Import failed, nothing was written',
  'import.too_large': 'The file is too large',
  'request.too_large': 'The request is too large',
  'backup.postgres': 'A PostgreSQL database is backed up with its own tools (pg_dump)',
};

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** A known Chinese sentence in English with its names kept (a sentence inside one too); null when unknown. */
export function englishSentence(zh: string): string | null {
  for (const [pattern, en] of SENTENCES) {
    const m = pattern.exec(zh);
    if (!m) continue;
    // Only the matched part: a pattern that names a sentence by its start stands for all of it.
    return typeof en === 'string'
      ? m[0].replace(pattern, en)
      : en(m, (inner) => englishSentence(inner) ?? inner);
  }
  return null;
}

/** One message in English: a known sentence with its names, else the English of its code. */
export function englishMessage(code: string, message: string): string {
  if (!CJK.test(message)) return message;
  return (
    englishSentence(message) ?? BY_CODE[code] ?? BY_CODE[code.split('.')[0] ?? ''] ?? 'The request failed'
  );
}

/** An import issue with its `expected` and `message` in English; its file, cell and value as they are. */
export function englishIssue(issue: ImportIssue): ImportIssue {
  const en = (s: string) =>
    CJK.test(s) ? (englishSentence(s) ?? BY_ISSUE[issue.code] ?? 'Not accepted') : s;
  return { ...issue, expected: en(issue.expected), message: en(issue.message) };
}

/** A refused import's message in English: formatIssue's sentence for its first issue. */
export function englishImportMessage(issues: ImportIssue[]): string {
  const first = issues[0];
  const said = first ? `: ${englishPlace(first)}: ${englishIssue(first).expected}` : '';
  return `Import failed, nothing was written${said}`;
}

/** A validation error's fields, each with its message in English (zod's own already are). */
export function englishFields(fields: { field: string; message: string }[]): string {
  const said = fields.map((f) => `${f.field || 'body'}: ${englishMessage('validation', f.message)}`);
  return `Invalid parameters — ${said.join('; ')}`;
}
