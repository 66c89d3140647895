"""Every row of the "Places" section of shared/seed/expected.md, on the sample article."""

from __future__ import annotations

import math
import re

import pytest
from conftest import mentions_of

import geo
from geo.models import MentionForm, PlaceKind, Reference


def km(a: geo.Coordinate, lat: float, lon: float) -> float:
    p1, p2 = math.radians(a.lat), math.radians(lat)
    dl = math.radians(lon - a.lon)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def test_pyongyang_six_times_and_the_capital(sample: geo.Analysis) -> None:
    named = mentions_of(sample, "Pyongyang")
    assert len(named) == 6
    capital = [m for m in sample.mentions if m.text.lower() == "the capital"]
    assert len(capital) == 2
    for m in named + capital:
        assert m.place is not None and m.place.country_code == "KP"
        assert m.place.kind is PlaceKind.CITY
        assert km(m.place.coordinate, 39.03, 125.75) < 25


@pytest.mark.parametrize("text", ["Vladivostok", "The city", "the eastern Russian city"])
def test_vladivostok_and_its_descriptions(sample: geo.Analysis, text: str) -> None:
    (m,) = mentions_of(sample, text)
    assert m.place is not None and m.place.country_code == "RU"
    assert km(m.place.coordinate, 43.11, 131.87) < 25


def test_the_city_points_back_to_vladivostok(sample: geo.Analysis) -> None:
    (m,) = mentions_of(sample, "The city")
    assert m.mention.form is MentionForm.ANAPHOR
    assert m.antecedent is not None
    assert sample.mentions[m.antecedent].text == "Vladivostok"


@pytest.mark.parametrize(
    ("name", "count", "code", "lat", "lon"),
    [
        ("Moscow", 4, "RU", 55.75, 37.62),  # not Moscow, Idaho
        ("Washington", 4, "US", 38.90, -77.04),  # Washington, D.C., not Washington, England
        ("Beijing", 1, "CN", 39.91, 116.40),
    ],
)
def test_capitals(
    sample: geo.Analysis, name: str, count: int, code: str, lat: float, lon: float
) -> None:
    found = mentions_of(sample, name)
    assert len(found) == count
    for m in found:
        assert m.place is not None and m.place.country_code == code
        assert m.place.kind is PlaceKind.CITY
        assert km(m.place.coordinate, lat, lon) < 25


@pytest.mark.parametrize("name", ["Donetsk", "Luhansk"])
def test_donetsk_and_luhansk_are_in_ukraine(sample: geo.Analysis, name: str) -> None:
    (m,) = mentions_of(sample, name)
    assert m.place is not None and m.place.country_code == "UA"


@pytest.mark.parametrize(
    ("texts", "code"),
    [
        (["North Korea", "DPRK", "North Korean"], "KP"),
        (["Russia", "Russian"], "RU"),
        (["Ukraine", "Ukrainian"], "UA"),
        (["United States", "US"], "US"),
        (["South Korea", "South Korean"], "KR"),
        (["Japan"], "JP"),
        (["China", "Chinese"], "CN"),
        (["Syria"], "SY"),
        (["India"], "IN"),
        (["Vietnam"], "VN"),
    ],
)
def test_countries(sample: geo.Analysis, texts: list[str], code: str) -> None:
    for text in texts:
        found = mentions_of(sample, text)
        assert found, f"{text!r} not found"
        for m in found:
            assert m.place is not None, text
            assert (m.place.kind, m.place.country_code) == (PlaceKind.COUNTRY, code), text


@pytest.mark.parametrize(
    "text",
    ["North Korea-Russia frontier", "a border river", "the bridge that connects the countries"],
)
def test_the_border_on_the_tumen(sample: geo.Analysis, text: str) -> None:
    (m,) = [x for x in sample.mentions if text in x.text]
    assert m.place is not None and m.place.kind is PlaceKind.BORDER
    assert km(m.place.coordinate, 42.42, 130.64) < 25


TRAPS = ["Kim", "Vladimir", "Un", "Tok", "Hun", "Watson", "Miller", "Wagner", "White", "Council"]


@pytest.mark.parametrize("word", TRAPS)
def test_person_names_and_common_words_are_not_places(sample: geo.Analysis, word: str) -> None:
    pattern = re.compile(rf"\b{word}\b")
    for m in sample.mentions:
        if m.mention.form.is_toponym and pattern.search(m.text):
            # "White House" is a seat of government, never the word "White" as a town
            assert m.text == "White House" and m.place is not None
            assert m.place.kind is PlaceKind.LANDMARK


@pytest.mark.parametrize(
    ("needle", "name"),
    [
        ("Washington will monitor", "Washington"),
        ("Moscow's war", "Moscow"),
        ("commitments that Pyongyang has made", "Pyongyang"),
        ("the Kremlin's website", "Kremlin"),
    ],
)
def test_metonymy_is_marked_but_still_placed(sample: geo.Analysis, needle: str, name: str) -> None:
    at = sample.text.index(needle) + needle.index(name)
    (m,) = [x for x in sample.mentions if x.start == at and x.text == name]
    assert m.reference is Reference.ORGANISATION
    assert m.place is not None


def test_every_mention_quotes_its_sentence(sample: geo.Analysis) -> None:
    for m in sample.mentions:
        quote = sample.quote(m)
        assert sample.text[m.start : m.end] == m.text
        assert m.text in quote
