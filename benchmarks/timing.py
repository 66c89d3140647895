"""Timing shared by the benchmark scripts."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(repeat: int, *works: Callable[[], object]) -> list[float]:
    """Best time in seconds of each piece of work over ``repeat`` rounds after a warm-up;
    the pieces run in turns so that drift in the machine's speed hits them alike."""
    best = [float("inf")] * len(works)
    for work in works:
        work()
    for _ in range(repeat):
        for i, work in enumerate(works):
            start = time.perf_counter()
            work()
            best[i] = min(best[i], time.perf_counter() - start)
    return best
