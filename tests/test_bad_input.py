"""Input a careless or hostile editor can save: each is a listed problem (file, line, field,
value, expected form) or a warning, never a traceback; nothing unsafe reaches a page, a feed
or a spreadsheet. One test per kind of input, built on the tiny archive."""
import csv
import io
import json
import shutil

import pytest

from archive.__main__ import main
from archive.archive import build_archive
from archive.export import export_files
from archive.messages import catalogue
from archive.problems import ArchiveError
from sitebuild import FIXTURES, ROOT

PROJECT = "data/projects/linxi-egg-farm.yaml"
MILESTONE = "data/milestones/taibus-start.yaml"
ACCOUNT = "content/testimonies/dai-shusen.zh.md"


@pytest.fixture
def root(tmp_path):
    shutil.copytree(FIXTURES / "tiny" / "data", tmp_path / "data")
    shutil.copytree(FIXTURES / "tiny" / "content", tmp_path / "content")
    return tmp_path


def edit(root, name, old, new):
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(root) -> str:
    with pytest.raises(ArchiveError) as raised:
        build_archive(root)
    return raised.value.report()


NESTED_ALIASES = "".join(
    f"l{level}: &l{level} [{', '.join([f'*l{level - 1}' if level else 'x'] * 9)}]\n" for level in range(9))


@pytest.mark.parametrize("name, old, new, expected", [
    pytest.param(PROJECT, "sources:", NESTED_ALIASES + "sources:", [f"{PROJECT}:16", "anchors and aliases"],
                 id="nested-aliases"),
    pytest.param(PROJECT, "sources:", "loop: &a [*a]\nsources:", [f"{PROJECT}:15", "anchors and aliases"],
                 id="recursive-alias"),
    pytest.param(PROJECT, "sources:", "merged:\n  <<: *nothing\nsources:", [PROJECT, "cannot be read"],
                 id="unknown-alias"),
    pytest.param(PROJECT, "sources:", "deep: " + "[" * 5000 + "]" * 5000 + "\nsources:",
                 [f"{PROJECT}:15", "nested more than 32 levels"], id="deep-nesting"),
    pytest.param(PROJECT, "sources:", "deep: " + "[" * 5000 + "\nsources:", [PROJECT, "cannot be read"],
                 id="deep-unclosed-nesting"),
    pytest.param(PROJECT, "Deqingyuan built", "Deqingyuan\x1bbuilt", [f"{PROJECT}:14", "U+001B", "invisible"],
                 id="control-character-in-yaml"),
    pytest.param(ACCOUNT, "戴树森讲述", "戴树森\x00讲述", [f"{ACCOUNT}:11", "U+0000", "NUL", "invisible"],
                 id="nul-in-account"),
    pytest.param(ACCOUNT, "戴树森讲述", "戴树森\x07讲述", [f"{ACCOUNT}:11", "U+0007", "invisible"],
                 id="bell-in-account"),
    pytest.param(PROJECT, "value: 293000000", "value: .nan", [f"{PROJECT}:7", "funding[0].value", "not a number"],
                 id="nan"),
    pytest.param(PROJECT, "value: 293000000", "value: -.inf", [f"{PROJECT}:7", "not a number", "'-.inf'"], id="inf"),
    pytest.param(PROJECT, "sector: industry", "? [a, b]\n: x\nsector: industry", [f"{PROJECT}:4", "plain word"],
                 id="complex-key"),
    pytest.param(PROJECT, "sector: industry", "sector: !!python/name:os.system industry",
                 [f"{PROJECT}:4", "tag", "not used in records"], id="tag"),
    pytest.param(PROJECT, "id: linxi-egg-farm", "id: " + "a" * 300, [f"{PROJECT}:1", "'id'", "at most 80 characters"],
                 id="300-character-id"),
    pytest.param(PROJECT, "id: linxi-egg-farm", "id: Linxi_Egg", [f"{PROJECT}:1", "lower-case ASCII", "'Linxi_Egg'"],
                 id="id-with-capitals"),
    pytest.param(PROJECT, "value: 293000000", "value: 0100", [f"{PROJECT}:7", "octal", "write 100"], id="octal"),
    pytest.param(PROJECT, "value: 293000000", "value: 1:30", [f"{PROJECT}:7", "minutes and seconds"],
                 id="sexagesimal"),
    pytest.param(PROJECT, "value: 293000000", "value: 0x10", [f"{PROJECT}:7", "another base"], id="hexadecimal"),
    pytest.param(PROJECT, "value: 293000000", "value: 293_000_000", [f"{PROJECT}:7", "write the digits alone: 293000000"],
                 id="underscores"),
    pytest.param(PROJECT, "value: 293000000", "value: 2.93e+8", [f"{PROJECT}:7", "exponent"], id="exponent"),
    pytest.param(PROJECT, "years: [2017, 2018]", "years: [02017, 2018]", [f"{PROJECT}:5", "years[0]", "write 2017"],
                 id="octal-year"),
    pytest.param(ACCOUNT, "narrator:", 'title: "</title><script>alert(1)</script>"\nnarrator:',
                 [f"{ACCOUNT}:2", "'title'", "unknown field"], id="title-in-front-matter"),
    pytest.param(PROJECT, "funding:\n  - value", "funding:\n\t- value", [f"{PROJECT}:7", "indented with a tab"],
                 id="tab"),
    pytest.param(PROJECT, "sector: industry", "sector:industry", [f"{PROJECT}:4", "no space after 'sector:'"],
                 id="no-space-after-colon"),
])
def test_bad_input_is_one_listed_problem(root, name, old, new, expected):
    edit(root, name, old, new)
    report = problems_of(root)
    assert report.startswith("1 problem in the archive"), report
    for part in expected:
        assert part in report, f"{part!r} missing from:\n{report}"


def test_a_file_far_larger_than_any_record_is_refused_unread(root):
    path = root / PROJECT
    path.write_text(path.read_text(encoding="utf-8") + "# padding\n" * 120_000, encoding="utf-8")
    report = problems_of(root)
    assert report.startswith("1 problem") and f"{PROJECT}: the file has" in report and "at most 1000000 bytes" in report


def test_an_unreadable_file_gives_one_message_not_a_second_about_its_ids(root):
    # The milestone and the account cite linxi-egg-farm, whose file cannot be read.
    edit(root, PROJECT, "funding:\n  - value", "funding:\n\t- value")
    report = problems_of(root)
    assert report.startswith("1 problem") and "no project has this id" not in report


@pytest.mark.parametrize("name, old, new, line", [
    (PROJECT, "Deqingyuan built", "Deqingyuan\x0bbuilt", 14),
    (ACCOUNT, "戴树森讲述", "戴树森\x0c讲述", 11),
])
def test_a_vertical_tab_or_form_feed_is_read_as_a_space_with_a_warning(root, name, old, new, line):
    edit(root, name, old, new)
    archive = build_archive(root)
    assert [f"{name}:{line}" in str(warning) and "invisible" in str(warning) for warning in archive.warnings] == [True]
    texts = [archive.projects["linxi-egg-farm"].summary.en, archive.testimonies["dai-shusen"].versions["zh"].body]
    assert any(" built" in text or "戴树森 讲述" in text for text in texts)


def test_an_amount_keeps_every_digit_it_was_written_with(root):
    edit(root, PROJECT, "value: 293000000", "value: 1200000.123456789123456789")
    archive = build_archive(root)
    assert str(archive.projects["linxi-egg-farm"].funding[0].value) == "1200000.123456789123456789"
    files = export_files(archive)
    assert b"1200000.123456789123456789" in files["data/figures.csv"]
    projects = {project["id"]: project for project in json.loads(files["data/projects.json"], parse_float=str)}
    assert projects["linxi-egg-farm"]["funding"][0]["value"] == "1200000.123456789123456789"


@pytest.mark.parametrize("file_name", ["li xiang2.zh.md", "李响.zh.md", "Li-Xiang.zh.md", "a" * 81 + ".zh.md"])
def test_a_testimony_file_name_follows_the_id_rule(root, file_name):
    shutil.copy(root / ACCOUNT, root / "content/testimonies" / file_name)
    report = problems_of(root)
    assert f"content/testimonies/{file_name}: the file name must be a slug" in report


@pytest.mark.parametrize("name", ["testimonies/index.zh.md", "index.en.md", "counties/linxi.zh.md"])
def test_a_hand_written_file_where_the_build_writes_is_reported_not_overwritten(root, name):
    from archive.render import generate

    (root / "content" / name).parent.mkdir(parents=True, exist_ok=True)
    (root / "content" / name).write_text("# 我自己的页面\n", encoding="utf-8")
    archive = build_archive(root)
    with pytest.raises(ArchiveError) as raised:
        generate(archive, ROOT / "overrides" / "archive", root / "content", "https://example.org/")
    assert f"content/{name}: the build writes a page here itself" in raised.value.report()


UNSAFE = [
    "<script>alert(1)</script>",
    '<iframe src="https://example.org"></iframe>',
    '<object data="x.swf"></object>',
    '<embed src="x.swf">',
    '<img src="x.png" onerror="alert(1)">',
    '<p onclick="alert(1)">x</p>',
    "[a link](javascript:alert(1))",
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    "![a picture](data:text/html;base64,PHNjcmlwdD4=)",
    "A paragraph.\n{: onmouseover=\"alert(1)\" }",
    '<svg><circle r="1"/></svg>',
]
HARMLESS = [
    "A <span>short</span> line with a<br>break, *emphasis* and a [link](https://example.org/x).",
    "<details><summary>More</summary>The rest.</details>",
    "Code shows markup as text: `<script>alert(1)</script>`.",
    "An image ![a picture](photo.jpg) and an <abbr title=\"online\">abbreviation</abbr>.",
]


@pytest.mark.parametrize("markup", UNSAFE)
def test_html_that_can_run_code_in_an_account_is_refused(root, markup):
    edit(root, ACCOUNT, "戴树森讲述了蔬菜基地的故事。", f"戴树森讲述了蔬菜基地的故事。\n\n{markup}\n")
    report = problems_of(root)
    line = 13 + markup.count("\n")  # the body starts on line 11; the markup is its third line
    assert report.startswith("1 problem") and f"{ACCOUNT}:{line}:" in report and "could run code" in report


@pytest.mark.parametrize("markup", HARMLESS)
def test_harmless_html_and_markdown_in_an_account_are_accepted(root, markup):
    edit(root, ACCOUNT, "戴树森讲述了蔬菜基地的故事。", f"戴树森讲述了蔬菜基地的故事。\n\n{markup}\n")
    build_archive(root)


def test_plausibility_warnings_are_listed_and_published(root):
    edit(root, MILESTONE, "date: 2019-04-18", "date: 2099-04-18")
    edit(root, PROJECT, "  - value: 293000000\n", "  - value: 0\n    qualifier: more_than\n")
    warnings = "\n".join(str(warning) for warning in build_archive(root).warnings)
    assert f"{MILESTONE}:2: field 'date': this date is after the build date" in warnings
    assert f"{PROJECT}:7: field 'funding[0].value': 'more_than' with the value 0" in warnings


def test_a_figure_far_larger_than_its_kind_is_a_warning(root):
    for number in range(5):
        (root / f"data/projects/p{number}.yaml").write_text(
            f"id: p{number}\ncounty: linxi\ntitle: {{zh: 项目, en: Project}}\nsector: health\n"
            f"funding:\n  - value: {10_000 + number}\n    source: 000_8690be5daf756306.txt\n"
            "summary: {zh: 项目, en: A project}\nsources: [000_8690be5daf756306.txt]\n", encoding="utf-8")
    warnings = [str(warning) for warning in build_archive(root).warnings]
    assert any(PROJECT in warning and "times the usual figure" in warning for warning in warnings), warnings


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(root):
    edit(root, PROJECT, "zh: 林西扶贫蛋", 'zh: "=HYPERLINK(\\"http://example.org\\",\\"x\\")"')
    edit(root, PROJECT, "en: Linxi poverty-relief eggs", 'en: "@SUM(1+1)"')
    files = export_files(build_archive(root))
    cells = [cell for row in csv.reader(io.StringIO(files["data/projects.csv"].decode("utf-8-sig"))) for cell in row]
    # Chinese texts get Chinese quotation marks when read (typography.py): compare the start only.
    assert any(cell.startswith("'=HYPERLINK(") for cell in cells) and "'@SUM(1+1)" in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    figures = csv.DictReader(io.StringIO(files["data/figures.csv"].decode("utf-8-sig")))
    assert ("linxi-egg-farm", "293000000") in [(row["record_id"], row["value"]) for row in figures]  # numbers as they are


def new_testimony(root, **given):
    arguments = {"slug": "wang-li", "county": "taibus", "source": "004_68cbcf0a421c36e5.txt", "narrator-zh": "王丽",
                 "narrator-en": "Wang Li", "role-zh": "挂职干部", "role-en": "Cadre on posting", **given}
    flags = [part for name, value in arguments.items() if value is not None for part in (f"--{name}", value)]
    return main(["--root", str(root), "new-testimony", *flags])


@pytest.mark.parametrize("given, expected", [
    ({"slug": ""}, ["SLUG=''", "not a slug"]),
    ({"slug": "../../x"}, ["SLUG='../../x'", "not a slug"]),
    ({"slug": "Wang Li"}, ["not a slug"]),
    ({"county": "Linxi"}, ["COUNTY='Linxi'", "one of: linxi, taibus"]),
    ({"source": "nope.txt"}, ["SOURCE='nope.txt'", "one of: 000_8690be5daf756306.txt, 001_"]),
    ({"narrator-en": " "}, ["NARRATOR_EN is empty"]),
    ({name: None for name in ("slug", "county", "source", "narrator-zh", "narrator-en", "role-zh", "role-en")},
     ["not a slug", "COUNTY=''", "SOURCE=''", "NARRATOR_ZH is empty", "ROLE_EN is empty"]),
])
def test_new_testimony_checks_every_argument_before_writing_anything(root, capsys, given, expected):
    before = sorted(path.relative_to(root) for path in root.rglob("*"))
    assert new_testimony(root, **given) == 1
    message = capsys.readouterr().err
    for part in expected:
        assert part in message, f"{part!r} missing from:\n{message}"
    assert sorted(path.relative_to(root) for path in root.rglob("*")) == before


def test_new_testimony_never_overwrites_either_file(root, capsys):
    (root / "content/testimonies/wang-li.en.md").write_text("An account already begun.\n", encoding="utf-8")
    assert new_testimony(root) == 1
    assert "wang-li.en.md exists already" in capsys.readouterr().err
    assert not (root / "content/testimonies/wang-li.zh.md").exists()
    assert (root / "content/testimonies/wang-li.en.md").read_text(encoding="utf-8") == "An account already begun.\n"


def test_every_message_exists_in_chinese_and_english_with_the_same_blanks():
    import string

    zh, en = catalogue("zh"), catalogue("en")
    assert set(zh) == set(en)
    for key in en:
        blanks = [{name for _, name, _, _ in string.Formatter().parse(text) if name} for text in (zh[key], en[key])]
        assert blanks[0] == blanks[1], key


@pytest.mark.parametrize("environment, expected", [
    ({"LANG": "zh_CN.UTF-8"}, "档案中有 1 个问题"),
    ({"LANG": "en_GB.UTF-8"}, "1 problem in the archive"),
    ({"LANG": "en_GB.UTF-8", "ARCHIVE_MESSAGES": "zh"}, "没有这个 id 的旗县"),
])
def test_messages_follow_the_locale_or_the_setting(root, capsys, monkeypatch, environment, expected):
    monkeypatch.delenv("ARCHIVE_MESSAGES")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    edit(root, PROJECT, "county: linxi", "county: linxy")
    assert main(["--root", str(root), "check"]) == 1
    assert expected in capsys.readouterr().err
