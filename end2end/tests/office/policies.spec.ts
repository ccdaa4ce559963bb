// Editing options and policies: in-place ODF, size limits, view-only spaces, groups and labels, guests, licences.
// Every test starts from a fresh site: the emulator and the Document Server
// stand-in reset, Confluo installed and pointed at the stand-in.
import { APP, APP_KEY, EMU, appFrame, contextToken, emu, expect, fixtureContent, install, pageWithDocument, state, test } from '../confluence';
import { aliceAndCarol, attachment, configurePage, ds, editingOptions, expectDropped, login, openDocument, openDocumentPage, saveOptions, setListOption, siteWithStandIn, versions } from '../office';

test.beforeEach(async ({ request }) => {
  await siteWithStandIn(request);
});

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
