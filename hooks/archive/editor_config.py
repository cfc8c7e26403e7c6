"""The form editor's configuration (Decap CMS's config.yml), generated from the models.

A field added to a model appears in the form without a second edit: every field's widget
is derived from the model's JSON Schema. Ids of other records are chosen from lists
(relation widgets reading the archive's own files), never typed.
"""
from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from .labels import Labels
from .models import DATE_PATTERN, LANGS, RECORD_KINDS, TestimonyMeta

# A field with one of these names holds an id of another record: (collection, id field).
REFERENCES = {
    "county": ("counties", "id"),
    "projects": ("projects", "id"),
    "source": ("sources", "file"),
    "sources": ("sources", "file"),
}
# How a chosen record is searched for and shown in its list.
SHOWN = {
    "counties": (["id", "name.zh", "name.en"], ["id", "name.zh"]),
    "projects": (["id", "title.zh", "title.en"], ["id"]),
    "sources": (["file", "title.zh", "title.en", "about.zh"], ["file", "title.zh"]),
}
# Texts of a paragraph or more get a multi-line box; names and titles a one-line field.
LONG_TEXTS = {"summary", "text", "about", "note"}
# The id that names each kind's file (data/<kind>/<id>.yaml).
IDENTIFIERS = {"counties": "id", "projects": "id", "milestones": "id", "sources": "file", "glossary": "id"}
# Sources are the five articles of ../shared/seeds: added with their article, not in a form.
NOT_CREATED = {"sources"}
TESTIMONIES = "content/testimonies"
# Registered by overrides/editor/archive-yaml.js: saves change only what the editor changed.
RECORD_FORMAT = "archive-yaml"
TESTIMONY_FORMAT = "archive-frontmatter"


class _Fields:
    """Decap fields from one model's JSON Schema, with hints from the label catalogues."""

    def __init__(self, model: type[BaseModel], hints: dict[str, str]):
        self.schema = model.model_json_schema(ref_template="{model}")
        self.definitions = self.schema.get("$defs", {})
        self.hints = hints

    def of(self, schema: dict, omit: tuple = ()) -> list[dict]:
        required = set(schema.get("required", ()))
        return [self.field(name, spec, name in required)
                for name, spec in schema["properties"].items() if name not in omit]

    def resolve(self, spec: dict) -> dict:
        return self.definitions[spec["$ref"]] if "$ref" in spec else spec

    def field(self, name: str, spec: dict, required: bool) -> dict:
        field = {"name": name, "label": name, "required": required}
        if name in self.hints:
            field["hint"] = self.hints[name]
        options = [option for option in spec.get("anyOf", [spec]) if option.get("type") != "null"]
        spec = self.resolve(options[0]) if len(options) == 1 else spec
        return {**field, **self.widget(name, spec, required)}

    def widget(self, name: str, spec: dict, required: bool) -> dict:
        if name in REFERENCES:
            collection, value_field = REFERENCES[name]
            return _relation(collection, value_field, multiple=spec.get("type") == "array" or "anyOf" in spec)
        if spec.get("title") == "Text":
            kind = "text" if name in LONG_TEXTS else "string"
            return {"widget": "object", "collapsed": False, "fields": [
                {"name": lang, "label": lang, "widget": kind, "required": required} for lang in LANGS]}
        if "enum" in spec:
            widget = {"widget": "select", "options": list(spec["enum"])}
            return {**widget, "default": spec["default"]} if "default" in spec else widget
        if any(option.get("pattern") == DATE_PATTERN for option in spec.get("anyOf", ())):
            return {"widget": "string", "pattern": [DATE_PATTERN, "YYYY, YYYY-MM or YYYY-MM-DD"]}
        if spec.get("type") == "number":
            return {"widget": "number", "value_type": "float", "min": spec.get("minimum", 0)}
        if spec.get("type") == "integer":
            return {"widget": "number", "value_type": "int"}
        if spec.get("type") == "boolean":
            return {"widget": "boolean", "default": spec.get("default", False)}
        if spec.get("type") == "array" or "anyOf" in spec:
            return self.list_widget(name, spec)
        if spec.get("type") == "object":
            # The editor checks the fields inside an object even when the object is left out.
            inner = self.of(spec) if required else [{**field, "required": False} for field in self.of(spec)]
            return {"widget": "object", "collapsed": False, "fields": inner}
        widget = {"widget": "text" if name in LONG_TEXTS else "string"}
        return {**widget, "pattern": [spec["pattern"], spec["pattern"]]} if "pattern" in spec else widget

    def list_widget(self, name: str, spec: dict) -> dict:
        array = next(option for option in spec.get("anyOf", [spec]) if option.get("type") == "array")
        item = self.resolve(array["items"])
        if item.get("type") == "object" and item.get("title") != "Text":
            return {"widget": "list", "fields": self.of(item)}
        if item.get("title") == "Text":
            return {"widget": "list", "fields": self.widget(name, item, True)["fields"]}
        return {"widget": "list", "field": {"name": name, "label": name, **self.widget(name, item, True)}}


def _relation(collection: str, value_field: str, multiple: bool) -> dict:
    searched, shown = SHOWN[collection]
    return {"widget": "relation", "collection": collection, "value_field": value_field, "search_fields": searched,
            "display_fields": shown, "multiple": multiple, "options_length": 1000}


def _record_collection(kind: str, model: type[BaseModel], hints: dict[str, str]) -> dict:
    fields = _Fields(model, hints)
    identifier = IDENTIFIERS[kind]
    return {
        "name": kind, "label": kind, "folder": f"data/{kind}", "extension": "yaml", "format": RECORD_FORMAT,
        "create": kind not in NOT_CREATED, "identifier_field": identifier, "slug": f"{{{{{identifier}}}}}",
        "summary": f"{{{{{identifier}}}}}", "fields": fields.of(fields.schema),
    }


def _testimony_collection(hints: dict[str, str]) -> dict:
    """One entry, two files: <slug>.zh.md and <slug>.en.md. The file name comes from the
    English narrator (Chinese characters would make the page address unreadable), so English
    is the form's first language here. Facts shared by both languages are entered once."""
    fields = _Fields(TestimonyMeta, hints)
    shared = set(TestimonyMeta.SHARED)
    front = [_translation(field, "duplicate" if field["name"] in shared else True) for field in fields.of(fields.schema)]
    body = {"name": "body", "label": "account", "widget": "text", "i18n": True, "hint": hints.get("account", "")}
    return {
        "name": "testimonies", "label": "testimonies", "folder": TESTIMONIES, "extension": "md",
        "format": TESTIMONY_FORMAT, "create": True, "identifier_field": "narrator", "slug": "{{narrator}}",
        "summary": "{{narrator}}", "i18n": {"default_locale": "en"}, "fields": front + [body],
    }


def _translation(field: dict, mode) -> dict:
    """The editor wants `i18n: true` on an object and the mode on each field inside it."""
    if field["widget"] == "object" and mode == "duplicate":
        return {**field, "i18n": True, "fields": [_translation(inner, mode) for inner in field["fields"]]}
    return {**field, "i18n": mode}


def _hints(labels_folder: Path) -> dict[str, str]:
    """Each field's description in both languages (the catalogue's `field.*` entries, written
    for the open data), so an editor reads what a field means beside it."""
    catalogues = [Labels.load(labels_folder, lang).entries for lang in LANGS]
    names = {key[len("field."):] for key in catalogues[0] if key.startswith("field.")}
    return {name: " / ".join(catalogue[f"field.{name}"] for catalogue in catalogues) for name in sorted(names)}


def editor_config(backend_url: str, labels_folder: Path) -> dict:
    """The whole configuration; `backend_url` is the local backend that reads and writes files."""
    hints = _hints(labels_folder)
    return {
        "backend": {"name": "proxy", "proxy_url": backend_url, "branch": "main"},
        "publish_mode": "simple",
        # Required by the editor; the archive's forms have no image field.
        "media_folder": "content/assets/uploads",
        "i18n": {"structure": "multiple_files", "locales": list(LANGS), "default_locale": LANGS[0]},
        "collections": [_testimony_collection(hints)]
        + [_record_collection(kind, model, hints) for kind, model in RECORD_KINDS.items()],
    }
