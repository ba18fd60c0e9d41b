// The OpenAPI 3.1 document, generated from the route definitions with zod's own JSON Schema conversion.

import { ErrorBody } from './common.ts';
import { ROUTES } from './index.ts';
import type { Answer, FileBody, Route } from './route.ts';
import { z } from './zod.ts';

type Json = Record<string, unknown>;

const COMPONENTS = '#/components/schemas/';

/**
 * One schema as JSON Schema 2020-12 (what OpenAPI 3.1 uses). Named schemas (`.meta({ id })`) go to the
 * document's components once and are referred to from there.
 */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output', components: Record<string, Json>): Json {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any', reused: 'inline' }) as Json;
  const { $schema: _, $defs, ...rest } = out;
  for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, Json>))
    components[name] ??= relink(def);
  // A named schema at the top is itself a component: refer to it.
  const id = z.globalRegistry.get(schema)?.id;
  if (typeof id === 'string') {
    components[id] ??= relink(rest);
    return { $ref: `${COMPONENTS}${id}` };
  }
  return relink(rest);
}

const relink = (schema: Json): Json =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/$defs/', `"${COMPONENTS}`)) as Json;

const fileContent = (f: FileBody) =>
  Object.fromEntries(f.types.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]));

function answer(a: Answer, components: Record<string, Json>): Json {
  if (a instanceof z.ZodType) {
    const description = z.globalRegistry.get(a)?.description ?? '成功';
    return { description, content: { 'application/json': { schema: jsonSchema(a, 'output', components) } } };
  }
  if (a.kind === 'error')
    return {
      description: a.description,
      content: { 'application/json': { schema: { $ref: `${COMPONENTS}Error` } } },
    };
  if (a.kind === 'file') return { description: a.description, content: fileContent(a) };
  const json = { 'application/json': { schema: jsonSchema(a.json, 'output', components) } };
  return { description: a.file.description, content: { ...json, ...fileContent(a.file) } };
}

/** Query and path parameters from the request's object schemas, each field with its description. */
function parameters(route: Route, components: Record<string, Json>): Json[] {
  const list: Json[] = [];
  for (const where of ['path', 'query'] as const) {
    const schema = where === 'path' ? route.request.params : route.request.query;
    if (!schema) continue;
    const object = jsonSchema(schema, 'input', components) as {
      properties?: Record<string, Json>;
      required?: string[];
    };
    for (const [name, { description, ...field }] of Object.entries(object.properties ?? {}))
      list.push({
        name,
        in: where,
        required: where === 'path' || (object.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: field,
      });
  }
  for (const [name, description] of Object.entries(route.request.headers ?? {}))
    list.push({ name, in: 'header', description, schema: { type: 'string' } });
  return list;
}

function operation(route: Route, components: Record<string, Json>): Json {
  const { request } = route;
  const body = request.body
    ? {
        required: true,
        content: { 'application/json': { schema: jsonSchema(request.body, 'input', components) } },
      }
    : request.upload
      ? { required: true, description: request.upload.description, content: fileContent(request.upload) }
      : undefined;
  const params = parameters(route, components);
  const responses = Object.fromEntries(
    Object.entries(route.responses).map(([status, a]) => [status, answer(a, components)]),
  );
  return {
    summary: route.summary,
    tags: route.tags,
    ...(route.public ? { security: [] } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(body ? { requestBody: body } : {}),
    responses,
    ...(route.roles ? { 'x-roles': route.roles } : {}),
    ...(route.scope ? { 'x-scope': route.scope } : {}),
    ...(route.note ? { 'x-note': route.note } : {}),
  };
}

/** The document for `routes` (every route of the API unless given). */
export function openApiDocument(routes: Route[] = ROUTES) {
  const components: Record<string, Json> = {};
  jsonSchema(ErrorBody, 'output', components);
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, Json>)[route.method] = operation(route, components);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tiaodu 调度 API',
      version: '0.1.0',
      description:
        '经济运行监测调度：指标、地区、数据、目标、进度与排位。除 health 和本文档外，所有接口都需要登录（Cookie tiaodu_session 或 Authorization: Bearer）。' +
        '错误统一为 { error: { code, message } }。x-roles 为可调用的角色，x-scope 为接口读写的地区（在处理之前按本账号辖区检查）。',
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'tiaodu_session' },
      },
      schemas: components,
    },
    security: [{ bearer: [] }, { cookie: [] }],
    paths,
  };
}
