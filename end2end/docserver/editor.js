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
    [['Title', 'ds-title', config.document.title], ['Key', 'ds-key', config.document.key], ['Mode', 'ds-mode', result.mode],
     ['User', 'ds-user', (config.editorConfig.user || {}).id || ''], ['Editing now', 'ds-users', result.users.join(',')],
     ['Permissions', 'ds-permissions', JSON.stringify(config.document.permissions || {})], ['Language', 'ds-lang', config.editorConfig.lang]]
      .forEach(function (row) { dl.appendChild(el('dt', {}, row[0])); dl.appendChild(el('dd', { id: row[1] }, row[2])); });
    root.appendChild(dl);
    var bar = el('div', { class: 'bar' });
    if (result.mode === 'edit') {
      bar.appendChild(button('ds-type', 'Type', function () {
        post('/_ds/edit', { key: config.document.key, userId: config.editorConfig.user.id }).then(function () {
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
    bar.appendChild(button('ds-close', 'Close', leave));
    root.appendChild(bar);
    root.appendChild(el('p', { id: 'ds-size' }, 'Downloaded ' + result.size + ' bytes'));
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
        render(result, msg.data.capabilities || []);
        emit('onAppReady');
        emit('onDocumentReady');
        emit('onInfo', { mode: result.mode });
      });
      return;
    }
    // Method calls from api.js are recorded by the server for assertions.
    post('/_ds/method', { key: config && config.document.key, command: msg.command, data: msg.data });
  });
  emit('onInternalReady');
})();
