// The app's installation in the emulated site: the lifecycle driver (signed install and
// uninstall, enabled, disabled), the install-keys CDN, and every token the host signs, all with
// Atlassian's atlassian-jwt library.

import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import * as jwt from 'atlassian-jwt';

/** Seconds since the epoch. */
export const now = () => Math.floor(Date.now() / 1000);

/** The query-string hash of a request to `url`, relative to `baseUrl` (Atlassian's code). */
export function qshOf(method, url, baseUrl) {
  return jwt.createQueryStringHash(jwt.fromMethodAndUrl(method, url), false, baseUrl);
}

export class Tenancy {
  /**
   * @param {{siteUrl: string, log: (line: string) => void}} opts siteUrl is the host origin
   * (http://127.0.0.1:3299); the tenant base URL is siteUrl + '/wiki'.
   */
  constructor({ siteUrl, log }) {
    this.siteUrl = siteUrl;
    this.baseUrl = `${siteUrl}/wiki`;
    this.log = log;
    this.clientKey = `emu-${randomUUID()}`;
    this.oauthClientId = `emu-oauth-${randomBytes(8).toString('hex')}`;
    // The signing key pair of the install-keys CDN; its kid rotates with the pair.
    this.rotateInstallKey();
    /** @type {Record<string, any>} by app key */
    this.installations = {};
    /** Every lifecycle call sent, for assertions. */
    this.lifecycleLog = [];
  }

  rotateInstallKey() {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.kid = `emulator/${randomUUID()}`;
    this.privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' });
    this.publicPems = { ...(this.publicPems ?? {}), [this.kid]: publicKey.export({ type: 'spki', format: 'pem' }) };
  }

  /** PEM for the install-keys CDN, or undefined. */
  publicKey(kid) {
    return this.publicPems[kid];
  }

  installation(appKey) {
    return this.installations[appKey];
  }

  /** The installation an app-signed token belongs to (its iss is the app key). */
  installationForApp(appKey) {
    const inst = this.installations[appKey];
    return inst && inst.installed ? inst : undefined;
  }

  /** The only installed app, when there is exactly one (host page convenience). */
  firstInstalled() {
    return Object.values(this.installations).find((i) => i.installed);
  }

  /**
   * Installs (or re-installs) the app whose descriptor is at `descriptorUrl`. Every install
   * gets a new shared secret, as under signed install. `opts.signing` lets tests send broken
   * installs: 'none', 'hs256', 'wrong-key', 'wrong-aud'.
   */
  async install(descriptorUrl, opts = {}) {
    const res = await fetch(descriptorUrl);
    if (!res.ok) throw new Error(`descriptor at ${descriptorUrl}: HTTP ${res.status}`);
    const descriptor = await res.json();
    const previous = this.installations[descriptor.key];
    const baseUrl = opts.baseUrl ?? this.baseUrl;
    const payload = this.lifecyclePayload(
      { descriptor, clientKey: opts.clientKey ?? this.clientKey, sharedSecret: randomBytes(32).toString('base64url'), baseUrl },
      'installed',
    );
    const status = await this.sendLifecycle(descriptor, 'installed', payload, opts.signing ?? 'rs256');
    const ok = status >= 200 && status < 300;
    if (ok) {
      this.installations[descriptor.key] = {
        descriptor,
        descriptorUrl,
        clientKey: payload.clientKey,
        sharedSecret: payload.sharedSecret,
        baseUrl,
        installed: true,
        enabled: false,
        // A site that got the app from the Marketplace holds an active licence until told otherwise.
        license: previous?.license ?? 'active',
      };
      const enabled = await this.setEnabled(descriptor.key, true);
      return { status, enabled, clientKey: payload.clientKey };
    }
    return { status };
  }

  async uninstall(appKey) {
    const inst = this.installations[appKey];
    if (!inst) throw new Error(`${appKey} is not installed`);
    // Confluence disables an app right before uninstalling it.
    const disabled = inst.enabled ? await this.setEnabled(appKey, false) : undefined;
    const payload = this.lifecyclePayload(inst, 'uninstalled');
    const status = await this.sendLifecycle(inst.descriptor, 'uninstalled', payload, 'rs256');
    inst.installed = false;
    return { status, disabled };
  }

  async setEnabled(appKey, enabled) {
    const inst = this.installations[appKey];
    if (!inst) throw new Error(`${appKey} is not installed`);
    const event = enabled ? 'enabled' : 'disabled';
    const status = await this.sendLifecycle(inst.descriptor, event, this.lifecyclePayload(inst, event), 'hs256', inst.sharedSecret);
    if (status >= 200 && status < 300) inst.enabled = enabled;
    return status;
  }

  /** The body of every lifecycle call; later events repeat the install's shape. */
  lifecyclePayload(inst, eventType) {
    return {
      key: inst.descriptor.key,
      clientKey: inst.clientKey,
      sharedSecret: inst.sharedSecret,
      baseUrl: inst.baseUrl,
      displayUrl: inst.baseUrl,
      productType: 'confluence',
      description: 'Confluo emulator site',
      serverVersion: '6452',
      pluginsVersion: '1001.0.0-SNAPSHOT',
      oauthClientId: this.oauthClientId,
      eventType,
    };
  }

  async sendLifecycle(descriptor, event, payload, signing, secret) {
    const path = descriptor.lifecycle?.[event];
    if (!path) throw new Error(`the descriptor declares no ${event} callback`);
    const url = descriptor.baseUrl + path;
    const claims = {
      iss: payload.clientKey,
      iat: now(),
      exp: now() + 180,
      qsh: qshOf('POST', url, descriptor.baseUrl),
      aud: [descriptor.baseUrl],
    };
    let token;
    if (signing === 'rs256') {
      token = jwt.encodeAsymmetric(claims, this.privatePem, jwt.AsymmetricAlgorithm.RS256, { kid: this.kid });
    } else if (signing === 'wrong-key') {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
      token = jwt.encodeAsymmetric(claims, pem, jwt.AsymmetricAlgorithm.RS256, { kid: this.kid });
    } else if (signing === 'wrong-aud') {
      token = jwt.encodeAsymmetric({ ...claims, aud: ['https://evil.example'] }, this.privatePem, jwt.AsymmetricAlgorithm.RS256, { kid: this.kid });
    } else if (signing === 'hs256') {
      token = jwt.encodeSymmetric(claims, secret ?? payload.sharedSecret);
    }
    const headers = { 'content-type': 'application/json' };
    if (token) headers.authorization = `JWT ${token}`;
    let status;
    try {
      const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(payload) });
      status = res.status;
    } catch (err) {
      status = 0;
      this.log(`lifecycle ${event} to ${url} failed: ${err}`);
    }
    this.lifecycleLog.push({ event, status, signing, at: new Date().toISOString() });
    this.log(`lifecycle ${event} (${signing}) -> ${status}`);
    return status;
  }

  /**
   * The signed URL of an iframe module: the descriptor's URL with its `{variables}` filled from
   * `context`, the parameters Confluence adds, and a request-bound jwt for `accountId`.
   */
  iframeUrl(inst, template, context, accountId, extra = {}) {
    const base = inst.descriptor.baseUrl;
    const filled = template.replace(/\{([^}]+)\}/g, (_, name) => encodeURIComponent(context[name] ?? ''));
    const url = new URL(base + filled);
    const add = {
      xdm_e: this.siteUrl,
      xdm_c: `channel-${inst.descriptor.key}__${extra.moduleKey ?? 'module'}`,
      cp: '/wiki',
      xdm_deprecated_addon_key_do_not_use: inst.descriptor.key,
      lic: inst.license === 'active' ? 'active' : 'none',
      cv: '1001.0.0-SNAPSHOT',
      ...(extra.query ?? {}),
    };
    for (const [k, v] of Object.entries(add)) url.searchParams.append(k, v);
    const claims = {
      iss: inst.clientKey,
      iat: now(),
      exp: now() + 180,
      qsh: qshOf('GET', url.toString(), base),
      context: {},
    };
    if (accountId) claims.sub = accountId;
    url.searchParams.append('jwt', jwt.encodeSymmetric(claims, inst.sharedSecret));
    return url.toString();
  }

  /** A token for `AP.context.getToken()`: not bound to a URL (qsh `context-qsh`). */
  contextToken(inst, accountId, context, lifetime = 900) {
    const claims = {
      iss: inst.clientKey,
      // No `sub` for someone who is not logged in.
      ...(accountId ? { sub: accountId } : {}),
      aud: inst.descriptor.key,
      iat: now(),
      exp: now() + lifetime,
      qsh: 'context-qsh',
      context,
    };
    return jwt.encodeSymmetric(claims, inst.sharedSecret);
  }

  /** `Authorization` for a host-to-app call (webhooks, static macros). */
  hostAuthorization(inst, method, url, accountId) {
    const claims = {
      iss: inst.clientKey,
      iat: now(),
      exp: now() + 180,
      qsh: qshOf(method, url, inst.descriptor.baseUrl),
    };
    if (accountId) claims.sub = accountId;
    return `JWT ${jwt.encodeSymmetric(claims, inst.sharedSecret)}`;
  }
}
