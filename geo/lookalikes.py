"""Names of places that name something else here: a currency ("US$ 5 million"), a disease
("Marburg virus"), a storm ("Tropical Storm Florence"), a company ("Bed Bath & Beyond"), a team
or a paper ("Dallas Cowboys", "Los Angeles Times"), a person speaking ("Lincoln said")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from geo.lang.en_lookalikes import DISEASE_WORDS, PLURAL_PLACE_NOUNS, SPEECH_VERBS, STORM_WORDS
from geo.tokens import Token

__all__ = ["is_lookalike", "names_organisation"]

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
    speaks = after is not None and after.text in SPEECH_VERBS
    return speaks and not major and not placed and first == last


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
