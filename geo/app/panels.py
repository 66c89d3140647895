"""The app's correction tab and the widgets it shares with the map's panel
(:mod:`geo.app.mapframe`); ``app.py`` lays them out."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, MutableSequence, Sequence
from typing import Any

import streamlit as st

from geo.app.candidates import describe_candidates
from geo.corrections import Correction, CorrectionKind, additions, places_named
from geo.errors import GeoError
from geo.gazetteer import Gazetteer
from geo.models import Analysis, Place, PlaceMention
from geo.report.safe import markdown

__all__ = ["choose", "correction_tab", "mention_label", "named_mentions"]


def choose(label: str, labels: Sequence[str], key: str, where: Any = st) -> int:
    """A select box over ``labels`` (drawn in ``where``: the page, a column or a tab) that
    returns the index chosen.

    Its key carries a digest of the labels, so that other choices (a new article, another
    mention) make a new box. Under one key, Streamlit's browser keeps showing the label last
    picked at an index while the server reads the new option at that index: a reader would
    see one place and correct with another."""
    digest = hashlib.blake2b("\x1f".join(labels).encode(), digest_size=6).hexdigest()
    box = where.selectbox(label, range(len(labels)), key=f"{key}:{digest}",
                          format_func=labels.__getitem__)  # fmt: skip
    return int(box or 0)


def named_mentions(analysis: Analysis) -> list[PlaceMention]:
    return [m for m in analysis.mentions if m.mention.form.is_toponym]


def mention_label(m: PlaceMention) -> str:
    where = m.place.label if m.place is not None else "not located"
    return f"{m.text} @{m.start} → {where}"


def correction_tab(
    analysis: Analysis,
    gazetteer: Gazetteer,
    fixes: MutableSequence[Correction],
    extra_candidates: Callable[[str], tuple[Place, ...]] = lambda name: (),
) -> None:
    """Choose another reading of a mention, drop it, or add a place the article names, each
    candidate told from the others. ``extra_candidates`` gives more places for a name typed in
    "add a place" (an online geocoder's), listed after the gazetteer's."""
    text = analysis.text
    named = named_mentions(analysis)
    if named:
        pick = choose("Mention", [mention_label(m) for m in named], "fix_mention")
        m = named[pick]
        options = [c.place for c in m.candidates]
        own = {p.id for p in options}
        story = [p for p in analysis.places() if p.id not in own]
        views = describe_candidates(options, gazetteer, story)
        if views:
            choice = choose("Means", [v.label for v in views], "fix_place")
        one, two = st.columns(2)
        if views and one.button("Use this place", key="fix_choose"):
            fixes.append(Correction(CorrectionKind.CHOOSE, m.start, m.end, m.text,
                                    options[choice].id))  # fmt: skip
            st.rerun()
        if two.button("Not a place", key="fix_drop"):
            fixes.append(Correction(CorrectionKind.DROP, m.start, m.end, m.text))
            st.rerun()
    name = st.text_input("Add a place the article names", key="fix_name").strip()
    found: tuple[Place, ...] = ()
    problem: GeoError | None = None
    if name:
        try:
            found = places_named(name, gazetteer)
        except GeoError as err:
            problem = err
        found = (*found, *extra_candidates(name))
    if found:
        offered = describe_candidates(found, gazetteer, analysis.places())
        chosen = choose(f"{len(offered)} place(s) of that name", [v.label for v in offered],
                        "fix_add_place")  # fmt: skip
    if st.button("Add", key="fix_add", disabled=not name):
        try:
            if not found:
                raise problem or GeoError(f"{name!r} is not in the gazetteer")
            fixes.extend(additions(text, name, found[chosen]))
            st.rerun()
        except GeoError as err:
            problem = err
    if problem is not None:
        st.error(markdown(problem))
    st.caption(f"{len(fixes)} correction(s) in force.")
