// The generated OpenAPI document: every route with its request and answer schemas, and the rules it declares.
import { describe, expect, it } from 'vitest';
import { ROUTES } from './index.ts';
import { openApiDocument } from './openapi.ts';

type Operation = {
  parameters?: { name: string; in: string; required: boolean; schema: object }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
  'x-roles'?: string[];
  'x-scope'?: object;
};

const doc = openApiDocument();
const op = (method: string, path: string) =>
  (doc.paths[path] as Record<string, Operation>)[method] as Operation;

describe('the generated OpenAPI document', () => {
  it('gives every operation an answer with content for its success status', () => {
    for (const r of ROUTES) {
      const o = op(r.method, r.path);
      const ok = Object.entries(o.responses).find(([s]) => s.startsWith('2'));
      expect(ok?.[1].content, `${r.method} ${r.path}`).toBeDefined();
    }
  });

  it('documents each query and path field of a route as a parameter, and its JSON or file body', () => {
    const league = op('get', '/api/league');
    expect(league.parameters?.map((p) => [p.name, p.required])).toEqual([
      ['indicator', true],
      ['period', true],
      ['by', false],
      ['level', false],
      ['group', false],
      ['parent', false],
      ['explain', false],
    ]);
    expect(op('get', '/api/regions/{code}').parameters).toContainEqual(
      expect.objectContaining({ name: 'code', in: 'path', required: true }),
    );
    expect(op('put', '/api/targets').requestBody?.content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/TargetInput' } },
    });
    expect(Object.keys(op('post', '/api/import').requestBody?.content ?? {})).toEqual([
      'application/octet-stream',
    ]);
    for (const r of ROUTES.filter((r) => r.request.body || r.request.upload))
      expect(op(r.method, r.path).requestBody, `${r.method} ${r.path}`).toBeDefined();
  });

  it('refers every named schema to a component that exists', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(
      (m) => m[1],
    );
    expect(refs.length).toBeGreaterThan(50);
    for (const name of new Set(refs)) expect(doc.components.schemas, name).toHaveProperty(name as string);
  });

  it('shows the roles and region scope each route declares', () => {
    expect(op('put', '/api/targets')['x-roles']).toEqual(['admin', 'analyst']);
    expect(op('put', '/api/targets')['x-scope']).toEqual({ region: 'body.region', access: 'write' });
    expect(op('get', '/api/backup')['x-scope']).toEqual({
      cityWide: '只有不限辖区的管理员可以备份整个数据库',
    });
  });

  it('keeps the Chinese descriptions of fields', () => {
    const row = doc.components.schemas.OverviewRow as {
      properties: Record<string, { description?: string }>;
    };
    expect(row.properties.swing?.description).toBe('大起大落：增速较上期变动超过阈值');
  });
});
