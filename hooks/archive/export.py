"""Open data: every record kind as JSON and CSV, made from the same records as the pages.

JSON keeps records whole. CSV gives one row per record, a Chinese and an English column for
each text, and every figure in one long table (figures.csv) that points back at its record.
"""
from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from pydantic import BaseModel

from .archive import Archive
from .dates import PartialDate
from .models import LANGS, County, Figure, Milestone, Project, Source, TestimonyMeta, Text

# The fields each download has, in order, for the field descriptions on the Data page.
FIELDS = {
    "counties": list(County.model_fields),
    "projects": list(Project.model_fields),
    "milestones": list(Milestone.model_fields),
    "sources": list(Source.model_fields),
    "testimonies": ["slug", *TestimonyMeta.model_fields, "account"],
    "figures": ["record_kind", "record_id", "field", "value", "unit", "covers", "qualifier", "label", "note", "source"],
}


def _plain(value):
    """Values as JSON has them: numbers stay numbers, dates keep their written precision."""
    if isinstance(value, BaseModel):
        return {name: _plain(getattr(value, name)) for name in type(value).model_fields
                if getattr(value, name) not in (None, [])}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, PartialDate):
        return str(value)
    return value


def _records(archive: Archive) -> dict[str, list[dict]]:
    testimonies = []
    for testimony in sorted(archive.testimonies.values(), key=lambda t: t.slug):
        row = {"slug": testimony.slug}
        for lang, version in sorted(testimony.versions.items()):
            row[lang] = {**_plain(version.meta), "account": version.body.strip()}
        testimonies.append(row)
    return {
        "counties": [_plain(c) for c in sorted(archive.counties.values(), key=lambda c: c.id)],
        "projects": [_plain(p) for p in sorted(archive.projects.values(), key=lambda p: p.id)],
        "milestones": [_plain(m) for m in archive.sorted_milestones()],
        "sources": [_plain(s) for s in sorted(archive.sources.values(), key=lambda s: s.file)],
        "testimonies": testimonies,
    }


def _row(record: BaseModel) -> dict[str, object]:
    """One CSV row: texts split by language, lists joined by ';', nested blocks as JSON."""
    row: dict[str, object] = {}
    for name in type(record).model_fields:
        value = getattr(record, name)
        if isinstance(value, Text):
            for lang in LANGS:
                row[f"{name}_{lang}"] = getattr(value, lang) or ""
        elif isinstance(value, list) and value and isinstance(value[0], Figure):
            continue  # in figures.csv
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            row[name] = json.dumps(_plain(value), ensure_ascii=False)
        elif isinstance(value, list):
            row[name] = ";".join(str(item) for item in value)
        elif isinstance(value, BaseModel):
            row[name] = json.dumps(_plain(value), ensure_ascii=False)
        else:
            row[name] = "" if value is None else str(_plain(value))
    return row


def _figure_rows(kind: str, key: str, record: BaseModel):
    for name in type(record).model_fields:
        value = getattr(record, name)
        if isinstance(value, list) and value and isinstance(value[0], Figure):
            for figure in value:
                described = getattr(figure, "what", None) or getattr(figure, "label", None)
                yield {
                    "record_kind": kind, "record_id": key, "field": name, "value": _plain(figure.value),
                    "unit": getattr(figure, "unit", "yuan" if name == "funding" else ""),
                    "covers": getattr(figure, "covers", ""), "qualifier": figure.qualifier,
                    "label_zh": _text(described, "zh"), "label_en": _text(described, "en"),
                    "note_zh": _text(figure.note, "zh"), "note_en": _text(figure.note, "en"),
                    "source": figure.source,
                }


def _text(text: Text | None, lang: str) -> str:
    return (getattr(text, lang) or "") if text is not None else ""


def _csv(rows: list[dict]) -> bytes:
    columns = list(dict.fromkeys(column for row in rows for column in row))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    # A byte-order mark so that spreadsheet programs read the Chinese text as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def export_files(archive: Archive, folder: str = "data") -> dict[str, bytes]:
    """{"data/projects.json": bytes, "data/projects.csv": bytes, ..., "data/figures.csv": bytes}."""
    files = {}
    for kind, records in _records(archive).items():
        # Compact: with `indent`, json falls back from its C encoder to one several times slower.
        files[f"{folder}/{kind}.json"] = json.dumps(records, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    tables = {
        "counties": [_row(c) for c in sorted(archive.counties.values(), key=lambda c: c.id)],
        "projects": [_row(p) for p in sorted(archive.projects.values(), key=lambda p: p.id)],
        "milestones": [_row(m) for m in archive.sorted_milestones()],
        "sources": [_row(s) for s in sorted(archive.sources.values(), key=lambda s: s.file)],
        "testimonies": [
            {"slug": t.slug, **{f"{field}_{lang}": (getattr(t.versions[lang].meta, field) or "") if lang in t.versions else ""
                                for field in ("narrator", "role", "home_unit", "posting", "place") for lang in LANGS},
             **{k: v for k, v in _row(t.meta).items() if k in TestimonyMeta.SHARED}}
            for t in sorted(archive.testimonies.values(), key=lambda t: t.slug)
        ],
    }
    figures = []
    for kind, table in (("counties", archive.counties), ("projects", archive.projects)):
        for key in sorted(table):
            figures.extend(_figure_rows(kind, key, table[key]))
    tables["figures"] = figures
    for kind, rows in tables.items():
        files[f"{folder}/{kind}.csv"] = _csv(rows)
    return files
