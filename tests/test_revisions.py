"""A page's "last updated" day comes from git: the last commit touching its record's file."""
import os
import subprocess

from archive.dates import PartialDate
from archive.revisions import last_changed


def commit(folder, day: str, message: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": f"{day}T12:00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00",
           "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}
    subprocess.run(["git", "add", "-A"], cwd=folder, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=folder, check=True, env=env)


def test_each_file_gets_the_day_of_its_last_commit(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "data" / "projects").mkdir(parents=True)
    (tmp_path / "data" / "projects" / "a.yaml").write_text("id: a\n")
    (tmp_path / "data" / "projects" / "b.yaml").write_text("id: b\n")
    commit(tmp_path, "2024-03-01", "first records")
    (tmp_path / "data" / "projects" / "b.yaml").write_text("id: b\nyears: [2019]\n")
    commit(tmp_path, "2025-06-30", "a correction")
    assert last_changed(tmp_path) == {"data/projects/a.yaml": PartialDate(2024, 3, 1),
                                      "data/projects/b.yaml": PartialDate(2025, 6, 30)}


def test_outside_git_there_are_no_dates(tmp_path):
    assert last_changed(tmp_path) == {}
