// Last-resort handlers for errors nothing else caught: a command says one line and exits; a server logs and
// keeps serving (one bad upload or a stream's 'error' event must not take the app down for everyone).

let serving = false;
let installed = false;

/** Writes the unexpected error to stderr: one line, the stack only with TIAODU_DEBUG=1. */
export function describeUnexpected(e: unknown): string {
  const err = e as NodeJS.ErrnoException | undefined;
  const where = err?.path ? `：${err.path}` : '';
  const known: Record<string, string> = {
    ENOENT: `找不到文件或目录${where}`,
    EACCES: `没有权限访问${where}`,
    EPERM: `没有权限访问${where}`,
    ENOTDIR: `路径中有一段不是目录${where}`,
    EISDIR: `应为文件，却是目录${where}`,
    ENOSPC: '磁盘空间不足',
    EMFILE: '打开的文件过多',
  };
  const message = err instanceof Error ? err.message : String(e);
  return (err?.code && known[err.code]) || `意外错误：${message.split('\n')[0]}`;
}

export const debugHint = '（设置环境变量 TIAODU_DEBUG=1 可查看详细信息）';

/** Prints the stack when TIAODU_DEBUG=1 asks for it. */
export function debugDetail(e: unknown): void {
  if (process.env.TIAODU_DEBUG === '1') console.error(e);
}

/**
 * Installs the process-level handlers once. Until `keepServing()` is called an unexpected error ends the
 * command through `fatal`; afterwards it is logged and the process carries on.
 * @example installGuards((e) => exit(report(e)))
 */
export function installGuards(fatal: (e: unknown) => void): void {
  if (installed) return;
  installed = true;
  const handle = (kind: string) => (e: unknown) => {
    if (!serving) return fatal(e);
    console.error(`[${new Date().toISOString()}] ${kind}，服务继续运行：${describeUnexpected(e)}`);
    console.error(e); // a server's log is for its operator: the stack helps find the cause
  };
  process.on('uncaughtException', handle('未捕获的异常'));
  process.on('unhandledRejection', handle('未处理的 Promise 拒绝'));
}

/** From now on an unexpected error is logged, and the server goes on answering. */
export function keepServing(): void {
  installGuards((e) => console.error(e));
  serving = true;
}
