"""Event chains: the events of one sentence that happened where another of them did.

Coordinated verbs share their place ("was shot and killed in Nablus"); an event takes the place
of the event that tells how it happened ("were killed in an air strike on Gaza City", "were
killed when gunmen opened fire in Baladruz", "detonated a bomb near Hebron"); a participle
clause takes the place of the clause it hangs on ("struck the city of Kerbala, killing five
people and wounding 64"). Only the events with no location of their own take one, and only
locations are shared: where a journey went is its own. A thing said takes no place from what
it is about ("condemned the killing of a journalist in Tbilisi").
"""

from __future__ import annotations

from collections.abc import Sequence

from geo.lang import EventLexicon
from geo.models import EventPlace, PlaceRole
from geo.ontology import SAID
from geo.triggers import Trigger

__all__ = ["share_places"]

_CHAIN_WORDS = 6  # words between an event and the event noun or clause that tells how
_COORDINATED_WORDS = 3  # "and", "and then", ", and was"
_CLAUSE_CHARS = 200  # characters between a clause's verb and its participle clause
_HARD_BREAKS = frozenset(';:()[]"“”')


def share_places(
    text: str,
    triggers: Sequence[Trigger],
    places: dict[int, list[EventPlace]],
    lexicon: EventLexicon,
) -> None:
    """Add to ``places`` (each trigger's places, by its index in ``triggers``, the triggers
    of one sentence in text order) the locations each event shares with its neighbours."""

    def locations(k: int) -> list[EventPlace]:
        return [p for p in places.get(k, ()) if p.role is PlaceRole.LOCATION]

    # an event, then the event that tells how it happened: right to left, so that a chain
    # ("killed in clashes that erupted in Taez") carries the place back to its start
    for k in range(len(triggers) - 2, -1, -1):
        if not locations(k) and _tells_how(text, triggers[k], triggers[k + 1], lexicon):
            if triggers[k].action in SAID and not _coordinated(
                text, triggers[k], triggers[k + 1], lexicon
            ):
                continue  # "condemned the killing of a journalist in Tbilisi": not there
            places.setdefault(k, []).extend(locations(k + 1))
    for k in range(1, len(triggers)):
        if not locations(k) and (
            _coordinated(text, triggers[k - 1], triggers[k], lexicon)
            or (
                triggers[k].action not in SAID
                and _participle_clause(text, triggers[k - 1], triggers[k], lexicon)
            )
        ):
            places.setdefault(k, []).extend(locations(k - 1))
    # what is left without a place takes the locations of its nearest event in the sentence
    # that has some: "were shot during a crackdown on an opposition rally in Kabwe", unless a
    # clause about something else opens between them (``lexicon.roles.clause_openers``: a
    # said "that ...", a "who ..."; not "as", "when", "after", which tell when it happened)
    placed = [k for k in range(len(triggers)) if locations(k)]
    if not placed:
        return
    for k in range(len(triggers)):
        if triggers[k].action in SAID or locations(k):
            continue
        near = min(placed, key=lambda j: _distance(triggers[k], triggers[j]))
        gap = _gap(text, *sorted((triggers[k], triggers[near]), key=lambda t: t.start))
        if (
            gap is not None
            and "," not in gap
            and not lexicon.roles.clause_openers.intersection(gap.lower().split())
        ):
            places.setdefault(k, []).extend(locations(near))


def _distance(a: Trigger, b: Trigger) -> int:
    return b.start - a.end if a.start < b.start else a.start - b.end


def _gap(text: str, a: Trigger, b: Trigger) -> str | None:
    gap = text[a.end : b.start]
    return None if _HARD_BREAKS.intersection(gap) else gap


def _coordinated(text: str, a: Trigger, b: Trigger, lexicon: EventLexicon) -> bool:
    """ "shot and killed", "shot, wounded", "killed and were later buried"."""
    gap = _gap(text, a, b)
    if gap is None:
        return False
    words = gap.replace(",", " , ").lower().split()
    return (
        0 < len(words) <= _COORDINATED_WORDS
        and any(w == "," or w in lexicon.coordinators for w in words)
        and all(
            w == "," or w in lexicon.coordinators or w in lexicon.passive_auxiliaries
            or w in lexicon.perfect_auxiliaries or lexicon.is_adverb(w)
            for w in words
        )
    )  # fmt: skip


def _tells_how(text: str, a: Trigger, b: Trigger, lexicon: EventLexicon) -> bool:
    """Whether ``b`` tells how ``a`` happened: coordinated with it, its object ("detonated
    a bomb"), or linked to it by a preposition or a "when" ("killed in clashes", "died when
    the roof collapsed")."""
    if _coordinated(text, a, b, lexicon):
        return True
    gap = _gap(text, a, b)
    if gap is None or "," in gap:
        return False
    words = gap.lower().split()
    if len(words) > _CHAIN_WORDS:
        return False
    rest = words[1:] if words and words[0] in lexicon.event_links else words
    return not any(
        w in lexicon.prepositions or w in lexicon.clause_breaks or w in lexicon.event_links
        for w in rest
    )


def _participle_clause(text: str, a: Trigger, b: Trigger, lexicon: EventLexicon) -> bool:
    """ "struck the city of Kerbala, killing five": ``b`` an -ing verb in a clause that hangs
    on ``a``'s, not an -ing noun ("the killing of", "a Kim-Putin meeting") nor the verb of
    another clause ("and that ... meeting")."""
    gap = _gap(text, a, b)
    if (
        gap is None
        or len(gap) > _CLAUSE_CHARS
        or not text[b.start : b.end].endswith(lexicon.roles.participle_ending)
    ):
        return False
    words = gap.replace(",", " , ").split()
    if not words or any(
        w.lower() in lexicon.clause_breaks or w.lower() in lexicon.coordinators for w in words
    ):
        return False
    last = words[-1]
    return last == "," or not (
        last[:1].isupper() or last in lexicon.determiners or last in lexicon.prepositions
    )
