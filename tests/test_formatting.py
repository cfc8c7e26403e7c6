"""Figures and dates as each language writes them (examples from the issue)."""
from decimal import Decimal

import pytest

from archive.dates import PartialDate
from archive.formatting import format_amount, format_date, format_quantity
from archive.labels import Labels
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
    assert format_amount(Decimal(6000000), "zh", LABELS["zh"], "more_than") == "超过600万元"
    assert format_amount(Decimal(6000000), "en", LABELS["en"], "more_than") == "more than CNY 6 million"
    assert format_amount(Decimal(1000000), "en", LABELS["en"], "nearly") == "nearly CNY 1 million"


def test_people_are_counted_in_each_language():
    assert format_quantity(Decimal(6250), "people", "zh", LABELS["zh"]) == "6250人"
    assert format_quantity(Decimal(6250), "people", "en", LABELS["en"]) == "6,250 people"
    assert format_quantity(Decimal(1), "people", "en", LABELS["en"]) == "1 person"
    assert format_quantity(Decimal(1877), "person_times", "zh", LABELS["zh"]) == "1877人次"


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
    assert set(LABELS["zh"].entries) - {"unit.people.one", "unit.households.one"} == \
        set(LABELS["en"].entries) - {"unit.people.one", "unit.households.one"}


def test_at_least_keeps_the_source_wording():
    assert format_quantity(Decimal(30), "percent", "zh", LABELS["zh"], "at_least") == "不低于30%"
    assert format_quantity(Decimal(30), "percent", "en", LABELS["en"], "at_least") == "at least 30%"


def test_areas_in_square_metres_and_about_ten_thousand_mu():
    assert format_quantity(Decimal("66.15"), "square_m", "zh", LABELS["zh"]) == "66.15平方米"
    assert format_quantity(Decimal("66.15"), "square_m", "en", LABELS["en"]) == "66.15 m²"
    assert format_quantity(Decimal(10000), "mu", "zh", LABELS["zh"], "about") == "约10000亩"
    assert format_quantity(Decimal(10000), "mu", "en", LABELS["en"], "about") == "about 10,000 mu"
