"""Names of places that name something else here: a currency ("US$ 5 million"), a disease
("Marburg virus"), a storm ("Tropical Storm Florence"), a company ("Bed Bath & Beyond"), a team
or a paper ("Dallas Cowboys", "Los Angeles Times"), a person speaking ("Lincoln said")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from geo.lang.en_lookalikes import (
    DEDICATION_LEADS,
    DISEASE_WORDS,
    INSTITUTION_HEADS,
    PLURAL_PLACE_NOUNS,
    RELIGIOUS_HEADS,
    SAINT_WORDS,
    SPEECH_VERBS,
    STORM_WORDS,
)
from geo.tokens import Token

__all__ = ["is_dedication", "is_lookalike", "names_organisation"]

_NAME_WORDS = 8  # the words of a company's name looked at for its "&"
_HEADLINE_REACH = 120  # characters on each side that tell a headline from a sentence
_HEADLINE_SHARE = 0.2  # a line with fewer lower-case words than this is in headline case
# the word after a name: a capitalised plural ("Cowboys", not "Cowboys'" nor "Ross"), or an
# ampersand tying it to more of a name ("Texas A&M", "Johnson & Johnson")
_NEXT_WORD = re.compile(r"\s?(?:(?P<word>[A-Z][a-z]*[a-rt-z]s)\b(?!['’])|[A-Za-z]*&|\s*&)")


def is_lookalike(
    text: str, tokens: Sequence[Token], first: int, last: int, *, major: bool, placed: bool
) -> bool:
    """Whether the name of tokens ``first`` to ``last`` names no place here: a currency, a
    disease, a storm, a person speaking, or a word of a company's name ("Bed Bath & Beyond";
    a major place in one, "Texas A&M", still names the place: see :func:`names_organisation`).
    ``placed``: the words around put the name where a place stands ("a source in Ramadi said").
    """
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    before = tokens[first - 1] if first > 0 else None
    if after is not None and after.text == "$" and after.start == tokens[last].end:
        return True  # "US$", "HK$", "NZ$"
    if after is not None and after.text.lower() in DISEASE_WORDS:
        return True
    if before is not None and before.text in STORM_WORDS:
        return True
    if not major and _joined_by_ampersand(tokens, first, last):
        return True
    if is_dedication(tokens, first, last):
        return True
    if first < last and tokens[last].text in INSTITUTION_HEADS and after is not None:
        return after.text in ("for", "of")  # "the Michigan Center for Computer Security"
    speaks = after is not None and after.text in SPEECH_VERBS
    return speaks and not major and not placed and first == last


def is_dedication(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Whether tokens ``first`` to ``last`` are a saint's name that a church, feast or order is
    dedicated to: after "the church of" (also as the second of "St. Peter and St. Paul"), or
    opening the name of a church ("St. Paul's Cathedral", "Saint Paul Coptic Church").

    >>> from geo.tokens import tokenize
    >>> words = tokenize("the church of St. Peter and St. Paul in Cairo")
    >>> is_dedication(words, 3, 5), is_dedication(words, 7, 9), is_dedication(words, 10, 10)
    (True, True, False)
    """
    if tokens[first].text not in SAINT_WORDS:
        return False
    k = first - 1
    if k >= 3 and tokens[k].text == "and":
        # "St. Peter and St. Paul": the first saint's name, with or without its dot
        k -= 1
        while k > 0 and (tokens[k].is_cap or tokens[k].text == "."):
            k -= 1
        if tokens[k + 1].text not in SAINT_WORDS:
            return False
    if k >= 1 and tokens[k].text == "of" and tokens[k - 1].text.lower() in DEDICATION_LEADS:
        return True
    # the rest of the capitalised name: "St. Paul's Cathedral", "Saint Paul Coptic Church",
    # "the Saint Peter and Saint Paul Church"
    for j in range(last + 1, min(len(tokens), last + 9)):
        word = tokens[j].text
        if word in RELIGIOUS_HEADS:
            return True
        saint_follows = j + 1 < len(tokens) and tokens[j + 1].text in SAINT_WORDS
        if not (tokens[j].is_cap or word in ("'s", "’s", ".") or (word == "and" and saint_follows)):
            return False
    return False


def names_organisation(text: str, start: int, end: int) -> bool:
    """Whether the place named at ``start:end`` is part of an organisation's name: a team, a
    paper or a company ("Dallas Cowboys", "the Los Angeles Times", "Texas Instruments",
    "Texas A&M"). The place is still named, as what the organisation is called after."""
    after = _NEXT_WORD.match(text, end)
    if after is not None and "&" in after.group(0):
        return True
    if after is None or after.group("word") is None:
        return False
    word = after.group("word")
    return (
        word not in PLURAL_PLACE_NOUNS
        and not word.isupper()
        and not _headline_line(text, start, end)
    )


def _joined_by_ampersand(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Part of a run of capitalised words tied by "&" ("Bed Bath & Beyond", "Marks &
    Spencer"): a company's name."""
    i, low = first, max(0, first - _NAME_WORDS)
    while i > low and (tokens[i - 1].is_cap or tokens[i - 1].text == "&"):
        i -= 1
        if tokens[i].text == "&":
            return True
    j, high = last, min(len(tokens) - 1, last + _NAME_WORDS)
    while j < high and (tokens[j + 1].is_cap or tokens[j + 1].text == "&"):
        j += 1
        if tokens[j].text == "&":
            return True
    return False


def _headline_line(text: str, start: int, end: int) -> bool:
    """Whether ``start:end`` stands in a line of title-case words ("Paris Attacks Kill 130"),
    where a capitalised plural is no sign of a team."""
    # within a window: a text without line breaks is one long line, and reading all of it
    # for every name would take time that grows with the square of its length
    low, high = max(0, start - _HEADLINE_REACH), min(len(text), end + _HEADLINE_REACH)
    line_start = text.rfind("\n", low, start) + 1 or low
    stop = text.find("\n", end, high)
    line = text[max(line_start, low) : stop if stop >= 0 else high]
    words = [w for w in line.split() if w[:1].isalpha()]
    lower = sum(1 for w in words if w[:1].islower())
    return len(words) >= 3 and lower < _HEADLINE_SHARE * len(words)
