"""Throughput of the batch runner with events and claims, against the place stage alone.

    PYTHONPATH=. python benchmarks/bench_batch.py [--corpus FILE] [--repeat N]

Each record of the corpus (JSON Lines with "id" and "text", by default the development set
``../shared/eval/dev-news.jsonl``) goes through ``geo.batch.process_record`` and
``result_line`` in this process, on one core: first the place stage alone (what ``newsmap
batch`` does without flags, the baseline), then with ``--events --claims``. The target is at
least 100 articles a second with events and claims. The two runs alternate, best of N passes
after a warm-up, so that drift in the machine's speed hits both alike; the ratio is what to
compare between machines.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from timing import best_of

import geo
from geo.batch import process_record, result_line

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "eval" / "dev-news.jsonl"
TARGET = 100.0  # articles a second with events and claims, on one core


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not args.corpus.exists():
        parser.error(f"{args.corpus} not found: give a JSON Lines file with --corpus")
    records = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines()]
    gazetteer = geo.load_gazetteer()

    def places() -> object:
        return [result_line(process_record(r, gazetteer)) for r in records]

    def everything() -> object:
        return [
            result_line(process_record(r, gazetteer, events=True, claims=True)) for r in records
        ]

    t_places, t_all = best_of(args.repeat, places, everything)
    rate_places, rate_all = len(records) / t_places, len(records) / t_all
    met = "met" if rate_all >= TARGET else "NOT met"
    print(f"{len(records)} records of {args.corpus.name}, one process, best of {args.repeat}")
    print(f"places only (baseline)      {rate_places:7.1f} articles/s")
    print(f"with --events --claims      {rate_all:7.1f} articles/s   target >= {TARGET:.0f}: {met}")
    print(f"ratio events+claims/places  {t_all / t_places:7.2f}x time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
