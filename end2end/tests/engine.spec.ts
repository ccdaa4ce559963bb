// Real documents through Confluence emulator → Confluo → the Document Server stand-in running
// ONLYOFFICE's own engine (x2t converts, Document Builder applies what is typed): the files
// Confluence ends up storing are read back with the engine and must hold the text put in.
import type { APIRequestContext, Browser } from '@playwright/test';
import { APP, APP_KEY, contextToken, emu, expect, fixture, fixtureContent, hostRoutes, state, test } from './confluence';
import { ds, login, openDocument, siteWithStandIn, stored, versions } from './office';

test.beforeAll(async ({ request }) => {
  await siteWithStandIn(request);
});

/** A server function of Confluo's, called as `user` with a context token for `pageId`. */
async function asUser(request: APIRequestContext, path: string, form: Record<string, string>, user = 'emu-alice') {
  const { sharedSecret, clientKey } = (await state(request)).installations[APP_KEY];
  const token = contextToken(sharedSecret, clientKey, { sub: user, context: { confluence: { content: { id: form.page_id } } } });
  return request.post(`${APP}/api/${path}`, { headers: { authorization: `JWT ${token}` }, form });
}

/** Converts `file` on `pageId` as the converter button does (polling); the new attachment's name. */
async function convert(request: APIRequestContext, pageId: string, file: string): Promise<string> {
  for (let i = 0; i < 120; i++) {
    const res = await asUser(request, 'office/convert', { page_id: pageId, file_name: file });
    expect(res.status(), await res.text()).toBe(200);
    const step = await res.json();
    if (step.file_name) return step.file_name;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${file} did not finish converting`);
}

const MEDIA: Record<string, string> = {
  odt: 'application/vnd.oasis.opendocument.text',
  doc: 'application/msword',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  xls: 'application/vnd.ms-excel',
  odp: 'application/vnd.oasis.opendocument.presentation',
  ppt: 'application/vnd.ms-powerpoint',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

async function pageWith(request: APIRequestContext, title: string, files: [string, { content: string; encoding?: string }][]) {
  const page = await emu(request, 'pages', { title });
  for (const [fileName, content] of files) {
    await emu(request, 'attachments', { pageId: page.id, fileName, mediaType: MEDIA[fileName.split('.').pop()!], ...content, as: 'emu-alice' });
  }
  return page.id as string;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

test('ODT, DOC, ODS, XLS, ODP and PPT convert to valid OOXML that holds their text and numbers', async ({ request }) => {
  for (const [source, target, part, expected] of [
    ['minutes.odt', 'minutes.docx', 'word/document.xml', ['Minutes of the harbour committee']],
    ['minutes.doc', 'minutes.docx', 'word/document.xml', ['Minutes of the harbour committee']],
    ['budget.ods', 'budget.xlsx', 'xl/sharedStrings.xml', ['Lighthouse repairs']],
    ['budget.xls', 'budget.xlsx', 'xl/sharedStrings.xml', ['Lighthouse repairs']],
    ['harbour.odp', 'harbour.pptx', 'ppt/slides/slide1.xml', ['Harbour plans for spring']],
    ['harbour.ppt', 'harbour.pptx', 'ppt/slides/slide1.xml', ['Harbour plans for spring']],
  ]) {
    const pageId = await pageWith(request, `Convert ${source}`, [[source as string, fixtureContent(source as string)]]);
    expect(await convert(request, pageId, source as string)).toBe(target);
    const converted = await stored(request, pageId, target as string);
    expect(converted.valid, `${target} from ${source} opens in the engine`).toBe(true);
    for (const text of expected) expect(converted.parts[part as string], `${part} of ${target} from ${source}`).toContain(text);
    if (target === 'budget.xlsx') {
      // The number stays a number in the sheet.
      expect(converted.parts['xl/worksheets/sheet1.xml']).toMatch(/<v>4217<\/v>/);
    }
  }
  const converted = (await ds(request, 'log')).filter((e: any) => e.kind === 'convert' && e.filetype);
  expect(converted.map((e: any) => `${e.filetype}>${e.outputtype}`)).toEqual(expect.arrayContaining(['odt>docx', 'doc>docx', 'ods>xlsx', 'xls>xlsx', 'odp>pptx', 'ppt>pptx']));
});

test('a sentence typed into a DOCX, a cell of an XLSX and a slide of a PPTX is in the version Confluence stores', async ({ host, request }) => {
  const pageId = await pageWith(request, 'Typing page', [
    ['report.docx', fixtureContent('report.docx')],
    ['budget.xlsx', fixtureContent('budget.xlsx')],
    ['deck.pptx', fixtureContent('deck.pptx')],
  ]);
  await login(host, 'emu-carol');
  for (const [file, app, part, sentence] of [
    ['report.docx', 'documenteditor', 'word/document.xml', 'Carol wrote this sentence in the report.'],
    ['budget.xlsx', 'spreadsheeteditor', 'xl/sharedStrings.xml', 'Carol filled this cell.'],
    ['deck.pptx', 'presentationeditor', 'ppt/slides/slide1.xml', 'Carol put this on the slide.'],
  ]) {
    const { editor } = await openDocument(host, pageId, file, app);
    await editor.locator('#ds-text').fill(sentence);
    await editor.locator('#ds-type').click();
    await editor.locator('#ds-close').click();
    await expect.poll(async () => (await versions(request, pageId, file)).length, { timeout: 30_000, message: file }).toBe(2);
    const saved = await stored(request, pageId, file);
    expect(saved.valid, `${file} as saved opens in the engine`).toBe(true);
    expect(saved.parts[part], `${part} of ${file}`).toContain(sentence);
    // What was there before is still there.
    const before = await stored(request, pageId, file, 1);
    const kept = file === 'report.docx' ? 'Report body' : file === 'budget.xlsx' ? 'Budget' : 'Deck of the harbour';
    expect(before.parts[part]).toContain(kept);
    expect(saved.parts[part]).toContain(kept);
  }
});

test('two people co-editing one DOCX: both sentences are in the one version saved', async ({ host, browser, request }) => {
  const pageId = await pageWith(request, 'Co-editing page', [['report.docx', fixtureContent('report.docx')]]);
  await login(host, 'emu-alice');
  const alice = await openDocument(host, pageId, 'report.docx');
  const other = await secondPerson(browser, 'emu-carol');
  const carol = await openDocument(other.page, pageId, 'report.docx');
  await expect(carol.editor.locator('#ds-users')).toHaveText('emu-alice,emu-carol');
  await alice.editor.locator('#ds-text').fill('Alice adds the tide tables.');
  await alice.editor.locator('#ds-type').click();
  await carol.editor.locator('#ds-text').fill('Carol adds the mooring fees.');
  await carol.editor.locator('#ds-type').click();
  await alice.editor.locator('#ds-close').click();
  await carol.editor.locator('#ds-close').click();
  await expect.poll(async () => (await versions(request, pageId, 'report.docx')).length, { timeout: 30_000 }).toBe(2);
  await new Promise((r) => setTimeout(r, 1000));
  expect(await versions(request, pageId, 'report.docx')).toHaveLength(2);
  const document = (await stored(request, pageId, 'report.docx')).parts['word/document.xml'];
  expect(document).toContain('Alice adds the tide tables.');
  expect(document).toContain('Carol adds the mooring fees.');
  expect(document.indexOf('Alice adds')).toBeLessThan(document.indexOf('Carol adds'));
  await other.context.close();
});

async function secondPerson(browser: Browser, user: string) {
  const context = await browser.newContext();
  await hostRoutes(context);
  const page = await context.newPage();
  await login(page, user);
  return { context, page };
}

test("Download as PDF gives a PDF whose page text is the document's text; a password-protected file is refused in words", async ({ request }) => {
  const pageId = await pageWith(request, 'Download page', [
    ['report.docx', fixtureContent('report.docx')],
    ['locked.docx', fixtureContent('locked.docx')],
  ]);
  const res = await asUser(request, 'office/download-as', { page_id: pageId, file_name: 'report.docx', target: 'pdf' });
  expect(res.status(), await res.text()).toBe(200);
  const address: string = await res.json();
  const pdf = await request.get(address);
  expect(pdf.status()).toBe(200);
  const body = await pdf.body();
  expect(body.subarray(0, 5).toString()).toBe('%PDF-');
  const read = await ds(request, 'inspect', { fileType: 'pdf', base64: body.toString('base64') });
  expect(read.kind).toBe('pdf');
  expect(squeeze(read.text)).toContain(squeeze('Report body'));
  expect(squeeze(read.text)).toContain(squeeze('quarter in numbers'));

  const locked = await asUser(request, 'office/download-as', { page_id: pageId, file_name: 'locked.docx', target: 'pdf' });
  expect(locked.status()).toBeGreaterThanOrEqual(400);
  expect(await locked.text()).toContain('the file is password-protected');
});

test("a damaged DOCX: the editor shows ONLYOFFICE's error, converting it says so in words, and nothing is stored", async ({ host, request }) => {
  // Each file cut off half way, as an interrupted upload leaves it.
  const half = (name: string) => {
    const whole = fixture(name);
    return { content: whole.subarray(0, Math.floor(whole.length / 2)).toString('base64'), encoding: 'base64' };
  };
  const pageId = await pageWith(request, 'Damaged page', [['broken.docx', half('report.docx')], ['broken.doc', half('minutes.doc')]]);
  await login(host, 'emu-carol');
  const { doc, editor } = await openDocument(host, pageId, 'broken.docx');
  await expect(editor.locator('#ds-error')).toHaveText('An error has occurred while opening the file.');
  await expect(doc.getByTestId('editor-error')).toContainText('An error has occurred while opening the file.');
  const failedOpen = (await ds(request, 'log')).filter((e: any) => e.kind === 'open-failed');
  expect(failedOpen.length).toBeGreaterThan(0);
  expect((await ds(request, 'sessions')).some((s: any) => s.title === 'broken.docx')).toBe(false);

  const res = await asUser(request, 'office/convert', { page_id: pageId, file_name: 'broken.doc' });
  let answer = await res.text();
  for (let i = 0; i < 40 && res.status() === 200 && !answer.includes('damaged'); i++) {
    await new Promise((r) => setTimeout(r, 250));
    const again = await asUser(request, 'office/convert', { page_id: pageId, file_name: 'broken.doc' });
    answer = await again.text();
    if (again.status() !== 200) break;
  }
  expect(answer).toContain('the file is damaged or its content cannot be converted');
  const s = await state(request);
  const onPage = s.attachments.filter((a: any) => a.pageId === pageId && a.status === 'current').map((a: any) => `${a.fileName}:${a.versions.length}`);
  expect(onPage.sort()).toEqual(['broken.doc:1', 'broken.docx:1']);
});
