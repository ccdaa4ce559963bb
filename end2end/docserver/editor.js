// The stand-in editor inside the Document Server iframe: receives the config from api.js,
// opens the session on the stand-in server (over HTTP instead of a WebSocket), shows a
// placeholder and fires the editor events; test controls type, save and close.
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var frameEditorId = params.get('frameEditorId');
  var parentOrigin = params.get('parentOrigin');
  var session = null;
  var config = null;
  var capabilitiesNow = [];
  var root = document.getElementById('ds-editor');

  function emit(event, data) {
    parent.postMessage(JSON.stringify({ frameEditorId: frameEditorId, event: event, data: data }), parentOrigin);
  }
  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(function (r) { return r.json(); });
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function button(id, label, onClick) {
    var b = el('button', { id: id, type: 'button' }, label);
    b.addEventListener('click', onClick);
    return b;
  }

  function render(result, capabilities) {
    root.innerHTML = '';
    root.dataset.state = 'ready';
    root.dataset.mode = result.mode;
    var dl = el('dl');
    [['Title', 'ds-title', config.document.title], ['Key', 'ds-key', config.document.key], ['Mode', 'ds-mode', result.mode], ['Form', 'ds-form', result.form ? 'form' : 'document'],
     ['User', 'ds-user', (config.editorConfig.user || {}).id || ''], ['Editing now', 'ds-users', result.users.join(',')],
     ['Permissions', 'ds-permissions', JSON.stringify(config.document.permissions || {})], ['Language', 'ds-lang', config.editorConfig.lang],
     ['Interface', 'ds-customization', JSON.stringify(config.editorConfig.customization || {})],
     ['Reference', 'ds-reference', JSON.stringify(config.document.referenceData || null)]]
      .forEach(function (row) { dl.appendChild(el('dt', {}, row[0])); dl.appendChild(el('dd', { id: row[1] }, row[2])); });
    root.appendChild(dl);
    root.appendChild(el('p', { id: 'ds-action' }, JSON.stringify(config.editorConfig.actionLink || null)));
    var bar = el('div', { class: 'bar' });
    if (result.mode === 'edit' || result.mode === 'fill') {
      // What "Type" writes into the real document (a paragraph, a cell, a text box on a slide).
      var typed = el('input', { id: 'ds-text', 'aria-label': 'Text to type' });
      bar.appendChild(typed);
      bar.appendChild(button('ds-type', 'Type', function () {
        post('/_ds/edit', { key: config.document.key, userId: config.editorConfig.user.id, text: typed.value }).then(function () {
          emit('onDocumentStateChange', true);
          emit('onDocumentStateChange', false);
          root.dataset.dirty = 'true';
        });
      }));
      if ((config.editorConfig.customization || {}).forcesave) {
        bar.appendChild(button('ds-save', 'Save now', function () {
          post('/_ds/forcesave', { key: config.document.key, userId: config.editorConfig.user.id });
        }));
      }
    } else if (capabilities.indexOf('onRequestEditRights') >= 0 && (config.document.permissions || {}).edit !== false) {
      bar.appendChild(button('ds-edit-rights', 'Edit current file', function () { emit('onRequestEditRights'); }));
    }
    if (capabilities.indexOf('onRequestUsers') >= 0) {
      var search = el('input', { id: 'ds-mention-search', 'aria-label': 'Mention' });
      bar.appendChild(search);
      bar.appendChild(button('ds-mention', '@', function () { emit('onRequestUsers', { c: 'mention', search: search.value }); }));
    }
    if (capabilities.indexOf('onRequestSaveAs') >= 0) {
      bar.appendChild(button('ds-save-as', 'Save copy as', function () {
        post('/_ds/save-as', { key: config.document.key }).then(function (r) {
          emit('onRequestSaveAs', { fileType: r.fileType, title: 'Copy of ' + r.title, url: r.url });
        });
      }));
    }
    if (config.editorConfig.createUrl) {
      // "Create new": the real editor opens createUrl in a new tab.
      bar.appendChild(button('ds-create', 'Create new', function () { window.open(config.editorConfig.createUrl, '_blank'); }));
    }
    if (capabilities.indexOf('onMakeActionLink') >= 0) {
      bar.appendChild(button('ds-get-link', 'Get link', function () { emit('onMakeActionLink', { action: { type: 'bookmark', data: 'Intro' } }); }));
    }
    // Files from the integrator: each button only when the page handles its request.
    [['ds-insert-image', 'Insert image', 'onRequestInsertImage', { c: 'add' }],
     ['ds-compare', 'Compare', 'onRequestSelectDocument', { c: 'compare' }],
     ['ds-mail-merge', 'Mail merge', 'onRequestSelectSpreadsheet', { c: 'mailmerge' }],
     ['ds-ref-source', 'Change source', 'onRequestReferenceSource', { referenceData: config.document.referenceData, path: config.document.title }]]
      .forEach(function (b) {
        if (capabilities.indexOf(b[2]) >= 0) bar.appendChild(button(b[0], b[1], function () { emit(b[2], b[3]); }));
      });
    if (capabilities.indexOf('onRequestReferenceData') >= 0) {
      // A link to another spreadsheet's data, as paste special leaves it: {referenceData, path}.
      bar.appendChild(el('input', { id: 'ds-ref-input', 'aria-label': 'Linked data' }));
      bar.appendChild(button('ds-ref-update', 'Update links', function () {
        emit('onRequestReferenceData', JSON.parse(document.getElementById('ds-ref-input').value));
      }));
      if (capabilities.indexOf('onRequestOpen') >= 0) {
        bar.appendChild(button('ds-ref-open', 'Open source', function () {
          var link = JSON.parse(document.getElementById('ds-ref-input').value);
          link.windowName = 'linked_source';
          emit('onRequestOpen', link);
        }));
      }
    }
    if (capabilities.indexOf('onRequestHistory') >= 0) {
      bar.appendChild(button('ds-history', 'Version history', function () { emit('onRequestHistory'); }));
    }
    bar.appendChild(button('ds-close', 'Close', leave));
    root.appendChild(bar);
    root.appendChild(el('div', { id: 'ds-history-panel' }));
    root.appendChild(el('p', { id: 'ds-linked' }));
    root.appendChild(el('p', { id: 'ds-action-link' }));
    root.appendChild(el('p', { id: 'ds-avatars' }));
    root.appendChild(el('ul', { id: 'ds-mention-list' }));
    // As the real editor: names and avatars of the people in the session.
    if (capabilities.indexOf('onRequestUsers') >= 0) emit('onRequestUsers', { c: 'info', id: result.users });
    root.appendChild(el('p', { id: 'ds-size' }, 'Downloaded ' + result.size + ' bytes'));
  }

  // The history panel as the real editor fills it from refreshHistory: one row per version,
  // each opening through onRequestHistoryData, with Restore when the page handles it.
  function showHistory(data) {
    var panel = document.getElementById('ds-history-panel');
    if (!panel) return;
    panel.innerHTML = '';
    if (data.error) { panel.appendChild(el('p', { id: 'ds-history-error' }, data.error)); return; }
    panel.dataset.current = String(data.currentVersion);
    var list = el('ol', { id: 'ds-history' });
    (data.history || []).forEach(function (h) {
      var item = el('li', { 'data-version': String(h.version), 'data-key': h.key, 'data-changes': String((h.changes || []).length) }, 'v' + h.version + ' ' + ((h.user || {}).name || '') + ' ' + (h.created || ''));
      item.appendChild(button('ds-history-open-' + h.version, 'Open', function () { emit('onRequestHistoryData', h.version); }));
      if (capabilitiesNow.indexOf('onRequestRestore') >= 0 && root.dataset.mode === 'edit' && h.version !== data.currentVersion) {
        item.appendChild(button('ds-restore-' + h.version, 'Restore', function () { emit('onRequestRestore', { version: h.version, fileType: config.document.fileType }); }));
      }
      list.appendChild(item);
    });
    panel.appendChild(list);
    panel.appendChild(el('p', { id: 'ds-history-view' }, ''));
    panel.appendChild(button('ds-history-close', 'Close history', function () { emit('onRequestHistoryClose'); }));
  }

  function leave() {
    if (!session) return;
    var body = { key: config.document.key, userId: config.editorConfig.user.id };
    session = null;
    root.dataset.state = 'closed';
    return post('/_ds/leave', body);
  }

  window.addEventListener('pagehide', function () {
    if (session) navigator.sendBeacon('/_ds/leave', new Blob([JSON.stringify({ key: config.document.key, userId: config.editorConfig.user.id })], { type: 'application/json' }));
  });

  window.addEventListener('message', function (e) {
    if (e.origin !== parentOrigin) return;
    var msg;
    try { msg = JSON.parse(e.data); } catch (err) { return; }
    if (msg.command === 'init') {
      config = msg.data.config;
      post('/_ds/open', { config: config, frameEditorId: frameEditorId }).then(function (result) {
        if (result.error) {
          root.innerHTML = '';
          root.dataset.state = 'error';
          root.appendChild(el('p', { id: 'ds-error', class: 'error' }, result.message));
          emit(result.event || 'onError', { errorCode: result.code, errorDescription: result.message });
          return;
        }
        session = result;
        capabilitiesNow = msg.data.capabilities || [];
        render(result, capabilitiesNow);
        emit('onAppReady');
        emit('onDocumentReady');
        emit('onInfo', { mode: result.mode });
      });
      return;
    }
    if (msg.command === 'refreshHistory') showHistory(msg.data || {});
    if (msg.command === 'setUsers') {
      var d = msg.data || {};
      var users = d.users || [];
      if (d.c === 'info') {
        var avatars = document.getElementById('ds-avatars');
        avatars.textContent = users.map(function (u) { return u.name; }).join(', ');
        avatars.dataset.images = users.map(function (u) { return u.image || ''; }).join(' ');
      } else {
        var list = document.getElementById('ds-mention-list');
        list.innerHTML = '';
        users.forEach(function (u) { list.appendChild(el('li', { 'data-id': u.id }, u.name)); });
        list.dataset.state = 'ready';
      }
    }
    if (msg.command === 'setHistoryData') {
      post('/_ds/history', { key: config.document.key, data: msg.data, origin: location.origin }).then(function (r) {
        var view = document.getElementById('ds-history-view');
        if (!view) return;
        view.dataset.state = r.ok ? 'ready' : 'error';
        view.dataset.changes = r.changes === null || r.changes === undefined ? '' : String(r.changes);
        view.textContent = r.ok ? 'Version ' + r.version + ': ' + r.text : r.message;
      });
    }
    if (['insertImage', 'setRequestedDocument', 'setRequestedSpreadsheet', 'setReferenceData', 'setReferenceSource'].indexOf(msg.command) >= 0) {
      post('/_ds/linked', { key: config.document.key, command: msg.command, data: msg.data }).then(function (r) {
        var shown = document.getElementById('ds-linked');
        shown.dataset.state = r.ok ? 'ready' : 'error';
        shown.dataset.command = msg.command;
        shown.textContent = r.ok ? r.command + ': ' + r.fileType + ', ' + r.size + ' bytes' : r.message;
      });
    }
    if (msg.command === 'setActionLink') {
      var link = document.getElementById('ds-action-link');
      link.textContent = msg.data;
      link.dataset.state = 'ready';
    }
    // Method calls from api.js are recorded by the server for assertions.
    post('/_ds/method', { key: config && config.document.key, command: msg.command, data: msg.data });
  });
  emit('onInternalReady');
})();
