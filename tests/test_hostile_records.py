"""Records and accounts full of markup, quotes, template syntax and formula prefixes: every
page, feed, JSON and CSV file the core makes of them shows them as text, runs nothing and
starts no formula. The core's output is read directly (render_language, export_files)."""
import csv
import html
import io
import json
import shutil
from html.parser import HTMLParser

import pytest
from lxml import etree
from markdown import Markdown

from archive.archive import build_archive
from archive.export import export_files
from archive.markup_safety import unsafe_markup
from archive.render import render_language
from archive.strict_yaml import parse
from archive.typography import chinese_text
from sitebuild import FIXTURES, ROOT

HOSTILE = '</title><script>alert(1)</script> "q" \'s\' {{ 7*7 }} {% if 1 %}x{% endif %} <img src=x onerror=alert(1)> [l](javascript:alert(1)) | *a* `b`'
# Chinese texts are read with Chinese quotation marks (archive/typography.py).
HOSTILE_ZH = chinese_text(HOSTILE)
FORMULA = '=HYPERLINK("http://example.org","x")'


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string


@pytest.fixture(scope="module")
def hostile_archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(FIXTURES / "tiny" / "data", root / "data")
    shutil.copytree(FIXTURES / "tiny" / "content", root / "content")
    project = root / "data/projects/linxi-egg-farm.yaml"
    text = project.read_text(encoding="utf-8")
    text = text.replace("{zh: 林西扶贫蛋, en: Linxi poverty-relief eggs}", f"{{zh: {_quoted(HOSTILE)}, en: {_quoted(FORMULA)}}}")
    text = text.replace("  en: Deqingyuan built a laying-hen farm in Linxi.", f"  en: {_quoted('+' + HOSTILE)}")
    project.write_text(text, encoding="utf-8")
    for lang in ("zh", "en"):
        account = root / f"content/testimonies/dai-shusen.{lang}.md"
        text = account.read_text(encoding="utf-8")
        for field in ("narrator", "role", "summary"):
            start = text.index(f"\n{field}: ") + len(field) + 3
            text = text[:start] + _quoted(("@" if field == "role" else "") + HOSTILE) + text[text.index("\n", start):]
        account.write_text(text, encoding="utf-8")
    archive = build_archive(root)
    pages = {}
    for lang in ("zh", "en"):
        pages.update(render_language(archive, ROOT / "overrides" / "archive", lang, "https://example.org/"))
    return archive, pages, export_files(archive)


def _front_and_html(page: str) -> tuple[dict, str]:
    _, front, body = page.split("---\n", 2)
    converter = Markdown(extensions=["attr_list", "md_in_html", "tables", "admonition", "toc"])
    return parse(front).value, converter.convert(body)


class _LiveMarkup(HTMLParser):
    """Elements and attributes that run code; the pages' own charts and map are SVG, so
    unlike in an account, <svg> and the timeline's filter <form> are expected here."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "base", "meta", "link", "style"):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").replace(" ", "").lower().startswith(("javascript:", "data:")):
                self.found.append(f"{name}={value}")


def _live_markup(body: str) -> list:
    finder = _LiveMarkup()
    finder.feed(body)
    return finder.found


def test_pages_show_hostile_text_as_text(hostile_archive):
    _, pages, _ = hostile_archive
    markdown_pages = {name: page for name, page in pages.items() if name.endswith(".md")}
    assert len(markdown_pages) > 10
    for name, page in markdown_pages.items():
        front, body = _front_and_html(page)
        assert _live_markup(body) == [], name
        for value in front.values():  # the theme prints these raw into <title>, og:title, description
            assert not set(str(value)) & set('<>"'), (name, value)
    _, project = _front_and_html(pages["projects/linxi-egg-farm.zh.md"])
    heading = project.split("<h1", 1)[1].split(">", 1)[1].split("</h1>", 1)[0]
    # The heading reads exactly as the editor wrote it: escaped, not interpreted (no 49).
    assert html.unescape(heading.replace("\\", "")).startswith(HOSTILE_ZH.split(" [l]")[0])


def test_feeds_parse_and_carry_hostile_text_as_text(hostile_archive):
    _, pages, _ = hostile_archive
    for lang in ("zh", "en"):
        feed = etree.fromstring(pages[f"feed.{lang}.xml"])
        titles = [entry.text for entry in feed.iter("{http://www.w3.org/2005/Atom}title")]
        assert any(HOSTILE in title or HOSTILE_ZH in title for title in titles)
        for content in feed.iter("{http://www.w3.org/2005/Atom}content"):
            assert unsafe_markup(content.text) == []


def test_json_keeps_hostile_text_exactly(hostile_archive):
    _, _, files = hostile_archive
    projects = {p["id"]: p for p in json.loads(files["data/projects.json"])}
    assert projects["linxi-egg-farm"]["title"] == {"zh": HOSTILE_ZH, "en": FORMULA}
    testimonies = json.loads(files["data/testimonies.json"])
    assert testimonies[0]["zh"]["narrator"] in (HOSTILE, HOSTILE_ZH)


def test_no_csv_cell_starts_a_formula(hostile_archive):
    _, _, files = hostile_archive
    for name, content in files.items():
        if name.endswith(".csv"):
            for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))):
                for cell in row:
                    assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), (name, cell)
    projects = csv.DictReader(io.StringIO(files["data/projects.csv"].decode("utf-8-sig")))
    assert f"'{FORMULA}" in [row["title_en"] for row in projects]


def test_a_built_testimony_page_carries_no_live_markup_in_title_meta_or_heading(tmp_path):
    """The theme prints page titles and descriptions without escaping: a whole build shows
    that a narrator's name full of markup stays text in <title>, og:title and <h1>."""
    from sitebuild import build, make_project, page

    project = make_project(tmp_path / "site")
    for lang in ("zh", "en"):
        account = project / f"content/testimonies/dai-shusen.{lang}.md"
        text = account.read_text(encoding="utf-8").replace("narrator: ", f"narrator: {_quoted(HOSTILE)}\n# was: ", 1)
        account.write_text(text, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    for url in ("testimonies/dai-shusen", "en/testimonies/dai-shusen"):
        document = page(project, url)
        head = document.split("</head>", 1)[0]
        assert "<script>alert(1)" not in document
        assert [found for found in _live_markup(document) if "alert" in found] == []  # the theme's own scripts aside
        assert _live_markup(head.split("<title>", 1)[1].split("</title>", 1)[0]) == []
        og_title = head.split('property="og:title" content="', 1)[1].split('"', 1)[0]
        assert "<" not in og_title and ">" not in og_title
        assert "&lt;/title&gt;&lt;script&gt;" in og_title
        h1 = document.split("<h1", 1)[1].split("</h1>", 1)[0]  # Material's, from the page title
        assert "&lt;script&gt;" in h1 and _live_markup(h1) == []
    for built in (project / "site").rglob("*"):  # search indexes and feeds (downloads keep text as data)
        if built.suffix in (".json", ".xml", ".js") and built.is_file() and built.parent.name != "data":
            assert b"<script>alert(1)" not in built.read_bytes(), built
