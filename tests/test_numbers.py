"""Nothing invented where a machine can tell: every number in a text field is a figure of the
same record or a number its article prints (万 and 亿, million and billion read as such)."""
import re
from decimal import Decimal

import pytest

from archive.archive import build_archive
from archive.models import Figure
from archive_texts import account_passages, record_passages
from sitebuild import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the source articles are not at {SEEDS}")

SCALES = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8, "million": Decimal(10) ** 6, "billion": Decimal(10) ** 9}
NUMBER = re.compile(r"(?<![A-Za-z0-9.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*[余多]?\s*(万|亿|million|billion)(?![a-z]))?")
# Names rather than quantities: article file names and numbers, Covid-19, plan periods.
NOT_A_NUMBER = re.compile(r"\d{3}_[0-9a-f]+\.txt|article \d{3}|文章\d{3}|\d{3}号文章|covid-19|\d+th five-year plan", re.I)


def numbers(text: str, as_written: bool = False) -> set[Decimal]:
    """Every number in `text`, scaled by the 万, 亿, million or billion after it; with
    `as_written`, also as printed (an article's 65.16亿 allows both 65.16 and 6516000000)."""
    found = set()
    for match in NUMBER.finditer(NOT_A_NUMBER.sub(" ", text)):
        value = Decimal(match.group(1).replace(",", "") + (match.group(2) or ""))
        if match.group(3):
            found.add((value * SCALES[match.group(3)]).normalize())
        if as_written or not match.group(3):
            found.add(value.normalize())
    return found


def figures_of(record) -> set[Decimal]:
    values = set()
    for name in type(record).model_fields:
        value = getattr(record, name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Figure):
                values.add(item.value.normalize())
    return values


def test_numbers_are_read_with_their_scale():
    assert numbers("投入1.44亿元，培训1877人次") == {Decimal("144000000"), Decimal("1877")}
    assert numbers("投入1.44亿元", as_written=True) == {Decimal("1.44"), Decimal("144000000")}
    assert numbers("CNY 6.516 billion for 1,739 cadres; see 003_d0d6c7d8a962a571.txt") == \
        {Decimal("6516000000"), Decimal("1739")}


def test_every_number_in_a_text_comes_from_a_figure_or_the_article():
    archive = build_archive(ROOT)
    articles = {path.name: numbers(path.read_text(encoding="utf-8"), as_written=True) for path in SEEDS.glob("*.txt")}
    unexplained = []
    for passage in [*record_passages(archive), *account_passages(archive)]:
        allowed = figures_of(passage.record) if passage.record is not None else set()
        for source in passage.sources:
            allowed |= articles.get(source, set())
        missing = sorted(n for n in numbers(passage.text) if n not in allowed)
        if missing:
            unexplained.append(f"{passage.where} ({passage.lang}): {', '.join(map(str, missing))}")
    assert not unexplained, f"{len(unexplained)} texts hold numbers found in no figure or article:\n" + "\n".join(unexplained)
