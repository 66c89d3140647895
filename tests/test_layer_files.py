"""The app's map fetches its outlines from files the server serves (written once under names
that carry their content's hash); an exported map still carries them."""

from __future__ import annotations

import doctest
import json
import re
from pathlib import Path

import geo
import geo.assets
from geo.assets import publish_text
from geo.outlines import publish_layers
from geo.render import build_map

BASE = "/app/static/"


def test_a_name_follows_its_content(tmp_path: Path) -> None:
    first = publish_text(tmp_path, "countries", '{"a":1}')
    assert publish_text(tmp_path, "countries", '{"a":1}') == first  # kept, not rewritten
    second = publish_text(tmp_path, "countries", '{"a":2}')
    assert second != first and re.fullmatch(r"countries-[0-9a-f]{16}\.json", second)
    assert (tmp_path / second).read_text(encoding="utf-8") == '{"a":2}'
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([first, second])  # no leftovers
    assert (tmp_path / first).stat().st_mode & 0o044 == 0o044  # a server may read it


def test_the_doctests_run() -> None:
    assert doctest.testmod(geo.assets).failed == 0


def test_published_outlines_are_the_inlined_ones(
    sample: geo.Analysis, gazetteer: geo.Gazetteer, tmp_path: Path
) -> None:
    files = publish_layers(tmp_path, gazetteer, BASE)
    assert files.countries.startswith(BASE) and files.states.startswith(BASE)
    countries = json.loads((tmp_path / files.countries.removeprefix(BASE)).read_text("utf-8"))
    assert len(countries["features"]) > 150
    inline = build_map(sample, gazetteer, asset_base=BASE).get_root().render()
    assert json.dumps(countries, separators=(",", ":")) in inline  # the same data, inlined


def test_a_map_given_the_files_fetches_them_instead(
    sample: geo.Analysis, gazetteer: geo.Gazetteer, tmp_path: Path
) -> None:
    files = publish_layers(tmp_path, gazetteer, BASE)
    inline = build_map(sample, gazetteer, asset_base=BASE).get_root().render()
    fetching = build_map(sample, gazetteer, asset_base=BASE, layer_files=files)
    page = fetching.get_root().render()
    assert json.dumps(files.countries) in page
    assert '"FeatureCollection"' not in page and "MultiPolygon" not in page
    assert len(page) < len(inline) - 500_000  # the outlines' weight is gone from the page
    # the states (a US story: the sample's Biden) wait for the countries, to lie on them
    assert "_outlines_ready" in page.split(json.dumps(files.states), 1)[1][:300]


def test_the_names_are_remembered_and_a_missing_file_is_written_again(
    gazetteer: geo.Gazetteer, tmp_path: Path
) -> None:
    files = publish_layers(tmp_path, gazetteer, BASE)
    (memo,) = tmp_path.glob(".layers-*")  # the names, for this gazetteer file
    assert memo.read_text(encoding="utf-8").split() == [
        files.countries.removeprefix(BASE),
        files.states.removeprefix(BASE),
    ]
    (tmp_path / files.states.removeprefix(BASE)).unlink()
    assert publish_layers(tmp_path, gazetteer, BASE) == files
    assert (tmp_path / files.states.removeprefix(BASE)).is_file()
