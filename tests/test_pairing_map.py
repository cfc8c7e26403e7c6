"""The pairing map's geometry: outlines from the data package, projected, thinned and named
without a name cut or covering another."""
from __future__ import annotations

import re
from types import SimpleNamespace
from pathlib import Path

import pytest

from archive.archive import build_archive
from archive.labels import Labels
from archive.models import Text
from archive.outlines import area, contains, simplify
from archive.pairing_map import TOLERANCE, _shapes, load_places, pairing_map

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "overrides" / "archive"
PAIRED = {"linxi", "jalaid", "taibus"}


@pytest.fixture(scope="module")
def archive():
    return build_archive(ROOT)


def drawn(archive, lang: str):
    return pairing_map(archive, load_places(TEMPLATES), Labels.load(TEMPLATES, lang), lang)


def rings(d: str) -> list:
    """An SVG path of M…Z subpaths back into closed rings of points."""
    return [[tuple(map(float, pair.split(","))) for pair in sub.split()] + [tuple(map(float, sub.split()[0].split(",")))]
            for sub in re.findall(r"M([^MZ]+)Z", d)]


def distance_to_edge(polygons, point) -> float:
    px, py = point
    best = float("inf")
    for polygon in polygons:
        for ring in polygon:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
                dx, dy = x2 - x1, y2 - y1
                t = max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy or 1)))
                best = min(best, ((x1 + t * dx - px) ** 2 + (y1 + t * dy - py) ** 2) ** 0.5)
    return best


def test_the_paired_counties_lie_inside_the_region_and_beijing_south_east_of_taibus(archive):
    pairing = drawn(archive, "en")
    region = [[ring] for ring in rings(pairing.region.d)]
    counties = {county.key: county for county in pairing.counties}
    assert PAIRED <= set(counties)
    for key in PAIRED:
        assert contains(region, (counties[key].x, counties[key].y)), key
        # A point on a border the county shares with the region's edge may fall either side of
        # it, by no more than the two outlines' simplification.
        strays = [point for ring in rings(counties[key].d) for point in ring
                  if not contains(region, point) and distance_to_edge(region, point) > 2 * TOLERANCE]
        assert not strays, (key, strays)
    beijing = pairing.partner
    assert not contains(region, (beijing.x, beijing.y))
    assert beijing.x > counties["taibus"].x and beijing.y > counties["taibus"].y  # SVG's y grows southward
    assert counties["jalaid"].x > counties["linxi"].x and counties["jalaid"].y < counties["linxi"].y


def test_the_districts_lie_in_beijing_and_link_to_their_counties(archive):
    pairing = drawn(archive, "zh")
    beijing = [[ring] for ring in rings(pairing.partner.d)]
    assert {district.key for district in pairing.districts} == {"fengtai", "changping"}
    for district in pairing.districts:
        assert contains(beijing, (district.x, district.y)), district.key
    assert sorted((d.key, c.key) for d, c in pairing.links) == [
        ("changping", "taibus"), ("fengtai", "jalaid"), ("fengtai", "linxi")]
    assert {c.key for c in pairing.counties if c.paired} == PAIRED
    assert "lhasa" not in {c.key for c in pairing.counties}  # outside the region: not drawn
    names = {d.key: d.name for d in pairing.districts}
    assert names == {"fengtai": "丰台区", "changping": "昌平区"}
    assert drawn(archive, "en").region.name == "Inner Mongolia"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_names_stay_inside_the_drawing_and_apart(archive, lang):
    pairing = drawn(archive, lang)
    areas = [*pairing.counties, *pairing.districts, pairing.region, pairing.partner]
    boxes = [area.label.box for area in areas]
    for area_, (left, top, right, bottom) in zip(areas, boxes):
        assert 0 <= left and right <= pairing.width and 0 <= top and bottom <= pairing.height, area_.key
    for i, a in enumerate(boxes):
        for j, b in enumerate(boxes[i + 1:], i + 1):
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (areas[i].key, areas[j].key)


def test_the_outlines_are_small_non_empty_and_the_same_every_build(archive):
    first = drawn(archive, "en")
    _shapes.cache_clear()
    again = drawn(archive, "en")
    assert first == again
    paths = [first.region.d, first.partner.d] + [a.d for a in first.counties + first.districts]
    assert all(d.startswith("M") and d.endswith("Z") and len(rings(d)[0]) >= 4 for d in paths)
    assert sum(map(len, paths)) < 25_000  # of the ~30 KB a page's map may weigh
    # Beijing drawn large enough to hold its two districts visibly on a phone.
    xs = [x for ring in rings(first.partner.d) for x, _ in ring]
    assert max(xs) - min(xs) > 30


def test_simplify_keeps_corners_and_drops_what_a_reader_cannot_see():
    square = [(0, 0), (5, 0.01), (10, 0), (10, 10), (0, 10), (0, 0)]
    assert simplify(square, 0.5) == [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]
    wiggly = [(x / 10, (x % 2) * 0.05) for x in range(101)] + [(10, 5), (0, 5), (0, 0)]
    thinned = simplify(wiggly, 0.5)
    assert len(thinned) <= 6 and abs(area(thinned) - area(wiggly)) < 0.5


def test_a_county_the_package_does_not_know_is_left_off_and_a_map_of_none_is_not_drawn(archive):
    known = archive.counties["linxi"]
    unknown = known.model_copy(update={"id": "nowhere", "name": Text(zh="无此县", en="Nowhere County")})
    places, labels = load_places(TEMPLATES), Labels.load(TEMPLATES, "en")
    pairing = pairing_map(SimpleNamespace(counties={"linxi": known, "nowhere": unknown}), places, labels, "en")
    assert [county.key for county in pairing.counties] == ["linxi"]
    assert pairing_map(SimpleNamespace(counties={"nowhere": unknown}), places, labels, "en") is None
