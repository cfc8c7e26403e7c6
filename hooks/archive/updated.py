"""When each page last changed, and the words that say so at its foot.

A record's page is dated by its file (an account by both its language files), an index page
by the newest record it lists (pages.SINGLE_PAGES names which), a hand-written page by
itself; the days come from git (revisions.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .archive import Archive
from .dates import PartialDate
from .formatting import format_date
from .labels import Labels
from .models import LANGS
from .pages import COLLECTIONS, SINGLE_PAGES, hand_written_markdown, record_key


def page_dates(archive: Archive, content: Path) -> dict[str, PartialDate]:
    """{page file of the docs tree ("counties/linxi.zh.md", "about.en.md"): the day it last
    changed}, for every page git knows a day of."""
    days: dict[str, PartialDate | None] = {}
    for path, _, kinds in SINGLE_PAGES:
        day = archive.last_changed([file for kind in kinds for file in archive.files_of(kind)])
        days.update({f"{path}.{lang}.md": day for lang in LANGS})
    for collection in COLLECTIONS:
        for record in collection.records(archive):
            day = archive.last_changed(archive.files_of(collection.kind, record))
            path = collection.pattern.format(key=record_key(record))
            days.update({f"{path}.{lang}.md": day for lang in LANGS})
    for page in hand_written_markdown(Path(content)):
        days[page.relative_to(content).as_posix()] = archive.file_changed(page)
    return {name: day for name, day in days.items() if day is not None}


@dataclass(frozen=True)
class LastUpdated:
    """The line at a page's foot, in pieces for the theme's template to mark up: the words
    before and after the date, the date as the page's language writes it, and as ISO 8601."""

    before: str
    date: str
    after: str
    datetime: str


def last_updated(day: PartialDate, labels: Labels) -> LastUpdated:
    before, _, after = labels.get("page.updated").partition("{date}")
    return LastUpdated(before, format_date(day, labels.lang, labels), after, str(day))
