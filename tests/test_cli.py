import json
import subprocess
import sys

import pytest
from conftest import ROOT, SAMPLE

from geo.cli import main


def test_places_prints_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["places", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    header = out.splitlines()[0].split()
    assert header[:3] == ["mention", "place", "country"]
    assert any(line.startswith("Vladivostok") and " RU " in line for line in out.splitlines())
    assert "GeoNames" in out


def test_places_json_has_offsets_candidates_and_sentences(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["places", str(SAMPLE), "--json", "--published", "2023-09-12"]) == 0
    result = json.loads(capsys.readouterr().out)
    text = SAMPLE.read_text(encoding="utf-8")
    assert result["published"] == "2023-09-12"
    for m in result["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]
        assert m["text"] in m["sentence"]["text"]
        assert m["candidates"]


def test_bad_input_is_one_clear_line_and_status_2(
    tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.bin"
    path.write_bytes(b"\x00\x01\x02")
    assert main(["places", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsmap: error:") and "binary" in err
    assert "Traceback" not in err


def test_batch_writes_one_line_per_document(tmp_path) -> None:
    source = tmp_path / "in.jsonl"
    lines = [
        {"id": "a", "text": "Kim left Pyongyang for Vladivostok."},
        {"id": "b", "text": ""},
        {"id": "c", "text": "Storms hit Paris, Texas.", "published": "2024-01-02"},
        {"id": "d", "text": "x", "published": "not a date"},
    ]
    source.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(source), "-o", str(out), "--no-progress"]) == 0
    results = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in results] == ["a", "b", "c", "d"]
    names = [p["name"] for p in results[0]["places"]]
    assert names == ["Pyongyang", "Vladivostok"]
    keys = {
        "start",
        "end",
        "text",
        "name",
        "lat",
        "lon",
        "country_code",
        "geonameid",
        "kind",
        "confidence",
    }
    assert keys <= set(results[0]["places"][0])
    assert results[1]["places"] == []
    assert results[2]["places"][0]["country_code"] == "US"
    assert "error" in results[3]


def test_batch_with_two_workers_gives_the_same_result(tmp_path) -> None:
    source = tmp_path / "in.jsonl"
    texts = [
        "Moscow said Kyiv was shelled.",
        "Floods in Queensland and Brisbane.",
        "Kim met Putin.",
    ] * 4
    source.write_text("\n".join(json.dumps({"id": str(i), "text": t}) for i, t in enumerate(texts)))
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["batch", str(source), "-o", str(one), "--no-progress"]) == 0
    assert main(["batch", str(source), "-o", str(two), "--no-progress", "--workers", "2"]) == 0
    assert one.read_text() == two.read_text()


def test_batch_rejects_a_malformed_line(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1, "text": "ok"}\nnot json\n')
    assert main(["batch", str(source), "-o", str(tmp_path / "o.jsonl")]) == 2
    assert "line 2" in capsys.readouterr().err


def test_python_dash_m_geo_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "geo", "places", str(SAMPLE)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Pyongyang" in done.stdout


def test_map_writes_one_offline_html_file(tmp_path) -> None:
    out = tmp_path / "map.html"
    assert main(["map", str(SAMPLE), "-o", str(out), "--published", "2023-09-12"]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<section class='newsmap-briefing'>" in page
    assert 100_000 < len(page.encode()) < 1_500_000


@pytest.mark.parametrize(
    ("fmt", "start"), [("geojson", "{"), ("kml", "<?xml"), ("csv", "mention,")]
)
def test_export_formats(tmp_path, fmt: str, start: str) -> None:
    out = tmp_path / f"sample.{fmt}"
    assert main(["export", str(SAMPLE), "--format", fmt, "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith(start)


def test_export_events_csv(tmp_path) -> None:
    out = tmp_path / "events.csv"
    args = [
        "export",
        str(SAMPLE),
        "--format",
        "csv",
        "--table",
        "events",
        "--published",
        "2023-09-12",
    ]
    assert main([*args, "-o", str(out)]) == 0
    assert "2023-09-11" in out.read_text(encoding="utf-8")


def test_png_without_a_browser_is_a_clear_error(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("NEWSMAP_CHROMIUM", str(tmp_path / "no-such-browser"))
    monkeypatch.setenv("PATH", str(tmp_path))
    code = main(["export", str(SAMPLE), "--format", "png", "-o", str(tmp_path / "m.png")])
    assert code == 2
    assert "Chromium" in capsys.readouterr().err
