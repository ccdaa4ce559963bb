// What Confluo adds to a conversion: "Download as" of a large DOCX and of a 5,000-row XLSX,
// through Confluo's server function, the Document Server stand-in running ONLYOFFICE's x2t, and
// the download of the result, against the time x2t itself took (the stand-in logs it). Run by
// `cargo xtask bench`.
//
//   APP=http://127.0.0.1:3399 EMU=http://127.0.0.1:3499 DS=http://127.0.0.1:3498 RUNS=5 node bench/convert.mjs

import jwt from 'atlassian-jwt';

const APP = process.env.APP ?? 'http://127.0.0.1:3399';
const EMU = process.env.EMU ?? 'http://127.0.0.1:3499';
const DS = process.env.DS ?? 'http://127.0.0.1:3498';
const RUNS = Number(process.env.RUNS ?? '5');
const SECRET = 'standin-secret-0123456789';
const APP_KEY = 'io.confluo.confluence';

async function call(base, path, body) {
  const res = await fetch(`${base}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}
const emu = (path, body) => call(EMU, `/_emu/api/${path}`, body);
const ds = (path, body) => call(DS, `/_ds/api/${path}`, body);

/** A server function of Confluo's as the site administrator (form-encoded, context token). */
async function serverFn(path, form) {
  const { sharedSecret, clientKey } = (await emu('state')).installations[APP_KEY];
  const now = Math.floor(Date.now() / 1000);
  const token = jwt.encodeSymmetric({ iss: clientKey, sub: 'emu-alice', iat: now, exp: now + 300, qsh: 'context-qsh' }, sharedSecret);
  const res = await fetch(`${APP}/api/${path}`, { method: 'POST', headers: { authorization: `JWT ${token}`, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const install = await emu('install', {});
if (install.status !== 204) throw new Error(`install answered ${install.status}`);
await ds('reset', {});
await serverFn('document-server/save', { 'form[public_url]': DS, 'form[internal_url]': '', 'form[secret]': SECRET, 'form[clear_secret]': 'false', 'form[jwt_header]': 'Authorization', 'form[skip_certificate_check]': 'false' });
const page = await emu('pages', { title: 'Conversion bench' });

// Paragraphs of made-up words (a fixed seed), so the DOCX does not shrink to nothing in its zip.
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const word = () => Array.from({ length: 3 + Math.floor(random() * 6) }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
const paragraphs = Array.from({ length: Number(process.env.PARAGRAPHS ?? '135000') }, () => Array.from({ length: 20 }, word).join(' '));
const cases = [
  { name: 'large.docx', media: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', make: { fileType: 'docx', texts: paragraphs }, target: 'odt' },
  { name: 'rows.xlsx', media: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', make: { fileType: 'xlsx', texts: Array.from({ length: 5000 }, (_, i) => [`line ${i + 1}`, word(), word(), String(Math.floor(random() * 1e6)), String(i * 3), word()].join('\t')) }, target: 'ods' },
];

const rows = [];
for (const c of cases) {
  const { base64 } = await ds('make', c.make);
  const size = Buffer.from(base64, 'base64').length;
  const flows = [];
  const engines = [];
  for (let run = 0; run < RUNS; run++) {
    // A new version each run: a new conversion key, so nothing comes from the Document Server's cache.
    await emu('attachments', { pageId: page.id, fileName: c.name, mediaType: c.media, content: base64, encoding: 'base64', as: 'emu-alice' });
    const start = performance.now();
    const address = await serverFn('office/download-as', { page_id: page.id, file_name: c.name, target: c.target });
    const result = await fetch(address);
    const bytes = (await result.arrayBuffer()).byteLength;
    const flow = performance.now() - start;
    if (!result.ok || bytes === 0) throw new Error(`${c.name}: the converted file could not be downloaded`);
    const done = (await ds('log')).filter((e) => e.kind === 'convert-done' && e.filetype === c.make.fileType).pop();
    flows.push(flow);
    engines.push(done.engineMs);
  }
  const flow = median(flows);
  const engineMs = median(engines);
  rows.push({ file: `${c.name} → ${c.target}`, size: `${(size / 1e6).toFixed(2)} MB`, engine: engineMs, flow, overhead: ((flow - engineMs) / engineMs) * 100 });
}

console.log(`\nconversions through Confluo (median of ${RUNS} runs each)`);
console.log('| conversion | source | x2t alone | through Confluo | Confluo\'s share |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.file} | ${r.size} | ${r.engine.toFixed(0)} ms | ${r.flow.toFixed(0)} ms | ${r.overhead.toFixed(1)} % |`);
