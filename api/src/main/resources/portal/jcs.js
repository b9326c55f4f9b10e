// RFC 8785, the JSON Canonicalization Scheme: the form in which a log entry was hashed. The page recomputes an entry's
// bytes from the line it was given, so what it checks is the line a reader can read, not bytes it is asked to trust.
// JCS is defined on JavaScript's own JSON: numbers are IEEE doubles written as ECMAScript writes them, strings are
// escaped as JSON.stringify escapes them, and object keys are sorted by UTF-16 code units, which is how a JavaScript
// array of strings sorts by default. PortalReceiptsIT runs it on the RFC's published test data in Chromium.
(function () {
  'use strict';

  function canonicalize(value) {
    if (value === null || typeof value === 'boolean' || typeof value === 'string') { return JSON.stringify(value); }
    if (typeof value === 'number') {
      if (!isFinite(value)) { throw new Error('JCS has no form for ' + value); }
      return JSON.stringify(value);
    }
    if (Array.isArray(value)) { return '[' + value.map(canonicalize).join(',') + ']'; }
    if (typeof value === 'object') {
      return '{' + Object.keys(value).sort().map(function (key) {
        return JSON.stringify(key) + ':' + canonicalize(value[key]);
      }).join(',') + '}';
    }
    throw new Error('JCS has no form for a ' + typeof value);
  }

  /** The canonical text of a JSON text (a string): parsed as JSON, then written in the one RFC 8785 form. */
  function canonicalText(json) {
    return canonicalize(JSON.parse(json));
  }

  window.CustosJcs = { canonicalize: canonicalize, canonicalText: canonicalText };
}());
