// The Document Server's callbacks: forged, retried, failed and conflicting saves.
// Every test starts from a fresh site: the emulator and the Document Server
// stand-in reset, Confluo installed and pointed at the stand-in.
import { APP, emu, expect, pageWithDocument, state, test } from '../confluence';
import { DS, SECRET, attachment, configurePage, ds, login, made, openDocument, siteWithStandIn, versions } from '../office';

test.beforeEach(async ({ request }) => {
  await siteWithStandIn(request);
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
