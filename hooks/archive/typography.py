"""Chinese text set as Chinese is typeset, whatever the editor typed or YAML folded.

A folded YAML block (`>-`) joins its lines with a space, which shows between two Chinese
sentences (人口24万。 这里); straight quotes typed on a Western keyboard show as "…" where
Chinese uses “…”. Both are mended once, when a record is read. A space between two Chinese
characters is left alone: it parts names (特约记者 张景华 高平) and the halves of a headline.
"""
from __future__ import annotations

import re

FULL_WIDTH_PUNCTUATION = "。，、；：！？（）《》「」『』“”‘’…—"
_SPACE_AFTER_PUNCTUATION = re.compile(rf"(?<=[{FULL_WIDTH_PUNCTUATION}])[ \t\n]+")
_STRAIGHT_QUOTED = re.compile(r'"([^"\n]*)"')


def chinese_text(text: str) -> str:
    """人口24万。 这里 -> 人口24万。这里; "我在草原有只羊" -> “我在草原有只羊”."""
    text = _SPACE_AFTER_PUNCTUATION.sub("", text)
    return _STRAIGHT_QUOTED.sub(r"“\1”", text)
