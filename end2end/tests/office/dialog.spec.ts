// The attachments dialog: converting, creating documents, and the macro hearing of them.
// Every test starts from a fresh site: the emulator and the Document Server
// stand-in reset, Confluo installed and pointed at the stand-in.
import { EMU, appFrame, emu, expect, fixtureContent, pageWithDocument, state, test } from '../confluence';
import { attachment, dialogFromMacro, ds, login, openDocument, siteWithStandIn, versions } from '../office';

test.beforeEach(async ({ request }) => {
  await siteWithStandIn(request);
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
