// What the office tests share: the Document Server stand-in's driver, signing in, opening a
// document with its editor, and reading what Confluence stored.
import type { APIRequestContext, Browser, Frame, Page } from '@playwright/test';
import { APP, APP_KEY, EMU, appFrame, contextToken, emu, expect, hostRoutes, install, state } from './confluence';

export const DS = `http://127.0.0.1:${process.env.DOCSERVER_PORT ?? '3298'}`;
export const DS_TLS = `https://127.0.0.1:${Number(process.env.DOCSERVER_PORT ?? '3298') + 100}`;
export const SECRET = 'standin-secret-0123456789';

/** Calls the Document Server stand-in's driver API. */
export async function ds(request: APIRequestContext, path: string, body?: unknown): Promise<any> {
  const res = body === undefined ? await request.get(`${DS}/_ds/api/${path}`) : await request.post(`${DS}/_ds/api/${path}`, { data: body });
  expect(res.ok(), `stand-in ${path}`).toBeTruthy();
  return res.json();
}

/** Signs `user` in to the emulator in `page`. */
export async function login(page: Page, user: string) {
  await page.goto(`${EMU}/_emu/login?as=${user}&next=/wiki/`);
}

/** The document page for `file` on `pageId`, and the Document Server's editor frame in it. */
export async function openDocument(page: Page, pageId: string, file: string, editorApp = 'documenteditor'): Promise<{ doc: Frame; editor: Frame }> {
  const query = new URLSearchParams({ 'ac.pageId': pageId, 'ac.attachment': file });
  await page.goto(`${EMU}/wiki/plugins/servlet/ac/${APP_KEY}/document-view?${query}`);
  const doc = await appFrame(page, '/documents/view', `ac.attachment=${encodeURIComponent(file)}`);
  let editor: Frame | undefined;
  await expect
    .poll(() => {
      editor = page.frames().find((f) => f.url().startsWith(`${DS}/web-apps/apps/${editorApp}/main/index.html`));
      return !!editor;
    }, { message: 'the Document Server editor frame' })
    .toBe(true);
  await expect(editor!.locator('#ds-editor')).toHaveAttribute('data-state', /ready|error/);
  return { doc, editor: editor! };
}

/** The current attachment `file` on `pageId` in an emulator state. */
export function attachment(s: any, pageId: string, file: string) {
  return s.attachments.find((a: any) => a.pageId === pageId && a.fileName === file && a.status === 'current');
}

/** The versions Confluence holds of `file` on `pageId`. */
export async function versions(request: APIRequestContext, pageId: string, file: string): Promise<any[]> {
  return attachment(await state(request), pageId, file)?.versions ?? [];
}

/** A real `fileType` document holding `text`, made by the stand-in's engine, for the `attachments` driver. */
export async function made(request: APIRequestContext, fileType: string, text: string) {
  const { base64 } = await ds(request, 'make', { fileType, text });
  return { content: base64, encoding: 'base64' };
}

/** What ONLYOFFICE's engine reads of a stored version (default: the newest): its XML text parts, its text, and whether it opens. */
export async function stored(request: APIRequestContext, pageId: string, file: string, version?: number): Promise<{ valid: boolean; kind: string; parts: Record<string, string>; text: string }> {
  const query = new URLSearchParams({ pageId, fileName: file, ...(version ? { version: String(version) } : {}) });
  const { base64 } = await emu(request, `attachment-data?${query}`);
  return ds(request, 'inspect', { fileType: file.split('.').pop(), base64 });
}


/**
 * Points the site at the stand-in as its Document Server through the configure page's server
 * function, signed as the site administrator: the setup of a spec file of its own.
 */
export async function useStandIn(request: APIRequestContext) {
  const { sharedSecret, clientKey } = (await state(request)).installations[APP_KEY];
  const res = await request.post(`${APP}/api/document-server/save`, {
    headers: { authorization: `JWT ${contextToken(sharedSecret, clientKey, { sub: 'emu-alice' })}` },
    form: { 'form[public_url]': DS, 'form[internal_url]': '', 'form[secret]': SECRET, 'form[clear_secret]': 'false', 'form[jwt_header]': 'Authorization', 'form[skip_certificate_check]': 'false' },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** The document page for `file` on `pageId`, when no editor is expected (an error). */
export async function openDocumentPage(page: Page, pageId: string, file: string): Promise<Frame> {
  const query = new URLSearchParams({ 'ac.pageId': pageId, 'ac.attachment': file });
  await page.goto(`${EMU}/wiki/plugins/servlet/ac/${APP_KEY}/document-view?${query}`);
  const doc = await appFrame(page, '/documents/view', `ac.attachment=${encodeURIComponent(file)}`);
  await expect(doc.locator('html')).toHaveAttribute('data-hydrated', 'true');
  return doc;
}

/** The attachments dialog opened from the document macro of the page shown in `page`. */
export async function dialogFromMacro(page: Page): Promise<{ macro: Frame; dialog: Frame }> {
  const macro = await appFrame(page, '/macro/document');
  await expect(macro.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await macro.getByTestId('choose-document').click();
  const dialog = await appFrame(page, '/dialog/attachments');
  await expect(dialog.locator('html')).toHaveAttribute('data-hydrated', 'true');
  return { macro, dialog };
}

/** Alice (in `host`) and Carol (in a second browser context) with `report.docx` open. */
export async function aliceAndCarol(host: Page, browser: Browser, pageId: string) {
  await login(host, 'emu-alice');
  const alice = await openDocument(host, pageId, 'report.docx');
  const context = await browser.newContext();
  await hostRoutes(context);
  const other = await context.newPage();
  await login(other, 'emu-carol');
  const carol = await openDocument(other, pageId, 'report.docx');
  const key = (await alice.editor.locator('#ds-key').textContent()) ?? '';
  return { alice, carol, context, key };
}

/** The configure page, hydrated. */
export async function configurePage(page: Page): Promise<Frame> {
  await page.goto(`${EMU}/wiki/plugins/servlet/ac/${APP_KEY}/configure`);
  const frame = await appFrame(page, '/admin/settings');
  await expect(frame.locator('html')).toHaveAttribute('data-hydrated', 'true');
  return frame;
}

/** The configure page's editing options, loaded. */
export async function editingOptions(host: Page): Promise<Frame> {
  const frame = await configurePage(host);
  await expect(frame.getByTestId('options-save')).toBeEnabled();
  return frame;
}

/** Sets one list field (`testid`) of the editing options on the configure page in `page`. */
export async function setListOption(page: Page, testid: string, value: string): Promise<Frame> {
  const frame = await editingOptions(page);
  await frame.getByTestId(testid).fill(value);
  await saveOptions(frame);
  return frame;
}

/** Waits until Confluo has dropped exactly `users` from the editing session `key`. */
export async function expectDropped(request: APIRequestContext, key: string, users: string[]) {
  await expect
    .poll(async () => (await ds(request, 'log')).filter((e: any) => e.kind === 'command-fields' && e.c === 'drop' && e.key === key).map((e: any) => e.users))
    .toEqual([users]);
}

export async function saveOptions(frame: Frame) {
  await frame.getByTestId('options-save').click();
  await expect(frame.getByTestId('options-result')).toHaveText('Editing options saved.');
}

/** The configure page's demo server section, loaded. */
export async function demoSection(page: Page): Promise<Frame> {
  const frame = await configurePage(page);
  await expect(frame.getByTestId('demo-state')).toBeVisible();
  return frame;
}

/** A fresh site for one test: the emulator and the stand-in reset, Confluo installed on the
 *  emulator's site and pointed at the stand-in as its Document Server. */
export async function siteWithStandIn(request: APIRequestContext) {
  await emu(request, 'reset', {});
  await ds(request, 'reset', {});
  await install(request);
  await useStandIn(request);
}
