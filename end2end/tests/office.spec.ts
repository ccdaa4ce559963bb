// Office editing end to end: Confluo in the Confluence emulator, editing through the Document
// Server stand-in (end2end/docserver), saves landing in Confluence as new attachment versions.
import type { APIRequestContext, Browser, Frame, Page } from '@playwright/test';
import { APP, APP_KEY, EMU, appFrame, contextToken, emu, expect, fixture, fixtureContent, hostRoutes, install, pageWithDocument, state, test } from './confluence';
import { DS, DS_TLS, SECRET, attachment, ds, login, made, openDocument, stored, versions } from './office';

test.describe.configure({ mode: 'serial' });

/** The document page for `file` on `pageId`, when no editor is expected (an error). */
async function openDocumentPage(page: Page, pageId: string, file: string): Promise<Frame> {
  const query = new URLSearchParams({ 'ac.pageId': pageId, 'ac.attachment': file });
  await page.goto(`${EMU}/wiki/plugins/servlet/ac/${APP_KEY}/document-view?${query}`);
  const doc = await appFrame(page, '/documents/view', `ac.attachment=${encodeURIComponent(file)}`);
  await expect(doc.locator('html')).toHaveAttribute('data-hydrated', 'true');
  return doc;
}

/** The attachments dialog opened from the document macro of the page shown in `page`. */
async function dialogFromMacro(page: Page): Promise<{ macro: Frame; dialog: Frame }> {
  const macro = await appFrame(page, '/macro/document');
  await expect(macro.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await macro.getByTestId('choose-document').click();
  const dialog = await appFrame(page, '/dialog/attachments');
  await expect(dialog.locator('html')).toHaveAttribute('data-hydrated', 'true');
  return { macro, dialog };
}

/** Alice (in `host`) and Carol (in a second browser context) with `report.docx` open. */
async function aliceAndCarol(host: Page, browser: Browser, pageId: string) {
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

test.beforeAll(async ({ request }) => {
  await emu(request, 'reset', {});
  await ds(request, 'reset', {});
  await install(request);
});

test('an administrator tests the connection (success and each failure) and saves', async ({ host, request }, testInfo) => {
  const frame = await configurePage(host);
  // Stored settings (an earlier suite may have saved some) fill the form once loaded; type after that.
  await expect(frame.getByTestId('settings-state')).toHaveText(/Saved|Not configured yet/);
  const test = async () => {
    await frame.getByTestId('settings-test').click();
    await expect(frame.getByTestId('settings-test')).toHaveText('Test connection');
  };
  await frame.getByTestId('public-url').fill(DS);
  await frame.getByTestId('secret').fill(SECRET);
  await test();
  await expect(frame.getByTestId('test-summary')).toHaveText('Connected to ONLYOFFICE Docs 9.3.0.123.');
  await expect(frame.getByTestId('test-check')).toHaveCount(3);
  // The third check has the Document Server fetch a test file from Confluo and convert it.
  await expect(frame.getByTestId('test-check').nth(2)).toContainText(`fetched a test file from Confluo at ${APP}`);
  expect((await ds(request, 'log')).some((e: any) => e.kind === 'convert' && e.filetype === 'txt' && e.outputtype === 'docx')).toBe(true);

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
  await expect(editor.locator('#ds-lang')).toHaveText('en');
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

  // The bytes came as on Confluence Cloud: the REST download endpoint, then its media service
  // on another origin, reached without the app's or the user's credentials.
  const s = await state(request);
  const viaRest = s.calls.filter((c: any) => c.via === 'jwt' && c.path.startsWith(`/rest/api/content/${pageId}/child/attachment/`) && c.path.includes('/download?'));
  expect(viaRest.length).toBeGreaterThan(0);
  expect(s.calls.some((c: any) => c.path.startsWith('/download/attachments/'))).toBe(false);
  expect(new URL(s.media.origin).origin).not.toBe(EMU);
  expect(s.media.served.filter((m: any) => m.status === 200).length).toBeGreaterThanOrEqual(viaRest.length);
  expect(s.media.served.every((m: any) => !m.authorization)).toBe(true);
});

test('a reader gets the viewer, without a callback', async ({ host, request }) => {
  const pageId = await pageWithDocument(request, 'Read page');
  await login(host, 'emu-bob');
  const { doc, editor } = await openDocument(host, pageId, 'report.docx');
  // Readers may download the document converted to another format.
  await doc.getByTestId('download-as').selectOption('pdf');
  await doc.getByTestId('download-start').click();
  await expect(doc.getByTestId('download-link')).toHaveText('Download report.pdf');
  const href = (await doc.getByTestId('download-link').getAttribute('href')) ?? '';
  expect(href.startsWith(`${DS}/cache/files/data/`)).toBe(true);
  const file = await request.get(href);
  expect(file.status()).toBe(200);
  expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await expect(doc.getByTestId('editor-mode')).toHaveText('Viewing');
  await expect(doc.getByTestId('view-reason')).toContainText('editing needs permission');
  await expect(editor.locator('#ds-mode')).toHaveText('view');
  await expect(editor.locator('#ds-type')).toHaveCount(0);
  await expect(editor.locator('#ds-lang')).toHaveText('en');
  const perms = JSON.parse((await editor.locator('#ds-permissions').textContent()) ?? '{}');
  expect(perms.edit).toBe(false);
  // A viewer never joins an editing session, so the Document Server has no callback for them.
  const sessions = await ds(request, 'sessions');
  expect(sessions.flatMap((s: any) => s.users)).not.toContain('emu-bob');
});

test('two people co-edit with one key; one version, credited to the last editor', async ({ host, browser, request }) => {
  const pageId = await pageWithDocument(request, 'Co-edit page');
  const { alice, carol, context, key } = await aliceAndCarol(host, browser, pageId);
  await expect(carol.editor.locator('#ds-key')).toHaveText(key);
  const session = (await ds(request, 'sessions')).find((s: any) => s.key === key);
  expect(session.users).toEqual(['emu-alice', 'emu-carol']);

  // Anyone who may read the page sees who is editing, in the attachments dialog (status 1).
  await expect
    .poll(async () => (await ds(request, 'log')).filter((e: any) => e.kind === 'callback' && e.key === key && e.status === 1 && e.ok).length)
    .toBeGreaterThanOrEqual(2);
  const readerContext = await browser.newContext();
  await hostRoutes(readerContext);
  const reader = await readerContext.newPage();
  await login(reader, 'emu-bob');
  await reader.goto(`${EMU}/wiki/spaces/DEMO/pages/${pageId}`);
  const { dialog } = await dialogFromMacro(reader);
  const row = dialog.getByTestId('attachment-option').filter({ hasText: 'report.docx' });
  await expect(row.getByTestId('attachment-presence')).toHaveText('Being edited by Alice Admin, Carol Editor');
  await expect(dialog.getByTestId('attachment-presence')).toHaveCount(1);
  await readerContext.close();

  await alice.editor.locator('#ds-type').click();
  await carol.editor.locator('#ds-type').click();
  await alice.editor.locator('#ds-close').click();
  await carol.editor.locator('#ds-close').click();
  await expect.poll(async () => (await versions(request, pageId, 'report.docx')).length, { timeout: 20_000 }).toBe(2);
  expect((await versions(request, pageId, 'report.docx'))[1].by).toBe('emu-carol');
  await context.close();

  // The saved session's key is spent: opening again starts from the new version with a new key.
  const again = await openDocument(host, pageId, 'report.docx');
  await expect(again.editor.locator('#ds-key')).not.toHaveText(key);
  await expect(again.doc.getByTestId('editor-mode')).toContainText('Editing');
});

test('Save now stores a version while the session goes on; a late joiner stays in it; closing adds no duplicate', async ({ host, browser, request }) => {
  const pageId = await pageWithDocument(request, 'Forcesave page');
  await login(host, 'emu-carol');
  const carol = await openDocument(host, pageId, 'report.docx');
  const key = await carol.editor.locator('#ds-key').textContent();
  await carol.editor.locator('#ds-type').click();
  await carol.editor.locator('#ds-save').click();
  await expect.poll(async () => (await versions(request, pageId, 'report.docx')).length, { timeout: 20_000 }).toBe(2);
  const intermediate = (await versions(request, pageId, 'report.docx'))[1];
  expect(intermediate).toMatchObject({ by: 'emu-carol', comment: 'Intermediate save from ONLYOFFICE by Carol Editor' });

  // Someone opening now joins the running session (same key), not version 2 on its own.
  const context = await browser.newContext();
  await hostRoutes(context);
  const other = await context.newPage();
  await login(other, 'emu-alice');
  const alice = await openDocument(other, pageId, 'report.docx');
  await expect(alice.editor.locator('#ds-key')).toHaveText(key!);

  // More typing, then everyone leaves: the final save is version 3, with no conflict note.
  await alice.editor.locator('#ds-type').click();
  await alice.editor.locator('#ds-close').click();
  await carol.editor.locator('#ds-close').click();
  await expect.poll(async () => (await versions(request, pageId, 'report.docx')).length, { timeout: 20_000 }).toBe(3);
  expect((await versions(request, pageId, 'report.docx'))[2]).toMatchObject({ by: 'emu-alice', comment: 'Edited in ONLYOFFICE by Alice Admin' });
  await context.close();

  // Save now, then close without further changes: the final callback says "not modified".
  const again = await openDocument(host, pageId, 'report.docx');
  await again.editor.locator('#ds-type').click();
  await again.editor.locator('#ds-save').click();
  await expect.poll(async () => (await versions(request, pageId, 'report.docx')).length, { timeout: 20_000 }).toBe(4);
  await again.editor.locator('#ds-close').click();
  const againKey = await again.editor.locator('#ds-key').textContent();
  await expect
    .poll(async () => (await ds(request, 'log')).filter((e: any) => e.kind === 'callback' && e.key === againKey && e.status === 2).map((c: any) => `${c.responseStatus}:${c.responseError}`), { timeout: 20_000 })
    .toEqual(['200:0']);
  expect(await versions(request, pageId, 'report.docx')).toHaveLength(4);
});

test('a PDF is edited in the PDF editor on Document Server 8+, viewed on 7; XPS is viewed', async ({ host, request }) => {
  const page = await emu(request, 'pages', { title: 'PDF page' });
  await emu(request, 'attachments', { pageId: page.id, fileName: 'contract.pdf', mediaType: 'application/pdf', content: '%PDF-1.7 contract', as: 'emu-alice' });
  await emu(request, 'attachments', { pageId: page.id, fileName: 'print.xps', mediaType: 'application/vnd.ms-xpsdocument', content: 'xps print', as: 'emu-alice' });
  await login(host, 'emu-carol');
  const { doc, editor } = await openDocument(host, page.id, 'contract.pdf', 'pdfeditor');
  await expect(doc.getByTestId('editor-mode')).toHaveText('Editing');
  await expect(editor.locator('#ds-mode')).toHaveText('edit');
  // Not an ONLYOFFICE form: nothing to fill in, and the Document Server is told so.
  await expect(editor.locator('#ds-form')).toHaveText('document');
  await expect(doc.getByTestId('fill-form')).toHaveCount(0);
  await editor.locator('#ds-type').click();
  await editor.locator('#ds-close').click();
  await expect.poll(async () => (await versions(request, page.id, 'contract.pdf')).length, { timeout: 20_000 }).toBe(2);
  const saved = attachment(await state(request), page.id, 'contract.pdf');
  expect(saved.versions[1].by).toBe('emu-carol');
  expect(saved.mediaType).toBe('application/pdf');

  const xps = await openDocument(host, page.id, 'print.xps', 'pdfeditor');
  await expect(xps.doc.getByTestId('editor-mode')).toHaveText('Viewing');
  await expect(xps.doc.getByTestId('view-reason')).toHaveText('XPS files open for viewing.');

  // An older Document Server shows PDFs in its document viewer.
  await ds(request, 'config', { version: '7.4.1.36' });
  try {
    const old = await openDocument(host, page.id, 'contract.pdf', 'documenteditor');
    await expect(old.doc.getByTestId('editor-mode')).toHaveText('Viewing');
    await expect(old.doc.getByTestId('view-reason')).toHaveText('This Document Server opens PDF files for viewing only.');
  } finally {
    await ds(request, 'config', { version: '9.3.0.123' });
  }
});

test('the version history lists Confluence versions, opens an older one read-only and restores it', async ({ host, request }, testInfo) => {
  const pageId = await pageWithDocument(request, 'History page');
  await emu(request, 'attachments', { pageId, fileName: 'report.docx', ...(await made(request, 'docx', 'Second draft by Alice')), as: 'emu-alice', comment: 'second draft' });
  await login(host, 'emu-carol');
  const { editor } = await openDocument(host, pageId, 'report.docx');
  await editor.locator('#ds-history').click();
  const rows = editor.locator('#ds-history li');
  await expect(rows).toHaveCount(2);
  await expect(editor.locator('#ds-history-panel')).toHaveAttribute('data-current', '2');
  await expect(rows.nth(0)).toHaveAttribute('data-version', '1');
  await expect(rows.nth(1)).toContainText('v2 Alice Admin');
  // Each version has its own key; the current one is the editor's.
  const key = await editor.locator('#ds-key').textContent();
  await expect(rows.nth(1)).toHaveAttribute('data-key', key!);
  await expect(rows.nth(0)).not.toHaveAttribute('data-key', key!);

  // Version 1 opens through a signed link to exactly that version (the stand-in checks the token).
  await editor.locator('#ds-history-open-1').click();
  await expect(editor.locator('#ds-history-view')).toHaveAttribute('data-state', 'ready');
  await expect(editor.locator('#ds-history-view')).toContainText("Version 1: Report body: the harbour's quarter");
  await host.screenshot({ path: testInfo.outputPath('guide-history.png'), fullPage: true });

  // Restore version 1: it becomes version 3, credited to Carol, and the panel shows it.
  await editor.locator('#ds-restore-1').click();
  await expect(rows).toHaveCount(3);
  const all = await versions(request, pageId, 'report.docx');
  expect(all).toHaveLength(3);
  expect(all[2]).toMatchObject({ by: 'emu-carol', comment: 'Restored version 1 in ONLYOFFICE by Carol Editor', sha256: all[0].sha256 });

  // A reader sees the history but cannot restore.
  await login(host, 'emu-bob');
  const reader = await openDocument(host, pageId, 'report.docx');
  await reader.editor.locator('#ds-history').click();
  await expect(reader.editor.locator('#ds-history li')).toHaveCount(3);
  await expect(reader.editor.locator('[id^=ds-restore-]')).toHaveCount(0);
  // And the server refuses a forged restore from a reader.
  const token = await reader.doc.evaluate(() => (window as any).AP.context.getToken());
  const res = await request.post(`${APP}/api/office/restore`, {
    headers: { authorization: `JWT ${token}` },
    form: { page_id: pageId, file_name: 'report.docx', version: '1' },
  });
  expect(res.status()).toBe(403);
  expect(await res.text()).toContain("You may not change this page's attachments");
  expect(await versions(request, pageId, 'report.docx')).toHaveLength(3);
});

test('the editor shows co-editors by name and avatar, finds people to mention, and saves a copy on the page', async ({ host, request }) => {
  const pageId = await pageWithDocument(request, 'People page');
  await login(host, 'emu-carol');
  const { doc, editor } = await openDocument(host, pageId, 'report.docx');
  await expect(editor.locator('#ds-avatars')).toHaveText('Carol Editor');
  await expect(editor.locator('#ds-avatars')).toHaveAttribute('data-images', `${EMU}/wiki/aa-avatar/emu-carol`);
  await editor.locator('#ds-mention-search').fill('ali');
  await editor.locator('#ds-mention').click();
  await expect(editor.locator('#ds-mention-list li')).toHaveText(['Alice Admin']);
  await editor.locator('#ds-mention-search').fill('');
  await editor.locator('#ds-mention').click();
  await expect(editor.locator('#ds-mention-list li')).toHaveText(['Alice Admin', 'Bob Reader', 'Carol Editor']);

  // Save copy as: the document as edited so far, attached next to it by Carol.
  await editor.locator('#ds-type').click();
  await editor.locator('#ds-save-as').click();
  await expect(doc.getByTestId('copy-notice')).toHaveText('Saved a copy as Copy of report.docx on this page.');
  const copy = attachment(await state(request), pageId, 'Copy of report.docx');
  expect(copy.versions[0]).toMatchObject({ by: 'emu-carol', comment: 'Copy of report.docx saved from ONLYOFFICE by Carol Editor' });
  const original = await versions(request, pageId, 'report.docx');
  expect(original).toHaveLength(1);
  expect(copy.versions[0].size).toBeGreaterThan(original[0].size);
  // Copies are fetched from the Document Server only.
  const token = await doc.evaluate(() => (window as any).AP.context.getToken());
  const res = await request.post(`${APP}/api/office/save-copy`, {
    headers: { authorization: `JWT ${token}` },
    form: { page_id: pageId, source: 'report.docx', title: 'elsewhere', file_type: 'docx', url: `${EMU}/wiki/download/attachments/${pageId}/report.docx` },
  });
  expect(res.status()).toBe(502);
  expect(await res.text()).toContain('not on the Document Server');
  expect(attachment(await state(request), pageId, 'elsewhere.docx')).toBeUndefined();
  await editor.locator('#ds-close').click();
});

test("a phone gets the Document Server's mobile editor", async ({ browser, request }) => {
  const pageId = await pageWithDocument(request, 'Phone page');
  const context = await browser.newContext({
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
    viewport: { width: 390, height: 844 },
  });
  await hostRoutes(context);
  const phone = await context.newPage();
  await login(phone, 'emu-carol');
  const query = new URLSearchParams({ 'ac.pageId': pageId, 'ac.attachment': 'report.docx' });
  await phone.goto(`${EMU}/wiki/plugins/servlet/ac/${APP_KEY}/document-view?${query}`);
  await expect
    .poll(() => phone.frames().some((f) => f.url().startsWith(`${DS}/web-apps/apps/documenteditor/mobile/index.html`)), { message: 'the mobile editor frame' })
    .toBe(true);
  await context.close();
});

test("the editor's Create new makes a blank file of its kind on the page and opens it; readers get no such button", async ({ host, request }) => {
  const pageId = await pageWithDocument(request, 'Create new page');
  await login(host, 'emu-carol');
  const { editor } = await openDocument(host, pageId, 'budget.xlsx', 'spreadsheeteditor');
  const [tab] = await Promise.all([host.context().waitForEvent('page'), editor.locator('#ds-create').click()]);
  await tab.waitForURL(/document-view\?.*ac\.attachment=New(\+|%20)spreadsheet\.xlsx/);
  const created = attachment(await state(request), pageId, 'New spreadsheet.xlsx');
  expect(created.versions[0].by).toBe('emu-carol');
  const doc = await appFrame(tab, '/documents/view', 'ac.attachment=New');
  await expect(doc.getByTestId('editor-mode')).toHaveText('Editing');
  await tab.close();
  await editor.locator('#ds-close').click();

  await login(host, 'emu-bob');
  const reader = await openDocument(host, pageId, 'budget.xlsx', 'spreadsheeteditor');
  await expect(reader.editor.locator('#ds-mode')).toHaveText('view');
  await expect(reader.editor.locator('#ds-create')).toHaveCount(0);
});

test('an attachment renamed in Confluence during editing gets its new name in the open editor', async ({ host, request }) => {
  const pageId = await pageWithDocument(request, 'Rename page');
  const att = attachment(await state(request), pageId, 'report.docx');
  await login(host, 'emu-carol');
  const { editor } = await openDocument(host, pageId, 'report.docx');
  const key = await editor.locator('#ds-key').textContent();
  await emu(request, 'rename', { attachmentId: att.id, fileName: 'report-final.docx', as: 'emu-alice' });
  await expect.poll(async () => (await ds(request, 'sessions')).find((s: any) => s.key === key)?.title).toBe('report-final.docx');
  // The save still lands on the same attachment, under its new name.
  await editor.locator('#ds-type').click();
  await editor.locator('#ds-close').click();
  await expect.poll(async () => (await versions(request, pageId, 'report-final.docx')).length, { timeout: 20_000 }).toBe(2);
});

test('someone who loses edit permission during a session is dropped from it', async ({ host, browser, request }) => {
  const pageId = await pageWithDocument(request, 'Revoked page');
  const { alice, carol, context, key } = await aliceAndCarol(host, browser, pageId);
  await emu(request, 'permission', { accountId: 'emu-carol', canEdit: false });
  try {
    // The next join or leave makes Confluo check everyone still in the session.
    await alice.editor.locator('#ds-close').click();
    await expectDropped(request, key, ['emu-carol']);
    expect((await ds(request, 'sessions')).find((s: any) => s.key === key).users).toEqual([]);
    // Nobody is shown as editing it any more.
    const reader = await context.newPage();
    await reader.goto(`${EMU}/wiki/spaces/DEMO/pages/${pageId}`);
    const { dialog } = await dialogFromMacro(reader);
    await expect(dialog.getByTestId('attachment-option')).toHaveCount(3);
    await expect(dialog.getByTestId('attachments-dialog')).toHaveAttribute('data-presence', 'known');
    await expect(dialog.getByTestId('attachment-presence')).toHaveCount(0);
    await carol.editor.locator('#ds-type').click();
    await carol.editor.locator('#ds-close').click();
    expect(await versions(request, pageId, 'report.docx')).toHaveLength(1);
  } finally {
    await emu(request, 'permission', { accountId: 'emu-carol', canEdit: true });
    await context.close();
  }
});

test('an ODT converts to DOCX with progress, as a new attachment next to the original', async ({ host, request }) => {
  const page = await emu(request, 'pages', { title: 'Convert page' });
  await emu(request, 'attachments', { pageId: page.id, fileName: 'minutes.odt', mediaType: 'application/vnd.oasis.opendocument.text', ...fixtureContent('minutes.odt'), as: 'emu-alice' });
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
  const { dialog } = await dialogFromMacro(host);
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
  // Opening from the dialog is remembered on the page (a content property), newest first.
  const property = (await state(request)).properties[pageId]['confluo-recent-documents'];
  expect(property.value).toEqual({ documents: ['Q4 budget.xlsx'] });
  expect(property.version).toBe(1);
});

test('the macro hears of a document created in the dialog (AP.events), reloads the page or stops listening', async ({ host, request }) => {
  const pageId = await pageWithDocument(request, 'Events page');
  await login(host, 'emu-alice');
  await host.goto(`${EMU}/wiki/spaces/DEMO/pages/${pageId}`);
  const createIn = async (kind: string, title: string) => {
    const { macro, dialog } = await dialogFromMacro(host);
    await dialog.getByTestId('create-kind').selectOption(kind);
    await dialog.getByTestId('create-title').fill(title);
    await dialog.getByTestId('create-submit').click();
    await expect(dialog.getByTestId('create-result')).toHaveText(`Created ${title}.${kind}.`);
    await host.locator('.aui-dialog2 button', { hasText: 'Cancel' }).click();
    await expect(host.locator('.aui-dialog2')).toBeHidden();
    return macro;
  };
  let macro = await createIn('pptx', 'Kick-off');
  await expect(macro.getByTestId('doc-added')).toContainText('Kick-off.pptx was added to this page.');
  // Reload (AP.navigator.reload): the host page loads again.
  await host.evaluate(() => ((window as any).beforeReload = true));
  const reloaded = host.waitForEvent('load');
  await macro.getByTestId('reload-page').click();
  await reloaded;
  expect(await host.evaluate(() => (window as any).beforeReload ?? false)).toBe(false);
  macro = await createIn('docx', 'Agenda');
  await expect(macro.getByTestId('doc-added')).toContainText('Agenda.docx was added to this page.');
  // "Don't tell me again" removes the listener (AP.events.off): the next one is not announced.
  await macro.getByTestId('dismiss-added').click();
  await expect(macro.getByTestId('doc-added')).toBeHidden();
  macro = await createIn('xlsx', 'Costs');
  await expect(macro.getByTestId('doc-added')).toBeHidden();
  expect(attachment(await state(request), pageId, 'Costs.xlsx')).toBeTruthy();
  // The dialog lists what was opened from it on this page.
  const { dialog } = await dialogFromMacro(host);
  await dialog.getByLabel('Agenda.docx').check();
  await dialog.getByTestId('dialog-view').click();
  await expect(host).toHaveURL(/document-view\?/);
  await host.goto(`${EMU}/wiki/spaces/DEMO/pages/${pageId}`);
  const { dialog: reopened } = await dialogFromMacro(host);
  await expect(reopened.getByTestId('dialog-recent')).toHaveText('Recently opened here: Agenda.docx');
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
  const file = await request.get(`${APP}/office/file?token=x`);
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

test('an edit Confluence could not take stays on the Document Server until an administrator saves it', async ({ host, request }, testInfo) => {
  const pageId = await pageWithDocument(request, 'Forgotten page');
  const att = attachment(await state(request), pageId, 'report.docx');
  await ds(request, 'config', { retryBaseMs: 20 });
  try {
    await login(host, 'emu-carol');
    const { editor } = await openDocument(host, pageId, 'report.docx');
    const key = await editor.locator('#ds-key').textContent();
    // Confluence refuses every delivery of the final save (the first try and three retries).
    await emu(request, 'fail', { method: 'POST', pathPrefix: `/rest/api/content/${pageId}/child/attachment/${att.id}/data`, status: 503, times: 4 });
    await editor.locator('#ds-type').click();
    await editor.locator('#ds-close').click();
    await expect.poll(async () => (await ds(request, 'sessions')).find((s: any) => s.key === key)?.forgotten, { timeout: 20_000 }).toBe(true);
    expect(await versions(request, pageId, 'report.docx')).toHaveLength(1);

    // The administrator finds it on the settings page and stores it.
    await login(host, 'emu-alice');
    const frame = await configurePage(host);
    await frame.getByTestId('forgotten-check').click();
    await expect(frame.getByTestId('forgotten-item')).toHaveCount(1);
    await expect(frame.getByTestId('forgotten-item')).toContainText('report.docx');
    await host.screenshot({ path: testInfo.outputPath('guide-unsaved-edits.png'), fullPage: true });
    await frame.getByTestId('forgotten-recover').click();
    await expect(frame.getByTestId('forgotten-result')).toHaveText('Saved as version 2.');
    await expect(frame.getByTestId('forgotten-none')).toBeVisible();
    const all = await versions(request, pageId, 'report.docx');
    expect(all).toHaveLength(2);
    expect(all[1]).toMatchObject({ by: 'emu-alice', comment: 'Recovered from ONLYOFFICE by Alice Admin: an edit of version 1 that could not be saved at the time' });
    expect(all[1].size).toBeGreaterThan(all[0].size);
    expect((await ds(request, 'log')).filter((e: any) => e.kind === 'deleteForgotten' && e.key === key)).toHaveLength(1);
  } finally {
    await ds(request, 'config', { retryBaseMs: 1000 });
  }
});

test('an upload in Confluence during editing: the edit is kept as a new version and the user is told', async ({ host, request }, testInfo) => {
  const pageId = await pageWithDocument(request, 'Conflict page');
  await login(host, 'emu-carol');
  const { editor } = await openDocument(host, pageId, 'report.docx');
  await editor.locator('#ds-type').click();
  await emu(request, 'attachments', { pageId, fileName: 'report.docx', ...(await made(request, 'docx', 'Uploaded meanwhile')), as: 'emu-alice', comment: 'uploaded in Confluence' });
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

test("a Document Server with a self-signed certificate fails the test until verification is turned off", async ({ host, request }) => {
  const frame = await configurePage(host);
  await expect(frame.getByTestId('settings-state')).toHaveText(/Saved/);
  await frame.getByTestId('internal-url').fill(DS_TLS);
  await frame.getByTestId('settings-test').click();
  await expect(frame.getByTestId('test-check').first()).toContainText('certificate that is not trusted');
  await frame.getByTestId('skip-certificate-check').check();
  await frame.getByTestId('settings-test').click();
  await expect(frame.getByTestId('test-summary')).toHaveAttribute('data-ok', 'true');
  await expect(frame.getByTestId('test-check').first()).toContainText(DS_TLS);
  // Nothing was saved: the stored settings still use the plain address and verify certificates.
  const again = await configurePage(host);
  await expect(again.getByTestId('settings-state')).toHaveText(/Saved/);
  await expect(again.getByTestId('internal-url')).toHaveValue('');
  await expect(again.getByTestId('skip-certificate-check')).not.toBeChecked();
});

/** The configure page, hydrated. */
async function configurePage(page: Page): Promise<Frame> {
  await page.goto(`${EMU}/wiki/plugins/servlet/ac/${APP_KEY}/configure`);
  const frame = await appFrame(page, '/admin/settings');
  await expect(frame.locator('html')).toHaveAttribute('data-hydrated', 'true');
  return frame;
}

/** The configure page's editing options, loaded. */
async function editingOptions(host: Page): Promise<Frame> {
  const frame = await configurePage(host);
  await expect(frame.getByTestId('options-save')).toBeEnabled();
  return frame;
}

/** Sets one list field (`testid`) of the editing options on the configure page in `page`. */
async function setListOption(page: Page, testid: string, value: string): Promise<Frame> {
  const frame = await editingOptions(page);
  await frame.getByTestId(testid).fill(value);
  await saveOptions(frame);
  return frame;
}

/** Waits until Confluo has dropped exactly `users` from the editing session `key`. */
async function expectDropped(request: APIRequestContext, key: string, users: string[]) {
  await expect
    .poll(async () => (await ds(request, 'log')).filter((e: any) => e.kind === 'command-fields' && e.c === 'drop' && e.key === key).map((e: any) => e.users))
    .toEqual([users]);
}

async function saveOptions(frame: Frame) {
  await frame.getByTestId('options-save').click();
  await expect(frame.getByTestId('options-result')).toHaveText('Editing options saved.');
}

test('editing options: ODF edited in place, a size limit, the editor interface, spaces without Confluo', async ({ host, request }, testInfo) => {
  const page = await emu(request, 'pages', { title: 'Options page' });
  await emu(request, 'attachments', { pageId: page.id, fileName: 'agenda.odt', mediaType: 'application/vnd.oasis.opendocument.text', ...fixtureContent('minutes.odt'), as: 'emu-alice' });
  await emu(request, 'attachments', { pageId: page.id, fileName: 'big.docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content: 'x'.repeat(1_200_000), as: 'emu-alice' });
  await login(host, 'emu-alice');
  let frame = await editingOptions(host);
  // Plain text and CSV are edited in place out of the box; ODT is converted.
  await expect(frame.getByTestId('lossy-txt')).toBeChecked();
  await expect(frame.getByTestId('lossy-odt')).not.toBeChecked();
  // The editor's switches: one per line, each box on the left of its words, on their line.
  const switches = [];
  for (const id of ['opt-chat', 'opt-compact-header', 'opt-feedback', 'opt-help']) {
    const box = await frame.getByTestId(id).boundingBox();
    const label = await frame.getByTestId(id).locator('xpath=..').boundingBox();
    expect(box && label).toBeTruthy();
    expect(label!.height).toBeLessThan(box!.height * 2);
    // At the label's start (give or take the box's own margin), not centred over the words.
    expect(box!.x - label!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x - label!.x).toBeLessThan(box!.width);
    switches.push(label!);
  }
  for (let i = 1; i < switches.length; i++) expect(switches[i].y).toBeGreaterThanOrEqual(switches[i - 1].y + switches[i - 1].height - 1);
  await frame.getByTestId('max-file-mb').fill('0');
  await frame.getByTestId('options-save').click();
  await expect(frame.getByTestId('options-result')).toHaveText('Please correct the fields marked above.');
  await expect(frame.locator('.field-error')).toContainText('from 1 to 1024 MB');
  try {
    await frame.getByTestId('lossy-odt').check();
    await frame.getByTestId('max-file-mb').fill('1');
    await frame.getByTestId('opt-chat').uncheck();
    await frame.getByTestId('opt-compact-header').check();
    await frame.getByTestId('opt-review-display').selectOption('final');
    await frame.getByTestId('opt-macros').selectOption('disable');
    await saveOptions(frame);
    await host.screenshot({ path: testInfo.outputPath('guide-editing-options.png'), fullPage: true });

    const { doc, editor } = await openDocument(host, page.id, 'agenda.odt');
    await expect(doc.getByTestId('editor-mode')).toHaveText('Editing');
    await expect(doc.getByTestId('view-reason')).toContainText('saved as ODT');
    await expect(editor.locator('#ds-mode')).toHaveText('edit');
    const custom = JSON.parse((await editor.locator('#ds-customization').textContent()) ?? '{}');
    expect(custom).toMatchObject({ compactHeader: true, macros: false, macrosMode: 'disable', review: { reviewDisplay: 'final' } });
    expect(JSON.parse((await editor.locator('#ds-permissions').textContent()) ?? '{}').chat).toBe(false);
    await editor.locator('#ds-type').click();
    await editor.locator('#ds-close').click();
    await expect.poll(async () => (await versions(request, page.id, 'agenda.odt')).length, { timeout: 20_000 }).toBe(2);
    expect(attachment(await state(request), page.id, 'agenda.odt').mediaType).toBe('application/vnd.oasis.opendocument.text');

    const big = await openDocumentPage(host, page.id, 'big.docx');
    await expect(big.getByTestId('doc-error')).toContainText('larger than the 1 MB this site opens');

    frame = await editingOptions(host);
    await expect(frame.getByTestId('max-file-mb')).toHaveValue('1');
    await frame.getByTestId('disabled-spaces').fill('HR, DEMO');
    await saveOptions(frame);
    const off = await openDocumentPage(host, page.id, 'agenda.odt');
    await expect(off.getByTestId('doc-error')).toContainText('Confluo is turned off in the DEMO space');
  } finally {
    frame = await editingOptions(host);
    await frame.getByTestId('lossy-odt').uncheck();
    await frame.getByTestId('max-file-mb').fill('100');
    await frame.getByTestId('opt-chat').check();
    await frame.getByTestId('opt-compact-header').uncheck();
    await frame.getByTestId('opt-review-display').selectOption('markup');
    await frame.getByTestId('opt-macros').selectOption('warn');
    await frame.getByTestId('disabled-spaces').fill('');
    await saveOptions(frame);
  }
});

test('an editor makes a PDF form from a DOCX and fills it in; the answers land as a new version', async ({ host, request }) => {
  const pageId = await pageWithDocument(request, 'Form page');
  await login(host, 'emu-carol');
  const { doc } = await openDocument(host, pageId, 'report.docx');
  const panel = doc.getByTestId('form-panel');
  await panel.getByTestId('convert').click();
  await expect(panel.getByTestId('convert-done')).toContainText('report.pdf', { timeout: 20_000 });
  const conversion = (await ds(request, 'log')).filter((e: any) => e.kind === 'convert' && e.outputtype === 'pdf').pop();
  expect(conversion).toMatchObject({ filetype: 'docx', pdf: { form: true } });
  const form = attachment(await state(request), pageId, 'report.pdf');
  expect(form.versions[0].comment).toContain('PDF form made from report.docx');

  await panel.getByTestId('open-converted').click();
  const opened = await appFrame(host, '/documents/view', 'ac.attachment=report.pdf');
  await expect(opened.getByTestId('editor-mode')).toHaveText('Editing');
  await expect
    .poll(async () => {
      const frame = host.frames().find((f) => f.url().startsWith(`${DS}/web-apps/apps/pdfeditor/main/index.html`));
      return frame ? frame.locator('#ds-form').textContent().catch(() => null) : null;
    }, { timeout: 20_000 })
    .toBe('form');
  await opened.getByTestId('fill-form').click();
  const filling = await appFrame(host, '/documents/view', 'ac.mode=fill');
  await expect(filling.getByTestId('editor-mode')).toHaveText('Filling in');
  await expect(filling.getByTestId('edit-form')).toBeVisible();
  let editor: Frame | undefined;
  await expect.poll(() => {
    editor = host.frames().find((f) => f.url().startsWith(`${DS}/web-apps/apps/pdfeditor/main/index.html`));
    return !!editor && editor.isDetached() === false;
  }).toBe(true);
  await expect(editor!.locator('#ds-mode')).toHaveText('fill');
  expect(JSON.parse((await editor!.locator('#ds-permissions').textContent()) ?? '{}')).toMatchObject({ edit: false, fillForms: true });
  await editor!.locator('#ds-type').click();
  await editor!.locator('#ds-close').click();
  await expect.poll(async () => (await versions(request, pageId, 'report.pdf')).length, { timeout: 20_000 }).toBe(2);
  expect((await versions(request, pageId, 'report.pdf'))[1].by).toBe('emu-carol');
});

test('the editor takes pictures, documents and spreadsheets from the page, links to places, and updates linked data', async ({ host, context, request }) => {
  const pageId = await pageWithDocument(request, 'Linked page');
  await emu(request, 'attachments', { pageId, fileName: 'logo.png', mediaType: 'image/png', content: 'PNG logo bytes', as: 'emu-alice' });
  const other = await emu(request, 'pages', { title: 'Totals page' });
  await emu(request, 'attachments', { pageId: other.id, fileName: 'totals.xlsx', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: 'PK totals', as: 'emu-alice' });
  await login(host, 'emu-carol');
  const { doc, editor } = await openDocument(host, pageId, 'report.docx');
  const pick = async (button: string, file: string, expected: string[]) => {
    await editor.locator(`#${button}`).click();
    const picker = doc.getByTestId('file-picker');
    await expect(picker.getByTestId('attachment-option')).toHaveText(expected.map((name) => new RegExp(name.replace('.', '\\.'))));
    await picker.getByLabel(file).check();
    await picker.getByTestId('file-picker-choose').click();
    await expect(picker).toHaveCount(0);
  };
  await pick('ds-insert-image', 'logo.png', ['logo.png']);
  await expect(editor.locator('#ds-linked')).toHaveText('insertImage: png, 14 bytes');
  await pick('ds-compare', 'notes.txt', ['report.docx', 'notes.txt']);
  await expect(editor.locator('#ds-linked')).toHaveText('setRequestedDocument: txt, 11 bytes');
  await pick('ds-mail-merge', 'budget.xlsx', ['budget.xlsx']);
  await expect(editor.locator('#ds-linked')).toHaveText(`setRequestedSpreadsheet: xlsx, ${fixture('budget.xlsx').length} bytes`);
  const linked = (await ds(request, 'log')).filter((e: any) => e.kind === 'linked').map((e: any) => `${e.command}:${e.c}`);
  expect(linked).toEqual(['insertImage:add', 'setRequestedDocument:compare', 'setRequestedSpreadsheet:mailmerge']);

  // "Get link" makes a Confluence address that opens the document at that place.
  await editor.locator('#ds-get-link').click();
  await expect(editor.locator('#ds-action-link')).toHaveAttribute('data-state', 'ready');
  const link = (await editor.locator('#ds-action-link').textContent()) ?? '';
  expect(link.startsWith(`${EMU}/wiki/plugins/servlet/ac/${APP_KEY}/document-view?`)).toBe(true);
  await host.goto(link);
  await appFrame(host, '/documents/view', 'ac.action=');
  await expect.poll(async () => {
    const frame = host.frames().find((f) => f.url().startsWith(`${DS}/web-apps/apps/documenteditor/main/index.html`));
    const text = frame ? await frame.locator('#ds-action').textContent().catch(() => null) : null;
    return text ? JSON.parse(text) : null;
  }).toEqual({ action: { type: 'bookmark', data: 'Intro' } });

  // Linked cells in a spreadsheet: refreshed from the source by its stable id, opened in a new tab.
  const sheet = await openDocument(host, pageId, 'budget.xlsx', 'spreadsheeteditor');
  const own = JSON.parse((await sheet.editor.locator('#ds-reference').textContent()) ?? '{}');
  const totals = attachment(await state(request), other.id, 'totals.xlsx');
  const reference = { referenceData: { fileKey: totals.id, instanceId: own.instanceId }, path: 'totals.xlsx' };
  await sheet.editor.locator('#ds-ref-input').fill(JSON.stringify(reference));
  await sheet.editor.locator('#ds-ref-update').click();
  await expect(sheet.editor.locator('#ds-linked')).toHaveText('setReferenceData: xlsx, 9 bytes');
  const update = (await ds(request, 'log')).filter((e: any) => e.kind === 'linked').pop();
  expect(update).toMatchObject({ command: 'setReferenceData', path: 'totals.xlsx', referenceData: { fileKey: totals.id } });
  const popup = context.waitForEvent('page');
  await sheet.editor.locator('#ds-ref-open').click();
  const opened = await popup;
  await expect.poll(() => opened.url()).toContain('ac.attachment=totals.xlsx');
  await opened.close();
  // A link to another site's file is refused, with the reason shown in the editor.
  await sheet.editor.locator('#ds-ref-input').fill(JSON.stringify({ referenceData: { fileKey: totals.id, instanceId: 'https://elsewhere.atlassian.net/wiki' }, path: 'x.xlsx' }));
  await sheet.editor.locator('#ds-ref-update').click();
  await expect(sheet.editor.locator('#ds-linked')).toHaveText('The linked file is on another Confluence site.');
});

test("the macro's preview shows the document on the page in the embedded viewer; Edit opens it", async ({ host, request }, testInfo) => {
  const pageId = await pageWithDocument(request, 'Preview page');
  await host.goto(`${EMU}/wiki/spaces/DEMO/pages/${pageId}`);
  // The author turns the preview on in the macro editor.
  await host.getByRole('button', { name: 'Edit macro' }).click();
  const macroEditor = await appFrame(host, '/macro/document-editor');
  await expect(macroEditor.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await expect(macroEditor.getByTestId('macro-preview')).not.toBeChecked();
  await macroEditor.getByTestId('macro-preview').check();
  await macroEditor.getByTestId('macro-save').click();
  await expect.poll(async () => (await state(request)).pages.find((p: any) => p.id === pageId).macros[0].params)
    .toEqual({ attachment: 'report.docx', preview: 'true' });

  await login(host, 'emu-carol');
  await host.goto(`${EMU}/wiki/spaces/DEMO/pages/${pageId}`);
  const macro = await appFrame(host, '/macro/document', 'preview=true');
  await expect(macro.getByTestId('doc-preview')).toHaveAttribute('data-state', 'ready');
  const viewer = host.frames().find((f) => f.url().startsWith(`${DS}/web-apps/apps/documenteditor/embed/index.html`));
  expect(viewer, 'the embedded viewer').toBeTruthy();
  await expect(viewer!.locator('#ds-mode')).toHaveText('view');
  await expect(viewer!.locator('#ds-key')).toHaveText(/_embedded$/);
  await host.screenshot({ path: testInfo.outputPath('guide-macro-preview.png'), fullPage: true });
  // A preview never joins an editing session.
  const previewKey = (await viewer!.locator('#ds-key').textContent()) ?? '';
  const previewSession = (await ds(request, 'sessions')).find((s: any) => s.key === previewKey);
  expect(previewSession?.users ?? []).toEqual([]);
  await viewer!.locator('#ds-edit-rights').click();
  const doc = await appFrame(host, '/documents/view', 'ac.attachment=report.docx');
  await expect(doc.getByTestId('editor-mode')).toHaveText('Editing');
});

test('a version saved from the editor shows its changes in the history, highlighted against the version before', async ({ host, request }) => {
  const pageId = await pageWithDocument(request, 'Changes page');
  await login(host, 'emu-carol');
  const first = await openDocument(host, pageId, 'report.docx');
  await first.editor.locator('#ds-type').click();
  await first.editor.locator('#ds-close').click();
  await expect.poll(async () => (await versions(request, pageId, 'report.docx')).length, { timeout: 20_000 }).toBe(2);
  // An upload in Confluence has no reported changes.
  await emu(request, 'attachments', { pageId, fileName: 'report.docx', ...(await made(request, 'docx', 'Third draft by Alice')), as: 'emu-alice', comment: 'third draft' });

  const { editor } = await openDocument(host, pageId, 'report.docx');
  await editor.locator('#ds-history').click();
  const rows = editor.locator('#ds-history li');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toHaveAttribute('data-changes', '0');
  await expect(rows.nth(1)).toHaveAttribute('data-changes', '1');
  await expect(rows.nth(2)).toHaveAttribute('data-changes', '0');

  // Opening version 2 hands the editor the changes archive and version 1 to compare with.
  await editor.locator('#ds-history-open-2').click();
  await expect(editor.locator('#ds-history-view')).toHaveAttribute('data-state', 'ready');
  // The archive is the real zip the save handed over (its size in bytes).
  await expect(editor.locator('#ds-history-view')).toHaveAttribute('data-changes', /^[1-9][0-9]+$/);
  const archive = await editor.locator('#ds-history-view').getAttribute('data-changes');
  const shown = (await ds(request, 'log')).filter((e: any) => e.kind === 'history').pop();
  expect(shown).toMatchObject({ version: 2, changes: Number(archive), previousKey: await rows.nth(0).getAttribute('data-key') });
  // Fetched by the Document Server with its header token for exactly that link.
  const fetched = (await ds(request, 'log')).filter((e: any) => e.kind === 'download' && e.url.includes('/office/changes?')).pop();
  expect(fetched).toMatchObject({ status: 200, sentToken: true });
  // Older Document Servers fetch it from the editor's page: no header token, allowed by CORS.
  await ds(request, 'config', { changesFrom: 'browser' });
  try {
    await editor.locator('#ds-history-open-1').click();
    await expect(editor.locator('#ds-history-view')).toContainText('Version 1');
    await editor.locator('#ds-history-open-2').click();
    await expect(editor.locator('#ds-history-view')).toHaveAttribute('data-changes', archive!);
    const viaBrowser = (await ds(request, 'log')).filter((e: any) => e.kind === 'history').pop();
    expect(viaBrowser).toMatchObject({ version: 2, cors: DS });
  } finally {
    await ds(request, 'config', { changesFrom: 'server' });
  }
  await editor.locator('#ds-history-open-3').click();
  await expect(editor.locator('#ds-history-view')).toHaveAttribute('data-changes', '');
  await expect(editor.locator('#ds-history-view')).toContainText('Version 3: Third draft by Alice');
});

/** The configure page's demo server section, loaded. */
async function demoSection(page: Page): Promise<Frame> {
  const frame = await configurePage(page);
  await expect(frame.getByTestId('demo-state')).toBeVisible();
  return frame;
}

test("the demo server: documents open there with a warning, and a session started there still saves after it is switched off", async ({ host, browser, request }, testInfo) => {
  // The stand-in plays ONLYOFFICE's public demo server (OFFICE_DEMO_URL), with its published
  // header and secret, which the site's own settings do not use.
  await ds(request, 'config', { demo: true });
  const adminContext = await browser.newContext();
  try {
    await hostRoutes(adminContext);
    const admin = await adminContext.newPage();
    await login(admin, 'emu-alice');
    let frame = await demoSection(admin);
    await expect(frame.getByTestId('demo-state')).toHaveAttribute('data-state', 'Available');
    await frame.getByTestId('demo-enabled').check();
    await expect(frame.getByTestId('demo-state')).toHaveAttribute('data-state', 'Active');
    await expect(frame.getByTestId('demo-state')).toContainText(/In use until \d+ \w+ \d{4}\./);
    await admin.screenshot({ path: testInfo.outputPath('guide-demo.png'), fullPage: true });

    const pageId = await pageWithDocument(request, 'Demo server page');
    await login(host, 'emu-carol');
    const { doc, editor } = await openDocument(host, pageId, 'report.docx');
    await expect(doc.getByTestId('demo-banner')).toContainText("public demo server until");
    await expect(doc.getByTestId('editor-mode')).toHaveText('Editing');
    await editor.locator('#ds-type').click();

    // Switched off while Carol edits: new documents no longer open there, her session still saves.
    frame = await demoSection(admin);
    await frame.getByTestId('demo-enabled').uncheck();
    await expect(frame.getByTestId('demo-state')).toHaveAttribute('data-state', 'Paused');
    await expect(frame.getByTestId('demo-state')).toContainText('It can be turned on again until');
    await editor.locator('#ds-close').click();
    await expect.poll(async () => (await versions(request, pageId, 'report.docx')).length, { timeout: 20_000 }).toBe(2);
    expect((await versions(request, pageId, 'report.docx'))[1].by).toBe('emu-carol');
    const callbacks = (await ds(request, 'log')).filter((e: any) => e.kind === 'callback' && e.status === 2);
    expect(callbacks.pop()).toMatchObject({ responseStatus: 200, responseError: 0 });
  } finally {
    await ds(request, 'config', { secret: SECRET, header: 'Authorization' });
    await adminContext.close();
  }
  // Back on the site's own server: no warning.
  const again = await openDocument(host, await pageWithDocument(request, 'Own server page'), 'report.docx');
  await expect(again.doc.getByTestId('editor-mode')).toHaveText('Editing');
  await expect(again.doc.getByTestId('demo-banner')).toHaveCount(0);
});

test('a space set to view only opens documents for viewing, even for people who may edit, and drops its editors', async ({ host, browser, request }) => {
  const pageId = await pageWithDocument(request, 'View-only page');
  const { alice, carol, context, key } = await aliceAndCarol(host, browser, pageId);
  const admin = await host.context().newPage();
  let frame = await editingOptions(admin);
  await frame.getByTestId('view-only-spaces').fill('ARCHIVE, no/space');
  await frame.getByTestId('options-save').click();
  await expect(frame.locator('.field-error')).toContainText('“no/space” is not a space key');
  await frame.getByTestId('view-only-spaces').fill('DEMO');
  await saveOptions(frame);
  try {
    // Saving the options checks the open sessions at once: both editors stop editing.
    await expectDropped(request, key, ['emu-alice', 'emu-carol']);
    await alice.editor.locator('#ds-close').click();
    const { doc, editor } = await openDocument(carol.doc.page(), pageId, 'report.docx');
    await expect(doc.getByTestId('editor-mode')).toHaveText('Viewing');
    await expect(doc.getByTestId('view-reason')).toHaveText('Documents in the DEMO space open for viewing only, as set by an administrator.');
    await expect(editor.locator('#ds-mode')).toHaveText('view');
    await expect(editor.locator('#ds-create')).toHaveCount(0);
    expect(await versions(request, pageId, 'report.docx')).toHaveLength(1);
  } finally {
    frame = await editingOptions(admin);
    await expect(frame.getByTestId('view-only-spaces')).toHaveValue('DEMO');
    await setListOption(admin, 'view-only-spaces', '');
    await admin.close();
    await context.close();
  }
});

test('members of a group set to view only are dropped from a session and view documents everywhere; others still edit', async ({ host, browser, request }) => {
  const pageId = await pageWithDocument(request, 'Group view-only page');
  // Past the first page of Confluence's answer (200 groups).
  const teams = Array.from({ length: 230 }, (_, i) => `team-${i}`);
  await emu(request, 'groups', { accountId: 'emu-carol', groups: ['confluence-users', ...teams, 'Contractors'] });
  const { alice, carol, context, key } = await aliceAndCarol(host, browser, pageId);
  await expect(carol.doc.getByTestId('editor-mode')).toHaveText('Editing');
  const admin = await host.context().newPage();
  try {
    const frame = await setListOption(admin, 'view-only-groups', 'contractors;  external auditors ');
    await expect(frame.getByTestId('view-only-groups')).toHaveValue('contractors, external auditors');
    // Saving the options checks the open sessions at once: Carol is dropped, Alice edits on.
    await expectDropped(request, key, ['emu-carol']);
    await alice.editor.locator('#ds-close').click();
    // Asked of Confluence as the app, about Carol.
    const asked = (await emu(request, 'state')).calls.filter((c: any) => c.path.startsWith('/rest/api/user/memberof') && c.path.includes('accountId=emu-carol'));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((c: any) => c.via === 'jwt')).toBe(true);
    // Opened again, the document is for viewing, and says why.
    const again = await openDocument(carol.doc.page(), pageId, 'report.docx');
    await expect(again.doc.getByTestId('editor-mode')).toHaveText('Viewing');
    await expect(again.doc.getByTestId('view-reason')).toHaveText('Members of the Contractors group open documents for viewing only, as set by an administrator.');
    await expect(again.editor.locator('#ds-mode')).toHaveText('view');
    // Alice may edit the page and is in neither group.
    const own = await openDocument(host, pageId, 'report.docx');
    await expect(own.doc.getByTestId('editor-mode')).toHaveText('Editing');
    await own.editor.locator('#ds-close').click();
    // Out of the group, Carol edits again.
    await emu(request, 'groups', { accountId: 'emu-carol', groups: ['confluence-users'] });
    const back = await openDocument(carol.doc.page(), pageId, 'report.docx');
    await expect(back.doc.getByTestId('editor-mode')).toHaveText('Editing');
    expect(await versions(request, pageId, 'report.docx')).toHaveLength(1);
  } finally {
    await emu(request, 'groups', { accountId: 'emu-carol', groups: ['confluence-users'] });
    await setListOption(admin, 'view-only-groups', '');
    await admin.close();
    await context.close();
  }
});

test('a file with a label set to view only opens for viewing for everyone, and its editors are dropped', async ({ host, browser, request }) => {
  const pageId = await pageWithDocument(request, 'Labelled page');
  const att = attachment(await state(request), pageId, 'report.docx');
  const { alice, carol, context, key } = await aliceAndCarol(host, browser, pageId);
  const admin = await host.context().newPage();
  try {
    let frame = await editingOptions(admin);
    await frame.getByTestId('view-only-labels').fill('signed, v1.0');
    await frame.getByTestId('options-save').click();
    await expect(frame.locator('.field-error')).toContainText('“v1.0” is not a label');
    await frame.getByTestId('view-only-labels').fill('Final  signed');
    await saveOptions(frame);
    await expect(frame.getByTestId('view-only-labels')).toHaveValue('final, signed');
    // Saving the options dropped nobody: the file has no such label yet.
    await expect(alice.doc.getByTestId('editor-mode')).toHaveText('Editing');
    await emu(request, 'labels', { attachmentId: att.id, labels: ['draft', 'final'] });
    // Confluence's label_added webhook has Confluo read the labels back and drop both editors.
    const delivered = (await state(request)).deliveries.filter((d: any) => d.event === 'label_added' && d.attachmentId === att.id);
    expect(delivered.map((d: any) => [d.label, d.status])).toEqual([['draft', 204], ['final', 204]]);
    await expectDropped(request, key, ['emu-alice', 'emu-carol']);
    await alice.editor.locator('#ds-close').click();
    // Everyone views it now, administrators too.
    for (const page of [carol.doc.page(), host]) {
      const { doc, editor } = await openDocument(page, pageId, 'report.docx');
      await expect(doc.getByTestId('editor-mode')).toHaveText('Viewing');
      await expect(doc.getByTestId('view-reason')).toHaveText('Files labelled final open for viewing only, as set by an administrator.');
      await expect(editor.locator('#ds-mode')).toHaveText('view');
    }
    // Its earlier versions cannot be restored, not even by a forged request of an administrator.
    const mine = await openDocumentPage(host, pageId, 'report.docx');
    const token = await mine.evaluate(() => (window as any).AP.context.getToken());
    const restore = await request.post(`${APP}/api/office/restore`, {
      headers: { authorization: `JWT ${token}` },
      form: { page_id: pageId, file_name: 'report.docx', version: '1' },
    });
    expect(restore.status()).toBe(403);
    expect(await restore.text()).toContain('Files labelled final open for viewing only');
    // A labelled file still converts; what it converts to carries no label and edits.
    await emu(request, 'attachments', { pageId, fileName: 'minutes.odt', mediaType: 'application/vnd.oasis.opendocument.text', ...fixtureContent('minutes.odt'), as: 'emu-alice' });
    const odt = attachment(await state(request), pageId, 'minutes.odt');
    await emu(request, 'labels', { attachmentId: odt.id, labels: ['final'] });
    const source = await openDocument(host, pageId, 'minutes.odt');
    await source.doc.getByTestId('convert').click();
    await expect(source.doc.getByTestId('convert-done')).toContainText('minutes.docx', { timeout: 20_000 });
    await source.doc.getByTestId('open-converted').click();
    const converted = await appFrame(host, '/documents/view', 'ac.attachment=minutes.docx');
    await expect(converted.getByTestId('editor-mode')).toHaveText('Editing');
    // The page's other files are not affected.
    const other = await openDocument(host, pageId, 'budget.xlsx', 'spreadsheeteditor');
    await expect(other.doc.getByTestId('editor-mode')).toHaveText('Editing');
    await other.editor.locator('#ds-close').click();
    expect(await versions(request, pageId, 'report.docx')).toHaveLength(1);
  } finally {
    await emu(request, 'labels', { attachmentId: att.id, labels: [] });
    await setListOption(admin, 'view-only-labels', '');
    await admin.close();
    await context.close();
  }
});

test('someone whose Confluence profile is German gets Confluo in German whatever the browser asks: the macro, the dialog, the document page, the editor and the server\'s reasons and refusals', async ({ browser, request }) => {
  const pageId = await pageWithDocument(request, 'Deutsche Seite');
  await emu(request, 'users', { accountId: 'emu-dieter', displayName: 'Dieter Leser', locale: 'de-DE', canEdit: false });
  await emu(request, 'users', { accountId: 'emu-nolocale', displayName: 'No Locale', locale: null, canEdit: false });
  // The browser asks for French; the profile says German, and the profile wins.
  const context = await browser.newContext({ locale: 'fr-FR' });
  await hostRoutes(context);
  try {
    const page = await context.newPage();
    await login(page, 'emu-dieter');
    await page.goto(`${EMU}/wiki/spaces/DEMO/pages/${pageId}`);
    const { macro, dialog } = await dialogFromMacro(page);
    // Rendered on the server in German, and still German once hydrated.
    await expect(macro.locator('html')).toHaveAttribute('lang', 'de');
    await expect(macro.getByTestId('open-document')).toHaveText('Öffnen');
    await expect(macro.getByTestId('choose-document')).toHaveText('Andere Dokumente auf dieser Seite…');
    await expect(macro.getByTestId('doc-kind')).toHaveText('Dokument');
    await expect(dialog.getByTestId('dialog-view')).toHaveText('Nur ansehen');
    await expect(dialog.getByTestId('create-kind').locator('option').first()).toHaveText('Neues Dokument (.docx)');
    await expect(dialog.getByTestId('attachment-option').first()).toContainText('Dokument ·');
    // Dieter may only read: the page, the editor and the server's reason say so in German.
    const { doc, editor } = await openDocument(page, pageId, 'report.docx');
    await expect(doc.getByTestId('back-to-page')).toHaveText('← Zurück zur Seite');
    await expect(doc.getByTestId('editor-mode')).toHaveText('Ansehen');
    await expect(doc.getByTestId('view-reason')).toHaveText('Sie dürfen dieses Dokument ansehen; zum Bearbeiten brauchen Sie die Berechtigung, diese Seite zu ändern.');
    await expect(editor.locator('#ds-lang')).toHaveText('de');
    // So do the server's refusals.
    const gone = await openDocumentPage(page, pageId, 'verschwunden.docx');
    await expect(gone.getByTestId('doc-error')).toHaveText('verschwunden.docx ist nicht mehr an diese Seite angehängt.');
    // A profile with no locale leaves the browser's language; one Confluo is not written in
    // falls back to English, and Japanese is one of its own.
    for (const [locale, lang, open] of [['pt-BR', 'en', 'Open'], ['ja-JP', 'ja', '開く']]) {
      const other = await browser.newContext({ locale });
      try {
        await hostRoutes(other);
        const reader = await other.newPage();
        await login(reader, 'emu-nolocale');
        await reader.goto(`${EMU}/wiki/spaces/DEMO/pages/${pageId}`);
        const macro = await appFrame(reader, '/macro/document');
        await expect(macro.locator('html'), locale).toHaveAttribute('lang', lang);
        await expect(macro.getByTestId('open-document'), locale).toHaveText(open);
      } finally {
        await other.close();
      }
    }
  } finally {
    await context.close();
  }
});

test('an administrator whose Confluence profile is French gets the configure page, its checks and the server\'s answers in French', async ({ browser, request }) => {
  await emu(request, 'users', { accountId: 'emu-fleur', displayName: 'Fleur Admin', locale: 'fr_FR', admin: true });
  const context = await browser.newContext({ locale: 'en-US' });
  await hostRoutes(context);
  try {
    const admin = await context.newPage();
    await login(admin, 'emu-fleur');
    const frame = await editingOptions(admin);
    await expect(frame.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(frame.getByTestId('settings-state')).toHaveText('Enregistré. Secret : défini.');
    await expect(frame.locator('h1')).toHaveText('Document Server');
    await expect(frame.getByText('Adresse du Document Server')).toBeVisible();
    await expect(frame.getByTestId('editing-options').locator('h2')).toHaveText("Options d'édition");
    await expect(frame.getByTestId('opt-macros').locator('option').first()).toHaveText("Demander avant d'exécuter les macros");
    // The demo's state, with its day written the French way.
    await expect(frame.getByTestId('demo-state')).toHaveText(/^(Non utilisé\. .*|Désactivé\. Il peut être réactivé jusqu'au \d{1,2}(er)? \p{L}+ \d{4}\.)$/u);

    // The stored settings test fine: the checks speak French.
    await frame.getByTestId('settings-test').click();
    await expect(frame.getByTestId('test-summary')).toHaveText('Connecté à ONLYOFFICE Docs 9.3.0.123.');
    await expect(frame.getByTestId('test-check').first()).toContainText("Contrôle d'état");
    await expect(frame.getByTestId('test-check').nth(2)).toContainText(`a récupéré un fichier de test auprès de Confluo à l'adresse ${APP}`);
    // So does what the Document Server answered to a wrong secret.
    await frame.getByTestId('secret').fill('not-the-document-server-secret');
    await frame.getByTestId('settings-test').click();
    await expect(frame.getByTestId('test-summary')).toHaveText('La connexion ne fonctionne pas encore.');
    await expect(frame.getByTestId('test-check').nth(1)).toContainText('jeton non valide : le secret ne correspond pas à celui du Document Server');

    // Fields checked in the browser, in French; nothing is sent.
    await frame.getByTestId('public-url').fill('ftp://docs');
    await frame.getByTestId('settings-save').click();
    await expect(frame.getByText("L'adresse doit commencer par https:// ou http://.")).toBeVisible();
    await expect(frame.getByTestId('settings-result')).toHaveText('Veuillez corriger les champs signalés ci-dessus.');
    await frame.getByTestId('max-file-mb').fill('0');
    await frame.getByTestId('options-save').click();
    await expect(frame.getByText('Saisissez une taille de 1 à 1024 Mo.')).toBeVisible();

    // The server checks the same fields in the language the request asks for, and refuses
    // people who are not administrators in it too.
    const s = await state(request);
    const { sharedSecret, clientKey } = s.installations[APP_KEY];
    const save = (sub: string) => request.post(`${APP}/api/document-server/save`, {
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'accept-language': 'fr-FR,fr;q=0.9',
        authorization: `JWT ${contextToken(sharedSecret, clientKey, { sub })}`,
      },
      data: 'form[public_url]=ftp://docs&form[internal_url]=&form[secret]=short&form[clear_secret]=false&form[jwt_header]=Authorization',
    });
    const checked = await save('emu-alice');
    expect(checked.status()).toBe(200);
    expect(await checked.json()).toEqual({
      Err: [
        { field: 'public_url', message: "L'adresse doit commencer par https:// ou http://." },
        { field: 'secret', message: 'Le secret doit comporter au moins 16 caractères.' },
      ],
    });
    const refused = await save('emu-bob');
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toContain('Seuls les administrateurs du site peuvent modifier les paramètres de Confluo.');
  } finally {
    await context.close();
  }
});

test('people who are not logged in view the documents of spaces open to anonymous access, as guests, and nothing more', async ({ host, request }, testInfo) => {
  await emu(request, 'spaces', { key: 'PUB', name: 'Public space', anonymous: true });
  const page = await emu(request, 'pages', {
    title: 'Public page',
    spaceKey: 'PUB',
    macros: [{ id: 'doc-1', key: 'office-document', params: { attachment: 'report.docx', preview: 'true' }, body: '' }],
  });
  await emu(request, 'attachments', { pageId: page.id, fileName: 'report.docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ...fixtureContent('report.docx'), as: 'emu-alice' });
  const membersOnly = await pageWithDocument(request, 'Members-only page');
  try {
    await login(host, 'anonymous');
    // The page shows the document and its preview to a guest.
    await host.goto(`${EMU}/wiki/spaces/PUB/pages/${page.id}`);
    const macro = await appFrame(host, '/macro/document', 'preview=true');
    await expect(macro.getByTestId('doc-title')).toHaveText('report.docx');
    await expect(macro.getByTestId('doc-preview')).toHaveAttribute('data-state', 'ready');
    await host.screenshot({ path: testInfo.outputPath('guide-guest.png'), fullPage: true });

    // Opened, it is viewed as a guest: no name, no callback, Confluence asked with no credentials.
    const { doc, editor } = await openDocument(host, page.id, 'report.docx');
    await expect(doc.getByTestId('editor-mode')).toHaveText('Viewing');
    await expect(doc.getByTestId('view-reason')).toHaveText('You are viewing this document as a guest. Log in to Confluence to edit it.');
    await expect(editor.locator('#ds-mode')).toHaveText('view');
    await expect(editor.locator('#ds-user')).toHaveText('');
    // Nothing in the editor acts for a person: no history, mentions, copies or links.
    for (const id of ['#ds-history', '#ds-mention', '#ds-save-as', '#ds-get-link']) {
      await expect(editor.locator(id), id).toHaveCount(0);
    }
    const asked = (await state(request)).calls.filter((c: any) => c.path.startsWith(`/rest/api/content/${page.id}?`));
    expect(asked.at(-1)).toMatchObject({ as: 'anonymous', via: 'anonymous' });

    // A page outside the open space stays closed to them.
    const closed = await openDocumentPage(host, membersOnly, 'report.docx');
    await expect(closed.getByTestId('doc-error')).toContainText('You cannot see this page');

    // And a guest's token does nothing but view.
    const { sharedSecret, clientKey } = (await state(request)).installations[APP_KEY];
    // No `sub`: the token of someone who is not logged in.
    const guest = contextToken(sharedSecret, clientKey, { sub: undefined });
    const create = await request.post(`${APP}/api/office/create`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `JWT ${guest}` },
      data: `page_id=${page.id}&kind=Document&title=guest`,
    });
    expect(create.status()).toBe(403);
    expect(await create.text()).toContain('Log in to Confluence to do this.');
    // Nor does it read the site's settings (administrators only).
    const settings = await request.post(`${APP}/api/document-server/load`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `JWT ${guest}` },
      data: '',
    });
    expect(settings.status()).toBe(403);
    expect((await state(request)).attachments.filter((a: any) => a.pageId === page.id)).toHaveLength(1);
  } finally {
    await login(host, 'emu-alice');
  }
});

test("the space's file browser lists its office documents: search, kind, sorting, pages, open and delete", async ({ host, request }, testInfo) => {
  await emu(request, 'spaces', { key: 'FILES', name: 'Files space' });
  const plans = await emu(request, 'pages', { title: 'Plans', spaceKey: 'FILES' });
  const numbers = await emu(request, 'pages', { title: 'Numbers', spaceKey: 'FILES' });
  for (let i = 0; i < 21; i++) {
    await emu(request, 'attachments', { pageId: plans.id, fileName: `memo ${String(i).padStart(2, '0')}.docx`, content: 'PK memo', as: 'emu-alice' });
  }
  await emu(request, 'attachments', { pageId: numbers.id, fileName: 'budget.xlsx', ...fixtureContent('budget.xlsx'), as: 'emu-alice' });
  await emu(request, 'attachments', { pageId: numbers.id, fileName: 'deck.pptx', content: 'PK deck', as: 'emu-alice' });
  // Not an office document, and a document of another space: neither is listed.
  await emu(request, 'attachments', { pageId: numbers.id, fileName: 'logo.png', mediaType: 'image/png', content: 'PNG', as: 'emu-alice' });
  await pageWithDocument(request, 'Elsewhere in DEMO');

  await login(host, 'emu-carol');
  await host.goto(`${EMU}/wiki/spaces/FILES/pages/${plans.id}`);
  await host.locator('[data-space-link="space-documents"]').click();
  const browser = await appFrame(host, '/documents/space', 'spaceKey=FILES');
  const rows = browser.getByTestId('browser-row');
  await expect(browser.getByTestId('browser-count')).toHaveText('23 documents.');
  await expect(rows).toHaveCount(20);
  // Newest first, twenty to a page.
  await expect(rows.first()).toHaveAttribute('data-name', 'deck.pptx');
  await expect(rows.first()).toContainText('Numbers');
  await expect(browser.getByTestId('browser-page')).toHaveText('Page 1 of 2');
  await expect(browser.getByTestId('browser-prev')).toBeDisabled();
  await browser.getByTestId('browser-next').click();
  await expect(rows).toHaveCount(3);
  await expect(browser.getByTestId('browser-page')).toHaveText('Page 2 of 2');

  await browser.getByTestId('browser-search').fill('MEMO 1');
  await expect(browser.getByTestId('browser-count')).toHaveText('10 of 23 documents.');
  await expect(browser.getByTestId('browser-page')).toHaveText('Page 1 of 1');
  await browser.getByTestId('browser-search').fill('');
  await browser.getByTestId('browser-kind').selectOption('Presentation');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-name', 'deck.pptx');
  await browser.getByTestId('browser-kind').selectOption('');
  await browser.getByTestId('browser-sort').selectOption('size');
  await expect(rows.first()).toHaveAttribute('data-name', 'budget.xlsx');
  await browser.getByTestId('browser-sort').selectOption('name');
  await expect(rows.nth(1)).toHaveAttribute('data-name', 'deck.pptx');
  await host.screenshot({ path: testInfo.outputPath('guide-file-browser.png'), fullPage: true });

  // Delete asks first, then moves the file to Confluence's trash as the viewer.
  const deck = browser.locator('[data-testid="browser-row"][data-name="deck.pptx"]');
  await deck.getByTestId('browser-delete').click();
  await deck.getByTestId('browser-cancel').click();
  await deck.getByTestId('browser-delete').click();
  await deck.getByTestId('browser-confirm').click();
  await expect(browser.getByTestId('browser-status')).toHaveText('deck.pptx was moved to the trash.');
  await expect(browser.getByTestId('browser-count')).toHaveText('22 documents.');
  expect((await state(request)).attachments.find((a: any) => a.pageId === numbers.id && a.fileName === 'deck.pptx').status).toBe('trashed');

  // Open goes to the document page.
  await browser.locator('[data-testid="browser-row"][data-name="budget.xlsx"]').getByTestId('browser-open').click();
  const doc = await appFrame(host, '/documents/view', 'ac.attachment=budget.xlsx');
  await expect(doc.getByTestId('editor-mode')).toHaveText('Editing');

  // Someone who may not delete is told so, and nothing is lost.
  await login(host, 'emu-bob');
  await host.goto(`${EMU}/wiki/plugins/servlet/ac/${APP_KEY}/space-documents?space.key=FILES`);
  const readerView = await appFrame(host, '/documents/space', 'spaceKey=FILES');
  const budget = readerView.locator('[data-testid="browser-row"][data-name="budget.xlsx"]');
  await budget.getByTestId('browser-delete').click();
  await budget.getByTestId('browser-confirm').click();
  await expect(readerView.getByTestId('browser-error')).toHaveText('You may not delete budget.xlsx.');
  expect(attachment(await state(request), numbers.id, 'budget.xlsx').status).toBe('current');
  await login(host, 'emu-alice');
});

test('a callback naming someone who never joined the session is refused, and no token is asked for them', async ({ host, request }) => {
  const pageId = await pageWithDocument(request, 'Author page');
  await login(host, 'emu-carol');
  const { editor } = await openDocument(host, pageId, 'report.docx');
  const key = await editor.locator('#ds-key').textContent();
  const session = (await ds(request, 'sessions')).find((s: any) => s.key === key);
  const grants = (await state(request)).grants.length;
  // Signed with the Document Server's secret, as anyone could sign on the demo server (its
  // secret is published) or send unsigned to a site without one: only Carol joined.
  const named = await ds(request, 'forged-callback', { url: session.callbackUrls[0], key, secret: SECRET, users: ['emu-alice'], fileUrl: `${DS}/cache/files/data/none` });
  expect(named.status).toBe(403);
  expect(named.body).toContain('never given this document to edit');
  expect((await state(request)).grants.length).toBe(grants);
  expect(await versions(request, pageId, 'report.docx')).toHaveLength(1);
  await editor.locator('#ds-close').click();
});

test('addresses on private networks, and redirects away from the Document Server, are never fetched', async ({ host, request }) => {
  const trap = await ds(request, 'trap');
  await login(host, 'emu-alice');
  const frame = await configurePage(host);
  await expect(frame.getByTestId('settings-state')).toHaveText(/Saved/);
  // The cloud metadata service, a private network, and another loopback address than the one
  // the operator allows (OUTBOUND_ALLOW=127.0.0.1 in this suite).
  for (const address of ['https://169.254.169.254/', 'https://10.0.0.1:8080/', trap.url]) {
    await frame.getByTestId('public-url').fill(address);
    await frame.getByTestId('settings-test').click();
    await expect(frame.getByTestId('settings-test')).toHaveText('Test connection');
    await expect(frame.getByTestId('test-summary')).toContainText(`Correct the form first: This address is on a private network; the operator has not allowed it.`);
    await expect(frame.getByTestId('test-check')).toHaveCount(0);
    await frame.getByTestId('settings-save').click();
    await expect(frame.locator('.field-error')).toContainText('This address is on a private network; the operator has not allowed it.');
  }
  await frame.getByTestId('public-url').fill(DS);

  // The Document Server now answers its health check and every file with a redirect to the trap.
  await ds(request, 'config', { redirect: true });
  try {
    await frame.getByTestId('settings-test').click();
    await expect(frame.getByTestId('test-check').first()).toContainText('redirected to');
    await expect(frame.getByTestId('test-check').first()).toContainText('not followed');

    // A save whose file URL redirects stores nothing and leaves the edit on the Document Server.
    const pageId = await pageWithDocument(request, 'Redirect page');
    const { editor } = await openDocument(host, pageId, 'report.docx');
    const key = await editor.locator('#ds-key').textContent();
    // Save copy as, from a URL on the Document Server that redirects.
    const doc = await appFrame(host, '/documents/view', 'ac.attachment=report.docx');
    const copy = await (await request.post(`${DS}/_ds/save-as`, { data: { key } })).json();
    const token = await doc.evaluate(() => (window as any).AP.context.getToken());
    const saved = await request.post(`${APP}/api/office/save-copy`, {
      headers: { authorization: `JWT ${token}` },
      form: { page_id: pageId, source: 'report.docx', title: 'leak', file_type: 'docx', url: copy.url },
    });
    expect(saved.ok()).toBe(false);
    expect(attachment(await state(request), pageId, 'leak.docx')).toBeUndefined();
    // A callback whose url is the trap itself, signed with the right secret.
    const session = (await ds(request, 'sessions')).find((s: any) => s.key === key);
    const direct = await ds(request, 'forged-callback', { url: session.callbackUrls[0], key, secret: SECRET, users: ['emu-alice'], fileUrl: `${trap.url}/latest/meta-data/` });
    expect(JSON.parse(direct.body).error).not.toBe(0);
    await editor.locator('#ds-type').click();
    await editor.locator('#ds-close').click();
    await expect.poll(async () => (await ds(request, 'sessions')).find((s: any) => s.key === key)?.forgotten, { timeout: 30_000 }).toBe(true);
    expect(await versions(request, pageId, 'report.docx')).toHaveLength(1);

    // A conversion whose result redirects.
    await emu(request, 'attachments', { pageId, fileName: 'notes.odt', mediaType: 'application/vnd.oasis.opendocument.text', ...fixtureContent('minutes.odt'), as: 'emu-alice' });
    const source = await openDocument(host, pageId, 'notes.odt');
    await source.doc.getByTestId('convert').click();
    await expect(source.doc.getByTestId('convert-error')).toBeVisible({ timeout: 20_000 });
    expect(attachment(await state(request), pageId, 'notes.docx')).toBeUndefined();

    expect((await ds(request, 'trap')).hits).toBe(0);
    expect((await ds(request, 'log')).some((e: any) => e.kind === 'redirected')).toBe(true);
  } finally {
    await ds(request, 'config', { redirect: false });
  }
});

test('a site without an active licence (never bought, or expired) views documents, is told why, and cannot edit, convert or create', async ({ host, request }) => {
  try {
    for (const licence of ['none', 'expired']) {
      await emu(request, 'license', { state: licence });
      // Installing again is what clears an app's cached licence answer.
      await install(request);
      const pageId = await pageWithDocument(request, `Licence ${licence}`);
      await emu(request, 'attachments', { pageId, fileName: 'minutes.odt', mediaType: 'application/vnd.oasis.opendocument.text', ...fixtureContent('minutes.odt'), as: 'emu-alice' });
      await login(host, 'emu-carol');
      await host.goto(`${EMU}/wiki/spaces/DEMO/pages/${pageId}`);
      const macro = await appFrame(host, '/macro/document');
      expect(new URL(macro.url()).searchParams.get('lic')).toBe('none');
      await expect(macro.getByTestId('licence-notice')).toContainText('no active licence');
      await expect(macro.getByTestId('doc-title')).toHaveText('report.docx');

      // Carol may edit the page, but the document opens for viewing, saying why.
      const { doc, editor } = await openDocument(host, pageId, 'report.docx');
      await expect(doc.getByTestId('licence-notice')).toBeVisible();
      await expect(editor.locator('#ds-mode')).toHaveText('view');
      await expect(doc.getByTestId('view-reason')).toContainText('no active licence');

      const token = await doc.evaluate(() => (window as any).AP.context.getToken());
      const convert = await request.post(`${APP}/api/office/convert`, { headers: { authorization: `JWT ${token}` }, form: { page_id: pageId, file_name: 'minutes.odt' } });
      expect(convert.status()).toBe(403);
      expect(await convert.text()).toContain('no active licence');
      const create = await request.post(`${APP}/api/office/create`, { headers: { authorization: `JWT ${token}` }, form: { page_id: pageId, kind: 'Spreadsheet', title: 'Budget' } });
      expect(create.status()).toBe(403);
      const s = await state(request);
      expect(attachment(s, pageId, 'minutes.docx')).toBeUndefined();
      expect(attachment(s, pageId, 'Budget.xlsx')).toBeUndefined();

      // The administrator reads the same on the configure page.
      await login(host, 'emu-alice');
      const configure = await configurePage(host);
      await expect(configure.getByTestId('licence-notice')).toContainText('Manage apps');
    }
  } finally {
    await emu(request, 'license', { state: 'active' });
    await install(request);
  }
  // Licensed again: no notice, and Carol edits.
  const pageId = await pageWithDocument(request, 'Licence active');
  await login(host, 'emu-carol');
  const { doc, editor } = await openDocument(host, pageId, 'report.docx');
  await expect(editor.locator('#ds-mode')).toHaveText('edit');
  await expect(doc.getByTestId('licence-notice')).toHaveCount(0);
});
