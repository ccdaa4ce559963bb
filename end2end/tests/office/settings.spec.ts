// The configure page's Document Server settings: testing the connection, certificates, private addresses and the demo server.
// Every test starts from a fresh site: the emulator and the Document Server
// stand-in reset, Confluo installed and pointed at the stand-in.
import { APP, appFrame, emu, expect, fixtureContent, hostRoutes, pageWithDocument, state, test } from '../confluence';
import { DS, DS_TLS, SECRET, attachment, configurePage, demoSection, ds, login, openDocument, siteWithStandIn, stored, versions } from '../office';

test.beforeEach(async ({ request }) => {
  await siteWithStandIn(request);
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
