"""Shared fixtures: the real compiled gazetteer, the sample article, and the tricky cases."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import geo

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "article.txt"
SAMPLE_PUBLISHED = date(2023, 9, 12)


@pytest.fixture(scope="session")
def gazetteer() -> geo.Gazetteer:
    """The real gazetteer, compiled into the user cache on first use (about 20 s)."""
    return geo.load_gazetteer()


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample(gazetteer: geo.Gazetteer, sample_text: str) -> geo.Analysis:
    """The commissioning article, analysed once for the whole session."""
    return geo.analyze(sample_text, gazetteer, published=SAMPLE_PUBLISHED)


@pytest.fixture(scope="session")
def paris_texas() -> str:
    return "Storms hit Paris, Texas, on Friday, and the mayor of Paris said roads were closed."


@pytest.fixture(scope="session")
def moscow_idaho() -> str:
    return (
        "Police in Moscow, Idaho, said the University of Idaho campus was closed. "
        "Moscow is a small college town near the Washington state line."
    )


def mentions_of(analysis: geo.Analysis, text: str) -> list[geo.PlaceMention]:
    """Every mention whose text is exactly ``text``."""
    return [m for m in analysis.mentions if m.text == text]


def elements_of(element: object) -> list[object]:
    """A folium map (or any branca element) and every element below it."""
    children = list(getattr(element, "_children", {}).values())
    return [element] + [e for c in children for e in elements_of(c)]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Time the linear-growth tests first, in a fresh heap: after hundreds of tests the
    interpreter's memory is fragmented, and the larger text then pays more per character for
    reasons that are not the analysis."""
    items.sort(key=lambda item: item.module.__name__ != "test_linear_time" if item.module else True)
