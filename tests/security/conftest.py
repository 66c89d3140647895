"""Fixtures of the security corpus: a folder a payload would write into, a loopback beacon,
and the hostile article analysed once."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

import geo
from security.corpus import PAYLOADS, article, beacon_server


@pytest.fixture(scope="session")
def trap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The folder every Jinja payload tries to create something in; it must stay empty. It is
    also in the environment (``NEWSMAP_TRAP``), for payloads without quotes, and so for the
    app's server, started after it."""
    folder = tmp_path_factory.mktemp("trap")
    before = os.environ.get("NEWSMAP_TRAP")
    os.environ["NEWSMAP_TRAP"] = str(folder)
    yield folder
    if before is None:
        del os.environ["NEWSMAP_TRAP"]
    else:
        os.environ["NEWSMAP_TRAP"] = before


@pytest.fixture(scope="session")
def beacon() -> Iterator[tuple[str, list[str]]]:
    with beacon_server() as found:
        yield found


@pytest.fixture(scope="session")
def hostile_text(trap: Path, beacon: tuple[str, list[str]]) -> str:
    return article(trap, beacon[0])


@pytest.fixture(scope="session")
def hostile(gazetteer: geo.Gazetteer, hostile_text: str) -> geo.Analysis:
    return geo.analyze(hostile_text, gazetteer, published=date(2024, 5, 6))


@pytest.fixture(scope="session")
def filled(trap: Path, beacon: tuple[str, list[str]]) -> dict[str, str]:
    """Each payload's name and its text as it stands in the article."""
    return {p.name: p.fill(trap, beacon[0]) for p in PAYLOADS}


@pytest.fixture(autouse=True)
def nothing_ran(trap: Path, beacon: tuple[str, list[str]]) -> Iterator[None]:
    """After every test: no payload created a file, none asked the beacon for anything."""
    yield
    assert list(trap.iterdir()) == [], "a payload ran: it created a file"
    assert beacon[1] == [], f"a payload ran or loaded: the beacon was asked {beacon[1]}"
