"""Every built page of the real archive, read as a reader reads it: Chinese typeset as Chinese,
no article file name in sight."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from visible_text import visible_lines

HAN = r"[\u3400-\u9fff]"
# Closing quotes are left out: “…” also quote terms in English text shown on Chinese pages.
CHINESE_PUNCTUATION = "。，、；：！？）》」』"
TYPOGRAPHY_RULES = {
    "half-width , : ; after a Chinese character": re.compile(rf"{HAN}[,:;]"),
    "half-width , : ; before a Chinese character": re.compile(rf"[,:;] ?{HAN}"),
    # " - " and " · " between a page's title and the site's name are separators, not stray spaces
    "a space after Chinese punctuation": re.compile(rf"[{CHINESE_PUNCTUATION}] +(?![-·|→] )\S"),
    "a straight quote touching Chinese": re.compile(rf"{HAN}[\"']|[\"']{HAN}"),
}


def chinese_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "en")


def typography_problems(page_html: str) -> list[str]:
    problems = []
    for line in visible_lines(page_html):
        for rule, pattern in TYPOGRAPHY_RULES.items():
            for match in pattern.finditer(line):
                start = max(match.start() - 12, 0)
                problems.append(f"{rule}: …{line[start:match.end() + 12]}…")
    return problems


def test_the_rules_catch_what_they_name():
    page = ("<html><body><p>丰台区, 1996年起</p><p>北京结对方: 丰台区</p><p>人口24万。 这里</p>"
            "<p>\"我在草原有只羊\"</p><p>丰台区，1996年起。这里“我在草原有只羊”。</p></body></html>")
    found = typography_problems(page)
    assert len([p for p in found if "after a Chinese" in p]) == 2
    assert len([p for p in found if "space after" in p]) == 1
    assert len([p for p in found if "straight quote" in p]) == 2
    assert not [p for p in found if "“我在草原" in p]


def test_chinese_pages_are_typeset_as_chinese(site_dir):
    pages = chinese_pages(site_dir)
    assert len(pages) > 100
    problems = {str(p.relative_to(site_dir)): found for p in pages
                if (found := typography_problems(p.read_text(encoding="utf-8")))}
    report = [f"{page}: {problem}" for page, found in problems.items() for problem in found]
    assert not report, f"{len(report)} problems on {len(problems)} pages:\n" + "\n".join(report[:80])


# An article's file name, or its number standing for it (000号文章, 文章000, article 000).
ARTICLE_FILE = re.compile(r"\d{3}_[0-9a-f]{16}|\d{3} ?号文章|文章 ?\d{3}\b|\b[Aa]rticles? \d{3}\b")


def test_the_article_rule_catches_file_names_and_numbers():
    line = "000_8690be5daf756306.txt；000号文章称；见文章001；article 002 gives; Articles 003; 2018年8月"
    assert ARTICLE_FILE.findall(line) == ["000_8690be5daf756306", "000号文章", "文章001", "article 002", "Articles 003"]


def test_no_page_shows_an_article_file_name(site_dir):
    """Readers meet articles by their short names; file names and numbers stay in links and downloads."""
    shown = {}
    for path in sorted(site_dir.rglob("*.html")):
        names = {name for line in visible_lines(path.read_text(encoding="utf-8")) for name in ARTICLE_FILE.findall(line)}
        if names:
            shown[str(path.relative_to(site_dir))] = sorted(names)
    assert not shown, f"{len(shown)} pages show file names: {list(shown.items())[:10]}"


# What a slip in a template or a record leaves on a page.
SLIPS = {
    "a plural after 1": re.compile(r"(?<![\d.,])\b1 (?!person\b)[a-z]+s\b"),
    "a Python or JavaScript empty value": re.compile(r"\bNone\b(?! [a-z])|\b(?:nan|NaN|null|undefined)\b"),
    "template syntax": re.compile(r"\{\{|\}\}|\{%|%\}|\{[a-z_]+\}|\[\[|\]\]"),
    "a note to self": re.compile(r"\bTODO\b|\bFIXME\b|✎"),
    "doubled punctuation": re.compile(r"。。|，，|、、|；；|：：|,,|;;|(?<!\.)\.\.(?!\.)"),
    "empty parentheses": re.compile(r"（\s*）|\(\s*\)"),
    "a space before punctuation": re.compile(r"\w [,;:!?](?=\s|$)"),
}


def slips(page_html: str) -> list[str]:
    return [f"{name}: …{line[max(match.start() - 30, 0):match.end() + 30]}…"
            for line in visible_lines(page_html) for name, pattern in SLIPS.items() for match in pattern.finditer(line)]


def test_the_slip_rules_catch_what_they_name():
    page = ("<html><body><p>Sums over 1 individual projects</p><p>Years: None</p><p>{{ title }}</p><p>TODO</p>"
            "<p>总数。。</p><p>名称（）</p><p>aid ; after</p><p>1 person; None recorded yet; 2 projects</p></body></html>")
    assert len(slips(page)) == 7


def test_no_page_shows_a_slip(site_dir):
    found = {str(path.relative_to(site_dir)): problems for path in sorted(site_dir.rglob("*.html"))
             if (problems := slips(path.read_text(encoding="utf-8")))}
    report = [f"{page}: {problem}" for page, problems in found.items() for problem in problems]
    assert not report, f"{len(report)} slips on {len(found)} pages:\n" + "\n".join(report[:40])


def test_figures_can_show_the_passage_they_rest_on(site_dir):
    egg_farm = (site_dir / "projects" / "linxi-deqingyuan-egg-farm" / "index.html").read_text(encoding="utf-8")
    english = (site_dir / "en" / "counties" / "linxi" / "index.html").read_text(encoding="utf-8")
    assert '<blockquote lang="zh"><p>全县总面积3933平方公里，总人口24万人</p></blockquote>' in english
    assert "《北京市丰台区对口帮扶林西县纪实》" in egg_farm and "<details class=\"archive-passage\">" in egg_farm


def test_record_pages_show_their_section_in_the_tabs_and_a_breadcrumb(site_dir):
    html = (site_dir / "en" / "counties" / "linxi" / "index.html").read_text(encoding="utf-8")
    breadcrumb = re.search(r'<nav class="md-path".*?</nav>', html, re.S).group(0)
    assert re.findall(r">\s*(Home|Counties)\s*<", breadcrumb) == ["Home", "Counties"]
    assert re.search(r'md-tabs__item--active">\s*<a href="\.\./"', html)


def test_every_page_speaks_its_language_in_head_and_footer(site_dir):
    zh = (site_dir / "projects" / "linxi-deqingyuan-egg-farm" / "index.html").read_text(encoding="utf-8")
    en = (site_dir / "en" / "projects" / "linxi-deqingyuan-egg-farm" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate feed" type="application/atom+xml" href="../../feed.xml"' in zh
    assert '<link rel="alternate feed" type="application/atom+xml" href="../../feed.xml"' in en  # en/feed.xml
    assert "报告错误" in zh and "Report a mistake" in en and "Made with" not in zh + en
    assert 'og:image" content="http://127.0.0.1:8000/en/social/projects/linxi-deqingyuan-egg-farm.svg"' in en
    not_found = (site_dir / "404.html").read_text(encoding="utf-8")
    assert '<section lang="zh"' in not_found and '<section lang="en"' in not_found


def test_the_footer_names_the_licence_and_where_to_report_a_mistake(site_dir):
    """Unset (as in this build), "report a mistake" leads to the About page's corrections
    section in the page's language, which says how to report one."""
    for lang_root, report, licence in (("", "报告错误", "本站文字与数据采用 "), ("en/", "Report a mistake", "licensed under ")):
        html = (site_dir / lang_root / "projects" / "index.html").read_text(encoding="utf-8")
        assert f'<a href="../about/#corrections">{report}</a>' in html
        assert re.search(licence + r'<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>', html)
        about = (site_dir / lang_root / "about" / "index.html").read_text(encoding="utf-8")
        assert 'id="corrections"' in about and report in about.split('id="corrections"')[1]


def test_a_corrections_address_set_for_the_site_is_the_footers_link(tmp_path):
    from sitebuild import build, make_project, page

    project = make_project(tmp_path)
    assert build(project, env={"CORRECTIONS_URL": "mailto:corrections@example.org"}).returncode == 0
    assert '<a href="mailto:corrections@example.org">Report a mistake</a>' in page(project, "en/projects/")
    assert '<a href="mailto:corrections@example.org">报告错误</a>' in page(project, "counties/linxi/")


def test_no_cell_of_an_index_table_is_left_blank(site_dir):
    """A value the articles do not give shows a dash: a blank cell reads as a page that broke,
    and on a phone as a label with nothing under it."""
    cell = re.compile(r"<td[^>]*>(.*?)</td>", re.S)
    blank = {}
    for path in sorted(site_dir.rglob("*.html")):
        for table in re.findall(r"<table[^>]*data-cards.*?</table>", path.read_text(encoding="utf-8"), re.S):
            empty = [text for text in cell.findall(table) if not re.sub(r"<[^>]+>", "", text).strip()]
            if empty:
                blank[str(path.relative_to(site_dir))] = len(empty)
    assert not blank, blank
