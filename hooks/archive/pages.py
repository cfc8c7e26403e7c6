"""Which pages the archive becomes: one table, read like configuration.

Each entry maps a template to a page path; collections make one page per record.
Adding a page kind is one line here and one template in overrides/archive/.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from .archive import Archive
from .models import LANGS


@dataclass(frozen=True)
class PageSpec:
    path: str  # without language suffix, e.g. "counties/linxi" (URL: counties/linxi/)
    template: str
    context: dict = field(default_factory=dict, hash=False, compare=False)


def _stem(file_name: str) -> str:
    return file_name.rsplit(".", 1)[0]


# (path pattern, template, name of the record in the template, records of the archive)
COLLECTIONS: list[tuple[str, str, str, Callable[[Archive], Iterable]]] = [
    ("counties/{key}", "county.md.j2", "county", lambda a: a.counties.values()),
    ("projects/{key}", "project.md.j2", "project", lambda a: a.projects.values()),
    ("sources/{key}", "source.md.j2", "source", lambda a: a.sources.values()),
]

SINGLE_PAGES: list[tuple[str, str]] = [
    ("index", "home.md.j2"),
    ("counties/index", "counties.md.j2"),
    ("projects/index", "projects.md.j2"),
    ("timeline/index", "timeline.md.j2"),
    ("testimonies/index", "testimonies.md.j2"),
    ("sources/index", "sources.md.j2"),
    ("data/index", "data.md.j2"),
    ("glossary", "glossary.md.j2"),  # URL glossary/, where the hand-written page used to be
]


def record_key(record) -> str:
    return _stem(record.file) if hasattr(record, "file") else record.id


def site_pages(archive: Archive) -> list[PageSpec]:
    pages = [PageSpec(path, template) for path, template in SINGLE_PAGES]
    for pattern, template, name, records in COLLECTIONS:
        for record in records(archive):
            pages.append(PageSpec(pattern.format(key=record_key(record)), template, {name: record}))
    return pages


def lang_root(lang: str) -> str:
    """The folder of a language's pages: "" for the default language, "en/" for English."""
    return "" if lang == LANGS[0] else f"{lang}/"


def page_url(path: str) -> str:
    """The directory URL of a page path, relative to its language root: counties/index -> counties/."""
    if path == "index":
        return ""
    return (path[: -len("/index")] if path.endswith("/index") else path) + "/"


def relative_url(from_path: str, to_path: str) -> str:
    """A link that works under any site root or subpath, in both languages."""
    here = page_url(from_path).count("/")
    target = page_url(to_path)
    return ("../" * here + target) or "./"
