"""How sure an article is of an event, and who says so: negation and denial, modal verbs
("could", "may"), expectation ("will", "as early as"), and reporting ("KCNA said", "according
to Russia's TASS news agency")."""

from __future__ import annotations

import re

from geo.models import Certainty, Span

__all__ = ["certainty", "source"]

_NEGATION = re.compile(
    r"\b(?:not|never|no|n't|hadn't|didn't|wasn't|weren't|hasn't|haven't)\b[^.;]{0,25}$", re.I
)
_DENIED = re.compile(r"\b(?:denied|denies|deny|denying|rejected claims)\b", re.I)
_POSSIBLE = re.compile(
    r"\b(?:could|may|might|possibly|possible|likely|probably|potential|unclear whether)\b", re.I
)
_EXPECTED = re.compile(
    r"\b(?:will|would|expected to|expects to|plans? to|planned|set to|scheduled|is to|are to|"
    r"due to|to take place|as early as|in the coming)\b",
    re.I,
)
_REPORTED = re.compile(
    r"\b(?:said|says|reported|reports|according to|citing|cited|told|quoted|claimed)\b", re.I
)
_SOURCE = re.compile(
    r"(?:according to|citing)\s+(?P<a>[^,.;]{2,60}?)(?=[,.;]|\s+(?:said|as|that)\b)"
    r"|(?P<b>(?:(?:the|The)\s+)?(?:[A-Z][\w'’.-]*\s+){0,5}?(?:[A-Z][\w'’.-]*|officials|analysts|"
    r"experts|sources|media|newspaper|agency|spokesperson|spokesman|spokeswoman))"
    r"\s+(?:said|says|reported|reports|told|announced)\b",
)
_NOT_A_SOURCE = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|He|She|It|They|We|I)$"
)


def certainty(text: str, sentence: Span, start: int, end: int) -> Certainty:
    clause_start = max(sentence.start, text.rfind(",", sentence.start, start) + 1)
    before = text[max(clause_start, start - 60) : start]
    near_before = text[max(sentence.start, start - 30) : start]
    after = text[end : min(sentence.end, end + 30)]
    body = text[sentence.start : sentence.end]
    if _NEGATION.search(near_before) or _DENIED.search(body):
        return Certainty.DENIED
    if (
        _POSSIBLE.search(near_before)
        or re.match(r"\s+(?:is|was|were|are)\s+possible", after)
        or re.search(r"\b(?:unclear|not clear) whether\b", text[sentence.start : start], re.I)
    ):
        return Certainty.POSSIBLE
    if _EXPECTED.search(before) or re.match(r"\s+(?:is|was)\s+expected", after):
        return Certainty.EXPECTED
    if _REPORTED.search(body):
        return Certainty.REPORTED
    return Certainty.HAPPENED


def source(text: str, sentence: Span, start: int) -> str:
    body = text[sentence.start : sentence.end]
    best = ""
    best_distance = 10**9
    for match in _SOURCE.finditer(body):
        name = (match.group("a") or match.group("b") or "").strip()
        name = re.sub(r"^(?:the|The)\s+", "", name)
        if _NOT_A_SOURCE.match(name):
            continue
        distance = abs(sentence.start + match.start() - start)
        if name and distance < best_distance:
            best, best_distance = name, distance
    return best
