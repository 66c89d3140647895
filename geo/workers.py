"""Worker processes that keep the input order, hold a bounded window, and die with their parent.

:func:`ordered_map` hands chunks of items to a process pool and yields the answers in input
order, never holding more than ``window`` chunks in flight: memory stays bounded on an endless
feed. Each worker watches its parent: on Linux the kernel sends it ``SIGTERM`` when the parent
dies (``prctl(PR_SET_PDEATHSIG)``), elsewhere a thread notices the parent is gone and ends the
worker. A ``kill -9`` of ``newsmap batch`` leaves no worker behind.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, TypeVar

__all__ = ["ordered_map", "watch_parent"]

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
_WATCH_EVERY_S = 1.0  # how soon a worker notices, where the kernel does not tell it
# chunks in flight per worker: enough to keep each busy while the parent writes
_CHUNKS_PER_WORKER = 4


def watch_parent(parent_pid: int) -> None:
    """End this process when ``parent_pid`` (or the process that started this one) ends."""
    started_by = os.getppid()
    if sys.platform.startswith("linux"):
        _kernel_watch()
    if started_by != parent_pid and not _alive(parent_pid):  # died before we watched
        os._exit(1)

    def watch() -> None:
        while os.getppid() == started_by and _alive(parent_pid):
            time.sleep(_WATCH_EVERY_S)
        os._exit(1)

    threading.Thread(target=watch, name="newsmap-parent-watch", daemon=True).start()


def _kernel_watch() -> None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):  # no libc to ask: the thread watches alone
        log.debug("no prctl here; a thread watches the parent")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, yet another user's: the pid was reused
        return False
    return True


def _init(parent_pid: int, initializer: Callable[..., None], initargs: tuple[Any, ...]) -> None:
    watch_parent(parent_pid)
    initializer(*initargs)


def _run_chunk(function: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [function(item) for item in chunk]


def ordered_map(
    function: Callable[[T], R],
    items: Iterable[T],
    *,
    workers: int,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...] = (),
    chunk_size: int = 8,
) -> Iterator[R]:
    """``function`` over ``items`` in ``workers`` processes, answers in input order.

    ``function`` must be a module-level function (it is pickled); each worker runs
    ``initializer(*initargs)`` once. At most ``workers * 4`` chunks of ``chunk_size`` items are
    read ahead of the answer last yielded.
    """
    window = workers * _CHUNKS_PER_WORKER
    source = iter(items)
    pending: deque[Future[list[R]]] = deque()
    with ProcessPoolExecutor(
        workers, initializer=_init, initargs=(os.getpid(), initializer, initargs)
    ) as pool:
        try:
            while True:
                while len(pending) < window and (chunk := list(islice(source, chunk_size))):
                    pending.append(pool.submit(_run_chunk, function, chunk))
                if not pending:
                    return
                yield from pending.popleft().result()
        finally:
            for future in pending:  # a reader that stops early leaves nothing to compute
                future.cancel()
