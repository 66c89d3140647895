"""`newsmap batch` on untrusted JSON Lines: every line gives one result, in order, and the
output is always valid UTF-8 JSON Lines, whatever the input holds."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, SAMPLE, SAMPLE_PUBLISHED

import geo
from geo.batch import parse_record, process_record, result_line
from geo.cli import main
from geo.inputs import MAX_CHARS
from geo.models import Action, Certainty, PlaceRole

EVAL = ROOT.parent / "shared" / "eval"  # the shared scorers and sets: on this machine only
# The verdicts the shared claim scorer reads; ours are these words already, so none is mapped.
SCORER_VERDICTS = {"holds", "loose", "off", "cannot be checked"}

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


def test_without_flags_a_result_holds_only_id_and_places(feed: Path, tmp_path: Path) -> None:
    for result in _run(feed, tmp_path / "out.jsonl"):
        assert set(result) <= {"id", "places", "error"}


@pytest.fixture(scope="module")
def two_articles(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """The sample article and a short report, through ``newsmap batch --events --claims``."""
    folder = tmp_path_factory.mktemp("events")
    records = [
        {"id": "sample", "text": SAMPLE.read_text(encoding="utf-8"),
         "published": SAMPLE_PUBLISHED.isoformat()},
        {"id": "kharkiv", "text": "Troops arrived in Kharkiv on Monday.",
         "published": "2024-05-15"},
    ]  # fmt: skip
    feed = folder / "two.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    results = _run(feed, folder / "out.jsonl", "--events", "--claims")
    for result, record in zip(results, records, strict=True):
        result["text"] = record["text"]  # for the tests to check offsets against
    return results


def test_events_quote_their_trigger_and_places(two_articles: list[dict[str, Any]]) -> None:
    for result in two_articles:
        text = result["text"]
        assert result["events"]
        for event in result["events"]:
            trigger = event["trigger"]
            assert text[trigger["start"] : trigger["end"]] == trigger["text"]
            assert event["type"] in {a.value for a in Action}
            assert event["certainty"] in {c.value for c in Certainty}
            assert all(isinstance(actor, str) for actor in event["actors"])
            for place in event["places"]:
                assert text[place["start"] : place["end"]] == place["text"]
                assert place["role"] in {r.value for r in PlaceRole}
    (arrival,) = two_articles[1]["events"]
    assert arrival["type"] == Action.ARRIVE.value and arrival["trigger"]["text"] == "arrived"
    assert arrival["time"]["text"] == "Monday" and arrival["time"]["date"] == "2024-05-13"
    (kharkiv,) = arrival["places"]
    assert (kharkiv["text"], kharkiv["name"], kharkiv["country_code"]) == (
        "Kharkiv",
        "Kharkiv",
        "UA",
    )


def test_batch_events_and_claims_are_those_of_the_analysis(
    two_articles: list[dict[str, Any]], sample: geo.Analysis
) -> None:
    result = two_articles[0]
    assert [(e["trigger"]["start"], e["type"]) for e in result["events"]] == [
        (e.trigger.start, e.action.value) for e in sample.events
    ]
    assert [(c["start"], c["end"], c["text"]) for c in result["claims"]] == [
        (c.start, c.end, c.text) for c in sample.claims
    ]
    dated = [e for e in result["events"] if e["time"] and e["time"]["date"]]
    assert dated and all(e["time"]["label"] for e in dated)
    assert two_articles[1]["claims"] == []


def test_claims_carry_their_ends_and_numbers(two_articles: list[dict[str, Any]]) -> None:
    text = two_articles[0]["text"]
    claim = next(c for c in two_articles[0]["claims"] if "Pyongyang" in c["text"])
    assert text[claim["start"] : claim["end"]] == claim["text"]
    assert claim["verdict"] in SCORER_VERDICTS and claim["summary"]
    assert claim["subject"]["name"] == "Vladivostok" and claim["reference"]["name"] == "Pyongyang"
    for end in (claim["subject"], claim["reference"]):
        assert text[end["start"] : end["end"]] == end["text"]
    assert claim["distances"] and all(d["computed"] > 0 for d in claim["distances"])
    assert claim["direction"]["claimed"] == "north"
    assert 0 <= claim["direction"]["bearing_deg"] < 360


def test_error_results_hold_the_lists_asked_for(tmp_path: Path) -> None:
    feed = tmp_path / "bad.jsonl"
    feed.write_bytes(b'not json\n{"id": "a", "text": "Kyiv", "published": "soon"}\n')
    results = _run(feed, tmp_path / "out.jsonl", "--events", "--claims")
    assert [(r["events"], r["claims"], "error" in r) for r in results] == [([], [], True)] * 2


def test_process_record_with_events_stays_pure(gazetteer: geo.Gazetteer) -> None:
    record = {"id": "a", "text": GOOD, "published": "2024-01-02"}
    before = copy.deepcopy(record)
    full = process_record(record, gazetteer, events=True, claims=True)
    assert record == before
    assert full["places"] == process_record(record, gazetteer)["places"]
    assert {p["name"] for e in full["events"] for p in e["places"]} == {"Pyongyang", "Vladivostok"}
    assert process_record(record, gazetteer, claims=True).keys() == {
        "id", "places", "claims", "published"
    }  # fmt: skip
    assert process_record(record, gazetteer)["published"] == "2024-01-02"  # for the atlas


def test_two_workers_give_the_same_events(feed: Path, tmp_path: Path) -> None:
    one = _run(feed, tmp_path / "one.jsonl", "--events", "--claims")
    assert _run(feed, tmp_path / "two.jsonl", "--events", "--claims", "--workers", "2") == one


def _score(scorer: str, gold: Path, system: Path, figures: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(EVAL / scorer), str(gold), str(system), "--json", str(figures)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    result: dict[str, Any] = json.loads(figures.read_text(encoding="utf-8"))
    return result


@pytest.mark.skipif(not EVAL.is_dir(), reason="the shared evaluation sets are not here")
def test_events_output_is_what_the_event_scorer_reads(tmp_path: Path) -> None:
    with (EVAL / "event-locations-dev.jsonl").open(encoding="utf-8") as f:
        lines = [line for _, line in zip(range(200), f, strict=False)]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(lines), encoding="utf-8")
    system = tmp_path / "system.jsonl"
    results = _run(gold, system, "--events")
    assert [r["id"] for r in results] == [json.loads(line)["id"] for line in lines]
    assert not any("error" in r for r in results)
    figures = _score("score_events.py", gold, system, tmp_path / "figures.json")
    assert figures["items"] == 200 and figures["missing_from_system"] == 0
    assert figures["trigger_matched"] > 0  # the scorer found our triggers where the verbs are


@pytest.mark.skipif(not EVAL.is_dir(), reason="the shared evaluation sets are not here")
def test_claims_output_is_what_the_claim_scorer_reads(tmp_path: Path) -> None:
    gold = EVAL / "claims-dev.jsonl"
    wanted = {json.loads(line)["doc_id"] for line in gold.read_text(encoding="utf-8").split("\n")
              if line.strip()}  # fmt: skip
    with (EVAL / "dev-news.jsonl").open(encoding="utf-8") as f:
        docs = [line for line in f if json.loads(line)["id"] in wanted]
    feed = tmp_path / "docs.jsonl"
    feed.write_text("".join(docs), encoding="utf-8")
    system = tmp_path / "system.jsonl"
    results = _run(feed, system, "--claims")
    assert {c["verdict"] for r in results for c in r["claims"]} <= SCORER_VERDICTS
    figures = _score("score_claims.py", gold, system, tmp_path / "figures.json")
    assert figures["claims"] > 0 and figures["recall_all"] > 0
