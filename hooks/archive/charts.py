"""Figures for the build-time bar charts: which bars, how long. Drawing is in templates."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Iterable

from .archive import Total, funding_total, people_reached, sum_figures
from .models import Project


@dataclass
class Bar:
    key: str  # a year, a sector id or a county id; the template turns it into a label
    total: Total
    share: float  # of the longest bar, 0 to 1


def _bars(groups: dict[str, list]) -> list[Bar]:
    totals = {key: sum_figures(figures) for key, figures in groups.items()}
    totals = {key: total for key, total in totals.items() if total is not None and total.value > 0}
    if not totals:
        return []
    longest = max(total.value for total in totals.values())
    return [Bar(key, total, float(total.value / longest)) for key, total in totals.items()]


def _grouped(projects: Iterable[Project], key: Callable[[Project], str | None],
             figure: Callable[[Project], object]) -> dict[str, list]:
    groups: dict[str, list] = defaultdict(list)
    for project in projects:
        if project.aggregate:
            continue  # already the sum of other projects
        group, value = key(project), figure(project)
        if group is not None and value is not None:
            groups[group].append(value)
    return groups


def funds_by_year(projects: Iterable[Project]) -> list[Bar]:
    """Funding by the first year each project gives; oldest first."""
    groups = _grouped(projects, lambda p: str(p.years[0]) if p.years else None, funding_total)
    return sorted(_bars(groups), key=lambda bar: bar.key)


def funds_by_sector(projects: Iterable[Project], sectors: tuple[str, ...]) -> list[Bar]:
    return sorted(_bars(_grouped(projects, lambda p: p.sector, funding_total)), key=lambda b: sectors.index(b.key))


def people_by_sector(projects: Iterable[Project], sectors: tuple[str, ...]) -> list[Bar]:
    return sorted(_bars(_grouped(projects, lambda p: p.sector, people_reached)), key=lambda b: sectors.index(b.key))


def funds_by_county(projects: Iterable[Project]) -> list[Bar]:
    """Largest first."""
    return sorted(_bars(_grouped(projects, lambda p: p.county, funding_total)), key=lambda b: -b.total.value)
