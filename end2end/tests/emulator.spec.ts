// Confluo inside the local Confluence emulator (Atlassian's connect-host.js and all.js): install,
// the document macro, its editor, the attachments dialog, the configure page, webhooks, and the
// refusals after an uninstall.
import * as jwt from 'atlassian-jwt';
import { APP, APP_KEY, EMU, appFrame, contextToken, emu, expect, fixture, install, pageWithDocument, state, test } from './confluence';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  await emu(request, 'reset', {});
  await install(request);
});

test('install: the signed lifecycle is accepted and the descriptor declares our modules', async ({ request }) => {
  const s = await state(request);
  const calls = s.lifecycle.map((l: any) => `${l.event}:${l.status}`);
  expect(calls.slice(-2)).toEqual(['installed:204', 'enabled:204']);
  expect(s.installations[APP_KEY].installed).toBe(true);
  const descriptor = await (await request.get(`${APP}/atlassian-connect.json`)).json();
  expect(descriptor.modules.dynamicContentMacros[0].key).toBe('office-document');
  expect(descriptor.modules.configurePage.key).toBe('configure');
});

test('an install that is not signed by the install key is refused', async ({ request }) => {
  for (const signing of ['none', 'hs256', 'wrong-key', 'wrong-aud']) {
    const out = await emu(request, 'install', { signing, clientKey: 'emu-intruder' });
    expect(out.status, `install signed with ${signing}`).toBe(401);
  }
});

test('the document macro renders, hydrates, reads through AP.request and asks the server with a context token', async ({ host, request }, testInfo) => {
  const pageId = await pageWithDocument(request, 'Macro page');
  await host.goto(`${EMU}/wiki/spaces/DEMO/pages/${pageId}`);
  const frame = await appFrame(host, '/macro/document');
  await expect(frame.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await expect(frame.getByTestId('doc-title')).toHaveText('report.docx');
  await expect(frame.getByTestId('doc-kind')).toHaveText('Document');
  await expect(frame.getByTestId('doc-size')).toHaveText(`${(fixture('report.docx').length / 1024).toFixed(1)} KB`);
  await expect(frame.getByTestId('doc-version')).toHaveText('1');
  // The server function answered from what the attachment_created webhook recorded.
  await expect(frame.getByTestId('doc-activity')).toHaveText('Confluence reported: attached, version 1.');

  const requests = await host.evaluate(() => (window as any).EMU.requests);
  expect(requests).toContainEqual(expect.objectContaining({ url: `/rest/api/content/${pageId}/child/attachment?filename=report.docx`, status: 200 }));
  // The iframe URL carried what Confluence adds, and the page answered with frame-ancestors.
  const url = new URL(frame.url());
  for (const p of ['xdm_e', 'xdm_c', 'cp', 'lic', 'cv', 'jwt']) expect(url.searchParams.has(p), p).toBe(true);
  const direct = await request.get(frame.url());
  expect(direct.status()).toBe(200);
  const policies = (response: typeof direct) =>
    response.headersArray().filter((h) => h.name.toLowerCase() === 'content-security-policy').map((h) => h.value);
  expect(policies(direct)).toContain(`frame-ancestors ${EMU}`);
  // Scripts run only from the app, all.js's CDN, and tags carrying this response's nonce.
  const scripts = policies(direct).find((p) => p.startsWith('script-src'))!;
  expect(scripts).toContain("'self'");
  expect(scripts).toContain('https://connect-cdn.atl-paas.net');
  expect(scripts).not.toContain('unsafe-inline');
  const nonce = scripts.match(/'nonce-([^']+)'/)![1];
  const tags = (await direct.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
  const again = await request.get(frame.url());
  expect(policies(again).find((p) => p.startsWith('script-src'))).not.toContain(nonce);

  await host.screenshot({ path: testInfo.outputPath('emulator-page-with-macro.png'), fullPage: true });
});

test('a webhook is delivered and acted on: a new version shows in the macro', async ({ host, request }) => {
  const pageId = await pageWithDocument(request, 'Webhook page');
  await emu(request, 'attachments', { pageId, fileName: 'report.docx', content: 'PK second version', as: 'emu-carol', comment: 'edited' });
  const s = await state(request);
  const delivered = s.deliveries.filter((d: any) => d.event === 'attachment_updated');
  expect(delivered.at(-1).status).toBe(204);
  await host.goto(`${EMU}/wiki/spaces/DEMO/pages/${pageId}`);
  const frame = await appFrame(host, '/macro/document');
  await expect(frame.getByTestId('doc-version')).toHaveText('2');
  await expect(frame.getByTestId('doc-activity')).toHaveText('Confluence reported: updated, version 2.');
});

test('server functions refuse missing, forged, expired and URL-bound tokens', async ({ request }) => {
  const s = await state(request);
  const { sharedSecret, clientKey } = s.installations[APP_KEY];
  const report = s.attachments.find((a: any) => a.pageId === '1001' && a.fileName === 'report.docx');
  const call = (authorization?: string, attachment = report.id) =>
    request.post(`${APP}/api/attachments/activity`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(authorization ? { authorization } : {}) },
      data: `page_id=1001&attachment_id=${attachment}`,
    });
  const good = await call(`JWT ${contextToken(sharedSecret, clientKey)}`);
  expect(good.status()).toBe(200);
  // A good token reads only attachments of the page it names.
  const elsewhere = await pageWithDocument(request, 'Elsewhere page');
  const other = (await state(request)).attachments.find((a: any) => a.pageId === elsewhere);
  const foreign = await call(`JWT ${contextToken(sharedSecret, clientKey)}`, other.id);
  expect(foreign.status()).toBe(403);
  const now = Math.floor(Date.now() / 1000);
  const cases: [string, string | undefined, RegExp][] = [
    ['missing', undefined, /token/i],
    ['forged', `JWT ${contextToken('not-the-shared-secret-at-all', clientKey)}`, /signature/i],
    ['expired', `JWT ${contextToken(sharedSecret, clientKey, { iat: now - 600, exp: now - 300 })}`, /expired/i],
    ['url-bound', `JWT ${contextToken(sharedSecret, clientKey, { qsh: jwt.createQueryStringHash(jwt.fromMethodAndUrl('POST', `${APP}/api/attachments/activity`), false, APP) })}`, /only context tokens/i],
    ['unknown site', `JWT ${contextToken(sharedSecret, 'emu-nobody')}`, /tenant|issuer|install/i],
  ];
  for (const [name, authorization, reason] of cases) {
    const res = await call(authorization);
    expect(res.status(), name).toBe(401);
    // One typed error: the status again and the sentence a person reads, nothing to pick apart.
    const error = await res.json();
    expect(error.status, name).toBe(401);
    expect(error.message, name).toMatch(reason);
  }
});

test('the attachments dialog opens from the macro, and Submit hands the choice back to it', async ({ host, request }) => {
  const pageId = await pageWithDocument(request, 'Dialog page');
  await host.goto(`${EMU}/wiki/spaces/DEMO/pages/${pageId}`);
  const macro = await appFrame(host, '/macro/document');
  await expect(macro.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await macro.getByTestId('choose-document').click();
  const dialog = await appFrame(host, '/dialog/attachments');
  await expect(dialog.getByTestId('attachment-option')).toHaveCount(3);
  // The macro's document is preselected from the dialog's customData.
  await expect(dialog.getByLabel('report.docx')).toBeChecked();
  const submit = host.locator('.aui-dialog2 button', { hasText: 'Choose' });
  // The list works from the keyboard: focus the current file, arrow down to the next.
  await dialog.getByLabel('report.docx').focus();
  await dialog.locator('body').press('ArrowDown');
  await expect(dialog.getByLabel('budget.xlsx')).toBeChecked();
  await expect(submit).not.toHaveAttribute('aria-disabled', 'true');
  await submit.click();
  await expect(macro.getByTestId('dialog-choice')).toHaveText('Chosen in the dialog: budget.xlsx');
});

test('the page action opens the same dialog from the "…" menu', async ({ host, request }) => {
  const pageId = await pageWithDocument(request, 'Action page');
  await host.goto(`${EMU}/wiki/spaces/DEMO/pages/${pageId}`);
  await host.getByTitle('More actions').click();
  await host.getByRole('link', { name: 'Office documents', exact: true }).click();
  const dialog = await appFrame(host, '/dialog/attachments');
  await expect(dialog.getByTestId('attachment-option')).toHaveCount(3);
  // Nothing is preselected here, and the bridge being up does not enable Submit without a choice.
  await expect(dialog.locator('input[type=radio]:checked')).toHaveCount(0);
  const submit = host.locator('.aui-dialog2 button', { hasText: 'Choose' });
  await expect(submit).toHaveAttribute('aria-disabled', 'true');
  await dialog.getByLabel('notes.txt').check();
  await expect(submit).not.toHaveAttribute('aria-disabled', 'true');
});

test('the macro editor saves the chosen attachment into the macro', async ({ host, request }) => {
  const pageId = await pageWithDocument(request, 'Editor page');
  await host.goto(`${EMU}/wiki/spaces/DEMO/pages/${pageId}`);
  // The macro resizes its frame once it has loaded, which moves the button below it: wait.
  const shown = await appFrame(host, '/macro/document');
  await expect(shown.getByTestId('doc-title')).toHaveText('report.docx');
  await expect(shown.getByTestId('doc-activity')).toHaveText(/reported/);
  await host.getByRole('button', { name: 'Edit macro' }).click();
  const editor = await appFrame(host, '/macro/document-editor');
  // The current parameter is preselected.
  await expect(editor.getByLabel('report.docx')).toBeChecked();
  await expect(editor.getByTestId('macro-caption')).toHaveValue('');
  await editor.getByLabel('budget.xlsx').check();
  await editor.getByTestId('macro-caption').fill('Figures signed off in March');
  await editor.getByTestId('macro-save').click();
  await expect.poll(async () => (await state(request)).pages.find((p: any) => p.id === pageId).macros[0].params).toEqual({ attachment: 'budget.xlsx' });
  // The caption is the macro's body (saveMacro's second argument).
  expect((await state(request)).pages.find((p: any) => p.id === pageId).macros[0].body).toBe('Figures signed off in March');
  // The page re-renders the macro with its new parameter and reads its body back.
  const macro = await appFrame(host, '/macro/document', 'attachment=budget.xlsx');
  await expect(macro.getByTestId('doc-title')).toHaveText('budget.xlsx');
  await expect(macro.getByTestId('doc-kind')).toHaveText('Spreadsheet');
  await expect(macro.getByTestId('doc-caption')).toHaveText('Figures signed off in March');
  // Editing again starts from the saved caption.
  await host.getByRole('button', { name: 'Edit macro' }).click();
  const again = await appFrame(host, '/macro/document-editor');
  await expect(again.getByTestId('macro-caption')).toHaveValue('Figures signed off in March');
  // Cancel closes the editor (AP.confluence.closeMacroEditor) and saves nothing.
  const pageVersion = (await state(request)).pages.find((p: any) => p.id === pageId).version;
  await again.getByRole('button', { name: 'Cancel' }).click();
  await expect(host.locator('#emu-macro-editor')).toHaveCount(0);
  expect((await state(request)).pages.find((p: any) => p.id === pageId).version).toBe(pageVersion);
});

test('opened outside Confluence (no all.js), a screen says so instead of waiting forever', async ({ browser, request }) => {
  const pageId = await pageWithDocument(request, 'Outside page');
  const { url } = await emu(request, 'iframe-url', {
    appKey: APP_KEY,
    key: 'office-document',
    context: { 'page.id': pageId, 'content.id': pageId, attachment: 'report.docx', 'macro.id': 'doc-1' },
  });
  const context = await browser.newContext();
  await context.route('https://connect-cdn.atl-paas.net/**', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await expect(page.getByTestId('doc-error')).toContainText('this page works only inside Confluence');
  await context.close();
});

test('in the editor preview the macro shows its document without navigation (AP.context.getContext)', async ({ host, request }) => {
  const pageId = await pageWithDocument(request, 'Preview page');
  await host.goto(`${EMU}/wiki/spaces/DEMO/pages/${pageId}?output=preview`);
  const macro = await appFrame(host, '/macro/document');
  await expect(macro.getByTestId('doc-title')).toHaveText('report.docx');
  await expect(macro.getByTestId('doc-preview-note')).toBeVisible();
  await expect(macro.getByTestId('open-document')).toBeHidden();
  // On the page itself the actions are there.
  await host.goto(`${EMU}/wiki/spaces/DEMO/pages/${pageId}`);
  const shown = await appFrame(host, '/macro/document');
  await expect(shown.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await expect(shown.getByTestId('open-document')).toBeVisible();
  await expect(shown.getByTestId('doc-preview-note')).toBeHidden();
});

test('the configure page validates, saves per site, keeps the secret write-only and reloads', async ({ host }) => {
  await host.goto(`${EMU}/wiki/plugins/servlet/ac/${APP_KEY}/configure`);
  const frame = await appFrame(host, '/admin/settings');
  await expect(frame.getByTestId('settings-state')).toHaveText('Not configured yet.');
  await frame.getByTestId('public-url').fill('docs.example.com');
  await frame.getByTestId('secret').fill('short');
  await frame.getByTestId('settings-save').click();
  await expect(frame.getByText('The address must start with https:// or http://')).toBeVisible();
  await expect(frame.getByText('The secret must be at least 16 characters long')).toBeVisible();

  await frame.getByTestId('public-url').fill('https://docs.example.com/');
  await frame.getByTestId('secret').fill('a-very-secret-document-server-key');
  await frame.getByTestId('settings-save').click();
  await expect(frame.getByTestId('settings-result')).toHaveText('Settings saved.');
  await expect(frame.getByTestId('settings-state')).toHaveText('Saved. Secret: set.');

  await host.reload();
  const again = await appFrame(host, '/admin/settings');
  await expect(again.getByTestId('settings-state')).toHaveText('Saved. Secret: set.');
  await expect(again.getByTestId('public-url')).toHaveValue('https://docs.example.com/');
  await expect(again.getByTestId('secret')).toHaveValue('');
});

test('only administrators may save settings, even with a valid token', async ({ request }) => {
  const s = await state(request);
  const { sharedSecret, clientKey } = s.installations[APP_KEY];
  const res = await request.post(`${APP}/api/document-server/save`, {
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `JWT ${contextToken(sharedSecret, clientKey, { sub: 'emu-bob' })}` },
    data: 'form[public_url]=https://evil.example/&form[internal_url]=&form[secret]=&form[clear_secret]=false&form[jwt_header]=Authorization',
  });
  expect(res.status()).toBe(403);
  expect(await res.json()).toEqual({ status: 403, message: 'Only site administrators may change Confluo\'s settings.' });
});

test('after uninstall every iframe and server call is refused; a reinstall with a new secret works again', async ({ host, request }) => {
  const pageId = await pageWithDocument(request, 'Lifecycle page');
  await host.goto(`${EMU}/wiki/spaces/DEMO/pages/${pageId}`);
  const oldUrl = (await appFrame(host, '/macro/document')).url();
  const before = (await state(request)).installations[APP_KEY];

  const out = await emu(request, 'uninstall', {});
  expect(out.disabled).toBe(204);
  expect(out.status).toBe(204);
  const refused = await request.get(oldUrl);
  expect(refused.status()).toBe(401);
  const call = await request.post(`${APP}/api/attachments/activity`, {
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `JWT ${contextToken(before.sharedSecret, before.clientKey)}` },
    data: 'page_id=1001&attachment_id=att1',
  });
  expect(call.status()).toBe(401);

  await install(request);
  const after = (await state(request)).installations[APP_KEY];
  expect(after.sharedSecret).not.toBe(before.sharedSecret);
  expect(after.clientKey).toBe(before.clientKey);
  // URLs signed with the old secret stay refused; new ones work.
  expect((await request.get(oldUrl)).status()).toBe(401);
  await host.reload();
  const frame = await appFrame(host, '/macro/document');
  await expect(frame.getByTestId('doc-title')).toHaveText('report.docx');
});

test('attachment bytes as on Confluence Cloud: the servlet path refuses app tokens, the REST endpoint redirects to a media service whose tokens expire and are taken once', async ({ request }) => {
  const pageId = await pageWithDocument(request, 'Download page');
  const s = await state(request);
  const inst = s.installations[APP_KEY];
  const att = s.attachments.find((a: any) => a.pageId === pageId && a.fileName === 'report.docx');
  const asApp = (path: string) => {
    const now = Math.floor(Date.now() / 1000);
    const qsh = jwt.createQueryStringHash(jwt.fromMethodAndUrl('GET', `/wiki${path}`), false, inst.baseUrl);
    const token = jwt.encodeSymmetric({ iss: APP_KEY, iat: now, exp: now + 60, qsh }, inst.sharedSecret);
    return request.get(`${EMU}/wiki${path}`, { headers: { authorization: `JWT ${token}` }, maxRedirects: 0 });
  };

  const legacy = await asApp(`/download/attachments/${pageId}/report.docx?version=1`);
  expect(legacy.status()).toBe(401);
  expect((await legacy.json()).message).toContain('/child/attachment/');

  const rest = await asApp(`/rest/api/content/${pageId}/child/attachment/${att.id}/download?version=1`);
  expect(rest.status()).toBe(302);
  const location = new URL(rest.headers()['location']);
  expect(location.origin).not.toBe(EMU);
  expect(location.searchParams.get('token')).toBeTruthy();
  const bytes = await request.get(location.toString());
  expect(bytes.status()).toBe(200);
  expect(Buffer.compare(await bytes.body(), fixture('report.docx'))).toBe(0);
  expect((await request.get(location.toString())).status(), 'a media token is taken once').toBe(401);
  const foreign = new URL(location);
  foreign.pathname = foreign.pathname.replace(att.id, 'att-other');
  expect((await request.get(foreign.toString())).status(), 'a token names one file').toBe(401);

  await emu(request, 'media', { ttlSecs: 0 });
  const late = await asApp(`/rest/api/content/${pageId}/child/attachment/${att.id}/download?version=1`);
  expect((await request.get(late.headers()['location'])).status(), 'an expired media token').toBe(401);
  await emu(request, 'media', { ttlSecs: 60 });
  expect((await asApp(`/rest/api/content/${pageId}/child/attachment/${att.id}/download?version=9`)).status()).toBe(404);
});

test('a removed document says so, and a failing Confluence call is shown and flagged in the host', async ({ host, request }) => {
  const pageId = await pageWithDocument(request, 'Removed page');
  const att = (await state(request)).attachments.find((a: any) => a.pageId === pageId && a.fileName === 'report.docx');
  const removed = await request.delete(`${EMU}/wiki/rest/api/content/${att.id}`, { headers: { cookie: 'emu_user=emu-alice' } });
  expect(removed.status()).toBe(204);
  await host.goto(`${EMU}/wiki/spaces/DEMO/pages/${pageId}`);
  const macro = await appFrame(host, '/macro/document');
  await expect(macro.getByTestId('doc-error')).toHaveText('report.docx is no longer attached to this page.');

  const broken = await pageWithDocument(request, 'Broken page');
  await emu(request, 'fail', { pathPrefix: `/rest/api/content/${broken}/child/attachment`, status: 500, message: 'Confluence is having a bad day' });
  await host.goto(`${EMU}/wiki/spaces/DEMO/pages/${broken}`);
  const failing = await appFrame(host, '/macro/document');
  await expect(failing.getByTestId('doc-error')).toContainText('Confluence is having a bad day');
  await expect(failing.getByTestId('doc-error')).toContainText('HTTP 500');
  await expect(host.locator('.aui-flag')).toContainText('Cannot read the attachment');
});

test('the macro follows the host into dark mode through AP.theming', async ({ host, request }) => {
  const pageId = await pageWithDocument(request, 'Dark page');
  await host.goto(`${EMU}/wiki/spaces/DEMO/pages/${pageId}?theme=dark`);
  const macro = await appFrame(host, '/macro/document');
  await expect(macro.locator('html')).toHaveAttribute('data-color-mode', 'dark');
  // The design tokens switch: the dark surface colour (#1d2125).
  await expect(macro.locator('body')).toHaveCSS('background-color', 'rgb(29, 33, 37)');

  await host.goto(`${EMU}/wiki/spaces/DEMO/pages/${pageId}`);
  const light = await appFrame(host, '/macro/document');
  await expect(light.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await expect(light.locator('html')).not.toHaveAttribute('data-color-mode', 'dark');
  await expect(light.locator('body')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
});

test('Open goes to the document page through AP.navigator with custom data, and back', async ({ host, request }) => {
  const pageId = await pageWithDocument(request, 'Navigation page');
  await host.goto(`${EMU}/wiki/spaces/DEMO/pages/${pageId}`);
  const macro = await appFrame(host, '/macro/document');
  await expect(macro.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await macro.getByTestId('open-document').click();
  await expect(host).toHaveURL(new RegExp(`/wiki/plugins/servlet/ac/${APP_KEY}/document-view\\?`));
  const opened = new URL(host.url());
  expect(opened.searchParams.get('ac.pageId')).toBe(pageId);
  expect(opened.searchParams.get('ac.attachment')).toBe('report.docx');
  const page = await appFrame(host, '/documents/view', 'ac.attachment=report.docx');
  await expect(page.getByTestId('doc-title')).toHaveText('report.docx');
  // The site's Document Server (docs.example.com, set above) is out of reach from here.
  await expect(page.getByTestId('editor-error')).toContainText('ONLYOFFICE cannot be reached');
  // A link to share, from where the host says the page is (AP.navigator.getLocation).
  await page.getByTestId('share-link').click();
  const link = new URL(await page.getByTestId('share-url').inputValue());
  expect(link.pathname).toBe(`/wiki/plugins/servlet/ac/${APP_KEY}/document-view`);
  expect(link.searchParams.get('ac.attachment')).toBe('report.docx');
  expect(link.searchParams.get('ac.pageId')).toBe(pageId);
  await page.getByTestId('back-to-page').click();
  await expect(host).toHaveURL(`${EMU}/wiki/spaces/DEMO/pages/${pageId}`);
  await expect((await appFrame(host, '/macro/document')).getByTestId('doc-title')).toHaveText('report.docx');
});
