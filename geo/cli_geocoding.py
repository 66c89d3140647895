"""The command line's online geocoder options (``--geocoder NAME`` and its settings),
``newsmap geocode-cache info|clear``, and the progress bar of ``newsmap gazetteer build
--geonames FILE``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from geo.geocache import GeocodeCache
from geo.geocoders import Backend, Geocoder, GeocoderSettings, open_geocoder
from geo.geonames_dump import check_dumps, dump_bytes
from geo.report.safe import terminal

__all__ = ["add_geocoder_arguments", "dump_bar", "geocode_cache", "geocoder_from"]


def add_geocoder_arguments(command: argparse.ArgumentParser) -> None:
    group = command.add_argument_group(
        "online geocoder (opt in: the names of streets, buildings and villages the gazetteer "
        "lacks are sent to the service)"
    )
    group.add_argument(
        "--geocoder",
        choices=[b.value for b in Backend],
        default="none",
        help="the service to ask (default none: nothing leaves the machine)",
    )
    group.add_argument(
        "--geocoder-domain",
        default="",
        help="host[:port] of a self-hosted service (default: the public one)",
    )
    group.add_argument("--geocoder-scheme", choices=("http", "https"), default="https")
    group.add_argument(
        "--geocoder-user-agent",
        default="",
        help="your application and a contact; the public Nominatim requires it",
    )
    group.add_argument(
        "--geocoder-timeout",
        type=_seconds,
        default=10.0,
        metavar="S",
        help="seconds to wait for an answer (default 10)",
    )
    group.add_argument("--geocoder-username", default="", help="a GeoNames account's user name")
    group.add_argument("--geocoder-api-key", default="", help="a Pelias host's API key")


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds < 3600:
        raise argparse.ArgumentTypeError(f"must be a number of seconds above 0: {value!r}")
    return seconds


def geocoder_from(args: argparse.Namespace) -> Geocoder | None:
    """The online geocoder the arguments ask for, or ``None`` (the default)."""
    settings = GeocoderSettings(
        Backend(args.geocoder),
        args.geocoder_domain,
        args.geocoder_scheme,
        args.geocoder_user_agent,
        args.geocoder_timeout,
        username=args.geocoder_username,
        api_key=args.geocoder_api_key,
    )
    return open_geocoder(settings)


def geocode_cache(args: argparse.Namespace) -> int:
    cache = GeocodeCache()
    if args.action == "clear":
        print(f"forgot {cache.clear():,} answers in {cache.path}")
        return 0
    info = cache.info()
    print(f"cache: {info.path}")
    print(f"{info.answers:,} answer{'' if info.answers == 1 else 's'}, {info.hits:,} with a point")
    for service in info.services:
        print(f"service: {terminal(service)}")
    return 0


@contextmanager
def dump_bar(paths: Sequence[Path]) -> Iterator[Callable[[int], None] | None]:
    """A byte counter on standard error for reading GeoNames dumps, or ``None`` for none.
    Checks first that each file is one, so a wrong file is one line, not a stalled bar."""
    if not paths:
        yield None
        return
    from tqdm import tqdm

    check_dumps(paths)
    total = dump_bytes(paths)
    bars: list[tqdm[None]] = []

    def read(count: int) -> None:
        if not bars:  # shown once the default places are read and the dumps' turn comes
            bars.append(tqdm(total=total, unit="B", unit_scale=True, file=sys.stderr,
                             desc="GeoNames dumps", mininterval=0.5))  # fmt: skip
        bars[0].update(count)

    try:
        yield read
    finally:
        for bar in bars:
            bar.close()
