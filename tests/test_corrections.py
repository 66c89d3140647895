from datetime import date

import pytest

import geo
from geo.corrections import (
    Correction,
    CorrectionKind,
    additions,
    corrections_from_json,
    corrections_to_json,
)
from geo.inputs import html_to_text, read_upload

TEXT = "Shelling in Donetsk killed two on Monday. Officials in Kyiv said the train left Lviv."


def test_choose_drop_and_add_flow_through_the_pipeline(gazetteer: geo.Gazetteer) -> None:
    before = geo.analyze(TEXT, gazetteer, published=date(2024, 3, 5))
    donetsk = next(m for m in before.mentions if m.text == "Donetsk")
    assert donetsk.place is not None and donetsk.place.country_code == "UA"
    russian = next(c.place for c in donetsk.candidates if c.place.country_code == "RU")
    kyiv = next(m for m in before.mentions if m.text == "Kyiv")
    fixes = [
        Correction(CorrectionKind.CHOOSE, donetsk.start, donetsk.end, "Donetsk", russian.id),
        Correction(CorrectionKind.DROP, kyiv.start, kyiv.end, "Kyiv"),
    ]
    after = geo.analyze(TEXT, gazetteer, published=date(2024, 3, 5), corrections=fixes)
    fixed = next(m for m in after.mentions if m.text == "Donetsk")
    assert fixed.place == russian and fixed.corrected and fixed.confidence == 1.0
    assert all(m.text != "Kyiv" for m in after.mentions)
    # events follow: the shelling is now placed in Russia
    (shelling,) = [e for e in after.events if e.trigger_text == "Shelling"]
    assert after.mentions[shelling.places[0].mention].place == russian


def test_add_by_name_finds_every_occurrence(gazetteer: geo.Gazetteer) -> None:
    text = "The Hutsul fair in Kosiv drew crowds; Kosiv is in the Carpathians."
    found = additions(text, "Kosiv", gazetteer)
    assert [text[c.start : c.end] for c in found] == ["Kosiv", "Kosiv"]
    after = geo.analyze(text, gazetteer, corrections=found)
    assert sum(m.text == "Kosiv" and m.corrected for m in after.mentions) == 2
    with pytest.raises(geo.InputError, match="does not appear"):
        additions(text, "Paris", gazetteer)
    with pytest.raises(geo.InputError, match="not in the gazetteer"):
        additions(text, "Qwxzzyville", gazetteer)


def test_saved_corrections_round_trip_and_refuse_another_article() -> None:
    fixes = (Correction(CorrectionKind.DROP, 12, 19, "Donetsk"),)
    saved = corrections_to_json(TEXT, fixes)
    assert corrections_from_json(TEXT, saved) == fixes
    with pytest.raises(geo.InputError, match="another article"):
        corrections_from_json(TEXT + " More.", saved)
    with pytest.raises(geo.InputError):
        corrections_from_json(TEXT, b"\x00not json")


def test_a_stale_correction_is_ignored(gazetteer: geo.Gazetteer) -> None:
    stale = Correction(CorrectionKind.DROP, 0, 5, "Paris")  # the text there says "Shell"
    assert (
        geo.analyze(TEXT, gazetteer, corrections=[stale]).mentions
        == geo.analyze(TEXT, gazetteer).mentions
    )


def test_uploads() -> None:
    page = b"<html><style>p{}</style><body><p>Kim left <b>Pyongyang</b>.</p></body></html>"
    assert read_upload("a.html", page) == "Kim left Pyongyang."
    assert read_upload("a.md", b"# Kim\nleft Pyongyang") == "# Kim\nleft Pyongyang"
    with pytest.raises(geo.InputError, match=r"choose a \.txt"):
        read_upload("a.pdf", b"%PDF-1.4")
    with pytest.raises(geo.InputError, match="binary"):
        read_upload("a.txt", b"\x00\x01")
    assert html_to_text("<p>a</p><p>b&amp;c</p>") == "a\nb&c"
