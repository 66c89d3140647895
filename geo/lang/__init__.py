"""The words of one language that the stages read, as values handed to them.

A language is one module here (``geo.lang.en`` for English) that builds these values from its
word lists; a second language is a second module building the same values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from geo.models import PlaceKind
from geo.ontology import Action

__all__ = ["EventLexicon", "Support"]


class Support(StrEnum):
    """Where a support verb finds the event noun that gives it its meaning."""

    OBJECT = "object"  # after it: "launched an airstrike", "held talks", "carried out raids"
    SUBJECT = "subject"  # before it: "clashes broke out", "the blast occurred"


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """The words that name events, each with the event type (:class:`~geo.ontology.Action`) it
    gives, and the few function words that tell how the event is told.

    All words are lower case. Finding triggers costs a few dictionary lookups per word.
    """

    words: Mapping[str, Action]  # every form of every trigger word ("killed", "protesters")
    pairs: Mapping[tuple[str, str], Action]  # two words naming one event ("opened fire")
    # Support verbs name an event only with an event noun near them, whose type they take
    # ("launched an airstrike", "fighting broke out"); alone ("launched a satellite") none.
    supports: Mapping[str, Support]
    support_pairs: Mapping[tuple[str, str], Support]  # "carried out", "took place"
    impacts: frozenset[str]  # "struck": of the event noun before it, if any ("a bomb struck")
    pair_firsts: frozenset[str]  # the first words of ``pairs`` and ``support_pairs``
    heads: frozenset[str]  # every word that may begin a trigger: the one lookup most words need
    bare_verbs: Mapping[str, Action]  # plain forms that are verbs only after a marker ...
    bare_markers: frozenset[str]  # ... such as "to" or a modal ("would target", "to storm")
    pair_gap: int  # words that may stand inside a pair ("blew himself up")
    support_reach: int  # words a support verb looks across for its event noun
    clause_breaks: frozenset[str]  # words it does not look across ("that", "when", "after")
    relativizers: frozenset[str]  # ... but "bombings that ripped through": the noun before
    prepositions: frozenset[str]  # nor, looking ahead, a preposition ("during the trip")
    # Events that share their place: coordinated verbs ("shot and killed in Nablus"), an event
    # and the event that tells how it happened ("killed in an airstrike on Gaza", "killed when
    # gunmen opened fire in Jenin"), a participle clause ("struck Kerbala, killing five").
    coordinators: frozenset[str]  # "and", "or"
    event_links: frozenset[str]  # "in", "during", "when": an event, then how it happened
    determiners: frozenset[str]  # "the", "a": "the killing of" is a noun, not a clause
    participles: frozenset[str]  # the past participles of the verbs above ("killed", "shot")
    passive_auxiliaries: frozenset[str]  # "was", "were": a participle after one is passive
    passive_adverbs: frozenset[str]  # words that may stand between the two ("not", "also")
    adverb_suffix: str  # ... as may any word with this ending ("reportedly")
    perfect_auxiliaries: frozenset[str]  # "has", "had": "has been captured"
    agent_marker: str  # "by": who did it, after a passive participle
    infinitive_marker: str  # "to": a support verb after it has no event noun before it
    place_nouns: Mapping[str, PlaceKind]  # "village", "districts": what sort of place a name is
    not_before: Mapping[str, frozenset[str]]  # a word followed by one of these is no event
    capitalised_not: frozenset[str]  # words that, capitalised, are names ("March", a month)
    object_first: frozenset[str]  # "a plane carrying Biden": the actor follows the word
    # A trigger covers its verb group: the auxiliaries before a verb ("were killed", "has been
    # captured", "is constantly delivering strikes"), and a verb it completes ("managed to
    # recapture", "aimed at foiling").
    verb_heads: frozenset[str]  # the forms above that are verbs, which a verb group may lead to
    auxiliaries: frozenset[str]  # "is", "had", "been": the group begins at the first
    hedges: frozenset[str]  # "not", "could", "possibly": left out, they tell how sure it is
    catenatives: Mapping[str, frozenset[str]]  # "managed" -> {"to"}, "aimed" -> {"at"}
    # Forms of "be": support verbs of an event noun before them ("the attack was on a market"),
    # or after them following the existential word ("there were clashes")
    copulas: frozenset[str]
    event_nouns: frozenset[str]  # the forms of ``words`` listed as nouns ("bomb", "storm")
    existential: str
    # Support verbs that name an event of their own without a noun ("it happened in Lyon")
    occurrences: frozenset[str]
    # Words of ``not_before`` that then tell the toll of the event before them ("the storm left
    # four dead"): a support verb of its subject
    results: frozenset[str]

    def is_adverb(self, word: str) -> bool:
        """Whether ``word`` (lower case) may stand between an auxiliary and its participle."""
        return word in self.passive_adverbs or (
            len(word) > len(self.adverb_suffix) + 2 and word.endswith(self.adverb_suffix)
        )
