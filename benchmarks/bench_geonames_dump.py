"""``newsmap gazetteer build --geonames FILE``: time and peak memory against the dump's size.

    PYTHONPATH=. python benchmarks/bench_geonames_dump.py [--lines 100000] [--factor 10]

Writes two synthetic dumps in the GeoNames format, of ``--lines`` and ``--lines * --factor``
lines (villages "Hamlet N" with an alternate name, spread over the globe), and builds the index
three times, each in a fresh interpreter: without a dump (the baseline, in the same run), with
the small dump and with the large one. Printed: seconds, peak resident memory (``ru_maxrss``),
and the ratios to the baseline. With bounded memory the large dump's peak is near the small
one's, whatever the factor; the time grows with the lines. ``allCountries.txt`` has about 13
million lines, of which about 9 million are kinds that are indexed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = """
import json, resource, sys, time
from pathlib import Path
from geo.gazetteer import build_gazetteer
start = time.perf_counter()
build_gazetteer(Path(sys.argv[1]), geonames=[Path(p) for p in sys.argv[2:]])
seconds = time.perf_counter() - start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak_mb}))
"""


def _dump(path: Path, lines: int) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i in range(lines):
            lat, lon = (i * 7919) % 17_000 / 100 - 85, (i * 104_729) % 35_000 / 100 - 175
            f.write("\t".join([str(200_000_000 + i), f"Hamlet {i}", f"Hamlet {i}",
                               f"Hameau {i},Weiler {i}", f"{lat:.5f}", f"{lon:.5f}", "P", "PPL",
                               "FR", "", "11", "", "", "", "40", "", "120", "Europe/Paris",
                               "2024-01-01"]) + "\n")  # fmt: skip


def _build(folder: Path, *dumps: Path) -> dict[str, float]:
    out = folder / f"index-{len(dumps)}-{dumps[0].stem if dumps else 'none'}.sqlite"
    done = subprocess.run([sys.executable, "-c", _CHILD, str(out), *map(str, dumps)],
                          capture_output=True, text=True, check=True, cwd=ROOT)  # fmt: skip
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    result["mb_on_disk"] = out.stat().st_size / 2**20
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--factor", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        small, large = folder / "small.txt", folder / "large.txt"
        _dump(small, args.lines)
        _dump(large, args.lines * args.factor)
        base = _build(folder)
        runs = [("no dump (baseline)", 0, base), (f"{args.lines:,} lines", small.stat().st_size,
                _build(folder, small)), (f"{args.lines * args.factor:,} lines",
                large.stat().st_size, _build(folder, large))]  # fmt: skip
    print(f"{'build':<22}{'dump MB':>9}{'seconds':>9}{'x base':>8}{'peak MB':>9}{'x base':>8}"
          f"{'index MB':>10}")  # fmt: skip
    for label, size, r in runs:
        print(
            f"{label:<22}{size / 2**20:9.0f}{r['seconds']:9.1f}"
            f"{r['seconds'] / base['seconds']:8.2f}{r['peak_mb']:9.0f}"
            f"{r['peak_mb'] / base['peak_mb']:8.2f}{r['mb_on_disk']:10.0f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
