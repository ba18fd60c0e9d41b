// Errors with a stable code and a Chinese message, mapped once to an HTTP status and a CLI exit code.

/**
 * Every code an error can carry: a TiaoduError's, and those the server answers with of its own (import,
 * http, internal, request and upload limits). Callers and clients match on these, never on the message,
 * which is worded for people and may change. The family before the first dot gives the HTTP status.
 */
export const ERROR_CODES = [
  /** The scores of this scheme and period are already published. */
  'assess.conflict',
  /** The inputs of an assessment (考核录入) are wrong or missing. */
  'assess.inputs',
  /** An assessment scheme (考核方案) is wrong. */
  'assess.scheme',
  'auth.failed',
  'auth.locked',
  'auth.required',
  'backup.exists',
  'backup.postgres',
  'backup.write',
  'demo.missing',
  'demo.not_empty',
  'briefing_version.conflict',
  'briefing_version.unknown',
  'document.conflict',
  'document.kind',
  'document.too_large',
  'document.unknown',
  'forbidden',
  'forbidden.csrf',
  'http',
  'import',
  'import.busy',
  'import.read',
  'import.too_large',
  'import_job.unknown',
  'indicator.ambiguous',
  'indicator.unknown',
  'internal',
  'not_found',
  /** A hand-entered value that looks like a slip; saved only when confirmed with a reason. */
  'observation.implausible',
  'password.weak',
  'project.unknown',
  /** An investment lead not found within the region asked. */
  'lead.unknown',
  /** A lead linked to another key project already. */
  'lead.conflict',
  'project_photo.unknown',
  /** Resolving a problem already solved, or reopening one still open. */
  'project_problem.conflict',
  'project_problem.unknown',
  /** A project month already waiting for review, or a decision on an update no longer waiting. */
  'project_update.conflict',
  'project_update.unknown',
  'period.locked',
  'region.ambiguous',
  'region.code',
  'region.exists',
  'region.unknown',
  'request.too_large',
  'restore.failed',
  'restore.invalid',
  'restore.not_empty',
  'restore.postgres',
  'restore.read',
  'restore.target',
  'serve.listen',
  /** The CLI's answer when the server's error came without a code. */
  'server',
  'server.unreachable',
  'store.locked',
  'submission.conflict',
  'submission.unknown',
  /** A closed task changed, a report already reviewed, an extension already decided. */
  'task.conflict',
  /** An extension refused: after the due date, not later than it, without a reason, or of a recurring task. */
  'task.extension',
  'task.unknown',
  /** A caller's day (the CLI's --today) that is not the day the running server works on. */
  'today.conflict',
  /** A closed tour (拉练已结束): its scores and lists are frozen. */
  'tour.conflict',
  'tour.exists',
  'tour.unknown',
  'unit.ambiguous',
  'unit.unknown',
  'usage',
  'user.exists',
  'user.unknown',
  'validation',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const known: ReadonlySet<string> = new Set(ERROR_CODES);

/** Whether a code read from outside (an API answer, a worker's message) is one of ours. */
export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && known.has(code);

export class TiaoduError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = 'TiaoduError';
  }
}

/** HTTP status for an error code's family (the part before the first dot). */
export function httpStatus(code: ErrorCode): number {
  if (code.endsWith('.unknown') || code === 'not_found') return 404;
  if (code.startsWith('auth')) return 401;
  if (code === 'forbidden' || code.startsWith('forbidden.')) return 403;
  if (code.endsWith('.exists') || code.endsWith('.conflict')) return 409;
  // A published period (period.locked) changes only as a revision with a reason.
  if (code.endsWith('.locked')) return 409;
  // A value that looks like a slip is kept back until the user confirms it with a reason.
  if (code === 'observation.implausible') return 409;
  return 400;
}
