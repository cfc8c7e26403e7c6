"""What a page shows, prepared as plain objects: templates lay these out and compute nothing.

A county profile's totals, chart series and projects by sector are worked out here, once,
where they can be tested; overrides/archive/*.j2 only decide how they look.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import charts
from .archive import Archive, Testimony, Totals, totals
from .load import TestimonyVersion
from .models import SECTORS, County, Milestone, Project


@dataclass(frozen=True)
class CountyView:
    county: County
    projects: list[Project]
    totals: Totals  # funds and people summed over its individual projects
    funds_by_year: list[charts.Bar]
    funds_by_sector: list[charts.Bar]
    people_by_sector: list[charts.Bar]
    reported: list[Project]  # aggregates: shown as reported, never added to the totals
    projects_by_sector: list[tuple[str, list[Project]]]  # in the order of SECTORS
    milestones: list[Milestone]
    testimonies: list[Testimony]

    @property
    def has_charts(self) -> bool:
        return bool(self.funds_by_year or self.funds_by_sector or self.people_by_sector)


def county_view(archive: Archive, county: County) -> CountyView:
    projects = archive.projects_of(county.id)
    by_sector = [(sector, [p for p in projects if p.sector == sector]) for sector in SECTORS]
    return CountyView(
        county=county,
        projects=projects,
        totals=totals(projects),
        funds_by_year=charts.funds_by_year(projects),
        funds_by_sector=charts.funds_by_sector(projects, SECTORS),
        people_by_sector=charts.people_by_sector(projects, SECTORS),
        reported=[project for project in projects if project.aggregate],
        projects_by_sector=[(sector, listed) for sector, listed in by_sector if listed],
        milestones=archive.milestones_of(county.id),
        testimonies=archive.testimonies_of(county.id),
    )


@dataclass(frozen=True)
class HomeView:
    totals: Totals  # over every individual project of the archive
    funds_by_county: list[charts.Bar]


def home_view(archive: Archive) -> HomeView:
    projects = list(archive.projects.values())
    return HomeView(totals=totals(projects), funds_by_county=charts.funds_by_county(projects))


@dataclass(frozen=True)
class TestimonyPage:
    version: TestimonyVersion  # the language's own, or the other one until it is translated
    heading: str  # the editor's own first "# " line, else the narrator's name
    account: str  # the editor's Markdown below that heading


@dataclass(frozen=True)
class TestimonyView:
    testimony: Testimony

    def in_language(self, lang: str) -> TestimonyPage:
        version = self.testimony.version(lang)
        body = version.body.lstrip("\n")
        if body.startswith("# "):
            heading, _, account = body.partition("\n")
            return TestimonyPage(version, heading[2:].strip(), account)
        return TestimonyPage(version, version.meta.title or version.meta.narrator, body)
