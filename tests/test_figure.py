"""The static figure: its text in the SVG, its labels' boxes, its framing, its sizes and
formats, the literal payloads, and the command line that writes it."""

from __future__ import annotations

import dataclasses
import itertools
import math
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import SAMPLE

import geo
from geo.cli import main
from geo.report.figure import build_figure, render_figure
from geo.report.frame import frame_story
from geo.report.presets import FigureFormat, FigureSize

HEADLINE = "Kim Jong Un takes his train to Vladivostok"
SVG_NS = "{http://www.w3.org/2000/svg}"


def svg_texts(svg: bytes) -> list[str]:
    """The text of every ``<text>`` element, as a reader of the SVG sees it."""
    root = ET.fromstring(svg)
    return ["".join(t.itertext()) for t in root.iter(f"{SVG_NS}text")]


@pytest.fixture(scope="module")
def sample_svg(sample: geo.Analysis, gazetteer: geo.Gazetteer) -> bytes:
    return render_figure(sample, gazetteer, "svg", title=HEADLINE, source="AP")


def test_the_svg_has_the_headline_and_the_places_and_no_controls(sample_svg: bytes) -> None:
    texts = svg_texts(sample_svg)
    words = " ".join(texts)
    assert HEADLINE in texts
    assert {"Pyongyang", "Vladivostok"} <= set(texts)
    assert "558 km*" in texts and "127 km*" in texts  # each leg labelled once
    assert texts.count("558 km*") == 1
    assert "Source: AP" in words and "GeoNames" in words and "CC BY 4.0" in words
    assert "Kim Jong Un: Pyongyang to Vladivostok, by rail" in texts  # one entry per journey
    assert "Joe Biden: India to Vietnam, by air" in texts
    for control in ("Zoom", "Layers", "Play", "OpenStreetMap", "admin1"):
        assert control not in words


def test_labels_do_not_overlap(sample: geo.Analysis, gazetteer: geo.Gazetteer) -> None:
    for size in FigureSize:
        fig = build_figure(sample, gazetteer, size=size, title=HEADLINE)
        renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
        ax = fig.axes[0]
        labels = [t for t in ax.texts if (t.get_gid() or "").startswith("newsmap-label")]
        assert len(labels) >= 5
        boxes = [t.get_window_extent(renderer) for t in labels]
        inside = ax.get_window_extent(renderer)
        for box in boxes:
            assert inside.x0 <= box.x0 and box.x1 <= inside.x1
            assert inside.y0 <= box.y0 and box.y1 <= inside.y1
        for a, b in itertools.combinations(boxes, 2):
            assert not a.overlaps(b), (a, b)
        legend = ax.get_legend().get_window_extent(renderer)
        assert not any(legend.overlaps(b) for b in boxes)


def test_the_sample_is_framed_on_the_journey(sample: geo.Analysis) -> None:
    frame = frame_story(sample, aspect=4 / 3)
    transformer = frame.transformer()
    for lon, lat in ((125.75, 39.03), (131.87, 43.11)):  # Pyongyang, Vladivostok
        x, y = transformer.transform(lon, lat)
        assert frame.xmin < x < frame.xmax and frame.ymin < y < frame.ymax
    moscow = transformer.transform(37.62, 55.75)
    assert not frame.xmin < moscow[0] < frame.xmax  # the Kremlin's statement is not the story
    assert 350 < frame.half_diagonal_km < 1500  # the 685 km journey fills the view


def test_a_one_place_story_gets_a_regional_view(gazetteer: geo.Gazetteer) -> None:
    analysis = geo.analyze("Heavy rain fell in Lyon on Monday.", gazetteer)
    frame = frame_story(analysis, aspect=16 / 9)
    bounds = (frame.xmin, frame.xmax, frame.ymin, frame.ymax)
    assert all(math.isfinite(b) for b in bounds)
    assert 150 <= (frame.ymax - frame.ymin) / 2000 <= 600  # a region, never a point or the world
    assert frame.xmin < 0 < frame.xmax and frame.ymin < 0 < frame.ymax  # Lyon is at the centre
    assert abs(frame.centre.lat - 45.76) < 0.1 and abs(frame.centre.lon - 4.84) < 0.1
    texts = svg_texts(render_figure(analysis, gazetteer, "svg"))
    assert "Lyon" in texts


def test_a_story_without_places_still_draws(gazetteer: geo.Gazetteer) -> None:
    analysis = geo.analyze("Nothing happened anywhere.", gazetteer)
    assert render_figure(analysis, gazetteer, "png").startswith(b"\x89PNG")


@pytest.mark.parametrize("size", list(FigureSize))
def test_png_dimensions_match_the_preset(
    sample: geo.Analysis, gazetteer: geo.Gazetteer, size: FigureSize
) -> None:
    png = render_figure(sample, gazetteer, FigureFormat.PNG, size=size)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert struct.unpack(">II", png[16:24]) == size.pixels


def test_pdf_and_sizes(sample: geo.Analysis, gazetteer: geo.Gazetteer) -> None:
    pdf = render_figure(sample, gazetteer, "pdf", size="slide")
    assert pdf.startswith(b"%PDF")
    assert FigureSize.SLIDE.pixels == (1920, 1080)
    assert FigureSize.COLUMN.pixels == (1200, 900)
    assert FigureSize.SQUARE.pixels == (1080, 1080)
    with pytest.raises(ValueError):
        render_figure(sample, gazetteer, "gif")


@pytest.mark.parametrize(
    "payload",
    [
        r"$\frac{1}{2}$",
        "{{ 7*7 }} {% set x = 1 %}",
        "<script>window.__pwned=1</script>",
        "]]><!-- & &amp; \\ ^ _ %",
        "$x$ and $$ \\$",
    ],
)
def test_payloads_read_literally(gazetteer: geo.Gazetteer, payload: str) -> None:
    text = f"{payload} Troops arrived in Lyon on Monday. Paris was calm."
    analysis = geo.analyze(text, gazetteer)
    svg = render_figure(analysis, gazetteer, "svg", title=payload, subtitle=payload,
                        source=payload)  # fmt: skip
    texts = svg_texts(svg)
    assert texts.count(payload) >= 2  # the headline and the subtitle, as typed
    assert f"Source: {payload}" in " ".join(texts)
    root = ET.fromstring(svg)
    assert not [e for e in root.iter() if e.tag in (f"{SVG_NS}script", "script")]
    assert render_figure(analysis, gazetteer, "png", title=payload).startswith(b"\x89PNG")


def test_a_place_named_like_a_formula_reads_literally(gazetteer: geo.Gazetteer) -> None:
    analysis = geo.analyze("Heavy rain fell in Lyon on Monday.", gazetteer)
    mention = analysis.mentions[0]
    assert mention.place is not None
    odd = geo.Place(mention.place.id, r"$\frac{1}{2}$ {{ x }}", mention.place.kind,
                    mention.place.coordinate)  # fmt: skip

    changed = dataclasses.replace(
        analysis, mentions=(dataclasses.replace(mention, place=odd), *analysis.mentions[1:])
    )
    assert r"$\frac{1}{2}$ {{ x }}" in svg_texts(render_figure(changed, gazetteer, "svg"))


def test_cli_export_writes_each_figure(tmp_path: Path) -> None:
    for fmt, magic in (("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF")):
        out = tmp_path / f"story.{fmt}"
        args = ["export", str(SAMPLE), "--format", fmt, "--size", "square", "--published",
                "2023-09-12", "--title", HEADLINE, "--subtitle", "By rail", "--source", "AP",
                "-o", str(out)]  # fmt: skip
        assert main(args) == 0
        assert out.read_bytes().startswith(magic)
    assert HEADLINE in svg_texts((tmp_path / "story.svg").read_bytes())
    assert struct.unpack(">II", (tmp_path / "story.png").read_bytes()[16:24]) == (1080, 1080)


def test_cli_rejects_an_unknown_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "story.png"
    assert main(["export", str(SAMPLE), "--format", "png", "--size", "poster", "-o", str(out)]) == 2
    assert "poster" in capsys.readouterr().err
