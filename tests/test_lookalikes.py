"""Names of places that name something else: a currency, a disease, a storm, a company, a team
or a paper, a person speaking (issue 11, class 5)."""

from __future__ import annotations

import pytest

import geo
from geo.models import Reference


def _found(text: str, gazetteer: geo.Gazetteer) -> list[tuple[str, str]]:
    return [(m.text, m.reference.value) for m in geo.analyze(text, gazetteer).mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The deal is worth US$ 5 million, officials in Lima said.", ["Lima"]),
        ("An outbreak of Marburg virus in Rwanda has killed 12 people.", ["Rwanda"]),
        ("Cases of West Nile virus rose sharply in Texas this summer.", ["Texas"]),
        ("Tropical Storm Florence drenched North Carolina on Friday.", ["North Carolina"]),
        ("Shoppers lined up at Bed Bath & Beyond in Ohio.", ["Ohio"]),
        ("Lincoln said the war would end soon.", []),
    ],
)
def test_names_that_are_no_place_here(
    gazetteer: geo.Gazetteer, text: str, expected: list[str]
) -> None:
    assert [name for name, _ in _found(text, gazetteer)] == expected


def test_teams_papers_and_companies_are_named_after_a_place(gazetteer: geo.Gazetteer) -> None:
    """The place stays a mention (the article does name it), as the organisation it names."""
    text = (
        "The Dallas Cowboys beat the New York Giants, the Los Angeles Times reported, and "
        "Texas A&M University said nothing."
    )
    found = _found(text, gazetteer)
    assert [name for name, _ in found] == ["Dallas", "New York", "Los Angeles", "Texas"]
    assert {ref for _, ref in found} == {Reference.ORGANISATION.value}


def test_a_place_name_before_a_plural_place_noun_or_in_a_headline_stays_a_place(
    gazetteer: geo.Gazetteer,
) -> None:
    found = _found("Paris Attacks Kill 130\nGunmen struck Paris on Friday.", gazetteer)
    assert found == [("Paris", "location"), ("Paris", "location")]
    found = _found("Israel has held the Golan Heights since 1967.", gazetteer)
    assert ("Golan Heights", "location") in found


def test_people_in_a_place_speak_from_it(gazetteer: geo.Gazetteer) -> None:
    """ "A source in Ramadi said": Ramadi is where the source is, not who speaks."""
    found = _found("A police source in Ramadi said the blast killed four people.", gazetteer)
    assert found == [("Ramadi", "location")]
    assert _found("Moscow said it would retaliate.", gazetteer) == [("Moscow", "organisation")]


def test_an_institution_named_after_a_place_keeps_the_place_not_a_namesake_town(
    gazetteer: geo.Gazetteer,
) -> None:
    text = "J. Alex Halderman directs the University of Michigan Center for Computer Security."
    (michigan,) = geo.analyze(text, gazetteer).resolved
    assert michigan.text == "Michigan" and michigan.place is not None
    assert michigan.place.kind is geo.PlaceKind.ADMIN1  # not Michigan Center, a town
    (town,) = geo.analyze("They moved to Michigan Center last year.", gazetteer).resolved
    assert town.place is not None and town.place.kind is geo.PlaceKind.CITY


def test_a_country_opening_a_name_after_a_title_is_no_person(gazetteer: geo.Gazetteer) -> None:
    text = ("The award is run by its founder France Football magazine. Griezmann scored six "
            "goals for losing finalist France.")  # fmt: skip
    found = [m.text for m in geo.analyze(text, gazetteer).resolved]
    assert found.count("France") == 2


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # Virginia Raggi was Rome's mayor (2016-2021); Florence Parly France's armed forces
        # minister (2017-2022): given names that are places, surnames no list of ours holds
        ("Rome Mayor Virginia Raggi said the city would appeal.", "Virginia"),
        ("Armed Forces Minister Florence Parly visited troops in Gao, Mali.", "Florence"),
    ],
)
def test_a_title_then_a_given_name_that_is_a_place_is_a_person(
    gazetteer: geo.Gazetteer, text: str, person: str
) -> None:
    found = [m.text for m in geo.analyze(text, gazetteer).resolved]
    assert person not in found and found  # the places of the sentence are still found


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("George W. Bush spoke in Dallas on Monday. Bush said the vote mattered.", ["Dallas"]),
        ("Samuel L. Jackson arrived in Toronto. Jackson said the film was finished.", ["Toronto"]),
    ],
)
def test_a_name_with_a_middle_initial_is_a_person_and_so_is_its_surname_later(
    gazetteer: geo.Gazetteer, text: str, places: list[str]
) -> None:
    assert [m.text for m in geo.analyze(text, gazetteer).resolved] == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a couple sharing a surname, then the family by its plural
        ("Lynn and Tom Harris bought the farm in 2004 and moved there from Ohio.", ["Ohio"]),
        ("Ken and Mary Lyon must leave the farm by May. The Lyons have farmed there since 1970.",
         []),
        # not a couple: a well-known place alone, or a name ending in a place noun
        ("Rains hit Houston and Dallas Fort Worth on Monday.", ["Houston", "Dallas", "Fort Worth"]),
        ("Fighters attacked the towns of Kafr Nabl, Ariha and Maria Hills on Monday.",
         ["Kafr Nabl", "Ariha", "Maria Hills"]),
    ],
)  # fmt: skip
def test_a_couple_named_together_is_two_people_and_their_family_too(
    gazetteer: geo.Gazetteer, text: str, places: list[str]
) -> None:
    assert [m.text for m in geo.analyze(text, gazetteer).resolved] == places
