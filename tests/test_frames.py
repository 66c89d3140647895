"""Names a sentence frames as places: spellings with and without the Arabic article, variant
spellings of small towns where a place stands, and names the gazetteer lacks that a region, an
apposition, a bearing or a list places ("in Kafr Tumeh, Syria"), kept without coordinates."""

import pytest

import geo
from geo.text import article_keys


def found(gazetteer: geo.Gazetteer, text: str) -> list[tuple[str, str | None]]:
    analysis = geo.analyze(text, gazetteer)
    return [(m.text, m.place.country_code if m.place else None) for m in analysis.mentions]


def test_article_keys() -> None:
    assert article_keys("al raqqa") == ("raqqa",)
    assert "ar raqqah" in article_keys("raqqah")
    assert "iraqi" not in article_keys("an iraqi")  # "An Iraqi soldier": English, no article


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Kurdish forces clashed with militants in Qamishli on Monday.", "Qamishli", "SY"),
        ("Jets struck al-Raqqa again overnight.", "Raqqa", "SY"),
        ("A roadside bomb killed two soldiers in Tal Afar on Sunday.", "Tal Afar", "IQ"),
        ("Shelling resumed in Khan Younis, in the southern Gaza Strip.", "Khan Younis", "PS"),
        ("Two bodies were found on a roadside in Miranshah on Friday.", "Miranshah", "PK"),
    ],
)
def test_variant_spellings_where_a_place_stands(
    gazetteer: geo.Gazetteer, text: str, name: str, country: str
) -> None:
    assert (name, country) in found(gazetteer, text)


@pytest.mark.parametrize(
    "text",
    [
        "In Abu Bakr's words, the war was over.",
        "He met Khan Younis at the ministry.",  # no preposition of place: a person
        "The dispute went to Tal Afar's council.",
    ],
)
def test_no_variant_town_without_a_place_frame(gazetteer: geo.Gazetteer, text: str) -> None:
    names = [n for n, _ in found(gazetteer, text)]
    assert "Khan Younis" not in names and "Tal Afar" not in names and "Abu Bakr" not in names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rebels seized warehouses in Kafr Tumeh, Syria, on Tuesday.", "Kafr Tumeh"),
        ("Police were deployed in Wexbury, southwestern England.", "Wexbury"),
        ("Gunmen raided Bir Zaytuna, a small village near Mosul, at dawn.", "Bir Zaytuna"),
        ("Shells fell on Umm Qasab, a low-income area on the edge of the city.", "Umm Qasab"),
        (
            "The attack happened near Dhuraybat, 60 kilometers (40 miles) north of Baghdad.",
            "Dhuraybat",
        ),
        ("Troops were ambushed near Dhuraybat, just south of the capital.", "Dhuraybat"),
        ("A convoy was hit in Tora Kalay in Helmand province.", "Tora Kalay"),
        ("Jets struck rebels at Kafr Tumeh, Binnish, and Idlib on Sunday.", "Kafr Tumeh"),
    ],
)
def test_names_the_sentence_places(gazetteer: geo.Gazetteer, text: str, name: str) -> None:
    assert (name, None) in found(gazetteer, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("According to Okonjo, Nigeria increased its exports.", "Okonjo"),
        ("Separately, U.S. troops captured a weapons cache.", "Separately"),
        ("Violence in Syria has killed thousands.", "Violence"),
        ("John Smithers, a town official, said the road was open.", "John Smithers"),
        ("Kemal Oduya, a young man from Kobane city, was wounded.", "Kemal Oduya"),
        ("She works at Trillium Health Centre in Mississauga.", "Trillium Health Centre"),
        ("The film is shot in English and Tigrinya.", "Tigrinya"),
        ("Critics praised films from Germany and The Salesman from Iran.", "The Salesman"),
        ("Wounded were taken to Joseph's Tomb, a tiny enclave in Nablus.", "Tomb"),
    ],
)
def test_no_place_without_a_frame(gazetteer: geo.Gazetteer, text: str, name: str) -> None:
    assert name not in [n for n, _ in found(gazetteer, text)]


def test_district_of_province_is_two_places(gazetteer: geo.Gazetteer) -> None:
    names = [
        n for n, _ in found(gazetteer, "A mine killed four in Sorkh District of Zabul Province.")
    ]
    assert "Sorkh District" in names or "Sorkh" in names
    assert any(n.startswith("Zabul") for n in names)


def test_facility_name_ends_before_a_date(gazetteer: geo.Gazetteer) -> None:
    names = [n for n, _ in found(gazetteer, "ISIS attacked the Deir Ezzor Airport on Saturday.")]
    assert "Deir Ezzor Airport" in names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clashes near Kafr Nabuda killed five fighters.", ["Kafr Nabuda"]),
        ("Rebels shelled positions in Hirbnafseh on Monday.", ["Hirbnafseh"]),
        ("The talks were held in Room 5 of the palace.", []),
        ("He was born in January and raised by his aunt.", []),
        ("The speech was given in English.", []),
    ],
)
def test_a_bare_name_after_in_is_a_place_not_located(
    gazetteer: geo.Gazetteer, text: str, expected: list[str]
) -> None:
    """A name the gazetteer lacks, right after "in", "near" or "outside", and made of no
    common word, person's name or title, is a place: shown "not located", never drawn."""
    mentions = [m for m in geo.analyze(text, gazetteer).mentions if m.place is None]
    assert [m.text for m in mentions] == expected


def test_a_bare_name_may_open_with_its_particle(gazetteer: geo.Gazetteer) -> None:
    text = "A 9-year-old boy was killed in al-Zaytouniyah, police said."
    (m,) = geo.analyze(text, gazetteer).mentions
    assert m.text == "al-Zaytouniyah" and m.place is None
