// Opening, editing and co-editing documents, and what the editor can do.
// Every test starts from a fresh site: the emulator and the Document Server
// stand-in reset, Confluo installed and pointed at the stand-in.
import type { Frame } from '@playwright/test';
import { APP, APP_KEY, EMU, appFrame, emu, expect, fixture, hostRoutes, pageWithDocument, state, test } from '../confluence';
import { DS, aliceAndCarol, attachment, dialogFromMacro, ds, expectDropped, login, made, openDocument, siteWithStandIn, versions } from '../office';

test.beforeEach(async ({ request }) => {
  await siteWithStandIn(request);
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
