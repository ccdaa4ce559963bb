// Version history: listing, opening older versions, restoring, and changes highlighted.
// Every test starts from a fresh site: the emulator and the Document Server
// stand-in reset, Confluo installed and pointed at the stand-in.
import { APP, emu, expect, pageWithDocument, state, test } from '../confluence';
import { DS, ds, login, made, openDocument, siteWithStandIn, versions } from '../office';

test.beforeEach(async ({ request }) => {
  await siteWithStandIn(request);
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
