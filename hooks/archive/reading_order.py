"""The order readers find things in a list: by area, then date, then name in the page's
language (never by file name or id).

Areas come in the order of their kind (counties paired with Beijing, Beijing's programme as a
whole, other areas), then by name. Records without a date come after those with one.
"""
from __future__ import annotations

from .archive import Archive, Testimony
from .dates import PartialDate
from .models import AREA_KINDS, County, Milestone, Project

_UNDATED = PartialDate(9999)


def county_key(county: County, lang: str) -> tuple:
    return AREA_KINDS.index(county.kind), county.name.get(lang)


def project_key(archive: Archive, project: Project, lang: str) -> tuple:
    first_year = PartialDate(project.years[0]) if project.years else _UNDATED
    return county_key(archive.counties[project.county], lang), first_year, project.title.get(lang)


def testimony_key(archive: Archive, testimony: Testimony, lang: str) -> tuple:
    meta = testimony.version(lang).meta
    start = meta.period.start if meta.period else _UNDATED
    return county_key(archive.counties[meta.county], lang), start, meta.narrator


def in_reading_order(archive: Archive, records, lang: str) -> list:
    """Counties, projects or testimonies (one kind at a time) in the order readers look for them."""
    def key(record) -> tuple:
        if isinstance(record, County):
            return county_key(record, lang)
        if isinstance(record, Project):
            return project_key(archive, record, lang)
        if isinstance(record, Testimony):
            return testimony_key(archive, record, lang)
        if isinstance(record, Milestone):
            return record.date, county_key(archive.counties[record.county], lang), record.title.get(lang)
        raise TypeError(f"no reading order for {type(record).__name__}")
    return sorted(records, key=key)


class Neighbours:
    """The accounts before and after each one in the reading order of all accounts, sorted
    once per language (not once per account page)."""

    def __init__(self, archive: Archive, lang: str):
        self._ordered = in_reading_order(archive, archive.testimonies.values(), lang)
        self._index = {testimony.slug: index for index, testimony in enumerate(self._ordered)}

    def __call__(self, testimony: Testimony) -> tuple[Testimony | None, Testimony | None]:
        index = self._index[testimony.slug]
        return (self._ordered[index - 1] if index > 0 else None,
                self._ordered[index + 1] if index + 1 < len(self._ordered) else None)


def related(archive: Archive, testimony: Testimony, lang: str, limit: int = 4) -> list[Testimony]:
    """Other accounts sharing a project with this one first, then those from the same area."""
    meta = testimony.meta
    sharing = [t for project in meta.projects for t in archive.testimonies_of_project(project)]
    shared = {t.slug for t in sharing}
    candidates = {t.slug: t for t in sharing + archive.testimonies_of(meta.county) if t.slug != testimony.slug}
    ordered = in_reading_order(archive, candidates.values(), lang)
    return sorted(ordered, key=lambda t: t.slug not in shared)[:limit]
