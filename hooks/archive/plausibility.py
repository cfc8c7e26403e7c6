"""Warnings about values that are possible but unlikely: a date after the build, a figure of
"more than 0", an amount a thousand times the usual one of its kind. They are
published (an article may really say so), but listed for an editor to look at."""
from __future__ import annotations

import datetime
import os
import statistics
from collections import defaultdict
from functools import lru_cache

from pydantic import BaseModel

from .dates import PartialDate
from .messages import Message
from .models import Figure, Project
from .problems import Problem, dotted

# A figure this many times the median of the others of its kind is probably a slip of digits.
FAR_LARGER = 1000
# Figures of one kind that can be compared: the funds and the people of individual projects
# (facts count unlike things; aggregates sum many projects by design).
_COMPARED = ("funding", "beneficiaries")
# Too few figures of a kind say nothing about what is usual.
FEWEST_TO_COMPARE = 5


def build_date() -> datetime.date:
    """The date of the build: that of the last commit (SOURCE_DATE_EPOCH) when set, else today."""
    seconds = int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
    if seconds:
        return datetime.datetime.fromtimestamp(seconds, tz=datetime.timezone.utc).date()
    return datetime.date.today()


@lru_cache(maxsize=None)
def _fields_to_walk(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model that can hold a date or a figure (texts and ids cannot): walking
    only those keeps the check cheap on large archives."""
    return tuple(name for name, info in model.model_fields.items() if _may_hold(info.annotation))


def _may_hold(annotation) -> bool:
    if annotation is PartialDate or (isinstance(annotation, type) and issubclass(annotation, Figure)):
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return bool(_fields_to_walk(annotation))
    return any(_may_hold(arg) for arg in getattr(annotation, "__args__", ()) or ()) or any(
        _may_hold(arg) for arg in getattr(annotation, "__metadata__", ()) if isinstance(arg, type))


def _walk(record: BaseModel, path: tuple = ()):
    """(path, value) of every date and figure inside a record."""
    for name in _fields_to_walk(type(record)):
        value = getattr(record, name)
        items = enumerate(value) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            where = path + ((name,) if index is None else (name, index))
            if isinstance(item, (PartialDate, Figure)):
                yield where, item
            if isinstance(item, BaseModel):
                yield from _walk(item, where)


def _after(date: PartialDate, today: datetime.date) -> bool:
    """True when even the earliest day the date can mean is after `today`."""
    return (date.year, date.month, date.day) > (today.year, today.month if date.month else 0,
                                                today.day if date.day else 0)


def plausibility_warnings(archive, today: datetime.date | None = None) -> list[Problem]:
    today = today or build_date()
    warnings: list[Problem] = []
    kinds: dict[tuple, list] = defaultdict(list)
    located = [(origin, getattr(archive, kind)[key]) for (kind, key), origin in archive.origins.items()]
    located += [(version.origin, version.meta) for testimony in archive.testimonies.values()
                for version in testimony.versions.values()]
    for origin, record in located:
        for index, year in enumerate(record.years if isinstance(record, Project) else ()):
            if year > today.year:
                warnings.append(Problem(origin.file, origin.line("years", index), dotted(("years", index)),
                                        Message("plausible.future", today=today.isoformat()), year, warning=True))
        for path, value in _walk(record):
            if isinstance(value, PartialDate):
                if _after(value, today):
                    warnings.append(Problem(origin.file, origin.line(*path), dotted(path),
                                            Message("plausible.future", today=today.isoformat()), str(value), warning=True))
                continue
            if value.value == 0 and value.qualifier != "exact":
                warnings.append(Problem(origin.file, origin.line(*path, "value"), dotted(path + ("value",)),
                                        Message("plausible.zero", qualifier=value.qualifier), 0, warning=True))
            if path[0] in _COMPARED and isinstance(record, Project) and not record.aggregate:
                # Missing fields read from __dict__: pydantic's attribute lookup is slow to fail.
                kind = (path[0], value.__dict__.get("unit"), value.__dict__.get("covers"))
                kinds[kind].append((origin, path, value.value))
    for figures in kinds.values():
        warnings += _far_larger(figures)
    return warnings


def _far_larger(figures: list) -> list[Problem]:
    """Figures far above the median of their kind (the median of all of them: one outlier
    barely moves it, and it is computed once, however large the archive)."""
    if len(figures) < FEWEST_TO_COMPARE:
        return []
    usual = statistics.median(value for _, _, value in figures)
    return [Problem(origin.file, origin.line(*path, "value"), dotted(path + ("value",)),
                    Message("plausible.far_larger", times=FAR_LARGER, median=str(usual)), str(value), warning=True)
            for origin, path, value in figures if usual > 0 and value > FAR_LARGER * usual]
