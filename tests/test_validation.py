"""Every editor mistake is reported with file, line, field and the bad value, and the
check exits non-zero. Each test breaks one file of a tiny valid archive."""
import shutil

import pytest

from archive.__main__ import main
from sitebuild import FIXTURES


@pytest.fixture
def archive_root(tmp_path):
    shutil.copytree(FIXTURES / "tiny" / "data", tmp_path / "data")
    shutil.copytree(FIXTURES / "tiny" / "content", tmp_path / "content")
    return tmp_path


def check(root, capsys, *flags):
    status = main(["--root", str(root), "check", *flags])
    return status, capsys.readouterr().err


def edit(root, name, old, new):
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_tiny_archive_is_valid(archive_root, capsys):
    assert check(archive_root, capsys)[0] == 0


# One editor mistake each: (file, text replaced, replacement, parts of the expected message).
# tests/test_json_schemas.py checks which of them a text editor already underlines.
MISTAKES = [
    pytest.param("data/projects/linxi-egg-farm.yaml", "sector: industry", "sector: [industry",
                 ["linxi-egg-farm.yaml:5", "cannot be read"], id="yaml-syntax"),
    pytest.param("data/projects/linxi-egg-farm.yaml", "sector: industry", "sector: industry\nsector: health",
                 ["linxi-egg-farm.yaml:5", "'sector'", "appears twice"], id="duplicate-key"),
    pytest.param("data/projects/linxi-egg-farm.yaml", "summary:", "sumary:",
                 ["linxi-egg-farm.yaml:12", "'sumary'", "did you mean 'summary'"], id="unknown-field"),
    pytest.param("data/projects/linxi-egg-farm.yaml", "years: [2017, 2018]", "years: [2017, next year]",
                 ["linxi-egg-farm.yaml:5", "years[1]", "whole number", "'next year'"], id="wrong-type"),
    pytest.param("data/milestones/taibus-start.yaml", "date: 2019-04-18", "date: 2018-13-45",
                 ["taibus-start.yaml:2", "'date'", "no month 13", "'2018-13-45'"], id="impossible-date"),
    pytest.param("data/projects/linxi-egg-farm.yaml", "value: 293000000", "value: -293000000",
                 ["linxi-egg-farm.yaml:7", "funding[0].value", "not negative", "-293000000"], id="negative-amount"),
    pytest.param("data/projects/linxi-egg-farm.yaml", "value: 293000000", "value: 2.93亿",
                 ["linxi-egg-farm.yaml:7", "funding[0].value", "plain number", "'2.93亿'"], id="non-numeric-amount"),
    pytest.param("data/projects/linxi-egg-farm.yaml", "county: linxi", "county: linxy",
                 ["linxi-egg-farm.yaml:2", "'county'", "no county has this id", "linxi", "'linxy'"], id="unknown-county"),
    pytest.param("data/milestones/taibus-start.yaml", "projects: taibus-strawberry", "projects: taibus-strawbery",
                 ["taibus-start.yaml:6", "projects[0]", "no project has this id", "'taibus-strawbery'"],
                 id="unknown-project"),
    pytest.param("data/projects/linxi-egg-farm.yaml", "    source: 000_8690be5daf756306.txt",
                 "    source: 009_65b2f7de334f4f62.txt",
                 ["linxi-egg-farm.yaml:8", "funding[0].source", "no source has this id", "'009_65b2f7de334f4f62.txt'"],
                 id="unknown-source"),
    pytest.param("data/projects/linxi-clinic.yaml", "id: linxi-clinic", "id: linxi-egg-farm",
                 ["linxi-egg-farm.yaml:1", "'id'", "already used by data/projects/linxi-clinic.yaml", "'linxi-egg-farm'"],
                 id="duplicate-id"),
    pytest.param("content/testimonies/dai-shusen.zh.md", "county: linxi\n", "",
                 ["dai-shusen.zh.md", "'county'", "required"], id="testimony-without-county"),
    pytest.param("data/projects/taibus-strawberry.yaml", "summary:\n  zh: 昌平区提供草莓种苗。\n  en: Changping supplies strawberry seedlings.",
                 "summary: {}", ["taibus-strawberry.yaml:8", "'summary'", "Chinese (zh:) and in English (en:)"],
                 id="text-in-neither-language"),
    pytest.param("content/testimonies/dai-shusen.en.md", "county: linxi", "county: taibus",
                 ["dai-shusen.en.md:5", "'county'", "both languages must give the same county"],
                 id="testimony-languages-disagree"),
    pytest.param("content/testimonies/dai-shusen.zh.md", "county: linxi\n",
                 "county: linxi\ngender: {value: male, source: 009_0000000000000000.txt}\n",
                 ["dai-shusen.zh.md:6", "gender.source", "no source has this id", "both languages must give the same gender"],
                 id="gender-without-its-article"),
    pytest.param("content/testimonies/dai-shusen.zh.md", "county: linxi\n", "county: linxi\ngender: male\n",
                 ["dai-shusen.zh.md:6", "'gender'"], id="gender-without-a-source"),
    pytest.param("data/glossary/people.yaml", "zh: 挂职", "zh: 挂职、支教",
                 ["people.yaml:1", "needs renderings"], id="glossary-term-with-two-forms-and-one-rule"),
]


@pytest.mark.parametrize("name, old, new, expected", MISTAKES)
def test_mistakes_are_reported_with_file_line_field_and_value(archive_root, capsys, name, old, new, expected):
    edit(archive_root, name, old, new)
    status, message = check(archive_root, capsys)
    assert status == 1
    for part in expected:
        assert part in message, f"{part!r} missing from:\n{message}"


def test_all_problems_are_reported_together(archive_root, capsys):
    edit(archive_root, "data/projects/linxi-egg-farm.yaml", "county: linxi", "county: linxy")
    edit(archive_root, "data/milestones/taibus-start.yaml", "date: 2019-04-18", "date: 2019-02-30")
    status, message = check(archive_root, capsys)
    assert status == 1
    assert "2 problems" in message and "linxi-egg-farm.yaml" in message and "taibus-start.yaml" in message


def test_a_missing_translation_warns_and_fails_only_strict_checks(archive_root, capsys):
    edit(archive_root, "data/projects/taibus-strawberry.yaml", "  en: Changping supplies strawberry seedlings.\n", "")
    status, message = check(archive_root, capsys)
    assert status == 0
    assert "taibus-strawberry.yaml:8: field 'summary' has no en text yet" in message
    assert check(archive_root, capsys, "--strict")[0] == 1


def test_a_testimony_in_one_language_is_a_translation_gap(archive_root, capsys):
    (archive_root / "content/testimonies/dai-shusen.en.md").unlink()
    status, message = check(archive_root, capsys)
    assert status == 0 and "dai-shusen.en.md" in message and "no en text" in message


def test_a_file_in_a_misspelled_folder_is_not_silently_skipped(archive_root, capsys):
    (archive_root / "data/project").mkdir()
    (archive_root / "data/project/new.yaml").write_text("id: new\n", encoding="utf-8")
    status, message = check(archive_root, capsys)
    assert status == 1 and "data/project/new.yaml" in message and "not read" in message


def test_coverage_lists_point_at_existing_records(archive_root, capsys):
    (archive_root / "data/coverage").mkdir()
    (archive_root / "data/coverage/000.yaml").write_text(
        "article: 000_8690be5daf756306.txt\npassages:\n  - passage: 2.93亿元\n    records: [linxi-egg-farm, linxi-eggs]\n",
        encoding="utf-8")
    status, message = check(archive_root, capsys)
    assert status == 1 and "000.yaml:4" in message and "passages[0].records[1]" in message and "'linxi-eggs'" in message


def test_translation_report_lists_what_lacks_which_language(archive_root, capsys):
    edit(archive_root, "data/projects/taibus-strawberry.yaml", "  en: Changping supplies strawberry seedlings.\n", "")
    (archive_root / "content/testimonies/dai-shusen.zh.md").unlink()
    assert main(["--root", str(archive_root), "translations"]) == 0
    report = capsys.readouterr().out
    assert "data/projects/taibus-strawberry.yaml\n  line 8: summary lacks en" in report
    assert "content/testimonies/dai-shusen.zh.md\n  (whole account) lacks zh" in report
    assert "2 missing translation(s) in 2 file(s)" in report


def test_new_testimony_writes_both_files_that_check_refuses_until_written(archive_root, capsys):
    args = ["--root", str(archive_root), "new-testimony", "--slug", "wang-li", "--county", "taibus",
            "--source", "004_68cbcf0a421c36e5.txt", "--narrator-zh", "王丽", "--narrator-en", "Wang Li",
            "--role-zh", "挂职干部", "--role-en", "Cadre on posting"]
    assert main(args) == 0
    zh = archive_root / "content/testimonies/wang-li.zh.md"
    en = archive_root / "content/testimonies/wang-li.en.md"
    assert 'narrator: "王丽"' in zh.read_text(encoding="utf-8") and "county: taibus" in en.read_text(encoding="utf-8")
    capsys.readouterr()
    status, message = check(archive_root, capsys)
    assert status == 1 and "wang-li.en.md:9: the account is still the placeholder" in message
    for path in (zh, en):
        text = path.read_text(encoding="utf-8")
        path.write_text(text[: text.index("✎")] + "The account.\n", encoding="utf-8")
    assert check(archive_root, capsys)[0] == 0
    assert main(args) == 1  # never overwrites an existing account


def test_an_unknown_id_in_a_large_archive_names_the_closest_ids_not_all_of_them():
    from archive.archive import _unknown_id

    projects = {f"project-{n}": None for n in range(500)} | {"taibus-strawberry-seedlings": None}
    message = _unknown_id("taibus-strawbery-seedlings", projects, "project").text("en")
    assert "did you mean 'taibus-strawberry-seedlings'" in message
    assert "501 existing records" in message and "project-42" not in message


@pytest.mark.parametrize("name", ["data/projects/linxi-egg-farm.yaml", "content/testimonies/dai-shusen.zh.md"])
def test_a_file_saved_in_another_encoding_is_named_with_its_line(archive_root, capsys, name):
    path = archive_root / name
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    status, message = check(archive_root, capsys)
    first_chinese_line = next(number for number, line in enumerate(path.read_bytes().split(b"\n"), 1)
                              if any(byte > 127 for byte in line))
    assert status == 1
    assert f"{name}:{first_chinese_line}: the file is not saved as UTF-8 text" in message


def test_a_byte_order_mark_is_not_a_mistake(archive_root, capsys):
    for name in ("data/projects/linxi-egg-farm.yaml", "content/testimonies/dai-shusen.zh.md"):
        path = archive_root / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert check(archive_root, capsys)[0] == 0
