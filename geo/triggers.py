"""Event triggers: the words of a text that name an event, each with its event type.

A trigger is a word form of the language's :class:`~geo.lang.EventLexicon` ("killed",
"airstrike", "protesters"), or a pair of words naming one event, perhaps with a few words
inside ("opened fire", "blew himself up"). A support verb names an event only with an event
noun near it, and the two make one trigger of the noun's type ("launched an airstrike",
"clashes broke out"). A participle after a form of "be" or "get" ("was killed", "were carried
out"), or followed by the agent marker ("shot by police"), is passive: its subject is who the
event happened to, not who did it.

A trigger that begins with a verb covers its verb group: the auxiliaries and adverbs before it
("were killed", "has also been shelled") and a verb it completes ("managed to recapture"), but
not a modal or a negation, which tell how sure the event is. A copula joins the event noun just
before it ("the attack was on a market"), a toll the event that caused it ("the storm left four
dead"); an occurrence verb with no event noun is an incident of its own ("it happened in Lyon").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from geo.lang import EventLexicon, Support
from geo.ontology import Action
from geo.tokens import Token

__all__ = ["Trigger", "find_triggers"]

_PASSIVE_GAP = 2  # adverbs that may stand between an auxiliary or a modal and its verb
_GROUP_REACH = 4  # words of a verb group before its verb: "has also been repeatedly shelled"
_CLAUSE_PUNCTUATION = frozenset(',;:.!?()[]"“”')


@dataclass(frozen=True, slots=True)
class Trigger:
    """The words that name one event (one word, a pair, or a support verb and its noun)."""

    start: int  # at its verb group: "were killed", "managed to recapture"
    end: int
    action: Action
    passive: bool  # "was killed", "shot by police": the subject is not the actor
    head: int  # where its own words begin, after the group ("killed", "recapture")


@dataclass(frozen=True, slots=True)
class _Found:
    """A trigger or a support verb, with the words (indices into the words) it spans."""

    first: int
    last: int
    action: Action | None  # None: a support verb, waiting for its noun
    support: Support | None
    passive: bool
    head: int = -1  # the first word before its verb group was added, once it has one


def find_triggers(text: str, tokens: Sequence[Token], lexicon: EventLexicon) -> list[Trigger]:
    """The triggers of ``text`` in text order, a few dictionary lookups per word.

    >>> from geo.lang.en import EVENTS
    >>> from geo.tokens import tokenize
    >>> text = "Gunmen opened fire and two were killed. Troops launched an offensive."
    >>> for t in find_triggers(text, tokenize(text), EVENTS):
    ...     print(text[t.start : t.end], t.action.value, t.passive)
    opened fire attack False
    were killed kill True
    launched an offensive attack False
    """
    words: list[Token] = []
    lower: list[str] = []
    joined: list[bool] = []  # whether a clause goes on from each word to the next
    broken = False
    for t in tokens:
        if t.text[:1].isalpha():
            if words:
                joined.append(not broken)
            words.append(t)
            lower.append(t.text.lower())
            broken = False
        elif t.text in _CLAUSE_PUNCTUATION:
            broken = True
    found: list[_Found] = []
    heads, capitalised_not = lexicon.heads, lexicon.capitalised_not
    n = 0
    while n < len(words):
        word = lower[n]
        if word in heads and not (word in capitalised_not and words[n].text[:1].isupper()):
            item = _read(lower, joined, n, lexicon)
            if item is not None:
                found.append(item)
                n = item.last
        n += 1
    triggers = _verb_groups(_resolve_supports(found, lower, joined, lexicon), lower, joined,
                            lexicon)  # fmt: skip
    return [
        Trigger(
            words[f.first].start,
            words[f.last].end,
            f.action,
            f.passive,
            words[f.head if f.head >= 0 else f.first].start,
        )
        for f in triggers
        if f.action is not None
    ]


def _read(lower: list[str], joined: list[bool], n: int, lexicon: EventLexicon) -> _Found | None:
    """The trigger or support verb that starts at word ``n``, if any."""
    word = lower[n]
    # a pair, its words perhaps apart ("set 28 homes ablaze"), if nothing between names an event
    # (a pair naming an event before a support pair: "went on strike", not "went on")
    reach = min(len(lower), n + 2 + lexicon.pair_gap) if word in lexicon.pair_firsts else 0
    support_pair: tuple[int, Support] | None = None
    for k in range(n + 1, reach):
        if not joined[k - 1]:
            break
        pair = lexicon.pairs.get((word, lower[k]))
        if pair is not None:
            return _Found(n, k, pair, None, _passive(lower, n, k, lexicon))
        support = lexicon.support_pairs.get((word, lower[k]))
        if support is not None and support_pair is None:
            support_pair = (k, support)
        if lower[k] in lexicon.words or lower[k] in lexicon.supports:
            break
    if support_pair is not None:
        k, support = support_pair
        return _Found(n, k, None, support, _passive(lower, n, k, lexicon))
    next_word = lower[n + 1] if n + 1 < len(lower) and joined[n] else ""
    action = lexicon.words.get(word)
    if word in lexicon.bare_verbs and _after_marker(lower, joined, n, lexicon):
        action = lexicon.bare_verbs[word]  # "would target", "to storm"
    if action is not None:
        if next_word in lexicon.not_before.get(word, ()):
            # "the storm left four dead": the toll of the event before, else nothing
            return _Found(n, n, None, Support.SUBJECT, False) if word in lexicon.results else None
        return _Found(n, n, action, None, _passive(lower, n, n, lexicon))
    support = lexicon.supports.get(word)
    if next_word in lexicon.not_before.get(word, ()):
        return None  # ("the meeting is possible")
    if support is not None and not (word in lexicon.copulas and _leads(lower, joined, n, lexicon)):
        return _Found(n, n, None, support, _passive(lower, n, n, lexicon))
    return None


def _leads(lower: list[str], joined: list[bool], n: int, lexicon: EventLexicon) -> bool:
    """ "were killed", "is constantly delivering": an auxiliary of the verb after it."""
    for k in range(n + 1, min(len(lower), n + 2 + _GROUP_REACH)):
        if not joined[k - 1]:
            return False
        if lower[k] in lexicon.verb_heads:
            return True
        if lower[k] not in lexicon.auxiliaries and not lexicon.is_adverb(lower[k]):
            return False
    return False


def _after_marker(lower: list[str], joined: list[bool], n: int, lexicon: EventLexicon) -> bool:
    """ "would target", "to storm", "would never intentionally target": a plain verb."""
    for k in range(n - 1, max(-1, n - 2 - _PASSIVE_GAP), -1):
        if not joined[k]:
            return False
        if lower[k] in lexicon.bare_markers:
            return True
        if not lexicon.is_adverb(lower[k]):
            return False
    return False


def _passive(lower: list[str], first: int, last: int, lexicon: EventLexicon) -> bool:
    """ "were killed", "was reportedly shot", "got hurt", "shot by police"."""
    if lower[first] not in lexicon.participles:
        return False
    if last + 1 < len(lower) and lower[last + 1] == lexicon.agent_marker:
        return True
    for k in range(first - 1, max(-1, first - 2 - _PASSIVE_GAP), -1):
        if lower[k] in lexicon.passive_auxiliaries:
            return True
        if not lexicon.is_adverb(lower[k]):
            return False
    return False


def _resolve_supports(
    found: list[_Found], lower: list[str], joined: list[bool], lexicon: EventLexicon
) -> list[_Found]:
    """Each support verb joined to the event noun it supports, which it gives its span (and
    its voice); support verbs without one dropped. An impact verb joins the event noun before
    it likewise ("a car bomb struck"), and keeps its own type without one ("jets struck").
    Nouns are sought word by word, at most ``support_reach`` words away, within the clause: a
    handful of lookups per verb."""
    at = {f.first: i for i, f in enumerate(found) if f.action is not None}
    ends = {f.last: i for i, f in enumerate(found) if f.action is not None}
    out = list(found)
    for i, f in enumerate(found):
        impact = f.action is not None and f.first == f.last and lower[f.first] in lexicon.impacts
        if f.support is None and not impact:
            continue
        # a copula's noun comes before it, or after it past "there" ("there were clashes")
        existential = (
            lower[f.first] in lexicon.copulas and f.first > 0 and joined[f.first - 1]
            and lower[f.first - 1] == lexicon.existential
        )  # fmt: skip
        if lower[f.first] in lexicon.copulas or lower[f.first] in lexicon.results:
            ahead = _seek(f.last, 1, at, lower, joined, lexicon) if existential else None
            behind = None if existential else _subject(f.first, ends, lower, joined, lexicon)
        else:
            ahead = None if impact else _seek(f.last, 1, at, lower, joined, lexicon)
            # "patrolling Kabul to make it safe": an infinitive does not look back
            infinitive = f.first > 0 and lower[f.first - 1] == lexicon.infinitive_marker
            behind = None if infinitive else _seek(f.first, -1, ends, lower, joined, lexicon)
        order = (ahead, behind) if f.support is Support.OBJECT else (behind, ahead)
        target = next((t for t in order if t is not None), None)
        if target is None and f.support is not None and lower[f.first] in lexicon.occurrences:
            out[i] = replace(f, action=Action.INCIDENT)  # "it happened in Lyon"
            continue
        if target is None or out[target].action is None:
            continue  # (none, or an impact verb already joined to its own noun)
        noun = out[target]
        out[target] = replace(
            noun, first=min(noun.first, f.first), last=max(noun.last, f.last), passive=f.passive
        )
        out[i] = replace(f, action=None)  # (now part of the noun's trigger)
    kept = sorted((f for f in out if f.action is not None), key=lambda f: f.first)
    return _compounds(kept, lower, joined, lexicon)


def _subject(
    copula: int, ends: dict[int, int], lower: list[str], joined: list[bool], lexicon: EventLexicon
) -> int | None:
    """The event noun just before a copula or a toll, past auxiliaries and modals ("the attack
    was", "the attack may have been", "the storm has left"), as an index into the triggers."""
    for k in range(copula - 1, max(-1, copula - 2 - _GROUP_REACH), -1):
        if not joined[k]:
            return None
        if k in ends:
            return None if lower[k] in lexicon.participles else ends[k]  # ("those killed were")
        if not (
            lower[k] in lexicon.auxiliaries or lower[k] in lexicon.bare_markers
            or lexicon.is_adverb(lower[k])
        ):  # fmt: skip
            return None
    return None


def _verb_groups(
    found: list[_Found], lower: list[str], joined: list[bool], lexicon: EventLexicon
) -> list[_Found]:
    """Each trigger that begins with a verb, begun at its verb group: the verb it completes
    ("managed to recapture", "aimed at foiling") and the auxiliaries and adverbs before them
    ("were killed", "has also been captured"); not a modal or a negation, which tell how
    sure the event is ("could have been killed": "have been killed")."""
    out: list[_Found] = []
    floor = -1  # (the last word of the trigger before: a group does not reach into it)
    for f in found:
        first = f.first
        if lower[first] in lexicon.verb_heads:
            marker = first - 1
            if (
                marker - 1 > floor and joined[marker - 1] and joined[marker]
                and lower[marker] in lexicon.catenatives.get(lower[marker - 1], ())
            ):  # fmt: skip
                first = marker - 1
            for k in range(first - 1, max(floor, first - 1 - _GROUP_REACH), -1):
                if not joined[k] or lower[k] in lexicon.hedges:
                    break
                if lower[k] in lexicon.auxiliaries:
                    first = k
                elif not lexicon.is_adverb(lower[k]):
                    break
        out.append(replace(f, first=first, head=f.first) if first != f.first else f)
        floor = f.last
    return out


def _compounds(
    found: list[_Found], lower: list[str], joined: list[bool], lexicon: EventLexicon
) -> list[_Found]:
    """Two event nouns in a row are one event, of the second's type: "a bomb blast", "a
    protest march", "a bomb attack"; not a verb after a noun ("an attack killed")."""
    out: list[_Found] = []
    for f in found:
        before = out[-1] if out else None
        if (
            before is not None and before.first == before.last == f.first - 1 == f.last - 1
            and joined[before.last] and lower[before.last] not in lexicon.participles
            and lower[f.first] not in lexicon.participles and not lower[f.first].endswith("ing")
            and (lower[before.last] in lexicon.event_nouns
                 or lower[before.last] not in lexicon.bare_verbs)
        ):  # fmt: skip
            out[-1] = replace(f, first=before.first)
        else:
            out.append(f)
    return out


def _seek(
    start: int,
    step: int,
    triggers: dict[int, int],
    lower: list[str],
    joined: list[bool],
    lexicon: EventLexicon,
) -> int | None:
    """The trigger (an index into ``found``) nearest to word ``start`` in direction
    ``step``, within reach and clause; not a past participle, which is a verb of its own."""
    k = start
    for _ in range(lexicon.support_reach):
        link = k if step > 0 else k - 1
        if not 0 <= link < len(joined) or not joined[link]:
            return None
        k += step
        if (step > 0 and lower[k] in lexicon.prepositions) or (
            lower[k] in lexicon.clause_breaks
            and not (step < 0 and k == start - 1 and lower[k] in lexicon.relativizers)
        ):
            return None  # (but "the bombings that ripped through": the noun before "that")
        if k in triggers:
            return None if lower[k] in lexicon.participles else triggers[k]
    return None
