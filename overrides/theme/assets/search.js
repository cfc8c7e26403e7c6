/* Search in Material's search box, answered by the Pagefind index that the build writes into
   the site (hooks/adapter/site_search.py). Pagefind picks the index of the page's language
   from <html lang>, so results never mix languages, and fetches only the parts of the index
   a query needs. It runs on the page's main thread (noWorker): the index files a query needs
   are small, and `make bench` then measures the reader's whole wait under a slowed CPU.
   What a reader waits for after typing is kept to the query's own work: Pagefind's script,
   its WebAssembly and the language's metadata (the same for every query) load once the page
   is idle, or as soon as the reader points at or focuses the search box; a reader who asked
   to save data (Save-Data) or is on a 2G connection loads them only then. A query fetches
   its words' index parts and one excerpt file per result drawn; the list is drawn once,
   when those are in, so that it does not reorder under the reader's pointer.
   Ranking: Pagefind's, without its penalty on long pages (a county's profile is long and
   names the county throughout); then, among the results drawn, those whose title holds the
   whole query come first, a place's profile first and the shortest title first: the page
   whose title is the query leads (林西 → 林西县, Linxi → Linxi County), and a place's
   profile leads the records that name it (丰台 → Fengtai's programme). Pagefind's results
   carry no title, only their excerpt files do, so the title ranking looks at the results
   drawn and no further.
   Results are drawn in Material's markup, so they look as Material's own search did; the
   keys are Material's: f, s or / opens, arrows move, Enter follows, Escape closes. */
(function () {
  "use strict";
  var dialog = document.querySelector("[data-archive-search]");
  var toggle = document.getElementById("__search");
  if (!dialog || !toggle) return;
  var input = dialog.querySelector(".md-search__input");
  var form = dialog.querySelector("form");
  var meta = dialog.querySelector(".md-search-result__meta");
  var list = dialog.querySelector(".md-search-result__list");
  var SHOWN = 10; // results drawn, and ranked by title; each costs one small excerpt file
  var bundle = null;

  // Loads Pagefind once; init() starts fetching its WebAssembly and metadata without waiting
  // for them (a search waits for them itself).
  function pagefind() {
    if (!bundle) {
      bundle = import(new URL(dialog.dataset.bundle, document.baseURI).href).then(function (api) {
        return api.options({ noWorker: true, ranking: { pageLength: 0 } })
          .then(function () { return api.init(); })
          .then(function () {
            // An empty search fetches nothing, but first sets up the browser's word segmenter
            // (for Chinese it loads a dictionary), which the first query would wait for.
            api.search("");
            return api;
          });
      });
    }
    return bundle;
  }

  function preload() { pagefind(); }

  function whenIdle() {
    var connection = navigator.connection;
    if (connection && (connection.saveData || /2g/.test(connection.effectiveType || ""))) return;
    var idle = window.requestIdleCallback || function (callback) { return setTimeout(callback, 1); };
    idle(preload, { timeout: 3000 });
  }

  function open(state) {
    toggle.checked = state;
    if (state) input.focus(); else input.blur();
  }

  function escape(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  function count(n) {
    var text = n === 0 ? dialog.dataset.none : n === 1 ? dialog.dataset.one : dialog.dataset.other;
    return text.replace("#", String(n));
  }

  function article(title, excerpt, level) {
    return '<article class="md-search-result__article md-typeset">' +
      (level === 1 ? '<div class="md-search-result__icon md-icon"></div>' : "") +
      "<h" + level + ">" + escape(title) + "</h" + level + ">" +
      (excerpt ? "<p>" + excerpt + "</p>" : "") + "</article>";
  }

  // The page's heading is indexed (Pagefind matches Chinese titles reliably only in the
  // page's text), so an excerpt from the top of a page begins with the title, or with its
  // end, which the result already shows above it. That beginning is dropped, with its marks
  // (the full stop after it goes with fromFirstWord); any other excerpt is left as it is.
  function withoutTitle(excerpt, title) {
    // Where the excerpt's text continues after `text` (tags, spaces and Pagefind's zero-width
    // word breaks aside), if it starts with it and a word ends there; otherwise -1.
    function after(text) {
      var at = 0;
      function skip() {
        for (;;) {
          if (excerpt.charAt(at) === "<") at = excerpt.indexOf(">", at) + 1 || excerpt.length;
          else if (/[\s\u200b]/.test(excerpt.charAt(at))) at++;
          else return;
        }
      }
      for (var i = 0; i < text.length; i++) {
        skip();
        if (excerpt.charAt(at) !== text.charAt(i)) return -1;
        at++;
      }
      var end = at;
      skip();
      return at === excerpt.length || at > end || /[.。:：]/.test(excerpt.charAt(at)) ? end : -1;
    }
    for (var start = 0; start < title.length; start++) {
      // The excerpt starts at a word: after a space, or at any character of Chinese.
      if (start > 0 && !/\s/.test(title.charAt(start - 1)) && !/[^\x00-\u024f]/.test(title.charAt(start))) continue;
      var end = after(title.slice(start).replace(/\s+/g, ""));
      if (end >= 0) return excerpt.slice(end).replace(/^<\/mark>/, "");
    }
    return excerpt;
  }

  // Pagefind starts an excerpt at a word, in Chinese often just after a comma, and one with
  // its title dropped starts with what followed the title: the excerpt starts at the word.
  function fromFirstWord(excerpt) {
    return excerpt.replace(/^[\s\u200b，、；：。,;:.]+/, "");
  }

  // The page's heading as indexed: a source's result is titled by its short name in quotation
  // marks (《…》, “…”), while its heading is the article's full headline.
  function heading(data) {
    var h1 = (data.anchors || []).filter(function (anchor) { return anchor.element === "h1"; })[0];
    return h1 ? h1.text : data.meta.title || "";
  }

  function item(data) {
    var top = heading(data);
    var sections = (data.sub_results || []).filter(function (section) {
      return section.url !== data.url && section.title !== data.meta.title && section.title !== top;
    }).slice(0, 3);
    var html = '<a href="' + data.url + '" class="md-search-result__link" tabindex="-1">' +
      article(data.meta.title || data.url, fromFirstWord(withoutTitle(data.excerpt || "", top)), 1) + "</a>";
    if (sections.length) {
      var more = sections.length === 1 ? dialog.dataset.moreOne : dialog.dataset.moreOther.replace("#", String(sections.length));
      html += '<details class="md-search-result__more"><summary tabindex="-1"><div>' + escape(more) + "</div></summary>" +
        sections.map(function (section) {
          return '<a href="' + section.url + '" class="md-search-result__link" tabindex="-1">' +
            article(section.title, section.excerpt, 2) + "</a>";
        }).join("") + "</details>";
    }
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    li.innerHTML = html;
    return li;
  }

  // Titles holding the whole query (each word of it, case aside) first: a place's profile
  // (county.md.j2 marks it) before the records that name the place (丰台 → Fengtai's
  // programme, then its projects), each shortest title first; otherwise Pagefind's order.
  function byTitle(text, pages) {
    var words = text.toLowerCase().split(/\s+/).filter(Boolean);
    function rank(data) {
      var title = (data.meta.title || "").toLowerCase();
      if (!words.every(function (word) { return title.indexOf(word) >= 0; })) return [2, 0];
      return [data.meta.profile ? 0 : 1, title.length];
    }
    return pages.map(function (data, order) { return { data: data, rank: rank(data), order: order }; })
      .sort(function (a, b) { return a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.order - b.order; })
      .map(function (entry) { return entry.data; });
  }

  // One search at a time. A search holds the page's thread while Pagefind scores the pages
  // that match (on a slow phone, most of a second for a word on most pages), so searching
  // at every keystroke would queue searches for words the reader is still typing, each
  // delaying the next keystroke and the last search. Instead, text typed while a search runs
  // waits, and only the latest is searched when it ends; a search overtaken by newer text
  // draws nothing and fetches no excerpts.
  var waiting = null; // the text typed since the running search began, if any
  var searching = false;

  // From a key to the results drawn for the text typed so far, the list says it is being
  // updated (aria-busy), so that assistive technology, and tests, wait for the final list.
  function busy(state) {
    if (state) list.setAttribute("aria-busy", "true");
    else list.removeAttribute("aria-busy");
  }

  function query(text) {
    waiting = text;
    if (!searching) next();
  }

  function next() {
    var text = waiting;
    waiting = null;
    if (!text.trim()) {
      meta.textContent = dialog.dataset.placeholder;
      list.replaceChildren();
      busy(false);
      return;
    }
    searching = true;
    pagefind().then(function (api) {
      return api.search(text);
    }).then(function (found) {
      if (waiting !== null || !found) return null;
      return Promise.all(found.results.slice(0, SHOWN).map(function (result) { return result.data(); }))
        .then(function (pages) {
          if (waiting !== null) return;
          meta.textContent = count(found.results.length);
          list.replaceChildren.apply(list, byTitle(text, pages).map(item));
        });
    }).finally(function () {
      searching = false;
      if (waiting !== null) next();
      else busy(false);
    });
  }

  // A reader typing a word key by key is searched for when the typing pauses (PAUSE_MS
  // after a key): a search for each beginning of the word ("s", "st"…, which most pages
  // match) would hold the page's thread while the next keys wait. A word arriving at once (a
  // Chinese input method committing it, a paste) is searched for at once; while an input
  // method is still composing, the box holds its spelling (caom for 草莓), and nothing is
  // searched until the word is committed.
  var PAUSE_MS = 200;
  var pause = 0;
  input.addEventListener("input", function (event) {
    clearTimeout(pause);
    if (event.isComposing) return;
    busy(true);
    var key = (event.inputType === "insertText" && (event.data || "").length === 1) || /^delete/.test(event.inputType || "");
    if (key) pause = setTimeout(function () { query(input.value); }, PAUSE_MS);
    else query(input.value);
  });
  input.addEventListener("compositionend", function () {
    clearTimeout(pause);
    busy(true);
    query(input.value);
  });
  input.addEventListener("focus", function () {
    toggle.checked = true;
    preload();
  });
  // Pointing at the box or at the header's search button shows the intent to search.
  Array.prototype.forEach.call(document.querySelectorAll(".md-search__input, label[for='__search']"), function (target) {
    target.addEventListener("pointerenter", preload);
    target.addEventListener("pointerdown", preload);
  });
  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle);
  toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(function () { query(""); input.focus(); }); });
  list.addEventListener("click", function (event) {
    if (event.target.closest("a")) toggle.checked = false; // a link to this very page closes too
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var typing = target.isContentEditable || /^(input|select|textarea)$/i.test(target.tagName);
    if (!toggle.checked) {
      if (!typing && (event.key === "f" || event.key === "s" || event.key === "/")) {
        event.preventDefault();
        open(true);
      }
      return;
    }
    var links = Array.prototype.filter.call(
      dialog.querySelectorAll(".md-search-result__list a, .md-search-result__more > summary"),
      function (link) { return link.offsetParent !== null; });
    var stops = [input].concat(links);
    var at = stops.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      open(false);
    } else if (event.key === "Enter" && target === input) {
      event.preventDefault();
      if (links.length) links[0].click();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      var next = at + (event.key === "ArrowDown" ? 1 : -1);
      stops[Math.max(0, Math.min(stops.length - 1, next))].focus();
    } else if (!typing && event.key.length === 1) {
      input.focus(); // typing anywhere in the open dialog goes to the search box
    }
  });
})();
