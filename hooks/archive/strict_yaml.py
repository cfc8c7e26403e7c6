"""YAML reading for editors' files: YAML as a data format, not a language.

PyYAML silently keeps the last of two duplicate keys, turns `2018-08-01` into a date object,
reads `0100` as 64 and `1:30` as 90, rounds `1200000.123456789123456789`, and expands
aliases without limit. This loader refuses duplicates, anchors and aliases, tags and complex
keys; keeps every scalar as the editor typed it (dates stay strings, so their precision
survives); reads numbers only when they are written in decimal digits, keeping every digit;
limits nesting; and records the line of each key so that validation errors can point at it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

import yaml

from .messages import Message

Path = tuple  # a location inside a document: ("funding", 0, "amount")

# Records nest four or five levels; anything far deeper is a mistake or an attack.
MAX_DEPTH = 32


class YamlProblem(Exception):
    """A document that cannot be read at all: syntax error, duplicate key, alias, ..."""

    def __init__(self, message: Message, line: int | None, field: str | None = None, value: object = None):
        super().__init__(message.key)  # worded only when shown: the catalogues are YAML too
        self.message = message
        self.line = line
        self.field = field
        self.value = value

    def __reduce__(self):  # problems found in a forked process travel back pickled
        return type(self), (self.message, self.line, self.field, self.value)

    def __str__(self) -> str:
        return self.message.text()


class OddNumber(str):
    """A plain scalar YAML 1.1 would read as a number though it is not written in decimal
    digits (0100, 1:30, 0x10, 1_000, 1e6, .nan, .inf). It stays text; a number field refuses it
    and says what to write."""


# libyaml's parser when PyYAML was built with it: several times faster on large archives.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


_NULL, _BOOL, _INT, _DECIMAL, _ODD = (f"tag:archive,{kind}" for kind in ("null", "bool", "int", "decimal", "odd"))
_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{kind}" for kind in ("str", "seq", "map"))


def _resolvers() -> dict:
    """Which plain scalars are not text (by first character, as PyYAML looks them up): null,
    true/false, and numbers in decimal digits. What YAML 1.1 would also read as a number is
    marked odd; yes/no/on/off stay words, and dates stay strings (no timestamp resolver)."""
    ours = [
        (_NULL, r"^(?:~|null|Null|NULL|)$", "~nN"),
        (_BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
        (_INT, r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
        (_DECIMAL, r"^[-+]?(?:0|[1-9][0-9]*)\.[0-9]+$", "-+0123456789"),
    ]
    table: dict = {"": [(_NULL, re.compile(ours[0][1]))]}
    for tag, pattern, firsts in ours:
        for first in firsts:
            table.setdefault(first, []).append((tag, re.compile(pattern)))
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items():
        for tag, regexp in resolvers:
            if tag.endswith((":int", ":float")):
                table.setdefault(first, []).append((_ODD, regexp))
    return table


_Loader.yaml_implicit_resolvers = _resolvers()


@dataclass
class Document:
    """A parsed YAML document and the line (1-based) where each path starts."""

    value: object
    lines: dict = field(default_factory=dict)
    first_line: int = 1
    warnings: list = field(default_factory=list)  # (line, Message) about what was mended

    def line_of(self, path: Path) -> int:
        """The line of `path`, or of its nearest parent that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.first_line


def _scalar(node: yaml.ScalarNode):
    tag = node.tag
    if tag == _STR:
        return node.value
    if tag == _INT:
        return int(node.value)
    if tag == _DECIMAL:
        return Decimal(node.value)
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return node.value.lower() == "true"
    if tag == _ODD:
        return OddNumber(node.value)
    raise YamlProblem(Message("yaml.tag", tag=tag.replace("tag:yaml.org,2002:", "!!")), node.start_mark.line + 1)


class _Builder:
    """Values from the composed nodes. libyaml composes an alias as the very node it names,
    so a node met twice is an alias: refused before it can multiply (a few hundred bytes of
    nested aliases expand to gigabytes) or loop."""

    def __init__(self):
        self.lines: dict = {}
        self.seen: set[int] = set()

    def value(self, node: yaml.Node, path: Path, depth: int = 0):
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR:
                return node.value  # the common case, first
            return _scalar(node)
        line = node.start_mark.line + 1
        if id(node) in self.seen:
            raise YamlProblem(Message("yaml.alias"), line)
        self.seen.add(id(node))
        if depth >= MAX_DEPTH:
            raise YamlProblem(Message("yaml.depth", limit=MAX_DEPTH), line)
        if node.tag not in (_SEQ, _MAP):
            raise YamlProblem(Message("yaml.tag", tag=node.tag.replace("tag:yaml.org,2002:", "!!")), line)
        lines = self.lines
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, child in enumerate(node.value):
                lines[path + (index,)] = child.start_mark.line + 1
                items.append(self.value(child, path + (index,), depth + 1))
            return items
        result = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(Message("yaml.complex_key"), key_node.start_mark.line + 1)
            key = key_node.value  # a field name, whatever it looks like (2018:, null:)
            child = path + (key,)
            if key in result:
                raise YamlProblem(Message("yaml.duplicate_key", key=key, first=lines[child]),
                                  key_node.start_mark.line + 1, key)
            lines[child] = key_node.start_mark.line + 1
            result[key] = self.value(value_node, child, depth + 1)
        return result


def parse(text: str, line_offset: int = 0) -> Document:
    """Parse one YAML document; `line_offset` shifts line numbers (front matter)."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        value, builder = None, _Builder()
        if node is not None:
            builder.lines[()] = node.start_mark.line + 1
            value = builder.value(node, ())
    except YamlProblem as problem:
        if problem.message.key == "yaml.alias":  # the node's line is its anchor's; point at the first alias
            problem.line = _first_alias_line(text) or problem.line
        problem.line = problem.line + line_offset if problem.line else problem.line
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message, line = explain_syntax_error(text, mark.line + 1 if mark else None, error.problem or str(error))
        raise YamlProblem(message, line + line_offset if line else None) from None
    except yaml.YAMLError as error:  # libyaml's errors without a position
        raise YamlProblem(Message("yaml.syntax", detail=str(error)), None) from None
    except RecursionError:  # the composer nests in Python: thousands of '[' end here
        raise YamlProblem(Message("yaml.depth", limit=MAX_DEPTH), None) from None
    finally:
        loader.dispose()
    return Document(value, {k: v + line_offset for k, v in builder.lines.items()}, 1 + line_offset)


_ALIAS = re.compile(r"(?:^|[\s\[,{:])\*[^\s,\]}]+", re.MULTILINE)


def _first_alias_line(text: str) -> int | None:
    match = _ALIAS.search(text)
    return text.count("\n", 0, match.start() + 1) + 1 if match else None


_NO_SPACE_AFTER_COLON = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*):[^\s:/]")


def explain_syntax_error(text: str, line: int | None, detail: str) -> tuple[Message, int | None]:
    """The two common slips behind YAML's terse messages, in plain words, with the line they
    are on: a tab used for indentation, and a missing space after 'key:'. They are looked for
    on or before the line where the parser gave up (it often gives up a line later)."""
    lines = text.split("\n")[: line or None]
    for number, content in enumerate(lines, 1):
        if "\t" in content[: len(content) - len(content.lstrip())]:
            return Message("yaml.tab"), number
    for number in range(len(lines), 0, -1):
        match = _NO_SPACE_AFTER_COLON.match(lines[number - 1])
        if match:
            return Message("yaml.no_space_after_colon", key=match.group(1)), number
    return Message("yaml.syntax", detail=detail), line
