"""The Streamlit app, driven by streamlit.testing's AppTest (no browser, no network)."""

from conftest import ROOT
from streamlit.testing.v1 import AppTest


def test_app_opens_on_the_sample_article() -> None:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not app.exception
    assert "Kim Jong Un" in app.text_area[0].value
    table = app.dataframe[0].value
    assert "Pyongyang" in set(table["place"])
    assert any("GeoNames" in c.value for c in app.caption)


def test_pasted_text_gives_its_places() -> None:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    app.text_area[0].set_value("Floods cut the road between Brisbane and Cairns, Queensland.").run()
    assert not app.exception
    places = set(app.dataframe[0].value["place"])
    assert {"Brisbane", "Cairns", "Queensland"} <= places


def test_too_long_text_gives_a_message_not_a_traceback() -> None:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    app.text_area[0].set_value("Moscow " * 200_000).run()
    assert not app.exception
    assert any("limit" in e.value for e in app.error)


def test_every_download_button_yields_a_file() -> None:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180).run()
    assert not app.exception
    buttons = app.get("download_button")
    labels = [b.proto.label for b in buttons]
    assert labels == ["Briefing (HTML)", "GEOJSON", "KML", "CSV", "CSV events"]
