// A log receipt, checked in the reader's browser: it proves that the event which sealed or assembled an item is an
// entry of the tenant's transparency log, under a tree head signed by the key the page names. A receipt is
//   { checkpoint: the signed tree head as a C2SP signed note,
//     entry: the entry's stream line, exactly as served (JSON text),
//     inclusion: { seq, leaf_index, tree_size, hashes: [base64, ...] },
//     signed_at: when the head was signed, from its JSON checkpoint (shown to the reader, not proven) }.
// Nothing here trusts the server's arithmetic: the entry's bytes are recomputed from the line (RFC 8785), its leaf
// hash from those bytes, the root from the proof (RFC 9162), and the signature over the head's text (Ed25519).
// The answer is a verdict for people, { status, ... }: 'recorded', 'failed' (with a reason), 'missing' (no receipt
// yet, which is not a fault) or 'unchecked' (this browser or this page could not check it).
(function () {
  'use strict';

  // Loaded only where WebCrypto has no Ed25519, as a module from the page's own origin (the policy allows no other).
  var FALLBACK_ED25519 = '/p/authority/assets/noble-ed25519.js';
  var SIGNATURE_PREFIX = '\u2014 ';
  var ED25519 = 0x01;

  /** The receipt does not prove what it claims. */
  function Refusal(reason) { this.reason = reason; }

  /** This browser could not do the check (nothing is said about the receipt). */
  function Unavailable(reason) { this.reason = reason; }

  function fail(reason) { throw new Refusal(reason); }

  function utf8(text) { return new TextEncoder().encode(text); }

  function concat() {
    var parts = Array.prototype.slice.call(arguments);
    var joined = new Uint8Array(parts.reduce(function (sum, part) { return sum + part.length; }, 0));
    var at = 0;
    parts.forEach(function (part) { joined.set(part, at); at += part.length; });
    return joined;
  }

  function same(a, b) {
    if (a.length !== b.length) { return false; }
    for (var i = 0; i < a.length; i++) { if (a[i] !== b[i]) { return false; } }
    return true;
  }

  function hex(bytes) {
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  /** Strict standard base64 with padding, as the formats write it; anything else is refused, not guessed at. */
  function fromBase64(text, what) {
    if (typeof text !== 'string' || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
      fail(what + ' is not base64');
    }
    var binary = atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) { bytes[i] = binary.charCodeAt(i); }
    return bytes;
  }

  function sha256(bytes) {
    return window.crypto.subtle.digest('SHA-256', bytes).then(function (digest) { return new Uint8Array(digest); });
  }

  function leafHash(entryBytes) { return sha256(concat(new Uint8Array([0x00]), entryBytes)); }

  function nodeHash(left, right) { return sha256(concat(new Uint8Array([0x01]), left, right)); }

  function count(value) { return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0; }

  /**
   * RFC 9162's inclusion check: the root that the proof leads to from the leaf, for the leaf's index in a tree of
   * that size, is the root given. Sizes are counted with division, not bit operators, so they may pass 2^32.
   */
  function verifyInclusion(index, size, leaf, proof, root) {
    if (!count(index) || !count(size) || index >= size || leaf.length !== 32 || root.length !== 32) {
      return Promise.resolve(false);
    }
    if (!proof.every(function (hash) { return hash.length === 32; })) { return Promise.resolve(false); }
    var fn = index;
    var sn = size - 1;
    var step = Promise.resolve(leaf);
    var tooLong = false;
    proof.forEach(function (p) {
      step = step.then(function (r) {
        if (sn === 0) { tooLong = true; return r; }
        var next;
        if (fn % 2 === 1 || fn === sn) {
          next = nodeHash(p, r);
          if (fn % 2 === 0) {
            while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
          }
        } else {
          next = nodeHash(r, p);
        }
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
        return next;
      });
    });
    return step.then(function (r) { return !tooLong && sn === 0 && same(r, root); });
  }

  /**
   * A note verifier key, `<name>+<key id, 8 hex>+<base64(0x01 || 32-byte Ed25519 key)>`: taken only when the
   * key id it states is the one its name and key give, so the fingerprint shown is the key's own.
   */
  function parseVerifierKey(text) {
    return Promise.resolve().then(function () {
      // A name holds no '+' and the id is hex, but base64 may hold '+': only the first two separate.
      var parts = /^([^+\s]+)\+([0-9a-f]{8})\+(\S+)$/.exec(typeof text === 'string' ? text : '');
      if (!parts) { fail('the log key is not readable'); }
      var typed = fromBase64(parts[3], 'the log key');
      if (typed.length !== 33 || typed[0] !== ED25519) { fail('the log key is not an Ed25519 note key'); }
      return sha256(concat(utf8(parts[1]), new Uint8Array([0x0A]), typed)).then(function (digest) {
        var id = digest.subarray(0, 4);
        if (hex(id) !== parts[2]) { fail('the log key\'s fingerprint is not the key\'s own'); }
        return { name: parts[1], id: id, fingerprint: parts[2], publicKey: typed.subarray(1) };
      });
    });
  }

  /** A C2SP signed note holding a checkpoint: origin, tree size, root hash, then the signature lines. */
  function parseNote(text) {
    if (typeof text !== 'string' || text.charAt(text.length - 1) !== '\n') { fail('the signed log head is not readable'); }
    var split = text.lastIndexOf('\n\n');
    if (split < 0 || split + 2 >= text.length) { fail('the signed log head has no signature'); }
    var body = text.substring(0, split + 1);
    var lines = body.split('\n');
    if (lines.length < 4 || !lines[0] || !/^(0|[1-9][0-9]*)$/.test(lines[1])) {
      fail('the signed log head is not readable');
    }
    var size = Number(lines[1]);
    if (!Number.isSafeInteger(size)) { fail('the signed log head is not readable'); }
    var root = fromBase64(lines[2], 'the signed root hash');
    if (root.length !== 32) { fail('the signed root hash is not a SHA-256 hash'); }
    var signatures = text.substring(split + 2, text.length - 1).split('\n').map(function (line) {
      var space = line.lastIndexOf(' ');
      if (line.indexOf(SIGNATURE_PREFIX) !== 0 || space <= SIGNATURE_PREFIX.length) {
        fail('the signed log head has a line that is not a signature');
      }
      return { name: line.substring(SIGNATURE_PREFIX.length, space), bytes: fromBase64(line.substring(space + 1),
        'a signature') };
    });
    return { text: body, origin: lines[0], size: size, root: root, signatures: signatures };
  }

  /** Ed25519 with WebCrypto where the browser has it, else with the vendored noble-ed25519 (strict RFC 8032). */
  function verifyEd25519(publicKey, signature, message) {
    var subtle = window.crypto.subtle;
    return Promise.resolve().then(function () {
      return subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']);
    }).then(function (key) {
      return subtle.verify({ name: 'Ed25519' }, key, signature, message);
    }, function () {
      return import(FALLBACK_ED25519).then(function (ed) {
        return ed.verifyAsync(signature, message, publicKey, { zip215: false }).catch(function () { return false; });
      }, function () {
        throw new Unavailable('this browser could not load what it needs to check a signature');
      });
    });
  }

  function entryObject(entry) {
    if (entry !== null && typeof entry === 'object' && !Array.isArray(entry)) { return entry; }
    try {
      var parsed = JSON.parse(entry);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) { return parsed; }
    } catch (ignored) {
      // Said below in the reader's words.
    }
    return fail('the log entry is not readable');
  }

  /** The bytes the log hashed for an entry: its line without the chain's own two fields, in RFC 8785 form. */
  function entryBytes(line) {
    var copy = {};
    Object.keys(line).forEach(function (key) {
      if (key !== 'prev_hash' && key !== 'hash') { copy[key] = line[key]; }
    });
    return utf8(window.CustosJcs.canonicalize(copy));
  }

  /**
   * The entry is the one that sealed or assembled this very item: its event's type (by its simple name, so that a
   * moved package changes nothing) and the payload fields that name the item and its fingerprint.
   */
  function about(line, subject) {
    var type = typeof line.event_type === 'string' ? line.event_type.substring(line.event_type.lastIndexOf('.') + 1)
      : null;
    var payload = line.payload || {};
    var matches = type === subject.eventType && Object.keys(subject.payload).every(function (field) {
      return payload[field] === subject.payload[field];
    }) && Object.keys(subject.ifPresent || {}).every(function (field) {
      return payload[field] === undefined || payload[field] === subject.ifPresent[field];
    });
    if (!matches) { fail('the log entry it shows records something else, not this ' + subject.noun); }
  }

  /**
   * Checks a receipt against the key the page trusts (`trust.key`, a note verifier key, and optionally
   * `trust.origin`, the log's name) for a subject: `{noun, eventType, payload, ifPresent}`.
   */
  function verify(receipt, trust, subject) {
    if (!receipt) { return Promise.resolve({ status: 'missing' }); }
    if (!window.crypto || !window.crypto.subtle) {
      return Promise.resolve({ status: 'unchecked', reason: 'this browser cannot check it here (it needs https)' });
    }
    if (!trust || !trust.key) {
      return Promise.resolve({ status: 'unchecked', reason: 'this page was given no log key to check it with' });
    }
    var key;
    return Promise.resolve().then(function () {
      return parseVerifierKey(trust.key);
    }).then(function (trusted) {
      key = trusted;
      var line = entryObject(receipt.entry);
      if (line.v !== 2) {
        return { status: 'unchecked', reason: 'this page checks log entries of version 2 only' };
      }
      about(line, subject);
      var inclusion = receipt.inclusion || {};
      if (!count(line.seq) || inclusion.seq !== line.seq || inclusion.leaf_index !== line.seq - 1) {
        fail('its inclusion proof is for another entry');
      }
      var note = parseNote(receipt.checkpoint);
      if (trust.origin && note.origin !== trust.origin) { fail('its signed log head is of another log'); }
      // Other lines (a witness's cosignature, say) are not this page's to judge: only the trusted key's counts.
      var signature = note.signatures.filter(function (candidate) {
        return candidate.name === key.name && candidate.bytes.length >= 4
          && same(candidate.bytes.subarray(0, 4), key.id);
      })[0];
      if (!signature) { fail('its log head is not signed by the key this page trusts (' + key.fingerprint + ')'); }
      if (signature.bytes.length !== 68) { fail('its log head\'s signature is not an Ed25519 signature'); }
      if (inclusion.tree_size !== note.size) {
        fail('its proof is for a log of ' + inclusion.tree_size + ' entries, but the signed head is of ' + note.size);
      }
      if (!Array.isArray(inclusion.hashes)) { fail('its inclusion proof is not readable'); }
      var proof = inclusion.hashes.map(function (hash) { return fromBase64(hash, 'a proof hash'); });
      return verifyEd25519(key.publicKey, signature.bytes.subarray(4), utf8(note.text)).then(function (signed) {
        if (!signed) { fail('its log head\'s signature does not match the head: it was changed after signing'); }
        return leafHash(entryBytes(line));
      }).then(function (leaf) {
        return verifyInclusion(line.seq - 1, note.size, leaf, proof, note.root);
      }).then(function (included) {
        if (!included) { fail('the entry is not in the signed log: the entry or its proof was changed'); }
        return { status: 'recorded', seq: line.seq, size: note.size, fingerprint: key.fingerprint,
          keyName: key.name, signedAt: receipt.signed_at || null };
      });
    }).catch(function (error) {
      if (error instanceof Refusal) { return { status: 'failed', reason: error.reason }; }
      if (error instanceof Unavailable) { return { status: 'unchecked', reason: error.reason }; }
      return { status: 'failed', reason: 'the receipt is not readable' };
    });
  }

  window.CustosReceipt = { verify: verify, verifyInclusion: verifyInclusion, parseVerifierKey: parseVerifierKey,
    entryBytes: entryBytes, fromBase64: fromBase64 };
}());
