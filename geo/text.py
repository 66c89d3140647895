"""Small text utilities shared by the stages: name keys, sentence spans, and the lookups
that keep every stage linear in the length of the text."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from geo.models import Span

__all__ = [
    "article_keys",
    "matches_near",
    "name_key",
    "sentence_spans",
    "span_at",
    "unmarked_key",
]

# Transliterations differ in the hyphens that tie particles to names ("Deir ez-Zor" and
# "Deir ez Zor", "Mazar-e-Sharif" and "Mazar-e Sharif"): a key reads a hyphen as a space.
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'",
                         "–": " ", "—": " ", "‐": " ", "-": " "})  # fmt: skip
# An elided particle ("d'Ivoire", "l'Aquila") keeps its apostrophe in every spelling.
_ELISION = re.compile(r"(?:^|(?<= ))[dl]'")
_SPACES = re.compile(r"\s+")


def name_key(name: str) -> str:
    """The lookup key of a name: case, accents, quote and hyphen styles and spacing folded.

    >>> name_key("  Côte d’Ivoire ")
    "cote d'ivoire"
    >>> name_key("Mazar-e-Sharif"), name_key("U.S.")
    ('mazar e sharif', 'u.s.')
    """
    translated = name.translate(_QUOTES)
    if translated.isascii():  # most names: no accents to strip (and casefold is lower)
        return " ".join(translated.split()).lower()
    decomposed = unicodedata.normalize("NFKD", translated)
    # accents and the invisible format characters a word may hold ("Mos\u2060cow")
    stripped = "".join(
        c for c in decomposed if not unicodedata.combining(c) and unicodedata.category(c) != "Cf"
    )
    return _SPACES.sub(" ", stripped).strip().casefold()


def unmarked_key(key: str) -> str | None:
    """The key without the apostrophes that transliterations write for ayin and hamza
    ("Dara'a", "Sa'sa"), where the gazetteer often has none ("Daraa"); ``None`` when the key
    has none to drop. The text's marks are dropped, never the gazetteer's: "Hail" is not
    "Ha'il".

    >>> unmarked_key("sa'sa"), unmarked_key("cote d'ivoire"), unmarked_key("daraa")
    ('sasa', None, None)
    """
    if "'" not in key or _ELISION.search(key):
        return None
    return key.replace("'", "")


# The Arabic article as romanised names write it: "al"/"el", or assimilated to a following "sun
# letter" ("Ar Raqqah", "As Suwayda", "Ash Shaddadi"). News drops it or keeps it as the
# gazetteer does not ("Qamishli" for "Al Qamishli", "al-Raqqa" for "Raqqa").
_ARTICLES = ("al", "el")
_SUN_LETTERS = ("sh", "th", "dh", "zh", "t", "d", "r", "z", "s", "n")
# (dropped only where it is no English word: "As", "At" and "An" open English phrases)
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|az|ash|ath|adh) (?=\S)")
# an assimilated article glued to the word after a first one: "Deir Ezzor", "Ras Errayyan"
_GLUED = re.compile(r"(?<= )([ae])([tdrzsn])\2(?=[a-z]{2})")


def article_keys(key: str) -> tuple[str, ...]:
    """The key with the Arabic article dropped, or with it added (plain and assimilated).

    >>> article_keys("al raqqa"), article_keys("qamishli"), article_keys("shaddadi")
    (('raqqa',), ('al qamishli', 'el qamishli'), ('al shaddadi', 'el shaddadi', 'ash shaddadi'))

    An assimilated article glued to its word after the first is written apart:

    >>> article_keys("deir ezzor"), article_keys("ras errayyan")
    (('deir ez zor',), ('ras er rayyan',))
    """
    unglued = _GLUED.sub(r"\1\2 \2", key)  # "deir ezzor": "deir ez zor" (Deir ez-Zor)
    if unglued != key:
        return (unglued,)
    head = _ARTICLE.match(key)
    if head is not None:
        return (key[head.end() :],)
    found = [f"{article} {key}" for article in _ARTICLES]
    sun = next((s for s in _SUN_LETTERS if key.startswith(s)), None)
    if sun is not None:
        found.append(f"a{sun} {key}")
    return tuple(found)


# A sentence ends at . ! ? (optionally followed by closing quotes or brackets) before
# whitespace and an opening capital, digit or quote, or at a line break. Abbreviations such
# as "U.S." or "Gov." before a capitalised word are the known weakness; they only shift
# which sentence is quoted. The run of marks starts only where a run starts and is taken
# whole (possessive): retried from inside a long "!!!!" it would cost quadratic time.
_SENTENCE_END = re.compile(r"""(?<![.!?])[.!?]++["'”’)\]]*+(?=\s+["'“‘(\[]?[A-Z0-9])|\n+""")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]\.){2,}$|\b(?:Mr|Mrs|Ms|Dr|St|Gov|Sen|Rep|Gen|Lt|Col|Capt|Sgt|Jr|Sr|Prof|No|Mt|Ft|vs)\.$"
)
# An abbreviation is told by the characters just before its dot: two initials ("U.S.") or the
# longest title with its boundary ("Capt.") fit in this many.
_ABBREVIATION_WINDOW = 8


def sentence_spans(text: str) -> tuple[Span, ...]:
    """Split ``text`` into sentence spans covering every non-blank character.

    >>> [str(s) for s in sentence_spans("Kim left. He went to Russia.\\nDone")]
    ['Span(start=0, end=9)', 'Span(start=10, end=28)', 'Span(start=29, end=33)']
    """
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end() if match.group().strip() else match.start()
        dot = match.start() + 1
        window = max(start, dot - _ABBREVIATION_WINDOW)
        # (searched in place: the pattern sees the word boundary before the window)
        if match.group().startswith(".") and _ABBREVIATION.search(text, window, dot):
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


def span_at(spans: Sequence[Span], starts: Sequence[int], offset: int) -> Span | None:
    """The span holding ``offset``, of ``spans`` in text order and not overlapping (``starts``
    are their starts, listed once by the caller so that each lookup is a bisection).

    >>> spans = (Span(0, 9), Span(10, 28))
    >>> span_at(spans, [0, 10], 12), span_at(spans, [0, 10], 9)
    (Span(start=10, end=28), None)
    """
    i = bisect_right(starts, offset) - 1
    if i >= 0 and spans[i].start <= offset < spans[i].end:
        return spans[i]
    return None


def matches_near(
    pattern: re.Pattern[str],
    text: str,
    anchors: Iterable[tuple[int, int]],
    before: int,
    after: int,
) -> list[re.Match[str]]:
    """Matches of ``pattern`` that hold the start of an anchor, looked for only from
    ``before`` characters before each anchor (``(start, end)``, in text order) to ``after``
    characters past its end.

    Windows that overlap are scanned once, as one stretch: a window each would go over text
    dense with anchors ("5 km 5 km ...") ``before + after`` times.

    >>> figure = re.compile(r"\\d+ km")
    >>> [m.group() for m in matches_near(figure, "5 km, 6 km", [(2, 4), (8, 10)], 3, 1)]
    ['5 km', '6 km']
    """
    starts: list[int] = []
    stretches: list[list[int]] = []
    for start, end in anchors:
        low, high = max(0, start - before), end + after
        if stretches and low <= stretches[-1][1]:
            stretches[-1][1] = max(stretches[-1][1], high)
        else:
            stretches.append([low, high])
        starts.append(start)
    found = []
    for low, high in stretches:
        for match in pattern.finditer(text, low, high):
            i = bisect_left(starts, match.start())
            if i < len(starts) and starts[i] < match.end():
                found.append(match)
    return found
