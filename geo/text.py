"""Small text utilities shared by the stages: name keys and sentence spans."""

from __future__ import annotations

import re
import unicodedata

from geo.models import Span

__all__ = ["name_key", "sentence_spans"]

_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "–": "-", "—": "-", "‐": "-"})
_SPACES = re.compile(r"\s+")


def name_key(name: str) -> str:
    """The lookup key of a name: case, accents, quote and dash styles and spacing folded.

    >>> name_key("  Côte d’Ivoire ")
    "cote d'ivoire"
    >>> name_key("U.S.")
    'u.s.'
    """
    decomposed = unicodedata.normalize("NFKD", name.translate(_QUOTES))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", stripped).strip().casefold()


# A sentence ends at . ! ? (optionally followed by closing quotes or brackets) before
# whitespace and an opening capital, digit or quote, or at a line break. Abbreviations such
# as "U.S." or "Gov." before a capitalised word are the known weakness; they only shift
# which sentence is quoted.
_SENTENCE_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|\n+""")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]\.){2,}$|\b(?:Mr|Mrs|Ms|Dr|St|Gov|Sen|Rep|Gen|Lt|Col|Capt|Sgt|Jr|Sr|Prof|No|Mt|Ft|vs)\.$"
)


def sentence_spans(text: str) -> tuple[Span, ...]:
    """Split ``text`` into sentence spans covering every non-blank character.

    >>> [str(s) for s in sentence_spans("Kim left. He went to Russia.\\nDone")]
    ['Span(start=0, end=9)', 'Span(start=10, end=28)', 'Span(start=29, end=33)']
    """
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end() if match.group().strip() else match.start()
        if match.group().startswith(".") and _ABBREVIATION.search(text[start : match.start() + 1]):
            continue
        _append(spans, text, start, end)
        start = match.end()
    _append(spans, text, start, len(text))
    return tuple(spans)


def _append(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))
