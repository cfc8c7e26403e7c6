"""Invisible characters in editors' files. Control characters cannot be seen in an editor,
break YAML and make the feed's XML invalid; Word pastes a vertical tab for Shift+Enter."""
from __future__ import annotations

import re

from .messages import Message
from .strict_yaml import YamlProblem

# C0 controls but tab, line feed and carriage return; DEL; C1 controls; the two non-characters.
_REFUSED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# Vertical tab and form feed: read as a space, with a warning.
_REPLACED = re.compile("[\x0b\x0c]")
# Either: almost every file holds none, and one search settles it.
_ANY = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_NAMES = {0x00: "nul", 0x08: "backspace", 0x0b: "vertical_tab", 0x0c: "form_feed", 0x1b: "escape",
          0x7f: "delete", 0x85: "next_line"}


def _described(character: str) -> dict:
    code = ord(character)
    return {"code": f"U+{code:04X}", "name": Message(f"char.{_NAMES.get(code, 'control')}")}


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def check_characters(text: str) -> tuple[str, list[tuple[int, Message]]]:
    """The text with vertical tabs and form feeds made spaces, and a warning (line, message)
    for the first of each on a line. Any other control character is a YamlProblem at its line."""
    if not _ANY.search(text):
        return text, []
    refused = _REFUSED.search(text)
    if refused:
        raise YamlProblem(Message("text.control_character", **_described(refused.group())),
                          _line(text, refused.start()))
    warnings, lines_seen = [], set()
    for match in _REPLACED.finditer(text):
        line = _line(text, match.start())
        if line not in lines_seen:
            lines_seen.add(line)
            warnings.append((line, Message("text.replaced_character", **_described(match.group()))))
    return _REPLACED.sub(" ", text), warnings


def has_control_characters(text: str) -> bool:
    return bool(_ANY.search(text))
