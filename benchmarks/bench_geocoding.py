"""An online geocoder in a batch: what it places and what its rate limit costs.

    PYTHONPATH=. python benchmarks/bench_geocoding.py [--corpus FILE] [--articles 100]
        [--delay 1.0]

geopy's Nominatim is pointed at the loopback fake service of the tests
(``tests/fake_geocoder.py``) in its echo mode: it answers every name with the middle of the
box it was asked within, as if it knew every street. So the shares below measure the pipeline,
not a service: of the streets and buildings the place stage put at their town, how many are
asked about (a context was found) and get a point of their own (the answer lies in the town,
state or country outline); of the names the gazetteer lacks, how many are placed.

Then the time of ``newsmap batch`` over the first N articles of the corpus (default: the
development set ``../shared/eval/dev-news.jsonl``): without a geocoder (the baseline, in the
same run), with one paced at ``--delay`` seconds a request (the public Nominatim's policy: 1
s), and again with the cache the first run filled (no request at all). The paced run is one
pass (its waits dominate); the baseline and the cached run alternate, best of ``--repeat``
after a warm-up.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fake_geocoder import serve  # noqa: E402
from timing import best_of  # noqa: E402

import geo  # noqa: E402
from geo.batch import run_lines  # noqa: E402
from geo.geocache import GeocodeCache  # noqa: E402
from geo.geocoders import Backend, Geocoder, GeocoderSettings, open_geocoder  # noqa: E402
from geo.models import PlaceKind, Reference  # noqa: E402

CORPUS = ROOT.parent / "shared" / "eval" / "dev-news.jsonl"


def _geocoder(domain: str, cache: Path, delay_s: float) -> Geocoder:
    settings = GeocoderSettings(Backend.NOMINATIM, domain, "http", "newsmap-benchmark (loopback)",
                                min_delay_s=delay_s)  # fmt: skip
    geocoder = open_geocoder(settings, GeocodeCache(cache))
    assert geocoder is not None
    return geocoder


def _batch(lines: list[str], gazetteer: geo.Gazetteer, geocoder: Geocoder | None) -> float:
    start = time.perf_counter()
    for _ in run_lines(lines, gazetteer, geocoder=geocoder):
        pass
    return time.perf_counter() - start


def _shares(texts: list[str], gazetteer: geo.Gazetteer, geocoder: Geocoder) -> dict[str, int]:
    counts = dict.fromkeys(("streets", "streets_placed", "missing", "missing_placed"), 0)
    for text in texts:
        offline = geo.analyze(text, gazetteer).mentions
        online = {(m.start, m.end): m for m in geo.analyze(text, gazetteer, geocoder=geocoder)
                  .mentions}  # fmt: skip
        for m in offline:
            after = online[(m.start, m.end)]
            placed = after.place is not None and bool(after.place.source)
            if m.place is not None and m.place.kind is PlaceKind.FACILITY:
                counts["streets"] += 1
                counts["streets_placed"] += placed
            elif (m.place is None and m.mention.form.is_toponym
                  and m.reference is Reference.LOCATION):  # fmt: skip
                counts["missing"] += 1
                counts["missing_placed"] += placed
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--delay", type=float, default=1.0, help="seconds between requests")
    parser.add_argument("--repeat", type=int, default=3, help="passes of the unpaced runs")
    args = parser.parse_args()
    if not args.corpus.exists():
        parser.error(f"{args.corpus} not found: give a JSON Lines file with --corpus")
    lines = args.corpus.read_text(encoding="utf-8").splitlines()[: args.articles]
    texts = [json.loads(line)["text"] for line in lines]
    gazetteer = geo.load_gazetteer()
    state, server = serve()
    state.echo = True
    try:
        with tempfile.TemporaryDirectory() as folder:
            cache = Path(folder) / "geocode.sqlite"
            paced = _geocoder(state.domain, cache, args.delay)
            t_paced = _batch(lines, gazetteer, paced)
            cached = _geocoder(state.domain, cache, args.delay)
            baseline, t_cached = best_of(
                args.repeat,
                lambda: _batch(lines, gazetteer, None),
                lambda: _batch(lines, gazetteer, cached),
            )
            counts = _shares(texts, gazetteer, _geocoder(state.domain, cache, args.delay))
    finally:
        server.shutdown()
        server.server_close()
    print(f"{len(lines)} articles of {args.corpus.name}, one process, fake Nominatim (echo) "
          f"on 127.0.0.1, {args.delay:g} s between requests")  # fmt: skip
    print(
        f"streets and buildings at their town   {counts['streets']:5d}   given a point "
        f"{counts['streets_placed']:4d}  ({_pct(counts['streets_placed'], counts['streets'])})"
    )
    print(
        f"names the gazetteer lacks             {counts['missing']:5d}   given a point "
        f"{counts['missing_placed']:4d}  ({_pct(counts['missing_placed'], counts['missing'])})"
    )
    print(f"batch without a geocoder (baseline)   {baseline:7.1f} s")
    print(
        f"batch with the geocoder, first run    {t_paced:7.1f} s   {paced.requests} requests"
        f"   {t_paced / baseline:6.1f}x baseline"
    )
    print(
        f"batch again, answers from the cache   {t_cached:7.1f} s   {cached.requests} requests"
        f"   {t_cached / baseline:6.1f}x baseline"
    )
    return 0


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "n/a"


if __name__ == "__main__":
    raise SystemExit(main())
