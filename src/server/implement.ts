// The one seam between the contract and a handler: roles, request validation and region scope are checked
// here, from the route's declaration, before the handler runs — so no handler has to remember them.
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { honoPath, type Output, type ParsedInput, type Route } from '../contract/route.ts';
import { TiaoduError } from '../core/errors.ts';
import type { Region } from '../core/types.ts';
import type { Db } from '../store/db.ts';
import { requireRegion } from '../store/index.ts';
import { type AuthEnv, assertInScope, requireRole, type User } from './auth.ts';
import { validate } from './schemas.ts';

/** The region a route declares: resolved and in scope; null when optional and not named. */
type RegionOf<R extends Route> = R['scope'] extends { region: string; optional: true }
  ? Region | null
  : R['scope'] extends { region: string }
    ? Region
    : null;

export interface Input<R extends Route> extends ParsedInput<R> {
  /** The signed-in user (absent on the public routes). */
  user: R['public'] extends true ? User | undefined : User;
  region: RegionOf<R>;
  c: Context<AuthEnv>;
}

/** A handler answers with the route's JSON (sent with its success status) or a Response of its own. */
export type Handler<R extends Route> = (input: Input<R>) => Promise<Output<R> | Response>;

/** The status a handler's JSON is sent with: the route's first success answer. */
function successStatus(route: Route): ContentfulStatusCode {
  return 201 in route.responses && !(200 in route.responses) ? 201 : 200;
}

const bodyOf = (c: Context): Promise<unknown> => c.req.json().catch(() => undefined);

/** The region named at `query.region`, `params.code` or `body.parent` of the parsed request. */
function named(at: string, parsed: Record<string, unknown>): string | undefined {
  const [part = '', key = ''] = at.split('.');
  const value = (parsed[part] as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Registers `route` on `api` (a Hono app mounted at /api): roles, then the city-wide rule, then params, query
 * and body against their schemas (400 naming the fields), then the declared region (404 unknown, 403 outside
 * the user's scope), then the handler with the parsed input. `before` runs first (a body limit).
 * @example implement(api, contract.figures.progress, async ({ query, region }) => progress(db, region.code, …))
 */
export function implementer(db: Db) {
  return function implement<const R extends Route>(
    api: Hono<AuthEnv>,
    route: R,
    handler: Handler<R>,
    ...before: MiddlewareHandler<AuthEnv>[]
  ): void {
    const status = successStatus(route);
    const run: MiddlewareHandler<AuthEnv> = async (c) => {
      const user = c.get('user') as User | undefined;
      if (!user && !route.public) throw new TiaoduError('auth.required', '请先登录');
      if (route.roles && user) requireRole(user, [...route.roles]);
      const scope = route.scope;
      if (user && scope && 'cityWide' in scope && user.regionCode !== null)
        throw new TiaoduError('forbidden', scope.cityWide);
      const { params, query, body } = route.request;
      const parsed: Record<string, unknown> = {
        params: params ? validate(params, c.req.param()) : {},
        query: query ? validate(query, c.req.query()) : {},
        body: body ? validate(body, await bodyOf(c)) : undefined,
      };
      let region: Region | null = null;
      if (user && scope && 'region' in scope) {
        const asked = named(scope.region, parsed);
        if (asked !== undefined) {
          region = await requireRegion(db, asked);
          await assertInScope(db, user, region.code);
        }
      }
      const out = await handler({ ...parsed, user, region, c } as unknown as Input<R>);
      if (out instanceof Response) return out;
      return c.json(out as object, status);
    };
    api.on(route.method.toUpperCase(), [honoPath(route.path)], ...before, run);
  };
}

export type Implement = ReturnType<typeof implementer>;
