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
  // The label says the state the button is in (the page's HTML cannot know it: the system setting may decide).
  function showTheme() {
    var dark = isDark();
    toggle.setAttribute("aria-pressed", dark ? "true" : "false");
    toggle.textContent = dark ? "Dark mode: on" : "Dark mode: off";
  }
  if (toggle) {
    toggle.addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      document.documentElement.setAttribute("data-theme", next);
      try { localStorage.setItem("lecturekit:theme", next); } catch (e) { /* not kept */ }
      showTheme();
    });
    showTheme();
    var system = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)");
    if (system && system.addEventListener) system.addEventListener("change", showTheme);
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
  // Folded admin slides are slides: they print. Provenance and edition lists stay folded (a page of
  // "removed: …" lines per slide is no use on paper); site.css prints their summary line only.
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    var slides = document.querySelectorAll("details.slide");
    openedForPrint = Array.prototype.filter.call(slides, function (d) { return !d.open; });
    openedForPrint.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (d) { d.open = false; });
    openedForPrint = [];
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

  function decode(text) {
    var parts = text.split(","), out = [], n = 0;
    for (var i = 0; i < parts.length; i++) { n += parseInt(parts[i], 10); out.push(n); }
    return out;
  }
  function postings(term) {
    if (!decoded[term]) decoded[term] = decode(window.LECTUREKIT_SEARCH.terms[term]);
    return decoded[term];
  }

  // Must match search.py's stem(): a plural s off, on the index side and the query side alike.
  function stem(word) {
    return word.length > 3 && /s$/.test(word) && !/(ss|us|is)$/.test(word) ? word.slice(0, -1) : word;
  }

  var HYPHENS = /[-\u2010\u2011]/g;
  var TOKEN = /[\p{L}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{N}]+)*/gu;

  // The query's words. A hyphenated one is joined, as search.py indexes it ("hyper-parameters" → "hyperparameter"),
  // and keeps its parts for texts that write it apart. Stop words and 1-2 letter words drop out, unless they are
  // all the query has ("do we" still searches).
  function queryWords(query, stop) {
    function meaningful(word) { return word.length > 2 && stop.indexOf(word) < 0; }
    var all = (query.toLowerCase().match(TOKEN) || []).map(function (raw) {
      var parts = raw.split(HYPHENS), joined = parts.join("");
      return { raw: raw, joined: joined, word: stem(joined), parts: parts.length > 1 ? parts.filter(meaningful).map(stem) : [] };
    });
    var content = all.filter(function (w) { return meaningful(w.joined); });
    return content.length ? content : all.filter(function (w) { return w.joined.length > 1; });
  }

  // Docs (number → score) matching every one of several hit sets, their scores added.
  function both(a, b) {
    var out = {};
    Object.keys(a).forEach(function (doc) { if (b[doc]) out[doc] = a[doc] + b[doc]; });
    return out;
  }
  function add(hits, doc, weight) { hits[doc] = Math.max(hits[doc] || 0, weight); }

  function prefixHits(word) {
    var hits = {};
    termList.forEach(function (term) {
      if (term.indexOf(word) !== 0) return;
      var weight = term === word ? 2 : 1;
      postings(term).forEach(function (doc) { add(hits, doc, weight); });
    });
    return hits;
  }

  // KEY made like search.py's alias_key(): a topic's name or alias also finds the slides tagged with the topic.
  function addTopicSlides(key, hits) {
    var index = window.LECTUREKIT_SEARCH;
    (index.aliases && index.aliases[key] || []).forEach(function (topic) {
      decode(index.tagged[topic]).forEach(function (doc) { add(hits, doc, 1); });
    });
  }

  function wordHits(w) {
    var hits = prefixHits(w.word);
    if (w.parts.length > 1) {  // "hyper-parameter" also as "hyper parameter"; "e-mail" only as "email"
      var apart = w.parts.map(prefixHits).reduce(both);
      Object.keys(apart).forEach(function (doc) { add(hits, doc, 1); });
    }
    addTopicSlides(w.word, hits);
    return hits;
  }

  // The best 20 docs having every query word, and the words found nowhere (for "Did you mean").
  function search(query) {
    var index = window.LECTUREKIT_SEARCH;
    if (!termList) termList = Object.keys(index.terms);
    var words = queryWords(query, index.stop || []);
    if (!words.length) return { hits: [], missing: [], words: words };
    var missing = [];
    var scores = words.map(function (w) {
      var hits = wordHits(w);
      if (!Object.keys(hits).length) missing.push(w);
      return hits;
    }).reduce(both);
    // The whole query may name a topic ("learning rate", "back prop"): its tagged slides are hits too.
    if (words.length > 1) addTopicSlides(stem(words.map(function (w) { return w.joined; }).join("")), scores);
    var hits = Object.keys(scores).map(function (doc) {
      var title = index.docs[doc][0].toLowerCase().replace(/[\s\-\u2010\u2011]+/g, ""), bonus = 0;
      words.forEach(function (w) { if (title.indexOf(w.word) >= 0) bonus += 3; });
      return { doc: +doc, score: scores[doc] + bonus };
    }).sort(function (a, b) { return b.score - a.score || a.doc - b.doc; }).slice(0, 20);
    return { hits: hits, missing: missing, words: words };
  }

  /* ------------------------------------------ "Did you mean": the nearest index words */
  var vocabulary = null;
  function allWords() {
    if (!vocabulary) {
      var index = window.LECTUREKIT_SEARCH, seen = {};
      vocabulary = Object.keys(index.terms).concat(Object.keys(index.aliases || {})).filter(function (w) {
        return seen[w] ? false : (seen[w] = true);
      });
    }
    return vocabulary;
  }

  // Optimal string alignment distance (a swap of two neighbours is one edit); LIMIT + 1 once it must exceed LIMIT.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var before = null, row = [], i, j;
    for (j = 0; j <= b.length; j++) row.push(j);
    for (i = 1; i <= a.length; i++) {
      var next = [i], least = i;
      for (j = 1; j <= b.length; j++) {
        var d = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (before && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
        next.push(d);
        least = Math.min(least, d);
      }
      if (least > limit) return limit + 1;
      before = row;
      row = next;
    }
    return row[b.length];
  }

  function uses(word) {
    var index = window.LECTUREKIT_SEARCH, text = index.terms[word];
    return text ? text.split(",").length : 0;
  }

  // Up to 3 index words nearest WORD: one edit away, or two for words of 5+ letters; closest, then most used.
  function closest(word) {
    var limit = word.length > 4 ? 2 : 1, found = [];
    allWords().forEach(function (term) {
      var d = distance(word, term, limit);
      if (d <= limit) found.push({ term: term, d: d, uses: uses(term) });
    });
    found.sort(function (a, b) { return a.d - b.d || b.uses - a.uses || (a.term < b.term ? -1 : 1); });
    return found.slice(0, 3).map(function (f) { return f.term; });
  }

  // Queries with each missing word replaced by a near index word (alternatives for the first), kept when they find something.
  function suggestions(result, query) {
    if (!result.missing.length) return [];
    var fixes = result.missing.map(function (w) { return { raw: w.raw, near: closest(w.word) }; });
    if (fixes.some(function (f) { return !f.near.length; })) return [];
    var tokens = query.toLowerCase().match(TOKEN) || [];
    return fixes[0].near.map(function (first) {
      return tokens.map(function (token) {
        for (var f = 0; f < fixes.length; f++) {
          if (fixes[f].raw === token) return f === 0 ? first : fixes[f].near[0];
        }
        return token;
      }).join(" ");
    }).filter(function (idea) { return search(idea).hits.length > 0; });
  }

  function suggestionItem(idea) {
    var item = document.createElement("li");
    item.className = "suggest";
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = idea;
    button.addEventListener("click", function () {
      box.value = idea;
      run();
      box.focus();
    });
    item.appendChild(document.createTextNode("Did you mean "));
    item.appendChild(button);
    item.appendChild(document.createTextNode("?"));
    return item;
  }

  function show(result) {
    var index = window.LECTUREKIT_SEARCH, query = box.value.trim();
    var ideas = result.hits.length ? [] : suggestions(result, query);
    list.textContent = "";
    ideas.forEach(function (idea) { list.appendChild(suggestionItem(idea)); });
    result.hits.forEach(function (hit) {
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
    list.hidden = !query;
    var hint = ideas.length ? ". Did you mean " + ideas.join(" or ") + "?" : "";
    status.textContent = query ? result.hits.length + " results" + hint : "";
  }

  function run() {
    withIndex(function () { show(search(box.value)); });
  }

  // The first thing to go to in the results: a hit's link or a "Did you mean" button.
  function target(item) { return item && item.querySelector("a, button"); }

  if (box && list) {
    box.addEventListener("input", run);
    box.addEventListener("focus", function () { withIndex(function () {}); });
    box.addEventListener("keydown", function (event) {
      var first = target(list);
      if (event.key === "ArrowDown" && first) { event.preventDefault(); first.focus(); }
      if (event.key === "Enter" && first) { event.preventDefault(); first.click(); }
      if (event.key === "Escape") { box.value = ""; list.hidden = true; }
    });
    list.addEventListener("keydown", function (event) {
      var item = document.activeElement && document.activeElement.parentElement;
      if (!item) return;
      if (event.key === "ArrowDown" && item.nextElementSibling) { event.preventDefault(); target(item.nextElementSibling).focus(); }
      if (event.key === "ArrowUp") {
        event.preventDefault();
        if (item.previousElementSibling) target(item.previousElementSibling).focus(); else box.focus();
      }
      if (event.key === "Escape") { list.hidden = true; box.focus(); }
    });
    list.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("a")) list.hidden = true;  // a "Did you mean" keeps the list open
    });
  }
})();
