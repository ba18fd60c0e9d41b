// The set-up the browser tests share: the demo city served with the built web app on a free port, Chromium,
// a signed-in page in either language, and a signed-in API client for set-up steps.
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { loadDemo } from '../../demo/index.ts';
import { createApp } from '../../server/app.ts';
import { accountAuth } from '../../server/auth.ts';
import type { Db } from '../../store/db.ts';
import { freshStore } from '../../store/testing.ts';
import type { Lang } from '../i18n.ts';
import { CHROMIUM, launchChromium } from './browser.ts';

export const WEB = join(import.meta.dirname, '../../../dist/web');
/** Where the browser tests leave their screenshots (and downloads) for a person to look at. */
export const SHOTS = join(import.meta.dirname, '../../../screenshots');

/** Chromium is installed and the web app is built (`npx vite build`): otherwise browser tests are skipped. */
export const browserReady = existsSync(CHROMIUM) && existsSync(join(WEB, 'index.html'));

export interface DemoServer {
  db: Db;
  base: string;
  browser: Browser;
  close: () => Promise<void>;
}

/** The demo city on a fresh store, served with the web app on 127.0.0.1, and a Chromium to visit it. */
export async function startDemo(): Promise<DemoServer> {
  const { db, drop } = await freshStore();
  await loadDemo(db);
  const app = createApp(db, { auth: accountAuth(db), webRoot: WEB });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
  const close = async () => {
    await browser.close();
    await new Promise((r) => server.close(r));
    await drop();
  };
  return { db, base, browser, close };
}

const LOGIN = {
  zh: { name: '用户名', password: '密码', button: /登\s*录/ },
  en: { name: 'User name', password: 'Password', button: /Sign in/ },
};

/**
 * A new page at a desktop's size on the app's first screen (the sign-in form); `prepare` runs before the
 * app loads, for init scripts and listeners that must see the first request.
 */
export async function openApp(
  { browser, base }: DemoServer,
  prepare?: (page: Page) => Promise<unknown>,
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await prepare?.(page);
  await page.goto(base);
  return page;
}

/** Fills in and sends the sign-in form; whether it let the user in is for the caller to check. */
export async function submitSignIn(page: Page, name: string, password: string, lang: Lang = 'zh') {
  await page.getByLabel(LOGIN[lang].name).fill(name);
  await page.getByLabel(LOGIN[lang].password).fill(password);
  await page.getByRole('button', { name: LOGIN[lang].button }).click();
}

/** A new page signed in as `name`, the app in `lang` (as the language switch leaves it for the next visit). */
export async function signIn(
  server: DemoServer,
  name: string,
  password: string,
  lang: Lang = 'zh',
): Promise<Page> {
  const page = await openApp(server, (p) =>
    p.addInitScript((l) => localStorage.setItem('tiaodu.lang', l), lang),
  );
  await submitSignIn(page, name, password, lang);
  await page.getByTestId('user').waitFor();
  return page;
}

/** JSON calls as a signed-in user, session cookie and CSRF token included: for set-up steps the test is not about. */
export async function apiAs(base: string, name: string, password: string) {
  const r = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  if (!r.ok) throw new Error(`sign-in as ${name} failed: ${r.status} ${await r.text()}`);
  const { csrf } = (await r.json()) as { csrf: string };
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}
