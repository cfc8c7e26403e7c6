"""The interface-label catalogue: one YAML file per language, identical keys in each, but for
plural forms ("key.one"), which only a language that has them holds."""
from __future__ import annotations

from decimal import Decimal
from functools import cache, cached_property
from pathlib import Path

from babel import Locale

from .strict_yaml import parse


class Labels:
    def __init__(self, lang: str, entries: dict[str, str]):
        self.lang = lang
        self.entries = entries

    @classmethod
    def load(cls, folder: Path, lang: str) -> "Labels":
        return cls(lang, _flatten(parse((Path(folder) / f"labels.{lang}.yml").read_text(encoding="utf-8")).value))

    def get(self, key: str, n: int | Decimal | None = None) -> str:
        """The label; with a count `n`, its form for that count where the catalogue has one
        ("key.one" in English for 1; Chinese has no plural forms), else the label itself."""
        if n is not None:
            form = f"{key}.{_plural_rule(self.lang)(n)}"
            if form in self.entries:
                return self.entries[form]
        try:
            return self.entries[key]
        except KeyError:
            raise KeyError(f"label '{key}' is missing from labels.{self.lang}.yml") from None

    def format(self, key: str, **values) -> str:
        """The label with its {placeholders} filled; a number given as `n` picks its plural form."""
        count = values.get("n")
        return self.get(key, count if isinstance(count, (int, Decimal)) else None).format(**values)

    @cached_property
    def plural_units(self) -> set[str]:
        return {key[len("unit."):-len(".one")] for key in self.entries if key.startswith("unit.") and key.endswith(".one")}


@cache
def _plural_rule(lang: str):
    """The language's plural rule from CLDR (Babel): "one" or "other" for English."""
    return Locale.parse(lang).plural_form


def _flatten(tree: dict, prefix: str = "") -> dict[str, str]:
    flat = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = str(value)
    return flat
