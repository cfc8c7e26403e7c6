"""The generated docs tree: one folder that each build makes exactly equal to what it produced.

MkDocs (and mkdocs-static-i18n, which rebuilds every page from a file on disk) reads pages
from files, so generated pages are real files. They live in a folder of their own, never in
the editors' content/: a build writes the files whose bytes changed (an unchanged file keeps
its time stamp, so `mkdocs serve` does not see its own output as an edit and rebuild for
ever) and removes every other file it finds there. No manifest is kept: whatever a crashed or
killed build left behind, the next build removes.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Changes:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def sync_tree(folder: Path, files: dict[str, str | bytes]) -> Changes:
    """Make `folder` hold exactly `files` ({"counties/linxi.zh.md": text, ...})."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    changes = Changes()
    for name, content in sorted(files.items()):
        if _write_if_changed(folder / name, content.encode("utf-8") if isinstance(content, str) else content):
            changes.written.append(name)
    for directory, subdirectories, names in os.walk(folder, topdown=False):
        here = Path(directory)
        for name in names:
            relative = (here / name).relative_to(folder).as_posix()
            if relative not in files:
                (here / name).unlink()
                changes.removed.append(relative)
        if here != folder and not any(here.iterdir()):
            here.rmdir()
    changes.removed.sort()
    return changes


def _write_if_changed(target: Path, data: bytes) -> bool:
    try:
        if target.stat().st_size == len(data) and target.read_bytes() == data:
            return False
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
    except NotADirectoryError:  # a file stands where a folder is needed now
        target.parent.unlink()
        target.parent.mkdir(parents=True)
    if target.is_dir():  # a folder stands where a file is needed now
        shutil.rmtree(target)
    target.write_bytes(data)
    return True
