"""The passage of an article a figure rests on, from the coverage lists (data/coverage/).

A coverage list names, per article, each figure-bearing passage and the records holding it.
A figure's passage is one of its record's passages in its source article that prints the
figure as the article writes it (2.93亿, 24万, 170余万): the same number, not a longer one.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Callable

from .archive import Archive


class Passages:
    def __init__(self, archive: Archive, chinese_number: Callable[[object], str]):
        self._chinese_number = chinese_number
        self._of: dict[tuple[str, str], list[str]] = defaultdict(list)
        for coverage in archive.coverage:
            for passage in coverage.record.passages:
                for record_id in passage.records:
                    self._of[(coverage.record.article, record_id)].append(passage.passage)

    def of_figure(self, record_id: str, figure) -> str | None:
        """The passage printing `figure` among the record's passages of its source, or None."""
        candidates = self._of.get((figure.source, record_id))
        if not candidates:
            return None
        number = re.compile(rf"(?<![\d.]){re.escape(self._chinese_number(figure))}(?![\d])")
        return next((passage for passage in candidates if number.search(passage)), None)
