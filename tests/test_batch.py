"""`newsmap batch` on untrusted JSON Lines: every line gives one result, in order, and the
output is always valid UTF-8 JSON Lines, whatever the input holds."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

import geo
from geo.batch import parse_record, process_record, result_line
from geo.cli import main
from geo.inputs import MAX_CHARS

GOOD = "Kim left Pyongyang for Vladivostok."

LINE = object()  # the expected id is the line's number, as a string

# (raw input line, expected id, whether the result carries an error); None marks a blank line
LINES: list[tuple[bytes | None, Any, bool]] = [
    (json.dumps({"id": "good", "text": GOOD}).encode(), "good", False),
    (b'{"id": "pub-number", "text": "Kyiv", "published": 20240102}', "pub-number", True),
    (b'{"id": "pub-list", "text": "Kyiv", "published": ["2024-01-02"]}', "pub-list", True),
    (b'{"id": "pub-object", "text": "Kyiv", "published": {"y": 2024}}', "pub-object", True),
    (b'{"id": "pub-bool", "text": "Kyiv", "published": true}', "pub-bool", True),
    (b'{"id": "pub-month-13", "text": "Kyiv", "published": "2024-13-01"}', "pub-month-13", True),
    (b'{"id": "pub-empty", "text": "Kyiv", "published": ""}', "pub-empty", True),
    (b'{"id": "pub-surrogate", "text": "Kyiv", "published": "\\ud800"}', "pub-surrogate", True),
    (b'{"id": "pub-null", "text": "Kyiv", "published": null}', "pub-null", False),
    (b'{"id": "\\ud800", "text": "Kyiv"}', LINE, True),
    (b'{"id": "text-surrogates", "text": "Kyiv \\udc00 and \\ud800"}', "text-surrogates", True),
    (None, None, False),
    (b"not json", LINE, True),
    (b"[1, 2]", LINE, True),
    (b'"just a string"', LINE, True),
    (b'{"id": "no-text"}', LINE, True),
    (b'{"id": "text-number", "text": 5}', LINE, True),
    (b'{"id": true, "text": "Kyiv"}', LINE, True),
    (b'{"id": 1.5, "text": "Kyiv"}', LINE, True),
    (b'{"id": ["a"], "text": "Kyiv"}', LINE, True),
    (b'{"id": null, "text": "Kyiv"}', LINE, True),
    (b'{"id": NaN, "text": "Kyiv"}', LINE, True),
    (b'{"id": 7, "text": "Kyiv"}', 7, False),
    (b'{"id": "bad-utf8", "text": "Kyiv \xff"}', LINE, True),
    (b'{"id": 1' + b"0" * 5000 + b', "text": "Kyiv"}', LINE, True),
    (b"[" * 100_000, LINE, True),
    ('{"id": "line-separator", "text": "Kyiv\u2028Lviv"}'.encode(), "line-separator", False),
    (b'{"id": "crlf", "text": "Lviv"}\r', "crlf", False),
    (b'{"text": "Odesa"}', LINE, False),
    (json.dumps({"id": "last", "text": GOOD}).encode(), "last", False),
]


@pytest.fixture(scope="module")
def feed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("batch") / "feed.jsonl"
    path.write_bytes(b"\n".join(line or b"   " for line, _, _ in LINES) + b"\n")
    return path


def _run(feed: Path, out: Path, *extra: str) -> list[dict[str, Any]]:
    assert main(["batch", str(feed), "-o", str(out), "--no-progress", *extra]) == 0
    lines = out.read_bytes().decode("utf-8").split("\n")  # strict: the output is UTF-8
    assert lines[-1] == ""
    return [json.loads(line) for line in lines[:-1]]


def test_every_bad_record_is_an_error_and_the_run_goes_on(feed: Path, tmp_path: Path) -> None:
    results = _run(feed, tmp_path / "out.jsonl")
    expected = [
        (str(number) if line_id is LINE else line_id, error)
        for number, (line, line_id, error) in enumerate(LINES, 1)
        if line is not None
    ]
    assert [(r["id"], "error" in r) for r in results] == expected
    for result in results:
        if "error" in result:
            assert result["places"] == [] and result["error"].isprintable()
    by_id = {r["id"]: r for r in results}
    assert [p["name"] for p in by_id["last"]["places"]] == ["Pyongyang", "Vladivostok"]
    assert [p["text"] for p in by_id["line-separator"]["places"]] == ["Kyiv", "Lviv"]
    assert "published" in by_id["pub-number"]["error"]
    assert "line 13: not JSON" in by_id["13"]["error"]
    assert "not UTF-8" in by_id["24"]["error"]
    assert "Odesa" in by_id["29"]["places"][0]["name"]


def test_two_workers_give_the_same_lines(feed: Path, tmp_path: Path) -> None:
    one = _run(feed, tmp_path / "one.jsonl")
    assert _run(feed, tmp_path / "two.jsonl", "--workers", "2") == one


def test_a_byte_order_mark_is_not_an_error(tmp_path: Path) -> None:
    feed = tmp_path / "bom.jsonl"
    feed.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "a", "text": GOOD}).encode())
    (result,) = _run(feed, tmp_path / "out.jsonl")
    assert result["id"] == "a" and "error" not in result


@pytest.mark.parametrize(
    "record",
    [
        {"text": "Kyiv"},
        {"id": ["a"], "text": "Kyiv"},
        {"id": "\ud800", "text": "Kyiv"},
        {"id": "a", "text": None},
        {"id": "a", "text": "Kyiv \ud800"},
        {"id": "a", "text": "Kyiv", "published": 2024},
        {"id": "a", "text": "Kyiv", "published": "yesterday"},
        {"id": "a", "text": "x" * (MAX_CHARS + 1)},
    ],
)
def test_process_record_answers_any_record_with_data(
    gazetteer: geo.Gazetteer, record: dict[str, Any]
) -> None:
    before = copy.deepcopy(record)
    result = process_record(record, gazetteer)
    assert record == before  # pure: the record is not touched
    assert result["places"] == [] and result["error"]
    assert result["id"] in (None, "a")
    result_line(result).encode("utf-8")


def test_parse_record_defaults_the_id_to_the_line_number() -> None:
    assert parse_record(b'{"text": "Kyiv"}', 4) == {"id": "4", "text": "Kyiv"}
    with pytest.raises(geo.InputError, match="line 4"):
        parse_record(b'{"id": false, "text": "Kyiv"}', 4)


def test_a_result_line_is_always_utf8_json() -> None:
    line = result_line({"id": "a\ud800", "places": [], "error": "é"})
    assert json.loads(line.encode("utf-8")) == {"id": "a\ud800", "places": [], "error": "é"}
    assert result_line({"id": "é", "places": []}) == '{"id": "é", "places": []}\n'
