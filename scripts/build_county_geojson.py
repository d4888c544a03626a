"""Build California's county shapes and the county fixture from us-atlas.

us-atlas (npm, ISC licence) packages the U.S. Census Bureau's cartographic
boundary files as TopoJSON. This script decodes its counties-10m.json, keeps
California (state FIPS 06), and writes:

- static/geo/california-counties.geojson: the shapes the maps draw, so that no
  map needs a request to another origin;
- fixtures/reference/counties.json: the 58 counties with FIPS code, slug and centroid.

Usage: `make geojson` (fetches us-atlas with npm), or
       python scripts/build_county_geojson.py path/to/counties-10m.json
"""

import itertools
import json
import sys
import uuid
from pathlib import Path

from django.utils.text import slugify

ROOT = Path(__file__).resolve().parent.parent
GEOJSON_OUT = ROOT / "static" / "geo" / "california-counties.geojson"
FIXTURE_OUT = ROOT / "fixtures" / "reference" / "counties.json"
# Fixed ids make the fixture idempotent: loading it again changes nothing, and a
# county keeps its exported uuid across databases.
UUID_NAMESPACE = uuid.UUID("6f1c3e0a-3b9e-4d1e-9a51-ca0000000000")
PRECISION = 4  # about 10 m: plenty for a county outline, and a small file


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry: dict, arcs: list) -> list[list[list[tuple[float, float]]]]:
    if geometry["type"] == "Polygon":
        return [[ring(arcs, r) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring(arcs, r) for r in polygon] for polygon in geometry["arcs"]]
    raise ValueError(f"unexpected geometry {geometry['type']}")


def signed_area_and_centroid(points: list[tuple[float, float]]) -> tuple[float, float, float]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    area /= 2
    if area == 0:
        return 0.0, points[0][0], points[0][1]
    return area, cx / (6 * area), cy / (6 * area)


def centroid(shapes: list) -> tuple[float, float]:
    """Area-weighted centroid of the outer rings (islands count by their area)."""
    total = sx = sy = 0.0
    for shape in shapes:
        area, x, y = signed_area_and_centroid(shape[0])
        total += abs(area)
        sx += x * abs(area)
        sy += y * abs(area)
    return sx / total, sy / total


def rounded(shapes: list) -> list:
    return [
        [[[round(x, PRECISION), round(y, PRECISION)] for x, y in r] for r in shape]
        for shape in shapes
    ]


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    features, fixture = [], []
    geometries = topology["objects"]["counties"]["geometries"]
    california = sorted((g for g in geometries if g["id"].startswith("06")), key=lambda g: g["id"])
    for geometry in california:
        name = geometry["properties"]["name"]
        slug = slugify(name)
        shapes = polygons(geometry, arcs)
        lng, lat = centroid(shapes)
        features.append(
            {
                "type": "Feature",
                "id": geometry["id"],
                "properties": {"fips": geometry["id"], "name": name, "slug": slug},
                "geometry": {"type": "MultiPolygon", "coordinates": rounded(shapes)},
            }
        )
        fixture.append(
            {
                "model": "core.county",
                "fields": {
                    "uuid": str(uuid.uuid5(UUID_NAMESPACE, f"county:{geometry['id']}")),
                    "name": name,
                    "slug": slug,
                    "fips": geometry["id"],
                    "latitude": f"{lat:.6f}",
                    "longitude": f"{lng:.6f}",
                },
            }
        )
    GEOJSON_OUT.parent.mkdir(parents=True, exist_ok=True)
    collection = {
        "type": "FeatureCollection",
        "attribution": "U.S. Census Bureau cartographic boundaries, via us-atlas (ISC)",
        "features": features,
    }
    GEOJSON_OUT.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    FIXTURE_OUT.write_text(json.dumps(fixture, indent=2) + "\n", encoding="utf-8")
    written = f"{GEOJSON_OUT.relative_to(ROOT)}, {FIXTURE_OUT.relative_to(ROOT)}"
    print(f"{len(features)} counties -> {written}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
