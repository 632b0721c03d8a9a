/* Interactive quizzes: check, explain, retry; options shuffled stably per visitor; answers, score and
   Leitner boxes kept in localStorage; a review mode that brings wrong questions back first.
   Classic script, no modules, no network requests. */
(function () {
  "use strict";
  var storage = document.body.getAttribute("data-storage") || "lecturekit";
  var LAST_BOX = 5;

  function load(name, fallback) {
    try {
      var raw = localStorage.getItem(storage + ":" + name);
      return raw ? JSON.parse(raw) : fallback;
    } catch (e) { return fallback; }
  }
  function save(name, value) {
    try { localStorage.setItem(storage + ":" + name, JSON.stringify(value)); } catch (e) { /* not kept */ }
  }

  var answers = load("answers", {});   // question id → {choice: [keys], right: true|false|null}
  var boxes = load("leitner", {});     // question id → Leitner box 1..5 (1 = got it wrong last time)
  var visitor = load("visitor", null);
  if (!visitor) {
    visitor = String(Math.floor(Math.random() * 4294967296));
    save("visitor", visitor);
  }

  var quiz = document.querySelector("article.quiz");
  if (!quiz) return;
  var forms = Array.prototype.slice.call(quiz.querySelectorAll("form.question"));
  var home = forms.map(function (form) { return { form: form, parent: form.parentNode }; });

  function fnv1a(text) {
    var h = 2166136261;
    for (var i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
    return h;
  }
  function mulberry32(seed) {
    return function () {
      seed = (seed + 0x6D2B79F5) >>> 0;
      var t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function shuffle(form) {
    var list = form.querySelector(".options");
    if (!list) return;
    var items = Array.prototype.slice.call(list.children);
    var random = mulberry32(fnv1a(visitor + "|" + form.getAttribute("data-qid")));
    for (var i = items.length - 1; i > 0; i--) {
      var j = Math.floor(random() * (i + 1));
      var swap = items[i]; items[i] = items[j]; items[j] = swap;
    }
    items.forEach(function (item) { list.appendChild(item); });
  }

  function inputs(form) { return Array.prototype.slice.call(form.querySelectorAll("input, select")); }
  // Typed questions: a short answer or a number typed in, or one choice per row of a matching question.
  var TYPED = { "question-short-answer": "short", "question-numeric": "numeric", "question-matching": "matching" };
  function typed(form) {
    for (var name in TYPED) { if (form.classList.contains(name)) return TYPED[name]; }
    return null;
  }
  function normalise(text) { return text.toLowerCase().split(/\s+/).filter(Boolean).join(" "); }
  function chosen(form) {
    var kind = typed(form);
    if (kind === "matching") {
      var rows = Array.prototype.slice.call(form.querySelectorAll("select")).map(function (s) { return s.value; });
      return rows.some(function (v) { return v; }) ? rows : [];
    }
    if (kind) {
      var text = form.querySelector("input.typed").value.trim();
      return text ? [text] : [];
    }
    return inputs(form).filter(function (i) { return i.checked; }).map(function (i) { return i.value; }).sort();
  }
  function number(text) { return /^\s*[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?\s*$/.test(text) ? parseFloat(text.replace(",", ".")) : NaN; }
  function isRight(form, choice, key) {
    var kind = typed(form);
    if (kind === "short") return key.indexOf(normalise(choice[0])) >= 0;
    if (kind === "numeric") {
      var x = number(choice[0]);
      return key.some(function (r) { return x >= r[0] - 1e-9 && x <= r[1] + 1e-9; });
    }
    return same(choice, key);
  }
  function shownKey(form, key) {
    return form.getAttribute("data-key-text") || key.join(", ");
  }
  function same(a, b) { return a.length === b.length && a.every(function (v, i) { return v === b[i]; }); }
  function part(form, selector) { return form.querySelector(selector); }

  function showResult(form, choice) {
    var keyed = form.getAttribute("data-keyed") === "true";
    var key = JSON.parse(form.getAttribute("data-answer"));
    var feedback = part(form, ".feedback");
    var right = null;
    if (keyed) {
      right = isRight(form, choice, key);
      feedback.textContent = right ? "Right." : "Not quite. The answer: " + shownKey(form, key) + ".";
      feedback.className = "feedback " + (right ? "right" : "wrong");
      form.querySelectorAll(".options li").forEach(function (li) {
        var k = li.getAttribute("data-key");
        li.classList.toggle("is-answer", key.indexOf(k) >= 0);
        li.classList.toggle("is-wrong", choice.indexOf(k) >= 0 && key.indexOf(k) < 0);
      });
    } else {
      feedback.textContent = "Key pending: this one is practice, not graded. Compare with the slide.";
      feedback.className = "feedback pending";
    }
    inputs(form).forEach(function (i) { i.disabled = true; });
    part(form, ".explanation").hidden = false;
    part(form, ".check").hidden = true;
    part(form, ".retry").hidden = false;
    return right;
  }

  function check(form) {
    var choice = chosen(form);
    var feedback = part(form, ".feedback");
    if (!choice.length) {
      feedback.textContent = typed(form) === "matching" ? "Choose a match first." : typed(form) ? "Type an answer first." : "Choose an answer first.";
      feedback.className = "feedback";
      return;
    }
    if (typed(form) === "numeric" && isNaN(number(choice[0]))) {
      feedback.textContent = "Type a number, e.g. 9.81.";
      feedback.className = "feedback";
      return;
    }
    var qid = form.getAttribute("data-qid");
    var right = showResult(form, choice);
    answers[qid] = { choice: choice, right: right };
    // Leitner: a wrong answer goes back to box 1; a right one moves up a box (at least to box 2).
    if (right !== null) boxes[qid] = right ? Math.min(LAST_BOX, Math.max(2, (boxes[qid] || 0) + 1)) : 1;
    save("answers", answers);
    save("leitner", boxes);
    updateScore();
    part(form, ".retry").focus();
  }

  function clear(form) {
    inputs(form).forEach(function (i) { i.disabled = false; i.checked = false; if (i.type === "text" || i.tagName === "SELECT") i.value = ""; });
    form.querySelectorAll(".options li").forEach(function (li) { li.classList.remove("is-answer", "is-wrong"); });
    var feedback = part(form, ".feedback");
    feedback.textContent = "";
    feedback.className = "feedback";
    part(form, ".explanation").hidden = true;
    part(form, ".check").hidden = false;
    part(form, ".retry").hidden = true;
  }

  function retry(form) {
    clear(form);
    delete answers[form.getAttribute("data-qid")];
    save("answers", answers);
    updateScore();
    var first = form.querySelector("input, select");
    if (first) first.focus();
  }

  function updateScore() {
    var right = 0;
    forms.forEach(function (form) {
      var record = answers[form.getAttribute("data-qid")];
      if (form.getAttribute("data-keyed") === "true" && record && record.right) right++;
    });
    quiz.querySelector(".score-right").textContent = String(right);
  }

  // Shows the answer kept for FORM (its choice and result), or a fresh question when none is kept.
  function restore(form) {
    var record = answers[form.getAttribute("data-qid")];
    if (record && record.choice && record.choice.length) {
      if (typed(form) === "matching") {
        form.querySelectorAll("select").forEach(function (s, row) { s.value = record.choice[row] || ""; });
      } else if (typed(form)) {
        form.querySelector("input.typed").value = record.choice[0];
      } else {
        inputs(form).forEach(function (i) { i.checked = record.choice.indexOf(i.value) >= 0; });
      }
      showResult(form, record.choice);
    } else {
      clear(form);
    }
  }

  forms.forEach(function (form) {
    if (!form.querySelector(".check")) return;
    shuffle(form);
    form.addEventListener("submit", function (event) { event.preventDefault(); check(form); });
    part(form, ".retry").addEventListener("click", function () { retry(form); });
    restore(form);
  });
  updateScore();

  /* ---------------------------------------------------------------- sticky score bar */
  // Anchor targets stop below the bar (site.css: scroll-margin-top), so it must know the bar's real height:
  // it grows when the buttons wrap on a phone or the review status takes a line.
  var bar = quiz.querySelector(".quiz-bar");
  function measureBar() {
    if (bar) document.documentElement.style.setProperty("--sticky-top", bar.offsetHeight + "px");
  }
  measureBar();
  if (bar && window.ResizeObserver) new ResizeObserver(measureBar).observe(bar);
  window.addEventListener("resize", measureBar);
  // site.js scrolled to the linked question before the bar was measured and answers restored: scroll again.
  if (location.hash && location.hash !== "#review") {
    var linked = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (linked && quiz.contains(linked)) linked.scrollIntoView();
  }

  /* ---------------------------------------------------------------- review mode (Leitner) */
  var reviewStatus = quiz.querySelector(".review-status");
  var showAll = quiz.querySelector('[data-quiz="all"]');

  function due(box, session) {
    // Box 1 every session, box 2 every 2nd, box 3 every 4th …; unseen questions are always due.
    return !box || box <= 1 || session % Math.pow(2, box - 1) === 0;
  }
  function reviewOrder(box) { return box === 1 ? 0 : (!box ? 1 : box); }

  function review() {
    var session = load("session", 0) + 1;
    save("session", session);
    var gradable = forms.filter(function (f) { return f.getAttribute("data-keyed") === "true"; });
    var dueForms = gradable.filter(function (f) { return due(boxes[f.getAttribute("data-qid")], session); });
    dueForms.sort(function (a, b) {
      return reviewOrder(boxes[a.getAttribute("data-qid")]) - reviewOrder(boxes[b.getAttribute("data-qid")]) ||
        forms.indexOf(a) - forms.indexOf(b);
    });
    var holder = quiz.querySelector(".review-list");
    if (!holder) {
      holder = document.createElement("section");
      holder.className = "review-list";
      holder.setAttribute("aria-label", "Review");
      quiz.insertBefore(holder, quiz.querySelector(".quiz-group"));
    }
    forms.forEach(function (f) { f.hidden = dueForms.indexOf(f) < 0; });
    dueForms.forEach(function (f) { clear(f); holder.appendChild(f); });
    quiz.querySelectorAll(".quiz-group").forEach(function (g) { g.hidden = true; });
    var wrong = dueForms.filter(function (f) { return boxes[f.getAttribute("data-qid")] === 1; }).length;
    reviewStatus.textContent = "Review session " + session + ": " + dueForms.length + " questions due, " + wrong +
      " you got wrong first; " + (gradable.length - dueForms.length) + " not due yet.";
    showAll.hidden = false;
    if (dueForms.length) { var first = dueForms[0].querySelector("input"); if (first) first.focus(); }
  }

  function leaveReview() {
    home.forEach(function (h) { h.parent.appendChild(h.form); h.form.hidden = false; });
    // Review cleared the questions it asked; every question shows its kept answer again, as after a reload.
    forms.forEach(function (form) { if (form.querySelector(".check")) restore(form); });
    updateScore();
    quiz.querySelectorAll(".quiz-group").forEach(function (g) { g.hidden = false; });
    var holder = quiz.querySelector(".review-list");
    if (holder) holder.parentNode.removeChild(holder);
    reviewStatus.textContent = "Showing all questions.";
    showAll.hidden = true;
  }

  function reset() {
    forms.forEach(function (form) {
      var qid = form.getAttribute("data-qid");
      delete answers[qid];
      delete boxes[qid];
      if (form.querySelector(".check")) clear(form);
    });
    save("answers", answers);
    save("leitner", boxes);
    updateScore();
    reviewStatus.textContent = "Your answers on this page were reset.";
  }

  quiz.querySelector('[data-quiz="review"]').addEventListener("click", review);
  showAll.addEventListener("click", leaveReview);
  quiz.querySelector('[data-quiz="reset"]').addEventListener("click", reset);
  if (location.hash === "#review") review();
})();
