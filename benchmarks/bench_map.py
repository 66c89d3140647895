"""Rendering and exporting the sample article: time for each export and the HTML's size.

    PYTHONPATH=. python benchmarks/bench_map.py [--repeat N]

Each figure is the best of N runs after a warm-up (the first map build also simplifies the
country outlines once; that one-off cost is printed separately). The aim for the exported
HTML is under 1.5 MB. Static figures: bench_figure.py.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import date
from pathlib import Path

from timing import best_of

import geo
from geo.briefing import briefing_html
from geo.export import to_csv, to_geojson, to_kml
from geo.render import build_map, story_layers

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    text = (ROOT / "data" / "article.txt").read_text(encoding="utf-8")
    gazetteer = geo.load_gazetteer()
    analysis = geo.analyze(text, gazetteer, published=date(2023, 9, 12))
    start = time.perf_counter()
    page = briefing_html(analysis, gazetteer)
    first = time.perf_counter() - start
    rows = [
        (
            "analysis (for reference)",
            lambda: geo.analyze(text, gazetteer, published=date(2023, 9, 12)),
        ),
        ("folium map object", lambda: build_map(analysis, gazetteer)),
        ("  its story groups (app redraw)", lambda: story_layers(analysis, compact=True)),
        ("HTML briefing (map + panel)", lambda: briefing_html(analysis, gazetteer)),
        ("GeoJSON", lambda: json.dumps(to_geojson(analysis))),
        ("KML", lambda: to_kml(analysis)),
        ("CSV places", lambda: to_csv(analysis)),
    ]
    print(f"sample article, best of {args.repeat}; first HTML build {1000 * first:.0f} ms")
    for label, work in rows:
        print(f"  {label:30s} {1000 * best_of(args.repeat, work)[0]:8.1f} ms")
    size = len(page.encode("utf-8"))
    met = "met" if size < 1.5e6 else "MISSED"
    print(f"  {'HTML size':30s} {size / 1e6:8.2f} MB   aim < 1.5 MB: {met}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
