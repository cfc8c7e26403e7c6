"""Problems found in editors' files, collected and reported together in plain words."""
from __future__ import annotations

from dataclasses import dataclass

from .messages import Message, catalogue, message_language


@dataclass(frozen=True)
class Problem:
    file: str  # relative to the project root
    line: int | None
    field: str | None
    message: Message  # what is wrong and what is expected
    value: object = None
    warning: bool = False  # published anyway, but worth a look

    def text(self, lang: str | None = None) -> str:
        words = catalogue(lang or message_language())
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = " " + words["report.field"].format(field=self.field) if self.field else ""
        got = " " + words["report.found"].format(value=_shown(self.value)) if self.value is not None else ""
        return f"{where}:{field} {self.message.text(lang)}{got}"

    def __str__(self) -> str:
        return self.text()


def _shown(value: object) -> str:
    """The value as found, quoted, with invisible characters made visible."""
    return repr(str(value)) if not isinstance(value, (int, float)) or isinstance(value, bool) else str(value)


class ArchiveError(Exception):
    """Raised with every problem of a build at once; `problems` for a page that lists them,
    `report(lang)` for a terminal."""

    def __init__(self, problems: list[Problem], warnings: list[Problem] = ()):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0))
        self.warnings = sorted(warnings, key=lambda p: (p.file, p.line or 0))
        super().__init__(self.report())

    def report(self, lang: str | None = None) -> str:
        words = catalogue(lang or message_language())
        count = len(self.problems)
        head = words["report.head_one" if count == 1 else "report.head"].format(count=count)
        lines = [head] + [f"  - {problem.text(lang)}" for problem in self.problems]
        if self.warnings:
            lines += [words["report.warnings"]] + [f"  - {warning.text(lang)}" for warning in self.warnings]
        return "\n".join(lines)


def dotted(path: tuple) -> str:
    """('funding', 0, 'amount') -> 'funding[0].amount'."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
