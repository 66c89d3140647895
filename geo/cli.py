"""Command-line interface: ``newsmap places|batch|gazetteer|geocode-cache``.

A thin adapter over the library: it parses arguments, calls :mod:`geo` and prints. Every
error a user can cause (a usage mistake, a file that cannot be read or written, a
:class:`~geo.errors.GeoError`) is one line on standard error and exit status 2; output cut
short by its reader (``newsmap places a.txt | head``) ends quietly with status 141.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from geo.cli_atlas import add_atlas_parser, atlas
from geo.cli_batch import add_batch_parser, batch_command
from geo.cli_geocoding import add_geocoder_arguments, dump_bar, geocode_cache, geocoder_from
from geo.cli_io import check_index, check_output, load_index, write_output
from geo.errors import GeoError, InputError
from geo.export import FORMATS, ExportOptions, by_name, write
from geo.report.embed import embed_snippet
from geo.report.headline import Headline, default_title
from geo.report.presets import FigureSize
from geo.report.safe import terminal
from geo.report.text import print_claims, print_events, print_places

__all__ = ["main"]

_USER_ERROR = 2
# What a shell reports for a program killed by SIGPIPE (128 + 13), as `cat` or `grep` would
# be: the reader chose to stop, yet the output was not all delivered, and `set -o pipefail`
# scripts should be able to tell.
_BROKEN_PIPE = 141


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, like every other error
        raise InputError(f"{message} (see {self.prog} --help)")


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from err


def _workers(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number, at least 1: {value!r}")
    return int(value)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsmap", description="Find, place and check the places a news article names."
    )
    parser.add_argument("--gazetteer", type=Path, help="path of a compiled gazetteer index")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True)

    for name, text in (
        ("places", "list the places an article mentions"),
        ("check", "check the article's distance and direction claims"),
        ("events", "list the article's events as a timeline, and its journeys"),
    ):
        command = sub.add_parser(name, help=text)
        command.add_argument("article", help="a UTF-8 text file, or - for standard input")
        command.add_argument("--published", type=_date, help="publication date, YYYY-MM-DD")
        command.add_argument("--json", action="store_true", help="print the full result as JSON")
        if name == "events":
            command.add_argument("--all", action="store_true",
                                 help="also list the events that have no named place")  # fmt: skip
        add_geocoder_arguments(command)

    fmap = sub.add_parser("map", help="write the map and briefing as one offline HTML file, "
                          "and print the code that embeds it in a page")  # fmt: skip
    fmap.add_argument("article", help="a UTF-8 text file, or - for standard input")
    fmap.add_argument("-o", "--output", type=Path, required=True, help="the HTML file to write")
    fmap.add_argument("--published", type=_date, help="publication date, YYYY-MM-DD")
    _headline_arguments(fmap)
    add_geocoder_arguments(fmap)

    export = sub.add_parser("export", help="export GeoJSON, KML, CSV, the HTML briefing, or a PNG, "
                            "SVG or PDF figure")  # fmt: skip
    export.add_argument("article", help="a UTF-8 text file, or - for standard input")
    export.add_argument("--format", required=True, choices=FORMATS)
    export.add_argument("--table", choices=("places", "events"), default="places",
                        help="which table a CSV export holds")  # fmt: skip
    export.add_argument("-o", "--output", type=Path, required=True, help="the file to write")
    export.add_argument("--published", type=_date, help="publication date, YYYY-MM-DD")
    export.add_argument("--size", choices=[s.value for s in FigureSize], default="column",
                        help="a figure's size: slide (1920x1080), column (1200x900), "
                        "square (1080x1080)")  # fmt: skip
    _headline_arguments(export)
    add_geocoder_arguments(export)

    add_batch_parser(sub, _workers)

    add_atlas_parser(sub)

    gaz = sub.add_parser("gazetteer", help="manage the compiled gazetteer")
    gaz_sub = gaz.add_subparsers(dest="action", required=True)
    build = gaz_sub.add_parser("build", help="(re)compile the gazetteer index")
    build.add_argument("--output", type=Path, help="where to write it (default: the cache)")
    build.add_argument(
        "--geonames", type=Path, nargs="+", default=[], metavar="FILE",
        help="also index GeoNames dumps you downloaded (cities1000.zip, allCountries.zip, "
        "US.zip; admin1CodesASCII.txt, admin2Codes.txt)",
    )  # fmt: skip
    gaz_sub.add_parser("info", help="where the index is and what it holds")

    cache = sub.add_parser("geocode-cache", help="the cache of online geocoder answers")
    cache_sub = cache.add_subparsers(dest="action", required=True)
    cache_sub.add_parser("info", help="where the cache is and what it holds")
    cache_sub.add_parser("clear", help="forget every answer (the next runs ask again)")
    return parser


def _headline_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--title", default="", help="the map's headline")
    command.add_argument("--subtitle", default="", help="a line under the headline")
    command.add_argument("--source", default="", help='the source line ("Source: KCNA, Reuters")')


def _headline(args: argparse.Namespace) -> Headline:
    return Headline(args.title, args.subtitle, args.source)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``newsmap`` with ``argv`` (default: the process's arguments); return the exit
    status."""
    try:
        status = _run(argv)
        sys.stdout.flush()  # so a closed pipe shows here, not in the interpreter's last flush
    except BrokenPipeError:
        _silence_stdout()
        return _BROKEN_PIPE
    except OSError as err:  # an error with no file name is standard output's (`> /dev/full`)
        _silence_stdout()
        return _fail(f"{err.filename or 'cannot write the output'}: {err.strerror}")
    return status


def _run(argv: Sequence[str] | None) -> int:
    try:
        args = _parser().parse_args(argv)
        logging.basicConfig(
            level=logging.INFO if args.verbose else logging.WARNING, format="newsmap: %(message)s"
        )
        if args.command == "gazetteer":
            return _gazetteer(args)
        if args.command == "geocode-cache":
            return geocode_cache(args)
        if args.command == "batch":
            return _batch(args)
        if args.command == "atlas":
            return atlas(args)
        if args.command in ("map", "export"):
            return _export(args)
        return _report(args)
    except GeoError as err:
        return _fail(str(err))
    except KeyboardInterrupt:
        return 130


def _fail(message: str) -> int:
    print(f"newsmap: error: {terminal(' '.join(message.split()))}", file=sys.stderr)
    return _USER_ERROR


def _silence_stdout() -> None:
    """Point standard output at the null device, as the Python docs advise for SIGPIPE, so
    that the interpreter's final flush of what is still buffered cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # standard output is not a file (captured, or replaced)
        pass


def _gazetteer(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from geo.gazetteer import build_gazetteer, default_index_path, load_gazetteer

    if args.action == "info":
        check_index(args.gazetteer)
        gazetteer = load_gazetteer(args.gazetteer)
        print(f"index: {gazetteer.path}")
        print(f"places: {len(gazetteer):,}")
        for line in gazetteer.credits:
            print(line)
        return 0
    target: Path = args.output or args.gazetteer or default_index_path()
    if target.is_dir():
        raise InputError(f"{target} is a folder; give the index a file name")
    with dump_bar(args.geonames) as read, tqdm(total=6, unit="step", file=sys.stderr) as bar:

        def step(label: str) -> None:
            bar.set_description(label)
            bar.update(1)

        try:
            path = build_gazetteer(target, progress=step, geonames=args.geonames,
                                   dump_progress=read)  # fmt: skip
        except OSError as err:
            raise InputError(f"cannot write the gazetteer to {target}: {err.strerror}") from err
    print(path)
    return 0


def _report(args: argparse.Namespace) -> int:
    from geo.inputs import read_article
    from geo.pipeline import analyze
    from geo.serialize import analysis_to_dict

    geocoder = geocoder_from(args)  # unusable settings are one line before any slow work
    text = read_article(args.article)
    gazetteer = load_index(args)
    analysis = analyze(text, gazetteer, published=args.published, geocoder=geocoder)
    if args.json:
        json.dump(analysis_to_dict(analysis), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if args.command == "events":
        print_events(analysis, every=args.all)
    else:
        {"places": print_places, "check": print_claims}[args.command](analysis)
    # the place data's line, and the online services' (after the gazetteer's own)
    for line in (*analysis.credits[:1], *analysis.credits[len(gazetteer.credits) :]):
        print(line)
    return 0


def _export(args: argparse.Namespace) -> int:
    from geo.inputs import read_article
    from geo.pipeline import analyze

    out: Path = args.output
    check_output(out)  # before the analysis, so a wrong path costs nothing
    fmt = by_name("html" if args.command == "map" else args.format)
    # before the analysis too: a missing extra is one line, at once
    command = "newsmap map" if args.command == "map" else f"newsmap export --format {fmt.name}"
    fmt.check_installed(command)
    geocoder = geocoder_from(args)
    article = read_article(args.article)
    gazetteer = load_index(args)
    analysis = analyze(article, gazetteer, published=args.published, geocoder=geocoder)
    headline = _headline(args)
    options = ExportOptions(table=getattr(args, "table", "places"),
                            size=getattr(args, "size", "column"), headline=headline)  # fmt: skip
    write_output(out, write(fmt, analysis, gazetteer, options))
    print(out, file=sys.stderr)
    if fmt.name == "html":
        title = headline.title or default_title(analysis)  # the page's own heading
        print(embed_snippet(out.name, title=title))  # on stdout, to paste or pipe
    return 0


def _batch(args: argparse.Namespace) -> int:
    return batch_command(args)
