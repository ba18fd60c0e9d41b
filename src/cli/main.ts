// `tiaodu` — the command line: init, demo, import, series, league, target, progress, serve.
import { TiaoduError } from '../core/errors.ts';
import { formatIssue, ImportError } from '../intake/types.ts';
import { debugDetail, debugHint, describeUnexpected, installGuards } from './guards.ts';
import { commandUsage, HELP, usage } from './help.ts';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage());
    return 0;
  }
  // Help and unknown names answer from help.ts alone: the commands (and the store, server and documents they
  // load, a second or more) are loaded only to run one. help.test checks HELP names every command.
  if (!(name in HELP)) {
    console.error(`未知命令「${name}」\n\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(commandUsage(name));
    return 0;
  }
  const { commands } = await import('./commands.ts');
  const command = commands[name];
  if (!command) throw new TiaoduError('usage', `未知命令「${name}」`);
  return command(rest);
}

function report(e: unknown): number {
  if (e instanceof ImportError) {
    console.error(`导入失败，未写入任何数据。共 ${e.issues.length} 处问题：`);
    for (const i of e.issues.slice(0, 50)) console.error(`  ${formatIssue(i)} [${i.code}]`);
    if (e.issues.length > 50) console.error(`  ……另有 ${e.issues.length - 50} 处`);
    return 1;
  }
  if (e instanceof TiaoduError) {
    console.error(`错误：${e.message} [${e.code}]`);
    // The message is the web app's too; only here is the way to give the reason a command option.
    if (e.code === 'period.locked') console.error('请用 --reason 写明修订原因后重新导入');
    return e.code === 'usage' ? 2 : 1;
  }
  console.error(`错误：${describeUnexpected(e)}${process.env.TIAODU_DEBUG === '1' ? '' : debugHint}`);
  debugDetail(e);
  return 3;
}

// Exit only once everything written has left: stdout into a pipe is asynchronous, and exiting at once
// would cut a long `--json` answer short.
const exit = (code: number) =>
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));

// An error that escapes every promise (a stream's 'error' event, a rejected promise nobody awaited) ends a
// command the same way; `serve` switches this to log-and-continue.
installGuards((e) => exit(report(e)));
main(process.argv.slice(2)).then(exit, (e: unknown) => exit(report(e)));
