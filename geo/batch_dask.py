"""The batch on a Dask cluster: the same jobs as :mod:`geo.batch`, mapped by ``dask.bag``.

The feed is still read as a stream, a wave of partitions at a time, so the client holds a
bounded part of it. Each partition is one task: a worker opens the gazetteer index from its
path (built once with ``newsmap gazetteer build``; every worker must read that file at that
path, on shared storage or copied), analyses the partition's records, and writes their result
lines to a part file, committed atomically (written under a temporary name, then renamed). A
task that is retried rewrites the same part, so nothing is duplicated. The client copies the
parts into the output in input order and deletes them.

The part files live in a folder next to the output, which the workers must be able to write:
with workers on other machines, put the output on storage they share. Needs the ``batch``
extra (``pip install 'newsmap[batch]'``: dask and distributed), on the client and on every
worker.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from itertools import islice
from pathlib import Path
from typing import IO, Any

from geo.batch import Job, do_job, result_line
from geo.gazetteer import Gazetteer

__all__ = ["LOCAL", "PARTITION_SIZE", "lines_on_dask", "run_on_dask", "write_part"]

LOCAL = "local"
# records per task: a second or two of work, so the scheduler's overhead (~1 ms) is small
PARTITION_SIZE = 20
_WAVE_PER_WORKER = 4  # partitions read ahead for each worker: busy, yet a bounded client

_gazetteers: dict[str, Gazetteer] = {}  # one open index per worker process and path


def write_part(part: tuple[int, list[Job]], gazetteer_path: str, folder: str) -> int:
    """Analyse one partition and commit its result lines as ``folder/NNNNNNNNN.jsonl``; run
    again (a retried task), it replaces that file with the same lines."""
    index, jobs = part
    if gazetteer_path not in _gazetteers:
        _gazetteers[gazetteer_path] = Gazetteer(Path(gazetteer_path))
    gazetteer = _gazetteers[gazetteer_path]
    final = os.path.join(folder, f"{index:09d}.jsonl")
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{index:09d}-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            for job in jobs:
                out.write(result_line(do_job(job, gazetteer)))
        os.replace(temporary, final)
    except BaseException:
        os.unlink(temporary)
        raise
    return len(jobs)


def _cluster(address: str, workers: int) -> AbstractContextManager[Any]:
    from distributed import LocalCluster

    if address != LOCAL:
        return nullcontext(address)
    return LocalCluster(
        n_workers=workers,
        threads_per_worker=1,  # the analysis is pure Python: processes, not threads
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    )


def run_on_dask(
    jobs: Iterable[Job],
    gazetteer_path: Path,
    out: IO[str],
    *,
    address: str = LOCAL,
    workers: int = 2,
    partition_size: int = PARTITION_SIZE,
    on_done: Callable[[int], object] | None = None,
) -> int:
    """Write the result lines of ``jobs`` to ``out`` in input order, computed on the Dask
    cluster at ``address`` (``"local"``: a ``LocalCluster`` of ``workers`` processes on this
    machine), ``partition_size`` records a task; return how many were written. ``on_done(n)``
    is called as results come in. The part files go in a folder beside ``out``."""
    written = 0
    folder = Path(os.path.abspath(getattr(out, "name", ""))).parent
    for line in lines_on_dask(jobs, gazetteer_path, folder, address=address, workers=workers,
                              partition_size=partition_size):  # fmt: skip
        out.write(line)
        written += 1
        if on_done:
            on_done(1)
    return written


def lines_on_dask(
    jobs: Iterable[Job],
    gazetteer_path: Path,
    parts_in: Path,
    *,
    address: str = LOCAL,
    workers: int = 2,
    partition_size: int = PARTITION_SIZE,
) -> Iterator[str]:
    """The result lines of ``jobs`` in input order, computed on the Dask cluster at
    ``address`` as :func:`run_on_dask` says; the part files go in a temporary folder in the
    folder ``parts_in``, which every worker must be able to write."""
    import dask.bag as db
    from distributed import Client

    folder = tempfile.mkdtemp(prefix=".newsmap-parts-", dir=parts_in)
    try:
        with _cluster(address, workers) as cluster, Client(cluster) as client:
            wave = max(1, len(client.scheduler_info()["workers"])) * _WAVE_PER_WORKER
            index = 0
            for parts in _waves(jobs, wave, partition_size):
                numbered = list(enumerate(parts, index))
                index += len(parts)
                bag = db.from_sequence(numbered, partition_size=1)
                bag.map(write_part, str(gazetteer_path.resolve()), folder).compute()
                for number, _ in numbered:
                    path = os.path.join(folder, f"{number:09d}.jsonl")
                    with open(path, encoding="utf-8", newline="\n") as part:
                        yield from part
                    os.unlink(path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _waves(jobs: Iterable[Job], wave: int, size: int) -> Iterator[list[list[Job]]]:
    source = iter(jobs)
    while True:
        parts: list[list[Job]] = []
        while len(parts) < wave and (part := list(islice(source, size))):
            parts.append(part)
        if not parts:
            return
        yield parts
