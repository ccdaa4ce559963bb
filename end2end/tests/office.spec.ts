// Office editing end to end: Confluo in the Confluence emulator, editing through the Document
// Server stand-in (end2end/docserver), saves landing in Confluence as new attachment versions.
import type { APIRequestContext, Frame, Page } from '@playwright/test';
import { APP, APP_KEY, EMU, appFrame, emu, expect, hostRoutes, install, pageWithDocument, state, test } from './confluence';

const DS = `http://127.0.0.1:${process.env.DOCSERVER_PORT ?? '3298'}`;
const SECRET = 'standin-secret-0123456789';

test.describe.configure({ mode: 'serial' });

async function ds(request: APIRequestContext, path: string, body?: unknown): Promise<any> {
  const res = body === undefined ? await request.get(`${DS}/_ds/api/${path}`) : await request.post(`${DS}/_ds/api/${path}`, { data: body });
  expect(res.ok(), `stand-in ${path}`).toBeTruthy();
  return res.json();
}

async function login(page: Page, user: string) {
  await page.goto(`${EMU}/_emu/login?as=${user}&next=/wiki/`);
}

/** The document page for `file` on `pageId`, and the Document Server's editor frame in it. */
async function openDocument(page: Page, pageId: string, file: string, editorApp = 'documenteditor'): Promise<{ doc: Frame; editor: Frame }> {
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

function attachment(s: any, pageId: string, file: string) {
  return s.attachments.find((a: any) => a.pageId === pageId && a.fileName === file && a.status === 'current');
}

async function versions(request: APIRequestContext, pageId: string, file: string): Promise<any[]> {
  return attachment(await state(request), pageId, file)?.versions ?? [];
}

test.beforeAll(async ({ request }) => {
  await emu(request, 'reset', {});
  await ds(request, 'reset', {});
  await install(request);
});

test('an administrator tests the connection (success and each failure) and saves', async ({ host, request }, testInfo) => {
  await host.goto(`${EMU}/wiki/plugins/servlet/ac/${APP_KEY}/configure`);
  const frame = await appFrame(host, '/admin/settings');
  await expect(frame.locator('html')).toHaveAttribute('data-hydrated', 'true');
  // The stored settings (from the earlier suite) fill the form once loaded; type after that.
  await expect(frame.getByTestId('settings-state')).toContainText('Saved');
  const test = async () => {
    await frame.getByTestId('settings-test').click();
    await expect(frame.getByTestId('settings-test')).toHaveText('Test connection');
  };
  await frame.getByTestId('public-url').fill(DS);
  await frame.getByTestId('secret').fill(SECRET);
  await test();
  await expect(frame.getByTestId('test-summary')).toHaveText('Connected to ONLYOFFICE Docs 9.3.0.123.');
  await expect(frame.getByTestId('test-check')).toHaveCount(2);

  await ds(request, 'config', { health: 'false' });
  await test();
  await expect(frame.getByTestId('test-summary')).toHaveAttribute('data-ok', 'false');
  await expect(frame.getByTestId('test-check').first()).toContainText('not healthy');
  await ds(request, 'config', { health: '500' });
  await test();
  await expect(frame.getByTestId('test-check').first()).toContainText('HTTP 500');
  await ds(request, 'config', { health: 'true' });

  await frame.getByTestId('secret').fill('not-the-document-server-secret');
  await test();
  await expect(frame.getByTestId('test-check').nth(1)).toContainText('invalid token');
  await frame.getByTestId('secret').fill(SECRET);

  await frame.getByTestId('public-url').fill('http://127.0.0.1:9');
  await test();
  await expect(frame.getByTestId('test-check').first()).toContainText('cannot be reached');

  await frame.getByTestId('public-url').fill(DS);
  await test();
  await expect(frame.getByTestId('test-summary')).toHaveAttribute('data-ok', 'true');
  const log = await ds(request, 'log');
  expect(log.filter((e: any) => e.kind === 'command' && e.error === 0).every((e: any) => e.signedHeader && e.signedBody)).toBe(true);
  await frame.getByTestId('settings-save').click();
  await expect(frame.getByTestId('settings-result')).toHaveText('Settings saved.');
  await host.screenshot({ path: testInfo.outputPath('guide-configure.png'), fullPage: true });
});

test('an editor opens a DOCX, edits, and the save lands as a new version credited to them', async ({ host, request }, testInfo) => {
  const pageId = await pageWithDocument(request, 'Edit page');
  await login(host, 'emu-carol');
  const { doc, editor } = await openDocument(host, pageId, 'report.docx');
  await expect(doc.getByTestId('editor-mode')).toHaveText('Editing');
  await expect(editor.locator('#ds-mode')).toHaveText('edit');
  await expect(editor.locator('#ds-user')).toHaveText('emu-carol');
  await expect(editor.locator('#ds-lang')).toHaveText('fr');
  await expect(doc.getByTestId('editor-frame')).toHaveAttribute('data-state', 'ready');
  await host.screenshot({ path: testInfo.outputPath('guide-editor.png'), fullPage: true });

  await editor.locator('#ds-type').click();
  await editor.locator('#ds-close').click();
  await expect.poll(async () => (await versions(request, pageId, 'report.docx')).length, { timeout: 20_000 }).toBe(2);
  const [first, saved] = await versions(request, pageId, 'report.docx');
  expect(saved.by).toBe('emu-carol');
  expect(saved.comment).toBe('Edited in ONLYOFFICE by Carol Editor');
  expect(saved.size).toBeGreaterThan(first.size);

  const log = await ds(request, 'log');
  const download = log.find((e: any) => e.kind === 'download');
  expect(download).toMatchObject({ status: 200, sentToken: true });
  const callbacks = log.filter((e: any) => e.kind === 'callback');
  expect(callbacks.map((c: any) => `${c.status}:${c.responseStatus}:${c.responseError}`)).toEqual(['1:200:0', '2:200:0']);
});

test('a reader gets the viewer, without a callback', async ({ host, request }) => {
  const pageId = await pageWithDocument(request, 'Read page');
  await login(host, 'emu-bob');
  const { doc, editor } = await openDocument(host, pageId, 'report.docx');
  await expect(doc.getByTestId('editor-mode')).toHaveText('Viewing');
  await expect(doc.getByTestId('view-reason')).toContainText('editing needs permission');
  await expect(editor.locator('#ds-mode')).toHaveText('view');
  await expect(editor.locator('#ds-type')).toHaveCount(0);
  await expect(editor.locator('#ds-lang')).toHaveText('de');
  const perms = JSON.parse((await editor.locator('#ds-permissions').textContent()) ?? '{}');
  expect(perms.edit).toBe(false);
  // A viewer never joins an editing session, so the Document Server has no callback for them.
  const sessions = await ds(request, 'sessions');
  expect(sessions.flatMap((s: any) => s.users)).not.toContain('emu-bob');
});

test('two people co-edit with one key; one version, credited to the last editor', async ({ host, browser, request }) => {
  const pageId = await pageWithDocument(request, 'Co-edit page');
  await login(host, 'emu-alice');
  const alice = await openDocument(host, pageId, 'report.docx');
  const context = await browser.newContext();
  await hostRoutes(context);
  const other = await context.newPage();
  await login(other, 'emu-carol');
  const carol = await openDocument(other, pageId, 'report.docx');
  const key = await alice.editor.locator('#ds-key').textContent();
  await expect(carol.editor.locator('#ds-key')).toHaveText(key!);
  const session = (await ds(request, 'sessions')).find((s: any) => s.key === key);
  expect(session.users).toEqual(['emu-alice', 'emu-carol']);

  await alice.editor.locator('#ds-type').click();
  await carol.editor.locator('#ds-type').click();
  await alice.editor.locator('#ds-close').click();
  await carol.editor.locator('#ds-close').click();
  await expect.poll(async () => (await versions(request, pageId, 'report.docx')).length, { timeout: 20_000 }).toBe(2);
  expect((await versions(request, pageId, 'report.docx'))[1].by).toBe('emu-carol');
  await context.close();

  // The saved session's key is spent: opening again starts from the new version with a new key.
  const again = await openDocument(host, pageId, 'report.docx');
  await expect(again.editor.locator('#ds-key')).not.toHaveText(key!);
  await expect(again.doc.getByTestId('editor-mode')).toContainText('Editing');
});

test('an ODT converts to DOCX with progress, as a new attachment next to the original', async ({ host, request }) => {
  const page = await emu(request, 'pages', { title: 'Convert page' });
  await emu(request, 'attachments', { pageId: page.id, fileName: 'minutes.odt', mediaType: 'application/vnd.oasis.opendocument.text', content: 'odt minutes', as: 'emu-alice' });
  await login(host, 'emu-alice');
  const { doc, editor } = await openDocument(host, page.id, 'minutes.odt');
  await expect(editor.locator('#ds-mode')).toHaveText('view');
  await expect(doc.getByTestId('view-reason')).toContainText('Convert it to DOCX');
  await doc.getByTestId('convert').click();
  await expect(doc.getByTestId('convert-progress')).toBeVisible();
  await expect(doc.getByTestId('convert-done')).toContainText('minutes.docx', { timeout: 20_000 });
  const s = await state(request);
  const converted = attachment(s, page.id, 'minutes.docx');
  expect(converted.versions[0].by).toBe('emu-alice');
  expect(converted.versions[0].comment).toContain('Converted from minutes.odt');
  expect(attachment(s, page.id, 'minutes.odt').versions).toHaveLength(1);
  const percents = (await ds(request, 'log')).filter((e: any) => e.kind === 'convert').map((e: any) => e.percent);
  expect(percents).toEqual(expect.arrayContaining([0, 50, 100]));
  await doc.getByTestId('open-converted').click();
  const opened = await appFrame(host, '/documents/view', 'ac.attachment=minutes.docx');
  await expect(opened.getByTestId('editor-mode')).toHaveText('Editing');
});

test('create a new spreadsheet from the attachments dialog and open it', async ({ host, request }) => {
  const pageId = await pageWithDocument(request, 'Create page');
  await login(host, 'emu-alice');
  await host.goto(`${EMU}/wiki/spaces/DEMO/pages/${pageId}`);
  const macro = await appFrame(host, '/macro/document');
  await expect(macro.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await macro.getByTestId('choose-document').click();
  const dialog = await appFrame(host, '/dialog/attachments');
  await expect(dialog.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await dialog.getByTestId('create-kind').selectOption('xlsx');
  await dialog.getByTestId('create-title').fill('Q4 budget');
  await dialog.getByTestId('create-submit').click();
  await expect(dialog.getByTestId('create-result')).toHaveText('Created Q4 budget.xlsx.');
  const created = attachment(await state(request), pageId, 'Q4 budget.xlsx');
  expect(created.versions[0].by).toBe('emu-alice');
  expect(created.versions[0].size).toBeGreaterThan(1000);
  await dialog.getByTestId('dialog-open').click();
  await expect(host).toHaveURL(/document-view\?/);
  const doc = await appFrame(host, '/documents/view', 'ac.attachment=Q4');
  await expect(doc.getByTestId('editor-mode')).toHaveText('Editing');
});

test('forged and unsigned callbacks are refused and change nothing', async ({ host, request }) => {
  const pageId = await pageWithDocument(request, 'Forgery page');
  await login(host, 'emu-carol');
  const { editor } = await openDocument(host, pageId, 'report.docx');
  const key = await editor.locator('#ds-key').textContent();
  const session = (await ds(request, 'sessions')).find((s: any) => s.key === key);
  const callbackUrl: string = session.callbackUrls[0];
  const forged = await ds(request, 'forged-callback', { url: callbackUrl, key, secret: 'an-attacker-guessed-secret' });
  expect(forged.status).toBe(403);
  const unsigned = await ds(request, 'forged-callback', { url: callbackUrl, key });
  expect(unsigned.status).toBe(401);
  const noLink = await ds(request, 'forged-callback', { url: `${APP}/office/callback`, key, secret: SECRET });
  expect(noLink.status).toBe(401);
  const otherKey = await ds(request, 'forged-callback', { url: callbackUrl, key: 'another-key', secret: SECRET });
  expect(otherKey.status).toBe(403);
  // The file link refuses requests without the Document Server's token.
  const file = await request.get(`${APP}/office/file?t=x`);
  expect(file.status()).toBe(401);
  expect(await versions(request, pageId, 'report.docx')).toHaveLength(1);
  await editor.locator('#ds-close').click();
});

test('a callback retried after a failed upload, and delivered twice, stores one version', async ({ host, request }) => {
  const pageId = await pageWithDocument(request, 'Retry page');
  const att = attachment(await state(request), pageId, 'report.docx');
  await login(host, 'emu-carol');
  const { editor } = await openDocument(host, pageId, 'report.docx');
  const key = await editor.locator('#ds-key').textContent();
  await ds(request, 'duplicate', { key });
  await emu(request, 'fail', { method: 'POST', pathPrefix: `/rest/api/content/${pageId}/child/attachment/${att.id}/data`, status: 500, times: 1 });
  await editor.locator('#ds-type').click();
  await editor.locator('#ds-close').click();
  await expect
    .poll(async () => (await ds(request, 'log')).filter((e: any) => e.kind === 'callback' && e.key === key && e.status === 2).length, { timeout: 20_000 })
    .toBe(3);
  const saves = (await ds(request, 'log')).filter((e: any) => e.kind === 'callback' && e.key === key && e.status === 2);
  expect(saves.map((c: any) => c.responseStatus)).toEqual([500, 200, 200]);
  const all = await versions(request, pageId, 'report.docx');
  expect(all).toHaveLength(2);
  expect(all[1].by).toBe('emu-carol');
});

test('an upload in Confluence during editing: the edit is kept as a new version and the user is told', async ({ host, request }, testInfo) => {
  const pageId = await pageWithDocument(request, 'Conflict page');
  await login(host, 'emu-carol');
  const { editor } = await openDocument(host, pageId, 'report.docx');
  await editor.locator('#ds-type').click();
  await emu(request, 'attachments', { pageId, fileName: 'report.docx', content: 'PK uploaded meanwhile', as: 'emu-alice', comment: 'uploaded in Confluence' });
  await editor.locator('#ds-close').click();
  await expect.poll(async () => (await versions(request, pageId, 'report.docx')).length, { timeout: 20_000 }).toBe(3);
  const all = await versions(request, pageId, 'report.docx');
  expect(all[1].comment).toBe('uploaded in Confluence');
  expect(all[2].by).toBe('emu-carol');
  expect(all[2].comment).toContain('Version 2 was uploaded in Confluence meanwhile');
  const { doc } = await openDocument(host, pageId, 'report.docx');
  await expect(doc.getByTestId('save-notice')).toContainText('saved as version 3');
  await host.screenshot({ path: testInfo.outputPath('guide-conflict-notice.png'), fullPage: true });
});
