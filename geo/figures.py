"""A length as an article writes it: "about 425 miles", "30-40 km", "some thirty-five
kilometres", with its hedge, its figure or range and its unit, read into a
:class:`~geo.models.ClaimedValue`. The pattern names its groups and the reader reads them by
those names, so the two live here together."""

from __future__ import annotations

import re

from geo.models import ClaimedValue

__all__ = ["claimed_values", "figure_pattern"]

_WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
} | {
    w: 10 * i
    for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
    if i > 1
}
_WORD_NUMBER = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|"
    r"five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_NUM = rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{_WORD_NUMBER}"
_HEDGE = (
    r"about|approximately|approx\.|around|roughly|some|nearly|almost|more than|over|"
    r"less than|under|just over|just under|up to|within|at least|at most|barely|only"
)
_UNIT = r"nautical miles?|kilomet(?:er|re)s?|km|miles?|mi|met(?:er|re)s?|m"
_UNITS = {"km": "km", "kilometer": "km", "kilometre": "km", "mi": "mi", "mile": "mi",
          "nautical mile": "nmi", "m": "m", "meter": "m", "metre": "m"}  # fmt: skip


def figure_pattern(n: str) -> str:
    """The pattern of one figure, its groups named ``h{n}`` (hedge), ``a{n}`` and ``b{n}``
    (the figure, or the ends of a range) and ``u{n}`` (unit)."""
    # (the space around a hyphen before the unit is taken whole: two optional runs of spaces
    # side by side would be tried at every split)
    return (
        rf"(?:(?P<h{n}>{_HEDGE})\s+)?(?:between\s+)?(?P<a{n}>{_NUM})"
        rf"(?:\s*(?:-|–|to|and)\s*(?P<b{n}>{_NUM}))?\s*+(?:-\s*+)?(?P<u{n}>{_UNIT})\b"
    )


def _number(text: str) -> float:
    """ "1,200" -> 1200.0, "thirty-five" -> 35.0."""
    word = text.lower()
    if word[0].isdigit():
        return float(word.replace(",", ""))
    return float(sum(_WORD_NUMBERS[part] for part in word.split("-")))


def claimed_values(match: re.Match[str]) -> list[ClaimedValue]:
    """The figures of ``match``, read from the groups :func:`figure_pattern` names with ``n``
    "1" and "2" (a figure and its conversion, "about 425 miles (680 kilometers)", the second
    taking the first's hedge); none from a pattern without them."""
    values = []
    for n in ("1", "2"):
        if match.re.groupindex.get(f"a{n}") is None or match.group(f"a{n}") is None:
            continue
        a = _number(match.group(f"a{n}"))
        b = match.group(f"b{n}")
        unit_word = match.group(f"u{n}").lower().rstrip("s")
        unit = _UNITS.get(unit_word, _UNITS.get(unit_word.replace("er", "re"), "km"))
        hedge = (match.group(f"h{n}") or (match.group("h1") if n == "2" else "") or "").lower()
        start = match.start(f"h{n}") if match.group(f"h{n}") else match.start(f"a{n}")
        end = match.end(f"u{n}")
        text = match.string[start:end]
        if b is not None:
            high = _number(b)
            values.append(ClaimedValue(start, end, text, None, a, high, unit, hedge))
        else:
            values.append(ClaimedValue(start, end, text, a, None, None, unit, hedge))
    return values
