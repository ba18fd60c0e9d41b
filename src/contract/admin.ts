// Administration: accounts, custom regions, peer groups, the audit log and the backup.

import { parseDay } from '../core/period.ts';
import { Ok, Region, Role, strOrNull, User } from './common.ts';
import { defineRoute, errors, fail, file } from './route.ts';
import { z } from './zod.ts';

const tags = ['管理'];

const PasswordRules = z.string().min(1).max(1024).meta({
  id: 'PasswordRules',
  description: '至少 10 位；不能全是数字；不能包含用户名；不能是常见密码（内置常见密码表）',
});

const userName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[^\p{Cc}\s/\\]+$/u, '不能含空白、斜杠或控制字符');

const namePath = z.object({ name: z.string() });

/** A peer group is a few dozen regions; a bound keeps one request from resolving millions of names. */
export const MAX_GROUP_MEMBERS = 5000;

export const users = defineRoute({
  method: 'get',
  path: '/api/users',
  summary: '账号列表（管理员；按辖区限定的管理员只看到本辖区内的账号）',
  tags,
  request: {},
  responses: {
    200: z.array(
      User.extend({
        leaderName: strOrNull.optional().describe('领导账号才有：包联领导姓名；null 为按用户名匹配'),
      }),
    ),
    ...errors,
  },
  roles: ['admin'],
});

export const createUser = defineRoute({
  method: 'post',
  path: '/api/users',
  summary:
    '新增账号（管理员）。用户名已存在时 409，不覆盖；按辖区限定的管理员只能在本辖区内设立账号，任何人不能授予高于自己的角色',
  tags,
  request: {
    body: z.object({
      name: userName,
      role: Role,
      region: z.string().min(1).nullable().optional(),
      password: PasswordRules,
    }),
  },
  responses: { 201: User, 409: fail('用户名已存在'), ...errors },
  roles: ['admin'],
  note: '账号的新旧辖区和角色由处理程序对照本账号检查（admin.ts assertMayManage）',
});

export const updateUser = defineRoute({
  method: 'put',
  path: '/api/users/{name}',
  summary: '修改账号的角色或辖区（管理员；原辖区和新辖区都须在本账号辖区内；不能修改自己的账号）',
  tags,
  request: {
    params: namePath,
    body: z.object({
      role: Role.optional(),
      region: z.string().min(1).nullable().optional().describe('null 为不限地区'),
    }),
  },
  responses: { 200: User, ...errors },
  roles: ['admin'],
});

export const deleteUser = defineRoute({
  method: 'delete',
  path: '/api/users/{name}',
  summary: '删除账号（管理员；不能删除自己）',
  tags,
  request: { params: namePath },
  responses: { 200: User, ...errors },
  roles: ['admin'],
});

export const resetPassword = defineRoute({
  method: 'post',
  path: '/api/users/{name}/password',
  summary: '重设他人的密码（管理员）：该账号的所有会话随之失效，登录锁定解除',
  tags,
  request: { params: namePath, body: z.object({ password: PasswordRules }) },
  responses: { 200: Ok, ...errors },
  roles: ['admin'],
});

export const setLeaderName = defineRoute({
  method: 'put',
  path: '/api/users/{name}/leader',
  summary:
    '设定领导账号的包联领导姓名（不限辖区的管理员）：“我包联的项目”按此姓名匹配项目库的包联领导一栏；null 或空为清除，改按用户名匹配；记入审计 user.leader；与 tiaodu project leader 相同',
  tags,
  request: {
    params: namePath,
    body: z.object({ leaderName: z.string().trim().max(64).nullable().describe('包联领导姓名') }),
  },
  responses: { 200: z.object({ name: z.string(), leaderName: strOrNull }), ...errors },
  roles: ['admin'],
  // The name picks projects across the whole city, whatever the leader's region.
  scope: { cityWide: '只有不限辖区的管理员可以设定包联领导姓名' },
});

export const addRegion = defineRoute({
  method: 'post',
  path: '/api/regions/custom',
  summary: '新增园区或开发区（管理员；上级地区须在本账号辖区内）',
  tags,
  request: {
    body: z.object({
      code: z.string().min(1).max(32),
      name: z.string().min(1),
      parent: z.string().min(1),
      kind: z.enum(['park', 'zone']),
    }),
  },
  responses: { 201: Region, ...errors },
  roles: ['admin'],
  scope: { region: 'body.parent', access: 'write' },
});

const Group = z.object({ name: z.string(), description: strOrNull, members: z.array(z.string()) });

export const groups = defineRoute({
  method: 'get',
  path: '/api/groups',
  summary: '地区分组（考核同类组）',
  tags,
  request: {},
  responses: { 200: z.array(Group), ...errors },
});

export const putGroup = defineRoute({
  method: 'put',
  path: '/api/groups/{name}',
  summary: '设定地区分组的成员（管理员、分析员；按辖区限定的账号只能设定新旧成员都在本辖区内的分组）',
  tags,
  request: {
    params: namePath,
    body: z.object({
      regions: z.array(z.string().min(1)).max(MAX_GROUP_MEMBERS, `一个分组最多 ${MAX_GROUP_MEMBERS} 个地区`),
      description: z.string().optional(),
    }),
  },
  responses: { 200: z.object({ name: z.string(), members: z.array(z.string()) }), ...errors },
  roles: ['admin', 'analyst'],
  note: '分组的每个新旧成员都须在本账号辖区内：成员是一个列表，由处理程序逐个检查',
});

const day = z.string().refine((s) => parseDay(s) !== null, '应为有效日期 YYYY-MM-DD');

export const AuditEvent = z
  .object({
    at: z.string().meta({ format: 'date-time' }),
    user: strOrNull.describe('操作者（登录失败时为所试的用户名）'),
    action: z
      .string()
      .describe(
        'sign_in、sign_in_failed、sign_out、user.create、user.role、user.delete、password.change、password.reset、observation.save、target.set、target.delete、import、group.set、indicator.save、region.add …',
      ),
    region: strOrNull.describe('地区代码'),
    object: strOrNull,
    old: z.unknown().describe('旧值（任意 JSON）'),
    new: z.unknown().describe('新值（任意 JSON）'),
    file: strOrNull.describe('数据来自的文件名'),
  })
  .meta({ id: 'AuditEvent', description: '审计日志的一条：谁在何时做了什么，旧值 → 新值，来自哪个文件' });

export const auditQuery = z.object({
  since: day.optional().describe('起始日期 YYYY-MM-DD（含）'),
  until: day.optional().describe('截止日期 YYYY-MM-DD（含）'),
  user: z.string().min(1).max(200).optional().describe('操作者用户名'),
  action: z.string().min(1).max(64).optional().describe('操作，如 sign_in_failed、user.role、target.set'),
  limit: z.coerce.number().int().min(1).max(5000).default(500).describe('最多条数，默认 500，最大 5000'),
});

export const audit = defineRoute({
  method: 'get',
  path: '/api/audit',
  summary:
    '审计日志，新的在前（管理员；按辖区限定的管理员只看到本辖区地区和本辖区账号的事件）：登录、账号变更、数据和目标的修改（旧值 → 新值）、导入（文件名）',
  tags,
  request: { query: auditQuery },
  responses: { 200: z.array(AuditEvent), ...errors },
  roles: ['admin'],
});

export const backup = defineRoute({
  method: 'get',
  path: '/api/backup',
  summary: '备份内嵌数据库（gzip 压缩的 tar，tiaodu restore 可恢复）；仅限不限辖区的管理员，记入审计',
  tags,
  request: { query: z.object({ file: z.string().optional().describe('备份文件名，记入审计') }) },
  responses: {
    200: file('application/gzip', '备份文件'),
    400: fail('使用 PostgreSQL 时请用 pg_dump'),
    401: errors[401],
    403: errors[403],
  },
  roles: ['admin'],
  // The copy holds every region's data and every account's password hash.
  scope: { cityWide: '只有不限辖区的管理员可以备份整个数据库' },
});
