// Confluo in the language of a person's Confluence profile.
// Every test starts from a fresh site: the emulator and the Document Server
// stand-in reset, Confluo installed and pointed at the stand-in.
import { APP, APP_KEY, EMU, appFrame, contextToken, emu, expect, hostRoutes, pageWithDocument, state, test } from '../confluence';
import { attachment, dialogFromMacro, ds, editingOptions, login, openDocument, openDocumentPage, siteWithStandIn, stored } from '../office';

test.beforeEach(async ({ request }) => {
  await siteWithStandIn(request);
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
