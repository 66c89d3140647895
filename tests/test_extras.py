"""The core installs and runs without the optional packages; a feature that needs an extra
says which, in one line."""

from __future__ import annotations

import doctest
import subprocess
import sys

import pytest
from conftest import ROOT, SAMPLE

import geo.extras
from geo.errors import ExtraError, GeoError
from geo.extras import Extra, install_hint, requires

# Run in a fresh interpreter where the optional packages cannot be imported, as in an
# environment that installed only the core: ``None`` in ``sys.modules`` makes their import
# raise ModuleNotFoundError.
_WITHOUT = "folium", "branca", "xstatic", "streamlit", "altair", "matplotlib"
_PRELUDE = f"import sys\nfor name in {_WITHOUT!r}:\n    sys.modules[name] = None\n"


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _PRELUDE + code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_importing_geo_loads_no_drawing_package() -> None:
    # (measured against the modules loaded before: xstatic's namespace .pth files load
    # ``xstatic.pkg`` when the interpreter starts)
    done = _run(
        "before = set(sys.modules)\n"
        "import geo, geo.cli, geo.batch, geo.export, geo.pipeline\n"
        "loaded = sorted(m for m in set(sys.modules) - before if m.partition('.')[0] in "
        f"{_WITHOUT!r})\n"
        "assert not loaded, loaded\n"
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("command", ["places", "check", "events"])
def test_the_reports_run_with_the_core_alone(command: str) -> None:
    done = _run(f"from geo.cli import main\nsys.exit(main([{command!r}, {str(SAMPLE)!r}]))")
    assert done.returncode == 0, done.stderr
    assert "Pyongyang" in done.stdout or "Vladivostok" in done.stdout


def test_batch_and_data_exports_run_with_the_core_alone(tmp_path) -> None:
    feed = tmp_path / "in.jsonl"
    feed.write_text('{"id": "a", "text": "Heavy rain fell in Lyon on Monday."}\n')
    out, geojson = tmp_path / "out.jsonl", tmp_path / "a.geojson"
    done = _run(
        "from geo.cli import main\n"
        f"assert main(['batch', {str(feed)!r}, '-o', {str(out)!r}, '--events', '--claims', "
        "'--no-progress']) == 0\n"
        f"assert main(['export', {str(SAMPLE)!r}, '--format', 'geojson', '-o', "
        f"{str(geojson)!r}]) == 0\n"
    )
    assert done.returncode == 0, done.stderr
    assert '"name": "Lyon"' in out.read_text()
    assert geojson.read_text().startswith("{")


@pytest.mark.parametrize(
    ("args", "command", "extra"),
    [
        (["map"], "newsmap map", "map"),
        (["export", "--format", "png"], "newsmap export --format png", "figure"),
        (["export", "--format", "svg"], "newsmap export --format svg", "figure"),
    ],
)
def test_a_drawing_command_without_its_extra_names_it(
    tmp_path, args: list[str], command: str, extra: str
) -> None:
    out = tmp_path / "out"
    argv = [args[0], str(SAMPLE), *args[1:], "-o", str(out)]
    done = _run(f"from geo.cli import main\nsys.exit(main({argv!r}))")
    assert done.returncode == 2
    assert done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"newsmap: error: {command} needs the optional packages")
    assert f"pip install 'newsmap[{extra}]'" in line
    assert not out.exists()


def test_requires_turns_a_missing_package_of_the_extra_into_one_error() -> None:
    with pytest.raises(ExtraError) as caught, requires(Extra.MAP, "the map"):
        raise ModuleNotFoundError("No module named 'folium.template'", name="folium.template")
    assert isinstance(caught.value, GeoError) and isinstance(caught.value, ImportError)
    assert str(caught.value).endswith("pip install 'newsmap[map]' (no folium)")
    assert isinstance(caught.value.__cause__, ModuleNotFoundError)


def test_requires_leaves_a_missing_core_package_alone() -> None:
    # shapely missing is a broken installation, not an extra left out
    with pytest.raises(ModuleNotFoundError), requires(Extra.MAP, "the map"):
        raise ModuleNotFoundError("No module named 'shapely'", name="shapely")


def test_the_app_extra_covers_the_map_and_figure_packages() -> None:
    for name in ("folium", "matplotlib", "streamlit"):
        with pytest.raises(ExtraError, match=r"newsmap\[app\]"), requires(Extra.APP, "the app"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)


def test_the_hints_name_the_extras_of_pyproject() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    assert {e.value for e in Extra} <= set(extras)
    assert install_hint(Extra.FIGURE) == "pip install 'newsmap[figure]'"
    core = " ".join(project["dependencies"])
    for optional in (
        "streamlit",
        "folium",
        "branca",
        "altair",
        "matplotlib",
        "geopy",
        "dask",
        "distributed",
    ):
        assert optional not in core
    assert "newsmap[map,figure,online]" in extras["app"] and "newsmap[app]" in extras["test"]
    assert any(d.startswith("geopy") for d in extras["online"])


def test_docstring_examples() -> None:
    assert doctest.testmod(geo.extras).failed == 0
