"""The lines of a feed of articles: files, globs, ``.gz`` files or standard input, streamed.

A feed is read one line at a time, so memory stays bounded whatever its size. Lines are split
on ``"\\n"`` alone (binary reading), never as :meth:`str.splitlines` would: U+0085, U+2028 and
U+2029 are legal inside JSON strings. A line longer than :data:`MAX_LINE_BYTES` is not kept in
memory: it is skipped to its end and handed on as ``None``, for the caller to report.

Several inputs are read one after the other and their lines numbered on, as if they had been
joined with ``cat``: a default id (the line number) stays unique across them.
"""

from __future__ import annotations

import codecs
import glob
import gzip
import logging
import os
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from geo.errors import InputError
from geo.inputs import MAX_BYTES

__all__ = ["MAX_LINE_BYTES", "STDIN", "count_lines", "expand", "read_lines"]

log = logging.getLogger(__name__)

STDIN = "-"
# one article of the largest size newsmap analyses, JSON-escaped at worst (\uXXXX for each byte)
MAX_LINE_BYTES = 6 * MAX_BYTES
_GLOB_CHARS = frozenset("*?[")


def expand(inputs: Sequence[str]) -> list[str]:
    """The files named by ``inputs``, with globs expanded (sorted) and ``-`` kept as is.

    A name that matches nothing, or a folder, raises :class:`~geo.errors.InputError` at once.
    """
    files: list[str] = []
    for name in inputs:
        if name == STDIN:
            files.append(name)
        elif not os.path.exists(name) and _GLOB_CHARS & set(name):
            matches = sorted(m for m in glob.glob(name, recursive=True) if os.path.isfile(m))
            if not matches:
                raise InputError(f"no file matches {name}")
            files.extend(matches)
        elif os.path.isdir(name):
            raise InputError(f"{name} is a folder, not a file")
        elif not os.path.exists(name):
            raise InputError(f"no such file: {name}")
        elif not os.access(name, os.R_OK):
            raise InputError(f"cannot read {name}: permission denied")
        else:
            files.append(name)
    if files.count(STDIN) > 1:
        raise InputError("standard input (-) can be read only once")
    return files


def read_lines(files: Sequence[str]) -> Iterator[tuple[int, bytes | None]]:
    """``(number, line)`` for every line of ``files`` in turn, without its newline; ``None``
    stands for a line too long to hold. A byte order mark opening a file is dropped."""
    number = 0
    for name in files:
        with _open(name) as stream:
            first = True
            for line in _lines(stream, name):
                number += 1
                if first and line is not None:
                    line = line.removeprefix(codecs.BOM_UTF8)
                first = False
                yield number, line


def count_lines(files: Sequence[str]) -> int:
    """How many non-blank lines ``files`` hold (standard input is not counted)."""
    return sum(
        1
        for name in files
        if name != STDIN
        for _, line in read_lines([name])
        if line is None or line.strip()
    )


def _lines(stream: BinaryIO, name: str) -> Iterator[bytes | None]:
    try:
        while True:
            line = stream.readline(MAX_LINE_BYTES + 1)
            if not line:
                return
            if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):  # skip the rest, a piece at a time
                    line = stream.readline(MAX_LINE_BYTES)
                yield None
                continue
            yield line.removesuffix(b"\n")
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:  # a cut or damaged .gz file
        log.warning("%s is cut short or damaged (%s): its last lines are lost", name, err)


def _open(name: str) -> BinaryIO:
    if name == STDIN:
        return _Unclosed(sys.stdin.buffer)  # type: ignore[return-value]
    try:
        if name.endswith(".gz"):
            return gzip.open(name, "rb")  # type: ignore[return-value]
        return open(name, "rb")  # closed by the caller's with
    except OSError as err:
        raise InputError(f"cannot read {Path(name)}: {err.strerror}") from err


class _Unclosed:
    """Standard input, read in a ``with`` that leaves it open."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    def readline(self, size: int = -1) -> bytes:
        return self._stream.readline(size)

    def __enter__(self) -> _Unclosed:
        return self

    def __exit__(self, *exc: object) -> None:
        return None
