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
        summary: '排位表导出为 XLSX（参数同 /api/league）',
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
        summary: '账号列表（管理员）',
        responses: { 200: json({ type: 'array', items: ref('User') }), ...errors },
      },
      post: {
        summary: '新增账号或重设密码、角色、辖区（管理员）',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  name: { type: 'string' },
                  role: { enum: ['admin', 'analyst', 'reporter', 'leader'] },
                  region: { type: ['string', 'null'] },
                  password: { type: 'string', minLength: 8 },
                },
                required: ['name', 'role', 'password'],
              },
            },
          },
        },
        responses: { 201: json(ref('User')), ...errors },
      },
    },
    '/api/regions/custom': {
      post: {
        summary: '新增园区或开发区（管理员）',
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
        summary: '设定地区分组的成员（管理员、分析员）',
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
          '登录：设置 HTTP-only 会话 Cookie，返回用户和防伪令牌（之后的写请求在 x-csrf-token 头中带上它）',
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
        },
      },
      delete: { summary: '退出登录', security: [], responses: { 200: json({ type: 'object' }) } },
    },
    '/api/password': {
      post: {
        summary: '修改密码（需原密码；本账号其他会话随之失效）',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  oldPassword: { type: 'string' },
                  newPassword: { type: 'string', minLength: 8 },
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
        summary: '新增或修改指标（分析员、管理员）',
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
        ],
        responses: { 200: json(arrayOf('SeriesPoint')), ...errors },
      },
    },
    '/api/league': {
      get: {
        summary: '排位表，与 tiaodu league --json 相同',
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
        summary: '填报或更正一条数据，保留历史（填报员限本辖区）',
        requestBody: body('ObservationInput'),
        responses: {
          200: json({ type: 'object', properties: { result: { enum: ['created', 'updated', 'ignored'] } } }),
          ...errors,
        },
      },
    },
    '/api/import': {
      post: {
        summary: '上传数据文件导入（全部成功或全部不写入；填报员限本辖区）',
        parameters: [q('dryRun', '为 1 时只试导入，不写入'), filenameHeader],
        requestBody: upload,
        responses: { 200: json(ref('ImportSummary')), ...uploadErrors, ...errors },
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
