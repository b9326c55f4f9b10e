// The Custos portal page: read-only. The share token arrives in the URL fragment, which browsers never send to a
// server or in a Referer; it is taken out of the address bar at once and kept only in this page's memory, with the
// passcode that opened it, so that a reader whose session ends can open the share again.
(function () {
  'use strict';

  var F = window.CustosFormat;
  var STATES = ['opening', 'no-token', 'passcode', 'denied', 'session-ended', 'rate-limited', 'network'];
  var TITLES = { opening: 'Opening', 'no-token': 'Incomplete link', passcode: 'Passcode', denied: 'Cannot be opened',
    'session-ended': 'Session ended', 'rate-limited': 'Too many requests', network: 'Connection problem' };
  var GRANT_TYPES = { adjuster: 'an adjuster', insurer: 'an insurer', regulator: 'a regulator', legal: 'a lawyer',
    contractor_third_party: 'a contractor' };

  var token = null;
  var passcodeThatOpened = null;
  var session = null;
  var retry = null;
  var trust = null;

  function byId(id) { return document.getElementById(id); }

  /** Shows one state page (or the index, for null) and moves focus to its heading, so it is announced. */
  function showState(name) {
    STATES.forEach(function (state) { byId('state-' + state).hidden = state !== name; });
    byId('index').hidden = name !== null;
    if (name === null) { return; }
    document.title = TITLES[name] + ' · Custos shared materials';
    var heading = byId('state-' + name).querySelector('h2');
    if (heading) { heading.focus(); }
  }

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

  // Every refusal of a token is the same 401, whatever the reason, so a first refusal may mean "needs a passcode"
  // or "cannot be opened": the page asks for the passcode and offers the way out for a reader who has none.
  function openSession(passcode, reopening) {
    retry = function () { openSession(passcode, reopening); };
    showState('opening');
    var body = { token: token };
    if (passcode) { body.passcode = passcode; }
    return call('POST', '/p/authority/session', body).then(function (response) {
      if (response.status === 429) { return showState('rate-limited'); }
      if (response.status === 401) {
        if (reopening) { return showState('denied'); }
        if (passcode) { return askForPasscode(true); }
        return askForPasscode(false);
      }
      if (!response.ok) { return showState('network'); }
      return response.json().then(function (answer) {
        session = answer.session_token;
        passcodeThatOpened = passcode;
        return loadIndex();
      });
    }, function () { showState('network'); });
  }

  function askForPasscode(wrong) {
    var input = byId('passcode');
    byId('passcode-error').hidden = !wrong;
    input.setAttribute('aria-invalid', wrong ? 'true' : 'false');
    input.value = '';
    showState('passcode');
    if (wrong) { input.focus(); }
  }

  function sessionEnded() {
    session = null;
    retry = null;
    showState('session-ended');
  }

  function loadIndex() {
    retry = loadIndex;
    return call('GET', '/p/authority/index').then(function (response) {
      if (response.status === 401) { return sessionEnded(); }
      if (response.status === 429) { return showState('rate-limited'); }
      if (!response.ok) { return showState('network'); }
      return response.json().then(showIndex);
    }, function () { showState('network'); });
  }

  function showIndex(index) {
    byId('title').textContent = index.grant.title;
    byId('grant').textContent = 'Shared with you as ' + (GRANT_TYPES[index.grant.grant_type] || 'a reader')
      + '. Available until ' + F.localTime(index.grant.expires_at) + ' (' + F.expiresIn(index.grant.expires_at)
      + ').';
    byId('grant').hidden = false;
    trust = { key: index.log_key || null, origin: index.log_origin || null, owner: index.log_owner || 'the sender' };
    showLogKey();
    var shown = window.CustosView.render(index, { download: download, checkManifest: checkManifest,
      checkDossier: checkDossier, checkReceipt: checkReceipt });
    byId('empty').hidden = shown > 0;
    document.title = index.grant.title + ' · Custos shared materials';
    showState(null);
    byId('title').focus();
  }

  function mark(check, state, message) {
    check.className = 'check ' + state;
    check.textContent = message;
  }

  /** A receipt's verdict: worded and styled as a check's, but its own line, apart from what the buttons check. */
  function markReceipt(line, state, message) {
    line.className = 'receipt ' + state;
    line.textContent = message;
  }

  /** An action's answer, or null once the page has said why there is none (session ended, too many, offline). */
  function answered(response, check) {
    if (response.status === 401) { sessionEnded(); return null; }
    if (response.status === 429) {
      mark(check, 'unchecked', 'Too many requests just now. Wait a minute, then try again.');
      return null;
    }
    if (!response.ok) { mark(check, 'unchecked', 'This item is no longer available through this link.'); return null; }
    return response;
  }

  function offline(check) {
    return function () { mark(check, 'unchecked', 'Custos could not be reached. Check your connection and try again.'); };
  }

  // SHA-256 with WebCrypto, as lower-case hex: what "verified" compares with the recorded value.
  function webCryptoHex(bytes) {
    if (!window.crypto || !window.crypto.subtle) { return Promise.reject(new Error('no WebCrypto')); }
    return window.crypto.subtle.digest('SHA-256', bytes).then(function (digest) {
      return Array.prototype.map.call(new Uint8Array(digest), function (b) {
        return ('0' + b.toString(16)).slice(-2);
      }).join('');
    });
  }

  // A manifest's or dossier's hash is recomputed here from the very text served, beside the value recorded.
  function checkDocument(path, field, claimed, check, show) {
    mark(check, 'checking', 'Checking…');
    call('GET', path).then(function (response) {
      if (!answered(response, check)) { return; }
      return response.json().then(function (document) {
        var served = document[field];
        show(served);
        return webCryptoHex(new TextEncoder().encode(served)).then(function (recomputed) {
          if (recomputed === claimed) {
            mark(check, 'verified', 'Verified: recomputed in your browser, the SHA-256 of this text is ' + recomputed
              + ', as recorded.');
          } else {
            mark(check, 'mismatch', 'Warning: recomputed in your browser, the SHA-256 of this text is ' + recomputed
              + ', not the ' + claimed + ' recorded. Do not rely on it, and tell the sender.');
          }
        }, function () { mark(check, 'unchecked', 'This browser cannot compute SHA-256 here (it needs https).'); });
      });
    }, offline(check));
  }

  function checkManifest(bundle, check, show) {
    checkDocument('/p/authority/bundles/' + encodeURIComponent(bundle.bundle_id) + '/manifest', 'manifest_json',
      bundle.manifest_sha256, check, show);
  }

  function checkDossier(dossier, check, show) {
    checkDocument('/p/authority/dossiers/' + encodeURIComponent(dossier.dossier_id), 'dossier_json',
      dossier.dossier_sha256, check, show);
  }

  // The key every receipt on the page is checked against is named once, by its fingerprint (its note key id), so
  // that a reader can compare it with one the sender gives them another way: a receipt proves no more than its key.
  function showLogKey() {
    var line = byId('log-key');
    line.hidden = !trust.key;
    if (!trust.key) { return; }
    line.textContent = 'Checking the key…';
    window.CustosReceipt.parseVerifierKey(trust.key).then(function (key) {
      while (line.firstChild) { line.removeChild(line.firstChild); }
      line.appendChild(document.createTextNode('Log records on this page are checked in your browser against '
        + trust.owner + '\'s log key ' + key.name + ', fingerprint '));
      var code = document.createElement('code');
      code.textContent = key.fingerprint;
      line.appendChild(code);
      line.appendChild(document.createTextNode('. To be sure the key is theirs, compare the fingerprint with one '
        + 'they give you another way.'));
    }, function () {
      line.textContent = 'This page was given a log key it cannot read, so it cannot check log records.';
    });
  }

  // What the log receipt must be about: the event that sealed or assembled this very item, with its fingerprint.
  var SUBJECTS = {
    bundle: function (bundle) {
      return { noun: 'bundle', eventType: 'EvidenceBundleSealed',
        payload: { bundleId: bundle.bundle_id, manifestSha256: bundle.manifest_sha256 } };
    },
    dossier: function (dossier) {
      return { noun: 'dossier', eventType: 'ClaimDossierAssembled',
        payload: { dossierId: dossier.dossier_id, dossierSha256: dossier.dossier_sha256 } };
    },
    evidence: function (evidence) {
      return { noun: 'file', eventType: 'EvidenceSealed', payload: { evidenceId: evidence.id },
        ifPresent: { contentSha256: evidence.content_sha256 } };
    }
  };

  // A receipt is checked as soon as the item is shown; a missing one is said plainly, without alarm, since an item
  // waits for the next signed head, and items sealed before the log existed never have one.
  function checkReceipt(kind, item, line) {
    var subject = SUBJECTS[kind](item);
    markReceipt(line, 'checking', 'Checking the log record…');
    window.CustosReceipt.verify(item.receipt, trust, subject).then(function (verdict) {
      if (verdict.status === 'recorded') {
        markReceipt(line, 'verified', 'Recorded in ' + trust.owner + '\'s signed log as entry ' + verdict.seq + ' of '
          + verdict.size + (verdict.signedAt ? ', signed ' + F.localTime(verdict.signedAt) : '') + ' by key '
          + verdict.fingerprint + '.');
      } else if (verdict.status === 'missing') {
        markReceipt(line, 'not-recorded', 'Not yet recorded in a signed log head.');
      } else if (verdict.status === 'unchecked') {
        markReceipt(line, 'unchecked', 'The log record could not be checked: ' + verdict.reason + '.');
      } else {
        markReceipt(line, 'mismatch', 'Warning: the log record of this ' + subject.noun + ' does not hold up ('
          + verdict.reason + '). Do not rely on it, and tell the sender.');
      }
    });
  }

  /** Files up to this many bytes are hashed whole with WebCrypto; larger ones chunk by chunk as they arrive. */
  function streamAbove() {
    var configured = Number(document.documentElement.getAttribute('data-stream-above'));
    return isNaN(configured) ? 32 * 1000 * 1000 : configured;
  }

  function fetchAndHash(url, expectedBytes, check) {
    return fetch(url, { credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' }).then(function (file) {
      if (!file.ok) { throw new Error('download ' + file.status); }
      if (expectedBytes <= streamAbove() || !file.body) {
        return file.arrayBuffer().then(function (bytes) {
          return webCryptoHex(bytes).then(function (hex) { return { sha256: hex, bytes: [bytes] }; });
        });
      }
      var reader = file.body.getReader();
      var hash = window.CustosSha256();
      var parts = [];
      var received = 0;
      var announced = 0;
      function next() {
        return reader.read().then(function (step) {
          if (step.done) { return { sha256: hash.hex(), bytes: parts }; }
          hash.update(step.value);
          parts.push(step.value);
          received += step.value.length;
          var percent = Math.floor(received * 100 / Math.max(expectedBytes, 1) / 10) * 10;
          if (percent > announced && percent < 100) {
            announced = percent;
            mark(check, 'checking', 'Downloading and checking… ' + percent + '%');
          }
          return next();
        });
      }
      return next();
    });
  }

  // A download is fetched through its signed link, hashed here, and saved only when its SHA-256 is the record's.
  function download(evidence, check) {
    mark(check, 'checking', 'Downloading and checking…');
    call('POST', '/p/authority/evidence/' + encodeURIComponent(evidence.id) + '/download').then(function (response) {
      if (!answered(response, check)) { return; }
      return response.json().then(function (link) {
        return fetchAndHash(link.url, evidence.content_bytes, check);
      }).then(function (received) {
        if (received.sha256 !== evidence.content_sha256) {
          mark(check, 'mismatch', 'Warning: the file received has SHA-256 ' + received.sha256 + ', not the '
            + evidence.content_sha256 + ' recorded when it was sealed. It was not saved. Do not rely on it, and tell '
            + 'the sender.');
          return;
        }
        mark(check, 'verified', 'Verified: the SHA-256 computed in your browser matches the record ('
          + received.sha256 + '). Saved.');
        save(received.bytes, evidence);
      }, function () {
        mark(check, 'unchecked', 'The file could not be downloaded and checked. Try again.');
      });
    }, offline(check));
  }

  function save(parts, evidence) {
    var url = URL.createObjectURL(new Blob(parts, { type: evidence.content_mime || 'application/octet-stream' }));
    var anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = evidence.title;
    anchor.hidden = true;
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  byId('passcode-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var passcode = byId('passcode').value;
    if (!passcode) { byId('passcode').focus(); return; }
    openSession(passcode, false);
  });
  byId('no-passcode').addEventListener('click', function () { showState('denied'); });
  byId('reopen').addEventListener('click', function () { openSession(passcodeThatOpened, true); });
  Array.prototype.forEach.call(document.querySelectorAll('button.retry'), function (button) {
    button.addEventListener('click', function () { if (retry) { retry(); } });
  });

  token = readToken();
  if (!token) { showState('no-token'); return; }
  openSession(null, false);
}());
