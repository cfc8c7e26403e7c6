"""Problems found in editors' files, collected and reported together in plain words."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str  # relative to the project root
    line: int | None
    field: str | None
    message: str  # what is wrong and what is expected
    value: object = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" field '{self.field}':" if self.field else ""
        got = f" (found: {self.value!r})" if self.value is not None else ""
        return f"{where}:{field} {self.message}{got}"


class ArchiveError(Exception):
    """Raised with every problem of a build at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the archive; nothing was published:"
        return "\n".join([head] + [f"  - {problem}" for problem in self.problems])


def dotted(path: tuple) -> str:
    """('funding', 0, 'amount') -> 'funding[0].amount'."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
