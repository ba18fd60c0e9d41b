// JSON Schemas of the API's request and response bodies, referenced from the OpenAPI document.

const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const bool = { type: 'boolean' } as const;
const num = { type: ['number', 'null'] } as const;
const strOrNull = { type: ['string', 'null'] } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const targetKind = { enum: ['growth', 'amount', 'ceiling', 'floor'] };
const cmp = { enum: ['≈', '>=', '<='] };
const strength = { enum: ['expected', 'must', 'strive'] };
const trajectory = {
  type: ['object', 'null'],
  description: '逐季逐月分解：各检查月累计应完成全年任务的百分比',
  properties: {
    granularity: { enum: ['month', 'quarter'] },
    checkpoints: {
      type: 'array',
      items: { type: 'object', properties: { month: int, percent: { type: 'number' } } },
    },
  },
};

export const schemas = {
  Error: {
    type: 'object',
    properties: {
      error: {
        type: 'object',
        properties: {
          code: { ...str, description: '稳定的错误代码，如 auth.required、forbidden、validation、import' },
          message: { ...str, description: '中文说明' },
          fields: { type: 'array', description: '参数错误时：每个出错字段', items: { type: 'object' } },
          issues: {
            type: 'array',
            description: '导入失败时：每个出错的行和列',
            items: {
              type: 'object',
              properties: {
                file: str,
                row: int,
                column: str,
                value: str,
                expected: str,
                code: str,
                message: str,
              },
            },
          },
        },
        required: ['code', 'message'],
      },
    },
    required: ['error'],
  },
  Explanation: {
    type: 'object',
    description: '计算说明：公式与输入',
    properties: { formula: str, inputs: { type: 'object' }, result: num },
  },
  User: {
    type: 'object',
    properties: {
      name: str,
      role: { enum: ['admin', 'analyst', 'reporter', 'leader'] },
      regionCode: strOrNull,
    },
  },
  Indicator: {
    type: 'object',
    properties: {
      code: { ...str, pattern: '^[a-z][a-z0-9_]*$' },
      name: str,
      aliases: { type: 'array', items: str },
      unit: str,
      frequency: { enum: ['month', 'quarter', 'year'] },
      measure: { enum: ['flow', 'stock', 'rate'] },
      aggregation: { enum: ['sum', 'none'] },
      direction: { enum: ['up', 'down'] },
      comparable: bool,
      janFebCombined: bool,
      reportingUnit: strOrNull,
      leader: strOrNull,
      intake: { enum: ['file', 'manual'] },
      alertThreshold: num,
      excellenceThreshold: num,
    },
    required: ['code', 'name', 'unit'],
  },
  Region: {
    type: 'object',
    properties: {
      code: str,
      name: str,
      parentCode: strOrNull,
      level: int,
      kind: { enum: ['country', 'division', 'park', 'zone'] },
    },
  },
  SeriesPoint: {
    type: 'object',
    properties: {
      period: str,
      value: num,
      yoy: { ...num, description: '公布同比，无公布时为推算同比' },
      yoyPublished: num,
      yoyDerived: num,
      yoyGapFlagged: bool,
      twoYearAverage: num,
      monthValue: num,
      monthYoy: num,
      swing: bool,
      forecast: bool,
      unit: str,
      explain: ref('Explanation'),
      pending: {
        enum: ['submitted', 'approved'],
        description: '仅 include=submitted 时：该期显示的是待审核（或已审核未发布）的数，而非已发布数',
      },
      submissionId: int,
      publishedValue: { ...num, description: '待审数将替换的已发布数值' },
      publishedYoy: num,
    },
    required: ['period', 'value', 'yoy', 'yoyDerived', 'unit'],
  },
  LeagueRow: {
    type: 'object',
    properties: {
      region: str,
      code: str,
      level: int,
      value: num,
      yoy: num,
      yoyPublished: num,
      yoyDerived: num,
      rank: { type: ['integer', 'null'] },
      rankOf: { ...int, description: '参与排位的地区数（只显示本辖区各行时，仍为全部同级地区数）' },
      rankBefore: { type: ['integer', 'null'] },
      rankChange: { type: ['integer', 'null'], description: '正数为进位，负数为退位' },
      previousPeriod: strOrNull,
      explain: ref('Explanation'),
    },
    required: ['region', 'code', 'value', 'yoy', 'rank'],
  },
  ProgressRow: {
    type: 'object',
    properties: {
      indicator: str,
      indicatorCode: str,
      unit: str,
      target: { type: 'number' },
      targetKind: targetKind,
      cmp,
      strength,
      stretch: num,
      actual: num,
      timeProgress: { type: 'number' },
      completion: num,
      gap: num,
      status: { enum: ['ahead', 'on_track', 'behind', 'off_track', null] },
      dataPeriod: strOrNull,
      needed: {
        type: 'object',
        description: '全年目标对余下月份的要求',
        properties: { growth: num, remaining: num, perMonth: num },
      },
      explain: ref('Explanation'),
    },
    required: ['indicator', 'target', 'targetKind', 'actual', 'timeProgress', 'completion', 'gap', 'status'],
  },
  Progress: {
    type: 'object',
    properties: {
      rows: { type: 'array', items: ref('ProgressRow') },
      doubleHalf: { ...bool, description: '双过半' },
      allGreen: { ...bool, description: '全年红：每个指标都达到目标' },
    },
    required: ['rows', 'doubleHalf', 'allGreen'],
  },
  Target: {
    type: 'object',
    properties: {
      indicatorCode: str,
      regionCode: str,
      year: int,
      kind: targetKind,
      value: { type: 'number' },
      cmp,
      strength,
      trajectory,
      source: strOrNull,
      quote: strOrNull,
    },
  },
  TargetInput: {
    type: 'object',
    properties: {
      indicator: { ...str, description: '指标名称、别名或代码' },
      region: { ...str, description: '地区名称或代码' },
      year: int,
      kind: targetKind,
      value: { type: 'number' },
      cmp,
      strength: { ...strength, default: 'expected' },
      trajectory,
      source: strOrNull,
      quote: strOrNull,
    },
    required: ['indicator', 'region', 'year', 'kind', 'value'],
  },
  ObservationInput: {
    type: 'object',
    properties: {
      indicator: str,
      region: str,
      period: str,
      value: num,
      yoy: num,
      forecast: bool,
      comment: { ...str, description: '说明（如增速变动大的原因）' },
      reason: { ...str, description: '修订原因：修改已发布（锁定）期间的数据时必填，否则 409' },
    },
    required: ['indicator', 'region', 'period', 'value'],
  },
  Submission: {
    type: 'object',
    description: '填报员上报、待审核的一条数据',
    properties: {
      id: int,
      regionCode: str,
      regionName: str,
      indicatorCode: str,
      indicatorName: str,
      unit: str,
      period: str,
      value: num,
      yoy: num,
      monthValue: num,
      monthYoy: num,
      forecast: bool,
      status: {
        enum: ['submitted', 'approved', 'returned', 'published', 'superseded'],
        description: '待审核、已通过（待发布）、已退回、已发布、已被新提交替代',
      },
      comment: strOrNull,
      reason: { ...strOrNull, description: '修订原因（修改已发布期间时）' },
      source: strOrNull,
      submittedBy: str,
      submittedAt: str,
      reviewedBy: strOrNull,
      reviewedAt: strOrNull,
      returnReason: strOrNull,
      publishedBy: strOrNull,
      publishedAt: strOrNull,
      published: {
        type: ['object', 'null'],
        description: '同一地区、指标、期间现已发布的数（发布后将被替换）',
        properties: { value: num, yoy: num },
      },
      locked: { ...bool, description: '该期间已发布并锁定：这条是修订' },
      canReview: { ...bool, description: '当前用户能否审核（上一级地区的分析员、管理员）' },
    },
  },
  PeriodStatus: {
    type: 'object',
    properties: {
      region: str,
      period: str,
      lock: {
        type: ['object', 'null'],
        description: '覆盖该地区的发布锁（本地区或上级地区发布时加锁），未发布时为 null',
        properties: { regionCode: str, period: str, lockedBy: strOrNull, lockedAt: str },
      },
      counts: {
        type: 'object',
        description: '该地区及下级地区该期各状态的上报条数',
        properties: { submitted: int, approved: int, returned: int, published: int, superseded: int },
      },
    },
  },
  Settings: {
    type: 'object',
    properties: {
      'league.peerFigures': {
        type: 'array',
        items: { enum: ['admin', 'analyst', 'reporter', 'leader'] },
        description:
          '可查看其他地区已发布排位数据的角色（默认 analyst、leader、admin）；其他账号在排位表及导出中只看到本辖区的行及其名次',
      },
    },
  },
  ImportSummary: {
    type: 'object',
    properties: {
      file: str,
      format: str,
      rows: int,
      created: int,
      updated: int,
      ignored: int,
      dryRun: bool,
      submitted: { ...int, description: '填报员导入：生成的待审核条数（不直接发布）' },
      skipped: {
        type: 'object',
        description:
          '国家统计局文件中属于全国行政区划、但本系统未载入的地区的行：不导入（计数同 rows）；没有时不出现。不是任何区划名称的地区仍是错误',
        properties: {
          rows: { ...int, description: '跳过的行数' },
          regions: { type: 'array', items: str, description: '跳过的地区，按文件中的写法和顺序' },
        },
        required: ['rows', 'regions'],
      },
    },
  },
  AuditEvent: {
    type: 'object',
    description: '审计日志的一条：谁在何时做了什么，旧值 → 新值，来自哪个文件',
    properties: {
      at: { ...str, format: 'date-time' },
      user: { ...strOrNull, description: '操作者（登录失败时为所试的用户名）' },
      action: {
        ...str,
        description:
          'sign_in、sign_in_failed、sign_out、user.create、user.role、user.delete、password.change、password.reset、observation.save、target.set、target.delete、import、group.set、indicator.save、region.add …',
      },
      region: { ...strOrNull, description: '地区代码' },
      object: strOrNull,
      old: { description: '旧值（任意 JSON）' },
      new: { description: '新值（任意 JSON）' },
      file: { ...strOrNull, description: '数据来自的文件名' },
    },
    required: ['at', 'user', 'action', 'region', 'object', 'old', 'new', 'file'],
  },
  PasswordRules: {
    type: 'string',
    minLength: 10,
    description: '至少 10 位；不能全是数字；不能包含用户名；不能是常见密码（内置常见密码表）',
  },
  ImportJob: {
    type: 'object',
    properties: {
      id: str,
      file: str,
      dryRun: bool,
      state: { enum: ['queued', 'reading', 'checking', 'writing', 'done', 'failed'] },
      rows: { ...int, description: '已读取的数据行数' },
      bytes: { ...int, description: '文件大小（字节）' },
      percent: { type: ['number', 'null'], description: '已读取的百分比；行数未知时为 null' },
      startedAt: str,
      finishedAt: { type: ['string', 'null'] },
      summary: { description: '成功时的导入摘要（同 ImportSummary），否则为 null' },
      error: { description: '失败时的 { code, message }，否则为 null' },
      issues: { type: 'array', items: { type: 'object' }, description: '失败时逐行逐列的问题' },
    },
  },
};
