import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE

from geo.cli import _headline, _parser, main
from geo.report.headline import Headline


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


def test_batch_turns_a_malformed_line_into_an_error_record(tmp_path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1, "text": "ok"}\nnot json\n')
    out = tmp_path / "o.jsonl"
    assert main(["batch", str(source), "-o", str(out), "--no-progress"]) == 0
    first, second = (json.loads(line) for line in out.read_text().splitlines())
    assert first["id"] == 1 and "error" not in first
    assert second["id"] == "2" and "line 2" in second["error"]


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


def test_map_prints_the_code_that_embeds_it(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kim train.html"
    argv = ["map", str(SAMPLE), "-o", str(out), "--title", "Kim's train\nto Russia"]
    assert main(argv) == 0
    stdout, stderr = capsys.readouterr()
    assert stdout == (
        '<iframe src="kim%20train.html" style="width:100%;aspect-ratio:16/10;border:0" '
        'title="Kim&#39;s train to Russia" loading="lazy"></iframe>\n'
    )
    assert stderr.strip() == str(out)


@pytest.mark.parametrize("command", [["map"], ["export", "--format", "png"]])
def test_map_and_export_read_a_headline(command: list[str]) -> None:
    argv = [*command, "a.txt", "-o", "m", "--title", "T", "--subtitle", " S  s ", "--source", "R"]
    assert _headline(_parser().parse_args(argv)) == Headline("T", "S s", "R")
    assert _headline(_parser().parse_args([*command, "a.txt", "-o", "m"])).is_empty


def test_the_headline_title_reaches_the_page(tmp_path) -> None:
    out = tmp_path / "map.html"
    argv = ["map", str(SAMPLE), "-o", str(out), "--title", "Kim <goes> east", "--source", "X"]
    assert main(argv) == 0
    assert "<title>Kim &lt;goes&gt; east</title>" in out.read_text(encoding="utf-8")


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


def _user_errors(tmp: Path) -> dict[str, list[str]]:
    """Command lines with one mistake each, keyed by what the mistake is (the files
    ``feed.jsonl`` and ``notes.txt`` in ``tmp`` are good)."""
    feed, notes, out = tmp / "feed.jsonl", tmp / "notes.txt", str(tmp / "out.jsonl")
    return {
        "no-command": [],
        "unknown-command": ["plaices", str(SAMPLE)],
        "no-article": ["places"],
        "unknown-option": ["places", str(SAMPLE), "--colour"],
        "bad-date": ["places", str(SAMPLE), "--published", "2024-02-30"],
        "bad-date-words": ["events", str(SAMPLE), "--published", "last Tuesday"],
        "missing-article": ["places", str(tmp / "missing.txt")],
        "folder-article": ["check", str(tmp)],
        "bad-format": ["export", str(SAMPLE), "--format", "xml", "-o", str(tmp / "x.xml")],
        "no-output": ["map", str(SAMPLE)],
        "map-into-missing-folder": ["map", str(SAMPLE), "-o", str(tmp / "no" / "map.html")],
        "export-onto-folder": ["export", str(SAMPLE), "--format", "csv", "-o", str(tmp)],
        "batch-missing-input": ["batch", str(tmp / "missing.jsonl"), "-o", out],
        "batch-folder-input": ["batch", str(tmp), "-o", out],
        "batch-into-missing-folder": ["batch", str(feed), "-o", str(tmp / "no" / "o.jsonl")],
        "batch-onto-folder": ["batch", str(feed), "-o", str(tmp)],
        "batch-under-a-file": ["batch", str(feed), "-o", str(notes / "o.jsonl")],
        "batch-onto-its-input": ["batch", str(notes), str(feed), "-o", str(feed)],
        "batch-glob-matching-nothing": ["batch", str(tmp / "*.none"), "-o", out],
        "batch-stdin-twice": ["batch", "-", "-", "-o", out],
        "batch-parquet-onto-a-file": ["batch", str(feed), "-o", str(notes), "--format", "parquet"],
        "workers-zero": ["batch", str(feed), "-o", out, "--workers", "0"],
        "workers-negative": ["batch", str(feed), "-o", out, "--workers", "-2"],
        "workers-word": ["batch", str(feed), "-o", out, "--workers", "two"],
        "gazetteer-missing": ["--gazetteer", str(tmp / "none.sqlite"), "places", str(SAMPLE)],
        "gazetteer-folder": ["--gazetteer", str(tmp), "places", str(SAMPLE)],
        "gazetteer-not-an-index": ["--gazetteer", str(notes), "places", str(SAMPLE)],
        "gazetteer-info-missing": ["--gazetteer", str(tmp / "none.sqlite"), "gazetteer", "info"],
        "gazetteer-build-onto-folder": ["gazetteer", "build", "--output", str(tmp)],
    }


ERRORS = sorted(_user_errors(Path("unused")))


@pytest.mark.parametrize("case", ERRORS)
def test_a_user_error_is_one_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    (tmp_path / "feed.jsonl").write_text('{"id": "a", "text": "Kyiv"}\n', encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a gazetteer", encoding="utf-8")
    argv = _user_errors(tmp_path)[case]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("newsmap: error: ") and "Traceback" not in lines[0]
    assert not (tmp_path / "out.jsonl").exists()


def test_a_usage_error_points_at_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["places", str(SAMPLE), "--published", "someday"]) == 2
    assert capsys.readouterr().err == (
        "newsmap: error: argument --published: not a date (YYYY-MM-DD): 'someday' "
        "(see newsmap places --help)\n"
    )


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_unreadable_input_and_unwritable_folder(tmp_path: Path, capsys) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    article = tmp_path / "article.txt"
    article.write_text("Kim left Pyongyang.", encoding="utf-8")
    article.chmod(0)
    locked.chmod(0o500)
    try:
        assert main(["places", str(article)]) == 2
        assert main(["batch", str(article), "-o", str(locked / "o.jsonl")]) == 2
        assert main(["map", str(SAMPLE), "-o", str(locked / "m.html")]) == 2
    finally:
        locked.chmod(0o700)
        article.chmod(0o600)
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 3 and all(line.startswith("newsmap: error: ") for line in err)


def _piped(args: list[str], *, read_first_line: bool, stderr_file: Path) -> tuple[int, str]:
    """Run ``python -m geo ARGS`` into a pipe whose reader stops early, like ``| head -1``."""
    with stderr_file.open("wb") as err:
        child = subprocess.Popen(
            [sys.executable, "-m", "geo", *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=err
        )
        assert child.stdout is not None
        if read_first_line:
            child.stdout.readline()
        child.stdout.close()
        status = child.wait(timeout=120)
    return status, stderr_file.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "read_first_line"),
    [
        (["places", str(SAMPLE), "--json"], True),  # 180 kB: more than a pipe holds
        (["places", str(SAMPLE)], False),  # a short table into a pipe already closed
        (["events", str(SAMPLE), "--published", "2023-09-12"], False),
    ],
    ids=["json-head", "table-closed", "events-closed"],
)
def test_output_cut_short_by_its_reader_ends_quietly(
    tmp_path: Path, args: list[str], read_first_line: bool
) -> None:
    status, err = _piped(args, read_first_line=read_first_line, stderr_file=tmp_path / "err")
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err
    assert err == ""
    assert status == 141


def test_a_usage_error_from_the_shell_is_one_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "geo", "batch", "x.jsonl", "-o", "y.jsonl", "--workers", "0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("newsmap: error: ")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs a device that is always full")
def test_a_full_disk_is_one_line(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "Kyiv"}\n', encoding="utf-8")
    places = [sys.executable, "-m", "geo", "places", str(SAMPLE)]
    with open("/dev/full", "w") as full:
        table = subprocess.run(
            places, cwd=ROOT, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120
        )
    batch = subprocess.run(
        [sys.executable, "-m", "geo", "batch", str(feed), "-o", "/dev/full", "--no-progress"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    for done in (table, batch):
        assert done.returncode == 2
        assert done.stderr.count("\n") == 1 and "No space left" in done.stderr
