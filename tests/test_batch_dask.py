"""`newsmap batch --dask`: a LocalCluster of two worker processes gives exactly the records of
the local run, and a retried task duplicates nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE

import geo
from geo.batch import do_job, plan_jobs, result_line
from geo.batch_dask import write_part
from geo.cli import main


@pytest.fixture(scope="module")
def feed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Forty records cut from the sample article, and two lines that are no record."""
    paragraphs = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n") if p.strip()]
    lines = [
        json.dumps({"id": f"a{n}", "text": " ".join(paragraphs[n % len(paragraphs) :][:3]),
                    "published": "2023-09-12"})
        for n in range(40)
    ]  # fmt: skip
    lines[7], lines[30] = "not json", '{"id": NaN, "text": "Kyiv"}'
    path = tmp_path_factory.mktemp("dask") / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _newsmap(gazetteer: geo.Gazetteer, *argv: str) -> None:
    """The command line in a process of its own, as a user runs it: a cluster's worker
    processes start from a clean interpreter, not from the test runner's state."""
    run = subprocess.run([sys.executable, "-m", "geo", "--gazetteer", str(gazetteer.path), *argv],
                         capture_output=True, text=True, timeout=600, check=False)  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]


def test_a_local_cluster_gives_the_records_of_the_local_run(
    feed: Path, tmp_path: Path, gazetteer: geo.Gazetteer
) -> None:
    pytest.importorskip("distributed")
    flags = ["--events", "--claims", "--journeys", "--no-progress"]
    assert main(["batch", str(feed), "-o", str(tmp_path / "local.jsonl"), *flags]) == 0
    argv = ["batch", str(feed), "-o", str(tmp_path / "dask.jsonl"), "--dask", "local"]
    _newsmap(gazetteer, *argv, "--workers", "2", *flags)
    local = (tmp_path / "local.jsonl").read_text(encoding="utf-8")
    on_dask = (tmp_path / "dask.jsonl").read_text(encoding="utf-8")
    assert on_dask == local
    results = [json.loads(line) for line in local.splitlines()]
    assert len(results) == 40 and sum("error" in r for r in results) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dask.jsonl", "local.jsonl"]


def test_a_retried_part_replaces_itself(gazetteer: geo.Gazetteer, tmp_path: Path) -> None:
    lines = [json.dumps({"id": str(n), "text": "Kim left Pyongyang."}) for n in range(3)]
    jobs = list(plan_jobs(lines))
    for _ in range(2):
        assert write_part((4, jobs), str(gazetteer.path), str(tmp_path)) == 3
    (part,) = tmp_path.iterdir()
    assert part.name == "000000004.jsonl"
    expected = "".join(result_line(do_job(job, gazetteer)) for job in jobs)
    assert part.read_text(encoding="utf-8") == expected


def test_resume_on_a_cluster_completes_a_cut_output(
    feed: Path, tmp_path: Path, gazetteer: geo.Gazetteer
) -> None:
    pytest.importorskip("distributed")
    local, out = tmp_path / "local.jsonl", tmp_path / "out.jsonl"
    assert main(["batch", str(feed), "-o", str(local), "--no-progress"]) == 0
    lines = [line + "\n" for line in local.read_text(encoding="utf-8").split("\n")[:-1]]
    out.write_text("".join(lines[:5]) + lines[5][:20], encoding="utf-8")  # killed mid-line
    argv = ["batch", str(feed), "-o", str(out), "--dask", "local", "--workers", "2"]
    _newsmap(gazetteer, *argv, "--resume", "--no-progress")
    assert out.read_text(encoding="utf-8") == local.read_text(encoding="utf-8")


def _start(argv: list[str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT)


def _worker_pids(scheduler_file: Path, count: int) -> list[int]:
    import os

    from distributed import Client

    with Client(scheduler_file=str(scheduler_file), timeout=60) as client:
        client.wait_for_workers(count, timeout=120)
        return sorted(client.run(os.getpid).values())


def test_a_worker_killed_mid_run_loses_and_duplicates_no_record(
    tmp_path: Path, gazetteer: geo.Gazetteer
) -> None:
    """A cluster of a scheduler and two worker processes (each `dask` command in a process of
    its own, as on real machines); one worker gets SIGKILL once the first parts are written,
    while the run goes on: its tasks are retried elsewhere and every record comes out once."""
    import os
    import signal
    import time

    pytest.importorskip("distributed")
    paragraphs = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n") if p.strip()]
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for n in range(240):  # 12 parts of 20, two waves of a 2-worker cluster
            turned = paragraphs[n % len(paragraphs) :] + paragraphs[: n % len(paragraphs)]
            out.write(json.dumps({"id": f"a{n}", "text": "\n".join(turned)}) + "\n")
    local = tmp_path / "local.jsonl"
    assert main(["batch", str(feed), "-o", str(local), "--no-progress"]) == 0
    cluster = tmp_path / "cluster"
    cluster.mkdir()
    scheduler_file = cluster / "scheduler.json"
    started = [_start([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host",
                       "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file",
                       str(scheduler_file)], cluster / "scheduler.log")]  # fmt: skip
    try:
        for _ in range(600):
            if scheduler_file.exists():
                break
            time.sleep(0.1)
        started.append(_start([sys.executable, "-m", "distributed.cli.dask_worker",
                               "--scheduler-file", str(scheduler_file), "--nworkers", "2",
                               "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"],
                              cluster / "workers.log"))  # fmt: skip
        victim, *_ = _worker_pids(scheduler_file, 2)
        address = json.loads(scheduler_file.read_text(encoding="utf-8"))["address"]
        out = tmp_path / "out" / "dask.jsonl"
        out.parent.mkdir()
        run = subprocess.Popen(
            [sys.executable, "-m", "geo", "--gazetteer", str(gazetteer.path), "batch",
             str(feed), "-o", str(out), "--dask", address, "--no-progress"],
            stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        while run.poll() is None and not list(out.parent.glob(".newsmap-parts-*/*.jsonl")):
            time.sleep(0.02)
        assert run.poll() is None, "the run ended before a worker could be killed"
        os.kill(victim, signal.SIGKILL)
        _, stderr = run.communicate(timeout=600)
        assert run.returncode == 0, stderr[-3000:]
        assert victim not in _worker_pids(scheduler_file, 2)  # the nanny started a new one
    finally:
        for process in reversed(started):
            process.terminate()
            process.wait(timeout=60)
    assert out.read_text(encoding="utf-8") == local.read_text(encoding="utf-8")
    assert [p.name for p in out.parent.iterdir()] == ["dask.jsonl"]


def test_parquet_tables_from_a_cluster_are_those_of_the_local_run(
    feed: Path, tmp_path: Path, gazetteer: geo.Gazetteer
) -> None:
    pytest.importorskip("distributed")
    pq = pytest.importorskip("pyarrow.parquet")
    flags = ["--format", "parquet", "--events", "--claims", "--no-progress"]
    assert main(["batch", str(feed), "-o", str(tmp_path / "local"), *flags]) == 0
    argv = ["batch", str(feed), "-o", str(tmp_path / "dask"), "--dask", "local"]
    _newsmap(gazetteer, *argv, "--workers", "2", *flags)
    for table in ("documents", "mentions", "events", "claims"):
        local = pq.read_table(tmp_path / "local" / f"{table}.parquet")
        assert pq.read_table(tmp_path / "dask" / f"{table}.parquet").equals(local), table
    assert pq.read_table(tmp_path / "dask" / "documents.parquet").num_rows == 40
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dask", "local"]
