"""Static figures of the sample article: time and size of each format at each size, and the
time as a ratio of building the analysis in the same run.

    PYTHONPATH=. python benchmarks/bench_figure.py [--repeat N]

Each figure is the best of N runs after a warm-up (the first figure also simplifies the
country outlines once; that one-off cost is printed separately). The aim is a few seconds at
most; the Chromium screenshot this replaced took about 12 s.
"""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

from timing import best_of

import geo
from geo.report.figure import render_figure
from geo.report.presets import FigureFormat, FigureSize

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    text = (ROOT / "data" / "article.txt").read_text(encoding="utf-8")
    gazetteer = geo.load_gazetteer()
    published = date(2023, 9, 12)
    analysis = geo.analyze(text, gazetteer, published=published)
    start = time.perf_counter()
    render_figure(analysis, gazetteer, "png")
    print(f"first figure (outlines simplified once): {1000 * (time.perf_counter() - start):.0f} ms")
    (base,) = best_of(args.repeat, lambda: geo.analyze(text, gazetteer, published=published))
    print(f"analysis of the sample: {1000 * base:.1f} ms\n")
    print(f"{'size':8s} {'format':6s} {'time':>10s} {'x analysis':>11s} {'size':>9s}")
    for size in FigureSize:
        for fmt in FigureFormat:
            data = render_figure(analysis, gazetteer, fmt, size=size)
            (seconds,) = best_of(
                args.repeat, lambda s=size, f=fmt: render_figure(analysis, gazetteer, f, size=s)
            )
            print(f"{size.value:8s} {fmt.value:6s} {1000 * seconds:7.0f} ms {seconds / base:10.1f}x"
                  f" {len(data) / 1000:6.0f} kB")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
