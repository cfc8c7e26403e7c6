"""Every piece of prose of an archive, with where it was written, for the content tests.

A record's texts are its {zh, en} fields (summary, title, labels, notes …); a testimony's are
its front-matter strings and its account. Names of people and bodies (`narrator`, `partners`)
count as prose too: they are what the pages show.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from pydantic import BaseModel

from archive.archive import Archive, cited_sources
from archive.models import LANGS, Text

TESTIMONY_TEXT_FIELDS = ("title", "narrator", "role", "home_unit", "posting", "place", "summary")


@dataclass(frozen=True)
class Passage:
    where: str  # file and field, e.g. data/projects/x.yaml summary
    lang: str
    text: str
    record: BaseModel | None  # the record it belongs to (None for a testimony)
    sources: tuple[str, ...]  # the articles it may draw on


@dataclass(frozen=True)
class RecordTwin:
    """The two languages of one {zh, en} field."""

    where: str
    zh: str
    en: str


def _texts(value, path: tuple = ()) -> Iterator[tuple[tuple, Text]]:
    if isinstance(value, Text):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), path + (name,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, path + (index,))


def records(archive: Archive) -> Iterator[tuple[str, BaseModel]]:
    for kind in ("counties", "projects", "milestones", "sources"):
        for key, record in getattr(archive, kind).items():
            yield archive.origins[(kind, key)].file, record


def record_twins(archive: Archive) -> Iterator[RecordTwin]:
    for file, record in records(archive):
        for path, text in _texts(record):
            if text.zh and text.en:
                yield RecordTwin(f"{file} {'.'.join(map(str, path))}", text.zh, text.en)


def record_passages(archive: Archive) -> Iterator[Passage]:
    for file, record in records(archive):
        sources = (record.file,) if hasattr(record, "file") else tuple(cited_sources(record))
        for path, text in _texts(record):
            for lang in LANGS:
                if getattr(text, lang):
                    yield Passage(f"{file} {'.'.join(map(str, path))}", lang, getattr(text, lang), record, sources)


def account_passages(archive: Archive) -> Iterator[Passage]:
    for testimony in archive.testimonies.values():
        for lang, version in testimony.versions.items():
            meta = version.meta
            for name in TESTIMONY_TEXT_FIELDS:
                if getattr(meta, name):
                    yield Passage(f"{version.origin.file} {name}", lang, getattr(meta, name), None, (meta.source,))
            yield Passage(f"{version.origin.file} account", lang, version.body, None, (meta.source,))


def account_twins(archive: Archive) -> Iterator[RecordTwin]:
    for testimony in archive.testimonies.values():
        if not all(lang in testimony.versions for lang in LANGS):
            continue
        zh, en = testimony.versions["zh"], testimony.versions["en"]
        for name in TESTIMONY_TEXT_FIELDS:
            if getattr(zh.meta, name) and getattr(en.meta, name):
                yield RecordTwin(f"{zh.origin.file} {name}", getattr(zh.meta, name), getattr(en.meta, name))
        yield RecordTwin(f"{zh.origin.file} account", zh.body, en.body)
