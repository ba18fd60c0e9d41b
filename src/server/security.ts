// Transport settings read once at start: security headers on every response, the cookie's Secure flag, and
// which client address a request came from (the direct peer, or behind a trusted proxy the forwarded one).
import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { TiaoduError } from '../core/errors.ts';

export interface SecuritySettings {
  /** `auto`: Secure when the request arrived over HTTPS (or, behind a trusted proxy, was forwarded from it). */
  cookieSecure: 'auto' | 'always' | 'never';
  /** Believe X-Forwarded-Proto and X-Forwarded-For: only when a reverse proxy in front sets them. */
  trustProxy: boolean;
}

export const defaultSecurity: SecuritySettings = { cookieSecure: 'auto', trustProxy: false };

/**
 * TIAODU_COOKIE_SECURE=auto|always|never and TIAODU_TRUST_PROXY=1|0, checked once: a typo is an error at
 * start, not a silently insecure cookie.
 * @example securityFromEnv({ TIAODU_COOKIE_SECURE: 'always' }) // { cookieSecure: 'always', trustProxy: false }
 */
export function securityFromEnv(env: Record<string, string | undefined> = process.env): SecuritySettings {
  const cookie = env.TIAODU_COOKIE_SECURE?.trim() || 'auto';
  if (cookie !== 'auto' && cookie !== 'always' && cookie !== 'never')
    throw new TiaoduError(
      'usage',
      `环境变量 TIAODU_COOKIE_SECURE 应为 auto、always 或 never，收到「${cookie}」`,
    );
  const proxy = env.TIAODU_TRUST_PROXY?.trim() || '0';
  if (!['0', '1', 'true', 'false'].includes(proxy))
    throw new TiaoduError('usage', `环境变量 TIAODU_TRUST_PROXY 应为 1 或 0，收到「${proxy}」`);
  return { cookieSecure: cookie, trustProxy: proxy === '1' || proxy === 'true' };
}

/**
 * Headers on every response, pages and API alike. The policy is what the built app needs and no more:
 * scripts and connections only from this origin; styles also inline, because Ant Design writes its
 * styles into <style> elements at run time; images also as data: and blob: URLs (ECharts draws on canvas,
 * icons and exported charts are data URLs); no plugins; never inside a frame.
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    xContentTypeOptions: 'nosniff',
  });
}

/** Whether the session cookie gets the Secure flag on this request. */
export function cookieSecure(c: Context, s: SecuritySettings): boolean {
  if (s.cookieSecure !== 'auto') return s.cookieSecure === 'always';
  if (new URL(c.req.url).protocol === 'https:') return true;
  return s.trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/**
 * The client's address, for the sign-in throttle and the audit log. Behind a trusted proxy it is the last
 * X-Forwarded-For entry — the one the proxy itself added; earlier entries are whatever the client sent.
 */
export function clientAddress(c: Context, s: SecuritySettings): string {
  if (s.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded) return forwarded;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}
