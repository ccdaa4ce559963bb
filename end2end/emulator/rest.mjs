// The Confluence REST subset, as the app (JWT with qsh), as a user (OAuth 2.0 bearer from the
// JWT-bearer grant) and as the person in the host page (AP.request, by session cookie). Every
// app token is checked with atlassian-jwt the way Confluence checks it; bad ones get Confluence's
// 401 with a message.

import { randomBytes } from 'node:crypto';
import * as jwt from 'atlassian-jwt';
import { USERS } from './model.mjs';
import { now, qshOf } from './tenancy.mjs';

const LEEWAY = 30;
const GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Scopes each HTTP method needs, as Connect enforces them. */
/** The header the host page's AP.request marks an app's calls with (see host/host.js). */
export const APP_HEADER = 'x-emu-app';
const SCOPE_FOR_METHOD = { GET: 'READ', HEAD: 'READ', POST: 'WRITE', PUT: 'WRITE', DELETE: 'DELETE' };
const SCOPE_IMPLIES = { READ: ['READ'], WRITE: ['READ', 'WRITE'], DELETE: ['READ', 'WRITE', 'DELETE'], ADMIN: ['READ', 'WRITE', 'DELETE', 'ADMIN'] };

export class Rest {
  constructor({ model, tenancy, log, media }) {
    this.model = model;
    this.media = media;
    this.tenancy = tenancy;
    this.log = log;
    /** bearer token -> {accountId, appKey, exp} */
    this.bearers = {};
    /** Every OAuth grant issued: `{accountId, at}`. */
    this.grants = [];
    /** Every authenticated call, for assertions: {method, path, as, via}. */
    this.calls = [];
    /** Webhook deliveries: {event, url, status}. */
    this.deliveries = [];
    /** Failures tests asked for: {method, pathPrefix, status, message, times}. */
    this.failures = [];
    /** Calls carried out but never answered (`POST hold`). */
    this.holds = [];
    /** Personal data reports received: {appKey, accountIds}. */
    this.privacyReports = [];
  }

  get oauthUrl() {
    return `${this.tenancy.siteUrl}/_emu/oauth`;
  }

  /**
   * Who is calling: `{accountId, appKey?, via}`. Throws HttpError(401) for a bad token.
   * `sessionUser` is the host page's user (cookie), used only when no Authorization is sent.
   */
  authenticate(req, fullUrl, sessionUser) {
    const auth = req.headers.authorization ?? '';
    if (auth.startsWith('JWT ')) return this.verifyAppToken(auth.slice(4), req.method, fullUrl);
    if (auth.startsWith('Bearer ')) {
      const grant = this.bearers[auth.slice(7)];
      if (!grant || grant.exp < now()) throw new HttpError(401, 'The OAuth access token is invalid or expired');
      return { accountId: grant.accountId, appKey: grant.appKey, via: 'bearer' };
    }
    if (auth) throw new HttpError(401, 'Unsupported authorization scheme');
    if (sessionUser) {
      // AP.request from an app's iframe: the user's session, limited to the app's scopes.
      const appKey = req.headers[APP_HEADER];
      return appKey ? { accountId: sessionUser, appKey, via: 'app-request' } : { accountId: sessionUser, via: 'session' };
    }
    return { accountId: null, via: 'anonymous' };
  }

  /**
   * What someone not logged in may do: read pages in spaces open to anonymous access, their
   * attachments and properties. Anything else is refused as Confluence refuses it.
   */
  checkAnonymous(method, path) {
    if (method === 'GET' && (path === '/rest/api/user/current' || path === '/rest/api/content/search')) return;
    const r = method === 'GET' && (path.match(/^\/rest\/api\/content\/([^/]+)/) ?? path.match(/^\/download\/attachments\/([^/]+)\//));
    if (!r) throw new HttpError(401, 'This request requires authentication');
    const page = this.model.page(r[1]) ?? this.model.page(this.model.attachments[r[1]]?.pageId);
    if (!page || !this.model.spaces[page.spaceKey]?.anonymous) throw new HttpError(401, 'This request requires authentication');
  }

  verifyAppToken(token, method, fullUrl) {
    let unverified;
    try {
      unverified = jwt.decodeSymmetric(token, '', jwt.SymmetricAlgorithm.HS256, true);
    } catch {
      throw new HttpError(401, 'The JWT could not be decoded');
    }
    const inst = this.tenancy.installationForApp(unverified.iss);
    if (!inst) throw new HttpError(401, `No installed app with key ${unverified.iss}`);
    let claims;
    try {
      claims = jwt.decodeSymmetric(token, inst.sharedSecret, jwt.SymmetricAlgorithm.HS256);
    } catch {
      throw new HttpError(401, 'JWT signature verification failed');
    }
    if (jwt.getAlgorithm(token) !== 'HS256') throw new HttpError(401, 'Only HS256 app tokens are accepted');
    if (typeof claims.exp !== 'number' || claims.exp + LEEWAY < now()) throw new HttpError(401, 'The JWT has expired');
    if (typeof claims.iat !== 'number' || claims.iat - LEEWAY > now()) throw new HttpError(401, 'The JWT was issued in the future');
    const expected = qshOf(method, fullUrl, inst.baseUrl);
    if (claims.qsh !== expected) throw new HttpError(401, `The JWT query-string hash does not match this request (expected ${expected})`);
    return { accountId: `addon-${inst.descriptor.key}`, appKey: inst.descriptor.key, via: 'jwt', inst };
  }

  /** Throws 403 when an app-signed call lacks the scope the method needs. */
  checkScope(who, method) {
    if (who.via !== 'jwt' && who.via !== 'bearer' && who.via !== 'app-request') return;
    const inst = this.tenancy.installation(who.appKey);
    const granted = new Set((inst?.descriptor.scopes ?? []).flatMap((s) => SCOPE_IMPLIES[s.toUpperCase()] ?? []));
    const needed = SCOPE_FOR_METHOD[method] ?? 'WRITE';
    if (!granted.has(needed)) throw new HttpError(403, `The app's scopes do not include ${needed}`);
  }

  /** POST /_emu/oauth/oauth2/token: the JWT-bearer grant, as Atlassian's server checks it. */
  token(form) {
    if (form.get('grant_type') !== GRANT) throw new HttpError(400, 'unsupported_grant_type');
    const assertion = form.get('assertion');
    if (!assertion) throw new HttpError(400, 'invalid_request: assertion missing');
    let unverified;
    try {
      unverified = jwt.decodeSymmetric(assertion, '', jwt.SymmetricAlgorithm.HS256, true);
    } catch {
      throw new HttpError(400, 'invalid_grant: malformed assertion');
    }
    const clientId = String(unverified.iss ?? '').replace('urn:atlassian:connect:clientid:', '');
    const inst = Object.values(this.tenancy.installations).find((i) => i.installed && clientId === this.tenancy.oauthClientId);
    if (!inst) throw new HttpError(401, 'invalid_client');
    let claims;
    try {
      claims = jwt.decodeSymmetric(assertion, inst.sharedSecret, jwt.SymmetricAlgorithm.HS256);
    } catch {
      throw new HttpError(401, 'invalid_grant: signature');
    }
    if (claims.aud !== this.oauthUrl && !(Array.isArray(claims.aud) && claims.aud.includes(this.oauthUrl))) {
      throw new HttpError(400, `invalid_grant: aud must be ${this.oauthUrl}`);
    }
    if (claims.tnt !== inst.baseUrl) throw new HttpError(400, 'invalid_grant: tnt');
    if (typeof claims.exp !== 'number' || claims.exp < now()) throw new HttpError(400, 'invalid_grant: expired');
    const prefix = 'urn:atlassian:connect:useraccountid:';
    const sub = String(claims.sub ?? '');
    if (!sub.startsWith(prefix) || !USERS[sub.slice(prefix.length)]) throw new HttpError(400, 'invalid_grant: unknown user');
    const accessToken = randomBytes(24).toString('base64url');
    const expiresIn = 900;
    this.bearers[accessToken] = { accountId: sub.slice(prefix.length), appKey: inst.descriptor.key, exp: now() + expiresIn };
    this.grants.push({ accountId: sub.slice(prefix.length), at: now() });
    return { access_token: accessToken, expires_in: expiresIn, token_type: 'Bearer' };
  }

  // ---- JSON shapes -------------------------------------------------------------------------

  userJson(accountId) {
    if (!accountId) {
      return { type: 'anonymous', displayName: 'Anonymous', profilePicture: { path: '/wiki/aa-avatar/anonymous', width: 48, height: 48, isDefault: true } };
    }
    const u = USERS[accountId];
    if (u) {
      return {
        type: 'known', accountId, accountType: 'atlassian', displayName: u.displayName, publicName: u.displayName, locale: u.locale,
        profilePicture: { path: `/wiki/aa-avatar/${accountId}`, width: 48, height: 48, isDefault: false },
      };
    }
    return { type: 'app', accountId, accountType: 'app', displayName: accountId };
  }

  pageJson(page) {
    const space = this.model.spaces[page.spaceKey];
    return {
      id: page.id,
      type: 'page',
      status: 'current',
      title: page.title,
      space: { id: space.id, key: space.key, name: space.name },
      version: { number: page.version, when: page.when, by: this.userJson(page.by) },
      _links: { webui: `/spaces/${page.spaceKey}/pages/${page.id}`, self: `${this.tenancy.baseUrl}/rest/api/content/${page.id}` },
    };
  }

  /** An attachment as the REST API shows it; `url`'s `expand` may ask for its labels. */
  attachmentJson(att, url) {
    const v = this.model.latest(att);
    const page = this.model.page(att.pageId);
    const download = `/download/attachments/${att.pageId}/${encodeURIComponent(att.fileName)}?version=${v.number}&api=v2`;
    const json = {
      id: att.id,
      type: 'attachment',
      status: att.status,
      title: att.fileName,
      metadata: { mediaType: att.mediaType, comment: v.comment },
      extensions: { mediaType: att.mediaType, fileSize: v.data.length, comment: v.comment },
      version: { number: v.number, when: v.when, message: v.comment, by: this.userJson(v.by) },
      container: { id: page.id, type: 'page', title: page.title },
      _links: { download, self: `${this.tenancy.baseUrl}/rest/api/content/${att.id}` },
    };
    if ((url?.searchParams.get('expand') ?? '').split(',').includes('metadata.labels')) {
      const results = att.labels.map((name) => ({ prefix: 'global', name, id: `label-${name}` }));
      json.metadata.labels = { results, start: 0, limit: 200, size: results.length };
    }
    return json;
  }

  // ---- Routes ------------------------------------------------------------------------------

  /**
   * Handles `/wiki/...` REST and download paths. Returns `{status, json}` or
   * `{status, body, type}`; throws HttpError.
   */
  async handle(req, url, rawBody, sessionUser) {
    const path = url.pathname.replace(/^\/wiki/, '');
    const who = this.authenticate(req, url.toString(), sessionUser);
    this.checkScope(who, req.method);
    if (who.via === 'anonymous') this.checkAnonymous(req.method, path);
    const failure = this.failures.find((f) => f.times > 0 && (!f.method || f.method === req.method) && path.startsWith(f.pathPrefix));
    if (failure) {
      failure.times -= 1;
      throw new HttpError(failure.status, failure.message);
    }
    this.calls.push({ method: req.method, path: path + url.search.replace(/([?&])jwt=[^&]*/, '$1jwt=…'), as: who.accountId ?? 'anonymous', via: who.via, requestId: req.headers['x-request-id'] ?? null });
    const m = (re) => path.match(re);
    let r;

    if (req.method === 'GET' && path === '/rest/api/user/current') return { status: 200, json: this.userJson(who.accountId) };
    if (req.method === 'GET' && path === '/rest/api/user') {
      const id = url.searchParams.get('accountId');
      if (!USERS[id]) throw new HttpError(404, `No user with accountId ${id}`);
      const json = this.userJson(id);
      if ((url.searchParams.get('expand') ?? '').split(',').includes('operations')) {
        json.operations = [{ operation: 'use', targetType: 'application' }];
        if (USERS[id].admin) json.operations.push({ operation: 'administer', targetType: 'application' });
      }
      return { status: 200, json };
    }
    if (req.method === 'GET' && path === '/rest/api/user/memberof') {
      const id = url.searchParams.get('accountId');
      if (!USERS[id]) throw new HttpError(404, `No user with accountId ${id}`);
      const start = Number(url.searchParams.get('start') ?? 0);
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 200), 200);
      const all = this.model.groups[id] ?? [];
      const results = all.slice(start, start + limit).map((name) => ({ type: 'group', name, id: `group-${name}` }));
      return { status: 200, json: { results, start, limit, size: results.length, _links: {} } };
    }
    if (req.method === 'GET' && path === '/rest/api/search/user') {
      // CQL as Confluence takes it here: `type=user`, optionally `and user.fullname~"text"`.
      const cql = url.searchParams.get('cql') ?? '';
      const m2 = cql.match(/^type\s*=\s*user(?:\s+and\s+user\.fullname\s*~\s*"([^"\\]*)")?$/i);
      if (!m2) throw new HttpError(400, `The emulator cannot run the CQL ${cql}`);
      const text = (m2[1] ?? '').toLowerCase();
      const limit = Number(url.searchParams.get('limit') ?? 25);
      const results = Object.keys(USERS)
        .filter((id) => USERS[id].displayName.toLowerCase().includes(text))
        .slice(0, limit)
        .map((id) => ({ user: this.userJson(id), title: USERS[id].displayName, entityType: 'user' }));
      return { status: 200, json: { results, start: 0, limit, size: results.length } };
    }
    if (path === '/rest/atlassian-connect/latest/report-accounts' && req.method === 'POST') {
      // Atlassian's personal data reporting API, as its user privacy guide describes it.
      if (who.via !== 'jwt') throw new HttpError(401, 'Only an app reports the accounts it stores');
      let body;
      try {
        body = JSON.parse(rawBody.toString());
      } catch {
        throw new HttpError(400, 'The body is not JSON');
      }
      const accounts = body?.accounts;
      if (!Array.isArray(accounts) || accounts.length === 0) throw new HttpError(400, 'accounts must be a non-empty list');
      if (accounts.length > 90) throw new HttpError(400, `At most 90 accounts per request; got ${accounts.length}`);
      for (const a of accounts) {
        if (typeof a?.accountId !== 'string' || !/^[A-Za-z0-9:-]{1,128}$/.test(a.accountId)) throw new HttpError(400, `Not an account id: ${JSON.stringify(a?.accountId)}`);
        if (typeof a.updatedAt !== 'string' || Number.isNaN(Date.parse(a.updatedAt)) || !/^\d{4}-\d{2}-\d{2}T/.test(a.updatedAt)) throw new HttpError(400, `updatedAt must be an ISO 8601 time: ${JSON.stringify(a.updatedAt)}`);
      }
      this.privacyReports.push({ appKey: who.appKey, accountIds: accounts.map((a) => a.accountId) });
      if (this.privacyReports.length > 1000) this.privacyReports.shift();
      const closed = accounts.filter((a) => this.model.closedAccounts.has(a.accountId)).map((a) => ({ accountId: a.accountId, status: 'closed' }));
      if (!closed.length) return { status: 204, body: Buffer.alloc(0), type: 'text/plain' };
      return { status: 200, json: { accounts: closed } };
    }
    if ((r = m(/^\/rest\/atlassian-connect\/1\/addons\/([^/]+)$/)) && req.method === 'GET') {
      const inst = this.tenancy.installation(decodeURIComponent(r[1]));
      if (!inst || !inst.installed) throw new HttpError(404, 'No such app');
      if (who.appKey !== inst.descriptor.key) throw new HttpError(403, 'Apps may only read their own record');
      const json = { key: inst.descriptor.key, version: '1', state: inst.enabled ? 'ENABLED' : 'DISABLED', host: { product: 'Confluence', contacts: [] } };
      // A paid app's record carries its licence; one never bought has none.
      if (inst.descriptor.enableLicensing && inst.license !== 'none') {
        json.license = { active: inst.license === 'active', type: 'COMMERCIAL', evaluation: false, entitlementId: `ent-${inst.clientKey}`, entitlementNumber: 'E-1001' };
      }
      return { status: 200, json };
    }
    if (req.method === 'GET' && path === '/rest/api/content/search') {
      // CQL as Confluence takes it here: a space's attachments, newest first, paged; only what
      // the caller may see (anonymous visitors: spaces open to them).
      const cql = url.searchParams.get('cql') ?? '';
      const q = cql.match(/^type\s*=\s*attachment\s+and\s+space\s*=\s*"([A-Za-z0-9]+)"\s+order\s+by\s+lastmodified\s+desc$/i);
      if (!q) throw new HttpError(400, `The emulator cannot run the CQL ${cql}`);
      const space = this.model.spaces[q[1]];
      const visible = space && (who.via !== 'anonymous' || space.anonymous);
      const all = visible
        ? Object.values(this.model.attachments)
          .filter((a) => a.status === 'current' && this.model.page(a.pageId)?.spaceKey === space.key)
          .sort((a, b) => this.model.latest(b).when.localeCompare(this.model.latest(a).when))
        : [];
      const start = Math.max(0, Number(url.searchParams.get('start') ?? 0));
      const limit = Math.min(200, Math.max(1, Number(url.searchParams.get('limit') ?? 25)));
      const results = all.slice(start, start + limit).map((a) => this.attachmentJson(a, url));
      const json = { results, start, limit, size: results.length, totalSize: all.length, _links: {} };
      if (start + limit < all.length) json._links.next = `/rest/api/content/search?cql=${encodeURIComponent(cql)}&start=${start + limit}&limit=${limit}`;
      return { status: 200, json };
    }
    if ((r = m(/^\/rest\/api\/content\/([^/]+)$/)) && req.method === 'GET') {
      const page = this.model.page(r[1]);
      if (page) {
        const json = this.pageJson(page);
        if ((url.searchParams.get('expand') ?? '').split(',').includes('operations')) {
          // What the caller may do here, as Confluence computes it for that person.
          const user = USERS[who.accountId];
          const canEdit = who.via !== 'anonymous' && (!user || user.canEdit);
          json.operations = [{ operation: 'read', targetType: 'page' }];
          if (canEdit) json.operations.push({ operation: 'update', targetType: 'page' }, { operation: 'create', targetType: 'attachment' });
        }
        return { status: 200, json };
      }
      const att = this.model.attachments[r[1]];
      if (att && att.status === 'current') return { status: 200, json: this.attachmentJson(att, url) };
      throw new HttpError(404, `No content with id ${r[1]}`);
    }
    if ((r = m(/^\/rest\/api\/content\/(att[^/]+)\/version$/)) && req.method === 'GET') {
      // An attachment's versions, newest first, as Confluence lists them.
      const att = this.model.attachments[r[1]];
      if (!att || att.status !== 'current') throw new HttpError(404, `No attachment ${r[1]}`);
      const results = [...att.versions].reverse().map((v) => ({ number: v.number, when: v.when, message: v.comment, by: this.userJson(v.by) }));
      return { status: 200, json: { results, start: 0, limit: 200, size: results.length } };
    }
    if ((r = m(/^\/rest\/api\/content\/(att[^/]+)$/)) && req.method === 'DELETE') {
      // Moves an attachment to the trash, as Confluence does.
      const att = this.model.attachments[r[1]];
      if (!att || att.status !== 'current') throw new HttpError(404, `No attachment ${r[1]}`);
      this.needWrite(who, req);
      att.status = 'trashed';
      await this.dispatch('attachment_removed', att, who.accountId);
      return { status: 204, body: Buffer.alloc(0), type: 'text/plain' };
    }
    if ((r = m(/^\/rest\/api\/content\/([^/]+)\/permission\/check$/)) && req.method === 'POST') {
      const page = this.needPage(r[1]);
      const body = JSON.parse(rawBody.toString() || '{}');
      const user = USERS[body?.subject?.identifier];
      const op = body?.operation;
      if (!user || !['read', 'update'].includes(op)) throw new HttpError(400, 'subject.identifier must be a user and operation read or update');
      return { status: 200, json: { hasPermission: op === 'read' || user.canEdit, page: page.id } };
    }
    if ((r = m(/^\/rest\/api\/content\/([^/]+)\/child\/attachment$/))) {
      const page = this.needPage(r[1]);
      if (req.method === 'GET') {
        let list = this.model.attachmentsOf(page.id);
        const filename = url.searchParams.get('filename');
        if (filename) list = list.filter((a) => a.fileName === filename);
        return { status: 200, json: { results: list.map((a) => this.attachmentJson(a, url)), size: list.length, start: 0, limit: 200 } };
      }
      if (req.method === 'POST' || req.method === 'PUT') {
        this.needWrite(who, req);
        const { file, comment } = await multipart(req, rawBody);
        const existing = this.model.attachmentByName(page.id, file.name);
        if (existing && req.method === 'POST') throw new HttpError(400, `Cannot add a new attachment with same file name as an existing attachment: ${file.name}`);
        const att = existing
          ? this.model.addVersion(existing, { data: file.data, by: who.accountId, comment, mediaType: file.type })
          : this.model.addAttachment(page.id, { fileName: file.name, mediaType: file.type, data: file.data, by: who.accountId, comment });
        await this.dispatch(existing ? 'attachment_updated' : 'attachment_created', att, who.accountId);
        return { status: 200, json: { results: [this.attachmentJson(att, url)], size: 1 } };
      }
    }
    if ((r = m(/^\/rest\/api\/content\/([^/]+)\/child\/attachment\/([^/]+)\/data$/)) && req.method === 'POST') {
      this.needPage(r[1]);
      this.needWrite(who, req);
      const att = this.model.attachments[r[2]];
      if (!att || att.pageId !== r[1] || att.status !== 'current') throw new HttpError(404, `No attachment ${r[2]} on page ${r[1]}`);
      const { file, comment } = await multipart(req, rawBody);
      this.model.addVersion(att, { data: file.data, by: who.accountId, comment, mediaType: file.type });
      await this.dispatch('attachment_updated', att, who.accountId);
      return { status: 200, json: this.attachmentJson(att, url) };
    }
    if ((r = m(/^\/download\/attachments\/([^/]+)\/([^/]+)$/)) && req.method === 'GET') {
      // The servlet path serves the browser's session only; Confluence Cloud refuses API
      // tokens here and points to the REST download endpoint.
      if (who.via === 'jwt' || who.via === 'bearer') {
        throw new HttpError(401, 'Downloading through /download/attachments is not supported for API access; use /rest/api/content/{id}/child/attachment/{attachmentId}/download');
      }
      const att = this.model.attachmentByName(r[1], decodeURIComponent(r[2]));
      if (!att) throw new HttpError(404, 'No such attachment');
      const n = Number(url.searchParams.get('version') ?? this.model.latest(att).number);
      const v = att.versions.find((x) => x.number === n);
      if (!v) throw new HttpError(404, `Attachment ${att.fileName} has no version ${n}`);
      return { status: 200, body: v.data, type: att.mediaType };
    }
    if ((r = m(/^\/rest\/api\/content\/([^/]+)\/child\/attachment\/([^/]+)\/download$/)) && req.method === 'GET') {
      // Confluence Cloud's download: a redirect to the media service with its own token.
      this.needPage(r[1]);
      const att = this.model.attachments[r[2]];
      if (!att || att.pageId !== r[1] || att.status !== 'current') throw new HttpError(404, `No attachment ${r[2]} on page ${r[1]}`);
      const n = Number(url.searchParams.get('version') ?? this.model.latest(att).number);
      if (!att.versions.some((x) => x.number === n)) throw new HttpError(404, `Attachment ${att.fileName} has no version ${n}`);
      return { status: 302, location: this.media.issue(att, n) };
    }
    if ((r = m(/^\/rest\/api\/content\/([^/]+)\/property\/([^/]+)$/))) {
      const contentId = r[1];
      const key = decodeURIComponent(r[2]);
      this.needPage(contentId);
      if (req.method === 'GET') {
        const p = this.model.property(contentId, key);
        if (!p) throw new HttpError(404, `No property ${key} on ${contentId}`);
        return { status: 200, json: { key: p.key, value: p.value, version: { number: p.version } } };
      }
      if (req.method === 'PUT' || req.method === 'POST') {
        const body = JSON.parse(rawBody.toString() || '{}');
        const out = this.model.setProperty(contentId, key, body.value, body.version?.number);
        if (out.conflict) throw new HttpError(409, `Version must be ${out.expected}`);
        return { status: 200, json: { key, value: out.property.value, version: { number: out.property.version } } };
      }
    }
    throw new HttpError(404, `The emulator does not implement ${req.method} ${path}`);
  }

  needPage(id) {
    const page = this.model.page(id);
    if (!page) throw new HttpError(404, `No content with id ${id}`);
    return page;
  }

  needWrite(who, req) {
    if (req.headers['x-atlassian-token'] !== 'no-check' && (req.headers['content-type'] ?? '').startsWith('multipart/')) {
      throw new HttpError(403, 'XSRF check failed: send X-Atlassian-Token: no-check');
    }
    const user = USERS[who.accountId];
    if (user && !user.canEdit) throw new HttpError(403, `${user.displayName} may not edit this page`);
  }

  /** Posts `event` to every installed, enabled app that declares it. */
  async dispatch(event, att, accountId) {
    const v = this.model.latest(att);
    await this.deliver(event, `${att.id}-${v.number}-${event}`, { attachmentId: att.id, version: v.number }, {
      userAccountId: accountId,
      attachment: {
        id: att.id,
        fileName: att.fileName,
        contentType: att.mediaType,
        fileSize: v.data.length,
        version: v.number,
        comment: v.comment,
        creatorAccountId: att.versions[0].by,
        lastModifierAccountId: v.by,
        self: `${this.tenancy.baseUrl}/pages/viewpageattachments.action?pageId=${att.pageId}`,
        container: { id: att.pageId, contentType: 'page' },
      },
    });
  }

  /** `label_added` / `label_removed` for a label on an attachment. */
  async dispatchLabel(event, att, label, accountId) {
    await this.deliver(event, `${att.id}-${label}-${event}-${Date.now()}`, { attachmentId: att.id, label }, {
      userAccountId: accountId,
      label: { name: label, prefix: 'global' },
      labeled: { id: att.id, contentType: 'attachment', title: att.fileName, container: { id: att.pageId, contentType: 'page' } },
    });
  }

  /** Posts `event` to every installed, enabled app that registered for it, signed as the host. */
  async deliver(event, identifier, summary, payload) {
    for (const inst of Object.values(this.tenancy.installations)) {
      if (!inst.installed || !inst.enabled) continue;
      for (const hook of inst.descriptor.modules?.webhooks ?? []) {
        if (hook.event !== event) continue;
        const url = inst.descriptor.baseUrl + hook.url;
        const body = hook.excludeBody ? { timestamp: Date.now() } : { timestamp: Date.now(), ...payload };
        let status = 0;
        try {
          const res = await fetch(url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: this.tenancy.hostAuthorization(inst, 'POST', url),
              'x-atlassian-webhook-identifier': identifier,
            },
            body: JSON.stringify(body),
          });
          status = res.status;
        } catch (err) {
          this.log(`webhook ${event} to ${url} failed: ${err}`);
        }
        this.deliveries.push({ event, url, status, ...summary });
        this.log(`webhook ${event} -> ${status}`);
      }
    }
  }
}

/** The `file` and `comment` parts of a multipart body, parsed by Node's fetch implementation. */
async function multipart(req, rawBody) {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data')) throw new HttpError(415, 'Attachments are uploaded as multipart/form-data');
  let form;
  try {
    form = await new Request('http://emulator/', { method: 'POST', headers: { 'content-type': type }, body: rawBody }).formData();
  } catch {
    throw new HttpError(400, 'The multipart body could not be parsed');
  }
  const file = form.get('file');
  if (!file || typeof file === 'string') throw new HttpError(400, 'A file part is required');
  return {
    file: { name: file.name, type: file.type || undefined, data: Buffer.from(await file.arrayBuffer()) },
    comment: typeof form.get('comment') === 'string' ? form.get('comment') : '',
  };
}
