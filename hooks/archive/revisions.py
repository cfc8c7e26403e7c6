"""When each record file last changed, from git: the "last updated" date of its pages.

One `git log` over data/ and content/ per build. Outside a git work tree (an archive copied
elsewhere, a test's temporary folder) there are no dates and pages show none.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

from .dates import PartialDate


def last_changed(root: Path) -> dict[str, PartialDate]:
    """{file path relative to root: day of the last commit that touched it}."""
    try:
        log = subprocess.run(["git", "log", "--format=%x00%cs", "--name-only", "--relative", "--", "data", "content"],
                             cwd=root, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    changed: dict[str, PartialDate] = {}
    for commit in log.split("\0")[1:]:
        day, *files = commit.strip().split("\n")
        for file in files:
            if file:
                changed.setdefault(file, PartialDate.parse(day))  # newest first: keep the first
    return changed
