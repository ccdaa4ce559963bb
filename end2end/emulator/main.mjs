#!/usr/bin/env node
// The local Confluence emulator: a host page on Atlassian's atlassian-connect-js and AUI, the
// lifecycle driver, the REST subset and webhooks. Listens on 127.0.0.1 only.
//
//   node emulator/main.mjs --port 3299 --app http://127.0.0.1:3199 [--install]

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Model, USERS } from './model.mjs';
import { HttpError, Rest } from './rest.mjs';
import { Media } from './media.mjs';
import { Tenancy } from './tenancy.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, '..', 'node_modules');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const port = Number(arg('port', process.env.EMULATOR_PORT ?? '3299'));
const host = arg('host', '127.0.0.1');
const appUrl = arg('app', process.env.APP_BASE_URL ?? 'http://127.0.0.1:3199').replace(/\/$/, '');
const siteUrl = arg('site', `http://${host}:${port}`);
const quiet = process.argv.includes('--quiet');
// The largest request body taken (Confluence's attachment size limit is a site setting).
const maxBodyBytes = Number(arg('max-body-mb', '50')) * 1024 * 1024;
const log = (line) => {
  if (!quiet) console.log(`[emulator] ${line}`);
};

const model = new Model();
const tenancy = new Tenancy({ siteUrl, log });
// The media service downloads are redirected to: another origin, as in Confluence Cloud.
const media = new Media({ model, host, log });
const rest = new Rest({ model, tenancy, log, media });

const STATIC = {
  '/_emu/host/': join(here, 'host'),
  '/_emu/vendor/aui/': join(modules, '@atlassian/aui/dist/aui'),
  '/_emu/acjs/': join(modules, 'atlassian-connect-js/dist'),
  // The CDN files all.js loads, for pages that keep the production all.js tag.
  '/_emu/cdn/': join(modules, 'atlassian-connect-js/dist'),
};
const FILES = {
  '/_emu/vendor/jquery.js': join(modules, 'jquery/dist/jquery.js'),
  // The legacy all.js location; the path shape makes all.js read its data-options.
  '/atlassian-connect/all.js': join(modules, 'atlassian-connect-js/dist/iframe.js'),
  '/wiki/atlassian-connect/all.js': join(modules, 'atlassian-connect-js/dist/iframe.js'),
};
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.woff': 'font/woff', '.woff2': 'font/woff2', '.svg': 'image/svg+xml', '.png': 'image/png', '.gif': 'image/gif', '.map': 'application/json' };

function send(res, status, body, type = 'text/plain; charset=utf-8', headers = {}) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}
const json = (res, status, value) => send(res, status, JSON.stringify(value), 'application/json');

async function sendFile(res, file) {
  try {
    const data = await readFile(file);
    send(res, 200, data, TYPES[extname(file)] ?? 'application/octet-stream', { 'cache-control': 'max-age=3600' });
  } catch {
    send(res, 404, 'not found\n');
  }
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > maxBodyBytes) reject(new HttpError(413, 'Request body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

// The session of someone who logged out: pages in spaces open to anonymous access only.
const ANONYMOUS = 'anonymous';

function sessionCookie(req) {
  const m = /(?:^|;\s*)emu_user=([^;]+)/.exec(req.headers.cookie ?? '');
  return m ? decodeURIComponent(m[1]) : undefined;
}

/** The host page's user: Alice until someone else logs in; null when logged out. */
function sessionUser(req) {
  const id = sessionCookie(req) ?? 'emu-alice';
  if (id === ANONYMOUS) return null;
  return USERS[id] ? id : 'emu-alice';
}

/** Whom a REST call without Authorization is from: the session's user, or nobody (anonymous). */
function restUser(req) {
  return sessionCookie(req) === undefined ? null : sessionUser(req);
}

/** A host page; a browser's first visit is signed in as Alice (its AP.request calls too). */
function sendHost(req, res, boot, theme) {
  const cookie = sessionCookie(req) === undefined ? { 'set-cookie': 'emu_user=emu-alice; Path=/; SameSite=Lax' } : {};
  send(res, 200, hostPage(boot, theme), 'text/html; charset=utf-8', cookie);
}

/** The people a tester can sign in as. */
// What each person may do as the emulator starts; `POST permission` changes it until a reset.
const START_CAN_EDIT = Object.fromEntries(Object.values(USERS).map((u) => [u.accountId, u.canEdit]));
const userList = () => [
  ...Object.values(USERS).map((u) => ({ accountId: u.accountId, displayName: u.displayName })),
  { accountId: ANONYMOUS, displayName: 'Nobody (logged out)' },
];

function installed(appKey) {
  const inst = appKey ? tenancy.installation(appKey) : tenancy.firstInstalled();
  if (!inst || !inst.installed) throw new HttpError(409, 'The app is not installed');
  return inst;
}

/** Finds a module of the descriptor by key, with its module type. */
function findModule(descriptor, key) {
  const m = descriptor.modules ?? {};
  for (const [type, value] of Object.entries(m)) {
    const list = Array.isArray(value) ? value : [value];
    for (const mod of list) {
      if (mod && mod.key === key) return { type, mod };
    }
  }
  return undefined;
}

function publicState() {
  return {
    siteUrl,
    baseUrl: tenancy.baseUrl,
    clientKey: tenancy.clientKey,
    installations: Object.fromEntries(
      Object.entries(tenancy.installations).map(([k, i]) => [
        k,
        { clientKey: i.clientKey, sharedSecret: i.sharedSecret, baseUrl: i.baseUrl, installed: i.installed, enabled: i.enabled, appBaseUrl: i.descriptor.baseUrl },
      ]),
    ),
    lifecycle: tenancy.lifecycleLog,
    calls: rest.calls,
    grants: rest.grants,
    holds: rest.holds,
    deliveries: rest.deliveries,
    privacyReports: rest.privacyReports,
    media: { origin: media.origin, served: media.served, ttlSecs: media.ttlSecs },
    pages: Object.values(model.pages).map((p) => ({ id: p.id, title: p.title, version: p.version, macros: p.macros })),
    properties: model.properties,
    attachments: Object.values(model.attachments).map((a) => ({
      id: a.id,
      pageId: a.pageId,
      fileName: a.fileName,
      mediaType: a.mediaType,
      status: a.status,
      versions: a.versions.map((v) => ({ number: v.number, by: v.by, comment: v.comment, size: v.data.length, sha256: v.sha256 })),
    })),
  };
}

/** The emulator's own API: the host page's server half, and the test driver. */
async function emuApi(req, res, url, body) {
  const path = url.pathname.slice('/_emu/api/'.length);
  const input = body.length ? JSON.parse(body.toString()) : {};
  const user = sessionUser(req);
  switch (`${req.method} ${path}`) {
    case 'GET state':
      return json(res, 200, publicState());
    case 'POST fail':
      // The next `times` matching REST calls fail with `status` and `message`.
      rest.failures.push({ method: input.method, pathPrefix: input.pathPrefix ?? '/', status: input.status ?? 500, message: input.message ?? 'Injected failure', times: input.times ?? 1 });
      return json(res, 200, { failures: rest.failures });
    case 'POST hold':
      // The next `times` matching REST calls are carried out (unless `carryOut: false`), but never answered.
      rest.holds.push({ method: input.method, pathPrefix: input.pathPrefix ?? '/', times: input.times ?? 1, carryOut: input.carryOut !== false, held: 0 });
      return json(res, 200, { holds: rest.holds });
    case 'POST reset-faults':
      // Forgets the failures and holds not yet used up; everything else stays.
      rest.failures.length = 0;
      rest.holds.length = 0;
      return json(res, 200, { failures: rest.failures, holds: rest.holds });
    case 'POST permission':
      // Grants or revokes a person's permission to change pages (and their attachments).
      if (!USERS[input.accountId]) throw new HttpError(404, `No user ${input.accountId}`);
      USERS[input.accountId].canEdit = !!input.canEdit;
      return json(res, 200, { accountId: input.accountId, canEdit: USERS[input.accountId].canEdit });
    case 'POST users': {
      // Adds or changes a person (until a reset): their profile's locale (null: none), whether
      // they may edit pages and administer the site. The people the emulator starts with stay.
      const id = String(input.accountId ?? '');
      if (!/^[A-Za-z0-9:-]{1,128}$/.test(id) || id === ANONYMOUS) throw new HttpError(400, 'accountId is letters, digits, - and :');
      if (id in START_CAN_EDIT) throw new HttpError(409, `${id} is one of the emulator's own people`);
      USERS[id] = { accountId: id, displayName: String(input.displayName ?? id), admin: !!input.admin, canEdit: input.canEdit !== false, locale: input.locale ?? null };
      model.groups[id] = input.admin ? ['confluence-users', 'site-admins'] : ['confluence-users'];
      return json(res, 200, USERS[id]);
    }
    case 'POST groups': {
      // Sets the groups a person is in (the site keeps them until reset).
      if (!USERS[input.accountId]) throw new HttpError(404, `No user ${input.accountId}`);
      if (!Array.isArray(input.groups) || !input.groups.every((g) => typeof g === 'string' && g)) throw new HttpError(400, 'groups is a list of group names');
      model.groups[input.accountId] = [...input.groups];
      return json(res, 200, { accountId: input.accountId, groups: model.groups[input.accountId] });
    }
    case 'POST labels': {
      // Sets an attachment's labels (Confluence keeps them in lower case), with a webhook for
      // each label added or removed.
      const att = model.attachments[input.attachmentId];
      if (!att) throw new HttpError(404, `No attachment ${input.attachmentId}`);
      if (!Array.isArray(input.labels) || !input.labels.every((l) => typeof l === 'string' && /^[^\s,:;.?!#&()*<>@[\]^]+$/.test(l))) throw new HttpError(400, 'labels is a list of single words');
      const before = att.labels ?? [];
      att.labels = [...new Set(input.labels.map((l) => l.toLowerCase()))];
      for (const label of att.labels.filter((l) => !before.includes(l))) await rest.dispatchLabel('label_added', att, label, input.as ?? user);
      for (const label of before.filter((l) => !att.labels.includes(l))) await rest.dispatchLabel('label_removed', att, label, input.as ?? user);
      return json(res, 200, { attachmentId: att.id, labels: att.labels });
    }
    case 'POST license': {
      // The site's licence for the app: `active`, `expired` (a licence that is not active) or
      // `none` (never bought); iframes then carry `lic=active` or `lic=none`.
      const inst = installed(input.appKey);
      if (!['active', 'expired', 'none'].includes(input.state)) throw new HttpError(400, 'state is active, expired or none');
      inst.license = input.state;
      return json(res, 200, { appKey: inst.descriptor.key, license: inst.license });
    }
    case 'POST close-account':
      // The person closes their Atlassian account: the personal data API reports it closed.
      if (typeof input.accountId !== 'string' || !input.accountId) throw new HttpError(400, 'accountId is needed');
      model.closedAccounts.add(input.accountId);
      return json(res, 200, { closed: [...model.closedAccounts] });
    case 'POST media':
      // How long the media service's tokens last (0: every token has expired on arrival).
      if (!Number.isFinite(input.ttlSecs) || input.ttlSecs < 0) throw new HttpError(400, 'ttlSecs is a number of seconds');
      media.ttlSecs = input.ttlSecs;
      return json(res, 200, { ttlSecs: media.ttlSecs });
    case 'POST reset':
      for (const id of Object.keys(USERS)) if (!(id in START_CAN_EDIT)) delete USERS[id];
      for (const [id, canEdit] of Object.entries(START_CAN_EDIT)) USERS[id].canEdit = canEdit;
      model.reset();
      rest.failures.length = 0;
      rest.holds.length = 0;
      rest.calls.length = 0;
      rest.deliveries.length = 0;
      rest.privacyReports.length = 0;
      media.reset();
      return json(res, 200, publicState());
    case 'POST install':
      return json(res, 200, await tenancy.install(input.descriptorUrl ?? `${appUrl}/atlassian-connect.json`, input));
    case 'POST uninstall':
      return json(res, 200, await tenancy.uninstall(installed(input.appKey).descriptor.key));
    case 'POST enable':
    case 'POST disable': {
      const inst = tenancy.installation(input.appKey ?? tenancy.firstInstalled()?.descriptor.key);
      if (!inst) throw new HttpError(409, 'The app is not installed');
      return json(res, 200, { status: await tenancy.setEnabled(inst.descriptor.key, path === 'enable') });
    }
    case 'POST spaces': {
      // Creates or changes a space; `anonymous` opens it to people who are not logged in.
      const key = String(input.key ?? '');
      if (!/^[A-Z][A-Z0-9]*$/.test(key)) throw new HttpError(400, 'A space key is capital letters and digits');
      const space = (model.spaces[key] ??= { id: model.id(), key, name: input.name ?? key, anonymous: false });
      if (input.name) space.name = input.name;
      if (input.anonymous !== undefined) space.anonymous = !!input.anonymous;
      return json(res, 200, space);
    }
    case 'POST pages': {
      const page = model.createPage({ spaceKey: input.spaceKey ?? 'DEMO', title: input.title ?? 'Untitled', macros: input.macros });
      return json(res, 200, rest.pageJson(page));
    }
    case 'POST attachments': {
      // Seeds or updates an attachment as a user (default: the session user), dispatching webhooks.
      const by = input.as ?? user;
      const data = Buffer.from(input.content ?? '', input.encoding ?? 'utf8');
      const existing = model.attachmentByName(input.pageId, input.fileName);
      const att = existing
        ? model.addVersion(existing, { data, by, comment: input.comment, mediaType: input.mediaType })
        : model.addAttachment(input.pageId, { fileName: input.fileName, mediaType: input.mediaType, data, by, comment: input.comment });
      await rest.dispatch(existing ? 'attachment_updated' : 'attachment_created', att, by);
      return json(res, 200, rest.attachmentJson(att));
    }
    case 'GET attachment-data': {
      // One version's bytes (default: the newest), for tests that read what was stored.
      const att = model.attachmentByName(url.searchParams.get('pageId'), url.searchParams.get('fileName'));
      if (!att) throw new HttpError(404, 'No such attachment');
      const number = Number(url.searchParams.get('version') ?? att.versions.length);
      const version = att.versions.find((v) => v.number === number);
      if (!version) throw new HttpError(404, `No version ${number}`);
      return json(res, 200, { number, base64: version.data.toString('base64') });
    }
    case 'POST rename': {
      // Renames an attachment as Confluence's attachment properties do, with its webhook.
      const att = model.attachments[input.attachmentId];
      if (!att || att.status !== 'current') throw new HttpError(404, `No attachment ${input.attachmentId}`);
      att.fileName = input.fileName;
      await rest.dispatch('attachment_updated', att, input.as ?? user);
      return json(res, 200, rest.attachmentJson(att));
    }
    case 'GET page': {
      const page = model.page(url.searchParams.get('id'));
      if (!page) throw new HttpError(404, 'No such page');
      if (!user && !model.spaces[page.spaceKey]?.anonymous) throw new HttpError(401, 'Log in to see this page');
      const inst = tenancy.firstInstalled();
      return json(res, 200, {
        page: rest.pageJson(page),
        macros: page.macros,
        attachments: model.attachmentsOf(page.id).map((a) => rest.attachmentJson(a)),
        user: rest.userJson(user),
        users: userList(),
        app: inst && inst.enabled ? { key: inst.descriptor.key, name: inst.descriptor.name, modules: inst.descriptor.modules ?? {} } : null,
      });
    }
    case 'GET apps':
      return json(res, 200, {
        user: rest.userJson(user),
        users: userList(),
        apps: Object.values(tenancy.installations).map((i) => ({ key: i.descriptor.key, name: i.descriptor.name, installed: i.installed, enabled: i.enabled, modules: i.descriptor.modules ?? {} })),
        appUrl,
      });
    case 'POST iframe-url': {
      // The signed URL of one module instance, for the session user.
      const inst = installed(input.appKey);
      const found = findModule(inst.descriptor, input.key);
      if (!found) throw new HttpError(404, `The descriptor has no module ${input.key}`);
      const template = input.editor ? found.mod.editor?.url : found.mod.url;
      if (!template) throw new HttpError(404, `Module ${input.key} has no ${input.editor ? 'editor ' : ''}URL`);
      if (found.type === 'configurePage' || found.type === 'adminPages') {
        if (!USERS[user]?.admin) throw new HttpError(403, 'Only site administrators may open this page');
      }
      // Custom data from AP.navigator.go('addonModule') arrives as ac.* query parameters.
      const context = input.context ?? {};
      const query = Object.fromEntries(Object.entries(context).filter(([k]) => k.startsWith('ac.')));
      const url = tenancy.iframeUrl(inst, template, context, user, { moduleKey: input.key, query });
      return json(res, 200, { url, moduleType: found.type, options: found.mod.options ?? {} });
    }
    case 'POST context-token': {
      const inst = installed(input.appKey);
      const ctx = input.productContext ?? {};
      const context = {
        ...(user ? { user: { accountId: user } } : {}),
        confluence: {
          content: ctx['content.id'] ? { id: ctx['content.id'], type: 'page', version: ctx['content.version'] } : undefined,
          space: ctx['space.key'] ? { key: ctx['space.key'] } : undefined,
        },
      };
      return json(res, 200, { token: tenancy.contextToken(inst, user, context, input.lifetime) });
    }
    case 'POST macro': {
      const page = model.page(input.pageId);
      if (!page) throw new HttpError(404, 'No such page');
      if (!USERS[user]?.canEdit) throw new HttpError(403, `${USERS[user]?.displayName ?? 'Nobody'} may not edit this page`);
      const macro = model.saveMacro(page.id, { id: input.macroId, key: input.key, params: input.params ?? {}, body: input.body ?? '' });
      return json(res, 200, macro);
    }
    case 'POST static-macro': {
      // Confluence fetches a static macro server-to-server with a JWT and inlines the XHTML.
      const inst = installed(input.appKey);
      const found = findModule(inst.descriptor, input.key);
      if (!found) throw new HttpError(404, `No module ${input.key}`);
      const url = tenancy.iframeUrl(inst, found.mod.url, input.context ?? {}, user, { moduleKey: input.key });
      const clean = new URL(url);
      clean.searchParams.delete('jwt');
      const r = await fetch(clean, { headers: { authorization: tenancy.hostAuthorization(inst, 'GET', clean.toString(), user) } });
      return json(res, 200, { status: r.status, html: await r.text() });
    }
    default:
      throw new HttpError(404, `No emulator API ${req.method} ${path}`);
  }
}

/** The host page. `theme` (`light` or `dark`) sets the attributes ACJS reads the host's theme from. */
function hostPage(boot, theme = 'light') {
  const mode = theme === 'dark' ? 'dark' : 'light';
  return `<!DOCTYPE html>
<html lang="en" data-color-mode="${mode}" data-theme="dark:dark light:light spacing:spacing typography:typography">
<head>
<meta charset="utf-8">
<title>Confluence (local emulator)</title>
<link rel="stylesheet" href="/_emu/vendor/aui/aui-prototyping.css">
<link rel="stylesheet" href="/_emu/acjs/connect-host.css">
<link rel="stylesheet" href="/_emu/host/host.css">
<script src="/_emu/vendor/jquery.js"></script>
<script src="/_emu/vendor/aui/aui-prototyping.js"></script>
<script src="/_emu/acjs/connect-host.js"></script>
<script>window.EMU_BOOT = ${JSON.stringify(boot)};</script>
</head>
<body>
<header class="emu-header">
  <a class="emu-brand" href="/wiki/spaces/DEMO/pages/1001">Confluence <small>local emulator</small></a>
  <nav><a href="/wiki/plugins/servlet/upm" id="emu-manage-apps">Manage apps</a></nav>
  <label class="emu-user">Signed in as <select id="emu-user-select"></select></label>
</header>
<main id="emu-main" class="emu-main"><p class="emu-loading">Loading…</p></main>
<script src="/_emu/host/host.js"></script>
</body>
</html>`;
}

async function route(req, res) {
  const url = new URL(req.url, siteUrl);
  const p = url.pathname;
  if (p === '/_emu/health') return send(res, 200, 'ok\n');
  if (p.startsWith('/_emu/install-keys/')) {
    const pem = tenancy.publicKey(decodeURIComponent(p.slice('/_emu/install-keys/'.length)));
    return pem ? send(res, 200, pem, 'application/x-pem-file') : send(res, 404, 'no such key\n');
  }
  if (p === '/_emu/login') {
    const as = url.searchParams.get('as');
    if (!USERS[as] && as !== ANONYMOUS) throw new HttpError(400, `No user ${as}`);
    const next = url.searchParams.get('next') ?? '/';
    res.writeHead(302, { location: next.startsWith('/') ? next : '/', 'set-cookie': `emu_user=${as}; Path=/; SameSite=Lax` });
    return res.end();
  }
  if (FILES[p]) return sendFile(res, FILES[p]);
  for (const [prefix, dir] of Object.entries(STATIC)) {
    if (p.startsWith(prefix)) {
      const rel = normalize(decodeURIComponent(p.slice(prefix.length)));
      if (rel.startsWith('..')) return send(res, 400, 'bad path\n');
      return sendFile(res, join(dir, rel));
    }
  }
  const body = await readBody(req);
  if (p === '/_emu/oauth/oauth2/token' && req.method === 'POST') {
    return json(res, 200, rest.token(new URLSearchParams(body.toString())));
  }
  if (p.startsWith('/_emu/api/')) return emuApi(req, res, url, body);
  if (p === '/' || p === '/wiki' || p === '/wiki/') {
    res.writeHead(302, { location: '/wiki/spaces/DEMO/pages/1001' });
    return res.end();
  }
  let m;
  if ((m = p.match(/^\/wiki\/spaces\/([^/]+)\/pages\/(\d+)(?:\/.*)?$/)) && req.method === 'GET') {
    return sendHost(req, res, { view: 'page', spaceKey: m[1], pageId: m[2], siteUrl }, url.searchParams.get('theme'));
  }
  if ((m = p.match(/^\/wiki\/plugins\/servlet\/ac\/([^/]+)\/([^/]+)$/)) && req.method === 'GET') {
    // Custom data (ac.*) and, for links from a space's sidebar, the space.
    const context = Object.fromEntries([...url.searchParams].filter(([k]) => k.startsWith('ac.') || k === 'space.key'));
    return sendHost(req, res, { view: 'module', appKey: m[1], key: m[2], context, siteUrl }, url.searchParams.get('theme'));
  }
  if (p === '/wiki/plugins/servlet/upm' && req.method === 'GET') {
    return sendHost(req, res, { view: 'apps', siteUrl }, url.searchParams.get('theme'));
  }
  if (p.startsWith('/wiki/')) {
    const path = p.replace(/^\/wiki/, '');
    const hold = rest.holds.find((h) => h.times > 0 && (!h.method || h.method === req.method) && path.startsWith(h.pathPrefix));
    if (hold) hold.times -= 1;
    // A held call is carried out (unless `carryOut` is false) but never answered: the caller
    // cannot tell whether it landed.
    const result = hold?.carryOut === false ? undefined : await rest.handle(req, url, body, req.headers.authorization ? undefined : restUser(req));
    if (hold) {
      hold.held += 1;
      return;
    }
    if (result.location !== undefined) {
      res.writeHead(result.status, { location: result.location, 'cache-control': 'no-store' });
      return res.end();
    }
    if (result.json !== undefined) return json(res, result.status, result.json);
    return send(res, result.status, result.body, result.type);
  }
  throw new HttpError(404, `Nothing at ${p}`);
}

/** Puts one instance of each dynamic macro on the demo page; attachment parameters name its first file. */
function seedDemoMacros(inst) {
  const page = model.page('1001');
  if (!inst || !page || page.macros.length) return;
  const first = model.attachmentsOf(page.id)[0];
  for (const def of inst.descriptor.modules?.dynamicContentMacros ?? []) {
    const params = {};
    for (const p of def.parameters ?? []) {
      if (p.type === 'attachment' && first) params[p.identifier] = first.fileName;
    }
    model.saveMacro(page.id, { id: `demo-${def.key}`, key: def.key, params, body: '' });
  }
}

const server = createServer((req, res) => {
  route(req, res).catch((err) => {
    const status = err instanceof HttpError ? err.status : 500;
    if (status === 500) log(`error: ${err.stack ?? err}`);
    if (!res.headersSent) json(res, status, { statusCode: status, message: err.message });
    else res.end();
  });
});

await media.listen(Number(arg('media-port', '0')));
server.listen(port, host, async () => {
  log(`listening on ${siteUrl} (app at ${appUrl})`);
  if (process.argv.includes('--install')) {
    // The app may still be compiling (a first `cargo xtask dev` takes minutes): wait up to 20.
    for (let i = 0; i < 1200; i += 1) {
      try {
        const out = await tenancy.install(`${appUrl}/atlassian-connect.json`);
        if (out.status >= 200 && out.status < 300) {
          seedDemoMacros(tenancy.installation(out.appKey ?? tenancy.firstInstalled().descriptor.key));
          console.log(`\nConfluence emulator ready, app installed: open ${siteUrl}/wiki/spaces/DEMO/pages/1001\n`);
          return;
        }
        log(`install answered ${out.status}; retrying`);
      } catch (err) {
        if (i % 30 === 0) log(`waiting for the app at ${appUrl}: ${err.message}`);
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    log('the app could not be installed; use Manage apps to try again');
  }
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    media.close();
    server.close(() => process.exit(0));
    // Keep-alive connections from browsers would otherwise hold the exit.
    server.closeAllConnections();
  });
}
