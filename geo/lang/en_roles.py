"""English: the words that tie a place to an event and give it its role there.

"Troops shelled a village 30 km from Kabul", "protesters marched through Harare", "the Amriya
district in western Baghdad", "Vladivostok, where Putin arrived": a preposition, an article or
an adjective before a place, a "where" or a "site of" after it. The lists were written from
how English news says where an event happened (the prepositions of place and direction of an
English grammar), not taken from any evaluation text. Lists joined by "|" are alternatives of
a pattern, written with one space between the words of a phrase; every word is lower case and
matched without regard to case, unless said otherwise.
"""

from __future__ import annotations

import re

from geo.lang import RoleWords
from geo.models import PlaceRole

__all__ = ["ROLES", "build_roles"]

# The prepositions that give a place its role at the verb they hang on ("left from Seoul",
# "flew to Moscow", "via Beijing", "in Kabul")
_ORIGIN = "from|out of"
_DESTINATION = "to|for|into|toward|towards"
_VIA = "via|through|across"
_LOCATION = "in|at|near|on|outside|inside|around|of|over|off|above|along|throughout|within"
# The far end of a distance or a direction is no place of the event: "a town 30 km from
# Kabul", "raids north of Baghdad", "some 25 kilometres (15 miles) east of Miranshah". A
# compass point ("north", "north-west", "northwest") with its adjective or adverb ending ...
_COMPASS = "north|south|east|west"
_COMPASS_ENDINGS = "ern|erly|ward"
_COMPASS_OF = "of"
# ... or a unit of length, then the words that measure from the place
_UNITS = r"km|kms|kilomet(?:er|re)s?|miles?|mi|metres?|meters?|yards?|feet|ft"
_AWAY = "away"
_MEASURED_FROM = "from|of|outside"

# Words between a preposition or a verb and its place that change nothing of where it is:
# articles and possessives, compass adjectives ("the eastern city"), and adjectives that often
# stand before a place's name ("in downtown Beijing")
_ARTICLES = "the|a|an|his|her|its|their"
_COMPASS_ADJECTIVES = "north|south|east|west|central|eastern|western|northern|southern"
_COMPASS_ADJECTIVE_ENDING = "ern"  # "north" + "ern"
_ADJECTIVES = (
    "downtown|suburban|greater|rural|coastal|nearby|neighbouring|neighboring|occupied|restive|"
    "besieged|remote|"
    # and the noun of an apposition without a comma: "demonstrated in the capital Bishkek"
    "capital"
)

# Words a verb and a place are not read across: the place is in another clause
_CLAUSE_BREAKS = "that|who|whose|which|while|whereas|although|because|where"
# ... nor are quotation marks and semicolons
_QUOTES = '“”\\"'

# "A possible venue is Vladivostok": the place a meeting with no place of its own is held
_VENUE_HEDGES = "possible|likely|probable|expected|planned"
_VENUE_NOUNS = "venue|host city|location"
_VENUE_VERBS = "is|was|would be|will be|could be"
# "The city was the site of ...": the place of the event after it
_SITE_ARTICLE = "the"
_SITE_NOUNS = "site|scene|venue"
_SITE_OF = "of"
# "Vladivostok, where Putin arrived": the place of the event after it (lower case only)
_WHERE = "where"

# "the Associated Press of Pakistan", "the Tianfu Square of Chengdu": a capitalised word, "of"
# and an article before a place end a name (case as written)
_NAME_OF = "of"
_NAME_ARTICLE = "the"
# "the governor of Kirkuk", "the ambassador to Turkey", "an adviser for Iraq": an office's place
_OFFICE_OF = "of|to|for"
# The possessive ending of a name, with either apostrophe: a name and its "'s" right before a
# place, with the word that may follow it ("Spain's Basque Country", "Thailand's southernmost")
_POSSESSIVE = "'s|’s"
# What stands between a description and the name it introduces: "the town of X", "the
# capital, X" (a comma or a space too)
_INTRODUCES = "of"

# "Malha in Hasaka", "the Amriya district of Baghdad": a place written inside another; the
# words that may stand between "in" and the larger place ("in the northern countryside of")
_WITHIN = "in of"
_BEFORE_LARGER = (
    "the northern southern eastern western central north south east west rural greater "
    "countryside outskirts suburbs"
)
_OF = "of"

# What opens a clause about something else (a said "that ...", a "who ..."), which a place
# of the sentence's other events does not reach; "as", "when" and "after" clauses tell when
# the same thing happened ("was shot as he left a Gaza City mosque") and are reached
_CLAUSE_OPENERS = "that which who whom whose whereas although though if unless but"
# The ending of the present participle that opens a participle clause, which takes the place
# of the clause it hangs on ("struck the city of Kerbala, killing five")
_PARTICIPLE_ENDING = "ing"


def _longest(*alternatives: str, ending: str = "") -> int:
    """Characters of the longest word of ``alternatives``, each followed by ``ending``."""
    return max(len(w) + len(ending) for words in alternatives for w in words.split("|"))


def build_roles() -> RoleWords:
    """The English role words.

    >>> roles = build_roles()
    >>> [role.value for pattern, role in roles.roles if pattern.search("a town 30 km from ")]
    ['reference', 'origin']
    >>> roles.skip_before.search("captured the eastern ").group()
    'the eastern '
    """
    compass = rf"(?:{_COMPASS})(?:-?(?:{_COMPASS}))?"
    # An article, a possessive or a compass word with the space after it. Each is taken whole
    # (an atomic group): "eastern" reads as "east" + "ern" or as "eastern", and a run of them
    # that fails to fit would be tried in every split, at a cost doubling with each word.
    skipped = (
        rf"(?>\b(?:{_ARTICLES})\s+|\b(?:{_COMPASS_ADJECTIVES})(?:{_COMPASS_ADJECTIVE_ENDING})?"
        rf"\s+|\b(?:{_ADJECTIVES})\s+)"
    )
    return RoleWords(
        roles=(
            (
                re.compile(rf"\b{compass}(?:{_COMPASS_ENDINGS})?\s+{_COMPASS_OF}\s+$", re.I),
                PlaceRole.REFERENCE,
            ),
            (
                re.compile(rf"\b(?:{_UNITS})\)?\s+(?:{_AWAY}\s+)?(?:{_MEASURED_FROM})\s+$", re.I),
                PlaceRole.REFERENCE,
            ),
            (re.compile(rf"\b(?:{_ORIGIN})\s+$", re.I), PlaceRole.ORIGIN),
            (re.compile(rf"\b(?:{_DESTINATION})\s+$", re.I), PlaceRole.DESTINATION),
            (re.compile(rf"\b(?:{_VIA})\s+$", re.I), PlaceRole.VIA),
            (re.compile(rf"\b(?:{_LOCATION})\s+$", re.I), PlaceRole.LOCATION),
        ),
        clause_break=re.compile(rf"[{_QUOTES}]|\b(?:{_CLAUSE_BREAKS})\b|;", re.I),
        skip_before=re.compile(rf"{skipped}+$", re.I),
        only_skipped=re.compile(rf"\s*{skipped}*", re.I),
        longest_skipped=max(
            _longest(_ARTICLES, _ADJECTIVES),
            _longest(_COMPASS_ADJECTIVES, ending=_COMPASS_ADJECTIVE_ENDING),
        ),
        venue=re.compile(
            rf"\b(?:{_VENUE_HEDGES})?\s*(?:{_VENUE_NOUNS})\s+(?:{_VENUE_VERBS})\s+", re.I
        ),
        site=re.compile(rf"\b(?:{_SITE_ARTICLE}\s+)?(?:{_SITE_NOUNS})\s+{_SITE_OF}\b", re.I),
        where=re.compile(rf",?\s+{_WHERE}\b"),
        name_of=re.compile(rf"\b[A-Z][\w'’-]*\s+{_NAME_OF}\s+(?:{_NAME_ARTICLE}\s+)?$"),
        office_of=re.compile(rf"\b([A-Za-z]+)\s+(?:{_OFFICE_OF})\s+(?:{_NAME_ARTICLE}\s+)?$"),
        possessor=re.compile(
            rf"\b[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){{0,3}}(?:{_POSSESSIVE})\s+(?:[a-z]+\s+)?$"
        ),
        possessive=re.compile(_POSSESSIVE),
        introduces=re.compile(rf"\s*,\s*|\s+{_INTRODUCES}\s+|\s+"),
        within=frozenset(_WITHIN.split()),
        before_larger=frozenset(_BEFORE_LARGER.split()),
        of=_OF,
        clause_openers=frozenset(_CLAUSE_OPENERS.split()),
        participle_ending=_PARTICIPLE_ENDING,
    )


ROLES = build_roles()
