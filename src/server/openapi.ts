// The OpenAPI 3.1 description of the JSON API (kept by hand beside the routes; a test checks they match).
import { schemas } from './openapi-schemas.ts';

const str = { type: 'string' } as const;
const ref = (name: keyof typeof schemas) => ({ $ref: `#/components/schemas/${name}` });
const arrayOf = (name: keyof typeof schemas) => ({ type: 'array', items: ref(name) });
const q = (name: string, description: string, required = false, schema: object = str) => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});
const path = (name: string, schema: object = str) => ({ name, in: 'path', required: true, schema });
const int = { type: 'integer' } as const;
const json = (schema: object, description = '成功') => ({
  description,
  content: { 'application/json': { schema } },
});
const body = (name: keyof typeof schemas) => ({
  required: true,
  content: { 'application/json': { schema: ref(name) } },
});
const fail = (description: string) => json(ref('Error'), description);
const errors = {
  400: fail('参数错误（fields 列出出错字段）'),
  401: fail('未登录'),
  403: fail('无权限：角色不符或超出本账号辖区'),
  404: fail('地区或指标不存在'),
};
const upload = {
  required: true,
  content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
};
const filenameHeader = {
  name: 'x-filename',
  in: 'header',
  schema: str,
  description: '文件名（URL 编码），据扩展名识别格式',
};
const uploadErrors = { 413: fail('文件过大'), 422: fail('文件有错误：issues 逐行逐列列出，未写入任何数据') };
const explain = q('explain', '为 1 时附上计算说明 explain');
const period = q('period', '期间 YYYY-MM', true);
const file = (description: string) => ({ description, content: { 'application/octet-stream': {} } });

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Tiaodu 调度 API',
    version: '0.1.0',
    description:
      '经济运行监测调度：指标、地区、数据、目标、进度与排位。除 health 和本文档外，所有接口都需要登录（Cookie tiaodu_session 或 Authorization: Bearer）。' +
      '错误统一为 { error: { code, message } }。',
  },
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer' },
      cookie: { type: 'apiKey', in: 'cookie', name: 'tiaodu_session' },
    },
    schemas,
  },
  security: [{ bearer: [] }, { cookie: [] }],
  paths: {
    '/api/health': {
      get: {
        summary: '服务状态',
        security: [],
        responses: {
          200: json({
            type: 'object',
            properties: { ok: { type: 'boolean' }, driver: { enum: ['pglite', 'postgres'] } },
          }),
        },
      },
    },
    '/api/openapi.json': {
      get: { summary: '本文档', security: [], responses: { 200: json({ type: 'object' }) } },
    },
    '/api/me': { get: { summary: '当前用户', responses: { 200: json(ref('User')), 401: errors[401] } } },
    '/api/league.xlsx': {
      get: {
        summary: '排位表导出为 XLSX（参数和可见范围同 /api/league）',
        parameters: [
          q('indicator', '指标', true),
          q('period', '期间 YYYY-MM', true),
          q('by', 'value 或 yoy'),
          q('parent', '上级地区'),
          q('group', '地区分组'),
          q('level', '层级'),
        ],
        responses: { 200: { description: 'XLSX 文件' }, ...errors },
      },
    },
    '/api/users': {
      get: {
        summary: '账号列表（管理员；按辖区限定的管理员只看到本辖区内的账号）',
        responses: { 200: json({ type: 'array', items: ref('User') }), ...errors },
      },
      post: {
        summary:
          '新增账号（管理员）。用户名已存在时 409，不覆盖；按辖区限定的管理员只能在本辖区内设立账号，任何人不能授予高于自己的角色',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  name: { type: 'string', maxLength: 64 },
                  role: { enum: ['admin', 'analyst', 'reporter', 'leader'] },
                  region: { type: ['string', 'null'] },
                  password: ref('PasswordRules'),
                },
                required: ['name', 'role', 'password'],
              },
            },
          },
        },
        responses: { 201: json(ref('User')), 409: fail('用户名已存在'), ...errors },
      },
    },
    '/api/users/{name}': {
      put: {
        summary: '修改账号的角色或辖区（管理员；原辖区和新辖区都须在本账号辖区内；不能修改自己的账号）',
        parameters: [path('name')],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  role: { enum: ['admin', 'analyst', 'reporter', 'leader'] },
                  region: { type: ['string', 'null'], description: 'null 为不限地区' },
                },
              },
            },
          },
        },
        responses: { 200: json(ref('User')), ...errors },
      },
      delete: {
        summary: '删除账号（管理员；不能删除自己）',
        parameters: [path('name')],
        responses: { 200: json(ref('User')), ...errors },
      },
    },
    '/api/users/{name}/password': {
      post: {
        summary: '重设他人的密码（管理员）：该账号的所有会话随之失效，登录锁定解除',
        parameters: [path('name')],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { password: ref('PasswordRules') },
                required: ['password'],
              },
            },
          },
        },
        responses: { 200: json({ type: 'object' }), ...errors },
      },
    },
    '/api/audit': {
      get: {
        summary:
          '审计日志，新的在前（管理员；按辖区限定的管理员只看到本辖区地区和本辖区账号的事件）：登录、账号变更、数据和目标的修改（旧值 → 新值）、导入（文件名）',
        parameters: [
          q('since', '起始日期 YYYY-MM-DD（含）'),
          q('until', '截止日期 YYYY-MM-DD（含）'),
          q('user', '操作者用户名'),
          q('action', '操作，如 sign_in_failed、user.role、target.set'),
          q('limit', '最多条数，默认 500，最大 5000', false, { type: 'integer' }),
        ],
        responses: { 200: json(arrayOf('AuditEvent')), ...errors },
      },
    },
    '/api/regions/custom': {
      post: {
        summary: '新增园区或开发区（管理员；上级地区须在本账号辖区内）',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  code: { type: 'string' },
                  name: { type: 'string' },
                  parent: { type: 'string' },
                  kind: { enum: ['park', 'zone'] },
                },
                required: ['code', 'name', 'parent', 'kind'],
              },
            },
          },
        },
        responses: { 201: json({ type: 'object' }), ...errors },
      },
    },
    '/api/groups': {
      get: { summary: '地区分组（考核同类组）', responses: { 200: json({ type: 'array' }), ...errors } },
    },
    '/api/groups/{name}': {
      put: {
        summary: '设定地区分组的成员（管理员、分析员；按辖区限定的账号只能设定新旧成员都在本辖区内的分组）',
        parameters: [path('name')],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  regions: { type: 'array', items: { type: 'string' } },
                  description: { type: 'string' },
                },
                required: ['regions'],
              },
            },
          },
        },
        responses: { 200: json({ type: 'object' }), ...errors },
      },
    },
    '/api/periods/latest': {
      get: {
        summary: '某地区有数据的最近期间（驾驶舱默认打开的月份）',
        parameters: [q('region', '地区名称或代码', true)],
        responses: {
          200: json({ type: 'object', properties: { period: { type: ['string', 'null'] } } }),
          ...errors,
        },
      },
    },
    '/api/session': {
      post: {
        summary:
          '登录：设置 HTTP-only 会话 Cookie（HTTPS 下带 Secure），返回用户和防伪令牌（之后的写请求在 x-csrf-token 头中带上它）。' +
          '同一用户名连续失败 5 次锁定 15 分钟（不存在的用户名同样计数）；同一地址失败过多时暂时拒绝',
        security: [],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { name: { type: 'string' }, password: { type: 'string' } },
                required: ['name', 'password'],
              },
            },
          },
        },
        responses: {
          200: json({ type: 'object', properties: { user: ref('User'), csrf: { type: 'string' } } }),
          401: errors[401],
          429: fail('失败次数过多，已锁定（Retry-After 头给出需等待的秒数）'),
        },
      },
      get: {
        summary: '当前 Cookie 会话的用户和防伪令牌（新开的页面用它取得令牌）',
        security: [{ cookie: [] }],
        responses: {
          200: json({ type: 'object', properties: { user: ref('User'), csrf: { type: 'string' } } }),
          401: errors[401],
        },
      },
      delete: {
        summary: '退出登录（须在 x-csrf-token 头中带上防伪令牌）',
        security: [],
        parameters: [
          { name: 'x-csrf-token', in: 'header', schema: str, description: '登录时返回的防伪令牌' },
        ],
        responses: { 200: json({ type: 'object' }), 403: fail('缺少有效的防伪令牌') },
      },
    },
    '/api/password': {
      post: {
        summary: '修改自己的密码（需原密码；本账号其他会话随之失效）',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  oldPassword: { type: 'string' },
                  newPassword: ref('PasswordRules'),
                },
                required: ['oldPassword', 'newPassword'],
              },
            },
          },
        },
        responses: { 200: json({ type: 'object' }), ...errors },
      },
    },
    '/api/indicators': {
      get: { summary: '指标库', responses: { 200: json(arrayOf('Indicator')), ...errors } },
      post: {
        summary:
          '新增或修改指标（不限地区的分析员、管理员）；内置指标只能由不限地区的管理员修改阈值、报送单位、分管领导、填报方式和别名',
        requestBody: body('Indicator'),
        responses: { 201: json(ref('Indicator'), '已保存'), ...errors },
      },
    },
    '/api/regions': {
      get: {
        summary: '下级地区',
        parameters: [q('parent', '上级地区名称或代码；不给时返回已载入地区树的顶层')],
        responses: { 200: json(arrayOf('Region')), ...errors },
      },
    },
    '/api/regions/{code}/figures': {
      get: {
        summary: '下级地区某期的各项指标（数值、累计增速、按增速的位次），用于逐级下钻',
        parameters: [path('code'), q('period', 'YYYY-MM', true)],
        responses: { 200: json({ type: 'object' }), ...errors },
      },
    },
    '/api/regions/{code}': {
      get: {
        summary: '一个地区',
        parameters: [
          { name: 'code', in: 'path', required: true, description: '地区代码或名称', schema: str },
        ],
        responses: { 200: json(ref('Region')), ...errors },
      },
    },
    '/api/series': {
      get: {
        summary: '时间序列（公布同比与推算同比并列），与 tiaodu series --json 相同',
        parameters: [
          q('indicator', '指标名称、别名或代码', true),
          q('region', '地区名称或代码（限本账号辖区）', true),
          q('from', '起始期间 YYYY-MM'),
          q('to', '截止期间 YYYY-MM'),
          explain,
          q(
            'include',
            '为 submitted 时把待审核、已通过未发布的数叠加在已发布数上并标出 pending（领导不可用）',
            false,
            {
              enum: ['submitted'],
            },
          ),
        ],
        responses: { 200: json(arrayOf('SeriesPoint')), ...errors },
      },
    },
    '/api/league': {
      get: {
        summary:
          '排位表，与 tiaodu league --json 相同；角色不在设置 league.peerFigures 中（默认填报员）的有辖区账号只得到本辖区及下级地区的行，名次和 rankOf 仍按全部同级地区',
        parameters: [
          q('indicator', '指标', true),
          period,
          q('by', 'value 或 yoy', false, { enum: ['value', 'yoy'], default: 'value' }),
          q('level', '地区层级 1 省 2 市 3 县 4 乡镇', false, { type: 'integer' }),
          q('group', '地区分组'),
          q('parent', '上级地区'),
          explain,
        ],
        responses: { 200: json(arrayOf('LeagueRow')), ...errors },
      },
    },
    '/api/progress': {
      get: {
        summary: '目标进度（时序进度、完成率、差距、状态）；rows 与 tiaodu progress --json 相同',
        parameters: [q('region', '地区（限本账号辖区）', true), period, explain],
        responses: { 200: json(ref('Progress')), ...errors },
      },
    },
    '/api/overview': {
      get: {
        summary:
          '地区–期间概览（驾驶舱和通报的读模型）：每个指标的数值、增速、上级增速、目标进度、在同级地区中的增速排位和位次变化、大起大落；目标字段与 tiaodu progress 相同，与 tiaodu overview --json 相同。上级增速只给可查看其他地区数据的角色（设置 league.peerFigures）',
        parameters: [q('region', '地区（限本账号辖区）', true), period, explain],
        responses: { 200: json(ref('Overview')), ...errors },
      },
    },
    '/api/briefing': {
      get: {
        summary:
          '经济运行情况分析（通报）：标题、总体判断、分板块段落、分下级地区、存在问题、下步工作；每段中的数字都是该段 figures 之一。format=json 与 tiaodu brief --json 相同；docx、xlsx、html 为文件（限本账号辖区）',
        parameters: [
          q('region', '地区（限本账号辖区）', true),
          period,
          q('format', 'json、docx、xlsx 或 html', false, {
            enum: ['json', 'docx', 'xlsx', 'html'],
            default: 'json',
          }),
          q(
            'version',
            '已保存的版本号；latest（默认）为最新保存的版本，0 为系统生成的原文。JSON 中 version 给出所用版本，sections[].edited 列出改写过的段落序号，stale 列出因数据修订未再套用的改写',
            false,
            { oneOf: [{ const: 'latest' }, { type: 'integer', minimum: 0 }], default: 'latest' },
          ),
        ],
        responses: {
          200: {
            description: '通报（JSON），或 DOCX / XLSX / HTML 文件',
            content: {
              'application/json': { schema: { type: 'object' } },
              'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {},
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {},
              'text/html': {},
            },
          },
          ...errors,
        },
      },
    },
    '/api/briefing/versions': {
      get: {
        summary:
          '通报的已保存版本（新在前）：谁、何时、改了哪些段落（改前、改后、删去的数字）（限本账号辖区）',
        parameters: [q('region', '地区（限本账号辖区）', true), period],
        responses: {
          200: json({
            type: 'array',
            items: {
              type: 'object',
              properties: {
                version: int,
                savedBy: str,
                savedAt: { type: 'string', format: 'date-time' },
                note: { type: ['string', 'null'] },
                changes: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      section: str,
                      title: str,
                      index: int,
                      before: { type: ['string', 'null'] },
                      after: { type: ['string', 'null'] },
                      removed: { type: 'array', items: str, description: '改写后不再出现的数字' },
                      peers: {
                        type: 'boolean',
                        description: '含上级增速：无权查看其他地区数据的账号看不到 before/after',
                      },
                    },
                  },
                },
              },
            },
          }),
          ...errors,
        },
      },
      post: {
        summary:
          '保存通报的改写为新版本（本辖区或上级的分析员、管理员）：edits 为全部改写过的段落；每段中的数字须是该节 figures 之一（可删去数字，不可改写或新增）；base 不是最新版本号时 409',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  region: str,
                  period: str,
                  base: {
                    type: 'integer',
                    minimum: 0,
                    description: '编辑所依据的版本号，0 为系统生成的原文',
                  },
                  edits: {
                    type: 'array',
                    maxItems: 500,
                    items: {
                      type: 'object',
                      properties: { section: str, index: { type: 'integer', minimum: 0 }, text: str },
                      required: ['section', 'index', 'text'],
                    },
                  },
                  note: { type: ['string', 'null'], maxLength: 200 },
                },
                required: ['region', 'period', 'base', 'edits'],
              },
            },
          },
        },
        responses: {
          201: json(
            {
              type: 'object',
              properties: {
                version: int,
                savedBy: str,
                savedAt: { type: 'string', format: 'date-time' },
                note: { type: ['string', 'null'] },
                changes: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      section: str,
                      title: str,
                      index: int,
                      before: { type: ['string', 'null'] },
                      after: { type: ['string', 'null'] },
                      removed: { type: 'array', items: str, description: '改写后不再出现的数字' },
                      peers: {
                        type: 'boolean',
                        description: '含上级增速：无权查看其他地区数据的账号看不到 before/after',
                      },
                    },
                  },
                },
              },
            },
            '已保存',
          ),
          409: fail('他人已保存了更新的版本'),
          ...errors,
        },
      },
    },
    '/api/targets': {
      get: {
        summary: '某地区某年的目标',
        parameters: [q('region', '地区', true), q('year', '年份，默认今年', false, { type: 'integer' })],
        responses: { 200: json(arrayOf('Target')), ...errors },
      },
      put: {
        summary: '设定（或替换）目标，保留历史（分析员、管理员）',
        requestBody: body('TargetInput'),
        responses: { 200: json(ref('Target')), ...errors },
      },
      delete: {
        summary: '删除一个目标（指标×地区×年度×力度），保留历史（分析员、管理员）',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  indicator: str,
                  region: str,
                  year: { type: 'integer' },
                  strength: { enum: ['expected', 'must', 'strive'] },
                },
                required: ['indicator', 'region', 'year'],
              },
            },
          },
        },
        responses: { 200: json({ type: 'object' }), ...errors },
      },
    },
    '/api/targets/export.csv': {
      get: {
        summary: '导出某地区及其下级地区某年的目标（与导入模板同格式，可改后再导入）',
        parameters: [q('region', '地区', true), q('year', '年份，默认今年', false, { type: 'integer' })],
        responses: { 200: file('CSV 文件'), ...errors },
      },
    },
    '/api/targets/import': {
      post: {
        summary: '上传目标文件（模板见 /api/templates/targets.csv），全部成功或全部不写入',
        parameters: [filenameHeader],
        requestBody: upload,
        responses: {
          200: json({ type: 'object', properties: { targets: { type: 'integer' } } }),
          ...uploadErrors,
          ...errors,
        },
      },
    },
    '/api/observations': {
      post: {
        summary:
          '填报或更正一条数据，保留历史。填报员（限本辖区）的数进入审核（result 为 submitted，附 submission），发布后才进入排位和驾驶舱；分析员、管理员的数直接发布。已发布（锁定）期间须填 reason',
        requestBody: body('ObservationInput'),
        responses: {
          200: json({
            type: 'object',
            properties: {
              result: { enum: ['created', 'updated', 'ignored', 'submitted'] },
              submission: ref('Submission'),
            },
          }),
          409: fail('该期间已发布并锁定，修改须填写修订原因 reason'),
          ...errors,
        },
      },
    },
    '/api/import': {
      post: {
        summary:
          '上传数据文件导入（全部成功或全部不写入；每个文件最多 1,000,000 行）；填报员限本辖区，其文件生成待审核的上报（submitted），不直接发布',
        parameters: [
          q('dryRun', '为 1 时只试导入，不写入'),
          q('async', '为 1 时立即答复 202 { id }，导入作为任务在后台进行，用 /api/imports/{id} 查看进度'),
          q('reason', '修订原因：文件改动已发布（锁定）期间的数据时必填，否则 409'),
          filenameHeader,
        ],
        requestBody: upload,
        responses: {
          200: json(ref('ImportSummary')),
          202: json({ type: 'object', properties: { id: str, state: str } }, '已排队'),
          409: fail('文件改动了已发布并锁定的期间，须给出 reason'),
          429: fail('同时进行的导入任务过多'),
          ...uploadErrors,
          ...errors,
        },
      },
    },
    '/api/imports/{id}': {
      get: {
        summary: '导入任务的进度与结果（仅发起人可见，他人得 404）',
        parameters: [path('id')],
        responses: { 200: json(ref('ImportJob')), ...errors },
      },
    },
    '/api/templates/long.csv': {
      get: { summary: '长表导入模板（CSV）', responses: { 200: file('CSV 文件'), 401: errors[401] } },
    },
    '/api/templates/long.xlsx': {
      get: { summary: '长表导入模板（XLSX）', responses: { 200: file('XLSX 文件'), 401: errors[401] } },
    },
    '/api/documents': {
      get: {
        summary: '某地区及其下级地区的文件（讲话、工作报告、新闻），含待审、已采纳、已舍弃条数',
        parameters: [q('region', '地区；默认本账号辖区或地区树顶层')],
        responses: { 200: json({ type: 'array', items: { type: 'object' } }), ...errors },
      },
      post: {
        summary:
          '上传文件（UTF-8、GBK 或 UTF-16 文本）：规范化并抽取目标、数据和任务，待人工审核（分析员、管理员）',
        parameters: [
          filenameHeader,
          q('region', '文件所属地区'),
          q('year', '文件所定目标的年度；默认从文中读出', false, { type: 'integer' }),
        ],
        requestBody: upload,
        responses: {
          201: json({
            type: 'object',
            properties: {
              id: { type: 'integer' },
              targets: { type: 'integer' },
              tasks: { type: 'integer' },
              figures: { type: 'integer' },
            },
          }),
          413: fail('文件过大'),
          ...errors,
        },
      },
    },
    '/api/documents/{id}': {
      get: {
        summary:
          '一份文件：规范化后的全文，及抽取出的每一项（原文引文、位置、审核状态；目标附建议的目标设定 draft）',
        parameters: [path('id', int)],
        responses: { 200: json({ type: 'object' }), ...errors },
      },
      patch: {
        summary:
          '改定文件的年度（分析员、管理员）：待审各项按新年度重新抽取（上年实绩不作目标，建议目标改为新年度），已审核的项不变；答复同 GET',
        parameters: [path('id', int)],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { year: { type: 'integer', minimum: 2000, maximum: 2100 } },
                required: ['year'],
              },
            },
          },
        },
        responses: { 200: json({ type: 'object' }), ...errors },
      },
    },
    '/api/documents/{id}/items/{seq}': {
      post: {
        summary:
          '审核一项：采纳（目标或任务可先修改，采纳即创建，来源为该文件及引文）或舍弃；已审核的项不能再改（409）',
        parameters: [path('id', int), path('seq', int)],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  decision: { enum: ['accept', 'reject'] },
                  target: ref('TargetInput'),
                  task: {
                    type: 'object',
                    properties: {
                      region: str,
                      action: str,
                      lead: { type: 'array', items: str },
                      support: { type: 'array', items: str },
                      due: { type: ['string', 'null'] },
                      recurrence: { enum: ['weekly', 'monthly', 'quarterly', null] },
                    },
                    required: ['region', 'action', 'lead'],
                  },
                },
                required: ['decision'],
              },
            },
          },
        },
        responses: { 200: json({ type: 'object' }), 409: fail('该项已审核'), ...errors },
      },
    },
    '/api/tasks': {
      get: {
        summary: '某地区及其下级地区的督办任务',
        parameters: [q('region', '地区；默认本账号辖区或地区树顶层')],
        responses: { 200: json({ type: 'array', items: { type: 'object' } }), ...errors },
      },
    },
    '/api/submissions': {
      get: {
        summary:
          '上报的数据（审核列表）：本账号辖区内，最新在前；填报员看本辖区的上报及其状态和退回原因（领导不可用）',
        parameters: [
          q('status', '状态；open 为待审核和已通过未发布', false, {
            enum: ['submitted', 'approved', 'returned', 'published', 'superseded', 'open'],
          }),
          q('period', '期间 YYYY-MM'),
          q('region', '地区（含下级地区，限本账号辖区）'),
          q('indicator', '指标'),
          q('limit', '最多条数，默认 1000', false, int),
        ],
        responses: { 200: json(arrayOf('Submission')), ...errors },
      },
    },
    '/api/submissions/review': {
      post: {
        summary:
          '审核通过或退回一条或多条上报（全部成功或全部不改）：审核人须为上一级地区的分析员或管理员（辖区是该地区的上级，或不限辖区）',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  ids: { type: 'array', items: int },
                  decision: { enum: ['approve', 'return'] },
                  reason: { ...str, description: '退回原因（退回时必填）' },
                },
                required: ['ids', 'decision'],
              },
            },
          },
        },
        responses: {
          200: json(arrayOf('Submission')),
          409: fail('某条上报已不在可审核的状态'),
          ...errors,
        },
      },
    },
    '/api/periods/status': {
      get: {
        summary: '某地区某期的发布状态：是否已发布锁定，及本地区和下级地区各状态的上报条数',
        parameters: [q('region', '地区（限本账号辖区）', true), period],
        responses: { 200: json(ref('PeriodStatus')), ...errors },
      },
    },
    '/api/periods/publish': {
      post: {
        summary:
          '发布：把某地区及其下级地区该期已审核通过的数写入已发布数据（保留历史），并锁定该期（分析员、管理员，限本账号辖区）',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { region: str, period: { ...str, description: 'YYYY-MM' } },
                required: ['region', 'period'],
              },
            },
          },
        },
        responses: {
          200: json({
            type: 'object',
            properties: {
              region: str,
              period: str,
              published: { ...int, description: '写入的条数' },
              revised: { ...int, description: '其中修改已锁定期间的条数（记为修订）' },
              pending: { ...int, description: '该期仍待审核的条数' },
            },
          }),
          ...errors,
        },
      },
    },
    '/api/settings': {
      get: {
        summary: '系统设置（全市范围的管理员）',
        responses: { 200: json(ref('Settings')), ...errors },
      },
      put: {
        summary: '修改系统设置（全市范围的管理员；只改给出的设置项，记入审计 setting.set）',
        requestBody: body('Settings'),
        responses: { 200: json(ref('Settings')), ...errors },
      },
    },
    '/api/templates/targets.csv': {
      get: { summary: '目标导入模板（CSV）', responses: { 200: file('CSV 文件'), 401: errors[401] } },
    },
    '/api/backup': {
      get: {
        summary: '备份内嵌数据库（gzip 压缩的 tar，tiaodu restore 可恢复）；仅限不限辖区的管理员，记入审计',
        parameters: [q('file', '备份文件名，记入审计')],
        responses: {
          200: { description: '备份文件', content: { 'application/gzip': {} } },
          400: fail('使用 PostgreSQL 时请用 pg_dump'),
          401: errors[401],
          403: errors[403],
        },
      },
    },
  },
};
