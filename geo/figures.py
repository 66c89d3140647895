"""A length as an article writes it: "about 425 miles", "30-40 km", "some thirty-five
kilometres", "half a mile", "1/2 mile", "a few miles", with its hedge, its figure, range or
vague amount and its unit, read into a :class:`~geo.models.ClaimedValue`. The pattern names
its groups and the reader reads them by those names, so the two live here together."""

from __future__ import annotations

import re

from geo.lang.en_claims import FRACTIONS, HEDGES, NUMBER_WORDS, UNITS, VAGUE_AMOUNTS
from geo.models import Bound, ClaimedValue

__all__ = ["claimed_values", "figure_pattern", "unit_of"]


def _alternatives(words: object) -> str:
    """A regex alternation of ``words``, longest first so that "just over" wins over "just"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))  # type: ignore[call-overload]


_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_WORD_NUMBER = (
    rf"(?:(?:{_TENS})(?:-(?:{_ONES}))?|{_ONES}|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    rf"sixteen|seventeen|eighteen|nineteen)(?:\s+hundred)?|(?:a|one)\s+hundred"
)
_NUM = rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?(?:\s+\d/\d)?|\d/\d|[½¼¾]|{_WORD_NUMBER}"
_HEDGE = _alternatives(HEDGES)
_VAGUE = rf"(?:{VAGUE_AMOUNTS})(?:\s+(?:hundred|thousand))?"
# "a" and the fractions only before a spelled unit: "a m" is no length
_FRACTION = _alternatives(w for w in FRACTIONS if w[0] not in "½¼¾")
_SPELLED = (
    r"nautical\s+miles?|kilomet(?:er|re)s?|kilometrs|miles?|met(?:er|re)s?|yards?|feet|foot"
    r"|blocks?"
)
_UNIT = rf"{_SPELLED}|kms?|mi|m|yds|ft"


def figure_pattern(n: str) -> str:
    """The pattern of one figure, its groups named ``h{n}`` (hedge), ``a{n}`` and ``b{n}``
    (the figure, or the ends of a range), ``v{n}`` (a vague amount), ``f{n}`` (a fraction
    or "a") and ``u{n}`` (unit)."""
    # (the space around a hyphen before the unit is taken whole: two optional runs of spaces
    # side by side would be tried at every split)
    return (
        rf"(?:(?P<h{n}>{_HEDGE})\s+)?(?:between\s+)?"
        rf"(?:(?P<v{n}>{_VAGUE})\s+(?P<s{n}>{_SPELLED}|kms?)|(?P<f{n}>{_FRACTION})\s+"
        rf"(?P<g{n}>{_SPELLED})|(?P<a{n}>{_NUM})(?:\s*(?:-|–|to|and|or)\s*(?P<b{n}>{_NUM}))?"
        rf"\s*+(?:-\s*+)?(?P<u{n}>{_UNIT}))\b"
    )


def _number(text: str) -> float:
    """ "1,200" -> 1200.0, "thirty-five" -> 35.0, "1/2" -> 0.5, "two hundred" -> 200.0.

    >>> _number("1,200"), _number("thirty-five"), _number("1 1/2"), _number("two hundred")
    (1200.0, 35.0, 1.5, 200.0)
    """
    word = text.lower().strip()
    if word in FRACTIONS:
        return FRACTIONS[word]
    if word[0].isdigit():
        whole, _, fraction = word.replace(",", "").partition(" ")
        if "/" in whole:
            fraction, whole = whole, "0"
        top, _, bottom = fraction.partition("/")
        return float(whole) + (float(top) / float(bottom) if bottom and float(bottom) else 0.0)
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS[word])
    parts = word.split()
    if parts[-1] == "hundred":
        return 100.0 * float(sum(NUMBER_WORDS[p] for p in parts[0].split("-")))
    return float(sum(NUMBER_WORDS[part] for part in word.split("-")))


def unit_of(written: str) -> str:
    """The unit a written unit word is: "kilometres" -> "km", "nautical  miles" -> "nmi"."""
    return UNITS.get(" ".join(written.lower().split()), "km")


def claimed_values(match: re.Match[str]) -> list[ClaimedValue]:
    """The figures of ``match``, read from the groups :func:`figure_pattern` names with ``n``
    "1" and "2" (a figure and its conversion, "about 425 miles (680 kilometers)", the second
    taking the first's hedge); none from a pattern without them."""
    values = []
    for n in ("1", "2"):
        if match.re.groupindex.get(f"u{n}") is None:
            continue
        unit_group = next((g for g in "usg" if match.group(f"{g}{n}")), None)
        if unit_group is None:
            continue
        hedge = (match.group(f"h{n}") or (match.group("h1") if n == "2" else "") or "").lower()
        bound = HEDGES.get(hedge, Bound.POINT)
        start = match.start(f"h{n}") if match.group(f"h{n}") else match.start(f"{unit_group}{n}")
        for g in "vfa":
            if match.group(f"{g}{n}"):
                start = min(start, match.start(f"{g}{n}"))
        end = match.end(f"{unit_group}{n}")
        text = match.string[start:end]
        unit = unit_of(match.group(f"{unit_group}{n}"))
        if match.group(f"v{n}"):
            values.append(ClaimedValue(start, end, text, None, None, None, unit, hedge, bound))
        elif match.group(f"f{n}"):
            value = FRACTIONS[" ".join(match.group(f"f{n}").lower().split())]
            values.append(ClaimedValue(start, end, text, value, None, None, unit, hedge, bound))
        elif match.group(f"b{n}") is not None:
            low, high = _number(match.group(f"a{n}")), _number(match.group(f"b{n}"))
            values.append(ClaimedValue(start, end, text, None, low, high, unit, hedge, bound))
        else:
            value = _number(match.group(f"a{n}"))
            values.append(ClaimedValue(start, end, text, value, None, None, unit, hedge, bound))
    return values
