"""The words of a language live in ``geo.lang``: the event stages read them from the lexicon
they are handed, and hold none of their own."""

from __future__ import annotations

import ast
import doctest
import re
from types import ModuleType

import pytest
from conftest import ROOT

import geo.lang.en_attribution
import geo.lang.en_roles
from geo.lang.en import EVENTS
from geo.lang.en_attribution import ATTRIBUTION
from geo.lang.en_roles import ROLES

STAGES = ["roles", "enclosure", "chains", "events", "attribution"]
# One or two words of each list the stages once held: prepositions of role, skipped
# adjectives, clause openers, site nouns, hedges, reporting verbs, weekdays, months,
# demonyms. ("of", "in", "the" are left out: too short to tell a word from a regex's letters.)
TELLTALES = frozenset(
    "according through toward downtown neighbouring northern countryside outskirts whereas "
    "although site where could possibly expected scheduled denied said "
    "reported citing officials spokesman monday january they russian kilometres miles".split()
)


def _strings(source: str) -> list[str]:
    """The string constants of a module's code: not its docstrings, not its comments."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        if id(node) not in docstrings
    ]


@pytest.mark.parametrize("stage", STAGES)
def test_the_event_stages_hold_no_english_words(stage: str) -> None:
    strings = _strings((ROOT / "geo" / f"{stage}.py").read_text(encoding="utf-8"))
    words = {w.lower() for s in strings for w in re.findall(r"[A-Za-z]+", s)}
    assert not words & TELLTALES


def test_the_check_finds_a_word_list() -> None:
    # (what the test above would have found in the stages before their words moved out)
    source = '_REPORTED = re.compile(r"\\b(?:said|says|according to)\\b")  # "KCNA said"'
    words = {w for s in _strings(source) for w in re.findall(r"[A-Za-z]+", s)}
    assert words & TELLTALES == {"said", "according"}


def test_the_english_lexicon_carries_the_role_and_attribution_words() -> None:
    assert EVENTS.roles is ROLES
    assert EVENTS.attribution is ATTRIBUTION
    assert "Russian" in EVENTS.attacker_demonyms


@pytest.mark.parametrize("module", [geo.lang.en_roles, geo.lang.en_attribution])
def test_doctests(module: ModuleType) -> None:
    assert doctest.testmod(module).failed == 0
