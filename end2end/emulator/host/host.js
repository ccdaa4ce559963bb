// The host page: renders what the app's descriptor declares with Atlassian's connect-host.js,
// and supplies the product modules Confluence supplies (context, request, confluence,
// navigator, user). Tokens and signed URLs come from the emulator server: the shared secret
// never reaches the browser.
/* global connectHost, AJS, $ */
(function () {
  'use strict';
  const boot = window.EMU_BOOT;
  // Emulator state for tests: what the apps asked the host to do.
  const EMU = (window.EMU = { requests: [], navigations: [], savedMacros: [], flags: [], established: [], errors: [] });
  let current = null; // the page view's data
  let app = null; // {key, name, modules}

  async function api(path, body) {
    const res = await fetch(`/_emu/api/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    const value = text ? JSON.parse(text) : {};
    if (!res.ok) throw new Error(value.message ?? `HTTP ${res.status}`);
    return value;
  }

  /** The calling extension, from the responder simple-xdm appends to every call. */
  function caller(args) {
    const last = args[args.length - 1];
    return (last && last._context && last._context.extension) || {};
  }
  /** The product context the calling iframe was created with. */
  function productContext(args) {
    return (caller(args).options || {}).productContext || {};
  }
  function callback(args) {
    const last = args[args.length - 1];
    return typeof last === 'function' ? last : () => {};
  }
  function promising(fn) {
    fn.returnsPromise = true;
    return fn;
  }
  const esc = (s) => AJS.escapeHtml(String(s ?? ''));

  // ---- Product modules (before any iframe is created: the API spec is frozen into it) ----

  connectHost.defineModule('context', {
    getToken: promising(function (cb) {
      const ext = caller(arguments);
      return api('context-token', { appKey: ext.addon_key, productContext: productContext(arguments) }).then((r) => r.token);
    }),
    getContext: promising(function (cb) {
      const ctx = productContext(arguments);
      return Promise.resolve({
        confluence: {
          content: ctx['content.id'] ? { id: ctx['content.id'], type: 'page', version: ctx['content.version'] } : undefined,
          space: ctx['space.key'] ? { id: ctx['space.id'], key: ctx['space.key'] } : undefined,
          macro: ctx['macro.id'] ? { id: ctx['macro.id'], hash: ctx['macro.hash'], outputType: ctx['output.type'] } : undefined,
        },
        license: { active: false },
      });
    }),
  });

  connectHost.defineModule({
    request: promising(function (options, cb) {
      const ext = caller(arguments);
      const opts = typeof options === 'string' ? { url: options } : options || {};
      const type = (opts.type || 'GET').toUpperCase();
      const headers = {};
      for (const [k, v] of Object.entries(opts.headers || {})) {
        // Confluence passes only these through from the app.
        if (['accept', 'if-match', 'if-none-match'].includes(k.toLowerCase())) headers[k] = v;
      }
      if (opts.contentType) headers['content-type'] = opts.contentType;
      // Confluence answers AP.request within the app's scopes; the emulator learns whose call it is from this.
      headers['x-emu-app'] = ext.addon_key;
      const record = { app: ext.addon_key, method: type, url: opts.url };
      EMU.requests.push(record);
      const body = type === 'GET' || type === 'HEAD' ? undefined : typeof opts.data === 'string' ? opts.data : opts.data ? JSON.stringify(opts.data) : undefined;
      return fetch(`/wiki${opts.url}`, { method: type, headers, body, credentials: 'same-origin' }).then(async (res) => {
        const text = await res.text();
        const xhr = { status: res.status, statusText: res.statusText, responseText: text, headers: Object.fromEntries(res.headers) };
        record.status = res.status;
        if (res.ok) return { body: text, xhr };
        throw { err: `${res.status} ${res.statusText}`, xhr };
      });
    }),
  });

  connectHost.defineModule('confluence', {
    getMacroData: function (cb) {
      const ctx = productContext(arguments);
      const macro = current && current.macros.find((m) => m.id === ctx['macro.id']);
      callback(arguments)(macro ? macro.params : {});
    },
    getMacroBody: function (cb) {
      const ctx = productContext(arguments);
      const macro = current && current.macros.find((m) => m.id === ctx['macro.id']);
      callback(arguments)(macro ? macro.body : '');
    },
    saveMacro: function (params, body, cb) {
      const ctx = productContext(arguments);
      if (!ctx['macro.editor']) {
        EMU.errors.push('saveMacro called outside a macro editor');
        return;
      }
      const saved = { pageId: ctx['page.id'], macroId: ctx['macro.id'], key: ctx['macro.key'], params: params || {}, body: typeof body === 'string' ? body : '' };
      EMU.savedMacros.push(saved);
      api('macro', saved).then(() => {
        closeEditor();
        renderPage();
      }, (err) => flag('error', 'The macro could not be saved', err.message));
    },
    closeMacroEditor: function () {
      closeEditor();
    },
    getContentProperty: function (key, cb) {
      const done = callback(arguments);
      const ctx = productContext(arguments);
      fetch(`/wiki/rest/api/content/${ctx['content.id']}/property/${encodeURIComponent(key)}`).then(async (r) => done(r.ok ? await r.json() : undefined));
    },
    setContentProperty: function (property, cb) {
      const done = callback(arguments);
      const ctx = productContext(arguments);
      fetch(`/wiki/rest/api/content/${ctx['content.id']}/property/${encodeURIComponent(property.key)}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        // `version` is an object, `{number}`, as in the REST API.
        body: JSON.stringify({ key: property.key, value: property.value, version: property.version }),
      }).then(async (r) => done({ result: r.ok ? await r.json() : undefined, error: r.ok ? undefined : { status: r.status } }));
    },
    syncPropertyFromServer: function (key, cb) {
      const done = callback(arguments);
      const ctx = productContext(arguments);
      fetch(`/wiki/rest/api/content/${ctx['content.id']}/property/${encodeURIComponent(key)}`).then(async (r) => done(r.ok ? await r.json() : undefined));
    },
  });

  connectHost.defineModule('navigator', {
    go: function (target, context) {
      EMU.navigations.push({ target, context });
      if (target === 'contentview' && context && context.contentId) window.location.href = `/wiki/spaces/DEMO/pages/${context.contentId}`;
      if (target === 'addonModule' && context) {
        const custom = new URLSearchParams();
        for (const [k, v] of Object.entries(context.customData || {})) custom.append(`ac.${k}`, String(v));
        const query = custom.toString();
        window.location.href = `/wiki/plugins/servlet/ac/${encodeURIComponent(context.addonKey)}/${encodeURIComponent(context.moduleKey)}${query ? `?${query}` : ''}`;
      }
    },
    reload: function () {
      EMU.navigations.push({ target: 'reload' });
      window.location.reload();
    },
    getLocation: function (cb) {
      callback(arguments)({ target: boot.view === 'page' ? 'contentview' : 'addonModule', context: { contentId: boot.pageId }, href: window.location.href });
    },
  });

  connectHost.defineModule('user', {
    getCurrentUser: function (cb) {
      callback(arguments)({ atlassianAccountId: current ? current.user.accountId : undefined });
    },
    getLocale: function (cb) {
      callback(arguments)((current && current.user.locale) || 'en-GB');
    },
    getTimeZone: function (cb) {
      callback(arguments)('Europe/London');
    },
  });

  connectHost.onIframeEstablished(function (data) {
    const ext = data.extension || {};
    EMU.established.push({ addon_key: ext.addon_key, key: ext.key, id: ext.id });
    document.body.setAttribute('data-bridges', String(EMU.established.length));
  });

  // Dialogs (AP.dialog.create and dialog web items) get their URL here, signed for this user.
  connectHost.registerContentResolver.resolveByExtension(function (ext) {
    const d = $.Deferred();
    const context = Object.assign({}, pageContext(), (ext.options && ext.options.productContext) || {});
    api('iframe-url', { appKey: ext.addon_key, key: ext.key, context })
      .then((r) => d.resolve({ url: r.url, options: { productContext: context } }))
      .catch((err) => d.reject(null, { text: err.message }));
    return d.promise();
  });

  function flag(type, title, body) {
    AJS.flag({ type, title, body: esc(body), close: 'auto' });
  }

  // ---- Views ----

  function pageContext() {
    if (!current) return {};
    const p = current.page;
    return {
      'page.id': p.id,
      'page.title': p.title,
      'page.version': String(p.version.number),
      'page.type': 'page',
      'content.id': p.id,
      'content.version': String(p.version.number),
      'content.type': 'page',
      'space.id': p.space.id,
      'space.key': p.space.key,
    };
  }

  function macroContext(macro, editor) {
    return Object.assign(pageContext(), macro.params || {}, {
      'macro.id': macro.id,
      'macro.key': macro.key,
      'macro.hash': macro.id,
      'macro.body': macro.body || '',
      'macro.truncated': 'false',
      // `?output=preview` renders the page as the editor's preview does.
      'output.type': new URLSearchParams(window.location.search).get('output') || 'display',
    }, editor ? { 'macro.editor': 'true' } : {});
  }

  async function createIframe(slot, key, moduleType, context, opts) {
    const signed = await api('iframe-url', { appKey: app.key, key, context, editor: opts.editor });
    const $container = connectHost.create({
      addon_key: app.key,
      key,
      url: signed.url,
      options: {
        autoresize: true,
        width: opts.width || '100%',
        height: opts.height || '',
        hostOrigin: window.location.origin,
        moduleType,
        moduleLocation: opts.location || 'content',
        productContext: context,
      },
    });
    $(slot).empty().append($container);
  }

  function userSelect(user, users) {
    const sel = document.getElementById('emu-user-select');
    const me = user.accountId || 'anonymous';
    sel.innerHTML = users.map((u) => `<option value="${esc(u.accountId)}"${u.accountId === me ? ' selected' : ''}>${esc(u.displayName)}</option>`).join('');
    sel.onchange = () => {
      window.location.href = `/_emu/login?as=${encodeURIComponent(sel.value)}&next=${encodeURIComponent(window.location.pathname)}`;
    };
  }

  async function renderPage() {
    // Extensions of the previous render go with their iframes (ACJS observes removal).
    current = await api(`page?id=${encodeURIComponent(boot.pageId)}`);
    app = current.app;
    registerDialogModules();
    userSelect(current.user, current.users);
    const main = document.getElementById('emu-main');
    const p = current.page;
    const modules = (app && app.modules) || {};
    const actions = (modules.webItems || []).filter((w) => (w.location || '').startsWith('system.content.action'));
    const macros = (modules.dynamicContentMacros || []).concat(modules.staticContentMacros || []);
    main.innerHTML = `
      <nav class="emu-breadcrumbs">${esc(p.space.name)}
        ${(modules.generalPages || []).filter((g) => (g.location || '').startsWith('system.space.sidebar')).map((g) =>
          ` · <a data-space-link="${esc(g.key)}" href="/wiki/plugins/servlet/ac/${esc(app.key)}/${esc(g.key)}?space.key=${encodeURIComponent(p.space.key)}">${esc(g.name && g.name.value)}</a>`).join('')}</nav>
      <div class="emu-title-row">
        <h1 id="emu-page-title">${esc(p.title)}</h1>
        <div class="emu-actions">
          ${macros.filter((m) => m.editor && current.user.accountId).map((m) => `<button class="aui-button" data-insert-macro="${esc(m.key)}">Insert ${esc(m.name && m.name.value)}</button>`).join('')}
          <button class="aui-button" id="emu-more-actions" aria-haspopup="true" aria-expanded="false" title="More actions">…</button>
          <ul class="emu-menu" id="emu-action-menu" hidden>
            ${actions.map((w) => `<li><a href="#" data-web-item="${esc(w.key)}" class="emu-web-item">${esc(w.name && w.name.value)}</a></li>`).join('')}
          </ul>
        </div>
      </div>
      <p class="emu-byline">Version ${p.version.number} by ${esc(p.version.by.displayName)}</p>
      <div id="emu-body" class="emu-body">
        ${current.macros.map((m) => `<div class="emu-macro" data-macro-id="${esc(m.id)}" data-macro-key="${esc(m.key)}"><div class="emu-macro-slot"></div>
          ${current.user.accountId && m.key ? `<button class="aui-button aui-button-link emu-edit-macro" data-edit-macro="${esc(m.id)}">Edit macro</button>` : ''}</div>`).join('') || '<p class="emu-empty">This page has no macros yet.</p>'}
      </div>
      <section class="emu-attachments">
        <h2>Attachments</h2>
        <table class="aui" id="emu-attachment-table">
          <thead><tr><th>File</th><th>Version</th><th>Size</th><th>Modified by</th><th>Comment</th></tr></thead>
          <tbody>${current.attachments.map((a) => `<tr data-attachment-id="${esc(a.id)}"><td>${esc(a.title)}</td><td>${a.version.number}</td><td>${a.extensions.fileSize}</td><td>${esc(a.version.by.displayName)}</td><td>${esc(a.version.message)}</td></tr>`).join('')}</tbody>
        </table>
        ${current.user.accountId ? '<form id="emu-upload"><input type="file" name="file" aria-label="File to attach"> <button class="aui-button" type="submit">Attach</button></form>' : ''}
      </section>`;

    if (!app) {
      main.insertAdjacentHTML('afterbegin', '<div class="aui-message aui-message-warning"><p>The app is not installed or not enabled. Open <a href="/wiki/plugins/servlet/upm">Manage apps</a>.</p></div>');
    }
    const more = document.getElementById('emu-more-actions');
    const menu = document.getElementById('emu-action-menu');
    more.onclick = () => {
      menu.hidden = !menu.hidden;
      more.setAttribute('aria-expanded', String(!menu.hidden));
    };
    for (const a of main.querySelectorAll('[data-web-item]')) {
      a.onclick = (e) => {
        e.preventDefault();
        menu.hidden = true;
        openWebItem(actions.find((w) => w.key === a.dataset.webItem));
      };
    }
    for (const b of main.querySelectorAll('[data-insert-macro]')) {
      b.onclick = () => openEditor({ id: `macro-${Date.now()}`, key: b.dataset.insertMacro, params: {}, body: '' });
    }
    for (const b of main.querySelectorAll('[data-edit-macro]')) {
      b.onclick = () => openEditor(current.macros.find((m) => m.id === b.dataset.editMacro));
    }
    const upload = document.getElementById('emu-upload');
    if (upload) upload.onsubmit = async (e) => {
      e.preventDefault();
      const form = new FormData(e.target);
      const file = form.get('file');
      if (!file || !file.name) return;
      const existing = current.attachments.find((a) => a.title === file.name);
      const url = existing ? `/wiki/rest/api/content/${p.id}/child/attachment/${existing.id}/data` : `/wiki/rest/api/content/${p.id}/child/attachment`;
      const r = await fetch(url, { method: 'POST', body: form, headers: { 'X-Atlassian-Token': 'no-check' } });
      if (!r.ok) flag('error', 'Upload failed', (await r.json()).message);
      renderPage();
    };

    if (!app) return;
    for (const el of main.querySelectorAll('.emu-macro')) {
      const macro = current.macros.find((m) => m.id === el.dataset.macroId);
      const dyn = (modules.dynamicContentMacros || []).find((m) => m.key === macro.key);
      const stat = (modules.staticContentMacros || []).find((m) => m.key === macro.key);
      const slot = el.querySelector('.emu-macro-slot');
      if (dyn) {
        createIframe(slot, dyn.key, 'dynamicContentMacros', macroContext(macro), { width: dyn.width, height: dyn.height }).catch((err) => {
          slot.textContent = `Error rendering macro '${macro.key}': ${err.message}`;
        });
      } else if (stat) {
        api('static-macro', { appKey: app.key, key: stat.key, context: macroContext(macro) }).then((r) => {
          slot.innerHTML = r.status === 200 ? r.html : `Error rendering macro '${esc(macro.key)}': HTTP ${r.status}`;
        });
      } else {
        slot.textContent = `Unknown macro: ${macro.key}`;
      }
    }
  }

  // ACJS reads dialog options (chrome, size, submit text) from this global, as in Confluence.
  function registerDialogModules() {
    if (!app) return;
    const dialogs = {};
    for (const d of app.modules.dialogs || []) dialogs[d.key] = { options: d.options || {} };
    window._AP = Object.assign(window._AP || {}, { dialogModules: { [app.key]: dialogs } });
  }

  // Web items on the page's action menu: dialogs through ACJS (content resolver), pages by link.
  function openWebItem(item) {
    const target = item.target || { type: 'page' };
    if (target.type === 'dialog' || target.type === 'inlinedialog') {
      const key = target.key || item.key;
      const dialogs = (app.modules.dialogs || []).find((d) => d.key === key);
      connectHost.dialog.create({ addon_key: app.key, key, options: { productContext: pageContext() } }, Object.assign({ chrome: true }, (dialogs && dialogs.options) || target.options || {}));
    } else {
      window.location.href = `/wiki/plugins/servlet/ac/${encodeURIComponent(app.key)}/${encodeURIComponent(item.key)}`;
    }
  }

  // The macro editor, as Confluence opens it: a dialog over the page with the editor iframe.
  function openEditor(macro) {
    const def = (app.modules.dynamicContentMacros || []).concat(app.modules.staticContentMacros || []).find((m) => m.key === macro.key);
    if (!def || !def.editor) return;
    closeEditor();
    const overlay = document.createElement('div');
    overlay.id = 'emu-macro-editor';
    overlay.className = 'emu-overlay';
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-label', 'Macro editor');
    overlay.innerHTML = `<div class="emu-editor-box" style="width:${esc(def.editor.width || '600px')}">
      <header><h2>${esc((def.editor.editTitle && def.editor.editTitle.value) || `Edit ${def.name.value}`)}</h2>
      <button class="aui-button aui-button-link" id="emu-editor-close">Close</button></header>
      <div class="emu-editor-slot"></div></div>`;
    document.body.appendChild(overlay);
    document.getElementById('emu-editor-close').onclick = closeEditor;
    createIframe(overlay.querySelector('.emu-editor-slot'), def.key, 'dynamicContentMacros', macroContext(macro, true), {
      editor: true,
      height: def.editor.height || '400px',
      location: 'editor',
    }).catch((err) => flag('error', 'Macro editor', err.message));
  }

  function closeEditor() {
    const el = document.getElementById('emu-macro-editor');
    if (el) el.remove();
  }

  async function renderModule() {
    const data = await api('apps');
    userSelect(data.user, data.users);
    const found = data.apps.find((a) => a.key === boot.appKey && a.installed && a.enabled);
    const main = document.getElementById('emu-main');
    if (!found) {
      main.innerHTML = '<div class="aui-message aui-message-error"><p>This app is not installed.</p></div>';
      return;
    }
    app = found;
    const m = found.modules;
    const page = (m.generalPages || []).concat(m.adminPages || [], m.configurePage ? [m.configurePage] : [], m.webItems || []).find((x) => x.key === boot.key);
    const moduleType = m.configurePage && m.configurePage.key === boot.key ? 'configurePage' : (m.adminPages || []).some((x) => x.key === boot.key) ? 'adminPages' : 'generalPages';
    main.innerHTML = `<h1 id="emu-module-title">${esc(page ? page.name.value : boot.key)}</h1><div id="emu-module-slot" class="emu-module-slot"></div>`;
    createIframe(document.getElementById('emu-module-slot'), boot.key, moduleType, boot.context || {}, { location: 'page', height: '600px' }).catch((err) => {
      document.getElementById('emu-module-slot').innerHTML = `<div class="aui-message aui-message-error"><p>${esc(err.message)}</p></div>`;
    });
  }

  async function renderApps() {
    const data = await api('apps');
    userSelect(data.user, data.users);
    const main = document.getElementById('emu-main');
    main.innerHTML = `<h1>Manage apps</h1>
      <table class="aui"><thead><tr><th>App</th><th>State</th><th></th></tr></thead><tbody>
      ${data.apps.map((a) => `<tr><td>${esc(a.name)} <code>${esc(a.key)}</code></td><td>${a.installed ? (a.enabled ? 'Enabled' : 'Disabled') : 'Uninstalled'}</td>
        <td>${a.installed && a.enabled && a.modules.configurePage ? `<a class="aui-button" href="/wiki/plugins/servlet/ac/${esc(a.key)}/${esc(a.modules.configurePage.key)}">Configure</a>` : ''}
        ${a.installed ? `<button class="aui-button" data-op="${a.enabled ? 'disable' : 'enable'}">${a.enabled ? 'Disable' : 'Enable'}</button><button class="aui-button" data-op="uninstall">Uninstall</button>` : ''}</td></tr>`).join('')}
      </tbody></table>
      <p><button class="aui-button aui-button-primary" data-op="install">Install the app from ${esc(data.appUrl)}</button></p>`;
    for (const b of main.querySelectorAll('[data-op]')) {
      b.onclick = async () => {
        try {
          const r = await api(b.dataset.op, {});
          flag(r.status >= 200 && r.status < 300 ? 'success' : 'error', `${b.dataset.op}: HTTP ${r.status}`, '');
        } catch (err) {
          flag('error', b.dataset.op, err.message);
        }
        renderApps();
      };
    }
  }

  const views = { page: renderPage, module: renderModule, apps: renderApps };
  (views[boot.view] || renderPage)().catch((err) => {
    EMU.errors.push(err.message);
    document.getElementById('emu-main').innerHTML = `<div class="aui-message aui-message-error"><p>${esc(err.message)}</p></div>`;
  });
})();
