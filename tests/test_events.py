"""The "Events" rows of shared/seed/expected.md, on the sample article (published 2023-09-12);
then the event types and the grammar of triggers, on sentences written to show each (these
prove that a rule reads its example, not how often it is right: that is measured on
``../shared/eval/event-locations-dev.jsonl``)."""

from __future__ import annotations

import doctest
from datetime import date
from types import ModuleType

import pytest

import geo
import geo.lang.en
import geo.lang.en_forms
import geo.triggers
from geo.lang.en import EVENTS, build_events
from geo.lang.en_forms import noun_forms, spellings, verb_forms
from geo.models import Action, Certainty, Event, PlaceRole
from geo.ontology import ACLED_TYPES, CODING, PLOVER_TYPES


def places(analysis: geo.Analysis, event: Event) -> set[str]:
    return {analysis.mentions[p.mention].place.name for p in event.places}  # type: ignore[union-attr]


def find(analysis: geo.Analysis, action: Action, place: str, day: str | None) -> list[Event]:
    found = []
    for e in analysis.events:
        value = e.time.value if e.time else None
        label = value.label if value else None
        if (
            e.action is action
            and place in places(analysis, e)
            and (day is None or (label or "").startswith(day))
        ):
            found.append(e)
    return found


def test_kim_departs_pyongyang_on_sunday(sample: geo.Analysis) -> None:
    (e,) = [
        e
        for e in find(sample, Action.DEPART, "Pyongyang", "2023-09-10")
        if e.trigger_text == "boarded"
    ]
    assert "Kim Jong Un" in e.actors
    assert (
        e.time is not None and e.time.value is not None and e.time.value.part_of_day == "afternoon"
    )
    assert {p.role for p in e.places} == {PlaceRole.ORIGIN}
    assert e.certainty is Certainty.REPORTED and "Korean Central News Agency" in e.source


def test_putin_arrives_in_vladivostok_on_monday(sample: geo.Analysis) -> None:
    (e,) = find(sample, Action.ARRIVE, "Vladivostok", "2023-09-11")
    assert e.actors == ("Vladimir Putin",)
    (forum,) = [
        x
        for x in find(sample, Action.MEET, "Vladivostok", "2023-09-13")
        if x.trigger_text == "attend an international forum"
    ]
    assert forum.time is not None and forum.time.modifier.value == "until"


def test_the_kremlin_statement_on_monday(sample: geo.Analysis) -> None:
    (e,) = find(sample, Action.STATEMENT, "Kremlin", "2023-09-11")
    (p,) = e.places
    assert sample.mentions[p.mention].place.coordinate.lat == pytest.approx(55.75, abs=0.05)  # type: ignore[union-attr]


def test_train_seen_at_the_border_on_monday(sample: geo.Analysis) -> None:
    (seen,) = find(sample, Action.OBSERVE, "North Korea – Russia border", "2023-09-11")
    assert seen.time_inherited
    crossed = [e for e in sample.events if e.trigger_text == "crossed"]
    # (the other "crossed", "whether the train had crossed the border", is placeless)
    (e,) = [e for e in crossed if "bridge" in sample.text[e.sentence.start : e.sentence.end]]
    assert e.certainty is Certainty.DENIED
    assert e.time is not None and e.time.value is not None
    assert (e.time.value.day, e.time.value.clock, e.time.value.utc) == (
        date(2023, 9, 11),
        "19:00",
        "10:00",
    )


def test_possible_meeting_as_early_as_tuesday(sample: geo.Analysis) -> None:
    (e,) = find(sample, Action.MEET, "Vladivostok", "2023-09-12")
    assert set(e.actors) >= {"Kim Jong Un", "Vladimir Putin"}
    assert e.certainty is Certainty.POSSIBLE
    assert e.time is not None and e.time.modifier.value == "from"


def test_first_meeting_in_2019(sample: geo.Analysis) -> None:
    (e,) = find(sample, Action.MEET, "Vladivostok", "2019")
    assert e.certainty is Certainty.HAPPENED


def test_shoigu_visit_in_july(sample: geo.Analysis) -> None:
    (e,) = find(sample, Action.VISIT, "North Korea", "2023-07")
    assert e.actors == ("Sergei Shoigu",)
    assert "Pyongyang" in places(sample, e)  # "a military parade in the capital"


def test_biden_flies_from_india_to_vietnam(sample: geo.Analysis) -> None:
    (e,) = find(sample, Action.TRAVEL, "Vietnam", "2023-09-10")
    assert e.actors == ("Joe Biden",)
    roles = {sample.mentions[p.mention].place.name: p.role for p in e.places}  # type: ignore[union-attr]
    assert roles == {"India": PlaceRole.ORIGIN, "Vietnam": PlaceRole.DESTINATION}


def test_invasion_of_ukraine_in_2022(sample: geo.Analysis) -> None:
    (e,) = find(sample, Action.ATTACK, "Ukraine", "2022")
    assert e.trigger_text == "invasion"


def test_timeline_is_in_time_order(sample: geo.Analysis) -> None:
    days = [e.time.value.day for e in sample.events if e.time and e.time.value and e.time.value.day]
    assert days == sorted(days)
    for e in sample.events:
        assert sample.text[e.trigger.start : e.trigger.end] == e.trigger_text
        assert 0 < e.confidence <= 1


def test_without_a_publication_date(gazetteer: geo.Gazetteer) -> None:
    analysis = geo.analyze("Putin arrived in Vladivostok on Monday.", gazetteer)
    (e,) = analysis.events
    assert e.action is Action.ARRIVE and e.time is not None and e.time.value is None


# --- the event types and their words ------------------------------------------------------


@pytest.mark.parametrize("action", list(Action))
def test_every_type_is_coded_in_plover_and_acled(action: Action) -> None:
    """Each type has its row in the table; ``None`` where that ontology has no such event."""
    coding = CODING[action]
    assert coding.plover is None or coding.plover in PLOVER_TYPES
    if coding.acled is not None:
        event_type, sub_event_type = coding.acled.split(" / ")
        assert event_type in ACLED_TYPES and sub_event_type


def test_the_violent_and_protest_types_are_coded_in_both() -> None:
    for action in (Action.ATTACK, Action.EXPLOSION, Action.FIGHT, Action.KILL, Action.ABDUCT,
                   Action.SEIZE, Action.ARREST, Action.PROTEST, Action.RIOT):  # fmt: skip
        assert CODING[action].plover is not None and CODING[action].acled is not None


def test_every_type_has_english_words() -> None:
    named = set(EVENTS.words.values()) | set(EVENTS.pairs.values())
    assert named == set(Action)


def test_no_word_form_names_two_types() -> None:
    """The lexicon refuses a form listed under two types; building it again gives the same."""
    assert build_events().words == EVENTS.words


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("kill", {"kill", "kills", "killed", "killing", "killings"}),
        ("shoot", {"shoots", "shot", "shooting"}),
        ("seize", {"seizes", "seized", "seizing"}),
        ("flee", {"flees", "fled", "fleeing"}),
        ("die", {"dies", "died", "dying"}),
        ("stab", {"stabbed", "stabbing"}),
        ("kidnap", {"kidnapped", "kidnapping"}),
        ("patrol", {"patrolled", "patroled", "patrolling"}),
        ("occupy", {"occupies", "occupied", "occupying"}),
        ("clash", {"clashes", "clashed"}),
        ("strike", {"struck", "stricken", "striking"}),
    ],
)
def test_verb_forms(lemma: str, forms: set[str]) -> None:
    assert forms <= set(verb_forms(lemma))


def test_noun_forms_and_spellings() -> None:
    assert noun_forms("casualty") == ("casualty", "casualties")
    assert spellings("mobilise") == ("mobilise", "mobilize")
    assert {"mobilized", "mobilisation", "mobilization"} <= EVENTS.words.keys()


def test_a_verb_whose_plain_form_is_another_noun_gives_its_past_forms_only() -> None:
    """ "shelled" attacks, "artillery shells" are things; "would target" is a verb."""
    assert EVENTS.words["shelled"] is Action.ATTACK and "shells" not in EVENTS.words
    assert "targets" not in EVENTS.words and EVENTS.bare_verbs["target"] is Action.ATTACK


@pytest.mark.parametrize("module", [geo.triggers, geo.lang.en, geo.lang.en_forms])
def test_docstring_examples(module: ModuleType) -> None:
    assert doctest.testmod(module).failed == 0


# --- triggers and their places, one sentence for each form --------------------------------


def event(analysis: geo.Analysis, trigger: str) -> Event:
    (found,) = [e for e in analysis.events if e.trigger_text == trigger]
    return found


def place_names(analysis: geo.Analysis, e: Event, role: PlaceRole = PlaceRole.LOCATION) -> set[str]:
    return {analysis.mentions[p.mention].text for p in e.places if p.role is role}


@pytest.mark.parametrize(
    ("text", "trigger", "action", "place"),
    [
        # active, passive, nominal forms
        ("Gunmen killed three villagers in Kano on Monday.", "killed", Action.KILL, "Kano"),
        ("Three villagers were killed in Kano on Monday.", "were killed", Action.KILL, "Kano"),
        ("Police condemned the killing of a journalist in Tbilisi.", "killing", Action.KILL,
         "Tbilisi"),
        ("An airstrike on Idlib destroyed a bakery.", "airstrike", Action.ATTACK, "Idlib"),
        ("A bomb blast in Quetta wounded twelve people.", "bomb blast", Action.EXPLOSION,
         "Quetta"),
        ("Clashes in Tripoli left four dead.", "Clashes", Action.FIGHT, "Tripoli"),
        ("Protesters marched in Minsk on Sunday.", "Protesters", Action.PROTEST, "Minsk"),
        # a participle clause, a relative clause, coordinated verbs
        ("A car bomb exploded in Mosul, killing five people.", "killing", Action.KILL, "Mosul"),
        ("The militants who stormed a hotel in Bamako were later captured.", "stormed",
         Action.ATTACK, "Bamako"),
        ("Two men were shot and killed in Nablus.", "were shot", Action.ASSAULT, "Nablus"),
        # an event, and the event that tells how it happened
        ("Five soldiers were killed in an ambush near Gao.", "were killed", Action.KILL, "Gao"),
        # support verbs, pairs and impact verbs: one event of the noun's type
        ("Troops launched an offensive in Donetsk.", "launched an offensive", Action.ATTACK,
         "Donetsk"),
        ("Fighting broke out in Tripoli on Sunday.", "Fighting broke out", Action.FIGHT,
         "Tripoli"),
        ("The ministers held talks in Geneva.", "held talks", Action.CONSULT, "Geneva"),
        ("A suicide bomber blew himself up in Kabul.", "blew himself up", Action.EXPLOSION,
         "Kabul"),
        ("The earthquake struck Nepal on Saturday.", "earthquake struck", Action.DISASTER,
         "Nepal"),
        ("Israeli jets struck Gaza on Monday.", "struck", Action.ATTACK, "Gaza"),
        ("In Lagos on Friday, thousands of workers went on strike.", "went on strike",
         Action.PROTEST, "Lagos"),
        ("The army said it would target Raqqa.", "target", Action.ATTACK, "Raqqa"),
        # a place as the passive subject, as a listed place
        ("Vukovar was captured by Serb forces in 1991.", "was captured", Action.SEIZE, "Vukovar"),
        ("Thousands protested in Santiago, Valparaiso and Concepcion.", "protested",
         Action.PROTEST, "Concepcion"),
        # the other types
        ("Police arrested three men in Karachi.", "arrested", Action.ARREST, "Karachi"),
        ("Gunmen kidnapped two engineers in Zamfara.", "kidnapped", Action.ABDUCT, "Zamfara"),
        ("Rioters looted shops in Durban.", "looted", Action.DESTROY, "Durban"),
        ("Troops patrolled the border near Kherson.", "patrolled", Action.MOBILIZE, "Kherson"),
        ("The two sides signed an agreement in Doha.", "signed", Action.COOPERATE, "Doha"),
        ("Floods hit Kerala on Monday.", "Floods hit", Action.DISASTER, "Kerala"),
        ("A bus crashed near Cusco.", "crashed", Action.ACCIDENT, "Cusco"),
        ("Kenyans voted in Nairobi on Tuesday.", "voted", Action.ELECT, "Nairobi"),
        ("Rebels released two hostages in Goma.", "released", Action.RELEASE, "Goma"),
        ("Two policemen were wounded in Peshawar.", "were wounded", Action.INJURE, "Peshawar"),
        ("Soldiers defused a bomb in Kandahar.", "defused", Action.THWART, "Kandahar"),
        ("The court sentenced him in Ankara.", "sentenced", Action.PROSECUTE, "Ankara"),
        ("The incident happened in Lyon.", "incident happened", Action.INCIDENT, "Lyon"),
    ],
)  # fmt: skip
def test_trigger_and_location(
    gazetteer: geo.Gazetteer, text: str, trigger: str, action: Action, place: str
) -> None:
    analysis = geo.analyze(text, gazetteer)
    e = event(analysis, trigger)
    assert e.action is action
    assert place in place_names(analysis, e)


@pytest.mark.parametrize(
    ("text", "trigger", "action"),
    [
        ("The minister resigned on Friday.", "resigned", Action.CONCEDE),
        ("Iran threatened to close the strait.", "threatened", Action.THREATEN),
        ("Hundreds died in the floods.", "died", Action.DIE),
        ("The United States imposed sanctions on Iran.", "imposed sanctions", Action.SANCTION),
        ("Police investigated the fire.", "investigated", Action.INVESTIGATE),
        ("The agency sent food aid.", "sent food aid", Action.AID),
        ("The leaders welcomed the deal.", "welcomed", Action.SUPPORT),
        ("The rebels rejected the offer.", "rejected", Action.REJECT),
        ("Parliament urged a ceasefire.", "urged", Action.DEMAND),
        ("The opposition accused the government of fraud.", "accused", Action.ACCUSE),
        ("The troops withdrew overnight.", "withdrew", Action.WITHDRAW),
        ("Residents fled overnight.", "fled", Action.EVACUATE),
        ("Rioters burned cars overnight.", "Rioters", Action.RIOT),
    ],
)  # fmt: skip
def test_event_without_a_place_is_kept(
    gazetteer: geo.Gazetteer, text: str, trigger: str, action: Action
) -> None:
    e = event(geo.analyze(text, gazetteer), trigger)
    assert e.action is action and e.places == ()


def test_a_passive_verb_takes_its_agent_not_its_subject(gazetteer: geo.Gazetteer) -> None:
    analysis = geo.analyze("The envoy was welcomed by Emmanuel Macron in Paris.", gazetteer)
    assert event(analysis, "was welcomed").actors == ("Emmanuel Macron",)
    analysis = geo.analyze("Emmanuel Macron was attacked in Paris.", gazetteer)
    assert event(analysis, "was attacked").actors == ()


def test_a_flight_takes_its_origin(gazetteer: geo.Gazetteer) -> None:
    analysis = geo.analyze("Residents fled Mariupol on Monday.", gazetteer)
    assert place_names(analysis, event(analysis, "fled"), PlaceRole.ORIGIN) == {"Mariupol"}


def test_a_thing_said_takes_no_place_from_what_it_is_about(gazetteer: geo.Gazetteer) -> None:
    analysis = geo.analyze("Police condemned the killing of a journalist in Tbilisi.", gazetteer)
    assert event(analysis, "condemned").places == ()
    analysis = geo.analyze("The army said it would target Raqqa.", gazetteer)
    assert event(analysis, "said").places == ()


@pytest.mark.parametrize(
    "text",
    [
        "In March, the ministers met in Geneva.",  # the month
        "Fishermen waited on the left bank of the Danube.",  # the bank
        "The storm left four dead in Manila.",  # its toll
        "Israel launched a satellite on Monday.",  # a support verb without an event noun
    ],
)
def test_words_that_are_no_event_here(gazetteer: geo.Gazetteer, text: str) -> None:
    actions = {e.action for e in geo.analyze(text, gazetteer).events}
    assert not actions & {Action.PROTEST, Action.DEPART, Action.INCIDENT, Action.ATTACK}


def test_violence_makes_no_journey(gazetteer: geo.Gazetteer) -> None:
    analysis = geo.analyze("Rebels attacked Kabul and then seized Kandahar.", gazetteer)
    assert {e.action for e in analysis.events} == {Action.ATTACK, Action.SEIZE}
    assert analysis.journeys == ()
