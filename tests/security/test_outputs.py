"""Every output that is a file or text, the notebook summary and the embed code, run on the
security corpus: nothing is compiled as a template, nothing escapes its syntax, every payload
reads literally, and nothing crashes. The browser side (map, briefing, static figure, app)
is in ``test_in_chromium.py``."""

from __future__ import annotations

import csv
import html
import io
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import folium
import pytest
from conftest import elements_of

import geo
from geo.briefing import briefing_html
from geo.cli import main
from geo.export import export_bytes, to_csv, to_geojson, to_kml
from geo.render import build_map
from geo.report import safe
from geo.report.embed import embed_snippet
from security.corpus import PAYLOADS, Payload, flat

JINJA_NAMES = [p.name for p in PAYLOADS if p.layer == "jinja"]


def strings(value: object) -> list[str]:
    """Every string inside nested JSON data."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def test_the_corpus_reaches_every_layer(hostile: geo.Analysis) -> None:
    assert len(PAYLOADS) >= 60
    assert {p.layer for p in PAYLOADS} == {"jinja", "html", "js", "css", "csv", "xml", "markdown"}
    # each payload's line has its place and its event, so every output quotes it
    assert len({m.place.id for m in hostile.resolved if m.place}) >= len(PAYLOADS) - 2
    assert len(hostile.events) >= len(PAYLOADS) - 2


def test_the_map_renders_without_compiling_the_article(
    hostile: geo.Analysis, gazetteer: geo.Gazetteer, filled: dict[str, str]
) -> None:
    fmap = build_map(hostile, gazetteer)
    page = fmap.get_root().render()
    assert "54" not in [w.strip("<>;,") for w in page.split()]  # {{ 6*9 }} not evaluated
    # every "{" from the article is escaped: no Jinja delimiter of the article is left
    for marker in ("{{ ", "{%", "{#"):
        assert marker not in page.replace("{{ this", "")


def test_the_briefing_shows_every_payload_as_text(
    hostile: geo.Analysis, gazetteer: geo.Gazetteer, filled: dict[str, str]
) -> None:
    page = briefing_html(hostile, gazetteer, title=filled["jinja-lipsum"])
    start = page.index("<section class='newsmap-briefing'>")
    panel = page[start : page.index("</section>", start)]
    shown = flat(html.unescape(panel))
    missing = [name for name, text in filled.items() if flat(text) not in shown]
    assert missing == []
    # the panel's own markup only: no tag, attribute or comment came from the article
    assert "<script" not in panel and "<img" not in panel and "<!--" not in panel
    assert "&lt;script&gt;" in panel


@pytest.mark.parametrize("name", JINJA_NAMES)
def test_a_jinja_title_is_text(
    name: str, hostile: geo.Analysis, gazetteer: geo.Gazetteer, filled: dict[str, str]
) -> None:
    page = briefing_html(hostile, gazetteer, title=filled[name])
    assert f"<title>{safe.html(filled[name])}</title>" in page


def test_geojson_keeps_every_payload_as_a_string(
    hostile: geo.Analysis, filled: dict[str, str]
) -> None:
    data = json.loads(export_bytes(hostile, "geojson"))
    assert data == to_geojson(hostile)
    found = " ".join(strings(data))
    assert [n for n, text in filled.items() if text not in found] == []


def test_kml_is_well_formed_and_keeps_every_payload_as_text(
    hostile: geo.Analysis, filled: dict[str, str]
) -> None:
    document = to_kml(hostile)
    root = ET.fromstring(document.encode("utf-8"))  # well-formed: nothing broke out
    assert "<!DOCTYPE" not in document and "<![CDATA[" not in document
    placemarks = root.findall(".//{http://www.opengis.net/kml/2.2}Placemark")
    assert len(placemarks) >= 2 * len(PAYLOADS) - 4  # places and events, none injected
    descriptions = [d.text or "" for d in root.iter("{http://www.opengis.net/kml/2.2}description")]
    # Google Earth reads descriptions as HTML: the only markup in them is our <br>
    assert all("<" not in d.replace("<br>", "") for d in descriptions)
    shown = flat(" ".join(html.unescape(d.replace("<br>", " ")) for d in descriptions))
    missing = [n for n, text in filled.items() if flat(text) not in shown]
    assert missing == []


@pytest.mark.parametrize("table", ["places", "events"])
def test_csv_cells_never_start_a_formula(
    table: str, hostile: geo.Analysis, filled: dict[str, str]
) -> None:
    rows = list(csv.reader(io.StringIO(to_csv(hostile, table))))
    header, body = rows[0], rows[1:]
    assert all(len(row) == len(header) for row in body)  # no cell broke the table
    starts = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
    for row in body:
        for name, cell in zip(header, row, strict=True):
            if name not in ("lat", "lon", "start", "end", "confidence"):
                assert not cell.lstrip(" ").startswith(starts), (name, cell)
    cells = " ".join(cell.removeprefix("'") for row in body for cell in row)
    csv_payloads = {n: t for n, t in filled.items() if n.startswith("csv-")}
    assert [n for n, text in csv_payloads.items() if text not in cells] == []


def test_the_command_line_treats_the_article_as_data(
    hostile_text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text(hostile_text, encoding="utf-8")
    title = "{{ 6*9 }} <script>alert(1)</script>"
    for argv in (
        ["places", str(article)],
        ["events", str(article)],
        ["check", str(article)],
        ["places", str(article), "--json"],
        ["map", str(article), "-o", str(tmp_path / "map.html"), "--title", title],
        ["export", str(article), "--format", "geojson", "-o", str(tmp_path / "m.geojson")],
        ["export", str(article), "--format", "kml", "-o", str(tmp_path / "m.kml")],
        ["export", str(article), "--format", "csv", "-o", str(tmp_path / "m.csv")],
    ):
        assert main(argv) == 0, argv
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        assert "\x1b" not in out  # no terminal escape sequence from the article
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "{{ 6*9 }}<script>", "text": hostile_text}) + "\n")
    assert main(["batch", str(feed), "-o", str(tmp_path / "out.jsonl"), "--no-progress"]) == 0
    (record,) = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert record["id"] == "{{ 6*9 }}<script>" and len(record["places"]) >= len(PAYLOADS)
    page = (tmp_path / "map.html").read_text(encoding="utf-8")
    assert "<title>&#123;&#123; 6*9 &#125;&#125; &lt;script&gt;" in page


def test_folium_never_receives_article_text(
    hostile: geo.Analysis, gazetteer: geo.Gazetteer
) -> None:
    """No folium element that compiles or inlines text is used; what we hand folium is
    numbers, our colours and our layer names."""

    fmap = build_map(hostile, gazetteer)
    forbidden = (folium.Popup, folium.Tooltip, folium.GeoJson, folium.Html)
    assert [e for e in elements_of(fmap) if isinstance(e, forbidden)] == []


class _Parsed(HTMLParser):
    """The tags, attribute names and text of an HTML fragment, as a browser would read it."""

    def __init__(self, fragment: str) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


_SUMMARY_TAGS = {"div", "style", "p", "b", "table", "caption", "thead", "tbody", "tr", "th", "td"}


@pytest.mark.parametrize("payload", PAYLOADS, ids=lambda p: p.name)
def test_the_notebook_summary_shows_every_payload_as_text(
    payload: Payload, gazetteer: geo.Gazetteer, filled: dict[str, str]
) -> None:
    # one article per payload, so that the summary's few rows hold it
    text = filled[payload.name]
    analysis = geo.analyze(f"{text} In Paris, troops arrived on Monday, officials said.", gazetteer)
    parsed = _Parsed(analysis._repr_html_())
    assert parsed.tags <= _SUMMARY_TAGS
    assert parsed.attributes == [("class", "newsmap-summary")]
    assert flat(text) in flat("".join(parsed.text))


@pytest.mark.parametrize("payload", PAYLOADS, ids=lambda p: p.name)
def test_an_embed_title_cannot_break_the_frame(payload: Payload, filled: dict[str, str]) -> None:
    text = filled[payload.name]
    parsed = _Parsed(embed_snippet(text, title=text))
    assert parsed.tags == {"iframe"} and parsed.text == []
    attributes = dict(parsed.attributes)
    assert set(attributes) == {"src", "style", "title", "loading"}
    assert attributes["title"] == flat(text) or not flat(text)
    assert attributes["src"] is not None and not set(attributes["src"]) & set(" \"'<>`")
