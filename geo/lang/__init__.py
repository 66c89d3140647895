"""The words of one language that the stages read, as values handed to them.

A language is one module here (``geo.lang.en`` for English) that builds these values from its
word lists; a second language is a second module building the same values.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from geo.models import PlaceKind, PlaceRole
from geo.ontology import Action

__all__ = ["AttributionWords", "EventLexicon", "RoleWords", "Support"]


class Support(StrEnum):
    """Where a support verb finds the event noun that gives it its meaning."""

    OBJECT = "object"  # after it: "launched an airstrike", "held talks", "carried out raids"
    SUBJECT = "subject"  # before it: "clashes broke out", "the blast occurred"


@dataclass(frozen=True, slots=True)
class RoleWords:
    """The words that tie a place to an event and give it its role there (``geo.roles``), that
    tell a place written only to say where another is (``geo.enclosure``), and that keep the
    events of one sentence from sharing their places (``geo.chains``).

    Patterns are compiled once, when the language is built; each is matched as it is given
    (its flags, its case), and a pattern ending in ``$`` is searched in the text just before
    a place.
    """

    # The preposition before a place and the role it gives ("from " origin, "30 km from "
    # reference), tried in order, the first found deciding
    roles: tuple[tuple[re.Pattern[str], PlaceRole], ...]
    clause_break: re.Pattern[str]  # what a verb and its place are not read across: "that"
    # Words that may stand between a verb or a preposition and the place ("the", "eastern",
    # "downtown"): a run of them ending the text, and a run of them from where it is matched
    skip_before: re.Pattern[str]
    only_skipped: re.Pattern[str]
    longest_skipped: int  # characters of the longest of those words
    venue: re.Pattern[str]  # "a possible venue is ": the place after it hosts the meeting
    site: re.Pattern[str]  # "the site of": the place before it is where the event after was
    where: re.Pattern[str]  # ", where": the place before it is where the event after was
    name_of: re.Pattern[str]  # "Forces of ", "State of the ": a place ending another name
    # "commander of ", "ambassador to the ": a word (group 1) and the preposition that ties a
    # place to it; when the word is a title, the place says whose office, not where
    office_of: re.Pattern[str]
    possessor: re.Pattern[str]  # "Spain's ", "Thailand's southernmost ": before a place
    possessive: re.Pattern[str]  # the "'s" of a possessor, matched right after its name
    introduces: re.Pattern[str]  # what stands between "the town" and its name: " of ", ", "
    # "Malha in Hasaka", "the Amriya district of Baghdad": a place written inside another ...
    within: frozenset[str]
    before_larger: frozenset[str]  # ... and the words that may precede the larger: "the"
    of: str  # "in the northern countryside of Y": a word that may also stand among those
    # Words opening a clause about something else ("that", "who"), which a place of a
    # sentence's other events does not reach
    clause_openers: frozenset[str]
    participle_ending: str  # "-ing": a verb with it may open a clause ("..., killing five")


@dataclass(frozen=True, slots=True)
class AttributionWords:
    """The words that tell how sure an article is of an event and who says so
    (``geo.attribution``): negation, denial, modal verbs, expectation, reporting.

    Patterns are compiled once, when the language is built; each is matched as it is given.
    A pattern ending in ``$`` is searched in the text just before an event's verb, one
    matched at the start, in the text just after it.
    """

    negation: re.Pattern[str]  # "not", "didn't": the event did not happen
    denied: re.Pattern[str]  # "denied": anywhere in the sentence
    possible: re.Pattern[str]  # "could", "possibly", before the verb ...
    possible_after: re.Pattern[str]  # ... or " was possible" after it
    unclear: re.Pattern[str]  # "unclear whether": the events after it are possible
    expected: re.Pattern[str]  # "will", "plans to", "as early as", before the verb ...
    expected_after: re.Pattern[str]  # ... or " is expected" after it
    reported: re.Pattern[str]  # "said", "according to": anywhere in the sentence
    # Who says so: the name after "according to" (group ``a``) or before "said" (group ``b``)
    source: re.Pattern[str]
    leading_article: re.Pattern[str]  # "the " before a source's name, left out
    not_sources: frozenset[str]  # "Monday", "He": capitalised words that name no source
    # "said on ": a time after it is when the report was made, not when the event happened
    reporting_time: re.Pattern[str]


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
    # Demonyms that, written right before an attack, name who attacked ("a Russian offensive")
    attacker_demonyms: frozenset[str]
    roles: RoleWords  # where an event happened
    attribution: AttributionWords  # how sure the article is of it, and who says so

    def is_adverb(self, word: str) -> bool:
        """Whether ``word`` (lower case) may stand between an auxiliary and its participle."""
        return word in self.passive_adverbs or (
            len(word) > len(self.adverb_suffix) + 2 and word.endswith(self.adverb_suffix)
        )
