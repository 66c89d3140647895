"""Checking and reading articles: every way an input can be unusable ends in an InputError
with a message a user can act on."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from geo.errors import InputError

__all__ = [
    "MAX_BYTES",
    "MAX_CHARS",
    "UPLOAD_TYPES",
    "check_text",
    "decode_bytes",
    "html_to_text",
    "read_article",
    "read_upload",
]

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


_SKIPPED = frozenset(
    "script style noscript template head nav footer aside form button svg iframe".split()
)
_BLOCKS = frozenset(
    "p div br li h1 h2 h3 h4 h5 h6 tr section article blockquote header figcaption pre".split()
)


class _Reader(HTMLParser):
    """Collects the readable text of a page: no scripts, styles or navigation."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(page: str) -> str:
    """The readable text of an HTML page, one paragraph a line.

    >>> html_to_text("<p>Kim left <b>Pyongyang</b>.</p><script>x()</script><p>He&nbsp;arrived.</p>")
    'Kim left Pyongyang.\\nHe arrived.'
    """
    reader = _Reader()
    reader.feed(page)
    reader.close()
    lines = ("".join(reader.parts)).replace("\xa0", " ").split("\n")
    cleaned = (" ".join(line.split()) for line in lines)
    return "\n".join(line for line in cleaned if line)


UPLOAD_TYPES = (".txt", ".md", ".html", ".htm")


def read_upload(name: str, data: bytes) -> str:
    """An uploaded file as article text: plain text and Markdown as they are, HTML reduced
    to its readable text."""
    suffix = Path(name).suffix.lower()
    if suffix not in UPLOAD_TYPES:
        raise InputError(f"{name}: choose a .txt, .md or .html file")
    text = decode_bytes(data, name)
    return check_text(html_to_text(text)) if suffix in (".html", ".htm") else text
