"""Every page says when it last changed, from git: a record's page by its file, an index page
by the newest record it lists, a hand-written page by itself; the same for every build of a
commit, fresh clones included, and nothing where git knows no day."""
import os
import re
import shutil
import subprocess

from archive.archive import build_archive
from archive.dates import PartialDate
from archive.labels import Labels
from archive.revisions import last_changed
from archive.updated import last_updated, page_dates
from sitebuild import ROOT, build, make_project, page

TEMPLATES = ROOT / "overrides" / "archive"


def commit(folder, day: str, message: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": f"{day}T12:00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00",
           "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}
    if not (folder / ".git").exists():
        subprocess.run(["git", "init", "-q"], cwd=folder, check=True)
    subprocess.run(["git", "add", "-A"], cwd=folder, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=folder, check=True, env=env)


def test_each_file_gets_the_day_of_its_last_commit(tmp_path):
    (tmp_path / "data" / "projects").mkdir(parents=True)
    (tmp_path / "data" / "projects" / "a.yaml").write_text("id: a\n")
    (tmp_path / "data" / "projects" / "b.yaml").write_text("id: b\n")
    (tmp_path / "data" / "projects" / "草原.yaml").write_text("id: c\n")
    (tmp_path / "README.md").write_text("not a record\n")
    commit(tmp_path, "2024-03-01", "first records")
    (tmp_path / "data" / "projects" / "b.yaml").write_text("id: b\nyears: [2019]\n")
    commit(tmp_path, "2025-06-30", "a correction")
    (tmp_path / "data" / "projects" / "a.yaml").write_text("id: a\nyears: [2020]\n")  # edited, not committed
    (tmp_path / "data" / "projects" / "new.yaml").write_text("id: new\n")  # never committed
    assert last_changed(tmp_path, [tmp_path / "data"]) == {"data/projects/a.yaml": PartialDate(2024, 3, 1),
                                                           "data/projects/b.yaml": PartialDate(2025, 6, 30),
                                                           "data/projects/草原.yaml": PartialDate(2024, 3, 1)}


def test_outside_git_there_are_no_dates(tmp_path):
    (tmp_path / "data").mkdir()
    assert last_changed(tmp_path, [tmp_path / "data"]) == {}


def _archive_with_two_commits(tmp_path):
    """The tiny archive committed on 1 March 2024, then one project corrected, and one
    account and the About page rewritten in English, on 30 June 2025."""
    project = make_project(tmp_path / "archive")
    commit(project, "2024-03-01", "the archive")
    egg_farm = project / "data" / "projects" / "linxi-egg-farm.yaml"
    egg_farm.write_text(egg_farm.read_text(encoding="utf-8") + "# checked again\n", encoding="utf-8")
    account = project / "content" / "testimonies" / "dai-shusen.en.md"
    account.write_text(account.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    about = project / "content" / "about.en.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    commit(project, "2025-06-30", "a correction")
    return project


def test_pages_are_dated_by_their_record_the_records_they_list_or_their_own_file(tmp_path):
    project = _archive_with_two_commits(tmp_path)
    days = page_dates(build_archive(project), project / "content")
    first, correction = PartialDate(2024, 3, 1), PartialDate(2025, 6, 30)
    for lang in ("zh", "en"):
        assert days[f"projects/linxi-egg-farm.{lang}.md"] == correction  # its own file
        assert days[f"projects/linxi-clinic.{lang}.md"] == first
        assert days[f"counties/linxi.{lang}.md"] == first  # a county page is dated by the county's file
        assert days[f"projects/index.{lang}.md"] == correction  # the newest project listed
        assert days[f"counties/index.{lang}.md"] == first
        assert days[f"index.{lang}.md"] == correction  # the home page lists projects and accounts
        assert days[f"testimonies/dai-shusen.{lang}.md"] == correction  # both language files count
    assert days["about.zh.md"] == first and days["about.en.md"] == correction  # a hand-written page
    labels = {lang: Labels.load(TEMPLATES, lang) for lang in ("zh", "en")}
    assert last_updated(correction, labels["zh"]).date == "2025年6月30日"
    assert last_updated(correction, labels["en"]).date == "30 June 2025"
    assert last_updated(correction, labels["en"]).datetime == "2025-06-30"


def test_a_fresh_clone_builds_the_same_dated_pages(tmp_path):
    project = _archive_with_two_commits(tmp_path)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(project), str(clone)], check=True)
    # The clone builds its languages one after the other: the same pages either way.
    assert build(project, env={"SOURCE_DATE_EPOCH": "1700000000"}).returncode == 0
    assert build(clone, env={"SOURCE_DATE_EPOCH": "1700000000", "ARCHIVE_PARALLEL_LANGUAGES": "0"}).returncode == 0
    for url, day, text in [("projects/linxi-egg-farm/", "2025-06-30", "2025年6月30日"),
                           ("en/projects/linxi-egg-farm/", "2025-06-30", "30 June 2025"),
                           ("en/projects/", "2025-06-30", "30 June 2025"),
                           ("counties/linxi/", "2024-03-01", "2024年3月1日"),
                           ("en/testimonies/dai-shusen/", "2025-06-30", "30 June 2025"),
                           ("about/", "2024-03-01", "2024年3月1日"), ("en/about/", "2025-06-30", "30 June 2025")]:
        html = page(clone, url)
        assert re.search(rf'class="md-source-file archive-updated"[^>]*>[^<]*<time datetime="{day}">{text}</time>', html), url
        assert html == page(project, url)
    assert "本页内容最后更新于" in page(clone, "about/") and "Last updated" in page(clone, "en/about/")


def test_a_copy_without_git_builds_pages_without_dates(tmp_path):
    project = _archive_with_two_commits(tmp_path)
    shutil.rmtree(project / ".git")
    assert build(project).returncode == 0
    assert "archive-updated" not in page(project, "en/projects/linxi-egg-farm/")
    assert "Last updated" not in page(project, "en/about/")
