// How long a Confluence viewer waits for the document macro: from the host page's navigation to
// the macro iframe hydrated and showing the attachment, in headless Chromium, through the local
// emulator. Also reports the size of the WASM bundle browsers download. Run by `cargo xtask bench`.
//
//   APP=http://127.0.0.1:3399 EMU=http://127.0.0.1:3499 RUNS=15 node bench/macro-ready.mjs

import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { hostRoutes } from '../host-routes.cjs';

const APP = process.env.APP ?? 'http://127.0.0.1:3399';
const EMU = process.env.EMU ?? 'http://127.0.0.1:3499';
const RUNS = Number(process.env.RUNS ?? '15');
const WASM = process.env.WASM ?? join(import.meta.dirname, '..', '..', 'target', 'site', 'pkg', 'confluo.wasm');

async function waitHealthy(url) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within 60 s`);
}

async function emu(path, body) {
  const res = await fetch(`${EMU}/_emu/api/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

const wasm = readFileSync(WASM);
const brotli = brotliCompressSync(wasm, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log(`release WASM: ${wasm.length} bytes raw, ${brotli} bytes brotli (quality 11)`);

await waitHealthy(`${APP}/healthz`);
await waitHealthy(`${EMU}/_emu/health`);
const install = await emu('install', {});
if (install.status !== 204) throw new Error(`install answered ${install.status}`);
const page = await emu('pages', { title: 'Bench', macros: [{ id: 'bench', key: 'office-document', params: { attachment: 'report.docx' }, body: '' }] });
await emu('attachments', { pageId: page.id, fileName: 'report.docx', content: 'PK bench', as: 'emu-alice' });

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
async function once(context) {
  const tab = await context.newPage();
  const start = Date.now();
  await tab.goto(`${EMU}/wiki/spaces/DEMO/pages/${page.id}`);
  let frame;
  while (!(frame = tab.frames().find((f) => f.url().startsWith(`${APP}/macro/document?`)))) await tab.waitForTimeout(5);
  await frame.waitForSelector('html[data-hydrated="true"] [data-testid="doc-title"]');
  const ms = Date.now() - start;
  await tab.close();
  return ms;
}
const routed = new WeakSet();
async function series(label, fresh) {
  const times = [];
  let shared;
  for (let i = 0; i < RUNS + 1; i += 1) {
    const context = fresh || !shared ? await browser.newContext() : shared;
    if (!fresh) shared = context;
    if (fresh || !routed.has(context)) {
      await hostRoutes(context);
      routed.add(context);
    }
    const ms = await once(context);
    if (i > 0) times.push(ms); // the first run warms the server
    if (fresh) await context.close();
  }
  if (shared) await shared.close();
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const p90 = times[Math.min(times.length - 1, Math.floor(times.length * 0.9))];
  console.log(`${label}: median ${median} ms, p90 ${p90} ms, min ${times[0]} ms over ${times.length} runs`);
}
await series('host page load to interactive macro, empty browser cache', true);
await series('host page load to interactive macro, warm browser cache', false);
await browser.close();
