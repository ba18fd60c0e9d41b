// The OpenAPI 3.1 description of the JSON API (kept by hand beside the routes; a test checks they match).

const str = { type: 'string' } as const;
const num = { type: ['number', 'null'] } as const;
const q = (name: string, description: string, required = false, schema: object = str) => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});
const json = (schema: object, description = '成功') => ({
  description,
  content: { 'application/json': { schema } },
});
const error = { $ref: '#/components/schemas/Error' };
const errors = {
  400: json(error, '参数错误'),
  401: json(error, '未登录'),
  403: json(error, '无权限'),
  404: json(error, '地区或指标不存在'),
};

const seriesPoint = {
  type: 'object',
  properties: {
    period: str,
    value: num,
    yoy: num,
    yoyPublished: num,
    yoyDerived: num,
    yoyGapFlagged: { type: 'boolean' },
    monthValue: num,
    monthYoy: num,
    forecast: { type: 'boolean' },
    unit: str,
    explain: { $ref: '#/components/schemas/Explanation' },
  },
  required: ['period', 'value', 'yoy', 'yoyDerived', 'unit'],
};
const leagueRow = {
  type: 'object',
  properties: {
    region: str,
    code: str,
    level: { type: 'integer' },
    value: num,
    yoy: num,
    yoyPublished: num,
    yoyDerived: num,
    rank: { type: ['integer', 'null'] },
    rankBefore: { type: ['integer', 'null'] },
    rankChange: { type: ['integer', 'null'] },
    previousPeriod: { type: ['string', 'null'] },
  },
  required: ['region', 'code', 'value', 'yoy', 'rank'],
};
const progressRow = {
  type: 'object',
  properties: {
    indicator: str,
    indicatorCode: str,
    unit: str,
    target: { type: 'number' },
    targetKind: { enum: ['growth', 'amount', 'ceiling', 'floor'] },
    cmp: str,
    strength: str,
    stretch: num,
    actual: num,
    timeProgress: { type: 'number' },
    completion: num,
    gap: num,
    status: { enum: ['ahead', 'on_track', 'behind', 'off_track', null] },
    dataPeriod: { type: ['string', 'null'] },
    explain: { $ref: '#/components/schemas/Explanation' },
  },
};
const target = {
  type: 'object',
  properties: {
    indicator: str,
    region: str,
    year: { type: 'integer' },
    kind: { enum: ['growth', 'amount', 'ceiling', 'floor'] },
    value: { type: 'number' },
    cmp: { enum: ['≈', '>=', '<='] },
    strength: { enum: ['expected', 'must', 'strive'] },
    trajectory: { type: ['object', 'null'] },
  },
  required: ['indicator', 'region', 'year', 'kind', 'value'],
};
const period = q('period', '期间 YYYY-MM', true);

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Tiaodu 调度 API',
    version: '0.1.0',
    description:
      '经济运行监测调度：指标、地区、数据、目标、进度与排位。除 health 和本文档外，所有接口都需要登录（Cookie tiaodu_session 或 Authorization: Bearer）。',
  },
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer' },
      cookie: { type: 'apiKey', in: 'cookie', name: 'tiaodu_session' },
    },
    schemas: {
      Error: {
        type: 'object',
        properties: {
          error: { type: 'object', properties: { code: str, message: str, issues: { type: 'array' } } },
        },
      },
      Explanation: { type: 'object', properties: { formula: str, inputs: { type: 'object' }, result: num } },
    },
  },
  security: [{ bearer: [] }, { cookie: [] }],
  paths: {
    '/api/health': {
      get: { summary: '服务状态', security: [], responses: { 200: json({ type: 'object' }) } },
    },
    '/api/openapi.json': {
      get: { summary: '本文档', security: [], responses: { 200: json({ type: 'object' }) } },
    },
    '/api/indicators': { get: { summary: '指标库', responses: { 200: json({ type: 'array' }), ...errors } } },
    '/api/regions': {
      get: {
        summary: '下级地区',
        parameters: [q('parent', '上级地区名称或代码，默认全国')],
        responses: { 200: json({ type: 'array' }), ...errors },
      },
    },
    '/api/regions/{code}': {
      get: {
        summary: '一个地区',
        parameters: [{ name: 'code', in: 'path', required: true, schema: str }],
        responses: { 200: json({ type: 'object' }), ...errors },
      },
    },
    '/api/series': {
      get: {
        summary: '时间序列（公布同比与推算同比并列）',
        parameters: [
          q('indicator', '指标名称、别名或代码', true),
          q('region', '地区名称或代码', true),
          q('from', '起始期间 YYYY-MM'),
          q('to', '截止期间 YYYY-MM'),
          q('explain', '为 1 时附上计算说明'),
        ],
        responses: { 200: json({ type: 'array', items: seriesPoint }), ...errors },
      },
    },
    '/api/league': {
      get: {
        summary: '排位表',
        parameters: [
          q('indicator', '指标', true),
          period,
          q('by', 'value 或 yoy'),
          q('level', '地区层级 1 省 2 市 3 县 4 乡镇', false, { type: 'integer' }),
          q('group', '地区分组'),
          q('parent', '上级地区'),
        ],
        responses: { 200: json({ type: 'array', items: leagueRow }), ...errors },
      },
    },
    '/api/progress': {
      get: {
        summary: '目标进度（时序进度、完成率、差距、状态）',
        parameters: [q('region', '地区', true), period],
        responses: {
          200: json({
            type: 'object',
            properties: {
              rows: { type: 'array', items: progressRow },
              doubleHalf: { type: 'boolean' },
              allGreen: { type: 'boolean' },
            },
          }),
          ...errors,
        },
      },
    },
    '/api/targets': {
      get: {
        summary: '某地区某年的目标',
        parameters: [q('region', '地区', true), q('year', '年份', true, { type: 'integer' })],
        responses: { 200: json({ type: 'array' }), ...errors },
      },
      put: {
        summary: '设定（或替换）目标，保留历史',
        requestBody: { required: true, content: { 'application/json': { schema: target } } },
        responses: { 200: json({ type: 'object' }), ...errors },
      },
    },
    '/api/targets/import': {
      post: {
        summary: '上传目标文件（模板：指标,地区,年度,类型,目标值,比较,力度,分解,来源），全部成功或全部不写入',
        parameters: [{ name: 'x-filename', in: 'header', schema: str, description: '文件名（URL 编码）' }],
        requestBody: {
          required: true,
          content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
        },
        responses: {
          200: json({ type: 'object', properties: { targets: { type: 'integer' } } }),
          422: json(error, '文件有错误，逐行列出'),
          ...errors,
        },
      },
    },
    '/api/observations': {
      post: {
        summary: '填报或更正一条数据，保留历史',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  indicator: str,
                  region: str,
                  period: str,
                  value: num,
                  yoy: num,
                  forecast: { type: 'boolean' },
                },
                required: ['indicator', 'region', 'period', 'value'],
              },
            },
          },
        },
        responses: {
          200: json({ type: 'object', properties: { result: { enum: ['created', 'updated', 'ignored'] } } }),
          ...errors,
        },
      },
    },
    '/api/import': {
      post: {
        summary: '上传文件导入（全部成功或全部不写入）',
        parameters: [
          q('dryRun', '为 1 时只试导入'),
          { name: 'x-filename', in: 'header', schema: str, description: '文件名（URL 编码）' },
        ],
        requestBody: {
          required: true,
          content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
        },
        responses: {
          200: json({
            type: 'object',
            properties: {
              file: str,
              format: str,
              rows: { type: 'integer' },
              created: { type: 'integer' },
              updated: { type: 'integer' },
              ignored: { type: 'integer' },
              dryRun: { type: 'boolean' },
            },
          }),
          422: json(error, '文件有错误，逐行列出'),
          ...errors,
        },
      },
    },
    '/api/templates/long.csv': {
      get: { summary: '长表导入模板（CSV）', responses: { 200: { description: 'CSV 文件' } } },
    },
    '/api/templates/long.xlsx': {
      get: { summary: '长表导入模板（XLSX）', responses: { 200: { description: 'XLSX 文件' } } },
    },
  },
};
