"""Figures and dates as each language writes them (examples from the issue)."""
from decimal import Decimal

import pytest

from archive.dates import PartialDate
from archive.formatting import format_amount, format_date, format_quantity
from archive.labels import Labels
from archive.typography import chinese_text
from sitebuild import ROOT

LABELS = {lang: Labels.load(ROOT / "overrides" / "archive", lang) for lang in ("zh", "en")}


@pytest.mark.parametrize("yuan, zh, en", [
    (293000000, "2.93亿元", "CNY 293 million"),
    (8100000, "810万元", "CNY 8.1 million"),
    (6516000000, "65.16亿元", "CNY 6.516 billion"),
    (16245000, "1624.5万元", "CNY 16.245 million"),
    (100000000, "1亿元", "CNY 100 million"),
    (50000, "5万元", "CNY 50,000"),
    (3000, "3000元", "CNY 3,000"),
])
def test_amounts_keep_every_significant_digit(yuan, zh, en):
    assert format_amount(Decimal(yuan), "zh", LABELS["zh"]) == zh
    assert format_amount(Decimal(yuan), "en", LABELS["en"]) == en


def test_qualifiers_stay_with_the_figure():
    assert format_amount(Decimal(6000000), "zh", LABELS["zh"], "more_than") == "600余万元"
    assert format_amount(Decimal(16245000), "zh", LABELS["zh"], "more_than") == "超过1624.5万元"
    assert format_amount(Decimal(3000), "zh", LABELS["zh"], "more_than") == "超过3000元"
    assert format_amount(Decimal(6000000), "zh", LABELS["zh"], "about") == "约600万元"
    assert format_amount(Decimal(6000000), "en", LABELS["en"], "more_than") == "more than CNY 6 million"
    assert format_amount(Decimal(1000000), "en", LABELS["en"], "nearly") == "nearly CNY 1 million"


def test_people_are_counted_in_each_language():
    assert format_quantity(Decimal(6250), "people", "zh", LABELS["zh"]) == "6250人"
    assert format_quantity(Decimal(6250), "people", "en", LABELS["en"]) == "6,250 people"
    assert format_quantity(Decimal(1), "people", "en", LABELS["en"]) == "1 person"
    assert format_quantity(Decimal(1877), "person_times", "zh", LABELS["zh"]) == "1877人次"


@pytest.mark.parametrize("value, unit, qualifier, zh, en", [
    # the examples: 总人口24万人, 1.9万名, 累计产蛋9.4亿枚, 日产170余万枚
    (240000, "people", "exact", "24万人", "240,000 people"),
    (19000, "people", "exact", "1.9万人", "19,000 people"),
    (940000000, "count", "exact", "9.4亿", "940 million"),
    (1700000, "count", "more_than", "170余万", "more than 1.7 million"),
    (12345, "people", "exact", "1.2345万人", "12,345 people"),
    (6516000000, "count", "exact", "65.16亿", "6.516 billion"),
    (9999, "people", "exact", "9999人", "9,999 people"),
    (15000, "people", "more_than", "超过1.5万人", "more than 15,000 people"),
    (3933, "square_km", "exact", "3933平方公里", "3,933 km²"),
    (1183000, "square_km", "exact", "118.3万平方公里", "1.183 million km²"),
    (30000, "cubic_m", "exact", "3万立方米", "30,000 m³"),
    (980, "households", "more_than", "超过980户", "more than 980 households"),
    (90, "percent", "more_than", "超过90%", "more than 90%"),
])
def test_counts_and_measures_as_readers_write_them(value, unit, qualifier, zh, en):
    assert format_quantity(Decimal(value), unit, "zh", LABELS["zh"], qualifier) == zh
    assert format_quantity(Decimal(value), unit, "en", LABELS["en"], qualifier) == en


@pytest.mark.parametrize("value, unit, zh, en", [
    (456540000, "yuan", "4.57亿元", "CNY 457 million"),
    (654273000, "yuan", "6.54亿元", "CNY 654 million"),
    (199150000, "yuan", "1.99亿元", "CNY 199 million"),
    (16245000, "yuan", "1625万元", "CNY 16.2 million"),
    (6350, "people", "6350人", "6,350 people"),
    (123456, "people", "12.3万人", "123,456 people"),
    (2345678, "people", "235万人", "2.35 million people"),
])
def test_computed_totals_are_rounded_for_reading(value, unit, zh, en):
    assert format_quantity(Decimal(value), unit, "zh", LABELS["zh"], rounded=True) == zh
    assert format_quantity(Decimal(value), unit, "en", LABELS["en"], rounded=True) == en


def test_a_rounded_total_keeps_its_qualifier():
    assert format_amount(Decimal(654273000), "zh", LABELS["zh"], "about", rounded=True) == "约6.54亿元"
    assert format_amount(Decimal(654273000), "en", LABELS["en"], "about", rounded=True) == "about CNY 654 million"


@pytest.mark.parametrize("stored, zh, en", [
    ("2018", "2018年", "2018"),
    ("2018-08", "2018年8月", "August 2018"),
    ("2019-04-18", "2019年4月18日", "18 April 2019"),
])
def test_dates_keep_their_precision(stored, zh, en):
    date = PartialDate.parse(stored)
    assert format_date(date, "zh", LABELS["zh"]) == zh
    assert format_date(date, "en", LABELS["en"]) == en


def test_partial_dates_sort_year_first_then_month_then_day():
    dates = [PartialDate.parse(d) for d in ["2018-08-01", "2019", "2018-08", "2018", "2018-01-31"]]
    assert [str(d) for d in sorted(dates)] == ["2018", "2018-01-31", "2018-08", "2018-08-01", "2019"]


@pytest.mark.parametrize("bad", ["2018-13", "2018-13-45", "2019-02-29", "18-08", "2018/08"])
def test_impossible_dates_are_refused(bad):
    with pytest.raises(ValueError):
        PartialDate.parse(bad)


def test_both_catalogues_have_the_same_labels():
    # English alone has singular forms (key.one); Chinese alone writes 170余万 for "more than 1.7 million".
    english_only = {key for key in LABELS["en"].entries if key.endswith(".one")}
    chinese_only = {"qualifier.more_than_whole"}
    assert set(LABELS["zh"].entries) - chinese_only == set(LABELS["en"].entries) - english_only
    assert all(key.removesuffix(".one") in LABELS["en"].entries for key in english_only)


@pytest.mark.parametrize("n, zh, en", [
    (1, "为本站1个给出数字的单个项目之和。", "From the one individual project on this site that gives a figure."),
    (16, "为本站16个给出数字的单个项目之和。", "Sums over the 16 individual projects on this site that give a figure."),
])
def test_a_count_takes_its_languages_plural_form(n, zh, en):
    assert LABELS["zh"].format("county.totals_note", n=n) == zh
    assert LABELS["en"].format("county.totals_note", n=n) == en
    assert LABELS["en"].get("home.testimonies_count", n=n) == ("account" if n == 1 else "accounts")
    assert LABELS["en"].format("problems.count", n=n) == ("1 problem" if n == 1 else f"{n} problems")


@pytest.mark.parametrize("typed, typeset", [
    ("人口24万。 这里是丘陵山区", "人口24万。这里是丘陵山区"),  # a folded YAML line break
    ("特约记者 张景华 高平 董城", "特约记者 张景华 高平 董城"),  # spaces parting names stay
    ('昌平区出资实施"我在草原有只羊"项目', "昌平区出资实施“我在草原有只羊”项目"),
    ("订阅新讲述（Atom 源）", "订阅新讲述（Atom 源）"),  # a space beside Latin letters stays
])
def test_chinese_text_is_typeset_as_chinese(typed, typeset):
    assert chinese_text(typed) == typeset


def test_at_least_keeps_the_source_wording():
    assert format_quantity(Decimal(30), "percent", "zh", LABELS["zh"], "at_least") == "不低于30%"
    assert format_quantity(Decimal(30), "percent", "en", LABELS["en"], "at_least") == "at least 30%"


def test_areas_in_square_metres_and_about_ten_thousand_mu():
    assert format_quantity(Decimal("66.15"), "square_m", "zh", LABELS["zh"]) == "66.15平方米"
    assert format_quantity(Decimal("66.15"), "square_m", "en", LABELS["en"]) == "66.15 m²"
    assert format_quantity(Decimal(10000), "mu", "zh", LABELS["zh"], "about") == "约1万亩"
    assert format_quantity(Decimal(10000), "mu", "en", LABELS["en"], "about") == "about 10,000 mu"
