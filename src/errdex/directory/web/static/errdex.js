/* errdex web directory: instant search (server API or static index) — no inline script, no dependencies.
 * Results are built with DOM nodes and textContent only: no catalog text is ever parsed as HTML. */
(function () {
  "use strict";
  var body = document.body;
  var api = body.getAttribute("data-search-api") || "";
  var indexUrl = body.getAttribute("data-search-index") || "";
  var siteRoot = body.getAttribute("data-site-root") || "/";
  var lang = body.getAttribute("data-lang") || "";
  var noResults = body.getAttribute("data-no-results") || "No results.";
  var MAX_QUERY = 200;
  var indexRows = null;
  var indexPromise = null;

  function loadIndex() {
    if (!indexPromise) {
      indexPromise = fetch(indexUrl, { credentials: "same-origin" })
        .then(function (r) { if (!r.ok) { throw new Error("index " + r.status); } return r.json(); })
        .then(function (rows) { indexRows = rows; return rows; });
    }
    return indexPromise;
  }

  function terms(query) {
    return query.toLowerCase().split(/[\s,;:!?()\[\]{}"'`<>|*+=~^\\]+/).filter(Boolean).slice(0, 16);
  }

  function marksFor(text, ts) {
    var low = text.toLowerCase(), marks = [];
    ts.forEach(function (t) {
      var at = low.indexOf(t);
      if (at >= 0) { marks.push([at, at + t.length]); }
    });
    return marks;
  }

  function localSearch(query, limit) {
    var q = query.trim().toLowerCase();
    var ts = terms(q);
    if (!ts.length) { return { total: 0, hits: [] }; }
    var asNumber = /^[+-]?0x[0-9a-f]+$/.test(q) ? String(parseInt(q, 16)) : null;
    var scored = [];
    for (var i = 0; i < indexRows.length; i++) {
      var r = indexRows[i], code = r.k.toLowerCase(), name = r.n.toLowerCase();
      var head = (r.t + " " + r.m).toLowerCase();
      var score = 0, ok = true;
      if (code === q || name === q || code === asNumber) { score += 1000; }
      for (var j = 0; j < ts.length && ok; j++) {
        var t = ts[j];
        if (code === t) { score += 100; }
        else if (code.indexOf(t) >= 0) { score += 30; }
        else if (name.indexOf(t) >= 0) { score += 25; }
        else if (head.indexOf(t) >= 0) { score += 10; }
        else if (r.x.indexOf(t) >= 0) { score += 3; }
        else if (score < 1000) { ok = false; }
      }
      if (ok) { scored.push([score, i]); }
    }
    scored.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    return {
      total: scored.length,
      hits: scored.slice(0, limit).map(function (s) {
        var r = indexRows[s[1]], text = r.m || r.t;
        return { url: siteRoot + r.u, code: r.k, catalog: r.c, space: r.s, title: r.t, name: r.n,
                 snippet: text ? { text: text, marks: marksFor(text, ts) } : null };
      })
    };
  }

  function search(query, limit) {
    if (api) {
      var params = new URLSearchParams({ q: query, limit: String(limit) });
      if (lang) { params.set("lang", lang); }
      return fetch(api + "?" + params.toString(), { headers: { Accept: "application/json" } })
        .then(function (r) { if (!r.ok) { return { total: 0, hits: [] }; } return r.json(); });
    }
    if (indexUrl) {
      return loadIndex().then(function () { return localSearch(query, limit); });
    }
    return Promise.resolve({ total: 0, hits: [] });
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text) { node.textContent = text; }
    return node;
  }

  function snippetNode(snippet, cls) {
    var p = el(cls === "snippet" ? "p" : "span", cls);
    if (!snippet) { return p; }
    var text = snippet.text, pos = 0;
    (snippet.marks || []).slice().sort(function (a, b) { return a[0] - b[0]; }).forEach(function (m) {
      var s = Math.max(m[0], pos), e = Math.min(m[1], text.length);
      if (e <= s) { return; }
      p.appendChild(document.createTextNode(text.slice(pos, s)));
      p.appendChild(el("mark", "", text.slice(s, e)));
      pos = e;
    });
    p.appendChild(document.createTextNode(text.slice(pos)));
    return p;
  }

  function hitNode(hit, full) {
    var li = el("li");
    var a = el("a");
    a.href = api && lang ? hit.url + "?lang=" + encodeURIComponent(lang) : hit.url;
    a.appendChild(el("code", "", String(hit.code)));
    a.appendChild(document.createTextNode(" "));
    a.appendChild(el("span", "hit-cat", hit.catalog + " · " + hit.space));
    a.appendChild(document.createTextNode(" "));
    a.appendChild(el("span", "hit-title", hit.title || hit.name || ""));
    if (!full) { a.appendChild(snippetNode(hit.snippet, "hit-snippet")); }
    li.appendChild(a);
    if (full) { li.appendChild(snippetNode(hit.snippet, "snippet")); }
    return li;
  }

  function setupInstant(form) {
    var input = form.querySelector("input[name=q]");
    var list = form.querySelector("#instant");
    var status = form.querySelector("#instant-status");
    if (!input || !list) { return; }
    var timer = null, seq = 0;
    function hide() { list.hidden = true; input.setAttribute("aria-expanded", "false"); }
    function run() {
      var q = input.value.trim().slice(0, MAX_QUERY);
      var mine = ++seq;
      if (!q) { list.textContent = ""; hide(); return; }
      search(q, 8).then(function (res) {
        if (mine !== seq) { return; }
        list.textContent = "";
        if (!res.hits.length) { list.appendChild(el("li", "empty", noResults)); }
        res.hits.forEach(function (h) { list.appendChild(hitNode(h, false)); });
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        if (status) { status.textContent = res.total + (res.total_exact === false ? "+" : ""); }
      }).catch(function () { hide(); });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") { hide(); }
      if (ev.key === "ArrowDown" && !list.hidden) {
        var first = list.querySelector("a");
        if (first) { ev.preventDefault(); first.focus(); }
      }
    });
    list.addEventListener("keydown", function (ev) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (ev.key === "ArrowDown" && at < links.length - 1) { ev.preventDefault(); links[at + 1].focus(); }
      if (ev.key === "ArrowUp") { ev.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
      if (ev.key === "Escape") { hide(); input.focus(); }
    });
    document.addEventListener("click", function (ev) { if (!form.contains(ev.target)) { hide(); } });
  }

  function setupStaticResults() {
    var list = document.querySelector("[data-search-page]");
    if (!list || !indexUrl) { return; }
    var q = (new URLSearchParams(window.location.search).get("q") || "").slice(0, MAX_QUERY);
    var input = document.getElementById("q");
    if (input) { input.value = q; }
    if (!q.trim()) { return; }
    var summary = document.getElementById("results-summary");
    search(q, 100).then(function (res) {
      list.textContent = "";
      res.hits.forEach(function (h) { list.appendChild(hitNode(h, true)); });
      if (summary) { summary.textContent = res.hits.length ? res.total + " · " + q : noResults; }
    });
  }

  function setupCopy() {
    Array.prototype.forEach.call(document.querySelectorAll("button[data-copy]"), function (button) {
      button.addEventListener("click", function () {
        var target = document.getElementById(button.getAttribute("data-copy"));
        if (!target) { return; }
        var text = target.textContent;
        var label = button.textContent;
        var done = function () {
          button.textContent = button.getAttribute("data-copied") || label;
          setTimeout(function () { button.textContent = label; }, 1500);
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).then(done, function () {});
        } else {
          var range = document.createRange();
          range.selectNodeContents(target);
          var sel = window.getSelection();
          sel.removeAllRanges();
          sel.addRange(range);
          if (document.execCommand("copy")) { done(); }
        }
      });
    });
  }

  var form = document.querySelector("form[data-search]");
  setupCopy();
  if (form) { setupInstant(form); }
  setupStaticResults();
})();
