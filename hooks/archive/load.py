"""Read records (data/<kind>/*.yaml) and testimonies (content/testimonies/*.<lang>.md).

Every problem of every file is collected; nothing is dropped on the way. A file holds one
record (a block of fields) or several (a list of blocks).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .characters import check_characters
from .markup_safety import unsafe_markup
from .messages import Message
from .models import AUDIT_KINDS, LANGS, RECORD_KINDS, SLUG_MAX, SLUG_PATTERN, TestimonyMeta, key_field
from .problems import Problem
from .scaffold import PLACEHOLDER
from .strict_yaml import Document, YamlProblem, parse
from .validation_messages import problems_from

# Records are a few kilobytes; a file far larger is a mistake (a pasted article, a binary).
MAX_FILE_BYTES = 1_000_000


@dataclass
class Origin:
    """Where a record was written, to point editors at the right line."""

    file: str
    doc: Document
    path: tuple = ()  # position of the record inside the file when it holds a list

    def line(self, *fields) -> int:
        return self.doc.line_of(self.path + fields)


@dataclass
class Loaded:
    record: BaseModel
    origin: Origin


@dataclass
class TestimonyVersion:
    lang: str
    meta: TestimonyMeta
    body: str
    origin: Origin


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _validate(model: type[BaseModel], value: object, origin: Origin, problems: list[Problem]):
    try:
        return model.model_validate(value)
    except ValidationError as error:
        problems.extend(problems_from(error, model, origin.file, lambda path: origin.line(*path)))
        return None


def load_records(data_dir: Path, root: Path, problems: list[Problem],
                 invalid: set[str] | None = None) -> dict[str, list[Loaded]]:
    """Valid records by kind. Ids of records that failed validation go into `invalid`, so
    that references to them are not reported a second time as unknown."""
    kinds = {**RECORD_KINDS, **AUDIT_KINDS}
    records: dict[str, list[Loaded]] = {kind: [] for kind in kinds}
    invalid = invalid if invalid is not None else set()
    listed, unread = _record_files(data_dir, kinds)
    prefix = _relative(data_dir, root)
    expected = ", ".join(f"data/{kind}/*.yaml" for kind in kinds)
    problems.extend(Problem(f"{prefix}/{name}", None, None, Message("file.not_read", expected=expected))
                    for name in unread)
    files = [(kind, name) for kind in kinds for name in listed[kind]]
    documents = _parse_files([data_dir / kind / name for kind, name in files])
    for (kind, name), doc in zip(files, documents):
        file = f"{prefix}/{kind}/{name}"
        if isinstance(doc, YamlProblem):
            problems.append(_unreadable(file, doc))
            invalid.update(_ids_written_in(data_dir / kind / name))
        else:
            problems.extend(_warnings(file, doc))
            _validate_blocks(doc, file, kind, kinds[kind], records[kind], problems, invalid)
    return records


_ID_LINE = re.compile(r"^[ -]*(?:id|file):[ \t]*['\"]?([^\s'\"#]+)", re.MULTILINE)


def _ids_written_in(path: Path) -> set[str]:
    """The ids a file that could not be read seems to define (its `id:` and `file:` lines, and
    its name): references to them are not reported again as unknown, so one mistake gives
    one message."""
    try:
        text = path.read_bytes()[:MAX_FILE_BYTES].decode("utf-8", errors="replace")
    except OSError:
        text = ""
    return {path.stem, f"{path.stem}.txt", *_ID_LINE.findall(text)}


def _warnings(file: str, doc: Document) -> list[Problem]:
    return [Problem(file, line, None, message, warning=True) for line, message in doc.warnings]


def _validate_blocks(doc: Document, file: str, kind: str, model: type[BaseModel], records: list[Loaded],
                     problems: list[Problem], invalid: set[str]) -> None:
    """The records of one file: one block of fields, or a list of them."""
    blocks = doc.value if isinstance(doc.value, list) else [doc.value]
    for index, block in enumerate(blocks):
        origin = Origin(file, doc, (index,) if isinstance(doc.value, list) else ())
        if not isinstance(block, dict):
            problems.append(Problem(file, origin.line(), None, Message("file.not_a_record", kind=kind)))
            continue
        record = _validate(model, block, origin, problems)
        if record is not None:
            records.append(Loaded(record, origin))
        else:
            # Counted as known: references to it are not reported a second time. The file name
            # too, in case the id itself is what is wrong.
            stem = Path(file).stem
            invalid.update({str(block.get(key_field(kind))), stem, f"{stem}.txt"})


def _parse_files(paths: list[Path]) -> list[Document | YamlProblem]:
    """Each file's document, or the problem that keeps it from being read."""
    return [_parse_file(path) for path in paths]


def _parse_file(path: Path) -> Document | YamlProblem:
    try:
        text, warnings = _read_text(path)
        doc = parse(text)
        doc.warnings = warnings
        return doc
    except YamlProblem as problem:
        return problem


def _unreadable(file: str, problem: YamlProblem) -> Problem:
    return Problem(file, problem.line, problem.field, problem.message, problem.value)


def _read_text(path: Path) -> tuple[str, list[tuple[int, Message]]]:
    """An editor's file as text, and warnings (line, message) about what was mended. A
    byte-order mark (Windows Notepad writes one) is dropped; a file saved in another encoding,
    such as GBK, is a problem on the line of its first undecodable character, not a crash;
    control characters are refused, or made spaces (see characters.py)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise YamlProblem(Message("file.too_large", size=size, limit=MAX_FILE_BYTES), None)
        data = path.read_bytes()
    except OSError as error:
        raise YamlProblem(Message("file.unreadable", detail=error.strerror or str(error)), None) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise YamlProblem(Message("file.not_utf8"), line) from None
    return check_characters(text)


def _record_files(data_dir: Path, kinds: dict) -> tuple[dict[str, list[str]], list[str]]:
    """File names of each kind's folder, sorted, and the paths (relative to `data_dir`) of
    every other file, which the loader would skip: an error, not records silently left out.
    One walk of the folder: on large archives, pathlib's globbing cost more than the checks."""
    listed: dict[str, list[str]] = {kind: [] for kind in kinds}
    unread: list[str] = []
    for folder, _, names in os.walk(data_dir):
        relative = Path(folder).relative_to(data_dir).as_posix()
        for name in names:
            if name.startswith("."):
                continue
            if relative in listed and name.endswith((".yaml", ".yml")):
                listed[relative].append(name)
            else:
                unread.append(name if relative == "." else f"{relative}/{name}")
    for names in listed.values():
        names.sort()
    return listed, sorted(unread)


def split_front_matter(text: str) -> tuple[str, str, int]:
    """(front matter, body, line where the front matter starts)."""
    if not text.startswith("---"):
        return "", text, 1
    end = text.find("\n---", 3)
    if end < 0:
        return "", text, 1
    body_start = text.find("\n", end + 4)
    body = text[body_start + 1:] if body_start >= 0 else ""
    return text[text.find("\n") + 1: end + 1], body, 2


_SLUG = re.compile(SLUG_PATTERN)


def load_testimonies(folder: Path, root: Path, problems: list[Problem],
                     invalid: set[str] | None = None) -> dict[str, dict[str, TestimonyVersion]]:
    """slug -> {lang: version}. Files named <slug>.<lang>.md; index pages are skipped (the
    build writes its own: render.generate reports a hand-written one). Slugs of accounts that
    could not be read go into `invalid`."""
    testimonies: dict[str, dict[str, TestimonyVersion]] = {}
    invalid = invalid if invalid is not None else set()
    for path in sorted(Path(folder).glob("*.md"), key=lambda path: path.name):
        slug, _, lang = path.stem.rpartition(".")
        file = _relative(path, root)
        if slug == "index" or lang == "index":
            continue
        if lang not in LANGS:
            problems.append(Problem(file, None, None, Message("testimony.file_name")))
            continue
        if not _SLUG.match(slug) or len(slug) > SLUG_MAX:
            problems.append(Problem(file, None, None, Message("testimony.slug", limit=SLUG_MAX), slug))
            continue
        version = _load_testimony(path, file, lang, problems)
        if version is None:
            invalid.add(slug)
        else:
            testimonies.setdefault(slug, {})[lang] = version
    return testimonies


def _load_testimony(path: Path, file: str, lang: str, problems: list[Problem]) -> TestimonyVersion | None:
    try:
        text, warnings = _read_text(path)
        front, body, first_line = split_front_matter(text)
        doc = parse(front, line_offset=first_line - 1) if front else None
    except YamlProblem as problem:
        problems.append(_unreadable(file, problem))
        return None
    problems.extend(Problem(file, line, None, message, warning=True) for line, message in warnings)
    if doc is None:
        problems.append(Problem(file, 1, None, Message("testimony.no_front_matter")))
        return None
    origin = Origin(file, doc)
    if not isinstance(doc.value, dict):
        problems.append(Problem(file, origin.line(), None, Message("testimony.front_matter_fields")))
        return None
    body_line = first_line + front.count("\n") + 1  # the file line of the body's first line
    problems_before = len(problems)
    if PLACEHOLDER in body:
        line = body_line + body[: body.index(PLACEHOLDER)].count("\n")
        problems.append(Problem(file, line, None, Message("testimony.placeholder", mark=PLACEHOLDER)))
    problems.extend(Problem(file, body_line + line - 1, None, message) for line, message in unsafe_markup(body))
    meta = _validate(TestimonyMeta, doc.value, origin, problems)
    if meta is None or len(problems) > problems_before:
        return None
    return TestimonyVersion(lang, meta, body, origin)
