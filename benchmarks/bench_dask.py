"""Throughput of ``newsmap batch`` on one core, two local processes and a two-worker Dask cluster.

    PYTHONPATH=. python benchmarks/bench_dask.py [--articles 10000] [--events]

The feed: ``--articles`` records made from the real text of ``data/article.txt``, each three of
its paragraphs starting at a different one and with the sentences of a neighbouring paragraph
appended, so that records differ yet read like news. Each setting runs ``python -m geo batch``
in a process of its own, twice: on the whole feed and on its first ``--warm-up`` records; the
difference of the two times is the steady rate (the start, loading the gazetteer and, for Dask,
starting the cluster, cancels out), and the whole feed's time gives the rate a user sees. The
same difference of CPU seconds (user and system, of the parent and the workers it waited for)
gives articles per CPU second, a per-core rate that other work on a shared machine lowers less
than it lowers the rate per wall second; the cores for a million articles an hour are reckoned
from it.
The peak memory of every process of the run (``VmHWM`` from ``/proc``, sampled while it runs) is
printed for the parent and for its largest worker. Scaling efficiency is the steady rate over
the one-process steady rate times the number of processes. Linux only (``/proc``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "article.txt"
_SAMPLE_EVERY_S = 0.1  # VmHWM only grows, so a missed sample loses nothing but the last 0.1 s


def _write_feed(path: Path, articles: int) -> None:
    paragraphs = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n") if p.strip()]
    count = len(paragraphs)
    with path.open("w", encoding="utf-8") as out:
        for n in range(articles):
            start, extra = n % count, (n // count) % count
            text = "\n".join([*paragraphs[start : start + 3], paragraphs[extra]])
            out.write(json.dumps({"id": f"a{n}", "text": text}) + "\n")


def _tree(pid: int) -> list[int]:
    pids, seen = [pid], 0
    while seen < len(pids):
        for task in Path(f"/proc/{pids[seen]}/task").glob("*/children"):
            with contextlib.suppress(OSError):  # ended meanwhile
                pids.extend(int(c) for c in task.read_text().split())
        seen += 1
    return pids


def _peak_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _run(feed: Path, out: Path, extra: list[str]) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds of the run's processes (user and system, workers included),
    the parent's peak kB and the largest other process's peak kB."""
    argv = [sys.executable, "-m", "geo", "batch", str(feed), "-o", str(out), "--no-progress"]
    start = time.perf_counter()
    child = subprocess.Popen([*argv, *extra], cwd=ROOT)
    peaks: dict[int, int] = {}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            for pid in _tree(child.pid):
                peaks[pid] = max(peaks.get(pid, 0), _peak_kb(pid))
            done.wait(_SAMPLE_EVERY_S)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, status, usage = os.wait4(child.pid, 0)  # its usage counts the workers it waited for
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"newsmap batch {' '.join(extra)} failed: status {child.returncode}")
    parent = peaks.pop(child.pid, 0)
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, parent, max(peaks.values(), default=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--warm-up", type=int, default=200, help="records of the short run")
    parser.add_argument("--events", action="store_true", help="add --events --claims")
    args = parser.parse_args()
    flags = ["--events", "--claims"] if args.events else []
    settings = {
        "1 process": (1, ["--workers", "1"]),
        "2 processes": (2, ["--workers", "2"]),
        "Dask LocalCluster, 2 workers": (2, ["--dask", "local", "--workers", "2"]),
    }
    with tempfile.TemporaryDirectory(prefix="bench-dask-") as folder:
        tmp = Path(folder)
        feed, short = tmp / "feed.jsonl", tmp / "short.jsonl"
        _write_feed(feed, args.articles)
        _write_feed(short, args.warm_up)
        print(f"{args.articles:,} articles ({feed.stat().st_size / 1e6:.1f} MB), "
              f"{'places, events and claims' if flags else 'places'}")  # fmt: skip
        base = base_cpu = 0.0
        for name, (processes, extra) in settings.items():
            seconds, cpu, parent_kb, worker_kb = _run(feed, tmp / "out.jsonl", [*extra, *flags])
            short_s, short_cpu, _, _ = _run(short, tmp / "out.jsonl", [*extra, *flags])
            steady = (args.articles - args.warm_up) / (seconds - short_s)
            per_cpu = (args.articles - args.warm_up) / (cpu - short_cpu)
            base, base_cpu = base or steady, base_cpu or per_cpu
            workers = f", largest worker {worker_kb / 1024:,.0f} MB" if processes > 1 else ""
            print(f"{name}: {args.articles / seconds:,.1f} articles/s start included "
                  f"({seconds:.1f} s; start and first {args.warm_up}: {short_s:.1f} s), "
                  f"steady {steady:,.1f} articles/s = {steady / base:.2f}x 1 process, "
                  f"scaling efficiency {steady / base / processes:.2f}; "
                  f"{per_cpu:,.1f} articles per CPU second = {per_cpu / base_cpu:.2f}x; "
                  f"peak RSS parent {parent_kb / 1024:,.0f} MB{workers}", flush=True)  # fmt: skip
        cores = 1_000_000 / 3600 / base_cpu
        print(f"per core: {base_cpu:,.1f} articles per CPU second, {base_cpu * 3600:,.0f} an "
              f"hour; 1,000,000 an hour needs {cores:.1f} cores at that rate")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
