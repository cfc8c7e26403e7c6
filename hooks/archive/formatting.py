"""Figures and dates as each language writes them, from the canonical stored values.

A reported figure keeps every digit its source gave: 65.16亿 becomes CNY 6.516 billion, 24万人
stays 24万人 (240,000 people). Only sums the site computes itself are rounded for reading
(`rounded=True`): 4.5654亿 is shown as 4.57亿元; the exact value stays in tables and downloads.

Chinese writes large numbers in 万 (10^4) and 亿 (10^8) from ten thousand up and groups no
digits (3933平方公里); English writes millions and billions in words and groups the rest
(19,000 people). Percentages are never scaled.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal

from .dates import PartialDate
from .labels import Labels

_STEPS = {
    "zh": ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万")),
    "en": ((Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million")),
}
_UNSCALED_UNITS = {"percent"}
# Significant digits of a computed sum as shown on a page; whole digits are never dropped.
ROUNDED_DIGITS = 3


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


def _round(number: Decimal) -> Decimal:
    """ROUNDED_DIGITS significant digits, but never fewer than the whole digits: 4.5654 -> 4.57,
    1624.5 -> 1625."""
    whole_digits = max(number.adjusted() + 1, 1)
    places = max(ROUNDED_DIGITS - whole_digits, 0)
    return number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _scaled(value: Decimal, lang: str, unit: str, rounded: bool) -> tuple[Decimal, str]:
    """The number to write and the magnitude word after it: (24, "万"), (940, "million")."""
    if unit not in _UNSCALED_UNITS:
        for size, word in _STEPS[lang]:
            if value >= size:
                number = value / size
                return (_round(number) if rounded else number), word
    return value, ""


def _number(value: Decimal, lang: str, labels: Labels, unit: str, qualifier: str, rounded: bool) -> tuple[str, str]:
    """The written number and the qualifier still to apply around the whole figure.

    Chinese puts "more than" inside a round figure: 170余万 (more than 1.7 million), as the
    articles do; a figure with decimals takes 超过 in front (超过1.7万)."""
    number, word = _scaled(value, lang, unit, rounded)
    text = _grouped(number, lang)
    if lang == "zh" and word and qualifier == "more_than" and number == number.to_integral_value():
        return labels.format("qualifier.more_than_whole", n=text) + word, "exact"
    return (f"{text}{word}" if lang == "zh" else f"{text} {word}") if word else text, qualifier


def chinese_number(value: Decimal, unit: str, labels: Labels, qualifier: str = "exact") -> str:
    """The number of a figure as a Chinese article prints it, without its unit: 2.93亿, 170余万."""
    number, _ = _number(value, "zh", labels, unit, qualifier, rounded=False)
    return number


def format_amount(value: Decimal, lang: str, labels: Labels, qualifier: str = "exact", rounded: bool = False) -> str:
    """zh 2.93亿元 / 810万元; en CNY 293 million / CNY 8.1 million / CNY 50,000."""
    number, qualifier = _number(value, lang, labels, "yuan", qualifier, rounded)
    return _qualified(labels.format("unit.yuan", n=number), qualifier, labels)


def format_quantity(value: Decimal, unit: str, lang: str, labels: Labels, qualifier: str = "exact",
                    rounded: bool = False) -> str:
    """A count or measure with its unit: zh 24万人 / 6250人, en 240,000 people / 1.7 million."""
    if unit == "yuan":
        return format_amount(value, lang, labels, qualifier, rounded)
    number, qualifier = _number(value, lang, labels, unit, qualifier, rounded)
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
    return babel_format_date(date.first_day(), pattern, locale=_locale(lang))
