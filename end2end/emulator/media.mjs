// Atlassian's media service as Confluence Cloud uses it for attachment bytes: the REST
// download endpoint answers 302 to this server, on another origin, with a short-lived token in
// the query. The token names one version of one attachment, expires, and is taken once.

import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';

/** How long a media token lasts (Atlassian's are short-lived; a minute is enough here). */
const DEFAULT_TTL_SECS = 60;
/** Tokens kept at most; the oldest go first (a download storm cannot grow the map). */
const MAX_TOKENS = 10_000;

export class Media {
  constructor({ model, host, log }) {
    this.model = model;
    this.host = host;
    this.log = log;
    this.ttlSecs = DEFAULT_TTL_SECS;
    /** token -> {attachmentId, version, exp, used} */
    this.tokens = new Map();
    /** What the service answered: {path, status}. */
    this.served = [];
    this.server = createServer((req, res) => this.serve(req, res));
  }

  /** Starts listening on `port` (0: any free port); resolves to the origin. */
  listen(port) {
    return new Promise((resolve) => {
      this.server.listen(port, this.host, () => {
        this.origin = `http://${this.host}:${this.server.address().port}`;
        this.log(`media service on ${this.origin}`);
        resolve(this.origin);
      });
    });
  }

  /** Back to a fresh service (the driver's reset). */
  reset() {
    this.ttlSecs = DEFAULT_TTL_SECS;
    this.tokens.clear();
    this.served.length = 0;
  }

  close() {
    this.server.close();
    this.server.closeAllConnections();
  }

  /** The URL one download of `att` at `version` is redirected to. */
  issue(att, version) {
    const token = randomBytes(24).toString('base64url');
    const now = Date.now();
    for (const [t, grant] of this.tokens) {
      if (grant.exp < now || this.tokens.size >= MAX_TOKENS) this.tokens.delete(t);
      else break;
    }
    this.tokens.set(token, { attachmentId: att.id, version, exp: now + this.ttlSecs * 1000, used: false });
    const q = new URLSearchParams({ token, client: 'confluence-emulator', dl: 'true', name: att.fileName });
    return `${this.origin}/file/${encodeURIComponent(att.id)}/binary?${q}`;
  }

  serve(req, res) {
    const url = new URL(req.url, this.origin);
    const answer = (status, body, type = 'application/json') => {
      this.served.push({ path: url.pathname, status, authorization: !!req.headers.authorization });
      if (this.served.length > 1000) this.served.shift();
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    const m = url.pathname.match(/^\/file\/([^/]+)\/binary$/);
    if (!m || req.method !== 'GET') return answer(404, JSON.stringify({ error: 'Not found' }));
    const grant = this.tokens.get(url.searchParams.get('token') ?? '');
    const id = decodeURIComponent(m[1]);
    if (!grant || grant.attachmentId !== id) return answer(401, JSON.stringify({ error: 'The media token is not valid for this file' }));
    if (grant.used) return answer(401, JSON.stringify({ error: 'The media token was already used' }));
    if (grant.exp <= Date.now()) return answer(401, JSON.stringify({ error: 'The media token has expired' }));
    grant.used = true;
    const att = this.model.attachments[id];
    const v = att?.versions.find((x) => x.number === grant.version);
    if (!v) return answer(404, JSON.stringify({ error: 'The file is gone' }));
    return answer(200, v.data, att.mediaType);
  }
}
