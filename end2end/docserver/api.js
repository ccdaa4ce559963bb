// The stand-in's DocsAPI: the real constructor's signature, defaults, validation and methods;
// the editor itself is an iframe from this server that talks to the page by postMessage.
(function () {
  'use strict';
  var VERSION = '__VERSION__';
  var ORIGIN = '__ORIGIN__';
  var APPS = { word: 'documenteditor', cell: 'spreadsheeteditor', slide: 'presentationeditor', pdf: 'pdfeditor', diagram: 'visioeditor' };
  var TYPES = {
    word: ['doc', 'docm', 'docx', 'docxf', 'dot', 'dotm', 'dotx', 'epub', 'fb2', 'fodt', 'htm', 'html', 'mht', 'mhtml', 'odt', 'oform', 'ott', 'rtf', 'stw', 'sxw', 'txt', 'wps', 'wpt', 'xml', 'md'],
    cell: ['csv', 'et', 'ett', 'fods', 'ods', 'ots', 'sxc', 'xls', 'xlsb', 'xlsm', 'xlsx', 'xlt', 'xltm', 'xltx', 'tsv', 'numbers'],
    slide: ['dps', 'dpt', 'fodp', 'odp', 'otp', 'pot', 'potm', 'potx', 'pps', 'ppsm', 'ppsx', 'ppt', 'pptm', 'pptx', 'sxi', 'key', 'odg'],
    pdf: ['djvu', 'oxps', 'pdf', 'xps'],
    diagram: ['vsdx', 'vsdm', 'vssx', 'vssm', 'vstx', 'vstm'],
  };
  var METHODS = ['destroyEditor', 'showMessage', 'refreshHistory', 'setHistoryData', 'setReferenceData', 'setUsers', 'insertImage',
    'setActionLink', 'setRevisedFile', 'setRequestedDocument', 'setMailMergeRecipients', 'setRequestedSpreadsheet', 'downloadAs',
    'denyEditingRights', 'requestClose', 'refreshFile', 'setFavorite', 'setSharingSettings', 'setReferenceSource'];
  window.__docsApiCalls = window.__docsApiCalls || [];

  function typeOf(fileType) {
    for (var t in TYPES) if (TYPES[t].indexOf(fileType) >= 0) return t;
    return null;
  }

  function DocEditor(placeholderId, config) {
    var self = this;
    config = config || {};
    config.type = config.type || 'desktop';
    config.width = config.width || '100%';
    config.height = config.height || '100%';
    config.editorConfig = config.editorConfig || {};
    config.editorConfig.lang = config.editorConfig.lang || 'en';
    var doc = config.document;
    if (!doc || !doc.url || !(doc.fileType || config.documentType)) {
      window.alert('One or more required parameter for the config object is not set');
      return;
    }
    if (doc.fileType) doc.fileType = String(doc.fileType).toLowerCase();
    var documentType = config.documentType || typeOf(doc.fileType);
    if (doc.fileType && !typeOf(doc.fileType)) { window.alert('The "document.fileType" parameter for the config object is invalid. Please correct it.'); return; }
    if (!APPS[documentType]) { window.alert('The "documentType" parameter for the config object is invalid. Please correct it.'); return; }
    if (doc.key !== undefined && typeof doc.key !== 'string') { window.alert('The "document.key" parameter for the config object is invalid. Please correct it.'); return; }
    if (!doc.key) doc.key = 'xxxxxxxxxxxxxxxxxxxx'.replace(/x/g, function () { return (Math.random() * 36 | 0).toString(36); });
    if (config.editorConfig.user && typeof config.editorConfig.user.id === 'number') {
      console.warn('The "id" parameter for the editorConfig.user object must be a string.');
      config.editorConfig.user.id = String(config.editorConfig.user.id);
    }
    if (!doc.title) doc.title = 'Unnamed.' + doc.fileType;
    if (config.token) doc.token = config.token;
    var events = config.events || {};
    var capabilities = Object.keys(events).filter(function (k) { return typeof events[k] === 'function'; });
    var mode = config.type === 'mobile' ? 'mobile' : config.type === 'embedded' ? 'embed' : 'main';
    var placeholder = document.getElementById(placeholderId);
    var iframe = document.createElement('iframe');
    iframe.name = 'frameEditor';
    iframe.id = placeholderId;
    iframe.setAttribute('allowfullscreen', '');
    iframe.style.width = config.width;
    iframe.style.height = config.height;
    iframe.src = ORIGIN + '/web-apps/apps/' + APPS[documentType] + '/' + mode + '/index.html?_dc=' + VERSION +
      '&lang=' + encodeURIComponent(config.editorConfig.lang) + '&frameEditorId=' + encodeURIComponent(placeholderId) +
      '&parentOrigin=' + encodeURIComponent(window.location.origin) + (config.editorConfig.mode === 'view' ? '&mode=view' : '');
    placeholder.parentNode.replaceChild(iframe, placeholder);
    var plain = JSON.parse(JSON.stringify(config, function (k, v) { return k === 'events' ? undefined : v; }));

    function send(command, data) {
      iframe.contentWindow.postMessage(JSON.stringify({ command: command, data: data }), ORIGIN);
    }
    window.addEventListener('message', function (e) {
      if (e.origin !== ORIGIN || e.source !== iframe.contentWindow) return;
      var msg;
      try { msg = JSON.parse(e.data); } catch (err) { return; }
      if (msg.frameEditorId !== placeholderId) return;
      if (msg.event === 'onInternalReady') { send('init', { config: plain, capabilities: capabilities }); return; }
      var handler = events[msg.event];
      if (typeof handler === 'function') handler({ target: self, data: msg.data });
    });
    METHODS.forEach(function (name) {
      self[name] = function (arg) {
        window.__docsApiCalls.push({ method: name, arg: arg });
        send(name, arg);
      };
    });
  }
  DocEditor.version = function () { return VERSION; };
  window.DocsAPI = { DocEditor: DocEditor };
})();
