"""English: the words of distance and direction claims.

"Mallawi, a town some 260 kilometers (160 miles) south of Cairo": a hedge, a figure and its
unit, a compass word and a preposition, between two noun phrases. The lists were written from
how English news states where a place is, not taken from any evaluation text. Patterns are
fragments for :mod:`geo.figures` and :mod:`geo.claims` to compose; every word list is lower
case and matched without regard to case.
"""

from __future__ import annotations

from types import MappingProxyType

from geo.models import Bound

__all__ = [
    "APPOSITIVE_ARTICLES",
    "CAPITAL_HEADS",
    "COMPASS",
    "DISTANCE_PREPOSITIONS",
    "FRACTIONS",
    "HEDGES",
    "JOURNEY_NOUNS",
    "LINKS",
    "MOVEMENT_VERBS",
    "NAME_PARTICLES",
    "NUMBER_WORDS",
    "PLACE_HEADS",
    "SENTENCE_WORDS",
    "UNITS",
    "VAGUE_AMOUNTS",
    "VAGUE_RANGES",
]

# The 16 points: "north", "north-east", "northeast", "north east", "north-northeast". A
# written "-ern" ("northern Iraq") is a part of a place, never where it lies from another.
COMPASS = (
    r"(?:(?:north|south|east|west)-)?(?:north|south)(?:-|\s)?(?:east|west)"
    r"|north|south|east|west"
)

# Hedges before a figure, and which side they bound ("more than 50 km": at least 50). "just",
# "only" and "still" ("still 40 km from the front") soften nothing: the figure is a point.
HEDGES: MappingProxyType[str, Bound] = MappingProxyType(
    {
        **dict.fromkeys(
            "about|approximately|approx.|around|roughly|some|nearly|almost|close to|just about|"
            "an estimated|estimated|perhaps|maybe|barely|only|just|still|only some|only about|"
            "just some|some|a mere|merely|less than a|about a".split("|"),
            Bound.POINT,
        ),
        **dict.fromkeys(
            "more than|over|at least|just over|just more than|a little over|a little more than|"
            "well over|upwards of|in excess of|no less than|not less than".split("|"),
            Bound.MIN,
        ),
        **dict.fromkeys(
            "less than|under|up to|within|at most|just under|just less than|no more than|"
            "not more than|fewer than|a little under|well under|just within|only within|"
            "well within|no further than|no farther than".split("|"),
            Bound.MAX,
        ),
    }
)

# Amounts that name no number: a claim, but not one to check ("a few miles from the Pentagon").
VAGUE_AMOUNTS = (
    "a few|a couple of|a couple|several|few|a handful of|a number of|many|dozens of|tens of|"
    "hundreds of|thousands of|a short|a very short|some few"
)
# "just a few miles", read as the least and the most such a phrase means
VAGUE_RANGES: MappingProxyType[str, tuple[float, float]] = MappingProxyType(
    {"a few": (2.0, 5.0), "a couple of": (2.0, 2.0), "a couple": (2.0, 2.0)}
)

NUMBER_WORDS: MappingProxyType[str, int] = MappingProxyType(
    {
        **{
            w: i
            for i, w in enumerate(
                "zero one two three four five six seven eight nine ten eleven twelve thirteen "
                "fourteen fifteen sixteen seventeen eighteen nineteen".split()
            )
        },
        **{
            w: 10 * i
            for i, w in enumerate(
                "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
            )
            if i > 1
        },
        "hundred": 100,
        "a hundred": 100,
        "one hundred": 100,
        "a thousand": 1000,
    }
)
# Fractions and "a" before a spelled unit ("half a mile", "a mile and a half", "a kilometre").
FRACTIONS: MappingProxyType[str, float] = MappingProxyType(
    {
        "a": 1.0,
        "an": 1.0,
        "one": 1.0,
        "half a": 0.5,
        "half an": 0.5,
        "a half": 0.5,
        "one-half": 0.5,
        "a quarter": 0.25,
        "a quarter of a": 0.25,
        "quarter of a": 0.25,
        "three quarters of a": 0.75,
        "a third of a": 1 / 3,
        "½": 0.5,
        "¼": 0.25,
        "¾": 0.75,
    }
)

# A unit as written, and the unit it is. "m" and "ft" only after a figure, never spelled.
UNITS: MappingProxyType[str, str] = MappingProxyType(
    {
        "nautical mile": "nmi",
        "nautical miles": "nmi",
        "nm": "nmi",
        "km": "km",
        "kms": "km",
        "kilometer": "km",
        "kilometers": "km",
        "kilometre": "km",
        "kilometres": "km",
        "kilometrs": "km",
        "mile": "mi",
        "miles": "mi",
        "mi": "mi",
        "meter": "m",
        "meters": "m",
        "metre": "m",
        "metres": "m",
        "m": "m",
        "yard": "yd",
        "yards": "yd",
        "yds": "yd",
        "feet": "ft",
        "foot": "ft",
        "ft": "ft",
        "block": "blocks",
        "blocks": "blocks",
    }
)

# What stands between the figure and the place it is measured from: "of", "from", "off the
# coast of", "outside", "across a bay from", "down the road from".
DISTANCE_PREPOSITIONS = (
    r"of|from|off(?:\s+the\s+(?:coast|shore|shores|coastline)\s+of)?|outside(?:\s+of)?|beyond"
    r"|short\s+of|(?:across|up|down|along)\s+(?:a|an|the)\s+[a-z]+\s+from"
)

# A way there that tells how far a place is ("a 250-kilometre drive north of Baghdad").
# hedges that can open a sentence before its figure ("More than 200 miles to the northwest, ...")
OPENING_HEDGES = (
    r"(?:more|less|fewer)\s+than|some|about|around|nearly|almost|roughly|just|over|under"
)
JOURNEY_NOUNS = r"drive|ride|walk|trip|journey|flight|hike|trek|boat\s+ride|sail"

# Between a place and what is said of its position: "Kasumbalesa, which is located about ...",
# "Braeton, just east of ...". Lower case, matched as whole words.
LINKS = frozenset(
    "which that who where and is are was were lies lie lay lying sits sit sitting stands stand "
    "standing being also just now still some located situated based positioned nestled perched "
    "set strategically directly conveniently only roughly about around".split()
)

# Verbs of going somewhere: the distance after them is how far something went ("advanced 60
# kilometers", "marched north from Yangon"), not where a place lies.
MOVEMENT_VERBS = frozenset(
    "advance advanced advancing advances march marched marching marches move moved moving "
    "moves head headed heading heads drive drove driven driving drives push pushed pushing "
    "pushes travel travelled traveled travelling traveling travels walk walked walking walks "
    "fly flew flown flying flies sail sailed sailing sails run ran running runs flee fled "
    "fleeing flees retreat retreated retreating retreats withdraw withdrew withdrawn "
    "withdrawing pull pulled pulling penetrate penetrated penetrating stretch stretched "
    "stretching stretches extend extended extending extends cover covered covering covers "
    "swim swam swimming trek trekked trekking drift drifted drifting go went going goes come "
    "came coming ride rode riding chase chased chasing pursue pursued pursuing escort escorted "
    "carry carried carrying transport transported deep".split()
)

# Perception: "could see the smoke from ten miles away", "heard 20 km away" tell how far a
# thing could be seen or heard, not where a place lies.
PERCEPTION_WORDS = frozenset(
    "see seen saw sees seeing hear heard hears hearing feel felt feels feeling smell smelled "
    "smelt visible audible spotted glimpsed".split()
)

# Nouns a place name may carry after it ("Kandahar city", "Babel province") or stand for
# ("the town of Kotli", "the city"). A bare one refers back to a place named before.
PLACE_HEADS = frozenset(
    "city town village township hamlet suburb district province governorate region area "
    "county state municipality neighbourhood neighborhood quarter camp settlement port "
    "capital oasis commune prefecture division sector zone locality enclave "
    # a site named after its town stands at the town: "Orly airport", "Minya University"
    "airport airfield university peninsula".split()
)
# The head nouns that mean the capital of a country named or implied.
CAPITAL_HEADS = frozenset({"capital"})

# Lower-case words inside a place name ("Wadi al-Sir", "Rio de Janeiro", "Mir Ali").
NAME_PARTICLES = frozenset(
    "al el ad an ar as ash at az ul ur bin ibn abu bou de del della der di da dos das du la le "
    "les van von y".split()
)

# Capitalised words that open a sentence or a clause but are no part of a name.
SENTENCE_WORDS = frozenset(
    "in at on the a an and but or of from near to by for with as after before since while when "
    "where this that these those it its his her their our some about north south east west "
    "also meanwhile elsewhere further farther earlier later then there here monday tuesday "
    "wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december police officials residents witnesses said "
    "says according".split()
)

# Words that open an appositive description of a place ("Kabwe, a city of 300,000 ...").
APPOSITIVE_ARTICLES = frozenset("a an the another one its".split())
