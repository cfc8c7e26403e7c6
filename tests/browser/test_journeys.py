"""Readers' journeys through the built archive, in Chinese and in English."""
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from conftest import AXE, SCREENSHOTS, serve
from search_bench import TYPIST

LANG_ROOTS = {"zh": "", "en": "en/"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_home_to_county_to_project_and_back(page, base_url, lang):
    page.goto(base_url + LANG_ROOTS[lang])
    page.locator(".archive-card a[href*='counties/linxi/']").first.click()
    page.wait_for_url(re.compile(r"/counties/linxi/$"))
    assert ("林西县" if lang == "zh" else "Linxi County") in page.locator("h1").inner_text()
    page.locator("table[data-table=projects] a[href*='projects/linxi-deqingyuan-egg-farm/']").first.click()
    page.wait_for_url(re.compile(r"/projects/linxi-deqingyuan-egg-farm/$"))
    page.locator(".archive-facts a[href*='counties/linxi/']").first.click()
    page.wait_for_url(re.compile(r"/counties/linxi/$"))
    assert page.url == base_url + LANG_ROOTS[lang] + "counties/linxi/"


@pytest.mark.parametrize("lang, other", [("zh", "en"), ("en", "zh")])
def test_language_switch_lands_on_the_same_county(page, base_url, lang, other):
    page.goto(base_url + LANG_ROOTS[lang] + "counties/taibus/")
    page.locator(".md-header .md-select").first.hover()
    page.locator(f".md-header .md-select a[hreflang='{other}']").first.click()
    page.wait_for_url(base_url + LANG_ROOTS[other] + "counties/taibus/")
    assert page.locator("html").get_attribute("lang") == other


def search_results(page, base_url, lang, query) -> list[str]:
    """Type `query` into the header's search box as a reader would; the result links in order."""
    page.goto(base_url + LANG_ROOTS[lang])
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(query)
    # Keys slower than the search box's pause (a loaded machine) draw the results of the
    # word's beginning first: wait for the list of the whole word.
    page.locator(".md-search-result__list:not([aria-busy])").wait_for(state="attached")
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for()
    return [results.nth(i).get_attribute("href") for i in range(results.count())]


# (language, query, the page expected, how far down it may be: 1 = first)
RELEVANCE = [
    ("zh", "林西", "counties/linxi/", 1),
    ("zh", "扎赉特", "counties/jalaid/", 1),
    ("zh", "太仆寺", "counties/taibus/", 1),
    ("zh", "丰台", "counties/fengtai/", 1),  # the programme's profile before the projects named after it
    ("zh", "扶贫蛋", "projects/linxi-deqingyuan-egg-farm/", 1),
    ("zh", "草莓", "projects/taibus-strawberry-", 3),
    ("zh", "戴树森", "testimonies/dai-shusen/", 1),
    ("zh", "肉牛", "projects/taibus-beef-cattle/", 3),
    ("zh", "消费帮扶", "projects/taibus-consumption-aid/", 3),
    ("en", "Linxi", "en/counties/linxi/", 1),
    ("en", "Jalaid", "en/counties/jalaid/", 1),
    ("en", "Taibus", "en/counties/taibus/", 1),
    ("en", "Fengtai", "en/counties/fengtai/", 1),
    ("en", "strawberry", "en/projects/taibus-strawberry-", 1),
    ("en", "Dai Shusen", "en/testimonies/dai-shusen/", 1),
    ("en", "egg", "en/projects/linxi-deqingyuan-egg-farm/", 1),
    ("en", "beef cattle", "en/projects/taibus-beef-cattle/", 3),
]


@pytest.mark.parametrize("lang, query, expected, within", RELEVANCE)
def test_search_puts_the_page_a_reader_means_first(page, base_url, lang, query, expected, within):
    hrefs = search_results(page, base_url, lang, query)
    top = [href.removeprefix("/") for href in hrefs[:within]]
    assert any(href.startswith(expected) for href in top), hrefs[:5]
    if lang == "zh":
        assert not [href for href in hrefs if "/en/" in href], hrefs
    else:
        assert all("/en/" in href for href in hrefs), hrefs


def test_a_chinese_query_never_matches_a_single_character_inside_another_word(page, base_url):
    hrefs = search_results(page, base_url, "zh", "草莓")
    assert not [href for href in hrefs if "taibus-grassland-sheep" in href], hrefs  # 我在草原有只羊
    hrefs = search_results(page, base_url, "zh", "林西")
    assert "economic-forest" not in hrefs[0], hrefs[:3]  # 林业 holds 林 but not 林西


# Pagefind's module as the page loads it, behind a stand-in that logs each search: what the
# search box asks Pagefind for, whatever is drawn.
SEARCHES_LOGGED = """
import * as pagefind from "./pagefind.js?unlogged";
window.__searches = [];
export const {createInstance, debouncedSearch, destroy, filters, init, mergeIndex, options, preload} = pagefind;
export function search(term, ...rest) {
  if (term) window.__searches.push(term);
  return pagefind.search(term, ...rest);
}
"""


def log_searches(page):
    def respond(route):
        if route.request.url.endswith("?unlogged"):
            route.continue_()
        else:
            route.fulfill(body=SEARCHES_LOGGED, content_type="text/javascript")
    page.route("**/pagefind/pagefind.js*", respond)


def test_a_word_typed_key_by_key_is_searched_once_the_typing_pauses(page, base_url):
    """A search per key would search "s", "st"…, which nearly every page matches, and hold up
    the next keys on a slow phone with a large archive."""
    log_searches(page)
    page.goto(base_url + "en/")
    search = page.locator("input.md-search__input")
    search.click()
    # Keys 50 ms apart, pressed in the page: Playwright's own keys wait for the page to take
    # each one, and on a loaded machine can come further apart than the pause.
    page.evaluate(TYPIST, ["strawberry", 50])
    assert page.locator(".md-search-result__list").get_attribute("aria-busy") == "true"
    page.locator(".md-search-result__list:not([aria-busy])").wait_for(state="attached")
    page.locator(".md-search-result__item > a").first.wait_for()
    assert page.evaluate("window.__searches") == ["strawberry"]
    assert "taibus-strawberry-" in page.locator(".md-search-result__item > a").first.get_attribute("href")


def test_a_word_is_searched_once_the_input_method_commits_it(page, base_url):
    """A Chinese input method shows its spelling in the box (caomei) while the reader picks the
    word: nothing is searched until it commits 草莓, and then at once."""
    log_searches(page)
    page.goto(base_url)
    page.locator("input.md-search__input").click()
    cdp = page.context.new_cdp_session(page)
    for spelling in ("c", "cao", "caomei"):
        cdp.send("Input.imeSetComposition", {"text": spelling, "selectionStart": len(spelling),
                                             "selectionEnd": len(spelling)})
    page.wait_for_timeout(500)
    assert page.evaluate("window.__searches || []") == []
    page.evaluate("""() => { window.__busy = [];
      const list = document.querySelector(".md-search-result__list");
      new MutationObserver(() => window.__busy.push(list.getAttribute("aria-busy")))
        .observe(list, {attributes: true, attributeFilter: ["aria-busy"]}); }""")
    cdp.send("Input.insertText", {"text": "草莓"})
    page.locator(".md-search-result__list:not([aria-busy])").wait_for(state="attached")
    page.locator(".md-search-result__item > a").first.wait_for()
    assert page.evaluate("window.__searches") == ["草莓"]
    assert page.evaluate("window.__busy") == ["true", None]  # busy while the committed word is searched
    hrefs = [link.get_attribute("href") for link in page.locator(".md-search-result__item > a").all()]
    assert any("taibus-strawberry-" in href for href in hrefs[:3]), hrefs[:3]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_search_keys_open_move_and_follow_like_materials(page, base_url, lang):
    page.goto(base_url + LANG_ROOTS[lang] + "about/")
    page.keyboard.press("/")
    search = page.locator("input.md-search__input")
    assert search.evaluate("element => element === document.activeElement")
    search.press_sequentially("Linxi" if lang == "en" else "林西")
    page.locator(".md-search-result__list:not([aria-busy])").wait_for(state="attached")
    page.locator(".md-search-result__item > a").first.wait_for()
    page.keyboard.press("ArrowDown")
    first = page.locator(".md-search-result__item > a").first
    assert first.evaluate("element => element === document.activeElement")
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()
    search.click()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/counties/linxi/$"))


def test_search_works_under_a_subpath(browser, site_dir, tmp_path):
    """The site served at /archive/: the index and result links stay under it."""
    (tmp_path / "archive").symlink_to(site_dir)
    with serve(tmp_path) as base:
        context = browser.new_context()
        page = context.new_page()
        outside = []
        page.on("request", lambda request: outside.append(request.url) if "/archive/" not in request.url else None)
        hrefs = search_results(page, base + "archive/", "en", "Linxi")
        context.close()
    assert hrefs[0] == "/archive/en/counties/linxi/", hrefs[:3]
    assert not outside, outside



@pytest.mark.parametrize("lang", ["zh", "en"])
def test_timeline_filter_by_county_and_clear(page, base_url, lang):
    page.goto(base_url + LANG_ROOTS[lang] + "timeline/")
    items = page.locator("li.archive-milestone")
    total = items.count()
    page.select_option("form[data-archive-filters] select[name=county]", "taibus")
    visible = page.locator("li.archive-milestone:visible")
    assert 0 < visible.count() < total
    assert {visible.nth(i).get_attribute("data-county") for i in range(visible.count())} == {"taibus"}
    page.locator("form[data-archive-filters] button[type=reset]").click()
    page.wait_for_function(f"document.querySelectorAll('li.archive-milestone:not([hidden])').length === {total}")


@pytest.mark.parametrize("lang, narrator, role_word", [("zh", "张春明", "教师"), ("en", "Zhang Chunming", "eacher")])
def test_testimony_card_shows_narrator_role_county_and_links_work(page, base_url, lang, narrator, role_word):
    page.goto(base_url + LANG_ROOTS[lang] + "testimonies/zhang-chunming/")
    card = page.locator(".archive-testimony-card")
    assert narrator in card.inner_text() and role_word in card.inner_text()
    card.locator("a[href*='counties/taibus/']").click()
    page.wait_for_url(base_url + LANG_ROOTS[lang] + "counties/taibus/")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_mobile_navigation_opens_and_profile_does_not_scroll_sideways(page_factory, base_url, lang):
    page = page_factory(width=390, height=844)
    page.goto(base_url + LANG_ROOTS[lang] + "counties/linxi/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.locator("label.md-header__button[for='__drawer']").click()
    page.locator(".md-nav--primary").first.wait_for(state="visible")
    assert page.locator("#__drawer").is_checked()


JOURNEY_PAGES = ["", "counties/linxi/", "timeline/", "testimonies/zhang-chunming/"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_link_on_key_pages_answers_200(page, base_url, lang):
    checked = set()
    for path in JOURNEY_PAGES:
        page.goto(base_url + LANG_ROOTS[lang] + path)
        # An SVG link's href is an SVGAnimatedString, not a URL: resolve its baseVal.
        hrefs = page.eval_on_selector_all(
            "a[href]", "links => links.map(a => new URL(a.getAttribute('href'), document.baseURI).href)")
        for href in hrefs:
            target = href.split("#")[0]
            if not target.startswith(base_url) or target in checked:
                continue
            checked.add(target)
            assert page.request.get(target).status == 200, f"{target} linked from {path}"
    assert len(checked) > 20


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", JOURNEY_PAGES)
def test_no_serious_accessibility_violation(page, base_url, lang, path):
    page.goto(base_url + LANG_ROOTS[lang] + path)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, "\n".join(serious)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width, name", [(1280, "desktop"), (390, "mobile")])
def test_search_dialog_screenshots_for_review(page_factory, base_url, lang, width, name):
    page = page_factory(width=width, height=800)
    page.goto(base_url + LANG_ROOTS[lang] + "counties/taibus/")
    if width < 1220:  # Material shows the search box behind a button on narrow screens
        page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").press_sequentially("草莓" if lang == "zh" else "strawberry")
    page.locator(".md-search-result__list:not([aria-busy])").wait_for(state="attached")
    page.locator(".md-search-result__item > a").first.wait_for()
    page.screenshot(path=str(SCREENSHOTS / f"search-{lang}-{name}.png"))
    assert page.locator(".md-search-result__item").count() >= 2
    # An excerpt cut after a comma starts with the words, not the comma.
    excerpts = [text.strip() for text in page.locator(".md-search-result__article p").all_inner_texts()]
    assert not [text for text in excerpts if re.match(r"[，、；：。,;:.]", text)], excerpts
    # Nor with the page's heading, which the result shows above it (an article's headline,
    # though its result is titled by its short name in quotation marks).
    source = page.locator(".md-search-result__item", has=page.locator("a[href*='sources/004_']")).first
    headline = "京蒙协作赋能" if lang == "zh" else "Beijing–Inner Mongolia cooperation"
    assert not source.locator(".md-search-result__article p").first.inner_text().strip().startswith(headline)
