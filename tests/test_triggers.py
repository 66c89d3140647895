"""The grammar of triggers, one short news sentence for each rule: verb groups, verbs completed
by an event verb, copulas and tolls of an event noun, occurrence verbs, and the words added to
the lexicon (how often each is right is measured on
``../shared/eval/event-locations-dev.jsonl``, not here)."""

from __future__ import annotations

import pytest

from geo.lang.en import EVENTS
from geo.lang.en_forms import verb_forms
from geo.models import Action
from geo.tokens import tokenize
from geo.triggers import Trigger, find_triggers


def triggers(text: str) -> list[tuple[str, Action]]:
    return [(text[t.start : t.end], t.action) for t in find_triggers(text, tokenize(text), EVENTS)]


def only(text: str) -> Trigger:
    (found,) = find_triggers(text, tokenize(text), EVENTS)
    return found


# --- a trigger covers its verb group ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "action"),
    [
        ("Three villagers were killed in Kano.", "were killed", Action.KILL),
        ("The town has also been shelled.", "has also been shelled", Action.ATTACK),
        ("The force is constantly delivering strikes.", "is constantly delivering strikes",
         Action.ATTACK),
        ("Rebels had seized the airport.", "had seized", Action.SEIZE),
        # a verb it completes
        ("The army managed to recapture Palmyra.", "managed to recapture", Action.SEIZE),
        ("Inmates attempted to storm the gate.", "attempted to storm", Action.ATTACK),
        ("The rebels succeeded in capturing the hill.", "succeeded in capturing", Action.SEIZE),
        ("Residents were forced to flee.", "were forced to flee", Action.EVACUATE),
        ("Jets responded by bombing the camp.", "responded by bombing", Action.ATTACK),
    ],
)  # fmt: skip
def test_a_trigger_begins_at_its_verb_group(text: str, trigger: str, action: Action) -> None:
    assert triggers(text) == [(trigger, action)]


def test_the_group_keeps_where_its_verb_begins() -> None:
    text = "Two men were reportedly shot by police."
    t = only(text)
    assert text[t.start : t.head] == "were reportedly " and text[t.head : t.end] == "shot"
    assert t.passive


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # how sure the event is stays outside, where the certainty cues read it
        ("He could have been killed.", "have been killed"),
        ("He was not killed.", "killed"),
        ("The town was possibly shelled.", "shelled"),
        ("The army planned to attack.", "attack"),  # (a plan, not an attempt)
    ],
)
def test_modals_negations_and_plans_stay_outside(text: str, trigger: str) -> None:
    t = only(text)
    assert text[t.start : t.end] == trigger


def test_a_group_does_not_reach_into_the_trigger_before() -> None:
    assert triggers("Protesters were shot.") == [
        ("Protesters", Action.PROTEST),
        ("were shot", Action.ASSAULT),
    ]


# --- copulas, tolls and occurrences -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There were clashes in Homs.", [("were clashes", Action.FIGHT)]),
        ("The attack was on a market.", [("attack was", Action.ATTACK)]),
        ("The attack may have been deliberate.", [("attack may have been", Action.ATTACK)]),
        ("The storm left four dead.", [("storm left", Action.DISASTER), ("dead", Action.DIE)]),
        ("It happened in Lyon.", [("happened", Action.INCIDENT)]),
        ("Clashes were aimed at the army.", [("Clashes were aimed", Action.FIGHT)]),
        ("The meeting took place in Geneva.", [("meeting took place", Action.MEET)]),
    ],
)
def test_copulas_tolls_and_occurrences(text: str, expected: list[tuple[str, Action]]) -> None:
    assert triggers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a copula is no event, nor joins a noun it does not follow
        ("The village was quiet.", []),
        ("He was a member of the attack team.", [("attack", Action.ATTACK)]),
        ("Most of those killed were civilians.", [("killed", Action.KILL)]),
        # nor joins a verb: "say he was" is no trigger
        ("They say he was there.", [("say", Action.STATEMENT)]),
        # a toll with no event before it, a break out of something: no event
        ("He left four children.", []),
        # how sure it is stays outside the trigger, where the certainty cues read it
        ("The meeting is possible on Tuesday.", [("meeting", Action.MEET)]),
        ("Moscow tries to break out of isolation.", []),
    ],
)
def test_no_event_from_a_copula_or_a_toll_alone(
    text: str, expected: list[tuple[str, Action]]
) -> None:
    assert triggers(text) == expected


# --- words added to the lexicon ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "action"),
    [
        ("Bodies were found in a river.", "were found", Action.DISCOVER),
        ("Police discovered a weapons cache.", "discovered", Action.DISCOVER),
        ("The victims were buried on Friday.", "were buried", Action.MOURN),
        ("Thousands attended the funeral.", "attended the funeral", Action.MOURN),
        ("Three civilians lost their lives.", "lost their lives", Action.DIE),
        ("Thousands took to the streets.", "took to the streets", Action.PROTEST),
        ("Troops laid siege to the city.", "laid siege", Action.ATTACK),
        ("Two journalists went missing.", "went missing", Action.ABDUCT),
        ("The ministry denied the report.", "denied", Action.REJECT),
        ("The government postponed the vote.", "postponed", Action.RESTRICT),
        ("Gunmen riding motorcycles opened fire.", "riding", Action.TRAVEL),
    ],
)  # fmt: skip
def test_added_words(text: str, trigger: str, action: Action) -> None:
    assert (trigger, action) in triggers(text)


@pytest.mark.parametrize(
    "text",
    [
        "The study found that prices rose.",
        "He hopes to find a way.",
        "They found themselves alone.",
    ],
)
def test_find_is_a_discovery_only_of_something(text: str) -> None:
    assert triggers(text) == []


def test_new_irregular_verbs() -> None:
    assert "brought" in verb_forms("bring") and "caught" in verb_forms("catch")
    assert "sought" in verb_forms("seek") and "laid" in verb_forms("lay")
    assert "rode" in verb_forms("ride") and "lost" in verb_forms("lose")


def test_an_infinitive_support_verb_does_not_reach_back_over_a_name() -> None:
    text = "Nearly 2,000 troops are patrolling Kabul every day to make it a safe place."
    spans = [text[t.start : t.end] for t in find_triggers(text, tokenize(text), EVENTS)]
    assert spans == ["are patrolling"]


def test_took_place_is_an_incident_without_an_event_noun() -> None:
    text = "The event took place at night. Huge protests took place in Hama. He took the town."
    found = [(text[t.start : t.end], t.action) for t in find_triggers(text, tokenize(text), EVENTS)]
    assert found == [
        ("took place", Action.INCIDENT),
        ("protests took place", Action.PROTEST),
    ]
