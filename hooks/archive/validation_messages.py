"""Turn pydantic's errors into sentences an editor can act on."""
from __future__ import annotations

import difflib

from pydantic import BaseModel, ValidationError

from .problems import Problem, dotted

_PLAIN = {
    "missing": "this field is required",
    "string_type": "expected a text",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "list_type": "expected a list (lines starting with '- ')",
    "model_type": "expected a block of fields (key: value lines)",
    "model_attributes_type": "expected a block of fields (key: value lines)",
    "string_too_short": "expected a text, not an empty one",
    "too_short": "expected at least one entry",
    "greater_than_equal": "the number is too small",
    "less_than_equal": "the number is too large",
}


def _expected(error: dict, model: type[BaseModel], path: tuple) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, path[:-1])
        guess = difflib.get_close_matches(str(path[-1]), allowed, n=1)
        hint = f" (did you mean '{guess[0]}'?)" if guess else ""
        return f"unknown field{hint}; allowed here: {', '.join(allowed)}"
    if kind == "literal_error":
        return f"expected one of: {error['ctx']['expected']}"
    if kind == "string_pattern_mismatch":
        pattern = error["ctx"]["pattern"]
        if "txt" in pattern:
            return "expected a source file name such as 000_8690be5daf756306.txt"
        return "expected an id of lower-case letters, digits and hyphens, e.g. linxi-egg-farm"
    if kind == "value_error":
        return str(error["ctx"]["error"])
    return _PLAIN.get(kind, error["msg"])


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

