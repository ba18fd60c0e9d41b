// What `tiaodu --help` and `tiaodu COMMAND --help` print: each command's one line, its usage and its options,
// in Chinese (the CLI speaks Chinese only). cli.help.test.ts checks it against the commands and their flags.

export interface CommandHelp {
  /** One line for the command list. */
  summary: string;
  /** Usage lines without the leading `tiaodu `. */
  usage: string[];
  /** Each flag the command takes (without --), with what it means. */
  options: Record<string, string>;
}

/** The flags every command takes (args.ts parse). */
export const COMMON_OPTIONS: Record<string, string> = {
  data: '数据目录（PGlite，默认 ./data 或环境变量 TIAODU_DATA；设置 DATABASE_URL 时改用 PostgreSQL）',
  json: '输出 JSON（支持的命令）',
  explain: '同时给出算式和输入（支持的命令）',
  today: '把“今天”定为 YYYY-MM-DD（也可用环境变量 TIAODU_TODAY）：督办亮灯、项目滞后等按日期的规则用它',
};

const REGION = '地区（名称或代码）';
const PERIOD = '期间 YYYY-MM';

export const HELP: Record<string, CommandHelp> = {
  init: {
    summary: '载入地区（国家统计区划代码）',
    usage: ['init --region 代码|CN [--depth province|city|county|town]'],
    options: { region: '区划代码，CN 为全国', depth: '载入到哪一级：province、city、county 或 town' },
  },
  demo: { summary: '载入演示数据（真实城市的区县和乡镇）', usage: ['demo'], options: {} },
  start: {
    summary: '空库时载入演示数据，然后启动网页和接口',
    usage: ['start [--port N] [--host 地址]'],
    options: { port: '端口（0–65535）', host: '监听地址' },
  },
  serve: {
    summary: '启动网页和 JSON 接口',
    usage: ['serve [--port N] [--host 地址]'],
    options: { port: '端口（0–65535）', host: '监听地址' },
  },
  import: {
    summary:
      '导入统计数据（国家统计局导出、本系统模板、报表），以及项目库、项目月报、招商项目、拉练评分、问题清单',
    usage: ['import 文件… [--dry-run] [--reason 修订原因]'],
    options: {
      'dry-run': '只试导入，报告将新增、更新和出错的行，不写入',
      user: '记入审计日志的用户名（默认 cli）',
      reason: '修订原因：改动已发布（锁定）期间时必填',
    },
  },
  series: {
    summary: '一个指标在一个地区的逐月数据和增速',
    usage: ['series --indicator 指标 --region 地区 [--from YYYY-MM] [--to YYYY-MM] [--json] [--explain]'],
    options: {
      indicator: '指标（名称、别名或代码）',
      region: REGION,
      from: '起始期间 YYYY-MM',
      to: '截止期间 YYYY-MM',
    },
  },
  league: {
    summary: '排位：同级地区按总量或增速排序',
    usage: [
      'league --indicator 指标 --period YYYY-MM [--by value|yoy] [--level N] [--group 组] [--parent 地区] [--json]',
    ],
    options: {
      indicator: '指标（名称、别名或代码）',
      period: PERIOD,
      by: '按 value（总量）或 yoy（增速）排',
      level: '地区层级（0–5）',
      group: '同类组名称',
      parent: '上级地区：排它的下级',
    },
  },
  target: {
    summary: '设定目标，或从文件导入目标',
    usage: [
      'target set --indicator 指标 --region 地区 --year YYYY (--growth 百分比 | --amount 数值 | --ceiling 数值 | --floor 数值)',
      '           [--cmp ≈|>=|<=] [--strength expected|must|strive] [--trajectory "3:20,6:45,9:70,12:100"] [--source 来源]',
      'target import 文件',
    ],
    options: {
      indicator: '指标（名称、别名或代码）',
      region: REGION,
      year: '年度',
      growth: '增速目标（%）',
      amount: '总量目标（指标的单位）',
      ceiling: '上限目标',
      floor: '下限目标',
      cmp: '比较方式：≈（左右）、>=（以上）、<=（以内）',
      strength: '力度：expected（预期）、must（确保）、strive（力争）',
      trajectory: '逐季逐月分解：月:累计百分比,…',
      source: '目标的出处',
    },
  },
  progress: {
    summary: '目标进度：各指标完成情况和时序进度',
    usage: ['progress --region 地区 --period YYYY-MM [--json] [--explain]'],
    options: { region: REGION, period: PERIOD },
  },
  overview: {
    summary: '地区概览：各指标数值、增速、目标进度、同级排位、大起大落',
    usage: ['overview --region 地区 --period YYYY-MM [--json] [--explain]'],
    options: { region: REGION, period: PERIOD },
  },
  assess: {
    summary: '考核（镇域/县域经济考核）：按方案计分、组内排名，每项给出算式',
    usage: [
      'assess run --scheme 方案.json [--inputs 录入.csv] [--period YYYY-MM] [--out 通报.docx|.xlsx] [--json] [--explain]',
      'assess publish --scheme 方案.json [--inputs 录入.csv] [--period YYYY-MM] [--out 通报.docx|.xlsx]（发布：保存结果和录入，冻结方案版本）',
    ],
    options: {
      scheme:
        '考核方案（JSON：分组、考核项目、权重、计分规则、加减分上限；录入项可写 source 从重点项目取数，如 {"kind":"projects","measure":"startRate"}、{"kind":"leads","measure":"contract"}、{"kind":"tour","tour":"拉练名称"}）',
      inputs: '录入文件（CSV：地区,项目,分值；分值为数字或「否决」，加分/减分可多行）',
      period: '考核期 YYYY-MM（代替方案中的 period）',
      out: '同时写出考核结果通报：.docx 或 .xlsx',
    },
  },
  brief: {
    summary: '经济运行情况分析（通报），写成 Word、Excel 或网页；默认用最新保存的版本',
    usage: [
      'brief --region 地区 --period YYYY-MM (--out 文件.docx|.xlsx|.html | --json) [--version 版本号|latest|0] [--today YYYY-MM-DD]',
    ],
    options: {
      region: REGION,
      period: PERIOD,
      out: '输出文件：.docx、.xlsx 或 .html',
      version: '已保存的版本号；latest（默认）为最新保存的版本，0 为系统生成的原文',
    },
  },
  intake: {
    summary: '读入讲话、工作报告、新闻：规范化文本，抽取目标、数据和督办任务',
    usage: ['intake normalize 文件', 'intake extract 文件 [--json] [--year YYYY]'],
    options: { year: '文件所定目标的年度（文中没有写明时）' },
  },
  backup: {
    summary: '备份内嵌数据库（服务运行时经由服务）',
    usage: ['backup --out 文件'],
    options: { out: '备份文件（.tar.gz），不能已存在' },
  },
  restore: { summary: '把备份恢复到空目录或新目录', usage: ['restore 备份文件 --data 空目录'], options: {} },
  audit: {
    summary: '审计日志：谁在何时改了什么',
    usage: [
      'audit [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--user 用户名] [--action 操作] [--limit N] [--json]',
    ],
    options: {
      since: '起始日期 YYYY-MM-DD',
      until: '截止日期 YYYY-MM-DD',
      user: '用户名',
      action: '操作，如 import、target.set',
      limit: '最多列出几条',
    },
  },
  indicator: {
    summary: '指标库：列出或新增指标',
    usage: ['indicator list', 'indicator add --code 代码 --name 名称 --unit 单位 [其他参数]'],
    options: {
      code: '指标代码',
      name: '指标名称',
      unit: '单位',
      alias: '别名（可重复）',
      frequency: '频率：month、quarter 或 year',
      measure: '口径：flow（累计流量）、stock（期末存量）或 rate（比率）',
      aggregation: '汇总方式：sum 或 none',
      direction: '方向：up（越高越好）或 down（越低越好）',
      comparable: '按可比价计算增速',
      'jan-feb': '1–2 月合并报送',
      alert: '触警阈值',
      excellence: '优质阈值',
    },
  },
  region: {
    summary: '新增园区、开发区，或设定地区分组',
    usage: [
      'region add --code 代码 --name 名称 --parent 上级地区 [--kind zone|park]',
      'region group --name 组名 地区…',
    ],
    options: {
      code: '地区代码',
      name: '名称（分组时为组名）',
      parent: '上级地区',
      kind: '类别：zone（开发区）或 park（园区）',
    },
  },
  unit: {
    summary: '单位：新增（显示单位编号），或指定为其报送督办进展的用户',
    usage: ['unit add --region 地区 --name 单位名称', 'unit link --unit 单位 --user 用户名'],
    options: {
      region: REGION,
      name: '单位名称',
      unit: '单位（名称或编号）',
      user: '为该单位报送督办任务进展的用户',
    },
  },
  template: {
    summary: '写出导入模板',
    usage: [
      'template long-csv|long-xlsx|targets-csv|assess-inputs-csv --out 文件',
      'template projects-csv|projects-xlsx|project-reports-csv|project-reports-xlsx|leads-csv|leads-xlsx|tour-csv|tour-xlsx|problems-csv|problems-xlsx --out 文件',
    ],
    options: { out: '输出文件' },
  },
  project: {
    summary: '重点项目：项目清单（完成率、时序进度、亮灯和原因）、开工率竣工率入库率等、未解决和逾期问题',
    usage: [
      'project list --region 地区 --period YYYY-MM [--json]',
      'project rates --region 地区 --period YYYY-MM [--json]',
      'project problems --region 地区 [--overdue] [--json]',
      'project leader --user 用户名 [--name 包联领导姓名]',
    ],
    options: {
      region: `${REGION}：含其下所有地区`,
      period: `${PERIOD}（list、rates）`,
      overdue: '只列逾期问题（problems：未解决且已过完成时限；完成时限当天不算逾期）',
      user: '领导账号的用户名（leader）',
      name: '该账号在项目库「包联领导」一栏的姓名；不填则清除，改按用户名匹配（leader）',
    },
  },
  lead: {
    summary: '招商引资：本年签约项目的履约率、开工率、投产率、资金到位率',
    usage: ['lead rates --region 地区 --period YYYY-MM [--json]'],
    options: { region: `${REGION}：含其下所有地区`, period: PERIOD },
  },
  tour: {
    summary: '项目拉练：按评分表计算项目得分、地区得分和名次',
    usage: ['tour score 评分表.csv|.xlsx [--json]'],
    options: {},
  },
  user: {
    summary: '账号：列出或新增用户',
    usage: [
      'user list',
      'user add --name 用户名 --role admin|analyst|reporter|leader [--region 地区] --password 密码',
    ],
    options: {
      name: '用户名',
      role: '角色：admin、analyst、reporter 或 leader',
      region: '辖区（空为不限地区）',
      password: '密码',
    },
  },
  task: {
    summary: '督办任务：交办、报送进展、延期、清单（亮灯与约谈）',
    usage: [
      'task add --title 任务 --lead 单位[,单位…] [--support 单位,…] (--due YYYY-MM-DD | --recurrence weekly|monthly|quarterly) [--start YYYY-MM-DD] [--source 来源] [--region 地区] [--json]',
      'task update 编号 [--percent N] [--note 说明] [--evidence 文件] [--done]',
      'task extend 编号 --to YYYY-MM-DD --reason 理由',
      'task list [--unit 单位] [--light green|blue|yellow|red] [--region 地区] [--json]',
      'task close 编号',
      'task return 报送编号 --reason 理由',
    ],
    options: {
      title: '任务名称',
      lead: '牵头单位（单位名称或编号，多个用逗号或顿号分隔；「各乡镇（街道）」分解为每个乡镇街道一项子任务）',
      support: '配合单位（同上）',
      due: '截止日期 YYYY-MM-DD',
      recurrence: '周期：weekly（每周一至周日）、monthly（每月）或 quarterly（每季），每期末截止',
      start: '开始日期 YYYY-MM-DD（默认为交办当天）',
      source: '任务来源（文件、会议、批示）',
      region: '任务所属地区（默认为第一个牵头单位所在地区）；list 时只列该地区及下级地区的任务',
      percent: '完成进度 0–100',
      note: '进展说明（只报说明时保留上次进度）',
      evidence: '佐证材料文件',
      done: '办结（销号）',
      to: '延期后的截止日期 YYYY-MM-DD（须在原截止日期当天或之前申请）',
      reason: '延期或退回的理由',
      unit: '只列该单位牵头或配合的任务（单位名称或编号）',
      light: '只列某种灯：green 绿、blue 蓝（临期）、yellow 黄（滞后或久未报送）、red 红（超期）',
    },
  },
  report: {
    summary:
      '通报：重点项目推进情况通报、招商引资月报、拉练通报，或督办通报（各单位办理情况、红黄灯事项、约谈名单），写成 Word 或 Excel',
    usage: [
      'report projects --region 地区 --period YYYY-MM --out 文件.docx|.xlsx',
      'report leads --region 地区 --period YYYY-MM --out 文件.docx|.xlsx',
      'report tasks --out 文件.docx|文件.xlsx [--region 地区] [--json]',
      'report tour --tour 拉练名称 --out 文件.docx|.xlsx',
    ],
    options: {
      region: `${REGION}：含其下所有地区`,
      period: `${PERIOD}（重点项目通报、招商引资月报）`,
      out: '输出文件：.docx 或 .xlsx',
      tour: '拉练名称（拉练通报：地区排名与平均分、各项目得分）',
    },
  },
  meeting: {
    summary: '记录会议，其决定事项转为督办任务（会议纪要）',
    usage: [
      'meeting add --region 地区 --date YYYY-MM-DD --title 会议名称 [--kind 会议类别] [--leader 主持领导] [--attendees 参会单位、…] [--decisions 决定事项.csv]',
    ],
    options: {
      region: REGION,
      date: '会议日期 YYYY-MM-DD',
      title: '会议名称',
      kind: '会议类别（常务会议、专题会议……）',
      leader: '主持领导',
      attendees: '参会单位或人员，用顿号分隔',
      decisions: '决定事项 CSV：事项,牵头单位,配合单位,截止日期（截止日期空为会议纪要默认期限）',
    },
  },
};

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(1, n - [...s].length));

/** `tiaodu --help`: every command with its one line, then the common flags and the environment. */
export function usage(): string {
  const names = Object.keys(HELP);
  const width = Math.max(...names.map((n) => n.length)) + 2;
  return [
    '用法: tiaodu <命令> [参数]；tiaodu <命令> --help 查看该命令的参数',
    '',
    '命令:',
    ...names.map((n) => `  ${pad(n, width)}${HELP[n]?.summary}`),
    '',
    '通用参数:',
    ...Object.entries(COMMON_OPTIONS).map(([o, s]) => `  ${pad(`--${o}`, 12)}${s}`),
    '',
    '环境变量: TIAODU_TOKEN（serve 的管理员令牌）、TIAODU_COOKIE_SECURE=auto|always|never、',
    '          TIAODU_TRUST_PROXY=1（经 HTTPS 反向代理时）、TIAODU_DEBUG=1（出错时显示堆栈）。',
  ].join('\n');
}

/** `tiaodu COMMAND --help`: its usage lines and each of its flags. */
export function commandUsage(name: string): string {
  const h = HELP[name];
  if (!h) return usage();
  const flags = Object.entries(h.options).map(([o, s]) => `  ${pad(`--${o}`, 16)}${s}`);
  return [
    `tiaodu ${name} — ${h.summary}`,
    '',
    ...h.usage.map((u, i) => `${i === 0 ? '用法: ' : '      '}tiaodu ${u}`),
    ...(flags.length > 0 ? ['', '参数:', ...flags] : []),
    '',
    `通用参数: ${Object.keys(COMMON_OPTIONS)
      .map((o) => `--${o}`)
      .join('、')}（见 tiaodu --help）`,
  ].join('\n');
}
