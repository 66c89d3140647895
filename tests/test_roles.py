"""What each place is to an event: where it happened, the area around it, the far end of a
distance, or no place of the event at all; and which events the timeline shows. Sentences in
the style of wire reports, each showing one rule (how often the rules are right is measured on
``../shared/eval/event-locations-dev.jsonl``)."""

from __future__ import annotations

from pathlib import Path

import pytest

import geo
from geo.cli import main
from geo.export.geojson import event_features
from geo.models import Action, Event, PlaceRole
from geo.serialize import event_table


def roles(analysis: geo.Analysis, event: Event) -> dict[str, PlaceRole]:
    return {analysis.mentions[p.mention].text: p.role for p in event.places}


def only(analysis: geo.Analysis, trigger: str) -> Event:
    (event,) = [e for e in analysis.events if e.trigger_text.endswith(trigger)]
    return event


def test_a_country_after_its_town_is_context(gazetteer: geo.Gazetteer) -> None:
    a = geo.analyze("Five policemen were killed in Kirkuk, Iraq, on Monday.", gazetteer)
    event = only(a, "killed")
    assert roles(a, event) == {"Kirkuk": PlaceRole.LOCATION, "Iraq": PlaceRole.CONTEXT}
    assert [a.mentions[p.mention].text for p in event.where] == ["Kirkuk"]


def test_a_state_around_its_town_is_context(gazetteer: geo.Gazetteer) -> None:
    a = geo.analyze("Police shot a man in Louisville, Kentucky, late on Friday.", gazetteer)
    assert roles(a, only(a, "shot")) == {
        "Louisville": PlaceRole.LOCATION,
        "Kentucky": PlaceRole.CONTEXT,
    }


def test_two_countries_are_both_locations(gazetteer: geo.Gazetteer) -> None:
    a = geo.analyze("Floods killed dozens in Kenya and Somalia last week.", gazetteer)
    assert set(roles(a, only(a, "killed")).values()) == {PlaceRole.LOCATION}


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked a village 30 kilometres from Kabul on Sunday.",
        "Troops attacked an ancient town northeast of Damascus.",
        "Gunmen attacked a checkpoint about 20 miles (32 km) south-west of Kandahar.",
    ],
)
def test_the_far_end_of_a_distance_is_a_reference(gazetteer: geo.Gazetteer, text: str) -> None:
    a = geo.analyze(text, gazetteer)
    event = only(a, "attacked")
    assert event.action is Action.ATTACK
    assert set(roles(a, event).values()) <= {PlaceRole.REFERENCE}
    assert not event.where


def test_a_place_that_ends_a_name_is_no_location(gazetteer: geo.Gazetteer) -> None:
    a = geo.analyze(
        "The Islamic State of Iraq and the Levant attacked Palmyra on Tuesday.", gazetteer
    )
    assert roles(a, only(a, "attacked")).get("Iraq") is None


def test_an_event_takes_the_place_of_the_event_it_hangs_on(gazetteer: geo.Gazetteer) -> None:
    a = geo.analyze(
        "Two opposition leaders were shot during a crackdown on a rally in Kabwe.", gazetteer
    )
    assert roles(a, only(a, "shot")) == {"Kabwe": PlaceRole.LOCATION}


def test_no_place_crosses_a_comma_to_a_placeless_event(gazetteer: geo.Gazetteer) -> None:
    a = geo.analyze(
        "Protesters marched in Nairobi on Monday, while the minister resigned.", gazetteer
    )
    assert roles(a, only(a, "marched")) == {"Nairobi": PlaceRole.LOCATION}
    assert not only(a, "resigned").places


def test_the_timeline_shows_the_events_with_a_place(
    gazetteer: geo.Gazetteer,
) -> None:
    text = "Protesters marched in Nairobi on Monday. The minister later resigned."
    a = geo.analyze(text, gazetteer)
    assert {e.trigger_text for e in a.events} >= {"marched", "resigned"}
    assert {e.trigger_text for e in a.placed_events} == {"Protesters", "marched"}
    assert {row["action"] for row in event_table(a)} == {"protest"}
    assert len(event_table(a, every=True)) == len(a.events)


def test_the_events_command_lists_every_event_on_request(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Protesters marched in Nairobi on Monday. The minister later resigned.")
    assert main(["events", str(article)]) == 0
    shown = capsys.readouterr().out
    assert "Nairobi" in shown and "concede" not in shown and "--all lists them" in shown
    assert main(["events", "--all", str(article)]) == 0
    assert "concede" in capsys.readouterr().out


def test_a_march_through_a_city_happened_there(gazetteer: geo.Gazetteer) -> None:
    a = geo.analyze("Thousands of supporters marched through Harare on Wednesday.", gazetteer)
    assert roles(a, only(a, "marched")) == {"Harare": PlaceRole.LOCATION}


def test_a_journey_through_a_city_passes_it(gazetteer: geo.Gazetteer) -> None:
    a = geo.analyze("The delegation travelled through Vienna to Moscow.", gazetteer)
    assert roles(a, only(a, "travelled")) == {
        "Vienna": PlaceRole.VIA,
        "Moscow": PlaceRole.DESTINATION,
    }


def test_an_adjective_before_a_place_keeps_its_preposition(gazetteer: geo.Gazetteer) -> None:
    a = geo.analyze("Two officers were patrolling a street in downtown Beijing.", gazetteer)
    assert roles(a, only(a, "patrolling")) == {"Beijing": PlaceRole.LOCATION}


@pytest.mark.parametrize(
    ("text", "located"),
    [
        ("Gunmen shot down a U.S. Army helicopter near Fallujah.", {"Fallujah"}),
        ("Rebels attacked the U.S.-backed forces in Raqqa.", {"Raqqa"}),
        ("Protesters rallied in the U.S. on Monday.", {"U.S."}),
    ],
)
def test_an_abbreviation_before_a_noun_qualifies_it(
    gazetteer: geo.Gazetteer, text: str, located: set[str]
) -> None:
    a = geo.analyze(text, gazetteer)
    event = a.events[0]
    assert {a.mentions[p.mention].text for p in event.where} == located


def test_a_possessor_holds_the_place_after_it(gazetteer: geo.Gazetteer) -> None:
    a = geo.analyze("A gunman killed a politician in Spain's Basque Country on Friday.", gazetteer)
    assert roles(a, only(a, "killed")) == {
        "Spain": PlaceRole.CONTEXT,
        "Basque Country": PlaceRole.LOCATION,
    }


def test_a_village_the_gazetteer_lacks_is_still_where(gazetteer: geo.Gazetteer) -> None:
    a = geo.analyze("Gunmen attacked the village of Ngaboua on Friday.", gazetteer)
    event = only(a, "attacked")
    (where,) = event.where
    mention = a.mentions[where.mention]
    assert mention.place is None and mention.text == "Ngaboua"
    assert a.placed_events == (event,)  # in the timeline, though not on the map
    assert "Ngaboua (not located)" in event_table(a)[0]["where"]
    assert not event_features(a)


@pytest.mark.parametrize(
    ("text", "trigger", "located", "context"),
    [
        (
            "A car bomb exploded in the Amriya district in western Baghdad on Monday.",
            "exploded",
            "Amriya",
            "Baghdad",
        ),
        (
            "Gunmen attacked the village of Ngaboua in Borno State on Friday.",
            "attacked",
            "Ngaboua",
            "Borno State",
        ),
    ],
)
def test_the_place_written_around_another_is_context(
    gazetteer: geo.Gazetteer, text: str, trigger: str, located: str, context: str
) -> None:
    a = geo.analyze(text, gazetteer)
    got = roles(a, only(a, trigger))
    assert got[located] is PlaceRole.LOCATION
    assert got[context] is PlaceRole.CONTEXT


def test_a_list_of_countries_is_no_enclosure(gazetteer: geo.Gazetteer) -> None:
    a = geo.analyze("Storms killed dozens in Kenya, Somalia and Ethiopia.", gazetteer)
    assert set(roles(a, only(a, "killed")).values()) == {PlaceRole.LOCATION}


@pytest.mark.parametrize(
    "text",
    [
        "A policeman shot Russia's ambassador to Turkey on Monday.",
        "Troops captured a senior commander of Colombia's largest rebel group.",
    ],
)
def test_the_place_of_an_office_is_no_location(gazetteer: geo.Gazetteer, text: str) -> None:
    a = geo.analyze(text, gazetteer)
    (event,) = [e for e in a.events if e.action in (Action.ASSAULT, Action.SEIZE)]
    assert not {a.mentions[p.mention].text for p in event.places} & {"Turkey", "Colombia"}


def test_the_capital_before_its_name_keeps_the_preposition(gazetteer: geo.Gazetteer) -> None:
    a = geo.analyze("Thousands demonstrated in the capital Bishkek on Friday.", gazetteer)
    assert roles(a, only(a, "demonstrated")) == {"Bishkek": PlaceRole.LOCATION}
