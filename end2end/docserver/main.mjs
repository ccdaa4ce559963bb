#!/usr/bin/env node
// A Document Server stand-in for tests: the ONLYOFFICE Docs protocol as Confluo meets it —
// api.js and an editor iframe, JWT checks (browser, inbox, outbox), file downloads with the
// outbox header token, editing sessions keyed by document key with callbacks (statuses 1, 2,
// 4, 6, and 3/7 on demand, body and header tokens, retries on 5xx), conversions (async with
// percent), commands, the health check, and a request log tests can read. Loopback only.
// Files are real: ONLYOFFICE's own converter (x2t) opens and converts them, and its Document
// Builder applies what is typed in the placeholder editor (engine.mjs).
import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sign, requestClaims, verify } from './jwt.mjs';
import * as engine from './engine.mjs';

try {
  engine.installed();
} catch (err) {
  console.error(`Document Server stand-in: ${err.message}`);
  process.exit(1);
}

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const port = Number(arg('port', '3298'));
// The same server over https with a self-signed certificate (tls/, made for these tests only),
// for the settings' certificate-verification switch.
const tlsPort = Number(arg('tls-port', String(port + 100)));
const quiet = process.argv.includes('--quiet');
// A listener on another loopback address that must never be reached: `redirect: true` sends
// the health check and every hosted file there, as a Document Server gone rogue would.
const trapPort = Number(arg('trap-port', String(port + 200)));
const TRAP = `http://127.0.0.2:${trapPort}`;
let trapHits = 0;
const KEY_RE = /^[0-9A-Za-z._=-]{1,128}$/;
const EXT_RE = /^[a-z0-9]{1,8}$/;
const MAX_DOWNLOAD = 100 * 1024 * 1024;

// ONLYOFFICE's public demo server signs with these published credentials; `--demo` (and the
// config control's `demo: true`) makes the stand-in play it.
const DEMO = { secret: 'sn2puSUF7muF5Jas', header: 'AuthorizationJWT' };

const defaults = () => ({
  secret: arg('secret', 'standin-secret-0123456789'),
  header: 'Authorization',
  version: '9.3.0.123',
  health: 'true', // 'true' | 'false' | '500'
  browserJwt: true,
  inboxJwt: true,
  outboxJwt: true,
  saveDelayMs: 300,
  retryBaseMs: 1000,
  convertSteps: 2, // polls before a conversion is done
  convertError: 0, // e.g. -3 to fail conversions
  // Where the history's changes archive is fetched from: 'server' (current releases, with the
  // header token) or 'browser' (older ones: from the editor's page, no token, cross-origin).
  changesFrom: 'server',
  redirect: false,
  ...(process.argv.includes('--demo') ? DEMO : {}),
});
let config = defaults();
let sessions = new Map();
let files = new Map();
let conversions = new Map();
let log = [];
let fileCounter = 0;

const record = (entry) => {
  log.push({ at: new Date().toISOString(), ...entry });
  if (!quiet) console.log(JSON.stringify(entry).slice(0, 300));
};
const send = (res, status, body, type = 'application/json') => {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(type === 'application/json' ? JSON.stringify(body) : body);
};
const readBody = (req) => new Promise((resolve) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => resolve(Buffer.concat(chunks)));
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const jsonOf = (buf) => { try { return buf.length ? JSON.parse(buf.toString()) : {}; } catch { return null; } };
const deepEqual = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** Downloads `url` as the Document Server does: header token, 200/206 only, 3 attempts, size cap. */
async function download(url, signed) {
  const headers = {};
  if (config.outboxJwt && config.secret && signed) headers[config.header] = `Bearer ${sign({ payload: { url } }, config.secret)}`;
  let last = '';
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const r = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(120_000) });
      const data = Buffer.from(await r.arrayBuffer());
      record({ dir: 'out', kind: 'download', url: url.replace(/([?&]token=)[^&]+/, '$1…'), status: r.status, sentToken: !!headers[config.header], size: data.length });
      if (r.status === 200 || r.status === 206) {
        if (data.length > MAX_DOWNLOAD) throw Object.assign(new Error('file too large'), { tooLarge: true });
        return data;
      }
      last = `HTTP ${r.status}`;
      if (r.status >= 400 && r.status < 500) break;
    } catch (err) {
      if (err.tooLarge) throw err;
      last = String(err.message ?? err);
    }
    if (attempt < 3) await sleep(1000);
  }
  throw new Error(`download failed: ${last}`);
}

/** Hosts `data` as a cache file for 15 minutes; its URL on the address the browser used. */
function host(base, key, ext, name, data) {
  fileCounter += 1;
  const expires = Math.floor(Date.now() / 1000) + 900;
  const path = `/cache/files/data/${key}_${fileCounter}/output.${ext}/${encodeURIComponent(name)}`;
  const md5 = createHash('md5').update(path + expires).digest('base64url');
  files.set(path, { data, expires });
  return `${base}${path}?md5=${md5}&expires=${expires}`;
}

/** Posts a callback as the Document Server does: body token and header token; status 2 retried. */
async function callback(session, url, body, { retry = false } = {}) {
  const fields = { key: session.key, ...body };
  const payload = { ...fields };
  const headers = { 'content-type': 'application/json' };
  if (config.secret) {
    payload.token = sign(fields, config.secret);
    headers[config.header] = `Bearer ${sign({ payload: fields }, config.secret)}`;
  }
  const attempts = retry ? 4 : 1;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let status = 0;
    let text = '';
    try {
      const r = await fetch(url, { method: 'POST', headers, body: JSON.stringify(payload), signal: AbortSignal.timeout(600_000) });
      status = r.status;
      text = await r.text();
    } catch (err) {
      text = String(err.message ?? err);
    }
    let error;
    try { error = JSON.parse(text).error; } catch { error = undefined; }
    const ok = (status === 200 || status === 204) && (status === 204 || error === 0);
    record({ dir: 'out', kind: 'callback', key: session.key, status: fields.status, attempt, responseStatus: status, responseError: error, ok });
    if (ok) return true;
    const retryable = status === 0 || status === 429 || status >= 500;
    if (!retryable || attempt === attempts) break;
    await sleep(config.retryBaseMs * 2 ** (attempt - 1));
  }
  if (fields.status === 1) session.warning = 'The document could not be saved. Please check connection settings or contact your administrator.';
  if (fields.status === 2) session.forgotten = true;
  return false;
}

function checkConfigToken(cfg) {
  if (!(config.browserJwt && config.secret)) return null;
  const token = cfg.token ?? cfg.document?.token;
  if (!token) return 'The document security token is not correctly formed.';
  let claims;
  try { claims = verify(token, config.secret); } catch (err) {
    return err.message === 'token expired' ? 'The document security token has expired.' : 'The document security token is not correctly formed.';
  }
  const d = claims.document ?? {};
  const e = claims.editorConfig ?? {};
  if (d.key !== cfg.document.key || d.url !== cfg.document.url) return 'The document security token is not correctly formed.';
  if (cfg.document.permissions && !deepEqual(d.permissions, cfg.document.permissions)) return 'The document security token is not correctly formed.';
  if (cfg.editorConfig?.callbackUrl && e.callbackUrl !== cfg.editorConfig.callbackUrl) return 'The document security token is not correctly formed.';
  if ((cfg.editorConfig?.mode ?? 'edit') !== 'view' && e.mode !== cfg.editorConfig.mode) return 'The document security token is not correctly formed.';
  return null;
}

/** `setHistoryData` from the page: checks its token as the real editor does, then fetches the version. */
async function historyData(body) {
  const d = body.data ?? {};
  if (d.error) return { ok: false, message: d.error };
  if (config.browserJwt && config.secret) {
    let claims;
    try { claims = verify(d.token ?? '', config.secret); } catch (err) { return { ok: false, message: 'The document security token is not correctly formed.' }; }
    if (claims.url !== d.url || claims.key !== d.key || claims.version !== d.version) return { ok: false, message: 'The document security token is not correctly formed.' };
    if (claims.changesUrl !== d.changesUrl || claims.previous?.url !== d.previous?.url) return { ok: false, message: 'The document security token is not correctly formed.' };
  }
  if (!KEY_RE.test(d.key ?? '')) return { ok: false, message: 'Invalid document key' };
  try {
    const data = await download(d.url, !!config.secret);
    // With changes: the archive and the previous version, then the editor highlights what
    // changed. Older releases fetch the archive from the browser, which needs CORS.
    let changes = null;
    let cors = null;
    if (d.changesUrl && config.changesFrom === 'browser') {
      const r = await fetch(d.changesUrl, { headers: { origin: body.origin ?? '' } });
      cors = r.headers.get('access-control-allow-origin');
      if (!r.ok) return { ok: false, message: `The changes could not be loaded (HTTP ${r.status}).` };
      if (cors !== body.origin) return { ok: false, message: 'The changes could not be loaded (blocked by CORS).' };
      changes = (await r.arrayBuffer()).byteLength;
    } else if (d.changesUrl) {
      try {
        changes = (await download(d.changesUrl, !!config.secret)).length;
      } catch (err) {
        return { ok: false, message: `The changes could not be loaded (${err.message}).` };
      }
    }
    if (d.changesUrl) {
      if (!KEY_RE.test(d.previous?.key ?? '')) return { ok: false, message: 'Invalid document key' };
      await download(d.previous.url, !!config.secret);
    }
    record({ dir: 'in', kind: 'history', version: d.version, key: d.key, size: data.length, changes, cors, previousKey: d.previous?.key ?? null });
    // The version's text as the editor would show it, read by the engine.
    const fileType = EXT_RE.test(d.fileType ?? '') ? d.fileType : sessions.get(body.key)?.fileType ?? 'docx';
    const text = (await engine.inspect(data, fileType)).text?.replace(/\s+/g, ' ').trim().slice(0, 120) ?? '';
    return { ok: true, version: d.version, size: data.length, text, changes };
  } catch (err) {
    return { ok: false, message: 'Download failed.' };
  }
}

async function open(req, body) {
  const cfg = body.config;
  const key = cfg?.document?.key;
  if (!KEY_RE.test(key ?? '')) return { error: true, code: -7, message: 'Invalid document key' };
  const tokenError = checkConfigToken(cfg);
  if (tokenError) return { error: true, code: -20, message: tokenError };
  let session = sessions.get(key);
  if (session?.saved) return { error: true, event: 'onRequestRefreshFile', code: -1, message: 'The file version has been changed. The page will be reloaded.' };
  if (!session) {
    let data;
    try {
      data = await download(cfg.document.url, !!config.secret);
    } catch (err) {
      return { error: true, code: -4, message: err.tooLarge ? 'The file size exceeds the limitation' : 'Download failed.' };
    }
    // The Document Server's first step on open: its converter reads the file.
    if (!EXT_RE.test(cfg.document.fileType ?? '') || !(await engine.opens(data, cfg.document.fileType))) {
      record({ dir: 'in', kind: 'open-failed', key, fileType: cfg.document.fileType });
      return { error: true, code: -82, message: 'An error has occurred while opening the file.' };
    }
    session = { key, data, fileType: cfg.document.fileType, title: cfg.document.title, users: new Map(), edits: [], dirty: false, changedSinceForcesave: false, lastEditor: null, saved: false, base: `${req.socket.encrypted ? "https" : "http"}://${req.headers.host}` };
    sessions.set(key, session);
  }
  const user = cfg.editorConfig?.user ?? {};
  const perms = cfg.document.permissions ?? {};
  // A PDF is a form when the integration says so, or else when the file carries the form entry.
  const form = cfg.document.fileType === 'oform'
    || (cfg.documentType === 'pdf' && (typeof cfg.document.isForm === 'boolean' ? cfg.document.isForm : isForm(session.data)));
  // As the real editor: edit:false with fillForms:true in edit mode fills in the form's fields.
  const mode = cfg.editorConfig?.mode === 'view' ? 'view'
    : perms.edit === false ? (perms.fillForms === true && form ? 'fill' : 'view')
    : 'edit';
  if (mode === 'edit' || mode === 'fill') {
    session.users.set(user.id, { callbackUrl: cfg.editorConfig.callbackUrl, name: user.name });
    session.openedWith = session.openedWith ?? cfg;
    await callback(session, cfg.editorConfig.callbackUrl, { status: 1, users: [...session.users.keys()], actions: [{ type: 1, userid: user.id }] });
  }
  return { key, mode, form, users: [...session.users.keys()], size: session.data.length, warning: session.warning };
}

async function leave(body) {
  const session = sessions.get(body.key);
  if (!session || !session.users.has(body.userId)) return { ok: false };
  const leaving = session.users.get(body.userId);
  session.users.delete(body.userId);
  if (session.users.size > 0) {
    await callback(session, leaving.callbackUrl, { status: 1, users: [...session.users.keys()], actions: [{ type: 0, userid: body.userId }] });
    return { ok: true };
  }
  if (!session.dirty) {
    await callback(session, leaving.callbackUrl, { status: 4, actions: [{ type: 0, userid: body.userId }] });
    sessions.delete(session.key);
    return { ok: true };
  }
  // The last one left with changes: assemble after the save delay, then status 2.
  setTimeout(() => saveSession(session, 2), config.saveDelayMs);
  return { ok: true };
}

/** The document as the Document Server assembles it: every typed edit applied to the real file. */
async function assemble(session) {
  if (session.assembled?.count === session.edits.length) return session.assembled;
  const out = await engine.applyEdits(session.data, session.fileType, session.edits);
  session.assembled = { count: session.edits.length, ...out };
  return session.assembled;
}

async function saveSession(session, status, extra = {}) {
  const editor = session.lastEditor;
  const { data, fileType } = await assemble(session);
  const url = host(session.base, session.key, fileType, session.title, data);
  const created = new Date().toISOString().replace('T', ' ').slice(0, 19);
  const changesurl = host(session.base, session.key, 'zip', 'changes.zip', await engine.changesArchive(session.edits.map((e) => ({ created, ...e }))));
  const target = session.editors?.[editor] ?? session.lastCallbackUrl;
  const body = {
    status,
    url,
    filetype: fileType,
    changesurl,
    history: { serverVersion: config.version, changes: [{ created, user: { id: editor, name: session.lastEditorName } }] },
    users: [editor],
    actions: [{ type: 0, userid: editor }],
    lastsave: new Date().toISOString(),
    // As the real server: the final save says whether anything changed since the last forced one.
    notmodified: status === 2 && !session.changedSinceForcesave,
    ...extra,
  };
  if (status === 6) session.changedSinceForcesave = false;
  const ok = await callback(session, target, body, { retry: status === 2 });
  if (status === 2) {
    session.saved = true;
    session.delivered = ok;
  }
  if (session.duplicate && status === 2) {
    // A redelivery of the same save, as after a Document Server restart.
    await callback(session, target, body, { retry: true });
  }
}

async function command(body, headerValue) {
  let fields = body;
  if (config.inboxJwt && config.secret) {
    try {
      fields = requestClaims(body, headerValue, config.secret);
    } catch (err) {
      return { error: err.message === 'token expired' ? 7 : 6 };
    }
    if (!fields) return { error: 6 };
  }
  // What the command said once its token is verified (the plain body may be only `token`).
  record({ dir: 'in', kind: 'command-fields', c: fields.c, key: fields.key, users: fields.users });
  const session = fields.key ? sessions.get(fields.key) : undefined;
  switch (fields.c) {
    case 'version':
      return { error: 0, version: config.version };
    case 'license':
      return { error: 0, license: { end_date: null, trial: false, connections: 20, users_count: 0 }, server: { resultType: 3, packageType: 0, buildVersion: config.version } };
    case 'info':
      if (!session) return { error: 1, key: fields.key };
      return { error: 0, key: fields.key, users: [...session.users.keys()] };
    case 'drop':
      if (!session) return { error: 1, key: fields.key };
      for (const id of fields.users ?? [...session.users.keys()]) session.users.delete(id);
      return { error: 0, key: fields.key };
    case 'forcesave':
      if (!session) return { error: 1, key: fields.key };
      if (!session.changedSinceForcesave) return { error: 4, key: fields.key };
      setTimeout(() => saveSession(session, 6, { forcesavetype: 0 }), 10);
      return { error: 0, key: fields.key };
    case 'meta':
      if (!session) return { error: 1, key: fields.key };
      session.title = fields.meta?.title ?? session.title;
      return { error: 0, key: fields.key };
    case 'getForgottenList':
      return { error: 0, keys: [...sessions.values()].filter((s) => s.forgotten).map((s) => s.key) };
    case 'getForgotten':
      // The result kept after the final callback failed, hosted like any result file.
      if (!session || !session.forgotten) return { error: 1, key: fields.key };
      {
        const { data, fileType } = await assemble(session);
        return { error: 0, key: fields.key, url: host(session.base, session.key, fileType, session.title, data) };
      }
    case 'deleteForgotten':
      if (!session || !session.forgotten) return { error: 1, key: fields.key };
      session.forgotten = false;
      record({ dir: 'in', kind: 'deleteForgotten', key: fields.key });
      return { error: 0, key: fields.key };
    default:
      return { error: 5 };
  }
}

// The comment line the converter writes after the header, and the first object that opens right
// after it; a form's first object carries the ONLYOFFICEFORM entry ahead of its stream.
const FORM_MARK = '%\xcd\xca\xd2\xa9\r';
const FIRST_OBJECT = '1 0 obj\n<<\n';

/** The Document Server's own test for a PDF form, on the file's first 300 bytes. */
function isForm(data) {
  const head = data.subarray(0, 300).toString('latin1');
  const at = head.indexOf(FORM_MARK);
  if (at < 0) return false;
  const first = head.slice(at + FORM_MARK.length);
  if (!first.startsWith(FIRST_OBJECT)) return false;
  const meta = first.indexOf('ONLYOFFICEFORM');
  const stream = first.indexOf('stream\r\n');
  return meta >= 0 && stream >= 0 && meta < stream;
}

// A file the editor was handed by a method (insertImage, setRequestedDocument …): the method's
// own token is checked against its URL, then the file is downloaded as for opening.
async function linked(body) {
  const d = body.data ?? {};
  if (d.error) return { ok: false, message: d.error };
  const url = d.url ?? d.images?.[0]?.url;
  if (config.browserJwt && config.secret) {
    let claims;
    try { claims = verify(d.token ?? '', config.secret); } catch (err) { return { ok: false, message: 'The document security token is not correctly formed.' }; }
    if ((claims.url ?? claims.images?.[0]?.url) !== url) return { ok: false, message: 'The document security token is not correctly formed.' };
  }
  try {
    const data = await download(url, !!config.secret);
    const fileType = d.fileType ?? d.images?.[0]?.fileType;
    record({ dir: 'in', kind: 'linked', command: body.command, c: d.c ?? null, fileType, size: data.length, path: d.path ?? null, referenceData: d.referenceData ?? null, key: d.key ?? null });
    return { ok: true, command: body.command, fileType, size: data.length };
  } catch (err) {
    return { ok: false, message: 'Download failed.' };
  }
}

async function convert(req, body, headerValue) {
  let fields = body;
  if (config.inboxJwt && config.secret) {
    try {
      fields = requestClaims(body, headerValue, config.secret);
    } catch {
      return { error: -8 };
    }
    if (!fields) return { error: -8 };
  }
  if (!KEY_RE.test(fields.key ?? '') || !fields.url || !EXT_RE.test(fields.filetype ?? '') || !EXT_RE.test(fields.outputtype ?? '')) return { error: -7 };
  if (config.convertError) return { error: config.convertError };
  const family = engine.familyOf(fields.filetype);
  // Since 7.0 the family names stand for the family's default format.
  const outputtype = fields.outputtype === 'ooxml' ? { cell: 'xlsx', slide: 'pptx' }[family] ?? 'docx'
    : fields.outputtype === 'odf' ? { cell: 'ods', slide: 'odp' }[family] ?? 'odt'
    : fields.outputtype;
  const id = `${fields.key}:${outputtype}`;
  let job = conversions.get(id);
  if (!job) {
    let data;
    try {
      data = await download(fields.url, !!config.secret);
    } catch (err) {
      return { error: err.tooLarge ? -10 : -4 };
    }
    record({ dir: 'in', kind: 'convert', filetype: fields.filetype, outputtype, pdf: fields.pdf ?? null });
    job = { polls: 0, title: fields.title ?? `output.${outputtype}`, done: null };
    // The converter runs beside the polls, as the Document Server's converter service does.
    const started = Date.now();
    job.running = engine.convert(data, fields.filetype, outputtype, { password: fields.password, form: fields.pdf?.form === true })
      .then((r) => {
        job.done = r;
        // How long the engine itself took, so benchmarks can tell Confluo's share from x2t's.
        record({ dir: 'in', kind: r.error ? 'convert-failed' : 'convert-done', key: fields.key, filetype: fields.filetype, outputtype, error: r.error, engineMs: Date.now() - started, size: data.length });
      });
    conversions.set(id, job);
  }
  job.polls += 1;
  if (fields.async && (job.polls <= config.convertSteps || !job.done)) {
    if (job.done?.error) return { error: job.done.error };
    return { endConvert: false, percent: Math.min(99, Math.round(((job.polls - 1) / config.convertSteps) * 100)) };
  }
  await job.running;
  if (job.done.error) return { error: job.done.error };
  job.url ??= host(`${req.socket.encrypted ? "https" : "http"}://${req.headers.host}`, fields.key, outputtype, job.title, job.done.data);
  return { endConvert: true, fileType: outputtype, fileUrl: job.url, percent: 100 };
}

const xml = (r) => r.error ? `<?xml version="1.0" encoding="utf-8"?><FileResult><Error>${r.error}</Error></FileResult>`
  : `<?xml version="1.0" encoding="utf-8"?><FileResult><FileUrl>${(r.fileUrl ?? '').replace(/&/g, '&amp;')}</FileUrl><FileType>${r.fileType ?? ''}</FileType><Percent>${r.percent}</Percent><EndConvert>${r.endConvert ? 'True' : 'False'}</EndConvert></FileResult>`;

const handle = async (req, res) => {
  const url = new URL(req.url, `${req.socket.encrypted ? "https" : "http"}://${req.headers.host}`);
  const p = url.pathname;
  const raw = await readBody(req);
  const headerValue = req.headers[config.header.toLowerCase()];
  try {
    if (config.redirect && (p === '/healthcheck' || p.startsWith('/cache/files/data/'))) {
      record({ dir: 'in', kind: 'redirected', path: p });
      res.writeHead(302, { location: `${TRAP}${req.url}` });
      return res.end();
    }
    if (p === '/healthcheck') {
      record({ dir: 'in', kind: 'healthcheck' });
      if (config.health === '500') return send(res, 500, 'error', 'text/plain');
      return send(res, 200, config.health, 'text/plain');
    }
    if (p === '/web-apps/apps/api/documents/api.js') {
      const js = readFileSync(join(here, 'api.js'), 'utf8').replace('__VERSION__', config.version).replace('__ORIGIN__', `${req.socket.encrypted ? "https" : "http"}://${req.headers.host}`);
      return send(res, 200, js, 'text/javascript');
    }
    if (p === '/web-apps/apps/editor.js') return send(res, 200, readFileSync(join(here, 'editor.js')), 'text/javascript');
    if (/^\/web-apps\/apps\/[a-z]+editor\/(main|mobile|embed)\/index\.html$/.test(p)) return send(res, 200, readFileSync(join(here, 'editor.html')), 'text/html');
    if (p.startsWith('/cache/files/data/')) {
      const file = files.get(p);
      if (!file) return send(res, 404, 'not found', 'text/plain');
      if (Number(url.searchParams.get('expires')) !== file.expires || file.expires < Date.now() / 1000) return send(res, 403, 'expired', 'text/plain');
      return send(res, 200, file.data, 'application/octet-stream');
    }
    const body = jsonOf(raw);
    if (body === null) return send(res, 400, { error: 'invalid JSON' });
    if (p === '/command' || p === '/coauthoring/CommandService.ashx') {
      const out = await command(body, headerValue);
      record({ dir: 'in', kind: 'command', c: body.c ?? '(in token)', signedHeader: !!headerValue, signedBody: !!body.token, error: out.error });
      return send(res, 200, out);
    }
    if (p === '/converter' || p === '/ConvertService.ashx') {
      const out = await convert(req, body, headerValue);
      record({ dir: 'in', kind: 'convert', error: out.error, endConvert: out.endConvert, percent: out.percent });
      const wantsJson = p === '/converter' || (req.headers.accept ?? '').includes('application/json');
      return wantsJson ? send(res, 200, out) : send(res, 200, xml(out), 'application/xml');
    }
    // The editor iframe's channel (the real server uses a WebSocket).
    if (p === '/_ds/open') return send(res, 200, await open(req, body));
    if (p === '/_ds/edit' || p === '/_ds/forcesave') {
      const session = sessions.get(body.key);
      if (!session) return send(res, 404, { error: 'no session' });
      if (p === '/_ds/edit') {
        session.dirty = true;
        session.changedSinceForcesave = true;
        session.lastEditor = body.userId;
        session.lastEditorName = session.users.get(body.userId)?.name;
        const text = typeof body.text === 'string' && body.text.trim() ? body.text.slice(0, 2000) : `${session.lastEditorName ?? body.userId} typed this.`;
        session.edits.push({ user: body.userId, name: session.lastEditorName, text });
        session.editors = Object.fromEntries([...session.users].map(([id, u]) => [id, u.callbackUrl]));
        session.lastCallbackUrl = session.users.get(body.userId)?.callbackUrl;
      } else if (session.changedSinceForcesave) {
        // Like the real Save button: nothing to store when nothing changed since the last save.
        setTimeout(() => saveSession(session, 6, { forcesavetype: 1 }), 10);
      }
      return send(res, 200, { ok: true });
    }
    if (p === '/_ds/leave') return send(res, 200, await leave(body));
    if (p === '/_ds/history') return send(res, 200, await historyData(body));
    if (p === '/_ds/linked') return send(res, 200, await linked(body));
    if (p === '/_ds/save-as') {
      // "Save copy as": the document as it is now, hosted like any result file.
      const session = sessions.get(body.key);
      if (!session) return send(res, 404, { error: 'no session' });
      const { data, fileType } = session.dirty ? await assemble(session) : { data: session.data, fileType: session.fileType };
      return send(res, 200, { url: host(session.base, session.key, fileType, session.title, data), fileType, title: session.title });
    }
    if (p === '/_ds/method') {
      record({ dir: 'in', kind: 'method', command: body.command });
      return send(res, 200, { ok: true });
    }
    // Test controls.
    if (p === '/_ds/api/health') return send(res, 200, { ok: true });
    if (p === '/_ds/api/config' && req.method === 'POST') {
      config = { ...config, ...body, ...(body.demo ? DEMO : {}) };
      delete config.demo;
      return send(res, 200, config);
    }
    if (p === '/_ds/api/reset') {
      config = { ...defaults(), ...body };
      sessions = new Map();
      files = new Map();
      conversions = new Map();
      log = [];
      return send(res, 200, config);
    }
    if (p === '/_ds/api/log') return send(res, 200, log);
    // A real document holding `text`, made by the engine (fixtures for tests).
    if (p === '/_ds/api/make') {
      if (!EXT_RE.test(body.fileType ?? '')) return send(res, 400, { error: 'fileType' });
      const count = Math.min(Math.max(Number(body.count ?? 1) || 1, 1), 200_000);
      const text = Array.isArray(body.texts) ? body.texts.slice(0, 200_000) : String(body.text ?? '');
      return send(res, 200, { base64: (await engine.make(body.fileType, text, count)).toString('base64') });
    }
    // What a test reads of a file: its text parts, its text, whether the engine opens it.
    if (p === '/_ds/api/inspect') {
      if (!EXT_RE.test(body.fileType ?? '')) return send(res, 400, { error: 'fileType' });
      return send(res, 200, await engine.inspect(Buffer.from(body.base64 ?? '', 'base64'), body.fileType));
    }
    if (p === '/_ds/api/trap') return send(res, 200, { url: TRAP, hits: trapHits });
    if (p === '/_ds/api/sessions') {
      return send(res, 200, [...sessions.values()].map((s) => ({ key: s.key, title: s.title, users: [...s.users.keys()], callbackUrls: [...s.users.values()].map((u) => u.callbackUrl), dirty: s.dirty, saved: s.saved, delivered: s.delivered, forgotten: !!s.forgotten })));
    }
    if (p === '/_ds/api/duplicate') {
      const session = sessions.get(body.key);
      if (!session) return send(res, 404, { error: 'no session' });
      session.duplicate = true;
      return send(res, 200, { ok: true });
    }
    if (p === '/_ds/api/forged-callback') {
      // A callback to `url` signed with `secret` (tests of our refusal).
      const fields = { key: body.key, status: body.status ?? 2, url: body.fileUrl ?? 'http://127.0.0.1:1/x', users: body.users ?? ['emu-alice'] };
      const headers = { 'content-type': 'application/json' };
      const payload = { ...fields };
      if (body.secret) {
        payload.token = sign(fields, body.secret);
        headers[config.header] = `Bearer ${sign({ payload: fields }, body.secret)}`;
      }
      const r = await fetch(body.url, { method: 'POST', headers, body: JSON.stringify(payload) });
      return send(res, 200, { status: r.status, body: await r.text() });
    }
    return send(res, 404, { error: `not served: ${req.method} ${p}` });
  } catch (err) {
    record({ dir: 'in', kind: 'crash', path: p, error: String(err) });
    return send(res, 500, { error: String(err) });
  }
};
const server = createServer(handle);
const tls = { key: readFileSync(join(here, 'tls', 'key.pem')), cert: readFileSync(join(here, 'tls', 'cert.pem')) };
createTlsServer(tls, handle).listen(tlsPort, '127.0.0.1');

createServer((req, res) => {
  trapHits += 1;
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('internal secret');
}).listen(trapPort, '127.0.0.2');

server.listen(port, '127.0.0.1', () => {
  if (!quiet) console.log(`Document Server stand-in on http://127.0.0.1:${port} (secret ${randomBytes(0).toString('hex') || 'configured'})`);
});
