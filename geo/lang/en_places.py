"""English words that frame a name as a place (``geo.frames``): an apposition ("X, a town in
..."), a bearing ("X, 60 km north of Y"), a preposition of place. Written from English grammar
and news style."""

from __future__ import annotations

from types import MappingProxyType

from geo.lang.en import PLACE_NOUNS
from geo.lang.en_forms import noun_forms
from geo.models import PlaceKind

__all__ = [
    "APPOSITION_ENDS",
    "APPOSITION_NOUNS",
    "BEARINGS",
    "DISTANCE_UNITS",
    "EXAMPLE_WORDS",
    "HEDGES",
    "KIND_WORDS",
    "PLACED_IN",
    "PLACE_PARTS",
    "PLACE_PREFIXES",
    "STANDS_AT",
    "TOWN_PARTS",
    "TOWN_WORDS",
    "VENUE_WORDS",
]

# Last words of a name that is as often a park, a square or a green in a town as a town of
# its own ("Victoria Park", "Union Square"): such a name read as a town in a country the story
# never mentions is the venue in the story's town.
VENUE_WORDS = frozenset("Park Gardens Square Green Common Commons Plaza Field Fields".split())

# Nouns after a name that make it a part of a town, when the text says whose ("Giza's Haram
# district", "the city's Abbassiya district", "the Karrada neighbourhood in Baghdad"), and the
# nouns that stand for that town ("the city's").
TOWN_PARTS = frozenset(
    "district neighbourhood neighborhood quarter suburb borough ward precinct".split()
)
TOWN_WORDS = frozenset("city capital town".split())

# Nouns that an apposition names a place with, besides the place nouns: "X, the capital of Y".
_APPOSITION_EXTRA: dict[PlaceKind, str] = {
    PlaceKind.CITY: "capital community shantytown",
    PlaceKind.REGION: "enclave",
}


def _apposition_nouns() -> MappingProxyType[str, PlaceKind]:
    nouns = dict(PLACE_NOUNS)
    for kind, words in _APPOSITION_EXTRA.items():
        for word in words.split():
            nouns.update((form, kind) for form in noun_forms(word))
    return MappingProxyType(nouns)


APPOSITION_NOUNS = _apposition_nouns()
# Words after the noun of an apposition that end the noun phrase ("a town near Kirkuk"); any
# other word makes the noun a modifier ("a town official", "a village elder").
APPOSITION_ENDS = frozenset(
    """in of on near about some around located situated close just along at between outside
    inside under that which where with controlled held populated bordering lying known home
    by off""".split()
)
# Compass words: "60 km north of", "in western Syria".
BEARINGS = frozenset(
    """north south east west northeast northwest southeast southwest north-east north-west
    south-east south-west northern southern eastern western central northeastern northwestern
    southeastern southwestern""".split()
)
DISTANCE_UNITS = frozenset("km kilometers kilometres kilometer kilometre miles mile mi".split())
# Words that soften a distance: "some 60 km", "just north of".
HEDGES = frozenset("about some around nearly roughly almost just approximately only".split())
# Prepositions before a name that stand it where a place stands ("in X, Syria"). Not "of",
# "by", "with" or "to", which as often name a person ("according to Conrad, South Africa").
STANDS_AT = frozenset(
    "in at near outside inside around into across throughout within from toward towards".split()
)
# Prepositions that place a name inside or beside a known place: "X in Helmand province".
PLACED_IN = frozenset({"in", "near", "outside"})
# Generic words that open place names transliterated from Arabic (and Hebrew), as English news
# writes them: "Tal Al-Madafa" (a hill), "Kafr Nabuda" (a village), "Deir Khabiyeh", "Jabal
# Thardeh", "Wadi Barada". A name of two words or more opening with one is a place. Not "Abu",
# "Umm", "Sheikh" or "Khan", which open people's names as often ("Khan Younis" the man).
PLACE_PREFIXES: MappingProxyType[str, PlaceKind] = MappingProxyType(
    {
        **dict.fromkeys(("Tal", "Tell", "Tall", "Jabal", "Jebel", "Jbel", "Ras"),
                        PlaceKind.LANDMARK),
        **dict.fromkeys(("Kafr", "Kfar", "Deir", "Dayr", "Beit", "Bayt", "Khirbet", "Khirbat",
                         "Dahiyat", "Mazraat", "Ain", "Bir", "Qasr", "Tel"),
                        PlaceKind.CITY),
        "Wadi": PlaceKind.WATER,
    }
)  # fmt: skip

# Words after a plural place noun that list places by example: "villages like X and Y",
# "towns including X", "cities such as X" ("such" before "as" is checked by the caller).
EXAMPLE_WORDS = frozenset({"like", "including", "such"})

# Parts of a place: "the outskirts of X", "the streets of X" name X as a place (of no sort said).
# Not "stronghold" or "heart" alone of a people ("a stronghold of the Taliban").
PLACE_PARTS = frozenset(
    "outskirts suburbs outskirt edge edges centre center streets countryside environs "
    "vicinity gates fringes periphery surroundings hinterland".split()
)


# What a reader calls each kind of place, for legends and labels.
KIND_WORDS: MappingProxyType[PlaceKind, str] = MappingProxyType(
    {
        PlaceKind.CITY: "city or town",
        PlaceKind.COUNTRY: "country",
        PlaceKind.ADMIN1: "state/province",
        PlaceKind.COUNTY: "county/district",
        PlaceKind.REGION: "region",
        PlaceKind.CONTINENT: "continent",
        PlaceKind.WATER: "sea, lake or river",
        PlaceKind.LANDMARK: "landmark",
        PlaceKind.BORDER: "border or crossing",
        PlaceKind.FACILITY: "street or building",
    }
)
