"""Geometry of the pairing map: county seats and Beijing districts placed on a plane.

An equirectangular projection scaled by the cosine of the middle latitude is accurate enough
for a schematic map of a few hundred kilometres. Drawing is done by a template.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from .archive import Archive
from .strict_yaml import parse


@dataclass
class Place:
    key: str  # county id, or district key
    name: object  # a Text (county) or {zh, en} mapping (district)
    x: float
    y: float
    label: str = "right"  # which side of the point its name is written on
    dy: float = 0  # moves the name down (up if negative), in lines, to part names of nearby places


@dataclass
class PairingMap:
    width: int
    height: int
    counties: list[Place]
    districts: list[Place]
    links: list[tuple[Place, Place]]


def load_places(templates: Path) -> dict:
    return parse((Path(templates) / "map.yml").read_text(encoding="utf-8")).value


# Drawn small enough that a phone (about 360 px of column) shows it at three quarters of its
# size: labels of 17 units stay above 12 px there.
def pairing_map(archive: Archive, places: dict, width: int = 480, height: int = 480, margin: int = 40) -> PairingMap | None:
    seats = {cid: seat for cid, seat in places["seats"].items() if cid in archive.counties}
    if not seats:
        return None
    districts = places["districts"]
    points = list(seats.values()) + list(districts.values())
    middle = math.radians(sum(p["lat"] for p in points) / len(points))
    xs = [p["lon"] * math.cos(middle) for p in points]
    ys = [p["lat"] for p in points]
    scale = min((width - 2 * margin) / (max(xs) - min(xs) or 1), (height - 2 * margin) / (max(ys) - min(ys) or 1))
    # Centred: the places' extent fills one direction, the free space of the other is shared.
    left = (width - (max(xs) - min(xs)) * scale) / 2
    bottom = (height - (max(ys) - min(ys)) * scale) / 2

    def place(key, point, name, label="right", dy=0) -> Place:
        x = left + (point["lon"] * math.cos(middle) - min(xs)) * scale
        y = height - bottom - (point["lat"] - min(ys)) * scale
        return Place(key, name, round(x, 1), round(y, 1), label, dy)

    counties = [place(cid, seat, archive.counties[cid].name, seat.get("label", "right"), seat.get("dy", 0))
                for cid, seat in sorted(seats.items())]
    district_places = {key: place(key, d, d["name"], d.get("label", "right"), d.get("dy", 0))
                       for key, d in districts.items()}
    links = []
    for county in counties:
        for pairing in archive.counties[county.key].pairings:
            for key, district in districts.items():
                if district["match"] in (pairing.district.en or ""):
                    links.append((district_places[key], county))
    used = {district.key for district, _ in links}
    return PairingMap(width, height, counties, [d for k, d in district_places.items() if k in used], links)
