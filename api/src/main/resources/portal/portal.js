// The Custos authority portal: read-only. The share token arrives in the URL fragment, which browsers never send
// to a server or in a Referer; it is taken out of the address bar at once and kept only in this page's memory.
(function () {
  'use strict';

  var token = null;
  var session = null;
  var status = document.getElementById('status');

  function text(id, value) { document.getElementById(id).textContent = value; }
  function show(id, visible) { document.getElementById(id).hidden = !visible; }

  function readToken() {
    var match = /(?:^|&)token=([^&]+)/.exec(window.location.hash.substring(1));
    history.replaceState(null, '', window.location.pathname);
    return match ? decodeURIComponent(match[1]) : null;
  }

  function call(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (session) { headers['Authorization'] = 'Bearer ' + session; }
    return fetch(path, {
      method: method, headers: headers, credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  }

  function openSession(passcode) {
    var body = { token: token };
    if (passcode) { body.passcode = passcode; }
    return call('POST', '/p/authority/session', body).then(function (response) {
      if (response.status === 429) { text('status', 'Too many attempts. Wait a minute and try again.'); return; }
      if (!response.ok) {
        if (passcode) { text('status', 'This share cannot be opened: it may have expired, been revoked, or the passcode is wrong.'); }
        else { text('status', 'This share needs a passcode, or it cannot be opened.'); }
        show('passcode-form', true);
        return;
      }
      return response.json().then(function (answer) {
        session = answer.session_token;
        show('passcode-form', false);
        return loadIndex();
      });
    });
  }

  function item(list, label, details, action, actionLabel) {
    var li = document.createElement('li');
    var strong = document.createElement('strong');
    strong.textContent = label;
    li.appendChild(strong);
    var code = document.createElement('code');
    code.textContent = ' ' + details;
    li.appendChild(code);
    if (action) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = actionLabel;
      button.addEventListener('click', action);
      li.appendChild(button);
    }
    document.getElementById(list).appendChild(li);
  }

  function loadIndex() {
    return call('GET', '/p/authority/index').then(function (response) {
      if (!response.ok) { text('status', 'The session has ended.'); show('index', false); return; }
      return response.json().then(function (index) {
        text('title', index.grant.title);
        text('grant', 'Shared with you as ' + index.grant.grant_type + ', until ' + index.grant.expires_at + '.');
        index.bundles.forEach(function (bundle) {
          item('bundles', bundle.title, 'manifest sha256 ' + bundle.manifest_sha256, function () {
            showManifest(bundle.bundle_id);
          }, 'View manifest');
        });
        index.evidence.forEach(function (evidence) {
          item('evidence', evidence.title, evidence.content_bytes + ' bytes, sha256 ' + evidence.content_sha256,
            function () { download(evidence.id); }, 'Download');
        });
        text('status', 'Shared materials are listed below.');
        show('index', true);
      });
    });
  }

  function showManifest(bundleId) {
    call('GET', '/p/authority/bundles/' + encodeURIComponent(bundleId) + '/manifest').then(function (response) {
      if (!response.ok) { text('status', 'The manifest is not available.'); return; }
      return response.json().then(function (manifest) {
        text('manifest', manifest.manifest_json);
        text('manifest-sha', 'sha256 of the manifest bytes: ' + manifest.manifest_sha256);
        show('manifest-title', true); show('manifest-sha', true); show('manifest', true);
      });
    });
  }

  function download(evidenceId) {
    call('POST', '/p/authority/evidence/' + encodeURIComponent(evidenceId) + '/download').then(function (response) {
      if (!response.ok) { text('status', 'The download is not available.'); return; }
      return response.json().then(function (link) { window.location.assign(link.url); });
    });
  }

  document.getElementById('passcode-form').addEventListener('submit', function (event) {
    event.preventDefault();
    openSession(document.getElementById('passcode').value);
  });

  token = readToken();
  if (!token) { text('status', 'This link has no share token.'); return; }
  openSession(null);
}());
