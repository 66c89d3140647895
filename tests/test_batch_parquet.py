"""`newsmap batch --format parquet`: the four tables hold what the JSON Lines output holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SAMPLE, SAMPLE_PUBLISHED

from geo.cli import main

pq = pytest.importorskip("pyarrow.parquet")


def test_parquet_tables_hold_the_json_lines_results(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    sample = {"id": "s", "text": SAMPLE.read_text(encoding="utf-8"),
              "published": SAMPLE_PUBLISHED.isoformat()}  # fmt: skip
    feed.write_text(json.dumps(sample) + '\nnot json\n{"id": 7, "text": "Kyiv"}\n', "utf-8")
    flags = ["--events", "--claims", "--no-progress"]
    assert main(["batch", str(feed), "-o", str(tmp_path / "out.jsonl"), *flags]) == 0
    results = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").split("\n")
               if line]  # fmt: skip
    folder = tmp_path / "tables"
    assert main(["batch", str(feed), "-o", str(folder), "--format", "parquet", *flags]) == 0
    tables = {t: pq.read_table(folder / f"{t}.parquet").to_pylist()
              for t in ("documents", "mentions", "events", "claims")}  # fmt: skip
    assert [(d["id"], d["error"] is None) for d in tables["documents"]] == [
        ("s", True), ("2", False), ("7", True)
    ]  # fmt: skip
    mentions = [(str(r["id"]), p["start"], p["name"]) for r in results for p in r["places"]]
    assert [(m["doc_id"], m["start"], m["name"]) for m in tables["mentions"]] == mentions
    events = [(e["type"], e["trigger"]["start"]) for e in results[0]["events"]]
    assert [(e["type"], e["trigger_start"]) for e in tables["events"]] == events
    assert [c["text"] for c in tables["claims"]] == [c["text"] for c in results[0]["claims"]]
    assert tables["claims"] and tables["claims"][0]["subject"] == "Vladivostok"


def test_parquet_onto_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "Kyiv"}\n', encoding="utf-8")
    assert main(["batch", str(feed), "-o", str(feed), "--format", "parquet"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_parquet_with_resume_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "Kyiv"}\n', encoding="utf-8")
    argv = ["batch", str(feed), "-o", str(tmp_path / "t"), "--format", "parquet", "--resume"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--resume" in err and "Parquet" in err
    assert not (tmp_path / "t").exists()
