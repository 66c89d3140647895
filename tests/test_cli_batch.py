"""`newsmap batch` streamed: files, globs, .gz and standard input; an output written as it
goes, resumed, and never the input itself."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, SAMPLE, SAMPLE_PUBLISHED

from geo.cli import main

GOOD = "Kim left Pyongyang for Vladivostok."


def _feed(*records: dict[str, Any]) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in records)


def _results(out: Path) -> list[dict[str, Any]]:
    lines = out.read_bytes().decode("utf-8").split("\n")
    assert lines[-1] == ""
    return [json.loads(line) for line in lines[:-1]]


def _run(*argv: str) -> list[dict[str, Any]]:
    out = argv[argv.index("-o") + 1]
    assert main(["batch", *argv, "--no-progress"]) == 0
    return _results(Path(out))


@pytest.fixture
def three_files(tmp_path: Path) -> list[Path]:
    paths = [tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.jsonl.gz"]
    paths[0].write_bytes(_feed({"id": "a1", "text": GOOD}, {"text": "Kyiv"}))
    paths[1].write_bytes(b"not json\n" + _feed({"id": "b2", "text": "Lviv"}))
    paths[2].write_bytes(gzip.compress(_feed({"text": "Odesa"}, {"id": "c2", "text": "Paris"})))
    return paths


def test_files_globs_and_gz_read_as_one_feed(three_files: list[Path], tmp_path: Path) -> None:
    named = _run(*map(str, three_files), "-o", str(tmp_path / "named.jsonl"))
    assert [r["id"] for r in named] == ["a1", "2", "3", "b2", "5", "c2"]
    assert "line 3: not JSON" in named[2]["error"]
    assert named[4]["places"][0]["name"] == "Odesa"
    globbed = _run(str(tmp_path / "[abc].jsonl*"), "-o", str(tmp_path / "globbed.jsonl"))
    assert globbed == named


def test_standard_input_is_streamed(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    feed = _feed({"id": "a", "text": GOOD}, {"id": "b", "text": "Kyiv"})
    done = subprocess.run(
        [sys.executable, "-m", "geo", "batch", "-", "-o", str(out), "--workers", "2"],
        input=feed,
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert [r["id"] for r in _results(out)] == ["a", "b"]
    assert b"2doc" in done.stderr.replace(b" ", b"")  # a bar that counts, with no total


@pytest.mark.parametrize("separator", ["\u0085", "\u2028", "\u2029", "\x0b", "\x0c", "\x1c"])
def test_only_a_newline_ends_a_line(tmp_path: Path, separator: str) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(_feed({"id": "a", "text": f"Kyiv{separator}Lviv"}, {"id": "b", "text": ""}))
    results = _run(str(feed), "-o", str(tmp_path / "out.jsonl"))
    assert [r["id"] for r in results] == ["a", "b"]
    assert [p["text"] for p in results[0]["places"]] == ["Kyiv", "Lviv"]


def test_a_cut_last_line_and_an_empty_file_complete_the_run(tmp_path: Path) -> None:
    cut = tmp_path / "cut.jsonl"
    cut.write_bytes(_feed({"id": "a", "text": GOOD}) + b'{"id": "b", "text": "Ky')
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    results = _run(str(empty), str(cut), "-o", str(tmp_path / "out.jsonl"))
    assert [(r["id"], "error" in r) for r in results] == [("a", False), ("2", True)]
    assert _run(str(empty), "-o", str(tmp_path / "none.jsonl")) == []


def test_a_cut_gz_file_keeps_its_whole_lines(tmp_path: Path) -> None:
    packed = gzip.compress(_feed(*({"id": str(n), "text": GOOD} for n in range(200))))
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(packed[: len(packed) // 2])
    results = _run(str(cut), "-o", str(tmp_path / "out.jsonl"))
    assert 0 < len(results) < 200
    assert [r["id"] for r in results] == [str(n) for n in range(len(results))][: len(results)]


def test_the_output_may_not_be_an_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(_feed({"id": "a", "text": GOOD}))
    before = feed.read_bytes()
    assert main(["batch", str(feed), "-o", str(tmp_path / "." / "feed.jsonl")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "also an input" in err
    assert feed.read_bytes() == before


def test_resume_skips_what_is_done_and_drops_a_cut_line(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(_feed(*({"id": f"d{n}", "text": GOOD} for n in range(5))) + b"oops\n")
    out = tmp_path / "out.jsonl"
    full = _run(str(feed), "-o", str(out))
    first_two = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in full[:2])
    out.write_text(first_two + '{"id": "d2", "pla', encoding="utf-8")  # killed mid-line
    assert _run(str(feed), "-o", str(out), "--resume") == full
    assert _run(str(feed), "-o", str(out), "--resume") == full  # nothing left to do


def test_journeys_are_those_of_the_analysis(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    sample = {"id": "s", "text": SAMPLE.read_text(encoding="utf-8"),
              "published": SAMPLE_PUBLISHED.isoformat()}  # fmt: skip
    feed.write_bytes(_feed(sample, {"id": "bad", "text": 5}))
    results = _run(str(feed), "-o", str(tmp_path / "out.jsonl"), "--journeys", "--events")
    journeys = results[0]["journeys"]
    assert journeys and all(j["legs"] for j in journeys)
    events = results[0]["events"]
    assert all(0 <= index < len(events) for j in journeys for index in j["events"])
    assert results[1]["journeys"] == [] and results[1]["error"]


def test_a_line_too_long_to_hold_is_an_error_and_the_run_goes_on(tmp_path: Path) -> None:
    from geo.feeds import MAX_LINE_BYTES

    feed = tmp_path / "feed.jsonl"
    with feed.open("wb") as out:
        out.write(b'{"id": "huge", "text": "' + b"a" * MAX_LINE_BYTES + b'"}\n')
        out.write(_feed({"id": "after", "text": GOOD}))
    results = _run(str(feed), "-o", str(tmp_path / "out.jsonl"))
    assert [r["id"] for r in results] == ["1", "after"]
    assert "line 1: longer than" in results[0]["error"]
