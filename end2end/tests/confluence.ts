// Fixtures for tests that run Confluo inside the local Confluence emulator.
import { expect, test as base, type APIRequestContext, type BrowserContext, type Frame, type Page } from '@playwright/test';
import * as jwt from 'atlassian-jwt';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-ignore: plain JavaScript shared with the benchmarks.
import { hostRoutes as routeLikeAUser } from '../host-routes.cjs';

export const APP = `http://${process.env.LEPTOS_SITE_ADDR ?? '127.0.0.1:3000'}`;
export const EMU = `http://127.0.0.1:${process.env.EMULATOR_PORT ?? '3299'}`;
export const APP_KEY = 'io.confluo.confluence';

/** A real document from end2end/fixtures (made with ONLYOFFICE's engine or LibreOffice). */
export const fixture = (name: string): Buffer => readFileSync(join(__dirname, '..', 'fixtures', name));

/** A fixture as the emulator's `attachments` driver takes it. */
export const fixtureContent = (name: string) => ({ content: fixture(name).toString('base64'), encoding: 'base64' });

/** Calls the emulator's driver API. */
export async function emu(request: APIRequestContext, path: string, body?: unknown): Promise<any> {
  const res = body === undefined ? await request.get(`${EMU}/_emu/api/${path}`) : await request.post(`${EMU}/_emu/api/${path}`, { data: body });
  expect(res.ok(), `emulator ${path}: ${await res.text()}`).toBeTruthy();
  return res.json();
}

/** Installs the app (a fresh shared secret every time) and checks the app accepted it. */
export async function install(request: APIRequestContext, opts: Record<string, unknown> = {}) {
  const out = await emu(request, 'install', opts);
  expect(out.status, 'installed callback status').toBeGreaterThanOrEqual(200);
  expect(out.status).toBeLessThan(300);
  expect(out.enabled, 'enabled callback status').toBeLessThan(300);
  return out;
}

/** A new page with `files` attached (each upload is a webhook) and the document macro on it. */
export async function pageWithDocument(request: APIRequestContext, title: string, attachment = 'report.docx') {
  const page = await emu(request, 'pages', {
    title,
    macros: [{ id: 'doc-1', key: 'office-document', params: { attachment }, body: '' }],
  });
  for (const [fileName, mediaType, content] of [
    ['report.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', fixtureContent('report.docx')],
    ['budget.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fixtureContent('budget.xlsx')],
    ['notes.txt', 'text/plain', { content: 'plain notes' }],
  ] as const) {
    await emu(request, 'attachments', { pageId: page.id, fileName, mediaType, ...content, as: 'emu-alice' });
  }
  return page.id as string;
}

/** The current state of the emulator's model. */
export const state = (request: APIRequestContext) => emu(request, 'state');

/** A context token as Confluence would mint it, for API-level checks. */
export function contextToken(secret: string, clientKey: string, claims: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return jwt.encodeSymmetric({ iss: clientKey, sub: 'emu-alice', iat: now, exp: now + 300, qsh: 'context-qsh', ...claims }, secret);
}

/** The live frame of an app iframe on the host page at `path` whose URL contains `part`. */
export async function appFrame(page: Page, path: string, part = ''): Promise<Frame> {
  let found: Frame | undefined;
  await expect
    .poll(() => {
      found = page.frames().find((f) => !f.isDetached() && f.url().startsWith(`${APP}${path}?`) && f.url().includes(part));
      return !!found;
    }, { message: `an iframe of ${path} with ${part}` })
    .toBe(true);
  return found!;
}

/** Routes a browser context like a Confluence user's (see host-routes.cjs). */
export async function hostRoutes(context: BrowserContext): Promise<void> {
  await routeLikeAUser(context);
}

export const test = base.extend<{ host: Page }>({
  host: async ({ page }, use) => {
    await hostRoutes(page.context());
    await use(page);
  },
});

export { expect };
