"""Checking and reading articles: every way an input can be unusable ends in an InputError
with a message a user can act on."""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from geo.errors import InputError

__all__ = [
    "MAX_BYTES",
    "MAX_CHARS",
    "UPLOAD_TYPES",
    "Article",
    "check_text",
    "decode_bytes",
    "decode_page",
    "describe",
    "html_to_text",
    "page_published",
    "read_article",
    "read_file",
    "read_upload",
    "read_upload_article",
]

MAX_CHARS = 1_000_000  # about 150,000 words: far beyond any news article
MAX_BYTES = 4 * MAX_CHARS
_SNIFF_BYTES = 4096  # a <meta charset> later than this is not looked for, as in browsers
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


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


def _codecs(label: str | None) -> list[str]:
    """The codecs to try for a declared charset: none if Python does not know it."""
    try:
        name = codecs.lookup(label).name if label else None
    except LookupError:
        return []
    if name in ("iso8859-1", "ascii"):
        return ["cp1252", name]  # browsers read these labels as windows-1252, so pages do too
    return [name] if name else []


def decode_page(data: bytes, charset: str | None, name: str, *, html: bool = True) -> str:
    r"""The text of a fetched page, in the charset it declares or, failing that, the one detected.

    A byte-order mark wins; then the charset of the Content-Type header; then, for HTML, a
    ``<meta>`` charset in the first 4 KB; then UTF-8; then ``charset_normalizer``'s guess. A
    declaration the bytes do not decode in is passed over, as pages often declare wrongly.

    Parameters
    ----------
    data : bytes
        The page as received, already decompressed.
    charset : str or None
        The charset the Content-Type header named, if any.
    name : str
        What to call the page in an error message.
    html : bool
        Whether to look for a ``<meta>`` charset; a text/plain page has no markup to trust.

    Returns
    -------
    str
        The decoded text, line ends and markup untouched.

    Raises
    ------
    InputError
        If no declared charset fits and none can be detected.

    >>> decode_page(b"Caf\xe9", "iso-8859-1", "page")
    'Café'
    >>> decode_page(b'<meta charset="koi8-r"><p>\xeb\xc9\xc5\xd7', None, "page")[-4:]
    'Киев'
    """
    # a byte-order mark overrides any declaration, as in browsers
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace")
    declared = ["utf-8"] if data.startswith(codecs.BOM_UTF8) else _codecs(charset)
    if html and (meta := _META_CHARSET.search(data[:_SNIFF_BYTES])):
        # bytes that spell <meta> in ASCII are not UTF-16, whatever the tag says
        label = meta.group(1).decode("ascii")
        declared += ["utf-8" if c.startswith("utf-16") else c for c in _codecs(label)]
    for codec in [*declared, "utf-8"]:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue  # a wrong declaration: try the next one, then detection
    # imported here: only this last resort needs it, and every command imports this module
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError(f"{name} is not text in any encoding newsmap recognises")
    return str(best)


def read_file(path: Path, *, max_bytes: int | None = MAX_BYTES) -> bytes:
    """The bytes of ``path``, or an :class:`InputError` that says why they cannot be read."""
    try:
        if max_bytes is not None and (size := path.stat().st_size) > max_bytes:
            raise InputError(f"{path.name} is {size:,} bytes; the limit is {max_bytes:,}")
        return path.read_bytes()
    except IsADirectoryError as err:
        raise InputError(f"{path} is a folder, not a file") from err
    except FileNotFoundError as err:
        raise InputError(f"no such file: {path}") from err
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror}") from err


def read_article(path: str | Path) -> str:
    """Read an article file as UTF-8 text, or ``-`` for standard input."""
    import sys

    if str(path) == "-":
        return decode_bytes(sys.stdin.buffer.read(MAX_BYTES + 1), "standard input")
    p = Path(path)
    return decode_bytes(read_file(p), p.name)


def describe(value: object) -> str:
    """A short, printable description of a value read from a file, for a message: strings
    quoted with control characters and lone surrogates escaped, long ones cut.

    >>> describe("x" * 50), describe(10**30), describe([1]), describe(None)
    ("'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'", 'a 31-digit number', 'a list', 'null')
    """
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, str):
        shown = ascii(value)
        return shown if len(shown) <= 40 else shown[:36] + "...'"
    if isinstance(value, int | float):
        shown = repr(value)
        return shown if len(shown) <= 20 else f"a {len(shown)}-digit number"
    if isinstance(value, list):
        return "a list"
    return "an object" if isinstance(value, dict) else type(value).__name__


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


@dataclass(frozen=True, slots=True)
class Article:
    """An article's text and, when its page says, its publication date (else ``None``)."""

    text: str
    published: date | None = None


def read_upload_article(name: str, data: bytes) -> Article:
    """An uploaded file as an :class:`Article`: :func:`read_upload`'s text, and for an HTML
    page the publication date its metadata gives (:func:`page_published`)."""
    text = read_upload(name, data)
    if Path(name).suffix.lower() in (".html", ".htm"):
        return Article(text, page_published(decode_bytes(data, name)))
    return Article(text)


# what pages call their publication date, best first: Open Graph's article tag, then schema.org
# (JSON-LD or microdata), then the names news sites and Dublin Core use
_DATE_META = (
    "article:published_time",
    "datepublished",
    "og:published_time",
    "published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
)
_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?![\d])")


def _iso_day(value: object) -> date | None:
    if not isinstance(value, str) or not (m := _ISO_DAY.match(value)):
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


class _DateReader(HTMLParser):
    """Collects the dates a page's markup gives for itself."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, date] = {}
        self.times: list[date] = []
        self.scripts: list[str] = []
        self._in_json: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): v or "" for k, v in attrs}
        if tag == "meta":
            day = _iso_day(a.get("content") or a.get("datetime"))
            for key in ("property", "name", "itemprop"):
                name = a.get(key, "").strip().lower()
                if day is not None and name:
                    self.meta.setdefault(name, day)
        elif tag == "time" and (day := _iso_day(a.get("datetime"))) is not None:
            self.times.append(day)
        elif tag == "script" and a.get("type", "").strip().lower() == "application/ld+json":
            self._in_json = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_json is not None:
            self.scripts.append("".join(self._in_json))
            self._in_json = None

    def handle_data(self, data: str) -> None:
        if self._in_json is not None:
            self._in_json.append(data)


def _ld_published(node: object, depth: int = 0) -> date | None:
    """The first ``datePublished`` in a JSON-LD value (objects, lists, ``@graph``)."""
    if depth > 8:  # real pages nest three or four levels
        return None
    if isinstance(node, dict):
        day = _iso_day(node.get("datePublished"))
        if day is not None:
            return day
        node = list(node.values())
    if isinstance(node, list):
        for item in node:
            if (day := _ld_published(item, depth + 1)) is not None:
                return day
    return None


def page_published(page: str) -> date | None:
    """The publication date an HTML page gives in its metadata, or ``None``.

    Looked for, best first: ``<meta property="article:published_time">``, a JSON-LD
    ``datePublished``, other ``<meta>`` dates (``og:published_time``, ``pubdate``,
    ``dc.date`` ...), then the first ``<time datetime>``. Only the day is kept.

    >>> page_published('<meta property="article:published_time" content="2023-09-12T08:00Z">')
    datetime.date(2023, 9, 12)
    >>> page_published("<p>On Tuesday</p>") is None
    True
    """
    reader = _DateReader()
    reader.feed(page)
    reader.close()
    if "article:published_time" in reader.meta:
        return reader.meta["article:published_time"]
    for script in reader.scripts:
        try:
            day = _ld_published(json.loads(script))
        except (ValueError, RecursionError):
            continue  # a broken block of metadata is no reason to refuse the article
        if day is not None:
            return day
    for name in _DATE_META:
        if name in reader.meta:
            return reader.meta[name]
    return reader.times[0] if reader.times else None
