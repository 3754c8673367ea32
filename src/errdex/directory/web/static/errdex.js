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
  var didYouMean = body.getAttribute("data-did-you-mean") || "Did you mean";
  var MAX_QUERY = 200;
  var sitePrefix = body.getAttribute("data-site-prefix") || "";
  var searcher = null;

  /* The static site's index (errdex-search.js), opened on first use. */
  function openIndex() {
    if (!searcher) {
      if (!window.ErrdexSearch || !window.ErrdexText) {
        return Promise.reject(new Error("errdex-search.js or errdex-text.js did not load"));
      }
      searcher = window.ErrdexSearch.open(indexUrl);
      searcher.catch(function () { searcher = null; });
    }
    return searcher;
  }

  /* The title in this copy's language when the entry has one (as the server's pages),
   * and the language the shown title is in (hit.title_lang, as the API gives it): the
   * text's own, else (a name or a code standing in) the entry's, whose texts come first. */
  function localTitle(hit) {
    if (!hit.texts) { return hit.title; }
    var want = lang ? window.ErrdexText.tag(lang) : null, i, t;
    for (i = 0; want && i < hit.texts.length; i++) {
      t = hit.texts[i];
      if (t[0] === "title" && t[1] && window.ErrdexText.tag(t[1]) === want) {
        hit.title_lang = t[1];
        return t[2];
      }
    }
    hit.title_lang = hit.texts.length ? hit.texts[0][1] : null;
    for (i = 0; i < hit.texts.length; i++) {
      if (hit.texts[i][2] === hit.title && hit.texts[i][1]) { hit.title_lang = hit.texts[i][1]; break; }
    }
    return hit.title;
  }

  /* Marks count code points, as Python's string offsets do (the server's API and the
   * static index alike); slicing a JS string needs UTF-16 units, which differ after any
   * astral character (an emoji, CJK Ext-B). One conversion for both: the server's pages
   * do not load errdex-text.js. */
  function unitMarks(hits) {
    (hits || []).forEach(function (h) {
      if (h.snippet && h.snippet.marks) {
        h.snippet.marks = codePointMarks(h.snippet.text, h.snippet.marks);
      }
    });
  }

  function codePointMarks(text, marks) {
    var units = [0], n = 0;
    for (var ch of text) { n += ch.length; units.push(n); }
    var last = units.length - 1;
    return marks.map(function (m) { return [units[Math.min(m[0], last)], units[Math.min(m[1], last)]]; });
  }

  function staticSearch(query, limit) {
    return openIndex().then(function (s) { return s.search(query, {}, limit, 0); }).then(function (res) {
      res.hits.forEach(function (h) {
        h.url = siteRoot + (sitePrefix ? sitePrefix + "/" : "") + h.url.replace(/^\/+/, "");
        h.title = localTitle(h);
      });
      unitMarks(res.hits);
      return res;
    });
  }

  function search(query, limit) {
    if (api) {
      var params = new URLSearchParams({ q: query, limit: String(limit) });
      if (lang) { params.set("lang", lang); }
      return fetch(api + "?" + params.toString(), { headers: { Accept: "application/json" } })
        .then(function (r) { if (!r.ok) { return { total: 0, hits: [] }; } return r.json(); })
        .then(function (res) { unitMarks(res.hits); return res; });
    }
    if (indexUrl) { return staticSearch(query, limit); }
    return Promise.resolve({ total: 0, hits: [] });
  }

  /* Control and bidi characters in a visible form, as the server's pages show them
   * (errdex/directory/web/visible.py): a C0 control (not tab, LF, CR) as its control
   * picture, DEL as U+2421, a C1 control or bidi embedding, override or isolate as
   * "⟨U+202E⟩". The JSON API and the static index keep the data as it is. */
  var HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
  function visible(text) {
    return String(text).replace(HIDDEN, function (ch) {
      var cp = ch.charCodeAt(0);
      if (cp < 0x20) { return String.fromCharCode(0x2400 + cp); }
      if (cp === 0x7f) { return "\u2421"; }
      return "\u27e8U+" + cp.toString(16).toUpperCase().padStart(4, "0") + "\u27e9";
    });
  }

  function textNode(value) { return document.createTextNode(visible(value)); }

  function el(tag, cls, value) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (value) { node.textContent = visible(value); }
    return node;
  }

  function snippetNode(snippet, cls) {
    var p = el(cls === "snippet" ? "p" : "span", cls);
    if (!snippet) { return p; }
    if (snippet.locale) { p.lang = snippet.locale; }
    var text = snippet.text, pos = 0;
    (snippet.marks || []).slice().sort(function (a, b) { return a[0] - b[0]; }).forEach(function (m) {
      var s = Math.max(m[0], pos), e = Math.min(m[1], text.length);
      if (e <= s) { return; }
      p.appendChild(textNode(text.slice(pos, s)));
      p.appendChild(el("mark", "", text.slice(s, e)));
      pos = e;
    });
    p.appendChild(textNode(text.slice(pos)));
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
    var title = el("span", "hit-title", hit.title || hit.name || "");
    if (hit.title_lang) { title.lang = hit.title_lang; }  /* the language the title is in */
    a.appendChild(title);
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
    search(q, 50).then(function (res) {
      list.textContent = "";
      res.hits.forEach(function (h) { list.appendChild(hitNode(h, true)); });
      if (summary) { summary.textContent = res.hits.length ? res.total + " · " + q : noResults; }
      var fixes = res.suggestions || [];
      if (!res.total && fixes.length && list.parentNode) {
        /* as the server's page: "Did you mean <a>token</a>?", links to this page's ?q= */
        var note = el("p", "did-you-mean", didYouMean + " ");
        fixes.forEach(function (s, i) {
          var link = el("a", "", s);
          link.href = window.location.pathname + "?q=" + encodeURIComponent(s);
          note.appendChild(link);
          note.appendChild(document.createTextNode(i < fixes.length - 1 ? ", " : "?"));
        });
        list.parentNode.insertBefore(note, list.nextSibling);
      }
    }).catch(function () { if (summary) { summary.textContent = noResults; } });
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
        // without the async clipboard (plain http on a LAN address) or when it is
        // refused (permission denied, an iframe): select the body and copy that, so
        // the reader can at least press Ctrl+C on the selection
        var select = function () {
          var range = document.createRange();
          range.selectNodeContents(target);
          var sel = window.getSelection();
          sel.removeAllRanges();
          sel.addRange(range);
          var copied = false;
          try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
          if (copied) { done(); }
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).then(done, select);
        } else {
          select();
        }
      });
    });
  }

  var form = document.querySelector("form[data-search]");
  setupCopy();
  if (form) { setupInstant(form); }
  setupStaticResults();
})();
