"""Checking and reading articles: every way an input can be unusable ends in an InputError
with a message a user can act on."""

from __future__ import annotations

from pathlib import Path

from geo.errors import InputError

__all__ = ["MAX_BYTES", "MAX_CHARS", "check_text", "decode_bytes", "read_article"]

MAX_CHARS = 1_000_000  # about 150,000 words: far beyond any news article
MAX_BYTES = 4 * MAX_CHARS


def check_text(text: object) -> str:
    """Return ``text`` if it can be analysed; raise :class:`InputError` otherwise.

    >>> check_text("")
    ''
    >>> check_text(b"x")
    Traceback (most recent call last):
    ...
    geo.errors.InputError: expected text (str), got bytes
    """
    if not isinstance(text, str):
        raise InputError(f"expected text (str), got {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise InputError(
            f"the text has {len(text):,} characters; the limit is {MAX_CHARS:,}. "
            "Split it into articles and use `newsmap batch`."
        )
    return text


def decode_bytes(data: bytes, name: str = "input") -> str:
    """Decode UTF-8 (with or without a byte-order mark); refuse binary data."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{name} is {len(data):,} bytes; the limit is {MAX_BYTES:,}")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name} looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{name} is not UTF-8 text (byte {err.start} is invalid); "
            "save it as UTF-8 and try again"
        ) from err
    return check_text(text.replace("\r\n", "\n").replace("\r", "\n"))


def read_article(path: str | Path) -> str:
    """Read an article file as UTF-8 text, or ``-`` for standard input."""
    import sys

    if str(path) == "-":
        return decode_bytes(sys.stdin.buffer.read(MAX_BYTES + 1), "standard input")
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{p.name} is {size:,} bytes; the limit is {MAX_BYTES:,}")
        data = p.read_bytes()
    except IsADirectoryError as err:
        raise InputError(f"{p} is a folder, not a file") from err
    except FileNotFoundError as err:
        raise InputError(f"no such file: {p}") from err
    except OSError as err:
        raise InputError(f"cannot read {p}: {err.strerror}") from err
    return decode_bytes(data, p.name)
