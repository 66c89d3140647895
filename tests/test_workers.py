"""Worker processes: answers in input order, a bounded read-ahead, and no orphan when the
parent is killed."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

from geo.workers import ordered_map


def _square(n: int) -> int:
    return n * n


def _nothing() -> None:
    return None


def test_answers_come_in_input_order() -> None:
    squares = ordered_map(_square, range(100), workers=2, initializer=_nothing, chunk_size=3)
    assert list(squares) == [n * n for n in range(100)]


def test_an_endless_input_is_read_a_bounded_window_ahead() -> None:
    read = itertools.count()
    answers = ordered_map(_square, read, workers=2, initializer=_nothing, chunk_size=4)
    assert list(itertools.islice(answers, 5)) == [0, 1, 4, 9, 16]
    answers.close()
    assert next(read) <= 2 * 4 * 4 + 4  # the window (workers x 4 chunks) and one chunk more


# The parent: a batch of two workers over an endless feed; it prints its workers' pids once
# the first result is out, then goes on until it is killed.
PARENT = """
import itertools, json, multiprocessing, sys
from geo.batch import run_lines
from geo.gazetteer import load_gazetteer
feed = (json.dumps({"text": "Kim left Pyongyang for Vladivostok."}) for _ in itertools.count())
results = run_lines(feed, load_gazetteer(), workers=2)
next(results)
print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
for _ in results:
    pass
"""


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"  # a zombie has ended
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process states from /proc")
def test_workers_end_when_their_parent_is_killed() -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert parent.stdout is not None
    pids = [int(p) for p in parent.stdout.readline().split()]
    assert len(pids) == 2 and not any(_gone(p) for p in pids)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait(timeout=30)
    deadline = time.monotonic() + 20
    while not all(_gone(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = [p for p in pids if not _gone(p)]
    for pid in alive:  # do not leave them to the next test run
        os.kill(pid, signal.SIGKILL)
    assert alive == []
