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
      li.appendChild(button);
      var check = document.createElement('p');
      check.className = 'check';
      check.setAttribute('role', 'status');
      li.appendChild(check);
      button.addEventListener('click', function () { action(check); });
    }
    document.getElementById(list).appendChild(li);
  }

  var GRANT_TYPES = { adjuster: 'an adjuster', insurer: 'an insurer', regulator: 'a regulator', lawyer: 'a lawyer' };

  // Times in the reader's own time zone and language; sizes in units people read.
  function localTime(iso) {
    return new Date(iso).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
  }

  function expiresIn(iso) {
    var minutes = Math.round((new Date(iso).getTime() - Date.now()) / 60000);
    if (minutes <= 0) { return 'expired'; }
    if (minutes < 60) { return 'expires in ' + minutes + (minutes === 1 ? ' minute' : ' minutes'); }
    var hours = Math.round(minutes / 60);
    if (hours < 48) { return 'expires in ' + hours + (hours === 1 ? ' hour' : ' hours'); }
    return 'expires in ' + Math.round(hours / 24) + ' days';
  }

  function size(bytes) {
    var units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
    var value = bytes;
    var unit = 0;
    while (value >= 1000 && unit < units.length - 1) { value /= 1000; unit++; }
    return (unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)) + ' ' + units[unit];
  }

  function kind(mime) {
    var known = { 'image/jpeg': 'JPEG image', 'image/png': 'PNG image', 'application/pdf': 'PDF document',
      'video/mp4': 'MP4 video', 'text/plain': 'Text file', 'application/json': 'JSON file',
      'application/zip': 'ZIP archive', 'application/octet-stream': 'File' };
    if (!mime) { return 'File'; }
    var base = mime.split(';')[0].trim().toLowerCase();
    if (known[base]) { return known[base]; }
    var major = base.split('/')[0];
    return ({ image: 'Image', video: 'Video', audio: 'Audio', text: 'Text file' })[major] || 'File';
  }

  // SHA-256 in this browser (WebCrypto), as lower-case hex: what "verified" compares with the manifest's value.
  function sha256Hex(bytes) {
    if (!window.crypto || !window.crypto.subtle) {
      return Promise.reject(new Error('no WebCrypto'));
    }
    return window.crypto.subtle.digest('SHA-256', bytes).then(function (digest) {
      return Array.prototype.map.call(new Uint8Array(digest), function (b) {
        return ('0' + b.toString(16)).slice(-2);
      }).join('');
    });
  }

  function mark(check, state, message) {
    check.className = 'check ' + state;
    check.textContent = message;
  }

  function loadIndex() {
    return call('GET', '/p/authority/index').then(function (response) {
      if (!response.ok) { text('status', 'The session has ended.'); show('index', false); return; }
      return response.json().then(function (index) {
        text('title', index.grant.title);
        text('grant', 'Shared with you as ' + (GRANT_TYPES[index.grant.grant_type] || index.grant.grant_type)
          + '. Available until ' + localTime(index.grant.expires_at) + ' (' + expiresIn(index.grant.expires_at)
          + ').');
        index.bundles.forEach(function (bundle) {
          item('bundles', bundle.title, 'manifest sha256 ' + bundle.manifest_sha256, function (check) {
            showManifest(bundle.bundle_id, check);
          }, 'View manifest');
        });
        var claims = {};
        (index.claims || []).forEach(function (claim) { claims[claim.claim_id] = claim; });
        (index.dossiers || []).forEach(function (dossier) {
          var claim = claims[dossier.claim_id];
          item('dossiers', claim ? claim.title + ' (claim ' + claim.claim_number + ')' : 'Claim dossier',
            'assembled ' + localTime(dossier.assembled_at) + ', dossier sha256 ' + dossier.dossier_sha256,
            function (check) { showDossier(dossier.dossier_id, check); }, 'View dossier');
        });
        show('dossiers-title', (index.dossiers || []).length > 0);
        show('dossiers', (index.dossiers || []).length > 0);
        index.evidence.forEach(function (evidence) {
          item('evidence', evidence.title, kind(evidence.content_mime) + ', ' + size(evidence.content_bytes)
            + ', sha256 ' + evidence.content_sha256,
            function (check) { download(evidence, check); }, 'Download');
        });
        text('status', 'Shared materials are listed below.');
        show('index', true);
      });
    });
  }

  // A manifest's or dossier's hash is recomputed here from the very text served, beside the value the server claims.
  function showDocument(title, json, claimed, check) {
    text('manifest-title', title);
    text('manifest', json);
    text('manifest-sha', 'sha256 the server records for these bytes: ' + claimed);
    show('manifest-title', true); show('manifest-sha', true); show('manifest', true);
    return sha256Hex(new TextEncoder().encode(json)).then(function (recomputed) {
      if (recomputed === claimed) {
        mark(check, 'verified', 'Verified: recomputed in your browser, the SHA-256 is ' + recomputed + ', as recorded.');
      } else {
        mark(check, 'mismatch', 'Warning: recomputed in your browser, the SHA-256 is ' + recomputed + ', not the '
          + claimed + ' recorded. Do not rely on it.');
      }
    }, function () { mark(check, 'unchecked', 'This browser cannot compute SHA-256 here (it needs https).'); });
  }

  function showManifest(bundleId, check) {
    call('GET', '/p/authority/bundles/' + encodeURIComponent(bundleId) + '/manifest').then(function (response) {
      if (!response.ok) { mark(check, 'unchecked', 'The manifest is not available.'); return; }
      return response.json().then(function (manifest) {
        return showDocument('Manifest', manifest.manifest_json, manifest.manifest_sha256, check);
      });
    });
  }

  function showDossier(dossierId, check) {
    call('GET', '/p/authority/dossiers/' + encodeURIComponent(dossierId)).then(function (response) {
      if (!response.ok) { mark(check, 'unchecked', 'The dossier is not available.'); return; }
      return response.json().then(function (dossier) {
        return showDocument('Dossier', dossier.dossier_json, dossier.dossier_sha256, check);
      });
    });
  }

  // A download is fetched through its signed link, hashed here, and saved only when its SHA-256 is the manifest's.
  function download(evidence, check) {
    mark(check, 'checking', 'Downloading and checking…');
    call('POST', '/p/authority/evidence/' + encodeURIComponent(evidence.id) + '/download').then(function (response) {
      if (!response.ok) { mark(check, 'unchecked', 'The download is not available.'); return; }
      return response.json().then(function (link) {
        return fetch(link.url, { credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' });
      }).then(function (file) {
        if (!file.ok) { throw new Error('download ' + file.status); }
        return file.arrayBuffer();
      }).then(function (bytes) {
        return sha256Hex(bytes).then(function (actual) {
          if (actual !== evidence.content_sha256) {
            mark(check, 'mismatch', 'Warning: this file\'s SHA-256 is ' + actual + ', not the ' + evidence.content_sha256
              + ' recorded when it was sealed. It was not saved. Do not rely on it.');
            return;
          }
          mark(check, 'verified', 'Verified: the SHA-256 computed in your browser matches the record ('
            + actual + '). Saved.');
          save(bytes, evidence);
        });
      });
    }).catch(function () {
      mark(check, 'unchecked', 'The file could not be downloaded and checked. Try again.');
    });
  }

  function save(bytes, evidence) {
    var url = URL.createObjectURL(new Blob([bytes], { type: evidence.content_mime || 'application/octet-stream' }));
    var anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = evidence.title;
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  document.getElementById('passcode-form').addEventListener('submit', function (event) {
    event.preventDefault();
    openSession(document.getElementById('passcode').value);
  });

  token = readToken();
  if (!token) { text('status', 'This link has no share token.'); return; }
  openSession(null);
}());
