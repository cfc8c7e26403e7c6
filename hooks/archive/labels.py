"""The interface-label catalogue: one YAML file per language, identical keys in each."""
from __future__ import annotations

from functools import cached_property
from pathlib import Path

from .strict_yaml import parse


class Labels:
    def __init__(self, lang: str, entries: dict[str, str]):
        self.lang = lang
        self.entries = entries

    @classmethod
    def load(cls, folder: Path, lang: str) -> "Labels":
        return cls(lang, _flatten(parse((Path(folder) / f"labels.{lang}.yml").read_text(encoding="utf-8")).value))

    def get(self, key: str) -> str:
        try:
            return self.entries[key]
        except KeyError:
            raise KeyError(f"label '{key}' is missing from labels.{self.lang}.yml") from None

    def format(self, key: str, **values) -> str:
        return self.get(key).format(**values)

    @cached_property
    def plural_units(self) -> set[str]:
        return {key[len("unit."):-len(".one")] for key in self.entries if key.startswith("unit.") and key.endswith(".one")}


def _flatten(tree: dict, prefix: str = "") -> dict[str, str]:
    flat = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = str(value)
    return flat
