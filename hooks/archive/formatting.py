"""Figures and dates as each language writes them, from the canonical stored values.

Amounts are stored in yuan and never rounded here: a source's 65.16亿 becomes
CNY 6.516 billion, keeping every significant digit it gave.
"""
from __future__ import annotations

import datetime
from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal

from .dates import PartialDate
from .labels import Labels

_ZH_STEPS = ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万"))
_EN_STEPS = ((Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))


def _plain(number: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 2.930 -> 2.93, 6E+2 -> 600."""
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@lru_cache(maxsize=65536)  # Babel is slow and an archive repeats its figures on many pages
def _grouped(number: Decimal, lang: str) -> str:
    if lang == "zh":
        return _plain(number)
    return format_decimal(number.normalize(), locale=_locale(lang), decimal_quantization=False)


@lru_cache(maxsize=None)
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)  # parsed once: Babel would parse the name on every call


def format_amount(value: Decimal, lang: str, labels: Labels, qualifier: str = "exact") -> str:
    """zh 2.93亿元 / 810万元; en CNY 293 million / CNY 8.1 million / CNY 50,000."""
    steps = _ZH_STEPS if lang == "zh" else _EN_STEPS
    for size, word in steps:
        if value >= size:
            number = f"{_grouped(value / size, lang)}{word}" if lang == "zh" else f"{_grouped(value / size, lang)} {word}"
            break
    else:
        number = _grouped(value, lang)
    return _qualified(labels.format("unit.yuan", n=number), qualifier, labels)


def format_quantity(value: Decimal, unit: str, lang: str, labels: Labels, qualifier: str = "exact") -> str:
    """A count or measure with its unit: zh 6250人, en 6,250 people."""
    if unit == "yuan":
        return format_amount(value, lang, labels, qualifier)
    number = _grouped(value, lang)
    if lang == "en" and unit in labels.plural_units and value == 1:
        unit = f"{unit}.one"
    return _qualified(labels.format(f"unit.{unit}", n=number), qualifier, labels)


def _qualified(text: str, qualifier: str, labels: Labels) -> str:
    return text if qualifier == "exact" else labels.format(f"qualifier.{qualifier}", figure=text)


def format_date(date: PartialDate, lang: str, labels: Labels) -> str:
    """zh 2018年8月 / 2019年4月18日; en August 2018 / 18 April 2019."""
    return _babel_date(date, lang, labels.get(f"date.{date.precision}"))


@lru_cache(maxsize=65536)
def _babel_date(date: PartialDate, lang: str, pattern: str) -> str:
    return babel_format_date(datetime.date(date.year, date.month or 1, date.day or 1), pattern, locale=_locale(lang))
