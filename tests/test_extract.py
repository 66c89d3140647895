"""Recognition: what is a place mention and what is not."""

import pytest

import geo
from geo.extract import find_mentions, is_facility
from geo.models import MentionForm, PlaceKind


def texts(gazetteer: geo.Gazetteer, text: str) -> list[str]:
    return [m.text for m in find_mentions(text, gazetteer)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("President Vladimir Putin met Kim Jong Un in Vladivostok.", ["Vladivostok"]),
        ("Spokesperson Adrienne Watson said Watson would travel.", []),
        ("Former New York Gov. Mario Cuomo died in Manhattan.", ["New York", "Manhattan"]),
        ("Police in Moscow, Idaho, said the campus was closed.", ["Moscow", "Idaho"]),
        ("The Council met on Monday in White Plains.", ["White Plains"]),
        ("He spoke in Turkish, then flew to Ankara.", ["Ankara"]),
        ("The American Psychological Association met in Denver.", ["Denver"]),
        ("Turkish officials met in Istanbul.", ["Turkish", "Istanbul"]),
        ("The UN Security Council met in Geneva.", ["Geneva"]),
        ("The Al-Ahram newspaper reported from Cairo.", ["Cairo"]),
        (
            "Georgia Stevens skated in Red Deer, Innisfail and Edmonton.",
            ["Red Deer", "Innisfail", "Edmonton"],
        ),
    ],
)
def test_recognition(gazetteer: geo.Gazetteer, text: str, expected: list[str]) -> None:
    assert texts(gazetteer, text) == expected


def test_offsets_are_exact_with_accents_and_hyphens(gazetteer: geo.Gazetteer) -> None:
    text = "Protests in Côte d’Ivoire and São Paulo; the North Korea-Russia frontier."
    mentions = find_mentions(text, gazetteer)
    assert [m.text for m in mentions] == ["Côte d’Ivoire", "São Paulo", "North Korea", "Russia"]
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_forms(gazetteer: geo.Gazetteer) -> None:
    text = "WASHINGTON (AP) — U.S. and North Korean officials met in Hanoi."
    forms = {m.text: m.form for m in find_mentions(text, gazetteer)}
    assert forms == {
        "WASHINGTON": MentionForm.DATELINE,
        "U.S.": MentionForm.ABBREVIATION,
        "North Korean": MentionForm.DEMONYM,
        "Hanoi": MentionForm.NAME,
    }


def test_a_name_introduced_as_a_person_stays_a_person(gazetteer: geo.Gazetteer) -> None:
    text = "Jenny Palma runs a salon in Toronto. Palma said business was slow."
    assert texts(gazetteer, text) == ["Toronto"]


def test_streets_and_buildings(gazetteer: geo.Gazetteer) -> None:
    assert is_facility("Hutcheson Road") and not is_facility("Road")
    text = "Officers closed Hutcheson Road in Edmonton, Alberta, after the crash."
    analysis = geo.analyze(text, gazetteer)
    (road,) = [m for m in analysis.mentions if m.text == "Hutcheson Road"]
    assert road.place is not None and road.place.kind is geo.PlaceKind.FACILITY
    assert road.place.country_code == "CA"
    assert road.confidence < 0.6  # placed at its town only


UNICODE_TEXT = (
    "Protesters in Zürich, Montréal and São Paulo marched on Monday; police in Bogotá, "
    "Reykjavík and Kraków said the crowds were peaceful."
)


@pytest.mark.parametrize("form", ["NFD", "NFKD"])
def test_decomposed_text_finds_the_same_places(gazetteer: geo.Gazetteer, form: str) -> None:
    """A text in NFD writes "ü" as "u" and a combining mark: the same places are found, and
    every offset points into the text as given."""
    import unicodedata

    composed = geo.analyze(UNICODE_TEXT, gazetteer)
    text = unicodedata.normalize(form, UNICODE_TEXT)
    assert text != UNICODE_TEXT
    decomposed = geo.analyze(text, gazetteer)
    ids = [m.place.id for m in decomposed.mentions if m.place]
    assert ids == [m.place.id for m in composed.mentions if m.place]
    assert len(ids) == 6
    for m in decomposed.mentions:
        assert text[m.start : m.end] == m.text
        assert unicodedata.normalize("NFC", m.text) in UNICODE_TEXT


@pytest.mark.parametrize("mark", ["\u2060", "\u200d", "\u200b", "\u00ad", "\ufeff"])
def test_an_invisible_character_inside_a_name_does_not_cut_it(
    gazetteer: geo.Gazetteer, mark: str
) -> None:
    text = f"Troops left Mos{mark}cow for Kyiv."
    found = [
        (m.text, m.place.id if m.place else None) for m in geo.analyze(text, gazetteer).mentions
    ]
    assert found[0] == (f"Mos{mark}cow", "geonames:524901")  # Moscow, not Mos in Spain
    assert [name for name, _ in found] == [f"Mos{mark}cow", "Kyiv"]


@pytest.mark.parametrize(
    ("text", "name", "place_id"),
    [
        ("KYIV — Russian drones struck power stations overnight.", "KYIV", "geonames:703448"),
        ("ROME (AP) — The pope spoke on Sunday.", "ROME", "geonames:3169070"),
        ("LIMA, Peru — Protesters marched.", "LIMA", "geonames:3936456"),
    ],
)
def test_a_short_dateline_in_capitals_is_a_place(
    gazetteer: geo.Gazetteer, text: str, name: str, place_id: str
) -> None:
    """Four letters in capitals are usually an acronym ("UN", "NATO"), but not at the head of
    a wire story, before its dash, bracket or comma."""
    first = geo.analyze(text, gazetteer).mentions[0]
    assert (first.text, first.mention.form) == (name, MentionForm.DATELINE)
    assert first.place is not None and first.place.id == place_id


def test_capitals_elsewhere_are_still_acronyms(gazetteer: geo.Gazetteer) -> None:
    text = "Officials of the WHO met in Geneva. GAZA aid, the UN said, was late."
    assert [m.text for m in geo.analyze(text, gazetteer).mentions] == ["Geneva"]


@pytest.mark.parametrize(
    ("text", "name", "town"),
    [
        ("A fire broke out at the Baiji Refinery north of Tikrit.", "Baiji Refinery", "Baiji"),
        ("He was shot near the Red Fort in Delhi on Friday.", "Red Fort", "Delhi"),
        ("ISIS attacked the Tishreen Power Plant on Monday.", "Tishreen Power Plant", None),
    ],
)
def test_plants_refineries_and_forts_are_facilities(
    gazetteer: geo.Gazetteer, text: str, name: str, town: str | None
) -> None:
    """Placed at the town they are in, or not located where the text names none."""
    first = geo.analyze(text, gazetteer).mentions[0]
    assert first.text == name
    if town is None:
        assert first.place is None
    else:
        assert first.place is not None and first.place.kind is PlaceKind.FACILITY


def test_a_name_with_its_own_possessive(gazetteer: geo.Gazetteer) -> None:
    """ "St. John's" is the name; "Canada's" is Canada (not "Cañadas", which drops the
    apostrophe)."""
    found = geo.analyze("Police in St. John's, Newfoundland, said Canada's roads were shut.",
                        gazetteer).mentions  # fmt: skip
    assert [(m.text, m.place.country_code if m.place else "") for m in found] == [
        ("St. John's", "CA"),
        ("Newfoundland", "CA"),
        ("Canada", "CA"),
    ]
