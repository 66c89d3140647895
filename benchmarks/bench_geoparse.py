"""Speed and memory of the geoparser, measured against geotext in the same run.

What is measured, each for newsmap's geoparser (``geo.pipeline.find_places``, the place
stage that ``newsmap batch`` runs) and for geotext (``GeoText(text)``) on the
same documents, with the ratio newsmap/geotext and newsmap's target:

1. warm throughput: articles per second over the whole corpus, on one core, after a warm-up
   pass; the best of ``--repeat`` passes (target: at least 100 articles/s);
2. cold start: in a fresh interpreter, the wall time of the import, the gazetteer load and the
   first corpus document analysed; the median of 5 runs (target: at most 1.5 s);
3. peak memory: in a fresh interpreter, ``ru_maxrss`` after the import, the load and one pass
   over the whole corpus (target: at most 400 MB).

The gazetteer index is compiled, when missing, in a warm-up subprocess before anything is
timed; its build time is reported on its own line and is part of no figure.

Run from the repository root, with ``geo`` importable::

    PYTHONPATH=. python benchmarks/bench_geoparse.py [--corpus PATH] [--repeat N]

The default corpus is the development set ``../shared/eval/dev-news.jsonl`` beside the
repository (one JSON object a line, its ``text`` field is the document); without it, the
repository's ``data/article.txt`` is used as a one-document corpus. Standard library only,
apart from ``geo`` and ``geotext``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "eval" / "dev-news.jsonl"
FALLBACK_ARTICLE = REPO / "data" / "article.txt"

TARGET_THROUGHPUT = 100.0  # articles/s, at least
TARGET_COLD_START = 1.5  # seconds, at most
TARGET_PEAK_MB = 400.0  # MB (MiB), at most
COLD_RUNS = 5

# Per tool, the code a fresh interpreter runs: (import, load, analyse one ``text``).
SNIPPETS: dict[str, tuple[str, str, str]] = {
    "newsmap": (
        "import geo, geo.pipeline",
        "state = geo.load_gazetteer()",
        "geo.pipeline.find_places(text, state)",
    ),
    "geotext": ("from geotext import GeoText", "state = None", "GeoText(text)"),
}

# Cold start: the first document comes on stdin; prints [import, load, first] in seconds.
COLD_CHILD = """\
import json, sys, time
text = sys.stdin.read()
t0 = time.perf_counter()
{0}
t1 = time.perf_counter()
{1}
t2 = time.perf_counter()
{2}
t3 = time.perf_counter()
print(json.dumps([t1 - t0, t2 - t1, t3 - t2]))
"""

# Peak memory: every document comes on stdin as a JSON list; prints ru_maxrss in MiB.
MEMORY_CHILD = """\
import json, resource, sys
texts = json.load(sys.stdin)
{0}
{1}
for text in texts:
    {2}
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(rss / (1024 * 1024 if sys.platform == "darwin" else 1024))
"""

# Warm-up: compile the gazetteer index if it is missing; prints [built, seconds].
BUILD_CHILD = """\
import json, time
from geo.gazetteer import default_index_path, load_gazetteer
built = not default_index_path().is_file()
t0 = time.perf_counter()
load_gazetteer()
print(json.dumps([built, time.perf_counter() - t0]))
"""


def load_corpus(path: Path | None) -> tuple[list[str], str]:
    """The documents and a line saying where they come from."""
    if path is None:
        if DEFAULT_CORPUS.is_file():
            path = DEFAULT_CORPUS
        else:
            text = FALLBACK_ARTICLE.read_text(encoding="utf-8")
            note = f"data/{FALLBACK_ARTICLE.name}, one document ({DEFAULT_CORPUS.name} absent)"
            return [text], note
    if path.suffix != ".jsonl":
        return [path.read_text(encoding="utf-8")], f"{path} (one document)"
    with path.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    return texts, str(path)


def pin_to_one_core() -> str:
    """Pin this process (and the subprocesses it starts) to its first allowed CPU."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity on this platform)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu} (subprocesses inherit it)"


def run_child(code: str, stdin: str = "") -> Any:
    """Run ``code`` in a fresh interpreter and return the JSON it prints last."""
    done = subprocess.run(
        [sys.executable, "-c", code], input=stdin, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        sys.exit(f"benchmark subprocess failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def ensure_gazetteer() -> str:
    """Compile the index if needed, before any timing; say what happened."""
    built, seconds = run_child(BUILD_CHILD)
    if built:
        return f"compiled in {seconds:.1f} s in a warm-up subprocess (in no figure below)"
    return f"index present (opened in {seconds:.2f} s in a warm-up subprocess)"


def cold_start(tool: str, first: str) -> tuple[float, list[float]]:
    """Median over ``COLD_RUNS`` fresh interpreters of import + load + first document, and
    the median of each of those three parts."""
    code = COLD_CHILD.format(*SNIPPETS[tool])
    runs: list[list[float]] = [run_child(code, first) for _ in range(COLD_RUNS)]
    total = statistics.median(sum(run) for run in runs)
    parts = [statistics.median(part) for part in zip(*runs, strict=True)]
    return total, parts


def peak_memory(tool: str, texts: list[str]) -> float:
    """ru_maxrss in MiB of a fresh interpreter after import, load and one corpus pass."""
    return float(run_child(MEMORY_CHILD.format(*SNIPPETS[tool]), json.dumps(texts)))


def one_pass(parse: Callable[[str], object], texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        parse(text)
    return time.perf_counter() - start


def throughput(parse: Callable[[str], object], texts: list[str], repeat: int) -> float:
    """Articles per second: the best of ``repeat`` passes after one warm-up pass."""
    one_pass(parse, texts)
    best = min(one_pass(parse, texts) for _ in range(repeat))
    return len(texts) / best


def parsers() -> dict[str, Callable[[str], object]]:
    from geotext import GeoText  # type: ignore[import-untyped]

    import geo
    from geo.pipeline import find_places

    gazetteer = geo.load_gazetteer()
    return {"newsmap": lambda text: find_places(text, gazetteer), "geotext": GeoText}


def verdict(value: float, target: float, higher_is_better: bool) -> str:
    met = value >= target if higher_is_better else value <= target
    return "yes" if met else "NO"


def row(label: str, values: tuple[float, float], unit: str, target: str, met: str) -> str:
    news, geotext = values
    cells = [f"{value:.2f} {unit}" for value in values] + [f"{news / geotext:.3g}x"]
    return f"{label:<16}" + "".join(f"{cell:>16}" for cell in cells) + f"   {target:<16}{met}"


def print_table(speed: dict[str, float], cold: dict[str, float], memory: dict[str, float]) -> None:
    def pair(figures: dict[str, float]) -> tuple[float, float]:
        return figures["newsmap"], figures["geotext"]

    print(f"{'':<16}{'newsmap':>16}{'geotext':>16}{'ratio':>16}   {'target':<16}met")
    met = verdict(speed["newsmap"], TARGET_THROUGHPUT, True)
    print(row("warm throughput", pair(speed), "art/s", f">= {TARGET_THROUGHPUT:g} art/s", met))
    met = verdict(cold["newsmap"], TARGET_COLD_START, False)
    print(row("cold start", pair(cold), "s", f"<= {TARGET_COLD_START:g} s", met))
    met = verdict(memory["newsmap"], TARGET_PEAK_MB, False)
    print(row("peak memory", pair(memory), "MB", f"<= {TARGET_PEAK_MB:g} MB", met))


def print_notes(repeat: int, cold_parts: dict[str, list[float]]) -> None:
    print("ratio = newsmap / geotext.")
    print(f"warm throughput: best of {repeat} passes after a warm-up pass, in this process.")
    for tool, (imp, load, first) in cold_parts.items():
        print(f"cold start, {tool}: import {imp:.3f} s + load {load:.3f} s"
              f" + first document {first:.3f} s")  # fmt: skip
    print(f"  (medians of {COLD_RUNS} fresh interpreters; interpreter start-up excluded;"
          " the OS file cache is warm)")  # fmt: skip
    print("peak memory: ru_maxrss of a fresh interpreter after one pass over the corpus")
    print("  (MB = 2**20 bytes; includes the interpreter and the corpus itself)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="a .jsonl file with a 'text' field a line")
    parser.add_argument("--repeat", type=int, default=5, help="timed passes (best is kept)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    texts, source = load_corpus(args.corpus)
    print(f"Python {platform.python_version()} ({platform.python_implementation()}), "
          f"{os.cpu_count()} CPUs, {pin_to_one_core()}")  # fmt: skip
    print(f"corpus: {source}: {len(texts)} docs, {sum(map(len, texts)):,} characters")
    print(f"gazetteer: {ensure_gazetteer()}")

    cold = {tool: cold_start(tool, texts[0]) for tool in SNIPPETS}
    memory = {tool: peak_memory(tool, texts) for tool in SNIPPETS}
    speed = {tool: throughput(parse, texts, args.repeat) for tool, parse in parsers().items()}

    print()
    print_table(speed, {tool: total for tool, (total, _) in cold.items()}, memory)
    print()
    print_notes(args.repeat, {tool: parts for tool, (_, parts) in cold.items()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
