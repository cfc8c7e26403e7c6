"""Dates that keep the precision the source gave: a year, a month or a day."""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .messages import MessageError

_FORM = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """Ordered so that within a year the year-only date comes first, then by month and day."""

    year: int
    month: int = 0  # 0: not given
    day: int = 0

    @classmethod
    def parse(cls, value: object) -> "PartialDate":
        text = str(value).strip()
        match = _FORM.match(text)
        if not match:
            raise MessageError("date.form")
        year, month, day = (int(part) if part else 0 for part in match.groups())
        if month and not 1 <= month <= 12:
            raise MessageError("date.month", month=month)
        if day:
            try:
                datetime.date(year, month, day)
            except ValueError:
                raise MessageError("date.day", date=text) from None
        return cls(year, month, day)

    def first_day(self) -> datetime.date:
        """The first day it covers (1 January for a year): for what needs a whole date."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p]
        return "-".join(parts)
