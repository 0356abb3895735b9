"""Convert Natural Earth's 1:110m countries into the world map's data file (run once).

Source: the Natural Earth "Admin 0 – Countries" layer at 1:110m (version 5.x),
public domain (https://www.naturalearthdata.com/about/terms-of-use/), as shipped
inside the geopandas 0.14.4 wheel on PyPI (``geopandas/datasets/naturalearth_lowres``,
with the companion ``naturalearth_cities`` layer of populated places). The
wheel is read as a zip file; nothing is fetched by this script.

    pip download --no-deps geopandas==0.14.4 -d /tmp/ne
    pip install pyshp
    python scripts/make_world_map.py /tmp/ne/geopandas-0.14.4-py3-none-any.whl

Writes ``src/diplograph/web/data/world_110m.json``: every country as one SVG
path, already projected (Equal Earth, the map's own projection), keyed by the
actor code diplograph uses (ISO 3166-1 alpha-3, SPEC §2), plus a dot for each
state of the actor registry that is too small to have a shape at this scale
(Bahrain, Singapore…), placed at its capital from the populated-places layer.
"""

from __future__ import annotations

import csv
import io
import json
import math
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "diplograph" / "web" / "data" / "world_110m.json"
REGISTRY = ROOT / "src" / "diplograph" / "actors" / "data" / "countries.csv"
LAYER = "geopandas/datasets/{name}/{name}"
WIDTH = 1000.0
#: Shapes whose Natural Earth code differs from diplograph's (SPEC §2): Kosovo has
#: none (-99) and is XKX; breakaway regions without a code of their own fold into
#: the state that claims them. Other territories (Greenland, W. Sahara…) keep theirs.
BY_NAME = {"Kosovo": "XKX", "Somaliland": "SOM", "N. Cyprus": "CYP"}
FOLDED = {"Somaliland", "N. Cyprus"}
#: Capitals under another name in the populated-places layer than in the registry
#: (or not in the registry at all), for the dots of small states.
CAPITALS = {"AND": "Andorra", "ATG": "Saint John's", "COM": "Moroni", "GRD": "Saint George's",
            "MDV": "Malé", "PLW": "Melekeok", "STP": "São Tomé", "SYC": "Victoria",
            "VAT": "Vatican City"}  # fmt: skip
#: Not a state and a third of the picture's height: left out.
DROP = {"ATA"}

# Equal Earth (Šavrič, Patterson, Jenny 2018), the published polynomial.
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """Longitude and latitude in degrees to Equal Earth x, y (unit sphere)."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


X_MAX = equal_earth(180, 0)[0]
Y_MAX = equal_earth(0, 90)[1]
SCALE = WIDTH / (2 * X_MAX)


def to_svg(lon: float, lat: float) -> tuple[float, float]:
    """Projected, scaled and flipped so that north is up and (0, 0) is the top left."""
    x, y = equal_earth(lon, lat)
    return round((x + X_MAX) * SCALE, 1), round((Y_MAX - y) * SCALE, 1)


def ring_path(points: list[tuple[float, float]]) -> str:
    """One closed ring as SVG path commands, repeated points dropped."""
    out: list[str] = []
    last = None
    for lon, lat in points:
        xy = to_svg(lon, lat)
        if xy != last:
            out.append(f"{xy[0]:g},{xy[1]:g}")
            last = xy
    if len(out) < 3:
        return ""
    return "M" + "L".join(out) + "Z"


def shape_path(shape) -> str:  # a pyshp Shape
    """All rings of a (multi)polygon as one path (holes render by the even-odd rule)."""
    parts = list(shape.parts) + [len(shape.points)]
    rings = [shape.points[a:b] for a, b in zip(parts, parts[1:], strict=False)]
    return "".join(ring_path(r) for r in rings)


def reader(wheel: zipfile.ZipFile, name: str):
    """A pyshp Reader over one layer inside the wheel."""
    import shapefile  # pyshp

    base = LAYER.format(name=name)
    files = {ext: io.BytesIO(wheel.read(f"{base}.{ext}")) for ext in ("shp", "shx", "dbf")}
    encoding = wheel.read(f"{base}.cpg").decode("ascii").strip()  # the layer's code page
    return shapefile.Reader(shp=files["shp"], shx=files["shx"], dbf=files["dbf"],
                            encoding=encoding)  # fmt: skip


def countries(wheel: zipfile.ZipFile) -> dict[str, dict[str, str]]:
    """Code → name and path, shapes of one code (a folded region) joined."""
    layer = reader(wheel, "naturalearth_lowres")
    fields = [f[0] for f in layer.fields[1:]]
    out: dict[str, dict[str, str]] = {}
    for rec, shape in zip(layer.records(), layer.shapes(), strict=True):
        row = dict(zip(fields, rec, strict=True))
        code = BY_NAME.get(row["name"], row["iso_a3"])
        if len(code) != 3 or not code.isalpha():
            raise SystemExit(f"no code for {row['name']!r} ({code}): add it to BY_NAME")
        if code in DROP:
            continue
        entry = out.setdefault(code, {"code": code, "name": row["name"], "d": ""})
        entry["d"] += shape_path(shape)
        if row["name"] not in FOLDED:
            entry["name"] = row["name"]
    return out


def markers(wheel: zipfile.ZipFile, shaped: set[str]) -> list[dict[str, object]]:
    """A dot at the capital of each registry state that has no shape at 1:110m."""
    layer = reader(wheel, "naturalearth_cities")
    fields = [f[0] for f in layer.fields[1:]]
    cities = {}
    for rec, shape in zip(layer.records(), layer.shapes(), strict=True):
        cities[dict(zip(fields, rec, strict=True))["name"]] = shape.points[0]
    out = []
    with REGISTRY.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            named = [CAPITALS.get(row["code"]), (row["metonyms"] or "").split("|")[0], row["name"]]
            capital = next((c for c in named if c in cities), None)
            if row["code"] in shaped or capital is None:
                continue
            x, y = to_svg(*cities[capital])
            out.append({"code": row["code"], "name": row["name"], "x": x, "y": y})
    return sorted(out, key=lambda m: m["code"])


def main(wheel_path: str) -> None:
    """Read the wheel, write the map's data file."""
    with zipfile.ZipFile(wheel_path) as wheel:
        shapes = countries(wheel)
        dots = markers(wheel, set(shapes))
    data = {
        "source": "Natural Earth 1:110m Admin 0 - Countries (naturalearthdata.com), as "
        "shipped in the geopandas 0.14.4 wheel (datasets/naturalearth_lowres); capitals "
        "of small states from its naturalearth_cities layer",
        "licence": "public domain (Natural Earth terms of use)",
        "projection": "Equal Earth",
        "width": WIDTH,
        "height": round(2 * Y_MAX * SCALE, 1),
        "countries": sorted(shapes.values(), key=lambda c: c["code"]),
        "markers": dots,
    }
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
                      encoding="utf-8")  # fmt: skip
    print(f"wrote {TARGET}: {len(shapes)} countries, {len(dots)} dots, "
          f"{TARGET.stat().st_size:,} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(sys.argv[1])
