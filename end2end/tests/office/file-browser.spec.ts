// The space's file browser.
// Every test starts from a fresh site: the emulator and the Document Server
// stand-in reset, Confluo installed and pointed at the stand-in.
import type { Page } from '@playwright/test';
import { APP_KEY, EMU, appFrame, emu, expect, fixtureContent, pageWithDocument, state, test } from '../confluence';
import { attachment, login, siteWithStandIn } from '../office';

test.beforeEach(async ({ request }) => {
  await siteWithStandIn(request);
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
