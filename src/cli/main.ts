// `tiaodu` — the command line: init, demo, import, series, league, target, progress, serve.
import { TiaoduError } from '../core/errors.ts';
import { formatIssue, ImportError } from '../intake/types.ts';
import { commands } from './commands.ts';
import { debugDetail, debugHint, describeUnexpected, installGuards } from './guards.ts';

const usage = `用法: tiaodu <命令> [参数]

  init --region 代码|CN [--depth province|city|county|town]   载入地区（国家统计区划代码）
  demo                                                      载入演示数据（真实城市的区县和乡镇）
  start [--port N]                                          空库时载入演示数据，然后启动网页和接口
  serve [--port N]                                          启动网页和 JSON 接口
  import 文件… [--dry-run] [--reason 修订原因]              导入统计数据（国家统计局导出、本系统模板、报表）；改动已发布期间须给 --reason
  series --indicator 指标 --region 地区 [--from YYYY-MM] [--to YYYY-MM] [--json] [--explain]
  league --indicator 指标 --period YYYY-MM [--by value|yoy] [--level N] [--group 组] [--parent 地区] [--json]
  target set --indicator 指标 --region 地区 --year YYYY (--growth 百分比 | --amount 数值 | --ceiling 数值)
             [--cmp ≈|>=|<=] [--strength expected|must|strive] [--trajectory "3:20,6:45,9:70,12:100"]
  progress --region 地区 --period YYYY-MM [--json] [--explain]
  overview --region 地区 --period YYYY-MM [--json] [--explain]   地区概览：各指标数值、增速、目标进度、同级排位、大起大落
  brief --region 地区 --period YYYY-MM (--out 文件.docx|.xlsx|.html | --json) [--version 版本号|latest|0]   经济运行情况分析（通报），默认最新保存的版本
  intake normalize 文件                                      规范化讲话、工作报告、新闻（去拼音注音、繁转简、去网页杂项、接续断句）
  intake extract 文件 [--json] [--year YYYY]                抽取目标、数据和督办任务
  backup --out 文件                                          备份内嵌数据库（服务运行时经由服务）
  restore 备份文件 --data 空目录                             恢复到空目录或新目录
  audit [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--user 用户名] [--action 操作] [--limit N] [--json]   审计日志
  indicator list|add …    region add|group …    unit add …    template long-csv|long-xlsx --out 文件

  通用参数: --data 目录（PGlite 数据目录，默认 ./data，或环境变量 TIAODU_DATA）；
            设置 DATABASE_URL 时改用 PostgreSQL 服务器。
  环境变量: TIAODU_TOKEN（serve 的管理员令牌）、TIAODU_COOKIE_SECURE=auto|always|never、
            TIAODU_TRUST_PROXY=1（经 HTTPS 反向代理时）、TIAODU_DEBUG=1（出错时显示堆栈）。`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`未知命令「${name}」\n\n${usage}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    const own = usage.split('\n').filter((line) => line.trimStart().startsWith(`${name} `));
    console.log(own.length > 0 ? `用法: tiaodu ${own.map((l) => l.trim()).join('\n       tiaodu ')}` : usage);
    return 0;
  }
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
