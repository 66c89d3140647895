"""Online geocoders, opt in: the real pipeline and gazetteer, geopy pointed at a fake service on
the loopback interface (``fake_geocoder.py``); nothing reaches beyond 127.0.0.1."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE_PUBLISHED, mentions_of
from fake_geocoder import ARCGIS_PATH, FakeService, serve

import geo
from geo.batch import run_lines
from geo.cli import main
from geo.errors import InputError
from geo.export.geojson import to_geojson
from geo.geocache import GeocodeCache
from geo.geocoders import Area, Backend, Geocoder, GeocoderSettings, open_geocoder
from geo.geocoding import PlaceSearch, search_places
from geo.models import Coordinate, PlaceKind
from geo.serialize import analysis_to_dict

STREET = "Police closed Hutcheson Road in Glasgow on Monday after a fire."
VILLAGE = "Residents of the village of Ballymacoda in Ireland said the storm had passed."
ELSEWHERE = "Officers were later seen in Drumchapelmuir, a hamlet in Scotland."
DEV = ROOT.parent / "shared" / "eval" / "dev-news.jsonl"
NOMINATIM_CREDIT = "Geocoding: some places from Nominatim (© OpenStreetMap contributors, ODbL)."


@pytest.fixture
def service(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeService]:
    # a proxy from the environment must not see, or carry, a request to the loopback service
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    state, server = serve()
    yield state
    _stop(server)


def _stop(server: ThreadingHTTPServer) -> None:
    server.shutdown()
    server.server_close()


def _geocoder(
    service: FakeService,
    tmp_path: Path,
    backend: Backend = Backend.NOMINATIM,
    **options: float,
) -> Geocoder:
    settings = GeocoderSettings(backend, service.domain, "http", "newsmap-tests (loopback)",
                                **{"min_delay_s": 0.0, **options})  # type: ignore[arg-type]  # fmt: skip
    geocoder = open_geocoder(settings, GeocodeCache(tmp_path / "geocode.sqlite"))
    assert geocoder is not None
    return geocoder


def test_a_street_gets_the_services_point_within_its_town(
    gazetteer: geo.Gazetteer, service: FakeService, tmp_path: Path
) -> None:
    offline = mentions_of(geo.analyze(STREET, gazetteer), "Hutcheson Road")[0]
    assert offline.place is not None and offline.place.source == ""  # at Glasgow, half sure
    analysis = geo.analyze(STREET, gazetteer, geocoder=_geocoder(service, tmp_path))
    street = mentions_of(analysis, "Hutcheson Road")[0]
    assert street.place is not None
    assert street.place.kind is PlaceKind.FACILITY
    assert street.place.coordinate == Coordinate(55.80563, -4.31071)
    assert street.place.id == "nominatim:way/23417711"
    assert street.place.source == "Nominatim (© OpenStreetMap contributors, ODbL)"
    assert street.confidence > offline.confidence
    assert street.note == ""


def test_the_query_carries_the_articles_context(
    gazetteer: geo.Gazetteer, service: FakeService, tmp_path: Path
) -> None:
    geo.analyze(STREET, gazetteer, geocoder=_geocoder(service, tmp_path))
    (request,) = service.requests  # Glasgow itself is not asked about: the gazetteer has it
    assert request.path == "/search"
    assert request.query["q"] == ["Hutcheson Road"]
    assert request.query["bounded"] == ["1"]
    assert request.query["countrycodes"] == ["gb"]
    west, south, east, north = map(float, request.query["viewbox"][0].split(","))
    glasgow = Coordinate(55.86515, -4.25763)
    assert south < glasgow.lat < north and west < glasgow.lon < east
    assert north - south < 1.0  # the town and its outskirts, not the whole country
    assert request.user_agent == "newsmap-tests (loopback)"


def test_a_village_the_gazetteer_lacks_is_placed_in_its_country(
    gazetteer: geo.Gazetteer, service: FakeService, tmp_path: Path
) -> None:
    offline = mentions_of(geo.analyze(VILLAGE, gazetteer), "Ballymacoda")[0]
    assert offline.place is None
    analysis = geo.analyze(VILLAGE, gazetteer, geocoder=_geocoder(service, tmp_path))
    village = mentions_of(analysis, "Ballymacoda")[0]
    assert village.place is not None
    assert village.place.kind is PlaceKind.CITY  # "the village of", and the service agrees
    assert village.place.country_code == "IE"
    assert service.requests[0].query["countrycodes"] == ["ie"]


def test_an_answer_outside_the_context_is_not_used(
    gazetteer: geo.Gazetteer, service: FakeService, tmp_path: Path
) -> None:
    # the fake service ignores the viewbox and answers London for a hamlet "in Scotland"
    analysis = geo.analyze(ELSEWHERE, gazetteer, geocoder=_geocoder(service, tmp_path))
    hamlet = mentions_of(analysis, "Drumchapelmuir")[0]
    assert hamlet.place is None
    assert "Scotland" in hamlet.note
    assert NOMINATIM_CREDIT not in analysis.credits


def test_photon_gets_the_bbox_and_gives_the_point(
    gazetteer: geo.Gazetteer, service: FakeService, tmp_path: Path
) -> None:
    geocoder = _geocoder(service, tmp_path, Backend.PHOTON)
    analysis = geo.analyze(STREET, gazetteer, geocoder=geocoder)
    street = mentions_of(analysis, "Hutcheson Road")[0]
    assert street.place is not None and street.place.coordinate == Coordinate(55.80563, -4.31071)
    assert street.place.id == "photon:W/23417711"
    (request,) = service.requests
    assert request.path == "/api" and "bbox" in request.query
    assert "Photon by Komoot (© OpenStreetMap contributors, ODbL)." in analysis.credits[-1]


def test_pelias_gets_the_boundary_and_gives_its_confidence(
    gazetteer: geo.Gazetteer, service: FakeService, tmp_path: Path
) -> None:
    settings = GeocoderSettings(Backend.PELIAS, service.domain, "http", "newsmap-tests",
                                min_delay_s=0.0, api_key="key-123")  # fmt: skip
    geocoder = open_geocoder(settings, GeocodeCache(tmp_path / "geocode.sqlite"))
    analysis = geo.analyze(STREET, gazetteer, geocoder=geocoder)
    street = mentions_of(analysis, "Hutcheson Road")[0]
    assert street.place is not None and street.place.coordinate == Coordinate(55.80563, -4.31071)
    assert street.place.id == "pelias:openstreetmap:street:way/23417711"
    assert street.place.source.startswith("Pelias (© OpenStreetMap contributors")
    assert street.confidence <= 0.9  # the service's confidence, at most
    (request,) = service.requests
    assert request.path == "/v1/search" and request.query["text"] == ["Hutcheson Road"]
    assert request.query["boundary.country"] == ["GB"] and request.query["api_key"] == ["key-123"]
    south, north = (float(request.query[f"boundary.rect.{k}_lat"][0]) for k in ("min", "max"))
    west, east = (float(request.query[f"boundary.rect.{k}_lon"][0]) for k in ("min", "max"))
    assert south < 55.86515 < north and west < -4.25763 < east and north - south < 1.0


def test_the_geonames_web_service_gets_the_country_and_places_a_village(
    gazetteer: geo.Gazetteer, service: FakeService, tmp_path: Path
) -> None:
    settings = GeocoderSettings(Backend.GEONAMES, service.domain, "http", "newsmap-tests",
                                min_delay_s=0.0, username="newsroom")  # fmt: skip
    geocoder = open_geocoder(settings, GeocodeCache(tmp_path / "geocode.sqlite"))
    analysis = geo.analyze(VILLAGE, gazetteer, geocoder=geocoder)
    village = mentions_of(analysis, "Ballymacoda")[0]
    assert village.place is not None and village.place.kind is PlaceKind.CITY
    assert village.place.coordinate == Coordinate(51.89139, -7.93944)
    assert "GeoNames web services (geonames.org), CC BY 4.0" in analysis.credits[-1]
    (request,) = service.requests
    assert request.path == "/searchJSON" and request.query["username"] == ["newsroom"]
    # GeoNames takes no box: the country is a parameter, and the area is named in the query
    assert request.query["country"] == ["IE"]
    assert request.query["q"] == ["Ballymacoda, Ireland, IE"]


def test_a_geonames_account_without_web_services_is_asked_once(
    gazetteer: geo.Gazetteer, service: FakeService, tmp_path: Path
) -> None:
    settings = GeocoderSettings(Backend.GEONAMES, service.domain, "http", "newsmap-tests",
                                min_delay_s=0.0, username="not-enabled")  # fmt: skip
    geocoder = open_geocoder(settings, GeocodeCache(tmp_path / "geocode.sqlite"))
    analysis = geo.analyze(f"{STREET} {VILLAGE}", gazetteer, geocoder=geocoder)
    assert len(service.requests) == 1  # a refusal: the second name is not sent
    note = mentions_of(analysis, "Ballymacoda")[0].note
    assert note.startswith("GeoNames failed: user account not enabled")
    assert "\n" not in note and len(note) <= 120


def test_arcgis_gets_the_area_in_the_query_and_gives_its_score(
    gazetteer: geo.Gazetteer, service: FakeService, tmp_path: Path
) -> None:
    geocoder = _geocoder(service, tmp_path, Backend.ARCGIS)
    analysis = geo.analyze(STREET, gazetteer, geocoder=geocoder)
    street = mentions_of(analysis, "Hutcheson Road")[0]
    assert street.place is not None and street.place.coordinate == Coordinate(55.80563, -4.31071)
    assert street.place.kind is PlaceKind.FACILITY  # "StreetName", not a town
    assert street.place.source == "ArcGIS World Geocoding Service (© Esri and its data providers)"
    (request,) = service.requests
    assert request.path == ARCGIS_PATH and request.query["f"] == ["json"]
    assert request.query["singleLine"] == ["Hutcheson Road, Glasgow, GB"]
    assert request.query["outFields"] == ["Addr_type"]


def test_the_rate_limit_holds_on_the_server(service: FakeService, tmp_path: Path) -> None:
    geocoder = _geocoder(service, tmp_path, min_delay_s=1.0)
    area = Area.around(Coordinate(55.86515, -4.25763), 30, ("gb",), "Glasgow, GB")
    geocoder.locate("Hutcheson Road", area)
    geocoder.locate("Ballymacoda", area)
    first, second = service.requests
    assert second.at - first.at >= 0.95


def test_a_timeout_keeps_the_offline_result_with_a_note(
    gazetteer: geo.Gazetteer, service: FakeService, tmp_path: Path
) -> None:
    service.sleep_s = 1.5
    offline = mentions_of(geo.analyze(STREET, gazetteer), "Hutcheson Road")[0]
    started = time.monotonic()
    analysis = geo.analyze(STREET, gazetteer, geocoder=_geocoder(service, tmp_path, timeout_s=0.3))
    assert time.monotonic() - started < 1.4
    street = mentions_of(analysis, "Hutcheson Road")[0]
    assert street.place == offline.place and street.confidence == offline.confidence
    assert street.note == "Nominatim did not answer within 0.3 s"
    assert len(service.requests) == 1  # no retry behind the rate limiter's back
    assert NOMINATIM_CREDIT not in analysis.credits


def test_a_server_error_keeps_the_offline_result_and_is_not_cached(
    gazetteer: geo.Gazetteer, service: FakeService, tmp_path: Path
) -> None:
    service.status = 500
    offline = mentions_of(geo.analyze(STREET, gazetteer), "Hutcheson Road")[0]
    analysis = geo.analyze(STREET, gazetteer, geocoder=_geocoder(service, tmp_path))
    street = mentions_of(analysis, "Hutcheson Road")[0]
    assert street.place == offline.place
    assert street.note.startswith("Nominatim failed")
    service.status = 200  # the service is back: the next run asks again, and is answered
    again = geo.analyze(STREET, gazetteer, geocoder=_geocoder(service, tmp_path))
    assert len(service.requests) == 2
    assert mentions_of(again, "Hutcheson Road")[0].place != offline.place


def test_a_rerun_asks_nothing(
    gazetteer: geo.Gazetteer, service: FakeService, tmp_path: Path
) -> None:
    text = f"{STREET} {VILLAGE} {ELSEWHERE}"
    first = geo.analyze(text, gazetteer, geocoder=_geocoder(service, tmp_path))
    asked = len(service.requests)
    assert asked == 3  # the street, the village, the hamlet (whose answer was refused)
    geocoder = _geocoder(service, tmp_path)  # a new process would open the same file
    second = geo.analyze(text, gazetteer, geocoder=geocoder)
    assert len(service.requests) == asked and geocoder.requests == 0
    assert analysis_to_dict(second) == analysis_to_dict(first)
    info = GeocodeCache(tmp_path / "geocode.sqlite").info()
    assert (info.answers, info.hits) == (3, 2)


def test_the_credit_reaches_the_geojson_export(
    gazetteer: geo.Gazetteer, service: FakeService, tmp_path: Path
) -> None:
    analysis = geo.analyze(STREET, gazetteer, geocoder=_geocoder(service, tmp_path))
    assert analysis.credits == (*gazetteer.credits, NOMINATIM_CREDIT)
    exported = to_geojson(analysis)
    assert NOMINATIM_CREDIT in exported["attribution"]
    sources = {f["properties"]["name"]: f["properties"].get("source") for f in
               exported["features"] if f["properties"]["feature"] == "place"}  # fmt: skip
    assert sources["Hutcheson Road"] == "Nominatim (© OpenStreetMap contributors, ODbL)"
    assert sources["Glasgow"] is None


def test_by_default_nothing_is_asked_and_nothing_changes(
    gazetteer: geo.Gazetteer, service: FakeService, sample_text: str, sample: geo.Analysis
) -> None:
    assert open_geocoder(GeocoderSettings()) is None
    assert GeocoderSettings().backend is Backend.NONE
    default = geo.analyze(sample_text, gazetteer, published=SAMPLE_PUBLISHED, geocoder=None)
    assert analysis_to_dict(default) == analysis_to_dict(sample)
    assert service.requests == []


def test_asking_for_nothing_keeps_the_places_of_the_sample(
    gazetteer: geo.Gazetteer, service: FakeService, sample: geo.Analysis, tmp_path: Path
) -> None:
    """The new path itself, with a service that knows none of the sample's names: the same
    places, claims and events, only notes added."""
    online = geo.analyze(sample.text, gazetteer, published=SAMPLE_PUBLISHED,
                         geocoder=_geocoder(service, tmp_path))  # fmt: skip
    stripped = analysis_to_dict(online)
    for m in stripped["mentions"]:
        m.pop("note", None)
    assert stripped == analysis_to_dict(sample)


@pytest.mark.skipif(not DEV.is_file(), reason="the shared evaluation sets are not here")
def test_asking_for_nothing_keeps_the_places_of_real_articles(
    gazetteer: geo.Gazetteer, service: FakeService, tmp_path: Path
) -> None:
    """As above, on the 118 articles of the development set, whose streets, hospitals and
    villages are sent (the fake service knows none of them)."""
    with DEV.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    geocoder = _geocoder(service, tmp_path)
    for text in texts:
        online = analysis_to_dict(geo.analyze(text, gazetteer, geocoder=geocoder))
        for m in online["mentions"]:
            m.pop("note", None)
        assert online == analysis_to_dict(geo.analyze(text, gazetteer))
    assert len(service.requests) >= 20  # the online path was taken


def test_the_public_nominatim_refuses_the_default_user_agent() -> None:
    for agent in ("", "geopy/2.5.0", "newsmap/0.1.0"):
        with pytest.raises(InputError, match="user agent"):
            open_geocoder(GeocoderSettings(Backend.NOMINATIM, user_agent=agent))
    with pytest.raises(InputError, match="user name"):
        open_geocoder(GeocoderSettings(Backend.GEONAMES))
    with pytest.raises(InputError, match="domain"):
        open_geocoder(GeocoderSettings(Backend.PELIAS))


def test_the_cli_places_online_and_manages_the_cache(
    service: FakeService, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, gazetteer: geo.Gazetteer,
) -> None:  # fmt: skip
    monkeypatch.setenv("NEWSMAP_CACHE_DIR", str(tmp_path))
    article = tmp_path / "street.txt"
    article.write_text(STREET, encoding="utf-8")
    online = ["--geocoder", "nominatim", "--geocoder-domain", service.domain,
              "--geocoder-scheme", "http", "--geocoder-user-agent", "newsmap-tests"]  # fmt: skip
    index = ["--gazetteer", str(gazetteer.path)]
    assert main([*index, "places", str(article), "--json", *online]) == 0
    result = json.loads(capsys.readouterr().out)
    street = next(m for m in result["mentions"] if m["text"] == "Hutcheson Road")
    assert street["place"]["source"].startswith("Nominatim")
    assert NOMINATIM_CREDIT in result["credits"]
    assert main([*index, "places", str(article), *online]) == 0
    assert NOMINATIM_CREDIT in capsys.readouterr().out
    assert len(service.requests) == 1  # the second run read the cache
    assert main(["geocode-cache", "info"]) == 0
    assert "1 answer" in capsys.readouterr().out
    assert main(["geocode-cache", "clear"]) == 0
    assert main(["geocode-cache", "info"]) == 0
    assert "0 answers" in capsys.readouterr().out


def test_batch_with_a_geocoder_runs_in_one_process_at_the_rate(
    service: FakeService, tmp_path: Path, gazetteer: geo.Gazetteer
) -> None:
    lines = [json.dumps({"id": i, "text": t}) for i, t in enumerate((STREET, VILLAGE), 1)]
    geocoder = _geocoder(service, tmp_path, min_delay_s=1.0)
    results = list(run_lines(lines, gazetteer, workers=4, geocoder=geocoder))
    street = next(p for p in results[0]["places"] if p["text"] == "Hutcheson Road")
    assert street["source"].startswith("Nominatim") and street["lat"] == 55.80563
    first, second = service.requests  # one limiter, in this process, for the whole batch
    assert second.at - first.at >= 0.95


def test_the_app_warns_before_it_sends_a_name(
    service: FakeService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gazetteer: geo.Gazetteer
) -> None:
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("NEWSMAP_CACHE_DIR", str(tmp_path))  # a cache of this test's own
    (tmp_path / gazetteer.path.name).symlink_to(gazetteer.path)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180).run()
    app.radio(key="source").set_value("Paste text").run()
    app.text_area(key="pasted").set_value(STREET).run()
    assert app.selectbox(key="geocoder").value == "none"
    app.selectbox(key="geocoder").set_value("nominatim").run()
    app.text_input(key="geocoder_domain").set_value(service.domain)
    app.radio(key="geocoder_scheme").set_value("http")
    app.text_input(key="geocoder_ua").set_value("newsmap-tests (loopback)").run()
    assert not app.exception
    (warning,) = app.warning
    assert "will be sent to" in warning.value and service.domain in warning.value
    assert service.requests == []  # chosen, yet not turned on
    app.checkbox(key="geocoder_on").check().run()
    assert not app.exception
    app.toggle(key="places_grid").set_value(True).run()  # the places as a grid
    table = app.dataframe[0].value
    assert table[table["mention"] == "Hutcheson Road"].iloc[0]["lat"] == pytest.approx(55.80563)
    assert len(service.requests) == 1
    assert any("Nominatim" in c.value for c in app.caption)


def test_docstring_examples() -> None:
    import doctest

    import geo.geocoders

    assert doctest.testmod(geo.geocoders).failed == 0


def test_a_service_that_refuses_us_is_asked_nothing_more(
    gazetteer: geo.Gazetteer, service: FakeService, tmp_path: Path
) -> None:
    service.status = 429  # too many requests
    text = f"{STREET} {VILLAGE}"
    analysis = geo.analyze(text, gazetteer, geocoder=_geocoder(service, tmp_path))
    assert len(service.requests) == 1
    for name in ("Hutcheson Road", "Ballymacoda"):
        assert mentions_of(analysis, name)[0].note.startswith("Nominatim failed")


def test_the_place_search_offers_the_gazetteers_places_then_the_services(
    gazetteer: geo.Gazetteer, service: FakeService, tmp_path: Path
) -> None:
    article = geo.analyze(STREET, gazetteer)  # "Hutcheson Road in Glasgow"
    offline = search_places("Glasgow", article, gazetteer)
    assert offline.places[0].id == "geonames:2648579" and offline.places[0].source == ""
    assert len(offline.places) > 1  # Glasgow, Kentucky and others follow the largest
    assert search_places("Hutcheson Road", article, gazetteer) == PlaceSearch(())
    assert service.requests == []  # no geocoder: nothing asked
    found = search_places("hutcheson road", article, gazetteer, _geocoder(service, tmp_path))
    (street,) = found.places
    assert street.coordinate == Coordinate(55.80563, -4.31071)
    assert street.kind is PlaceKind.FACILITY and street.country_code == "GB"
    assert street.source.startswith("Nominatim")
    (request,) = service.requests
    assert request.query["countrycodes"] == ["gb"]
    west, south, east, north = map(float, request.query["viewbox"][0].split(","))
    # bounded to Glasgow, where the article writes the name, not to all of Britain
    assert south < 55.86515 < north and west < -4.25763 < east and north - south < 1.0
    # a name the article does not write: within the country its places lie in
    missing = search_places("Knockadoon", article, gazetteer, _geocoder(service, tmp_path))
    assert missing == PlaceSearch((), "Nominatim: no result in United Kingdom, GB")


def test_a_place_the_geocoder_found_is_added_as_pins_at_its_point(
    gazetteer: geo.Gazetteer, service: FakeService, tmp_path: Path
) -> None:
    from geo.corrections import additions

    article = geo.analyze(STREET, gazetteer)
    (street,) = search_places(
        "Hutcheson Road", article, gazetteer, _geocoder(service, tmp_path)
    ).places
    fixes = additions(STREET, "Hutcheson Road", street)
    assert [f.kind.value for f in fixes] == ["pin"]  # the gazetteer cannot look it up again
    corrected = geo.analyze(STREET, gazetteer, corrections=fixes)  # offline from here on
    (placed,) = [m for m in corrected.mentions if m.text == "Hutcheson Road"]
    assert placed.place is not None and placed.place.coordinate == Coordinate(55.80563, -4.31071)
    assert placed.confidence == 1.0


def test_the_place_search_without_context_asks_the_whole_world(
    gazetteer: geo.Gazetteer, service: FakeService, tmp_path: Path
) -> None:
    arcgis = _geocoder(service, tmp_path, Backend.ARCGIS)
    found = search_places("Ballymacoda", geo.analyze("", gazetteer), gazetteer, arcgis)
    (village,) = found.places
    assert village.kind is PlaceKind.CITY and village.country_code == ""  # a "Locality"
    (request,) = service.requests
    assert request.query["singleLine"] == ["Ballymacoda"]  # no ", <area>" to add
