/* Search in Material's search box, answered by the Pagefind index that the build writes into
   the site (hooks/adapter/site_search.py). Pagefind picks the index of the page's language
   from <html lang>, so results never mix languages, and fetches only the parts of the index
   a query needs. It runs on the page's main thread (noWorker): the index files a query needs
   are small, and `make bench` then measures the reader's whole wait under a slowed CPU.
   Ranking: Pagefind's, without its penalty on long pages (a county's profile is long and
   names the county throughout); then, among the first results, those whose title holds the
   whole query come first, the shortest title first: the page whose title is the query
   leads (林西 → 林西县, Linxi → Linxi County). Results are drawn in Material's markup, so they look as Material's own search did; the
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
  var SHOWN = 10; // results drawn
  var CONSIDERED = 20; // results whose title is fetched to rank by it; each costs one small file
  var bundle = null;
  var latest = 0;

  function pagefind() {
    if (!bundle) {
      bundle = import(new URL(dialog.dataset.bundle, document.baseURI).href).then(function (api) {
        return api.options({ noWorker: true, ranking: { pageLength: 0 } }).then(function () { return api; });
      });
    }
    return bundle;
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

  function item(data) {
    var sections = (data.sub_results || []).filter(function (section) {
      return section.url !== data.url && section.title !== data.meta.title;
    }).slice(0, 3);
    var html = '<a href="' + data.url + '" class="md-search-result__link" tabindex="-1">' +
      article(data.meta.title || data.url, data.excerpt, 1) + "</a>";
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

  // Titles holding the whole query (each word of it, case aside) first, shortest first;
  // otherwise Pagefind's order.
  function byTitle(text, pages) {
    var words = text.toLowerCase().split(/\s+/).filter(Boolean);
    function rank(data) {
      var title = (data.meta.title || "").toLowerCase();
      return words.every(function (word) { return title.indexOf(word) >= 0; }) ? title.length : Infinity;
    }
    return pages.map(function (data, order) { return { data: data, rank: rank(data), order: order }; })
      .sort(function (a, b) { return a.rank - b.rank || a.order - b.order; })
      .map(function (entry) { return entry.data; });
  }

  function query(text) {
    var asked = ++latest;
    if (!text.trim()) {
      meta.textContent = dialog.dataset.placeholder;
      list.replaceChildren();
      return;
    }
    pagefind().then(function (api) {
      return api.search(text);
    }).then(function (found) {
      if (asked !== latest || !found) return null;
      return Promise.all(found.results.slice(0, CONSIDERED).map(function (result) { return result.data(); }))
        .then(function (pages) {
          if (asked !== latest) return;
          meta.textContent = count(found.results.length);
          list.replaceChildren.apply(list, byTitle(text, pages).slice(0, SHOWN).map(item));
        });
    });
  }

  input.addEventListener("input", function () { query(input.value); });
  input.addEventListener("focus", function () {
    toggle.checked = true;
    pagefind().then(function (api) { return api.init(); }); // load while the reader types
  });
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
