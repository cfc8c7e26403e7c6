"""When each record file and page last changed, from git: the "last updated" date of pages.

One `git log` per build, over the folders records and pages come from, never one per file.
The day is the commit's own (committer date, as recorded in the commit), so a given commit
always gives the same dates, whoever builds it and wherever: a fresh clone included. A
shallow clone only knows its last commit, so every file gets that commit's day.

What git does not know has no date: outside a git work tree (an archive copied elsewhere, a
test's temporary folder) no page shows one, and a file never committed shows none either. A
committed file edited since keeps the day of its last commit: dates describe commits, which
is what a published site is built from (a build of uncommitted work is a preview). The build
date (SOURCE_DATE_EPOCH, the last commit's time) is not used instead: it would claim that a
page changed when another file did.
"""
from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Iterable

from .dates import PartialDate


def last_changed(root: Path, folders: Iterable[Path]) -> dict[str, PartialDate]:
    """{file path relative to root: day of the newest commit that changed it}."""
    command = ["git", "-c", "core.quotepath=off", "log", "--no-renames", "--format=%x00%cs", "--name-only",
               "--relative", "--", *(str(Path(folder).resolve()) for folder in folders)]
    try:
        log = subprocess.run(command, cwd=root, capture_output=True, text=True, encoding="utf-8", check=True).stdout
    except (OSError, subprocess.CalledProcessError, UnicodeDecodeError):
        return {}
    changed: dict[str, PartialDate] = {}
    for commit in log.split("\0")[1:]:
        day, *files = commit.strip().split("\n")
        when = PartialDate.parse(day)
        for file in filter(None, files):
            # The newest day, not the first listed: git lists commits newest first by commit
            # time, which merged branches and skewed clocks can leave out of order.
            if file not in changed or when > changed[file]:
                changed[file] = when
    return changed
