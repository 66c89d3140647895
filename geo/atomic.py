"""Files that appear whole or not at all, and what a killed writer leaves behind.

A writer writes under a temporary name that carries its process id, beside the final file, and
renames it into place (:func:`os.replace`, atomic on one file system). A writer killed mid-way
(``SIGKILL``, a power cut) cannot delete its temporary file; the next writer does, knowing from
the process id that its owner is gone, and leaves alone those of writers still running.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

__all__ = ["remove_dead_temporaries", "temporary_beside"]

log = logging.getLogger(__name__)


def temporary_beside(path: Path, prefix: str) -> Path:
    """A new empty file in ``path``'s folder, named ``prefix``, this process's id, ``-`` and a
    random part, with ``path``'s suffix."""
    fd, name = tempfile.mkstemp(prefix=f"{prefix}{os.getpid()}-", suffix=path.suffix,
                                dir=path.parent)  # fmt: skip
    os.close(fd)
    return Path(name)


def remove_dead_temporaries(folder: Path, prefix: str) -> list[Path]:
    """Delete the files of ``folder`` named by :func:`temporary_beside` with ``prefix`` (and
    their companions, such as SQLite's ``-journal``) whose process has ended; return them.
    Only on POSIX, where a process can be asked whether it lives."""
    if os.name != "posix":  # os.kill(pid, 0) probes only on POSIX: on Windows it kills
        return []
    removed = []
    for leftover in folder.glob(f"{prefix}*"):
        pid = leftover.name[len(prefix) :].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            log.info("removing %s, left by a writer that was killed", leftover)
            leftover.unlink(missing_ok=True)
            removed.append(leftover)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: not ours to judge
        return True
    return True
