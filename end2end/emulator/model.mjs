// The Confluence content model the emulator serves: one site, users, spaces, pages with macro
// instances, attachments with versions, content properties. In memory; tests seed and read it
// through the /_emu API.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const USERS = {
  'emu-alice': { accountId: 'emu-alice', displayName: 'Alice Admin', admin: true, canEdit: true, locale: 'en-GB' },
  'emu-bob': { accountId: 'emu-bob', displayName: 'Bob Reader', admin: false, canEdit: false, locale: 'en-US' },
  'emu-carol': { accountId: 'emu-carol', displayName: 'Carol Editor', admin: false, canEdit: true, locale: 'en-US' },
};

export class Model {
  constructor() {
    this.reset();
  }

  reset() {
    // Ids go on rising across resets, as a site never hands out an id twice: what an app keeps
    // by attachment id (editing sessions, saves) from before a reset never meets a new file.
    this.nextId = Math.max(this.nextId ?? 0, 1001);
    this.spaces = { DEMO: { id: '1', key: 'DEMO', name: 'Demo space', anonymous: false } };
    /** Group names by account id. */
    this.groups = Object.fromEntries(Object.values(USERS).map((u) => [u.accountId, u.admin ? ['confluence-users', 'site-admins'] : ['confluence-users']]));
    /** @type {Record<string, any>} */
    this.pages = {};
    /** @type {Record<string, any>} */
    this.attachments = {};
    /** @type {Record<string, Record<string, any>>} */
    this.properties = {};
    /** Accounts closed on Atlassian's side, by id: the personal data API reports them. */
    this.closedAccounts = new Set();
    this.seedDemo();
  }

  id() {
    this.nextId += 1;
    return String(this.nextId);
  }

  /** Strictly increasing times, so "newest first" is well defined even within a millisecond. */
  now() {
    this.lastTime = Math.max(Date.now(), (this.lastTime ?? 0) + 1);
    return new Date(this.lastTime).toISOString();
  }

  /** A sample page with one document macro and two attachments. */
  seedDemo() {
    const page = this.createPage({ spaceKey: 'DEMO', title: 'Quarterly report', id: '1001' });
    this.addAttachment(page.id, {
      fileName: 'report.docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      data: readFileSync(new URL('../fixtures/report.docx', import.meta.url)),
      by: 'emu-alice',
    });
    this.addAttachment(page.id, {
      fileName: 'budget.xlsx',
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      data: readFileSync(new URL('../fixtures/budget.xlsx', import.meta.url)),
      by: 'emu-alice',
    });
  }

  createPage({ spaceKey, title, id, macros }) {
    const pageId = id ?? this.id();
    const page = {
      id: pageId,
      spaceKey,
      title,
      version: 1,
      by: 'emu-alice',
      when: this.now(),
      // Macro instances in the page body, in order: {id, key, params, body}.
      macros: macros ?? [],
    };
    this.pages[pageId] = page;
    return page;
  }

  page(id) {
    return this.pages[id];
  }

  /** Adds or replaces a macro instance; the page gets a new version, as a saved edit would. */
  saveMacro(pageId, macro) {
    const page = this.pages[pageId];
    if (!page) throw new Error(`no page ${pageId}`);
    const i = page.macros.findIndex((m) => m.id === macro.id);
    if (i >= 0) page.macros[i] = macro;
    else page.macros.push(macro);
    page.version += 1;
    page.when = this.now();
    return macro;
  }

  attachmentsOf(pageId) {
    return Object.values(this.attachments).filter((a) => a.pageId === pageId && a.status === 'current');
  }

  attachmentByName(pageId, fileName) {
    return this.attachmentsOf(pageId).find((a) => a.fileName === fileName);
  }

  addAttachment(pageId, { fileName, mediaType, data, by, comment }) {
    const id = `att${this.id()}`;
    const att = {
      id,
      pageId,
      fileName,
      mediaType: mediaType || 'application/octet-stream',
      status: 'current',
      versions: [],
      labels: [],
    };
    this.attachments[id] = att;
    this.addVersion(att, { data, by, comment, mediaType });
    return att;
  }

  addVersion(att, { data, by, comment, mediaType }) {
    att.versions.push({
      number: att.versions.length + 1,
      data: Buffer.from(data),
      by,
      comment: comment ?? '',
      when: this.now(),
      sha256: createHash('sha256').update(data).digest('hex'),
    });
    if (mediaType) att.mediaType = mediaType;
    return att;
  }

  latest(att) {
    return att.versions[att.versions.length - 1];
  }

  /** Content property of `contentId`, or undefined. */
  property(contentId, key) {
    return this.properties[contentId]?.[key];
  }

  /** Creates or updates a property; `version` must be the next number, as in Confluence. */
  setProperty(contentId, key, value, version) {
    const props = (this.properties[contentId] ??= {});
    const current = props[key];
    const expected = current ? current.version + 1 : 1;
    if (version !== undefined && version !== expected) {
      return { conflict: true, expected };
    }
    props[key] = { key, value, version: expected };
    return { property: props[key] };
  }
}
