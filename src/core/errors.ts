// Errors with a stable code and a Chinese message, mapped once to an HTTP status and a CLI exit code.

export class TiaoduError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = 'TiaoduError';
  }
}

/** HTTP status for an error code's family (the part before the first dot). */
export function httpStatus(code: string): number {
  if (code.endsWith('.unknown') || code === 'not_found') return 404;
  if (code.startsWith('auth')) return 401;
  if (code === 'forbidden' || code.startsWith('forbidden.')) return 403;
  if (code.endsWith('.exists') || code.endsWith('.conflict')) return 409;
  // A published period (period.locked) changes only as a revision with a reason.
  if (code.endsWith('.locked')) return 409;
  return 400;
}
