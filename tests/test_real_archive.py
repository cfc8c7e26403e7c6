"""The real archive: valid in strict mode, and its coverage lists auditable against the articles."""
import re
import unicodedata

import pytest
import yaml

from archive.archive import build_archive
from sitebuild import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def archive():
    return build_archive(ROOT)


def test_every_record_and_account_exists_in_both_languages(archive):
    assert archive.gaps == []


def test_the_three_counties_and_beijing_are_there_with_their_partners(archive):
    for county_id, district in (("linxi", "Fengtai"), ("jalaid", "Fengtai"), ("taibus", "Changping")):
        county = archive.counties[county_id]
        assert any(district in pairing.district.en for pairing in county.pairings), county_id
        assert archive.projects_of(county_id) and archive.testimonies_of(county_id), county_id
    assert archive.counties["beijing"].kind == "programme"


def test_each_article_is_cited_and_has_a_coverage_list(archive):
    covered = {loaded.record.article for loaded in archive.coverage}
    assert covered == set(archive.sources)
    for source in archive.sources:
        assert sum(len(v) for v in archive.citations_of(source).values()) > 0, source


def _plain(text: str) -> str:
    """Text without spaces or punctuation: the scans mix full-width and ASCII punctuation."""
    return "".join(ch for ch in text if not (ch.isspace() or unicodedata.category(ch).startswith("P")))


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the source articles are not at {SEEDS}")
def test_coverage_passages_are_quoted_from_their_article():
    for path in sorted((ROOT / "data" / "coverage").glob("*.yaml")):
        coverage = yaml.safe_load(path.read_text(encoding="utf-8"))
        article = _plain((SEEDS / coverage["article"]).read_text(encoding="utf-8"))
        for passage in coverage["passages"]:
            fragments = [_plain(part) for part in re.split(r"……|\.\.\.|…", passage["passage"]) if _plain(part)]
            assert all(fragment in article for fragment in fragments), (path.name, passage["passage"])
