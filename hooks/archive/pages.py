"""Which pages the archive becomes: one table, read like configuration.

Each entry maps a template to a page path; collections make one page per record, with the
view (views.py) its template lays out. Adding a page kind is one line here and one template
in overrides/archive/.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .archive import Archive
from .models import LANGS
from .views import TestimonyView, county_view


@dataclass(frozen=True)
class PageSpec:
    path: str  # without language suffix, e.g. "counties/linxi" (URL: counties/linxi/)
    template: str
    context: dict = field(default_factory=dict, hash=False, compare=False)


def _stem(file_name: str) -> str:
    return file_name.rsplit(".", 1)[0]


@dataclass(frozen=True)
class Collection:
    """One page per record: `pattern` gives its path, `name` what the template calls the
    record, and `view` (if any) the plain object the template lays out beside it."""

    pattern: str
    template: str
    name: str
    records: Callable[[Archive], Iterable]
    view: Callable[[Archive, object], object] | None = None

    @property
    def kind(self) -> str:
        return self.pattern.split("/", 1)[0]


COLLECTIONS: list[Collection] = [
    Collection("counties/{key}", "county.md.j2", "county", lambda a: a.counties.values(), county_view),
    Collection("projects/{key}", "project.md.j2", "project", lambda a: a.projects.values()),
    Collection("sources/{key}", "source.md.j2", "source", lambda a: a.sources.values()),
    # An account's page: the card drawn from the records above the editor's Markdown.
    Collection("testimonies/{key}", "testimony.md.j2", "testimony", lambda a: a.testimonies.values(),
               lambda a, testimony: TestimonyView(testimony)),
]

# Each page that is not one record's, with the kinds of records it lists. Such a page is as
# new as the newest of those records: adding or correcting a project changes the projects
# index. Records it only names in passing (a county's name in a project's row) do not count,
# or every page would be dated by the newest edit anywhere in data/.
SINGLE_PAGES: list[tuple[str, str, tuple[str, ...]]] = [
    ("index", "home.md.j2", ("counties", "projects", "milestones", "testimonies")),
    ("counties/index", "counties.md.j2", ("counties",)),
    ("projects/index", "projects.md.j2", ("projects",)),
    ("timeline/index", "timeline.md.j2", ("milestones",)),
    ("testimonies/index", "testimonies.md.j2", ("testimonies",)),
    ("sources/index", "sources.md.j2", ("sources",)),
    ("data/index", "data.md.j2", ("counties", "projects", "milestones", "sources", "testimonies")),
    ("glossary", "glossary.md.j2", ("glossary",)),  # URL glossary/, where the hand-written page used to be
]


def record_key(record) -> str:
    if hasattr(record, "slug"):
        return record.slug
    return _stem(record.file) if hasattr(record, "file") else record.id


def site_pages(archive: Archive) -> list[PageSpec]:
    pages = [PageSpec(path, template) for path, template, _ in SINGLE_PAGES]
    for collection in COLLECTIONS:
        for record in collection.records(archive):
            context = {collection.name: record}
            if collection.view is not None:
                context["view"] = collection.view(archive, record)
            pages.append(PageSpec(collection.pattern.format(key=record_key(record)), collection.template, context))
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


def hand_written_pages(content: Path) -> dict[str, bytes]:
    """Every file of the editors' folder that goes into the site as it is: pages, pictures.
    Accounts (testimonies/<slug>.<lang>.md) are not among them: each becomes a generated
    page with its card."""
    return {path.relative_to(content).as_posix(): path.read_bytes() for path in _hand_written_files(Path(content))}


def _hand_written_files(content: Path) -> list[Path]:
    files = []
    for path in sorted(content.rglob("*")):
        name = path.relative_to(content).as_posix()
        if not path.is_file() or any(part.startswith(".") for part in name.split("/")):
            continue
        if name.startswith("testimonies/") and name.endswith(".md") and name.count("/") == 1 \
                and not name.startswith("testimonies/index."):
            continue
        files.append(path)
    return files


def hand_written_markdown(content: Path) -> list[Path]:
    """The hand-written pages of the editors' folder (Markdown), as above."""
    return [path for path in _hand_written_files(content) if path.suffix == ".md"]
