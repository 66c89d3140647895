"""Person names in an article: the evidence that keeps "Vladimir Putin", "Kim Jong Un" and
"Adrienne Watson" from being read as the towns of Vladimir, Kim and Watson."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from geo.gazetteer import Lexicon
from geo.lang.en import PLACE_NOUNS
from geo.lang.en_lookalikes import PLURAL_PLACE_NOUNS
from geo.text import name_key
from geo.tokens import Token

__all__ = ["People", "find_people", "name_groups"]


@dataclass(frozen=True, slots=True)
class People:
    """Person names found in the article: their tokens, their surnames (which stay persons
    when used alone later) and the given names that open them."""

    tokens: frozenset[int]
    surnames: frozenset[str]
    given: frozenset[str]
    names: tuple[tuple[int, int], ...] = ()  # character spans of the full names found
    groups: tuple[tuple[int, int], ...] = ()  # token spans of every run of capitalised words

    def is_known(self, word: str) -> bool:
        """Whether ``word`` is part of a person's name in this article, or a family's: "the
        Lyons" after "Mary Lyon"."""
        family = word.endswith("s") and word[:-1] in self.surnames
        return word in self.surnames or word in self.given or family


def name_groups(text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Runs of capitalised words with nothing between them but spaces and initials' dots:
    the shape of a person's name ("Brindell B. Wilkins Jr.")."""
    groups: list[tuple[int, int]] = []
    i, n = 0, len(tokens)
    while i < n:
        if not tokens[i].is_cap or not tokens[i].text[:1].isalpha():
            i += 1
            continue
        j = i
        while True:
            k = j + 1
            if (
                k < n
                and tokens[k].text == "."
                and tokens[k].start == tokens[j].end
                and len(tokens[j].text) <= 3
            ):
                k += 1
            if (
                k < n
                and tokens[k].is_cap
                and tokens[k].text[:1].isalpha()
                and (text[tokens[k - 1].end : tokens[k].start] == " ")
                and not (tokens[j].is_upper and len(tokens[j].text) > 1 and not tokens[k].is_upper)
            ):
                # (a dateline in capitals is not the first name of what follows it)
                j = k
            else:
                break
        groups.append((i, j))
        i = j + 1
    return groups


def find_people(
    text: str, tokens: Sequence[Token], place_spans: set[tuple[int, int]], lex: Lexicon
) -> People:
    """Person names in the article.

    A group of capitalised words is a person when a title precedes it ("spokesperson
    Adrienne Watson") or sits inside it ("Russian Defence Minister Sergei Shoigu": the part
    after the title), or when it opens with a given or family name and goes on with another
    name that is not part of a place ("Kim Jong Un", "Jon Finer", not "Alice Springs"); a
    couple named together is two people ("Lynn and Tom Harris", see :func:`_couples`).
    ``place_spans`` are the ``(first, last)`` token indices of well-known places.
    """
    person_tokens: set[int] = set()
    full_names: list[tuple[int, int]] = []
    surnames: set[str] = set()
    given: set[str] = set()
    groups = name_groups(text, tokens)
    for first, last in groups:
        names = [i for i in range(first, last + 1) if tokens[i].text[:1].isalpha()]
        prev = first - 1
        start: int | None = None
        if prev >= 0 and tokens[prev].text.islower() and name_key(tokens[prev].text) in lex.titles:
            start = first
        for i in names:
            if name_key(tokens[i].text) in lex.titles or _is_title_pair(tokens, i, lex):
                start = i + 1
        if start is None and _looks_like_person(tokens, names, lex, place_spans):
            start = first
        if start is None:
            continue
        rest = [i for i in names if i >= start and name_key(tokens[i].text) not in lex.titles]
        if not rest:
            continue
        if len(rest) == 1 and (rest[0], rest[0]) in place_spans and start != first:
            # a title then a lone place ("Gov. Texas"? "Premier Alberta"?) is not a person
            word = tokens[rest[0]].text
            if word not in lex.given and word not in lex.family:
                continue
        if len(rest) > 1 and (rest[0], rest[0]) in place_spans:
            # "founder France Football magazine": a title, then a place and a word that is no
            # person's name, is the name of a thing; but a place that is also a given name,
            # then a word that is not a common one, is a person with a surname we do not
            # list ("Mayor Virginia Raggi", "Minister Florence Parly")
            head, word = tokens[rest[0]].text, tokens[rest[1]].text
            surname = head in lex.given and word not in lex.common and not word.isupper()
            if word not in lex.given and word not in lex.family and not surname:
                continue
        person_tokens.update(range(rest[0], last + 1))
        full_names.append((tokens[rest[0]].start, tokens[last].end))
        head = tokens[rest[0]].text
        if len(rest) == 1:
            surnames.add(head)
            continue
        given.add(head) if head in lex.given else surnames.add(head)
        surnames.update(tokens[i].text for i in rest[1:] if tokens[i].text not in ("Jr", "Sr"))
    couples = list(_couples(tokens, groups, place_spans, lex))
    partners = {tuple(t.text for t in tokens[p : e + 1]) for _, p, e in couples}
    for one, _, end in couples:
        person_tokens.add(one)
        full_names.append((tokens[one].start, tokens[one].end))
        given.add(tokens[one].text)
        surnames.add(tokens[end].text)
    for first, last in groups:  # the partner's name, here and wherever it comes again
        if tuple(t.text for t in tokens[first : last + 1]) in partners:
            person_tokens.update(range(first, last + 1))
            full_names.append((tokens[first].start, tokens[last].end))
    return People(
        frozenset(person_tokens),
        frozenset(surnames),
        frozenset(given),
        tuple(sorted(set(full_names))),  # in text order (geo.events bisects them)
        tuple(groups),
    )


def _couples(
    tokens: Sequence[Token],
    groups: Sequence[tuple[int, int]],
    place_spans: set[tuple[int, int]],
    lex: Lexicon,
) -> Iterator[tuple[int, int, int]]:
    """A lone name joined by "and" to a full name, one of the two a given name: a couple
    sharing the surname ("Ken and Mary Lyon", "Lynn and Tom Harris"), as (the lone name's
    token, the full name's first and last tokens). Not where either is a well-known place or
    a title ("Jordan and Lebanon Hezbollah", "Sydney and Melbourne Airport")."""
    full = {first: last for first, last in groups if last > first}
    for one, last in groups:
        partner = one + 2
        end = full.get(partner)
        if last != one or end is None or tokens[one + 1].text != "and":
            continue
        if _hyphened(tokens, one - 1, one) or _hyphened(tokens, end, end + 1):
            continue  # a part of a hyphenated name: "Bir Al-Abd and Karim Al-Din"
        if tokens[end].text.lower() in PLACE_NOUNS or tokens[end].text in PLURAL_PLACE_NOUNS:
            continue  # "the towns of Ariha and Maria Hills"
        words = (tokens[one].text, tokens[partner].text)
        if not any(w in lex.given for w in words) or any(
            w in lex.common or name_key(w) in lex.titles for w in words
        ):
            continue
        if {(one, one), (partner, partner), (partner, end)} & place_spans:
            continue
        yield one, partner, end


def _hyphened(tokens: Sequence[Token], i: int, j: int) -> bool:
    """Whether tokens ``i`` and ``j`` touch and one of them is a hyphen."""
    if i < 0 or j >= len(tokens) or tokens[i].end != tokens[j].start:
        return False
    return "-" in (tokens[i].text, tokens[j].text)


def _is_initial(tokens: Sequence[Token], i: int) -> bool:
    word = tokens[i].text
    return len(word) == 1 and word.isupper() and i + 1 < len(tokens) and tokens[i + 1].text == "."


def _is_title_pair(tokens: Sequence[Token], i: int, lex: Lexicon) -> bool:
    if i + 1 >= len(tokens):
        return False
    return name_key(f"{tokens[i].text} {tokens[i + 1].text}") in lex.titles


def _looks_like_person(
    tokens: Sequence[Token], names: Sequence[int], lex: Lexicon, place_spans: set[tuple[int, int]]
) -> bool:
    # a middle initial ("Charles W. Murphy") is neither the second name nor a capitalised word
    initials = {i for i in names[1:-1] if _is_initial(tokens, i)}
    names = [i for i in names if i not in initials]
    if len(names) < 2:
        return False
    head, second = tokens[names[0]].text, tokens[names[1]].text
    if not (head in lex.given or head in lex.family):
        return False
    if second in lex.common or second.isupper():
        return False
    if (names[0], names[0]) in place_spans and not (second in lex.given or second in lex.family):
        return False  # "France Football" is a magazine; "Jordan Henderson" a footballer
    # the whole run, or its first two words, is a known place: "Victoria Falls", "Alice Springs"
    return (names[0], names[-1]) not in place_spans and (names[0], names[1]) not in place_spans
