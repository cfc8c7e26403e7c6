"""Full builds of a tiny archive: the pages a reader sees, in both languages."""
import json
import re
import shutil
from pathlib import Path

import pytest

from archive.labels import Labels
from sitebuild import ROOT, build, indexed_pages, make_project, page


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("site"))
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project


def test_county_profile_shows_its_records_figures_in_both_languages(site):
    zh, en = page(site, "counties/linxi"), page(site, "en/counties/linxi")
    # 2.93亿 (egg farm) + 810万 (clinic, first district figure) = 3.011亿, computed, not typed in,
    # and shown rounded to three significant digits as a computed sum.
    assert 'data-figure="funds">3.01亿元<' in zh
    assert 'data-figure="funds">CNY 301 million<' in en
    assert 'data-figure="people">超过6350人<' in zh
    assert 'data-figure="people">more than 6,350 people<' in en
    assert "2018年8月" in zh and "August 2018" in en  # left the poverty list
    assert "丰台区" in zh and "Fengtai District" in en
    for html in (zh, en):
        assert "../../projects/linxi-egg-farm/" in html and "../../testimonies/dai-shusen/" in html


def test_project_page_keeps_both_values_when_sources_disagree(site):
    en = page(site, "en/projects/linxi-clinic")
    assert "archive-disagree" in en
    assert "CNY 8.1 million" in en and "CNY 8.2 million" in en
    assert "“Win-win cooperation that helps at the root”" in en  # each cited by its short name
    assert "“Beijing–Inner Mongolia cooperation speeds up rural revitalisation in Taibus”" in en


def test_english_pages_carry_no_chinese_labels_and_the_reverse(site):
    templates = ROOT / "overrides" / "archive"
    zh_labels = {v for v in Labels.load(templates, "zh").entries.values() if re.search(r"[\u4e00-\u9fff]{2,}", v)}
    en_labels = {v for v in Labels.load(templates, "en").entries.values() if re.fullmatch(r"[A-Z][a-z]+( [a-z]+){1,3}", v)}
    for url in ("counties/linxi", "projects/linxi-egg-farm", "timeline", "testimonies", "sources", ""):
        en_html, zh_html = page(site, f"en/{url}"), page(site, url)
        assert not [label for label in zh_labels if f">{label}<" in en_html], url
        assert not [label for label in en_labels if f">{label}<" in zh_html], url


def test_language_switcher_lands_on_the_same_page(site):
    en = page(site, "en/counties/taibus")
    assert 'href="../../../counties/taibus/" hreflang="zh"' in en
    zh = page(site, "counties/taibus")
    assert 'href="../../en/counties/taibus/" hreflang="en"' in zh


def test_testimony_page_has_its_card(site):
    en = page(site, "en/testimonies/dai-shusen")
    card = en[en.index("archive-testimony-card"):]
    assert "Dai Shusen" in card and "General manager" in card and "Linxi County" in card
    assert "../../projects/linxi-egg-farm/" in card and "2018 – 2020" in card
    # Titled by the narrator (not by the file name) and described by the summary, in each language.
    assert "<title>Dai Shusen - " in en and '<meta name="description" content="The story of a vegetable base.">' in en
    zh = page(site, "testimonies/dai-shusen")
    assert "<title>戴树森 - " in zh and re.search(r"<h1[^>]*>戴树森<", zh)


def test_timeline_groups_by_year_with_partial_dates_in_order(site):
    zh = page(site, "timeline")
    order = [zh.index(f'id="{m}"') for m in ("linxi-2018", "linxi-exit", "linxi-eggs-on-sale", "taibus-start")]
    assert order == sorted(order)
    assert 'id="y2018"' in zh and 'id="y2019"' in zh


def test_each_language_searches_only_its_own_pages_and_not_their_tables(site):
    indexed = indexed_pages(site / "site")
    zh, en = indexed["zh"], indexed["en"]
    assert zh and not [url for url in zh if url.startswith("/en/")]
    assert en and all(url.startswith("/en/") for url in en)
    assert any("扶贫蛋" in text for text in zh.values())
    assert not any("扶贫蛋" in text for text in en.values())
    assert any("strawberry" in text.lower() for text in en.values())
    assert "/404.html" not in zh  # only pages' own content is indexed
    # Table headers and figure lists stay out (the column titles ran together in snippets).
    assert not [url for url, text in en.items() if "Years Funding" in text or "Project Area Sector" in text]
    assert not any("¶" in text for text in en.values())


def test_search_leaves_out_what_repeats_from_page_to_page(site):
    en = indexed_pages(site / "site")["en"]
    account = en["/en/testimonies/dai-shusen/"]
    # A card's values stay searchable; its labels are left out and no longer run into them.
    assert "Linxi County" in account and "Dai Shusen" in account
    assert "AreaLinxi" not in account and "Role at the time" not in account and "Related projects" not in account
    # Articles are named on their own pages, not in the citations of every page that cites them.
    short_name = "Win-win cooperation that helps at the root"
    assert short_name in page(site, "en/testimonies/dai-shusen")
    records = ("/en/projects/", "/en/counties/", "/en/testimonies/")
    assert not [url for url, text in en.items() if url.startswith(records) and short_name in text]
    # A section left out of search leaves its heading out too: the headings ran together in
    # excerpts ("Funding. Beneficiaries. Sources.") and matched their words on every page.
    assert "Funding" in page(site, "en/projects/linxi-egg-farm")
    headings = re.compile(r"\b(Funding|Beneficiaries|Milestones|Accounts|Sources|What cites this article)\.")
    record_pages = re.compile(r"/en/(projects|counties|testimonies|sources)/[^/]+/$")
    assert not [url for url, text in en.items() if record_pages.match(url) and headings.search(text)]
    # A source's missing date is shown on its page but says nothing to search for.
    assert "not given in the text" in page(site, "en/sources/000_8690be5daf756306")
    assert not [url for url, text in en.items() if "not given in the text" in text]


def test_search_finds_each_milestone_and_each_county_summary_once(site):
    en = indexed_pages(site / "site")["en"]
    # A milestone has no page of its own: its county's profile holds it in the index; the
    # timeline, the home page and its project's page list it too, but not in the index.
    milestone = "Linxi eggs go on sale in Beijing"
    assert milestone in page(site, "en/projects/linxi-egg-farm") and milestone in page(site, "en")
    assert [url for url, text in en.items() if milestone in text] == ["/en/counties/linxi/"]
    # The cards of the home page and of the counties' index repeat each county's summary.
    summary = "Linxi County is paired with Fengtai District."
    assert summary in page(site, "en") and summary in page(site, "en/counties")
    assert [url for url, text in en.items() if summary in text] == ["/en/counties/linxi/"]


def test_no_block_of_a_page_is_glued_into_a_paragraph(site):
    # A template comment that swallows the blank line after a paragraph puts the next table or
    # list inside it (<p>intro<table>): browsers split them again, but Pagefind's reader
    # kept the table, and its data-pagefind-ignore was lost.
    glued = re.compile(r"<p>(?:(?!</p>).)*?<(table|div|dl|ul|ol|figure|h[1-6]|details)\b", re.S)
    pages = [(built, glued.search(built.read_text(encoding="utf-8"))) for built in (site / "site").rglob("*.html")]
    assert not [(str(built.relative_to(site / "site")), found.group(0)[-80:]) for built, found in pages if found]


def test_no_page_asks_a_third_party(site):
    # Scripts, images, styles, fonts and icons load by themselves; links only when followed.
    loads = re.compile(r'(?:\bsrc="|<link\b[^>]*\bhref="|url\()(https?:)?//([^/"\')]+)')
    for built in (site / "site").rglob("*"):
        if built.suffix in (".html", ".css", ".js"):
            hosts = {m.group(2) for m in loads.finditer(built.read_text(encoding="utf-8"))}
            assert hosts <= {"127.0.0.1:8000"}, (built, hosts)


def test_record_text_is_escaped(tmp_path):
    project = make_project(tmp_path)
    path = project / "data/projects/linxi-clinic.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "en: Linxi health aid", "en: \"<script>alert(1)</script> | *bold* [link](x) `code`\""), encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    html = page(project, "en/projects/linxi-clinic")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; | *bold* [link](x) `code`" in html


def test_adding_a_record_file_makes_its_pages_appear_and_deleting_removes_them(tmp_path):
    project = make_project(tmp_path)
    new = project / "data/projects/taibus-sheep.yaml"
    new.write_text("""id: taibus-sheep
county: taibus
title: {zh: 我在草原有只羊, en: I own a sheep on the grassland}
sector: consumption
funding:
  - {value: 1000000, qualifier: nearly, source: 004_68cbcf0a421c36e5.txt}
summary: {zh: 认购草原羊。, en: City buyers adopt a sheep.}
sources: [004_68cbcf0a421c36e5.txt]
""", encoding="utf-8")
    assert build(project).returncode == 0
    assert "I own a sheep on the grassland" in page(project, "en/projects/taibus-sheep")
    assert "我在草原有只羊" in page(project, "projects/taibus-sheep")
    for url in ("counties/taibus", "en/counties/taibus", "projects", "en/projects"):
        assert "projects/taibus-sheep/" in page(project, url), url
    assert "近100万元" in page(project, "counties/taibus")

    new.unlink()
    assert build(project).returncode == 0
    assert not (project / "site/en/projects/taibus-sheep").exists()
    assert not (project / "build/docs/projects/taibus-sheep.zh.md").exists()
    assert not (project / "content/projects").exists()  # the editors' folder holds only what they wrote
    assert "taibus-sheep" not in page(project, "counties/taibus")


def test_a_broken_record_fails_the_build_with_its_file_named(tmp_path):
    project = make_project(tmp_path)
    path = project / "data/projects/linxi-clinic.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("sector: health", "sector: healthcare"), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "data/projects/linxi-clinic.yaml:4: field 'sector'" in result.stderr


def test_downloads_parse_and_match_the_records(site):
    import csv

    projects = json.loads((site / "site/data/projects.json").read_text(encoding="utf-8"))
    egg = next(p for p in projects if p["id"] == "linxi-egg-farm")
    assert egg["funding"][0] == {"value": 293000000, "qualifier": "exact", "source": "000_8690be5daf756306.txt",
                                 "covers": "total"}
    with open(site / "site/data/figures.csv", encoding="utf-8-sig", newline="") as handle:
        figures = list(csv.DictReader(handle))
    clinic = [f for f in figures if f["record_id"] == "linxi-clinic" and f["field"] == "funding"]
    assert [f["value"] for f in clinic] == ["8100000", "8200000"]
    with open(site / "site/data/milestones.csv", encoding="utf-8-sig", newline="") as handle:
        milestones = {row["id"]: row for row in csv.DictReader(handle)}
    assert milestones["linxi-exit"]["date"] == "2018-08" and milestones["linxi-exit"]["title_en"].startswith("Linxi")
    testimonies = json.loads((site / "site/data/testimonies.json").read_text(encoding="utf-8"))
    assert testimonies[0]["en"]["narrator"] == "Dai Shusen" and "vegetable base" in testimonies[0]["en"]["account"]
    for lang_root in ("", "en/"):
        html = page(site, lang_root + "data")
        assert 'href="' + ("../../" if lang_root else "../") + 'data/figures.csv"' in html


def test_two_builds_of_the_same_archive_are_identical(tmp_path):
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    first, second = make_project(tmp_path / "a"), make_project(tmp_path / "b")
    assert build(first, env=env).returncode == 0 and build(second, env=env).returncode == 0
    one, two = _digest(first), _digest(second)
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def _digest(project) -> dict[str, str]:
    import hashlib

    return {str(p.relative_to(project / "site")): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((project / "site").rglob("*")) if p.is_file()}


def test_languages_built_side_by_side_give_the_same_site_as_one_after_the_other(tmp_path):
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    parallel, sequential = make_project(tmp_path / "a"), make_project(tmp_path / "b")
    assert build(parallel, env=env).returncode == 0
    assert build(sequential, env={**env, "ARCHIVE_PARALLEL_LANGUAGES": "0"}).returncode == 0
    assert _digest(parallel) == _digest(sequential)
    # The 404 page at the root is the default language's; the sitemap lists both languages.
    assert '<html lang="zh"' in (parallel / "site" / "404.html").read_text(encoding="utf-8")
    sitemap = (parallel / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>http://127.0.0.1:8000/counties/linxi/</loc>" in sitemap
    assert "<loc>http://127.0.0.1:8000/en/counties/linxi/</loc>" in sitemap


def test_a_failure_in_the_other_languages_build_fails_the_build(tmp_path):
    project = make_project(tmp_path)
    account = project / "content" / "testimonies" / "dai-shusen.en.md"
    account.write_text(account.read_text(encoding="utf-8") + "\nSee [the plan](nowhere.md).\n", encoding="utf-8")
    result = build(project)  # strict: the English page's broken link is a warning, so an error
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "nowhere.md" in output and "The build of en failed" in output


def test_a_failed_build_leaves_the_published_site_untouched(tmp_path):
    import subprocess

    project = make_project(tmp_path)
    make = ["make", "-s", "build", f"VENV={ROOT / '.venv'}"]
    assert subprocess.run(make, cwd=project, capture_output=True).returncode == 0
    before = page(project, "counties/linxi")
    path = project / "data/projects/linxi-clinic.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("county: linxi", "county: nowhere"), encoding="utf-8")
    failed = subprocess.run(make, cwd=project, capture_output=True, text=True)
    assert failed.returncode != 0 and "'nowhere'" in failed.stderr
    assert page(project, "counties/linxi") == before
    assert not list(project.glob(".site.building-*"))  # the failed build's staging folder is gone


def test_sitemap_lists_both_languages_with_hreflang_and_x_default(site):
    sitemap = (site / "site/sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>http://127.0.0.1:8000/counties/linxi/</loc>" in sitemap
    assert "<loc>http://127.0.0.1:8000/en/counties/linxi/</loc>" in sitemap
    assert 'hreflang="en" href="http://127.0.0.1:8000/en/counties/linxi/"' in sitemap
    assert 'hreflang="x-default" href="http://127.0.0.1:8000/counties/linxi/"' in sitemap


def test_pages_describe_themselves_for_sharing(site):
    en = page(site, "en/projects/linxi-egg-farm")
    assert '<meta name="description" content="Deqingyuan built a laying-hen farm in Linxi.">' in en
    assert '<meta property="og:title" content="Linxi poverty-relief eggs">' in en
    assert '<meta property="og:url" content="http://127.0.0.1:8000/en/projects/linxi-egg-farm/">' in en


def test_each_language_has_a_valid_atom_feed_of_accounts(site):
    from xml.etree import ElementTree

    atom = "{http://www.w3.org/2005/Atom}"
    for lang_root, lang, title in (("", "zh", "戴树森 · 岳各庄批发市场总经理"), ("en/", "en", "Dai Shusen · General manager")):
        feed = ElementTree.parse(site / "site" / lang_root / "feed.xml").getroot()
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        entries = feed.findall(f"{atom}entry")
        assert len(entries) == 1
        assert entries[0].find(f"{atom}title").text.startswith(title)
        assert entries[0].find(f"{atom}id").text == f"http://127.0.0.1:8000/{lang_root}testimonies/dai-shusen/"
        assert feed.find(f"{atom}updated").text  # required by Atom
    assert 'href="../feed.xml"' in page(site, "en/testimonies")


def test_a_site_published_under_a_path_links_only_relatively(tmp_path):
    project = make_project(tmp_path)
    assert build(project, env={"SITE_URL": "https://example.org/archive/"}).returncode == 0
    assert "<loc>https://example.org/archive/en/counties/linxi/</loc>" in (project / "site/sitemap.xml").read_text()
    assert "https://example.org/archive/en/feed.xml" in (project / "site/en/feed.xml").read_text()
    for html_file in (project / "site").rglob("*.html"):
        root_absolute = re.findall(r'(?:href|src)="(/[^/"][^"]*)"', html_file.read_text(encoding="utf-8"))
        if html_file.name == "404.html":  # served at any address, so it links from the site's path
            assert root_absolute and all(link.startswith("/archive/") for link in root_absolute)
        else:
            assert not root_absolute, (html_file, root_absolute[:3])


def test_county_charts_are_static_svg_with_labels_and_a_data_table_per_language(site):
    en, zh = page(site, "en/counties/linxi"), page(site, "counties/linxi")
    chart = en[en.index('id="chart-sector"'):]
    chart = chart[:chart.index("</table>")]
    assert "<svg" in chart and "<title id=\"chart-sector-title\">Funding of individual projects by sector</title>" in chart
    assert ">Industry</text>" in chart and ">CNY 293 million</text>" in chart
    assert "<td>Health</td><td>CNY 8.1 million</td>" in chart  # the table beside it
    assert "<desc id=\"chart-sector-desc\">Industry: CNY 293 million; Health: CNY 8.1 million</desc>" in chart
    zh_chart = zh[zh.index('id="chart-sector"'):]
    assert ">产业</text>" in zh_chart and ">2.93亿元</text>" in zh_chart
    year = en[en.index('id="chart-year"'):]
    assert year.index(">2017</text>") < year.index(">2019</text>")
    assert "<script" not in chart


def test_home_map_links_each_county_to_its_profile(site):
    for lang_root, name in (("", "林西县"), ("en/", "Linxi County")):
        html = page(site, lang_root)
        svg = html[html.index('class="archive-map-svg"'):html.index("</svg>", html.index('class="archive-map-svg"'))]
        assert '<a href="counties/linxi/">' in svg and name in svg
        assert "archive-map-link" in svg  # a line from the Beijing district to the county
    locator = page(site, "en/counties/taibus")
    assert "archive-map-county--current" in locator


def test_an_untranslated_record_shows_a_notice_and_fails_strict_builds(tmp_path):
    project = make_project(tmp_path)
    path = project / "data/projects/taibus-strawberry.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  en: Changping supplies strawberry seedlings.\n", ""),
                    encoding="utf-8")
    (project / "content/testimonies/dai-shusen.en.md").unlink()
    result = build(project, strict=False)
    assert result.returncode == 0
    assert "translation missing: data/projects/taibus-strawberry.yaml:8: field 'summary' has no en text yet" in result.stderr
    en = page(project, "en/projects/taibus-strawberry")
    assert "not yet fully translated into English" in en and "昌平区提供草莓种苗。" in en
    assert "not yet fully translated into English" not in page(project, "projects/taibus-strawberry")
    testimony = page(project, "en/testimonies/dai-shusen")
    assert "not yet fully translated into English" in testimony and "戴树森" in testimony
    strict = build(project)  # mkdocs --strict, as `make build STRICT=1` and CI run it
    assert strict.returncode != 0 and "strict builds need both languages" in strict.stdout + strict.stderr


def test_an_account_in_a_list_sets_the_narrator_apart_from_the_role(site):
    county = re.search(r"county: (\S+)", (ROOT / "tests/fixtures/tiny/content/testimonies/dai-shusen.zh.md")
                       .read_text(encoding="utf-8")).group(1)
    assert '>戴树森</a>：<span class="archive-role">岳各庄批发市场总经理</span>' in page(site, f"counties/{county}")
    assert '>Dai Shusen</a>: <span class="archive-role">General manager' in page(site, f"en/counties/{county}")
