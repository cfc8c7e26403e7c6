"""Readers' journeys through the built archive, in Chinese and in English."""
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from conftest import AXE

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


@pytest.mark.parametrize("lang, query, expected", [
    ("zh", "扶贫蛋", "projects/linxi-deqingyuan-egg-farm/"),
    ("en", "strawberry", "projects/taibus-strawberry-seedlings/"),
])
def test_search_finds_the_project_in_the_readers_language(page, base_url, lang, query, expected):
    page.goto(base_url + LANG_ROOTS[lang])
    search = page.locator("input.md-search__input")
    search.click()
    results = page.locator(".md-search-result__item a")
    for _ in range(3):
        search.fill(query)
        try:
            results.first.wait_for(timeout=10_000)
            break
        except PlaywrightTimeout:
            # A query typed while the search worker still loads its index can go unanswered
            # on a slow machine; a reader would type again.
            search.fill("")
    results.first.wait_for()
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any(expected in href for href in hrefs), hrefs
    if lang == "zh":
        assert not [href for href in hrefs if "/en/" in href], hrefs
    else:
        assert all("/en/" in href for href in hrefs), hrefs


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
