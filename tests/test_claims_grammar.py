"""The grammar of claims in real-style news sentences: what is a claim, between which
places, and what is not one."""

from __future__ import annotations

import pytest

import geo
from geo.models import Bound, Verdict


def _claims(text: str, gazetteer: geo.Gazetteer) -> tuple[geo.Claim, ...]:
    return geo.analyze(text, gazetteer).claims


def _name(place: geo.Place | None) -> str:
    return place.name if place is not None else ""


def test_an_ellipsis_is_measured_from_the_place_named_before(gazetteer: geo.Gazetteer) -> None:
    text = (
        "Two suspects were captured in Ramadi, while four others were detained in Fallujah, "
        "50 kilometers (30 miles) to the east, a statement said."
    )
    (claim,) = _claims(text, gazetteer)
    assert _name(claim.reference_place) == "Ramadi"
    assert "Fall" in _name(claim.subject_place)
    assert claim.verdict is Verdict.HOLDS


def test_a_direction_alone_between_two_towns(gazetteer: geo.Gazetteer) -> None:
    (claim,) = _claims("In Serb-held Vogosca, north of Sarajevo, an officer was shot.", gazetteer)
    assert not claim.distances and claim.direction is not None
    assert claim.verdict is Verdict.HOLDS


def test_a_heading_places_the_town_after_it(gazetteer: geo.Gazetteer) -> None:
    (claim,) = _claims("North of Baghdad, a bomb killed five in the city of Kirkuk.", gazetteer)
    assert _name(claim.subject_place) == "Kirkuk"
    assert claim.verdict is Verdict.HOLDS


def test_the_capital_is_that_of_the_located_places_country(gazetteer: geo.Gazetteer) -> None:
    (claim,) = _claims("Kirkuk, 250 kilometres north of the capital, was calm.", gazetteer)
    assert _name(claim.reference_place) == "Baghdad"
    assert claim.verdict is Verdict.HOLDS


def test_a_description_names_its_place(gazetteer: geo.Gazetteer) -> None:
    text = "Samashki lies 35 kilometers west of the shattered Chechen capital Grozny."
    (claim,) = _claims(text, gazetteer)
    assert _name(claim.reference_place) == "Grozny"


def test_another_spelling_of_a_town_in_the_references_country(
    gazetteer: geo.Gazetteer,
) -> None:
    text = "A car bomb exploded in Mahmudiyah, 30 kilometres (20 miles) south of Baghdad."
    (claim,) = _claims(text, gazetteer)
    assert claim.subject_place is not None and claim.subject_place.country_code == "IQ"
    assert claim.verdict is Verdict.HOLDS


def test_a_town_is_located_not_the_district_it_lies_in(gazetteer: geo.Gazetteer) -> None:
    text = "Rebels attacked Nepalgunj city in Banke district, some 600 km west of Kathmandu."
    (claim,) = _claims(text, gazetteer)
    assert "Nepalgunj" in _name(claim.subject_place)
    assert claim.verdict is Verdict.OFF  # it is about 370 km


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The court sits just a few miles from the Pentagon.", "just a few miles"),
        ("Police found the car several kilometers from Kabul.", "several kilometers"),
    ],
)
def test_a_vague_amount_is_a_claim_that_cannot_be_checked(
    text: str, figure: str, gazetteer: geo.Gazetteer
) -> None:
    (claim,) = _claims(text, gazetteer)
    assert figure in claim.text and claim.verdict is Verdict.UNCHECKABLE


def test_fractions_ranges_and_bounds_are_read(gazetteer: geo.Gazetteer) -> None:
    (half,) = _claims("The blast hit Vogosca, half a mile from Sarajevo.", gazetteer)
    assert half.distances[0].claimed.value == 0.5
    (span,) = _claims("Kirkuk lies 230-250 km north of Baghdad.", gazetteer)
    assert (span.distances[0].claimed.low, span.distances[0].claimed.high) == (230, 250)
    (least,) = _claims("Basra is more than 400 km south-east of Baghdad.", gazetteer)
    assert least.distances[0].claimed.bound is Bound.MIN
    assert least.distances[0].verdict is Verdict.HOLDS


def test_a_unit_written_against_a_hyphen(gazetteer: geo.Gazetteer) -> None:
    (claim,) = _claims("Kirkuk, a 250-kilometre drive north of Baghdad, was calm.", gazetteer)
    assert claim.distances and claim.distances[0].claimed.value == 250


@pytest.mark.parametrize(
    "text",
    [
        "Jets struck a village in the north of the country, near Aleppo.",
        "Fighting raged in northern Syria and in the northern city of Aleppo.",
        "Drones hit North Waziristan, a district near Peshawar.",
        "Troops were advancing south from Baghdad towards Kirkuk.",
        "The army advanced 60 kilometers from Baghdad on Monday.",
        "Rebels captured several meters of territory near Aleppo.",
        "The 15km race from Kirkuk ended in Baghdad.",
        "She teaches in Aleppo, north of Syria.",
        "Rebels attacked eastwards of Aleppo towards the airport.",
        "Insurgents are fighting in the south and east of the country, officials in Kabul said.",
    ],
)
def test_parts_names_movements_and_lengths_are_not_claims(
    text: str, gazetteer: geo.Gazetteer
) -> None:
    assert not _claims(text, gazetteer)


def test_an_unnamed_end_cannot_be_checked_and_is_never_a_zero_distance(
    gazetteer: geo.Gazetteer,
) -> None:
    (claim,) = _claims("A village 10 km from Kabul was bombed.", gazetteer)
    assert claim.verdict is Verdict.UNCHECKABLE and not claim.distances
    assert "does not name" in claim.reason


def test_a_namesake_abroad_is_not_the_town_meant(gazetteer: geo.Gazetteer) -> None:
    (claim,) = _claims("A bomb went off in Dura, south of Baghdad.", gazetteer)
    assert claim.verdict is Verdict.UNCHECKABLE


def test_two_countries_are_measured_between_their_nearest_points(
    gazetteer: geo.Gazetteer,
) -> None:
    (claim,) = _claims("Lebanon lies about 100 km west of Iraq.", gazetteer)
    (check,) = claim.distances
    assert check.computed < 300  # across Syria, not the 750 km between their middles


def test_a_site_named_after_its_town_stands_at_the_town(gazetteer: geo.Gazetteer) -> None:
    text = "Police arrested students at Minya University south of Cairo on Sunday."
    a = geo.analyze(text, gazetteer)
    (claim,) = a.claims
    assert claim.direction is not None
    assert claim.subject_place is not None and claim.subject_place.name == "Minya"


def test_a_town_spelled_with_h_for_kh_is_found(gazetteer: geo.Gazetteer) -> None:
    text = "Police shot a man in Sahnin, 15 kilometers (nine miles) north of Nazareth."
    (claim,) = geo.analyze(text, gazetteer).claims
    assert claim.subject_place is not None and claim.subject_place.name.startswith("Sakhn")


def test_a_new_scene_is_measured_from_the_town_the_story_was_at(
    gazetteer: geo.Gazetteer,
) -> None:
    text = (
        "Flood water reached the main square of Lyon on Tuesday.\n"
        "About 300 miles to the south, police in Marseille closed the harbour road."
    )
    (claim,) = _claims(text, gazetteer)
    assert _name(claim.reference_place) == "Lyon"
    assert _name(claim.subject_place) == "Marseille"
    # 278 km is 173 miles: "about 300" is off, and the direction holds
    assert claim.verdict is Verdict.OFF
    assert claim.direction is not None and claim.direction.verdict is Verdict.HOLDS


def test_how_far_a_thing_was_seen_is_no_claim(gazetteer: geo.Gazetteer) -> None:
    text = "Residents of Lyon said they could see the smoke from more than ten miles away."
    assert not _claims(text, gazetteer)
    text = "The blast was heard 20 kilometers away in Lyon."
    assert all(not c.distances for c in _claims(text, gazetteer))
