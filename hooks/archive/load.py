"""Read records (data/<kind>/*.yaml) and testimonies (content/testimonies/*.<lang>.md).

Every problem of every file is collected; nothing is dropped on the way. A file holds one
record (a block of fields) or several (a list of blocks).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .models import AUDIT_KINDS, LANGS, RECORD_KINDS, TestimonyMeta
from .problems import Problem
from .scaffold import PLACEHOLDER
from .strict_yaml import Document, YamlProblem, parse
from .validation_messages import problems_from


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
    problems.extend(Problem(f"{prefix}/{name}", None, None, f"this file is not read; records belong in {expected}")
                    for name in unread)
    files = [(kind, name) for kind in kinds for name in listed[kind]]
    documents = _parse_files([data_dir / kind / name for kind, name in files])
    for (kind, name), doc in zip(files, documents):
        file = f"{prefix}/{kind}/{name}"
        if isinstance(doc, YamlProblem):
            problems.append(_unreadable(file, doc))
        else:
            _validate_blocks(doc, file, kind, kinds[kind], records[kind], problems, invalid)
    return records


def _validate_blocks(doc: Document, file: str, kind: str, model: type[BaseModel], records: list[Loaded],
                     problems: list[Problem], invalid: set[str]) -> None:
    """The records of one file: one block of fields, or a list of them."""
    blocks = doc.value if isinstance(doc.value, list) else [doc.value]
    for index, block in enumerate(blocks):
        origin = Origin(file, doc, (index,) if isinstance(doc.value, list) else ())
        if not isinstance(block, dict):
            problems.append(Problem(file, origin.line(), None,
                                    f"expected the fields of one record of data/{kind}/ (key: value lines)"))
            continue
        record = _validate(model, block, origin, problems)
        if record is not None:
            records.append(Loaded(record, origin))
        else:
            invalid.add(str(block.get("file" if kind == "sources" else "id")))


def _parse_files(paths: list[Path]) -> list[Document | YamlProblem]:
    """Each file's document, or the problem that keeps it from being read."""
    return [_parse_file(path) for path in paths]


def _parse_file(path: Path) -> Document | YamlProblem:
    try:
        return parse(_read_text(path))
    except YamlProblem as problem:
        return problem


def _unreadable(file: str, problem: YamlProblem) -> Problem:
    return Problem(file, problem.line, problem.field, problem.message)


def _read_text(path: Path) -> str:
    """An editor's file as text. A byte-order mark (Windows Notepad writes one) is dropped; a
    file saved in another encoding, such as GBK, is a problem on the line of its first
    undecodable character, not a crash."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise YamlProblem("the file is not saved as UTF-8 text; expected UTF-8 (choose it as the "
                          "encoding when saving)", line) from None


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


def load_testimonies(folder: Path, root: Path, problems: list[Problem]) -> dict[str, dict[str, TestimonyVersion]]:
    """slug -> {lang: version}. Files named <slug>.<lang>.md; index pages are skipped."""
    testimonies: dict[str, dict[str, TestimonyVersion]] = {}
    for path in sorted(folder.glob("*.md"), key=lambda path: path.name):
        slug, _, lang = path.stem.rpartition(".")
        if slug == "index" or lang == "index":
            continue
        file = _relative(path, root)
        if lang not in LANGS:
            problems.append(Problem(file, None, None, "expected a file name ending in .zh.md or .en.md"))
            continue
        try:
            front, body, first_line = split_front_matter(_read_text(path))
            doc = parse(front, line_offset=first_line - 1) if front else None
        except YamlProblem as problem:
            problems.append(_unreadable(file, problem))
            continue
        if doc is None:
            problems.append(Problem(file, 1, None, "expected front matter between two '---' lines at the top"))
            continue
        origin = Origin(file, doc)
        if not isinstance(doc.value, dict):
            problems.append(Problem(file, origin.line(), None, "expected front matter fields (key: value lines)"))
            continue
        if PLACEHOLDER in body:
            line = first_line + front.count("\n") + 1 + body[: body.index(PLACEHOLDER)].count("\n")
            problems.append(Problem(file, line, None, f"the account is still the placeholder ({PLACEHOLDER}); "
                                    "expected the account written in its place"))
        meta = _validate(TestimonyMeta, doc.value, origin, problems)
        if meta is not None:
            testimonies.setdefault(slug, {})[lang] = TestimonyVersion(lang, meta, body, origin)
    return testimonies
