"""Messages to editors, in their language: one catalogue per language (messages.zh.yml,
messages.en.yml beside this file, identical keys), chosen by the locale (LANG=zh_CN.UTF-8
gives Chinese) or by ARCHIVE_MESSAGES=zh|en."""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MESSAGE_LANGS = ("zh", "en")


@dataclass(frozen=True)
class Message:
    """A catalogue key and the values its sentence names; worded only when shown."""

    key: str
    params: tuple = ()  # (name, value) pairs: hashable and picklable

    def __init__(self, key: str, /, **params):
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "params", tuple(sorted(params.items())))

    def __reduce__(self):
        return _message, (self.key, self.params)

    def text(self, lang: str | None = None) -> str:
        params = {name: _worded(value, lang) for name, value in self.params}
        return catalogue(lang or message_language())[self.key].format(**params)

    def __str__(self) -> str:
        return self.text()


def _message(key: str, params: tuple) -> Message:
    return Message(key, **dict(params))


def _worded(value, lang: str | None):
    """A message inside a message (the reason a number is refused) is worded in the same language."""
    return value.text(lang) if isinstance(value, Message) else value


def message_language() -> str:
    chosen = os.environ.get("ARCHIVE_MESSAGES", "")
    if chosen in MESSAGE_LANGS:
        return chosen
    locale = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG", "")
    return "zh" if locale.lower().startswith("zh") else "en"


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, str]:
    from .strict_yaml import parse  # the catalogue is itself YAML; strict_yaml words its errors here

    tree = parse((Path(__file__).parent / f"messages.{lang}.yml").read_text(encoding="utf-8")).value
    return _flatten(tree)


def _flatten(tree: dict, prefix: str = "") -> dict[str, str]:
    flat = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = str(value)
    return flat


class MessageError(ValueError):
    """A refused value with its catalogue message; raised inside schema validators, whose
    errors validation_messages turns into problems."""

    def __init__(self, key: str, /, **params):
        self.message = Message(key, **params)
        super().__init__(key)
