"""What the subcommands share: opening the gazetteer (with a progress bar the first time, when
it is compiled), and vetting and writing their output files, each failure one line."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from geo.errors import InputError
from geo.gazetteer import Gazetteer

__all__ = ["check_index", "check_output", "load_index", "write_output"]


def load_index(args: argparse.Namespace) -> Gazetteer:
    """The gazetteer at ``--gazetteer`` (or the default one, compiled on first use with a
    progress bar on standard error)."""
    from tqdm import tqdm

    from geo.gazetteer import load_gazetteer

    check_index(args.gazetteer)
    bar = None

    def step(label: str) -> None:
        nonlocal bar
        if bar is None:
            print("newsmap: compiling the gazetteer (once)", file=sys.stderr)
            bar = tqdm(total=6, unit="step", file=sys.stderr)
        bar.set_description(label)
        bar.update(1)

    gazetteer = load_gazetteer(args.gazetteer, progress=step)
    if bar is not None:
        bar.close()
    return gazetteer


def check_index(path: Path | None) -> None:
    """Refuse an explicit ``--gazetteer`` that names no index, rather than compile one there:
    a mistyped path would otherwise cost a build, or fail half-way through one."""
    if path is None:
        return
    if path.is_dir():
        raise InputError(f"--gazetteer {path} is a folder, not an index file")
    if not path.is_file():
        raise InputError(
            f"--gazetteer: there is no index at {path} "
            f"(make one with: newsmap --gazetteer {path} gazetteer build)"
        )


def check_output(path: Path) -> None:
    """Refuse an output path that cannot be written, before any slow work."""
    if path.is_dir():
        raise InputError(f"{path} is a folder; give a file name to write")
    folder = path.parent
    if not folder.is_dir():
        raise InputError(f"cannot write {path}: there is no folder {folder}")
    if not os.access(folder, os.W_OK):
        raise InputError(f"cannot write {path}: the folder {folder} is not writable")


def write_output(path: Path, data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8) to ``path``; a failure is an :class:`InputError`."""
    try:
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    except OSError as err:
        raise InputError(f"cannot write {path}: {err.strerror}") from err
