"""Time of the whole analysis on adversarial text, at two lengths, against a realistic baseline.

    PYTHONPATH=. python benchmarks/bench_adversarial.py [--repeat N] [--small CHARS]
                                                        [--only NAME ...]

Each pattern of ``tests/adversarial.py`` ("Mr. Kim " repeated, runs of spaces, capitalised
words without punctuation, a gap of skippable words after a verb ...) is cut to ``--small``
characters and to ten times that, and analysed with ``geo.analyze``. The growth ratio (large
time / small time) is 10 where the analysis is linear; ``tests/test_linear_time.py`` fails
above 15 (up to 20 where the next doubling, to 200,000 characters, is linear). The last column
compares the large time with the realistic baseline's (an ordinary news sentence, repeated) at
the same length in the same run: how much more an input shaped to hurt costs than an article of
that length. Times are the best of N runs after a warm-up."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from timing import best_of

import geo
from tests.adversarial import BASELINE, PATTERNS, make

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = date(2023, 9, 12)  # relative dates ("on Monday") need one to be resolved
IDEAL = 10  # the growth of a linear analysis between the two lengths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--small", type=int, default=10_000, help="characters (default 10,000)")
    parser.add_argument("--only", nargs="*", default=None, help="patterns to time")
    args = parser.parse_args()
    gazetteer = geo.load_gazetteer()
    sample = (ROOT / "data" / "article.txt").read_text(encoding="utf-8")
    geo.analyze(sample, gazetteer, published=PUBLISHED)  # warm the caches

    def timed(text: str) -> float:
        return best_of(args.repeat, lambda: geo.analyze(text, gazetteer, published=PUBLISHED))[0]

    small, large = args.small, IDEAL * args.small
    # the baseline first: every other pattern is compared with it
    names = [BASELINE, *(n for n in PATTERNS if n != BASELINE and n in (args.only or PATTERNS))]
    print(f"whole analysis, best of {args.repeat} after a warm-up; "
          f"{small:,} and {large:,} characters")  # fmt: skip
    print(f"{'pattern':28} {'small s':>9} {'large s':>9} {'growth':>8} {'vs baseline':>12}")
    baseline = 0.0
    worst = ("", 0.0)
    for name in names:
        t_small, t_large = timed(make(name, small)), timed(make(name, large))
        baseline = baseline or t_large
        growth = t_large / t_small
        worst = max(worst, (name, growth), key=lambda w: w[1])
        print(f"{name:28} {t_small:9.3f} {t_large:9.3f} {growth:7.1f}x {t_large / baseline:11.1f}x")
    print(f"largest growth: {worst[0]} {worst[1]:.1f}x "
          f"(linear is {IDEAL}x; tests/test_linear_time.py fails above 15x)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
