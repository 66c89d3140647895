from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geo
from geo.corrections import (
    FORMAT,
    MAX_CORRECTIONS,
    MAX_FILE_BYTES,
    Correction,
    CorrectionKind,
    additions,
    apply_corrections,
    corrections_from_json,
    corrections_to_json,
    places_named,
)
from geo.inputs import html_to_text, read_upload
from geo.models import Coordinate
from geo.pipeline import find_places

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
    (kosiv, *_) = places_named("Kosiv", gazetteer)
    found = additions(text, "Kosiv", kosiv)
    assert [text[c.start : c.end] for c in found] == ["Kosiv", "Kosiv"]
    after = geo.analyze(text, gazetteer, corrections=found)
    assert sum(m.text == "Kosiv" and m.corrected for m in after.mentions) == 2
    with pytest.raises(geo.InputError, match="does not appear"):
        additions(text, "Paris", kosiv)
    with pytest.raises(geo.InputError, match="not in the gazetteer"):
        places_named("Qwxzzyville", gazetteer)


def test_a_name_offers_every_place_of_that_name_told_apart(gazetteer: geo.Gazetteer) -> None:
    from geo.app.candidates import describe_candidates

    charlestons = places_named("Charleston", gazetteer)
    assert len(charlestons) >= 8
    assert [p.population for p in charlestons] == sorted(
        (p.population for p in charlestons), reverse=True
    )
    story = geo.analyze("Officials in Huntington and Richmond said.", gazetteer).places()
    views = describe_candidates(charlestons, gazetteer, story)
    labels = [v.label for v in views]
    assert len(set(labels)) == len(labels)  # every Charleston can be told from the others
    by_state = {v.state: v for v in views}
    assert {"South Carolina", "West Virginia", "Illinois"} <= set(by_state)
    assert all(v.country == "United States" for v in views if v.place.country_code == "US")
    west_virginia = by_state["West Virginia"]
    assert west_virginia.kind and west_virginia.population > 40_000
    # the one near the story's other places is the closest to them
    assert west_virginia.nearest == "Huntington" and west_virginia.nearest_km is not None
    assert west_virginia.nearest_km < 100 < by_state["South Carolina"].nearest_km  # type: ignore[operator]
    assert "West Virginia, United States" in west_virginia.label
    assert "km from Huntington" in west_virginia.label
    # a province named only where the codes agree: Donetsk is not in Vinnytsia Oblast
    donetsk = describe_candidates(places_named("Donetsk", gazetteer), gazetteer)
    assert {v.country for v in donetsk} >= {"Ukraine", "Russia"}
    assert not any("Vinnytsia" in v.label for v in donetsk)


def test_a_pin_puts_a_mention_where_the_reader_clicked(gazetteer: geo.Gazetteer) -> None:
    before = geo.analyze(TEXT, gazetteer, published=date(2024, 3, 5))
    lviv = next(m for m in before.mentions if m.text == "Lviv")
    clicked = Coordinate(49.8419, 24.0315)
    pins = [
        Correction(CorrectionKind.PIN, lviv.start, lviv.end, "Lviv", point=clicked),
        Correction(CorrectionKind.PIN, 0, 8, "Shelling", point=Coordinate(48.0, 37.8)),
    ]
    after = geo.analyze(TEXT, gazetteer, published=date(2024, 3, 5), corrections=pins)
    moved = next(m for m in after.mentions if m.text == "Lviv")
    assert moved.place is not None and moved.place.coordinate == clicked and moved.corrected
    assert moved.place.country_code == "UA"  # kept from the reading it replaces
    added = next(m for m in after.mentions if m.text == "Shelling")
    assert added.place is not None and added.place.coordinate == Coordinate(48.0, 37.8)
    # saved and loaded like the other corrections
    saved = corrections_to_json(TEXT, pins)
    first = json.loads(saved)["corrections"][0]
    assert (first["kind"], first["lat"], first["lon"]) == ("pin", 49.8419, 24.0315)
    assert corrections_from_json(TEXT, saved) == tuple(pins)


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


# --- a saved corrections file is untrusted input ---------------------------------------------

SHA = hashlib.sha256(TEXT.encode()).hexdigest()
DROP = {"kind": "drop", "start": 12, "end": 19, "text": "Donetsk", "place_id": ""}
CHOOSE = {"kind": "choose", "start": 55, "end": 59, "text": "Kyiv", "place_id": "country:UA"}


def _file(*items: Any, **top: Any) -> bytes:
    """A corrections file for TEXT, with ``top`` replacing (or, as None, removing) top keys."""
    doc: dict[str, Any] = {"format": FORMAT, "article_sha256": SHA, "corrections": list(items)}
    for key, value in top.items():
        if value is None:
            del doc[key]
        else:
            doc[key] = value
    return json.dumps(doc, ensure_ascii=False).encode()


_GONE = object()  # as a value in _with: remove that key


def _with(base: dict[str, Any], **changes: Any) -> dict[str, Any]:
    out = {**base, **changes}
    return {k: v for k, v in out.items() if v is not _GONE}


def _raw(correction: str) -> bytes:
    """A file whose one correction is written out by hand (for what json.dumps cannot say)."""
    return (
        f'{{"format": "{FORMAT}", "article_sha256": "{SHA}", "corrections": [{correction}]}}'
    ).encode()


def bad_files() -> list[tuple[str, str | bytes]]:
    """Every way a corrections file for TEXT can be wrong; each must raise InputError alone."""
    deep = 100_000
    return [
        # not JSON, or not the file's shape
        ("binary", b"\x00not json"),
        ("empty", b""),
        ("trailing-garbage", _file(DROP) + b" x"),
        ("array", b"[]"),
        ("string", b'"newsmap"'),
        ("null", b"null"),
        ("other-format", _file(DROP, format="newsmap-corrections/2")),
        ("no-format", _file(DROP, format=None)),
        ("format-number", _file(DROP, format=1)),
        ("other-article", _file(DROP, article_sha256=hashlib.sha256(b"x").hexdigest())),
        ("no-sha", _file(DROP, article_sha256=None)),
        ("sha-list", _file(DROP, article_sha256=[SHA])),
        ("no-corrections", _file(corrections=None)),
        ("corrections-object", _file(corrections={})),
        ("corrections-string", _file(corrections="drop")),
        ("item-number", _file(1)),
        ("item-null", _file(None)),
        ("unknown-top-key", _file(DROP, comment="hi")),
        ("unknown-item-key", _file(_with(DROP, note="hi"))),
        # kinds
        ("unknown-kind", _file(_with(DROP, kind="move"))),
        ("kind-upper-case", _file(_with(DROP, kind="DROP"))),
        ("kind-list", _file(_with(DROP, kind=["drop"]))),
        ("no-kind", _file(_with(DROP, kind=_GONE))),
        # offsets
        ("start-float", _file(_with(DROP, start=12.0))),
        ("end-exponent", _file(_with(DROP, end=1.9e1))),
        ("start-bool", _file(_with(DROP, start=True, end=8, text="helling"))),
        ("start-string", _file(_with(DROP, start="12"))),
        ("start-null", _file(_with(DROP, start=None))),
        ("start-object", _file(_with(DROP, start={}))),
        ("no-end", _file(_with(DROP, end=_GONE))),
        ("negative-start", _file(_with(DROP, start=-1, end=7, text=""))),
        ("negative-slice", _file(_with(DROP, start=-4, end=-1, text=TEXT[-4:-1]))),
        ("reversed", _file(_with(DROP, start=19, end=12))),
        ("empty-span", _file(_with(DROP, end=12, text=""))),
        ("end-past-article", _file(_with(DROP, end=len(TEXT) + 1, text=TEXT[12:]))),
        ("start-past-article", _file(_with(DROP, start=10**9, end=10**9 + 7))),
        ("twenty-digits", _file(_with(DROP, start=10**19, end=10**19 + 7))),
        ("infinity", _raw('{"kind": "drop", "start": 12, "end": Infinity, "text": "Donetsk"}')),
        ("minus-infinity", _raw('{"kind": "drop", "start": -Infinity, "end": 19, "text": "x"}')),
        ("nan", _raw('{"kind": "drop", "start": NaN, "end": 19, "text": "Donetsk"}')),
        ("float-overflow", _raw('{"kind": "drop", "start": 12, "end": 1e400, "text": "x"}')),
        ("huge-int", _raw(f'{{"kind": "drop", "start": 1{"0" * 5000}, "end": 19, "text": ""}}')),
        # text
        ("text-elsewhere", _file(_with(DROP, start=0, end=7))),
        ("text-case", _file(_with(DROP, text="donetsk"))),
        ("text-list", _file(_with(DROP, text=["Donetsk"]))),
        ("text-null", _file(_with(DROP, text=None))),
        ("no-text", _file(_with(DROP, text=_GONE))),
        ("text-lone-surrogate", _raw('{"kind":"drop","start":12,"end":13,"text":"\\ud800"}')),
        # place ids
        ("place-id-number", _file(_with(CHOOSE, place_id=703448))),
        ("place-id-list", _file(_with(CHOOSE, place_id=["country:UA"]))),
        ("place-id-long", _file(_with(CHOOSE, place_id="geonames:" + "9" * 100_000))),
        ("place-id-empty", _file(_with(CHOOSE, place_id=""))),
        ("place-id-missing", _file(_with(CHOOSE, place_id=_GONE))),
        ("place-id-newline", _file(_with(CHOOSE, place_id="country:UA\n"))),
        (
            "place-id-surrogate",
            _raw(json.dumps(CHOOSE).replace("country:UA", "\\ud800")),
        ),
        ("drop-with-place-id", _file(_with(DROP, place_id="country:UA"))),
        # points
        ("pin-without-point", _file(_with(DROP, kind="pin"))),
        ("pin-lat-only", _file(_with(DROP, kind="pin", lat=48.0))),
        ("pin-lat-string", _file(_with(DROP, kind="pin", lat="48", lon=37.8))),
        ("pin-lat-bool", _file(_with(DROP, kind="pin", lat=True, lon=37.8))),
        ("pin-off-earth", _file(_with(DROP, kind="pin", lat=91.0, lon=37.8))),
        ("pin-lon-off-earth", _file(_with(DROP, kind="pin", lat=48.0, lon=-180.5))),
        ("pin-with-place-id", _file(_with(DROP, kind="pin", lat=48, lon=37, place_id="x:1"))),
        ("drop-with-point", _file(_with(DROP, lat=48.0, lon=37.8))),
        (
            "pin-nan",
            _raw(
                '{"kind": "pin", "start": 12, "end": 19, "text": "Donetsk", "lat": NaN, "lon": 1}'
            ),
        ),
        # duplicates
        ("duplicate-top-key", _file(DROP)[:-1] + f', "format": "{FORMAT}"}}'.encode()),
        (
            "duplicate-item-key",
            _raw('{"kind": "drop", "start": 12, "end": 19, "start": 0, "text": "Donetsk"}'),
        ),
        # size, encoding, nesting
        ("too-many", _file(*[DROP] * (MAX_CORRECTIONS + 1))),
        ("too-big", _file(DROP) + b" " * MAX_FILE_BYTES),
        ("too-big-str", _file(DROP).decode() + " " * MAX_FILE_BYTES),
        ("invalid-utf8", _file(DROP).replace(b"Donetsk", b"Donets\xff")),
        ("utf8-surrogate-bytes", _file(DROP).replace(b"Donetsk", b"Donets\xed\xa0\x80")),
        ("utf16", _file(DROP).decode().encode("utf-16")),
        ("nested-lists", b"[" * deep),
        ("nested-objects", b'{"a":' * deep),
        ("nested-in-corrections", _file()[:-2] + b"[" * deep),
    ]


BAD = bad_files()


def test_the_corpus_is_large_and_named_once() -> None:
    names = [name for name, _ in BAD]
    assert len(names) >= 46 and len(set(names)) == len(names)


@pytest.mark.parametrize("data", [data for _, data in BAD], ids=[name for name, _ in BAD])
def test_a_bad_corrections_file_is_one_input_error(data: str | bytes) -> None:
    try:
        corrections_from_json(TEXT, data)
    except geo.InputError as err:
        message = str(err)
        assert message and "\n" not in message and len(message) < 300
        assert message.isprintable()  # no lone surrogate or control character leaks out
    else:
        pytest.fail("a bad corrections file was accepted")


def _good_files() -> list[tuple[str, str, str | bytes]]:
    emoji = "🛰️ Drones over Belgorod 🇷🇺, said Kyiv."
    start = emoji.index("Belgorod")
    add = {"kind": "add", "start": start, "end": start + 8, "text": "Belgorod",
           "place_id": "geonames:578072"}  # fmt: skip
    emoji_file = json.dumps(
        {
            "format": FORMAT,
            "article_sha256": hashlib.sha256(emoji.encode()).hexdigest(),
            "corrections": [add],
        }
    )
    return [
        ("none", TEXT, _file()),
        ("each-kind", TEXT, _file(DROP, CHOOSE, _with(CHOOSE, kind="add", place_id="x:1"))),
        ("drop-without-place-id", TEXT, _file(_with(DROP, place_id=_GONE))),
        ("byte-order-mark", TEXT, b"\xef\xbb\xbf" + _file(DROP)),
        ("str", TEXT, _file(DROP).decode()),
        (
            "keys-reordered",
            TEXT,
            _raw('{"text": "Donetsk", "end": 19, "start": 12, "kind": "drop"}'),
        ),
        ("same-span-twice", TEXT, _file(CHOOSE, _with(CHOOSE, kind="drop", place_id=""))),
        ("at-the-limit", TEXT, _file(*[DROP] * MAX_CORRECTIONS)),
        ("astral-characters", emoji, emoji_file),
        ("whole-article", TEXT, _file(_with(DROP, start=0, end=len(TEXT), text=TEXT))),
    ]


@pytest.mark.parametrize(("text", "data"), [g[1:] for g in _good_files()],
                         ids=[g[0] for g in _good_files()])  # fmt: skip
def test_a_good_file_round_trips(text: str, data: str | bytes) -> None:
    read = corrections_from_json(text, data)
    assert all(text[c.start : c.end] == c.text for c in read)
    assert corrections_from_json(text, corrections_to_json(text, read)) == read


@pytest.mark.parametrize(
    "args",
    [
        ("drop", 12, 19, "Donetsk"),  # a string, not a CorrectionKind
        (CorrectionKind.DROP, True, 19, "Donetsk"),
        (CorrectionKind.DROP, 12.0, 19, "Donetsk"),
        (CorrectionKind.DROP, 19, 12, "Donetsk"),
        (CorrectionKind.DROP, -1, 6, "Donets"),
        (CorrectionKind.DROP, 12, 12, ""),
        (CorrectionKind.DROP, 12, 19, "Donets"),
        (CorrectionKind.DROP, 12, 19, None),
        (CorrectionKind.CHOOSE, 12, 19, "Donetsk", ""),
        (CorrectionKind.CHOOSE, 12, 19, "Donetsk", 709717),
        (CorrectionKind.ADD, 12, 19, "Donetsk", "geonames:" + "9" * 500),
        (CorrectionKind.DROP, 12, 19, "Donetsk", "geonames:709717"),
        (CorrectionKind.DROP, 10**12, 10**12 + 1, "x"),
        (CorrectionKind.PIN, 12, 19, "Donetsk"),
        (CorrectionKind.PIN, 12, 19, "Donetsk", "", (48.0, 37.8)),
        (CorrectionKind.DROP, 12, 19, "Donetsk", "", Coordinate(48.0, 37.8)),
    ],
)
def test_a_correction_cannot_be_built_invalid(args: tuple[Any, ...]) -> None:
    with pytest.raises(geo.InputError):
        Correction(*args)


_KINDS = list(CorrectionKind)


@st.composite
def _valid_corrections(draw: st.DrawFn, ids: list[str]) -> Correction:
    start = draw(st.integers(0, len(TEXT) - 1))
    end = draw(st.integers(start + 1, len(TEXT)))
    kind = draw(st.sampled_from(_KINDS))
    any_id = st.text(min_size=1, max_size=40).filter(
        lambda s: s.isprintable() and not any(c.isspace() for c in s)
    )
    if kind is CorrectionKind.PIN:
        lat = draw(st.floats(-90, 90, allow_nan=False))
        lon = draw(st.floats(-180, 180, allow_nan=False))
        return Correction(kind, start, end, TEXT[start:end], point=Coordinate(lat, lon))
    place_id = "" if kind is CorrectionKind.DROP else draw(st.sampled_from(ids) | any_id)
    return Correction(kind, start, end, TEXT[start:end], place_id)


# real ids of places in TEXT and elsewhere, and well-formed ids of no place
_IDS = ["geonames:709717", "geonames:565348", "geonames:703448", "country:UA", "country:RU",
        "region:middle-east", "admin1:UA-14", "geonames:0", "nowhere:x"]  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fixes=st.lists(_valid_corrections(_IDS), max_size=8))
def test_validated_corrections_always_apply(
    gazetteer: geo.Gazetteer, fixes: list[Correction]
) -> None:
    found = find_places(TEXT, gazetteer)
    # through a saved file first: what the reader accepts is what the pipeline applies
    fixes = list(corrections_from_json(TEXT, corrections_to_json(TEXT, fixes)))
    out = apply_corrections(TEXT, found.mentions, fixes, gazetteer, found.sentences)
    assert all(TEXT[m.start : m.end] == m.text for m in out)
    assert [m.start for m in out] == sorted(m.start for m in out)
