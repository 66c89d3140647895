"""How sure an article is of an event, and who says so: negation and denial, modal verbs
("could", "may"), expectation ("will", "as early as"), and reporting ("KCNA said", "according
to Russia's TASS news agency")."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from geo.lang import EventLexicon
from geo.models import Certainty, Span

__all__ = ["Cues", "certainty", "read_cues", "source"]


@dataclass(frozen=True, slots=True)
class Cues:
    """What a sentence says of all its events at once, read once for the sentence rather
    than once for each of its events (a long sentence has many)."""

    sentence: Span
    denied: bool  # a denial anywhere in the sentence
    reported: bool  # a reporting verb anywhere in the sentence
    unclear_end: int  # where the first "unclear whether" ends (past the sentence if none)
    source_offsets: tuple[int, ...]  # where each source is named, in text order
    source_names: tuple[str, ...]


def read_cues(text: str, sentence: Span, lexicon: EventLexicon) -> Cues:
    """The cues of ``sentence``, read with the words of ``lexicon``."""
    words = lexicon.attribution
    body = text[sentence.start : sentence.end]
    unclear = words.unclear.search(body)
    offsets, names = [], []
    for match in words.source.finditer(body):
        name = (match.group("a") or match.group("b") or "").strip()
        name = words.leading_article.sub("", name)
        if name and name not in words.not_sources:
            offsets.append(sentence.start + match.start())
            names.append(name)
    return Cues(
        sentence,
        bool(words.denied.search(body)),
        bool(words.reported.search(body)),
        sentence.start + unclear.end() if unclear else sentence.end + 1,
        tuple(offsets),
        tuple(names),
    )


def certainty(text: str, cues: Cues, start: int, end: int, lexicon: EventLexicon) -> Certainty:
    """How sure the sentence of ``cues`` is of the event whose verb is ``text[start:end]``."""
    words = lexicon.attribution
    sentence = cues.sentence
    # the clause of the verb, within 60 characters before it
    low = max(sentence.start, start - 60)
    before = text[max(low, text.rfind(",", low, start) + 1) : start]
    near_before = text[max(sentence.start, start - 30) : start]
    after = text[end : min(sentence.end, end + 30)]
    if words.negation.search(near_before) or cues.denied:
        return Certainty.DENIED
    if (
        words.possible.search(near_before)
        or words.possible_after.match(after)
        or cues.unclear_end <= start
    ):
        return Certainty.POSSIBLE
    if words.expected.search(before) or words.expected_after.match(after):
        return Certainty.EXPECTED
    if cues.reported:
        return Certainty.REPORTED
    return Certainty.HAPPENED


def source(cues: Cues, start: int) -> str:
    """The source the sentence of ``cues`` names nearest to ``start`` (the earlier of two as
    near), or ``""``."""
    offsets = cues.source_offsets
    k = bisect_left(offsets, start)
    if k < len(offsets) and (k == 0 or offsets[k] - start < start - offsets[k - 1]):
        return cues.source_names[k]
    return cues.source_names[k - 1] if k else ""
