import { expect, test } from '@playwright/test';

test('the shell renders on the server, hydrates, and a click reaches the database', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Confluo' })).toBeVisible();
  // Set by the WASM bundle once hydration has finished.
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');

  const result = page.getByTestId('self-check-result');
  await page.getByTestId('self-check').click();
  await expect(result).toHaveText(/^Database OK \(sqlite\): \d+ checks? recorded, last at \d{4}-/);
  const first = Number((await result.textContent())?.match(/(\d+) check/)?.[1]);

  await page.getByTestId('self-check').click();
  await expect(result).toContainText(`${first + 1} checks recorded`);

  // A reload shows the server-rendered page again and the count persisted.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await page.getByTestId('self-check').click();
  await expect(result).toContainText(`${first + 2} checks recorded`);

  expect(errors).toEqual([]);
});

test('unknown paths get the not-found page with status 404', async ({ page }) => {
  const response = await page.goto('/no/such/screen');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('pages are rendered in the language the browser asks for, and say that they vary by it', async ({ request }) => {
  const french = await request.get('/no/such/screen', { headers: { 'Accept-Language': 'fr-CH, fr;q=0.9, en;q=0.8' } });
  expect(french.status()).toBe(404);
  expect(french.headers()['vary']).toMatch(/accept-language/i);
  const html = await french.text();
  expect(html).toContain('<html lang="fr"');
  expect(html).toContain('Page introuvable');
  const fallback = await request.get('/no/such/screen', { headers: { 'Accept-Language': 'pt-BR' } });
  expect(await fallback.text()).toContain('Page not found');
});

test('a page gets only its own language\'s words, in a file kept for a year; the bundle carries none', async ({ browser, request }) => {
  const words: string[] = [];
  const context = await browser.newContext({ locale: 'fr-FR' });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('request', (req) => { if (new URL(req.url()).pathname.startsWith('/words/')) words.push(new URL(req.url()).pathname); });
    await page.goto('/no/such/screen');
    await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
    await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
    expect(words).toHaveLength(1);
    expect(words[0]).toMatch(/^\/words\/fr-[0-9a-f]{16}\.js$/);
    expect(await page.evaluate(() => (self as any).confluoWords?.lang)).toBe('fr');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
  const file = await request.get(words[0], { headers: { 'accept-encoding': 'gzip' } });
  expect(file.status()).toBe(200);
  expect(file.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(file.headers()['content-encoding']).toBe('gzip');
  const text = await file.text();
  expect(text).toContain('Page introuvable');
  expect(text).not.toContain('Seite nicht gefunden');
  const again = await request.get(words[0], { headers: { 'if-none-match': file.headers()['etag'] } });
  expect(again.status()).toBe(304);
  expect((await request.get('/words/fr-0000000000000000.js')).status()).toBe(404);
  // English texts are the keys: an English page loads no words file.
  const english = await (await request.get('/no/such/screen', { headers: { 'Accept-Language': 'en' } })).text();
  expect(english).not.toContain('/words/');
  // No language's words are in the WebAssembly bundle (its strings are UTF-8).
  const wasm = await (await request.get('/pkg/confluo.wasm')).body();
  for (const translated of ['Page introuvable', 'Seite nicht gefunden', 'Öffnen', 'Открыть', '開く']) {
    expect(wasm.includes(Buffer.from(translated, 'utf8')), translated).toBe(false);
  }
  expect(wasm.includes(Buffer.from('Page not found', 'utf8'))).toBe(true);
});

test('the health endpoint answers', async ({ request }) => {
  const res = await request.get('/healthz');
  expect(res.status()).toBe(200);
  expect(await res.text()).toBe('ok\n');
});

test('the bundle goes out precompressed as the browser asks, and is revalidated with 304', async ({ request }) => {
  const url = '/pkg/confluo.wasm';
  const plain = await request.get(url, { headers: { 'accept-encoding': 'identity' } });
  expect(plain.status()).toBe(200);
  expect(plain.headers()['content-encoding']).toBeUndefined();
  const size = Number(plain.headers()['content-length']);
  for (const encoding of ['br', 'gzip']) {
    const res = await request.get(url, { headers: { 'accept-encoding': encoding } });
    expect(res.status(), encoding).toBe(200);
    expect(res.headers()['content-encoding'], encoding).toBe(encoding);
    expect(Number(res.headers()['content-length']), `${encoding} is smaller`).toBeLessThan(size / 2);
    expect(res.headers()['vary'] ?? '', encoding).toMatch(/accept-encoding/i);
    expect(res.headers()['cache-control'], encoding).toBe('no-cache');
  }
  // Playwright decompresses: the body is the same module either way.
  const br = await request.get(url, { headers: { 'accept-encoding': 'br' } });
  expect((await br.body()).equals(await plain.body())).toBe(true);
  // Each encoding is its own file with its own date; asking again with it answers 304.
  for (const [encoding, res] of [['identity', plain], ['br', br]] as const) {
    const modified = res.headers()['last-modified'];
    expect(modified, encoding).toBeTruthy();
    const again = await request.get(url, { headers: { 'if-modified-since': modified, 'accept-encoding': encoding } });
    expect(again.status(), encoding).toBe(304);
    expect(again.headers()['cache-control'], encoding).toBe('no-cache');
  }
});
