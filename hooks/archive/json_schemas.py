"""JSON Schema of every file an editor writes, generated from the models.

Text editors (VS Code with the YAML extension) read these files to complete field names and
underline mistakes as the editor types. They know one file at a time: whether a county id
exists, or whether both languages of an account agree, is left to `make check`.
"""
from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .models import AUDIT_KINDS, RECORD_KINDS, TestimonyMeta

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _one_or_list(model: type[BaseModel]) -> dict:
    """A data file holds one record or a list of them (see load.py)."""
    schema = model.model_json_schema(ref_template="#/$defs/{model}")
    definitions = schema.pop("$defs", {})
    definitions[model.__name__] = schema
    return {
        "$schema": DRAFT,
        "title": f"data/…/{model.__name__.lower()} record",
        "anyOf": [{"$ref": f"#/$defs/{model.__name__}"},
                  {"type": "array", "items": {"$ref": f"#/$defs/{model.__name__}"}}],
        "$defs": definitions,
    }


def _front_matter(model: type[BaseModel]) -> dict:
    return {"$schema": DRAFT, **model.model_json_schema(ref_template="#/$defs/{model}")}


def schemas() -> dict[str, dict]:
    """File name -> schema: one per folder of data/, and one for a testimony's front matter."""
    files = {f"{kind}.schema.json": _one_or_list(model) for kind, model in {**RECORD_KINDS, **AUDIT_KINDS}.items()}
    files["testimony.schema.json"] = _front_matter(TestimonyMeta)
    return files


def as_text(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into `folder`; files of kinds that no longer exist are removed."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = schemas()
    for stale in folder.glob("*.schema.json"):
        if stale.name not in wanted:
            stale.unlink()
    written = []
    for name, schema in wanted.items():
        path = folder / name
        path.write_text(as_text(schema), encoding="utf-8")
        written.append(path)
    return written
