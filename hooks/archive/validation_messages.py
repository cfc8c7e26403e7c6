"""Turn pydantic's errors into sentences an editor can act on."""
from __future__ import annotations

import difflib

from pydantic import BaseModel, ValidationError

from .messages import Message, MessageError
from .models import SLUG_MAX
from .problems import Problem, dotted

# pydantic's error types with a sentence in the message catalogues (schema.<type>).
_PLAIN = {
    "missing", "string_type", "int_type", "int_parsing", "int_from_float", "bool_type", "bool_parsing",
    "list_type", "model_type", "model_attributes_type", "string_too_short", "too_short",
    "greater_than_equal", "less_than_equal", "dict_type",
}


def _expected(error: dict, model: type[BaseModel], path: tuple) -> Message:
    kind = error["type"]
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, path[:-1])
        guess = difflib.get_close_matches(str(path[-1]), allowed, n=1)
        if guess:
            return Message("schema.unknown_field_guess", guess=guess[0], allowed=", ".join(allowed))
        return Message("schema.unknown_field", allowed=", ".join(allowed))
    if kind == "literal_error":
        return Message("schema.one_of", expected=error["ctx"]["expected"])
    if kind in ("string_pattern_mismatch", "string_too_long"):
        if "txt" in error["ctx"].get("pattern", ""):
            return Message("schema.source_file")
        return Message("schema.id", limit=SLUG_MAX)
    if kind == "value_error" and isinstance(error["ctx"]["error"], MessageError):
        return error["ctx"]["error"].message
    if kind in _PLAIN:
        return Message(f"schema.{kind}")
    return Message("schema.other", detail=error["msg"])


def _allowed_fields(model: type[BaseModel], path: tuple) -> list[str]:
    """The fields a model accepts at `path` (nested models and lists followed)."""
    for part in path:
        if isinstance(part, int):
            continue
        info = model.model_fields.get(part)
        if info is None:
            break
        nested = _model_in(info.annotation)
        if nested is None:
            break
        model = nested
    return list(model.model_fields)


def _model_in(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found:
            return found
    return None


def problems_from(error: ValidationError, model: type[BaseModel], file: str, line_of) -> list[Problem]:
    """`line_of(path)` gives the line of a field path inside the record."""
    problems = []
    for item in error.errors():
        path = tuple(item["loc"])
        value = item.get("input") if item["type"] not in ("missing", "model_type") else None
        if isinstance(value, (dict, list)):
            value = None
        problems.append(Problem(file, line_of(path), dotted(path) or None, _expected(item, model, path), value))
    return problems

