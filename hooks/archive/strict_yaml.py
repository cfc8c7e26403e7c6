"""YAML reading for editors' files: strict, and able to say on which line a value stands.

PyYAML silently keeps the last of two duplicate keys and turns `2018-08-01` into a date
object; both hide an editor's mistake. This loader refuses duplicates, keeps every scalar
as the editor typed it (dates stay strings, so their precision survives) and records the
line of each key so that validation errors can point at it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import yaml

Path = tuple  # a location inside a document: ("funding", 0, "amount")


class YamlProblem(Exception):
    """A document that cannot be read at all: syntax error or duplicate key."""

    def __init__(self, message: str, line: int | None, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.field = field

    def __reduce__(self):  # problems found in a forked process travel back pickled
        return type(self), (self.message, self.line, self.field)


# libyaml's parser when PyYAML was built with it: several times faster on large archives.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


# Without the timestamp resolver, 2018-08-01 stays the string the editor wrote.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Document:
    """A parsed YAML document and the line (1-based) where each path starts."""

    value: object
    lines: dict = field(default_factory=dict)
    first_line: int = 1

    def line_of(self, path: Path) -> int:
        """The line of `path`, or of its nearest parent that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.first_line


_STR = "tag:yaml.org,2002:str"


def _construct(loader: _Loader, node: yaml.Node, path: Path, lines: dict):
    """The value of `node`; records in `lines` the line of every key and list item below it
    (the caller records the node's own line). Hot on large archives, hence the shortcuts."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _STR:
            return node.value  # the common case, without PyYAML's constructor machinery
        return loader.construct_object(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, child in enumerate(node.value):
            lines[path + (index,)] = child.start_mark.line + 1
            items.append(_construct(loader, child, path + (index,), lines))
        return items
    loader.flatten_mapping(node)
    result = {}
    for key_node, value_node in node.value:
        key = key_node.value if key_node.tag == _STR else loader.construct_object(key_node, deep=True)
        child = path + (key,)
        if key in result:
            raise YamlProblem(
                f"the key '{key}' appears twice in the same block (first on line {lines[child]}); keep one of them",
                key_node.start_mark.line + 1,
                str(key),
            )
        lines[child] = key_node.start_mark.line + 1
        result[key] = _construct(loader, value_node, child, lines)
    return result


def parse(text: str, line_offset: int = 0) -> Document:
    """Parse one YAML document; `line_offset` shifts line numbers (front matter)."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        value, lines = None, {}
        if node is not None:
            lines[()] = node.start_mark.line + 1
            value = _construct(loader, node, (), lines)
    except YamlProblem as problem:
        problem.line = problem.line + line_offset if problem.line else problem.line
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 + line_offset if mark else None
        raise YamlProblem(f"the YAML cannot be read: {error.problem or error}", line) from None
    finally:
        loader.dispose()
    return Document(value, {k: v + line_offset for k, v in lines.items()}, 1 + line_offset)
