"""Project and simplify California's county shapes once, for the server-rendered SVG map.

Reads static/geo/california-counties.geojson and writes
organizations/data/county_shapes.json: a viewBox and one SVG path per county
slug, projected plate carrée with longitude scaled by the cosine of the
state's middle latitude (true enough in shape at this size), simplified with
Douglas-Peucker to about half a pixel. The pages only read the result, so no request projects
anything.

Usage: `make county-svg`, or python scripts/build_county_svg.py
"""

import json
import math
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEOJSON = ROOT / "static" / "geo" / "california-counties.geojson"
OUT = ROOT / "organizations" / "data" / "county_shapes.json"
WIDTH = 400
TOLERANCE = 0.6  # pixels
MIDDLE_LATITUDE = 37.2


def _distance_to_segment(point, start, end) -> float:
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return math.hypot(x - x1, y - y1)
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))


def simplify(points: list, tolerance: float) -> list:
    """Douglas-Peucker, iterative."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        index, furthest = None, tolerance
        for i in range(first + 1, last):
            distance = _distance_to_segment(points[i], points[first], points[last])
            if distance > furthest:
                index, furthest = i, distance
        if index is not None:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def main() -> None:
    features = json.loads(GEOJSON.read_text(encoding="utf-8"))["features"]
    rings_by_slug = {}
    for feature in features:
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"]
            if geometry["type"] == "MultiPolygon"
            else [geometry["coordinates"]]
        )
        rings_by_slug[feature["properties"]["slug"]] = [ring for poly in polygons for ring in poly]
    scale_x = math.cos(math.radians(MIDDLE_LATITUDE))
    all_points = [p for rings in rings_by_slug.values() for ring in rings for p in ring]
    min_x = min(lon * scale_x for lon, _lat in all_points)
    max_x = max(lon * scale_x for lon, _lat in all_points)
    min_lat = min(lat for _lon, lat in all_points)
    max_lat = max(lat for _lon, lat in all_points)
    factor = WIDTH / (max_x - min_x)
    height = math.ceil((max_lat - min_lat) * factor)
    shapes = {}
    for slug, rings in sorted(rings_by_slug.items()):
        parts = []
        for ring in rings:
            projected = [
                ((lon * scale_x - min_x) * factor, (max_lat - lat) * factor) for lon, lat in ring
            ]
            points = simplify(projected, TOLERANCE)
            if len(points) < 4:
                continue
            text = " ".join(f"{x:.1f} {y:.1f}" for x, y in points[:-1])
            parts.append(f"M{text}Z")
        shapes[slug] = "".join(parts)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps({"view_box": f"0 0 {WIDTH} {height}", "shapes": shapes}, indent=0) + "\n",
        encoding="utf-8",
    )
    print(f"{len(shapes)} counties written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
