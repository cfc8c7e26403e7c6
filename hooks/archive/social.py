"""Link-preview pictures: one SVG card per generated page, titled as the page is.

The card is written beside the page's Markdown as social/<page>.<lang>.svg, which
mkdocs-static-i18n places in each language's folder; the page names it in its front matter
(`image:`) and the theme turns that into og:image (overrides/theme/main.html).
"""
from __future__ import annotations

import html
import json
import textwrap
import unicodedata

# A line of the card holds about 28 Latin letters, or 14 Chinese characters (counted double).
LINE_WIDTH = 28
MAX_LINES = 4


def card_path(page_path: str) -> str:
    return f"social/{page_path}.svg"


def title_of(page_markdown: str) -> str:
    """The title in a generated page's front matter (a JSON string, HTML-escaped)."""
    for line in page_markdown.splitlines()[1:]:
        if line.startswith("title: "):
            return html.unescape(json.loads(line[len("title: "):]))
        if line == "---":
            break
    return ""


def title_lines(title: str) -> list[str]:
    """The title broken into the card's lines, a wide (Chinese) character counting double."""
    lines, line, width = [], "", 0
    for word in _words(title):
        size = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in word)
        if width + size > LINE_WIDTH and line:
            lines.append(line.rstrip())
            line, width = "", 0
        line, width = line + word, width + size
    lines.append(line.rstrip())
    return lines[:MAX_LINES - 1] + [textwrap.shorten(" ".join(lines[MAX_LINES - 1:]), 40, placeholder="…")] \
        if len(lines) > MAX_LINES else lines


def _words(text: str) -> list[str]:
    """Latin words with their following space, Chinese characters one by one."""
    words, current = [], ""
    for char in text:
        if unicodedata.east_asian_width(char) in "WF":
            if current:
                words.append(current)
                current = ""
            words.append(char)
        else:
            current += char
            if char == " ":
                words.append(current)
                current = ""
    if current:
        words.append(current)
    return words
