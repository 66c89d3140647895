"""Names the words around them mark as places: spelling variants the gazetteer holds, and
names it lacks that a place noun marks ("the village of X"), kept without coordinates."""

import pytest

import geo
from geo.cues import find_cues
from geo.lang.en import PLACE_NOUNS
from geo.models import PlaceKind
from geo.serialize import NOT_LOCATED, place_table
from geo.tokens import tokenize


def found(gazetteer: geo.Gazetteer, text: str) -> list[tuple[str, str | None]]:
    analysis = geo.analyze(text, gazetteer)
    return [(m.text, m.place.country_code if m.place else None) for m in analysis.mentions]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("He was killed in Port-au-Prince.", "Port-au-Prince", "HT"),
        ("The Taliban had captured Mazar-e-Sharif in May.", "Mazar-e-Sharif", "AF"),
        ("Clashes went on in the eastern city of Deir ez-Zor.", "Deir ez-Zor", "SY"),
        ("Airstrikes forced hospitals in Dara’a to close.", "Dara’a", "SY"),
        ("Three bombs exploded in the western Iraqi town of Hit.", "Hit", "IQ"),
    ],
)
def test_gazetteer_names_in_other_spellings_and_after_cues(
    gazetteer: geo.Gazetteer, text: str, name: str, country: str
) -> None:
    assert (name, country) in found(gazetteer, text)


@pytest.mark.parametrize(
    ("text", "names", "kind"),
    [
        ("Troops stormed the village of Jobar on Monday.", ["Jobar"], PlaceKind.CITY),
        ("26 people were killed in Amroussa village.", ["Amroussa"], PlaceKind.CITY),
        ("The blast hit the Karimiya district on Monday.", ["Karimiya"], PlaceKind.COUNTY),
        ("Rebels shelled the towns of Aqrab and Khirbet Jamea.", ["Aqrab", "Khirbet Jamea"],
         PlaceKind.CITY),
        ("Gunmen attacked Shindiffu and Shaffa villages.", ["Shindiffu"], PlaceKind.CITY),
        ("Fighting spread inside the Qarhaddan Governorate.", ["Qarhaddan Governorate"],
         PlaceKind.ADMIN1),
    ],
)  # fmt: skip
def test_names_a_noun_marks_are_unlocated_places(
    gazetteer: geo.Gazetteer, text: str, names: list[str], kind: PlaceKind
) -> None:
    analysis = geo.analyze(text, gazetteer)
    unlocated = [m for m in analysis.mentions if m.place is None]
    assert [m.text for m in unlocated] == names
    assert all(m.mention.kind is kind and 0 < m.confidence < 0.5 for m in unlocated)


@pytest.mark.parametrize(
    "text",
    [
        "Six villages were destroyed.",
        "The county's sheriff said the city is urging calm.",
        "He fought for the Islamic State group.",
        "She was Superintendent of Carbon School District for years.",
        "The rebels besieged two Shiite villages.",
        "Tillerson is the leading candidate for Secretary of State.",
        "Officials from the Joint Coordination Center of Salahudin province spoke.",
    ],
)
def test_common_words_before_place_nouns_are_no_places(gazetteer: geo.Gazetteer, text: str) -> None:
    names = [m.text for m in geo.analyze(text, gazetteer).mentions if m.place is None]
    assert "Salahudin" in names or names == []
    assert not any(n in ("Six", "The", "Islamic", "Shiite", "School", "Secretary") for n in names)


def test_a_noun_marks_a_settlement_over_a_given_name(gazetteer: geo.Gazetteer) -> None:
    text = "Troops stormed the small village of Tal Bizam."
    assert ("Tal Bizam", None) in found(gazetteer, text)


def test_a_person_stays_a_person(gazetteer: geo.Gazetteer) -> None:
    text = "President Vladimir Putin visited the Trump camp."
    assert found(gazetteer, text) == []


def test_cues_carry_a_particle_and_split_lists() -> None:
    text = "They entered the town of al-Rai and the villages of Tees, Sees and Beer Al-Nimr."
    tokens = tokenize(text)
    cues = find_cues(text, tokens, PLACE_NOUNS)
    spans = [text[tokens[c.first].start : tokens[c.last].end] for c in cues]
    assert spans == ["al-Rai", "Tees", "Sees", "Beer Al-Nimr"]


def test_unlocated_places_show_in_tables_and_not_on_the_map(gazetteer: geo.Gazetteer) -> None:
    analysis = geo.analyze("Troops stormed the village of Jobar near Homs.", gazetteer)
    rows = {r["mention"]: r for r in place_table(analysis)}
    assert rows["Jobar"]["place"] == NOT_LOCATED and rows["Jobar"]["lat"] is None
    assert rows["Jobar"]["kind"] == "city or town"  # in a reader's words
    assert [m.text for m in analysis.resolved] == ["Homs"]
    features = geo.to_geojson(analysis)["features"] if hasattr(geo, "to_geojson") else []
    assert all(f["geometry"]["coordinates"] != [0, 0] for f in features if f.get("geometry"))


def test_a_part_of_a_place_names_the_place(gazetteer: geo.Gazetteer) -> None:
    """ "the outskirts of X", "the streets of X": X is a place, known or not."""
    text = "Checkpoints at the northern outskirts of Hirbnafseh fell to the army."
    (m,) = geo.analyze(text, gazetteer).mentions
    assert m.text == "Hirbnafseh" and m.place is None
    (m,) = geo.analyze("Protesters filled the streets of Lyon.", gazetteer).mentions
    assert m.place is not None and m.place.country_code == "FR"


def test_arabic_generic_words_open_place_names(gazetteer: geo.Gazetteer) -> None:
    """ "Kafr" (village), "Jabal" (mountain), "Deir" (monastery town) open place names;
    "Khan" does not, as it opens people's names as often."""
    text = "A bomb exploded in Kafr Sousah, and rebels held Jabal Thardeh and Deir Khabiyeh."
    found = {m.text: m for m in geo.analyze(text, gazetteer).mentions}
    assert set(found) == {"Kafr Sousah", "Jabal Thardeh", "Deir Khabiyeh"}
    assert found["Jabal Thardeh"].mention.kind is PlaceKind.LANDMARK
    assert not geo.analyze("Imran Khan Niazi spoke on Monday.", gazetteer).mentions


def test_a_plural_place_noun_lists_places_by_example(gazetteer: geo.Gazetteer) -> None:
    text = "In villages like Cailaco and Atsabe, troops burned houses."
    names = [m.text for m in geo.analyze(text, gazetteer).mentions]
    assert names == ["Cailaco", "Atsabe"]


def test_a_hyphenated_modifier_keeps_an_apposition(gazetteer: geo.Gazetteer) -> None:
    text = "Insurgents are shelling Kafraya, a small government-held town."
    (m,) = geo.analyze(text, gazetteer).mentions
    assert m.text == "Kafraya" and m.mention.kind is PlaceKind.CITY


def test_a_glued_article_is_looked_up_apart(gazetteer: geo.Gazetteer) -> None:
    """ "Deir Ezzor" is Deir ez-Zor, its article glued to the word."""
    (m,) = geo.analyze("Fighting spread inside the Deir Ezzor Governorate.", gazetteer).mentions
    assert m.place is not None and m.place.country_code == "SY"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Troops took positions near the Rasha hilltop on Monday.", "Rasha"),
        ("A bomb went off near the al-Zawraa Park on Tuesday night.", "al-Zawraa Park"),
        ("Rebels attacked the Hayyan Gas Fields at dawn.", "Hayyan Gas Fields"),
    ],
)
def test_facilities_and_landmarks_a_noun_marks(
    gazetteer: geo.Gazetteer, text: str, name: str
) -> None:
    assert name in [m.text for m in geo.analyze(text, gazetteer).mentions]
