// The share as the reader sees it: sealed bundles with their files nested under them, claim dossiers with their
// claim and files, then any other evidence. This file only builds the page; portal.js decides what buttons do.
(function () {
  'use strict';

  var F = window.CustosFormat;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function button(label, accessibleName, onClick) {
    var node = el('button', null, label);
    node.type = 'button';
    // The visible words come first, so a voice user can say what they see (WCAG 2.5.3).
    node.setAttribute('aria-label', accessibleName);
    node.addEventListener('click', onClick);
    return node;
  }

  /** Where a check reports: announced politely by screen readers. */
  function statusLine() {
    var node = el('p', 'check');
    node.setAttribute('role', 'status');
    return node;
  }

  function fingerprint(label, value) {
    var node = el('p', 'hash');
    node.appendChild(el('span', 'hash-label', label + ' '));
    node.appendChild(el('code', null, value));
    return node;
  }

  /** Where an item's log receipt is reported: filled in as soon as the browser has checked it. */
  function receiptLine(kind, item, actions) {
    var node = el('p', 'receipt');
    actions.checkReceipt(kind, item, node);
    return node;
  }

  function fileItem(evidence, actions) {
    var item = el('li', 'file');
    item.appendChild(el('p', 'file-title', evidence.title));
    var facts = [F.kind(evidence.content_mime), F.size(evidence.content_bytes)];
    if (evidence.captured_at) { facts.push('captured ' + F.localTime(evidence.captured_at)); }
    if (evidence.sealed_at) { facts.push('sealed ' + F.localTime(evidence.sealed_at)); }
    item.appendChild(el('p', 'meta', facts.join(' · ')));
    item.appendChild(fingerprint('SHA-256', evidence.content_sha256));
    // Only a sealed file was recorded as sealed; an unsealed one has nothing to show here.
    if (evidence.sealed_at) { item.appendChild(receiptLine('evidence', evidence, actions)); }
    var check = statusLine();
    item.appendChild(button('Download and check', 'Download and check ' + evidence.title, function () {
      actions.download(evidence, check);
    }));
    item.appendChild(check);
    return item;
  }

  function fileList(evidence, actions) {
    var list = el('ul', 'files');
    evidence.forEach(function (one) { list.appendChild(fileItem(one, actions)); });
    return list;
  }

  /**
   * A bundle or dossier: its heading, facts, recorded hash, its log receipt, a button that recomputes the hash, and
   * its files.
   */
  function group(part, title, facts, checkLabel, claimed, onCheck, files, actions, receipt) {
    var article = el('article', 'group');
    article.appendChild(el('h3', null, title));
    facts.forEach(function (line) { article.appendChild(el('p', 'meta', line)); });
    article.appendChild(fingerprint(part + ' SHA-256', claimed));
    article.appendChild(receipt);
    var check = statusLine();
    var shown = el('details', 'document');
    shown.hidden = true;
    shown.appendChild(el('summary', null, 'Show the ' + part.toLowerCase() + ' text that was checked'));
    var text = el('pre');
    text.tabIndex = 0;
    shown.appendChild(text);
    article.appendChild(button(checkLabel, checkLabel + ': ' + title, function () {
      onCheck(check, function (served) { text.textContent = served; shown.hidden = false; });
    }));
    article.appendChild(check);
    article.appendChild(shown);
    if (files.length > 0) {
      article.appendChild(el('p', 'files-title', files.length === 1 ? '1 file' : files.length + ' files'));
      article.appendChild(fileList(files, actions));
    }
    return article;
  }

  function clear(id) {
    var node = document.getElementById(id);
    while (node.firstChild) { node.removeChild(node.firstChild); }
    return node;
  }

  /**
   * Fills the index: every evidence item the share lists appears under each bundle or dossier that holds it, and
   * once under "Other evidence" when none does. Answers how many things were shown.
   */
  function render(index, actions) {
    var byId = {};
    index.evidence.forEach(function (evidence) { byId[evidence.id] = evidence; });
    var placed = {};
    function members(ids) {
      return (ids || []).filter(function (id) { return byId[id]; }).map(function (id) {
        placed[id] = true;
        return byId[id];
      });
    }

    var bundles = clear('bundles');
    index.bundles.forEach(function (bundle) {
      bundles.appendChild(group('Manifest', bundle.title, ['Sealed ' + F.localTime(bundle.sealed_at)],
        'Check the manifest', bundle.manifest_sha256, function (check, show) {
          actions.checkManifest(bundle, check, show);
        }, members(bundle.evidence_ids), actions, receiptLine('bundle', bundle, actions)));
    });

    var claims = {};
    (index.claims || []).forEach(function (claim) { claims[claim.claim_id] = claim; });
    var dossiers = clear('dossiers');
    (index.dossiers || []).forEach(function (dossier) {
      var claim = claims[dossier.claim_id];
      var facts = [];
      if (claim) {
        facts.push('Claim ' + claim.claim_number + ' · policy ' + claim.policy_ref + ' · loss on '
          + F.localDate(claim.loss_date));
        claim.shown = true;
      }
      facts.push('Assembled ' + F.localTime(dossier.assembled_at));
      dossiers.appendChild(group('Dossier', claim ? claim.title : 'Claim dossier', facts, 'Check the dossier',
        dossier.dossier_sha256, function (check, show) { actions.checkDossier(dossier, check, show); },
        members(dossier.evidence_ids), actions, receiptLine('dossier', dossier, actions)));
    });

    var claimList = clear('claims');
    (index.claims || []).filter(function (claim) { return !claim.shown; }).forEach(function (claim) {
      var article = el('article', 'group');
      article.appendChild(el('h3', null, claim.title));
      article.appendChild(el('p', 'meta', 'Claim ' + claim.claim_number + ' · policy ' + claim.policy_ref
        + ' · loss on ' + F.localDate(claim.loss_date)));
      claimList.appendChild(article);
    });

    var loose = clear('loose');
    index.evidence.filter(function (evidence) { return !placed[evidence.id]; }).forEach(function (evidence) {
      loose.appendChild(fileItem(evidence, actions));
    });

    [['bundles-part', bundles], ['dossiers-part', dossiers], ['claims-part', claimList], ['loose-part', loose]]
      .forEach(function (pair) { document.getElementById(pair[0]).hidden = !pair[1].firstChild; });
    return bundles.childNodes.length + dossiers.childNodes.length + claimList.childNodes.length
      + loose.childNodes.length;
  }

  window.CustosView = { render: render };
}());
