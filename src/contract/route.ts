// A route of the JSON API as data: method, path, what it takes and answers (zod), and who may call it.
// The server implements it (server/implement.ts), the OpenAPI document is generated from it (openapi.ts),
// and the browser calls it (web/api.ts) — so the contract is written once, here.
import type { z } from 'zod';
import type { Role } from './common.ts';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A body that is a file, not JSON: an upload or a download, by content type. */
export interface FileBody {
  kind: 'file';
  /** One or more content types (a download may come in several formats). */
  types: string[];
  description: string;
}

/** An error answer `{ error: { code, message } }`, described for this route. */
export interface ErrorAnswer {
  kind: 'error';
  description: string;
}

export type Answer =
  | z.ZodType
  | FileBody
  | ErrorAnswer
  | { kind: 'json-or-file'; json: z.ZodType; file: FileBody };

/** Where in a request the region it reads or writes is named: `query.region`, `params.code`, `body.region`. */
export type RegionAt = `${'query' | 'params' | 'body'}.${string}`;

/**
 * The region scope a route declares; the server checks it before the handler runs.
 * - `region`: the named region must exist (404) and lie within the user's scope (403). With `optional`, a
 *   request naming none means the user's own scope (or, city-wide, everywhere).
 * - `cityWide`: only an account without a region scope may call it; the text is the refusal.
 */
export type Scope = { region: RegionAt; access: 'read' | 'write'; optional?: boolean } | { cityWide: string };

export interface RouteRequest {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The body is a file, named in the `x-filename` header. */
  upload?: FileBody;
  /** Headers worth documenting (name → description). */
  headers?: Record<string, string>;
}

export interface Route {
  method: Method;
  /** The OpenAPI path, e.g. `/api/regions/{code}`. */
  path: string;
  summary: string;
  tags: string[];
  request: RouteRequest;
  responses: Record<number, Answer>;
  /** Roles allowed; every signed-in user when absent. */
  roles?: readonly Role[];
  scope?: Scope;
  /** Answered without sign-in (health, this document, signing in). */
  public?: boolean;
  /** Why some rule is checked by the handler and not declared here (shown in the document). */
  note?: string;
}

/**
 * Declares a route; keeps its literal types so the server and the browser infer input and output from it.
 * @example defineRoute({ method: 'get', path: '/api/me', summary: '当前用户', tags: ['账号'], request: {}, responses: { 200: User } })
 */
export function defineRoute<const R extends Route>(route: R): R {
  return route;
}

export const file = (types: string | string[], description: string): FileBody => ({
  kind: 'file',
  types: Array.isArray(types) ? types : [types],
  description,
});

export const fail = (description: string): ErrorAnswer => ({ kind: 'error', description });

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const CSV = 'text/csv; charset=utf-8';

/** The errors most routes may answer. */
export const errors = {
  400: fail('参数错误（fields 列出出错字段）'),
  401: fail('未登录'),
  403: fail('无权限：角色不符或超出本账号辖区'),
  404: fail('地区或指标不存在'),
} as const;

export const uploadErrors = {
  413: fail('文件过大'),
  422: fail('文件有错误：issues 逐行逐列列出，未写入任何数据'),
} as const;

// ---- what the server and the browser infer from a route ----

type Parsed<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;
type Given<S> = S extends z.ZodType ? z.input<S> : undefined;

/** The first 2xx answer that is JSON: what a handler returns and the browser receives. */
type SuccessOf<R extends Route> = {
  [K in keyof R['responses']]: K extends 200 | 201 ? R['responses'][K] : never;
}[keyof R['responses']];

export type Output<R extends Route> =
  SuccessOf<R> extends infer A
    ? A extends z.ZodType
      ? z.output<A>
      : A extends { kind: 'json-or-file'; json: infer J extends z.ZodType }
        ? z.output<J>
        : never
    : never;

/** What the handler gets: params, query and body parsed by the route's schemas. */
export interface ParsedInput<R extends Route> {
  params: Parsed<R['request']['params']>;
  query: Parsed<R['request']['query']>;
  body: Parsed<R['request']['body']>;
}

/** What a caller sends: the schemas' input types (defaults may be left out). */
export type CallInput<R extends Route> = {
  [K in 'params' | 'query' | 'body' as R['request'][K] extends z.ZodType ? K : never]: Given<R['request'][K]>;
};

/** `/api/regions/{code}` → `/regions/:code`, as Hono mounted at /api writes it. */
export const honoPath = (path: string): string => path.replace(/^\/api/, '').replace(/\{(\w+)\}/g, ':$1');
