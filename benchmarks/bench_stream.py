"""Memory and speed of the streamed ``newsmap batch``: peak memory does not grow with the feed.

    PYTHONPATH=. python benchmarks/bench_stream.py [--big-mb 200] [--articles 200]

Memory: two generated feeds, a small one (2 MB) and a big one (200 MB), each run through
``python -m geo batch`` in its own process; the peak resident size of each (``wait4``'s
``ru_maxrss``) and their ratio are printed. A streamed batch gives a ratio near 1; one that
reads the whole feed, or keeps its results, grows with it (100x the feed). Of every 100 lines,
one is a real article (a paragraph of ``data/article.txt``) and 99 are records that cannot be
analysed (a number for ``"text"``, with 1 kB of padding): they cost a JSON parse and an error
result each, so 200 MB runs in about a minute, yet the feed is as large as said.

Speed: ``--articles`` real records (three paragraphs of the sample article each) through
``newsmap batch --events --claims`` with 1 and 2 worker processes, wall time including the
start (loading the gazetteer), as articles a second.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "article.txt"
PAD = "x" * 1000  # an unusable record's padding: a line of about 1 kB


def _paragraphs() -> list[str]:
    return [p for p in SAMPLE.read_text(encoding="utf-8").split("\n") if p.strip()]


def _write_feed(path: Path, size_bytes: int) -> int:
    paragraphs = _paragraphs()
    lines = 0
    with path.open("w", encoding="utf-8") as out:
        while out.tell() < size_bytes:
            if lines % 100 == 0:
                record = {"id": f"a{lines}", "text": paragraphs[lines // 100 % len(paragraphs)]}
            else:
                record = {"id": f"x{lines}", "text": lines, "pad": PAD}
            out.write(json.dumps(record) + "\n")
            lines += 1
    return lines


def _run(feed: Path, out: Path, *extra: str) -> tuple[float, int]:
    """Wall seconds and peak resident kB of one ``newsmap batch`` process."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "geo", "batch", str(feed), "-o", str(out), "--no-progress", *extra],
        cwd=ROOT,
    )
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"newsmap batch failed with status {child.returncode}")
    return time.perf_counter() - start, usage.ru_maxrss  # kB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small-mb", type=float, default=2)
    parser.add_argument("--big-mb", type=float, default=200)
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-stream-") as folder:
        tmp = Path(folder)
        peaks = {}
        for name, mb in (("small", args.small_mb), ("big", args.big_mb)):
            feed = tmp / f"{name}.jsonl"
            lines = _write_feed(feed, int(mb * 1_000_000))
            seconds, peak_kb = _run(feed, tmp / f"{name}.out.jsonl")
            peaks[name] = peak_kb
            size = feed.stat().st_size / 1e6
            print(f"{name}: {size:,.0f} MB, {lines:,} lines, {seconds:.1f} s, "
                  f"peak RSS {peak_kb / 1024:,.0f} MB")  # fmt: skip
            feed.unlink()
        print(f"peak RSS big/small: {peaks['big'] / peaks['small']:.2f} "
              f"(feed {args.big_mb / args.small_mb:.0f}x larger)")  # fmt: skip

        paragraphs = _paragraphs()
        feed = tmp / "articles.jsonl"
        with feed.open("w", encoding="utf-8") as out:
            for n in range(args.articles):
                text = " ".join(paragraphs[n % len(paragraphs) :][:3])
                out.write(json.dumps({"id": str(n), "text": text}) + "\n")
        for workers in (1, 2):
            seconds, _ = _run(feed, tmp / "a.out.jsonl", "--events", "--claims",
                              "--workers", str(workers))  # fmt: skip
            print(f"{workers} process(es): {args.articles / seconds:,.1f} articles/s "
                  f"({args.articles} articles in {seconds:.1f} s, start included)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
