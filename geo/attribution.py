"""How sure an article is of an event, and who says so: negation and denial, modal verbs
("could", "may"), expectation ("will", "as early as"), and reporting ("KCNA said", "according
to Russia's TASS news agency")."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from geo.models import Certainty, Span

__all__ = ["Cues", "certainty", "read_cues", "source"]

_NEGATION = re.compile(
    r"\b(?:not|never|no|n't|hadn't|didn't|wasn't|weren't|hasn't|haven't)\b[^.;]{0,25}$", re.I
)
_DENIED = re.compile(r"\b(?:denied|denies|deny|denying|rejected claims)\b", re.I)
_POSSIBLE = re.compile(
    r"\b(?:could|may|might|possibly|possible|likely|probably|potential|unclear whether)\b", re.I
)
_UNCLEAR = re.compile(r"\b(?:unclear|not clear) whether\b", re.I)
_EXPECTED = re.compile(
    r"\b(?:will|would|expected to|expects to|plans? to|planned|set to|scheduled|is to|are to|"
    r"due to|to take place|as early as|in the coming)\b",
    re.I,
)
_REPORTED = re.compile(
    r"\b(?:said|says|reported|reports|according to|citing|cited|told|quoted|claimed)\b", re.I
)
# A word of a source's name is taken whole and is at most _NAME_CHARS long: the pattern is
# tried at every capital letter, and a long word of capitals read to its end from each of
# them would cost quadratic time.
_NAME_CHARS = 40  # longer than any word of a name
_NAME_WORD = rf"[A-Z][\w'’.-]{{0,{_NAME_CHARS - 1}}}+"
_SOURCE = re.compile(
    r"(?:according to|citing)\s+(?P<a>[^,.;]{2,60}?)(?=[,.;]|\s+(?:said|as|that)\b)"
    rf"|(?P<b>(?:(?:the|The)\s+)?(?:{_NAME_WORD}\s++){{0,5}}?(?:{_NAME_WORD}|officials|analysts|"
    r"experts|sources|media|newspaper|agency|spokesperson|spokesman|spokeswoman))"
    r"\s+(?:said|says|reported|reports|told|announced)\b",
)
_NOT_A_SOURCE = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|He|She|It|They|We|I)$"
)


@dataclass(frozen=True, slots=True)
class Cues:
    """What a sentence says of all its events at once, read once for the sentence rather
    than once for each of its events (a long sentence has many)."""

    sentence: Span
    denied: bool  # a denial anywhere in the sentence
    reported: bool  # a reporting verb anywhere in the sentence
    unclear_end: int  # where the first "unclear whether" ends (past the sentence if none)
    source_offsets: tuple[int, ...]  # where each source is named, in text order
    source_names: tuple[str, ...]


def read_cues(text: str, sentence: Span) -> Cues:
    """The cues of ``sentence``."""
    body = text[sentence.start : sentence.end]
    unclear = _UNCLEAR.search(body)
    offsets, names = [], []
    for match in _SOURCE.finditer(body):
        name = (match.group("a") or match.group("b") or "").strip()
        name = re.sub(r"^(?:the|The)\s+", "", name)
        if name and not _NOT_A_SOURCE.match(name):
            offsets.append(sentence.start + match.start())
            names.append(name)
    return Cues(
        sentence,
        bool(_DENIED.search(body)),
        bool(_REPORTED.search(body)),
        sentence.start + unclear.end() if unclear else sentence.end + 1,
        tuple(offsets),
        tuple(names),
    )


def certainty(text: str, cues: Cues, start: int, end: int) -> Certainty:
    """How sure the sentence of ``cues`` is of the event whose verb is ``text[start:end]``."""
    sentence = cues.sentence
    # the clause of the verb, within 60 characters before it
    low = max(sentence.start, start - 60)
    before = text[max(low, text.rfind(",", low, start) + 1) : start]
    near_before = text[max(sentence.start, start - 30) : start]
    after = text[end : min(sentence.end, end + 30)]
    if _NEGATION.search(near_before) or cues.denied:
        return Certainty.DENIED
    if (
        _POSSIBLE.search(near_before)
        or re.match(r"\s+(?:is|was|were|are)\s+possible", after)
        or cues.unclear_end <= start
    ):
        return Certainty.POSSIBLE
    if _EXPECTED.search(before) or re.match(r"\s+(?:is|was)\s+expected", after):
        return Certainty.EXPECTED
    if cues.reported:
        return Certainty.REPORTED
    return Certainty.HAPPENED


def source(cues: Cues, start: int) -> str:
    """The source the sentence of ``cues`` names nearest to ``start`` (the earlier of two as
    near), or ``""``."""
    offsets = cues.source_offsets
    k = bisect_left(offsets, start)
    if k < len(offsets) and (k == 0 or offsets[k] - start < start - offsets[k - 1]):
        return cues.source_names[k]
    return cues.source_names[k - 1] if k else ""
