"""``newsmap batch``: many articles, streamed from files, globs, ``.gz`` files or standard input.

Results are written as they come, in input order, so memory stays bounded whatever the size of
the feed; ``--resume`` appends to an output cut short and skips the ids it already holds.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

from geo.cli_geocoding import add_geocoder_arguments, geocoder_from
from geo.cli_io import check_output, load_index
from geo.errors import InputError
from geo.extras import Extra, requires
from geo.gazetteer import Gazetteer
from geo.geocoders import Geocoder

__all__ = ["add_batch_parser", "batch_command"]


def add_batch_parser(sub: argparse._SubParsersAction[Any], workers: Callable[[str], int]) -> None:
    """The ``batch`` subcommand and its options; ``workers`` parses ``--workers``."""
    batch = sub.add_parser("batch", help="geoparse JSON Lines of articles")
    batch.add_argument("input", nargs="+",
                       help='files of lines of {"id": ..., "text": ...}: names, globs '
                       '("feeds/*.jsonl.gz"), .gz files, or - for standard input')  # fmt: skip
    batch.add_argument("-o", "--output", type=Path, required=True,
                       help="JSON Lines to write (with --format parquet: a folder)")  # fmt: skip
    batch.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl",
                       help="JSON Lines (default), or Parquet tables documents, mentions, "
                       "events, claims (needs newsmap[batch])")  # fmt: skip
    batch.add_argument("--workers", type=workers, default=1, help="processes to use (default 1)")
    batch.add_argument("--dask", metavar="ADDRESS",
                       help="run on a Dask cluster: 'local' (a cluster of --workers processes "
                       "on this machine) or a scheduler's address, tcp://host:8786")  # fmt: skip
    batch.add_argument("--resume", action="store_true",
                       help="append to the output, skipping the ids it already holds")  # fmt: skip
    batch.add_argument("--all-mentions", action="store_true",
                       help='also list descriptions and anaphors ("the capital")')  # fmt: skip
    batch.add_argument("--events", action="store_true",
                       help="add each document's events: trigger, type, time, places")  # fmt: skip
    batch.add_argument("--claims", action="store_true",
                       help="add each document's distance and direction claims")  # fmt: skip
    batch.add_argument("--journeys", action="store_true",
                       help="add each document's journeys: who went where, leg by leg")  # fmt: skip
    batch.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    add_geocoder_arguments(batch)


def batch_command(args: argparse.Namespace) -> int:
    """Run ``newsmap batch``."""
    from tqdm import tqdm

    from geo.batch import result_line, run_lines
    from geo.feeds import STDIN, count_lines, expand, read_lines

    if args.dask:
        with requires(Extra.BATCH, "newsmap batch --dask"):
            import dask.bag  # noqa: F401 - to fail before the slow work
            import distributed  # noqa: F401
        if args.geocoder != "none":
            raise InputError("an online geocoder keeps its rate limit in one process: "
                             "leave out --dask")  # fmt: skip
    parquet = args.format == "parquet"
    if parquet:
        with requires(Extra.BATCH, "newsmap batch --format parquet"):
            import pyarrow.parquet  # noqa: F401 - to fail before the slow work
        if args.resume:
            raise InputError("--resume appends to JSON Lines; Parquet tables are written whole: "
                             "leave out --resume, or write JSON Lines")  # fmt: skip
    files = expand(args.input)
    out_path: Path = args.output
    if parquet:
        _check_folder(out_path)
    else:
        check_output(out_path)
    _refuse_input_as_output(files, out_path)
    done = _done_ids(out_path) if args.resume else set()
    geocoder = geocoder_from(args)
    gazetteer = load_index(args)
    total = None if STDIN in files or done else count_lines(files)
    lines = (line for _, line in read_lines(files))
    with tqdm(total=total, unit="doc", file=sys.stderr, disable=args.no_progress) as bar:
        if parquet:
            _to_parquet(args, lines, gazetteer, geocoder, out_path, bar.update)
            return 0
        try:
            with out_path.open("a" if args.resume else "w", encoding="utf-8") as out:
                if args.dask:
                    _on_dask(args, lines, gazetteer, out, done, bar.update)
                    return 0
                for result in run_lines(lines, gazetteer, workers=args.workers,
                                        all_mentions=args.all_mentions, events=args.events,
                                        claims=args.claims, journeys=args.journeys,
                                        geocoder=geocoder, skip=done,
                                        on_done=lambda: bar.update(1)):  # fmt: skip
                    out.write(result_line(result))
                    out.flush()  # a run cut short keeps every result written so far
        except OSError as err:  # a full disk shows only when the lines are flushed
            raise InputError(f"cannot write {out_path}: {err.strerror}") from err
    return 0


def _on_dask(
    args: argparse.Namespace,
    lines: Iterable[bytes | None],
    gazetteer: Gazetteer,
    out: IO[str],
    done: set[object],
    on_done: Callable[[int], object],
) -> None:

    from geo.batch import plan_jobs
    from geo.batch_dask import run_on_dask

    _quiet_dask(args)
    jobs = plan_jobs(lines, all_mentions=args.all_mentions, events=args.events,
                     claims=args.claims, journeys=args.journeys, skip=done)  # fmt: skip
    run_on_dask(jobs, gazetteer.path, out, address=args.dask, workers=args.workers,
                on_done=on_done)  # fmt: skip


def _quiet_dask(args: argparse.Namespace) -> None:
    import logging

    if not args.verbose:  # the cluster's start and stop are not news
        logging.getLogger("distributed").setLevel(logging.WARNING)


def _check_folder(path: Path) -> None:
    if path.exists() and not path.is_dir():
        raise InputError(f"{path} is a file; --format parquet writes a folder of tables")
    if not path.parent.is_dir():
        raise InputError(f"cannot write {path}: there is no folder {path.parent}")


def _to_parquet(
    args: argparse.Namespace,
    lines: Iterable[bytes | None],
    gazetteer: Gazetteer,
    geocoder: Geocoder | None,
    out_path: Path,
    on_done: Callable[[int], object],
) -> None:
    from geo.batch import plan_jobs, run_lines
    from geo.batch_dask import lines_on_dask
    from geo.batch_parquet import ParquetTables

    def tick() -> None:
        on_done(1)

    results: Iterable[dict[str, Any]]
    if args.dask:  # the workers write JSON Lines parts; they become rows here, in order
        jobs = plan_jobs(lines, all_mentions=args.all_mentions, events=args.events,
                         claims=args.claims, journeys=args.journeys)  # fmt: skip
        _quiet_dask(args)
        on_dask = lines_on_dask(jobs, gazetteer.path, out_path.resolve().parent,
                                address=args.dask, workers=args.workers)  # fmt: skip
        results = (json.loads(line) for line in on_dask)
    else:
        results = run_lines(lines, gazetteer, workers=args.workers,
                            all_mentions=args.all_mentions, events=args.events,
                            claims=args.claims, journeys=args.journeys, geocoder=geocoder,
                            on_done=tick)  # fmt: skip
    try:
        with ParquetTables(out_path) as tables:
            for result in results:
                tables.add(result)
                if args.dask:
                    tick()
    except OSError as err:
        raise InputError(f"cannot write {out_path}: {err.strerror}") from err


def _refuse_input_as_output(files: list[str], out_path: Path) -> None:
    if not out_path.exists():
        return
    for name in files:
        if name != "-" and os.path.samefile(name, out_path):
            raise InputError(f"{out_path} is also an input; give another output file")


def _done_ids(out_path: Path) -> set[object]:
    """The ids of the results ``out_path`` holds; a last line cut short is removed."""
    done: set[object] = set()
    if not out_path.exists():
        return done
    kept = 0
    try:
        with out_path.open("r+b") as out:
            for line in out:
                if not line.endswith(b"\n"):
                    break
                try:
                    result = json.loads(line)
                except ValueError:  # not ours: keep it, and say nothing was done for it
                    result = None
                if isinstance(result, dict) and isinstance(result.get("id"), str | int):
                    done.add(result["id"])
                kept += len(line)
            out.truncate(kept)
    except OSError as err:
        raise InputError(f"cannot resume {out_path}: {err.strerror}") from err
    return done
