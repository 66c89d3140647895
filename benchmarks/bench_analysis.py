"""Cost of the whole analysis against place extraction alone, on the sample article.

    PYTHONPATH=. python benchmarks/bench_analysis.py [--repeat N]

Place extraction is the place stage of the pipeline (``geo.pipeline.find_places``:
recognition, resolution, metonymy, descriptions and anaphors: what ``newsmap places`` and
``newsmap batch`` show); the whole analysis adds claims, time expressions, events and
journeys. The target is a
whole analysis within 2x the time of place extraction alone. Both are timed in this process
on the same text, best of N runs after a warm-up.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from timing import best_of

import geo
from geo.pipeline import find_places

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=60)
    args = parser.parse_args()
    text = (ROOT / "data" / "article.txt").read_text(encoding="utf-8")
    gazetteer = geo.load_gazetteer()

    def places() -> object:
        return find_places(text, gazetteer)

    def whole() -> object:
        return geo.analyze(text, gazetteer, published=date(2023, 9, 12))

    t_places, t_whole = best_of(args.repeat, places, whole)
    analysis = geo.analyze(text, gazetteer, published=date(2023, 9, 12))
    print(f"sample article: {len(text):,} characters, {len(analysis.mentions)} mentions, "
          f"{len(analysis.events)} events, {len(analysis.claims)} claims, "
          f"{len(analysis.journeys)} journeys")  # fmt: skip
    print(f"place extraction alone  {1000 * t_places:8.2f} ms  (best of {args.repeat})")
    print(f"whole analysis          {1000 * t_whole:8.2f} ms")
    ratio = t_whole / t_places
    print(
        f"ratio whole / places    {ratio:8.2f}x   target <= 2x: {'met' if ratio <= 2 else 'MISSED'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
