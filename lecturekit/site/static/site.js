/* Site behaviour for every page: theme toggle, search, folded slides opened by links, copy buttons,
   quiz progress on the home page. Classic script, no modules, no network requests. */
(function () {
  "use strict";
  var storage = document.body.getAttribute("data-storage") || "lecturekit";

  function load(name, fallback) {
    try {
      var raw = localStorage.getItem(storage + ":" + name);
      return raw ? JSON.parse(raw) : fallback;
    } catch (e) { return fallback; }
  }

  /* ---------------------------------------------------------------- theme */
  var toggle = document.getElementById("theme-toggle");
  function isDark() {
    var forced = document.documentElement.getAttribute("data-theme");
    if (forced) return forced === "dark";
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  }
  function showTheme() {
    toggle.setAttribute("aria-pressed", isDark() ? "true" : "false");
  }
  if (toggle) {
    toggle.addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      document.documentElement.setAttribute("data-theme", next);
      try { localStorage.setItem("lecturekit:theme", next); } catch (e) { /* not kept */ }
      showTheme();
    });
    showTheme();
  }

  /* ---------------------------------------------------------------- table of contents */
  // On a phone the contents would push the slides below the fold: start it folded there.
  var toc = document.querySelector(".toc details");
  if (toc && window.matchMedia && window.matchMedia("(max-width: 63.99em)").matches) toc.open = false;

  /* ------------------------------------------- open folded slides a link points at */
  function openTarget() {
    if (!location.hash) return;
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
    if (target) target.scrollIntoView();
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
  window.addEventListener("beforeprint", function () {
    var all = document.querySelectorAll("details");
    for (var i = 0; i < all.length; i++) all[i].open = true;
  });

  /* ---------------------------------------------------------------- copy buttons */
  var copies = document.querySelectorAll("button.copy");
  for (var c = 0; c < copies.length; c++) {
    copies[c].addEventListener("click", function (event) {
      var button = event.currentTarget;
      var code = document.getElementById(button.getAttribute("data-copy"));
      var text = code ? code.innerText : "";
      function done(ok) { button.textContent = ok ? "Copied" : "Select and copy"; }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(fallbackCopy(code)); });
      } else {
        done(fallbackCopy(code));
      }
    });
  }
  function fallbackCopy(node) {
    if (!node) return false;
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try { return document.execCommand("copy"); } catch (e) { return false; }
  }

  /* ---------------------------------------------------------------- example downloads */
  // From file:// Chromium ignores the download attribute (every file is its own origin), so the
  // page carries the files and hands them over as a same-origin blob.
  var downloads = document.querySelectorAll("a[data-file]");
  for (var d = 0; d < downloads.length; d++) {
    downloads[d].addEventListener("click", function (event) {
      if (location.protocol !== "file:") return;
      var link = event.currentTarget;
      var holder = document.getElementById("files-" + link.getAttribute("data-example"));
      var files = holder ? JSON.parse(holder.textContent) : {};
      var kind = link.getAttribute("data-file");
      if (!(kind in files)) return;
      event.preventDefault();
      var type = kind === "ipynb" ? "application/x-ipynb+json" : "text/x-python";
      var blobUrl = URL.createObjectURL(new Blob([files[kind]], { type: type }));
      var temp = document.createElement("a");
      temp.href = blobUrl;
      temp.download = link.getAttribute("download");
      document.body.appendChild(temp);
      temp.click();
      document.body.removeChild(temp);
      setTimeout(function () { URL.revokeObjectURL(blobUrl); }, 1000);
    });
  }

  /* ---------------------------------------------------------------- quiz progress (home) */
  var answers = load("answers", {});
  var progress = document.querySelectorAll(".progress[data-keyed]");
  for (var p = 0; p < progress.length; p++) {
    var keyed = JSON.parse(progress[p].getAttribute("data-keyed"));
    var right = 0, tried = 0;
    for (var k = 0; k < keyed.length; k++) {
      var record = answers[keyed[k]];
      if (record) { tried++; if (record.right) right++; }
    }
    progress[p].textContent = keyed.length ? "(" + right + "/" + keyed.length + " right, " + tried + " tried)" : "";
  }

  /* ---------------------------------------------------------------- search */
  var box = document.getElementById("search-box");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var termList = null, decoded = {}, waiting = false;

  var pending = [];
  function withIndex(callback) {
    if (window.LECTUREKIT_SEARCH) { callback(); return; }
    pending.push(callback);
    if (waiting) return;
    waiting = true;
    // A classic <script src> works from file://, where network-style loading does not.
    var script = document.createElement("script");
    script.src = "search-index.js";
    script.onload = function () {
      waiting = false;
      var queued = pending;
      pending = [];
      queued.forEach(function (run) { run(); });
    };
    document.head.appendChild(script);
  }

  function postings(term) {
    if (!decoded[term]) {
      var parts = window.LECTUREKIT_SEARCH.terms[term].split(","), out = [], n = 0;
      for (var i = 0; i < parts.length; i++) { n += parseInt(parts[i], 10); out.push(n); }
      decoded[term] = out;
    }
    return decoded[term];
  }

  // Must match search.py's stem(): a plural s off, on the index side and the query side alike.
  function stem(word) {
    return word.length > 3 && /s$/.test(word) && !/(ss|us|is)$/.test(word) ? word.slice(0, -1) : word;
  }

  // Stop words and 1-2 letter words drop out of a query, unless they are all it has ("do we" still searches).
  function queryWords(query, stop) {
    var all = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
    var content = all.filter(function (w) { return w.length > 2 && stop.indexOf(w) < 0; });
    var kept = content.length ? content : all.filter(function (w) { return w.length > 1; });
    return kept.map(stem);
  }

  function search(query) {
    var index = window.LECTUREKIT_SEARCH;
    if (!termList) termList = Object.keys(index.terms);
    var words = queryWords(query, index.stop || []);
    if (!words.length) return [];
    var scores = null;
    words.forEach(function (word) {
      var hits = {};
      termList.forEach(function (term) {
        if (term.indexOf(word) !== 0) return;
        var weight = term === word ? 2 : 1;
        postings(term).forEach(function (doc) { hits[doc] = Math.max(hits[doc] || 0, weight); });
      });
      if (scores === null) { scores = hits; return; }
      var both = {};
      Object.keys(scores).forEach(function (doc) { if (hits[doc]) both[doc] = scores[doc] + hits[doc]; });
      scores = both;
    });
    return Object.keys(scores).map(function (doc) {
      var entry = index.docs[doc], title = entry[0].toLowerCase(), bonus = 0;
      words.forEach(function (word) { if (title.indexOf(word) >= 0) bonus += 3; });
      return { doc: +doc, score: scores[doc] + bonus };
    }).sort(function (a, b) { return b.score - a.score || a.doc - b.doc; }).slice(0, 20);
  }

  function show(results) {
    var index = window.LECTUREKIT_SEARCH;
    list.textContent = "";
    results.forEach(function (hit) {
      var entry = index.docs[hit.doc];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = entry[1];
      link.textContent = entry[0];
      var where = document.createElement("span");
      where.className = "where";
      where.textContent = " " + index.groups[entry[2]];
      item.appendChild(link);
      item.appendChild(where);
      list.appendChild(item);
    });
    list.hidden = !box.value.trim();
    status.textContent = box.value.trim() ? results.length + " results" : "";
  }

  if (box && list) {
    box.addEventListener("input", function () {
      withIndex(function () { show(search(box.value)); });
    });
    box.addEventListener("focus", function () { withIndex(function () {}); });
    box.addEventListener("keydown", function (event) {
      var first = list.querySelector("a");
      if (event.key === "ArrowDown" && first) { event.preventDefault(); first.focus(); }
      if (event.key === "Enter" && first) { event.preventDefault(); first.click(); }
      if (event.key === "Escape") { box.value = ""; list.hidden = true; }
    });
    list.addEventListener("keydown", function (event) {
      var item = document.activeElement && document.activeElement.parentElement;
      if (!item) return;
      if (event.key === "ArrowDown" && item.nextElementSibling) { event.preventDefault(); item.nextElementSibling.firstChild.focus(); }
      if (event.key === "ArrowUp") {
        event.preventDefault();
        if (item.previousElementSibling) item.previousElementSibling.firstChild.focus(); else box.focus();
      }
      if (event.key === "Escape") { list.hidden = true; box.focus(); }
    });
    list.addEventListener("click", function () { list.hidden = true; });
  }
})();
