"""The pages a reader meets first, at a desktop's and a phone's width: accessible, nothing
cut, chart and map text legible, no map name over another; screenshots of each saved for review."""
import pytest

from conftest import AXE, SCREENSHOTS

LANG_ROOTS = {"zh": "", "en": "en/"}
READER_PAGES = {
    "home": "",
    "county": "counties/linxi/",
    "project": "projects/linxi-deqingyuan-egg-farm/",
    "testimony": "testimonies/zhang-chunming/",
    "source": "sources/001_a2282d97453cfedc/",
}
WIDTHS = {"desktop": 1280, "phone": 390}
# Pages holding charts or maps, each checked at a phone's width.
DRAWN_PAGES = ["", "counties/", "counties/linxi/", "counties/taibus/", "counties/jalaid/", "counties/duilongdeqing/"]

SVG_TEXT_PROBLEMS = """() => {
  const problems = [];
  const viewport = document.documentElement.clientWidth;
  for (const svg of document.querySelectorAll('.archive-chart svg, .archive-map svg')) {
    const box = svg.getBoundingClientRect();
    if (!box.width) continue;
    for (const text of svg.querySelectorAll('text')) {
      const scale = text.getScreenCTM().a;
      const size = parseFloat(getComputedStyle(text).fontSize) * scale;
      const r = text.getBoundingClientRect();
      const name = `"${text.textContent}"`;
      if (size < 12) problems.push(`${name} is ${size.toFixed(1)} px`);
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
        problems.push(`${name} is cut by its drawing`);
      if (r.left < 0 || r.right > viewport) problems.push(`${name} runs off the screen`);
    }
    // On a map, no name may cover another (a chart's value sits on its bar by design).
    if (!svg.closest('.archive-map')) continue;
    const boxes = [...svg.querySelectorAll('text')].map(t => [t.textContent, t.getBoundingClientRect()]);
    boxes.forEach(([a, ra], i) => boxes.slice(i + 1).forEach(([b, rb]) => {
      if (ra.left < rb.right - 0.5 && rb.left < ra.right - 0.5 && ra.top < rb.bottom - 0.5 && rb.top < ra.bottom - 0.5)
        problems.push(`"${a}" covers "${b}"`);
    }));
  }
  return problems;
}"""


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("screen", WIDTHS)
def test_reader_pages_are_accessible_and_fit_the_screen(page_factory, base_url, lang, screen):
    page = page_factory(width=WIDTHS[screen], height=900)
    problems = []
    for name, path in READER_PAGES.items():
        page.goto(base_url + LANG_ROOTS[lang] + path)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{lang}-{screen}.png"), full_page=True)
        if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
            problems.append(f"{path}: the page scrolls sideways")
        problems += [f"{path}: {violation}" for violation in axe_violations(page)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_chart_and_map_text_is_at_least_12px_never_cut_nor_overlapping_on_a_phone(page_factory, base_url, lang):
    page = page_factory(width=390, height=844)
    problems = []
    for path in DRAWN_PAGES:
        page.goto(base_url + LANG_ROOTS[lang] + path)
        assert page.locator(".archive-chart svg, .archive-map svg").count(), path
        problems += [f"{path or 'home'}: {problem}" for problem in page.evaluate(SVG_TEXT_PROBLEMS)]
    assert not problems, "\n".join(problems)


def test_a_chart_keeps_its_exact_figures_behind_show_data(page, base_url):
    page.goto(base_url + "counties/linxi/")
    table = page.locator("#chart-sector ~ details table, .archive-chart-block:has(#chart-sector) details table")
    assert not table.first.is_visible()
    page.locator(".archive-chart-block:has(#chart-sector) details summary").click()
    assert table.first.is_visible() and "1.9915亿元" in table.first.inner_text()


# One page of each kind: every generated table is on one of them (projects on the projects
# index and, by sector, on a county profile; accounts, sources, the data page's fields, the
# charts' data tables) and the hand-written About page has one of its own.
PAGE_KINDS = {
    "home": "", "counties": "counties/", "county": "counties/linxi/", "projects": "projects/",
    "project": "projects/linxi-deqingyuan-egg-farm/", "timeline": "timeline/", "testimonies": "testimonies/",
    "testimony": "testimonies/zhang-chunming/", "sources": "sources/", "source": "sources/001_a2282d97453cfedc/",
    "data": "data/", "glossary": "glossary/", "about": "about/",
}

# What does not fit a phone's screen: the page scrolling sideways, a table wider than its
# column (scrolling inside Material's wrapper), and a word of a table broken over two lines
# ("alleviat/ion"). A word is a run of Latin letters, digits and _ (field names); Chinese
# breaks between any two characters. Disclosures are opened so that the charts' tables count.
PHONE_PROBLEMS = """() => {
  const problems = [];
  document.querySelectorAll('details').forEach(details => { details.open = true; });
  if (document.documentElement.scrollWidth > window.innerWidth)
    problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px for ${window.innerWidth})`);
  for (const table of document.querySelectorAll('.md-content table')) {
    const wrapper = table.closest('.md-typeset__scrollwrap') || table.parentElement;
    if (table.getBoundingClientRect().right > wrapper.getBoundingClientRect().right + 1 || wrapper.scrollWidth > wrapper.clientWidth + 1)
      problems.push(`a table (${table.dataset.table || 'hand-written'}) is wider than the column`);
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.textContent.matchAll(/[A-Za-z0-9_]{2,}/g)) {
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
        if (lines.size > 1) problems.push(`"${word[0]}" is broken over ${lines.size} lines`);
      }
    }
  }
  return problems;
}"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_page_scrolls_sideways_or_breaks_a_word_of_a_table_on_a_phone(page_factory, base_url, lang):
    page = page_factory(width=390, height=844)
    problems = []
    for kind, path in PAGE_KINDS.items():
        page.goto(base_url + LANG_ROOTS[lang] + path)
        problems += [f"{kind} ({path or 'home'}): {problem}" for problem in page.evaluate(PHONE_PROBLEMS)]
    assert not problems, "\n".join(problems)


def test_the_phone_check_sees_a_broken_word_and_a_page_that_scrolls_sideways(page_factory, base_url):
    page = page_factory(width=390, height=844)
    page.goto(base_url + "en/projects/")
    page.add_style_tag(content=".md-typeset table td a { display: inline-block; width: 4em; word-break: break-all !important; }"
                               " .md-content { min-width: 600px; }")
    problems = page.evaluate(PHONE_PROBLEMS)
    assert any("scrolls sideways" in problem for problem in problems)
    assert any("is broken over" in problem for problem in problems)
