// Signing in and out, one's own password, and the two public routes (health and this document).

import { Ok, User } from './common.ts';
import { defineRoute, errors, fail } from './route.ts';
import { z } from './zod.ts';

const tags = ['账号'];

const Session = z.object({ user: User, csrf: z.string() });

export const health = defineRoute({
  method: 'get',
  path: '/api/health',
  summary: '服务状态',
  tags: ['服务'],
  request: {},
  responses: { 200: z.object({ ok: z.boolean(), driver: z.enum(['pglite', 'postgres']) }) },
  public: true,
});

export const openapi = defineRoute({
  method: 'get',
  path: '/api/openapi.json',
  summary: '本文档',
  tags: ['服务'],
  request: {},
  responses: { 200: z.record(z.string(), z.unknown()) },
  public: true,
});

// Lengths are bounded before argon2 sees them: hashing a megabyte costs the server, not the attacker.
export const signIn = defineRoute({
  method: 'post',
  path: '/api/session',
  summary:
    '登录：设置 HTTP-only 会话 Cookie（HTTPS 下带 Secure），返回用户和防伪令牌（之后的写请求在 x-csrf-token 头中带上它）。' +
    '同一用户名连续失败 5 次锁定 15 分钟（不存在的用户名同样计数）；同一地址失败过多时暂时拒绝',
  tags,
  request: { body: z.object({ name: z.string().min(1).max(200), password: z.string().min(1).max(1024) }) },
  responses: {
    200: Session,
    400: errors[400],
    401: errors[401],
    429: fail('失败次数过多，已锁定（Retry-After 头给出需等待的秒数）'),
  },
  public: true,
});

export const session = defineRoute({
  method: 'get',
  path: '/api/session',
  summary: '当前 Cookie 会话的用户和防伪令牌（新开的页面用它取得令牌）',
  tags,
  request: {},
  responses: { 200: Session, 401: errors[401] },
  public: true,
});

export const signOut = defineRoute({
  method: 'delete',
  path: '/api/session',
  summary: '退出登录（须在 x-csrf-token 头中带上防伪令牌）',
  tags,
  request: { headers: { 'x-csrf-token': '登录时返回的防伪令牌' } },
  responses: { 200: Ok, 403: fail('缺少有效的防伪令牌') },
  public: true,
});

export const changePassword = defineRoute({
  method: 'post',
  path: '/api/password',
  summary: '修改自己的密码（需原密码；本账号其他会话随之失效）',
  tags,
  request: {
    body: z.object({
      oldPassword: z.string().min(1).max(1024),
      newPassword: z
        .string()
        .min(1, '请输入新密码')
        .max(1024)
        .describe('至少 10 位；不能全是数字；不能包含用户名；不能是常见密码（内置常见密码表）'),
    }),
  },
  responses: { 200: Ok, ...errors },
});
