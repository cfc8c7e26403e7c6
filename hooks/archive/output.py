"""Write generated pages into the docs folder, touching only what changed.

MkDocs-static-i18n rebuilds every page from a file on disk, so generated pages must be real
files. Writing only changed files keeps `mkdocs serve` from seeing its own output as an
edit and rebuilding forever; the manifest lets a deleted record's pages disappear.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".generated"


@dataclass
class Changes:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def write_pages(folder: Path, pages: dict[str, str | bytes]) -> Changes:
    folder = Path(folder)
    manifest = folder / MANIFEST
    previous = set(manifest.read_text(encoding="utf-8").split()) if manifest.exists() else set()
    changes = Changes()
    made: set[Path] = set()
    for name, content in sorted(pages.items()):
        target = folder / name
        data = content.encode("utf-8") if isinstance(content, str) else content
        try:
            if target.stat().st_size == len(data) and target.read_bytes() == data:
                continue
        except FileNotFoundError:
            pass
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(data)
        changes.written.append(name)
    for name in sorted(previous - set(pages)):
        target = folder / name
        if target.exists():
            target.unlink()
            changes.removed.append(name)
        _remove_empty_parents(target.parent, folder)
    listing = "\n".join(sorted(pages)) + "\n"
    if not manifest.exists() or manifest.read_text(encoding="utf-8") != listing:
        manifest.write_text(listing, encoding="utf-8")
    return changes


def _remove_empty_parents(directory: Path, stop: Path) -> None:
    while directory != stop and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent
