"""Tokens with character offsets, and the runs of capitalised words that may be names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["Token", "line_start", "runs", "sentence_initial", "tokenize"]

_ELIDED = re.compile(r"[a-z]{1,2}['’][A-Z]")
# Inside a word, what is not a letter of its own: combining marks (a text in NFD writes "ü" as
# "u" and U+0308) and invisible format characters (soft hyphen, zero-width space and joiners,
# word joiner, byte order mark). "Zu\u0308rich" is one word, and "Mos\u2060cow" too.
_INNER = (
    "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"  # combining marks
    "\u00ad\u200b-\u200d\u2060\ufeff"  # format characters
)
# each repetition takes at least one inner character: no two ways to split a run
_LETTERS = rf"[^\W\d_]+(?:[{_INNER}]+[^\W\d_]*)*"
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}[A-Z]?"  # U.S., D.C., N.Y.C.
    rf"|{_LETTERS}(?:['’]{_LETTERS})*"  # words, with inner apostrophes (d'Ivoire, O'Hare)
    r"|\d+(?:[.,]\d+)*"
    r"|\S",
)

# Words that may join capitalised words inside one name ("Isle of Man", "Rio de Janeiro").
_CONNECTORS = frozenset(
    """of the de del la le les du da das do dos di upon on am an der al el y and sur en""".split()
)
# Particles tied by a hyphen inside one name: "Port-au-Prince", "Mazar-e-Sharif", "Deir
# ez-Zor", "Ras al-Ain". Lower-case words of this length elsewhere ("U.S.-led") do not join.
_HYPHENED_PARTICLE = 3


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    # capitalised, counting an elided particle ("d'Ivoire", "l'Aquila"): asked of every token
    # several times over, so worked out once
    is_cap: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        cap = self.text[:1].isupper() or _ELIDED.match(self.text) is not None
        object.__setattr__(self, "is_cap", cap)

    @property
    def is_upper(self) -> bool:
        letters = self.text.replace(".", "")
        return letters.isalpha() and letters.isupper()


def tokenize(text: str) -> list[Token]:
    """Word, number and punctuation tokens with offsets; a possessive ``'s`` is its own token.

    >>> [t.text for t in tokenize("Moscow's war, U.S.-led")]
    ['Moscow', "'s", 'war', ',', 'U.S.', '-', 'led']
    """
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS" and word[0].isalpha():
            cut = m.end() - 2
            tokens.append(Token(m.start(), cut, text[m.start() : cut]))
            tokens.append(Token(cut, m.end(), text[cut : m.end()]))
        else:
            tokens.append(Token(m.start(), m.end(), word))
    return tokens


def runs(text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens, joined by connectors, hyphens and abbreviation
    dots, as ``(first, last)`` token indices."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(tokens)
    while i < n:
        if not tokens[i].is_cap:
            i += 1
            continue
        j = i
        while True:
            k = j + 1
            # skip joiners between capitalised words
            while k < n and _joins(tokens, j, k):
                k += 1
            if (
                k < n
                and tokens[k].is_cap
                and all(_adjacent_enough(text, tokens, x, x + 1) for x in range(j, k))
            ):
                j = k
            else:
                break
        runs.append((i, j))
        i = j + 1
    return runs


def _joins(tokens: Sequence[Token], prev: int, k: int) -> bool:
    t = tokens[k]
    if t.text.lower() in _CONNECTORS and not t.is_cap:
        return k - prev <= 2
    if t.text.islower() and len(t.text) <= _HYPHENED_PARTICLE and k - prev <= 2:
        return _hyphen_at(tokens, k - 1, k) or _hyphen_at(tokens, k, k + 1)
    if t.text in ("-", "'s", "’s"):
        return t.start == tokens[k - 1].end or t.text != "-"
    if t.text == ".":
        before = tokens[k - 1].text
        return t.start == tokens[k - 1].end and (len(before) <= 4 and before[:1].isupper())
    return False


def _hyphen_at(tokens: Sequence[Token], a: int, b: int) -> bool:
    """Whether tokens ``a`` and ``b`` touch and one of them is a hyphen."""
    if a < 0 or b >= len(tokens) or tokens[a].end != tokens[b].start:
        return False
    return tokens[a].text == "-" or tokens[b].text == "-"


def _adjacent_enough(text: str, tokens: Sequence[Token], j: int, k: int) -> bool:
    # Runs never cross a line break (headlines, datelines, list items) or a wide gap.
    gap = text[tokens[j].end : tokens[k].start]
    return "\n" not in gap and len(gap) <= 3


def line_start(text: str, start: int) -> bool:
    """Whether only blanks stand between the line's start and ``start``.

    >>> line_start("Kim left.\\n  MOSCOW -", 12), line_start("Kim left MOSCOW", 9)
    (True, False)
    """
    # (walked back over the blanks only: finding the line's start first would read a whole
    # line per name, and the text may be one long line)
    i = start
    while i > 0 and text[i - 1] != "\n" and text[i - 1].isspace():
        i -= 1
    return i == 0 or text[i - 1] == "\n"


def sentence_initial(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence: only spaces, opening quotes and brackets between
    it and the text's start, an end of sentence or a line break.

    >>> sentence_initial('He left. "The', 10), sentence_initial("He left the", 8)
    (True, False)
    """
    before = text[max(0, start - 3) : start]
    i = start
    while i > 0 and text[i - 1] in " \"'“‘(":
        i -= 1
    return i == 0 or text[i - 1] in ".!?:\n" or before.endswith("\n")
