// The language of a request's answers: Chinese, unless the web app's cookie or the Accept-Language header asks
// for English. Validation messages follow it (zod's locales); error messages are translated in errors-en.ts.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from '../contract/zod.ts';
// Evaluated before this module, so the per-request choice below is the last word on zod's messages.
import '../store/zod.ts';

export type Lang = 'zh' | 'en';

/** Set by the web app whenever its language changes; it travels with every request, downloads included. */
export const LANG_COOKIE = 'tiaodu-lang';

/**
 * The cookie first (the web app's own switch), then the most wanted of zh and en in Accept-Language; Chinese
 * when neither says. A browser set to English but showing the app in Chinese sends the cookie `zh`.
 * @example requestLang(c) // 'en' for `Accept-Language: en-GB,en;q=0.9`
 */
export function requestLang(c: Context): Lang {
  const cookie = getCookie(c, LANG_COOKIE);
  if (cookie === 'en' || cookie === 'zh') return cookie;
  return acceptedLang(c.req.header('accept-language'));
}

/** The first of zh and en by weight in an Accept-Language header; zh when it names neither. */
export function acceptedLang(header: string | undefined): Lang {
  const wanted = (header ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
      return { lang: tag.split('-')[0], q: Number.isNaN(q) ? 0 : q, i };
    })
    .filter((w) => (w.lang === 'zh' || w.lang === 'en') && w.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return wanted[0]?.lang === 'en' ? 'en' : 'zh';
}

const current = new AsyncLocalStorage<Lang>();

/** The language of the request being answered; Chinese outside a request (the CLI, start-up). */
export const currentLang = (): Lang => current.getStore() ?? 'zh';

// zod words its messages through one global locale; it asks here which language the request in hand wants.
const locales = { zh: z.locales.zhCN(), en: z.locales.en() };
z.config({ localeError: (issue) => locales[currentLang()].localeError(issue) });

/** Answers the rest of the request in its language (validation messages included). */
export const language: MiddlewareHandler = (c, next) => current.run(requestLang(c), next);
