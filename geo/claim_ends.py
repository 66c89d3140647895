"""The two ends of a claim: the noun phrase before it (the place that lies there) and the one
after its preposition (the place it is measured from).

An end is a place mention, a name the place stage did not take ("Mahmudiyah, 30 km south of
Baghdad"), a description that names one ("the Chechen capital Grozny", "Pakistan's largest
city, Karachi", "the town of Kotli"), or one the sentence implies ("the capital": of the
other end's country; "the city": the one named before). A phrase with no name ("a village",
"the assault") is an end that cannot be measured.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from geo.claim_names import Names
from geo.gazetteer import Gazetteer
from geo.lang.en_claims import (
    APPOSITIVE_ARTICLES,
    CAPITAL_HEADS,
    LINKS,
    NAME_PARTICLES,
    PLACE_HEADS,
    SENTENCE_WORDS,
)
from geo.models import MentionForm, Place, PlaceKind, PlaceMention

__all__ = ["End", "Ends"]

_WORD = re.compile(r"[^\s,;:()\[\]\"“”]+")
_REACH = 80  # a name and the words that link it to its figure fit in this many characters
_NAME_WORDS = 6  # the longest place name taken from the text ("Sao Goncalo do Amarante")
_ARTICLE = re.compile(r"(?:the\s+)", re.IGNORECASE)
_HEADS = "|".join(sorted(PLACE_HEADS, key=len, reverse=True))
# "the shattered Chechen capital Grozny", "the south Lebanese port city of Saida", "Kandahar
# city": up to four words before a head noun, then maybe its name
_DESCRIPTION = re.compile(
    rf"(?:the\s+)?(?P<mods>(?:[\w’'-]+\s+){{0,4}}?)(?:(?:{_HEADS})\s+)?(?P<head>{_HEADS})\b"
    r"(?:(?P<of>\s+of\s+)|\s*,\s*|\s+)?",
    re.IGNORECASE,
)
_LINK_WORDS = re.compile(r"(?:[\s,(\[—–-]+(?:" + "|".join(sorted(LINKS)) + r"))*[\s,(\[—–-]*$")
_USABLE = (PlaceKind.CITY, PlaceKind.ADMIN1, PlaceKind.COUNTY, PlaceKind.COUNTRY,
           PlaceKind.LANDMARK, PlaceKind.BORDER, PlaceKind.REGION, PlaceKind.WATER)  # fmt: skip
_CLAUSE_COMMA = re.compile(r",(?!\d)")  # not the comma of "300,000"
_SCENE_REACH = 1500  # a new scene is measured from a town named this close before it
_STEPS_BACK = 2  # "town in district, province": the town is two steps back
_REGION_HEADS = frozenset(
    {
        "district",
        "province",
        "governorate",
        "region",
        "county",
        "state",
        "sector",
        "division",
        "prefecture",
        "municipality",
    }
)
_REGIONS = (PlaceKind.ADMIN1, PlaceKind.COUNTY, PlaceKind.COUNTRY)
_IN_OR_COMMA = re.compile(r"(?:,|\s+in|\s+of)\s+$")
_TOWNS = (PlaceKind.CITY, PlaceKind.LANDMARK)
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az)[- ](?=\w)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class End:
    """One end of a claim: its words, and the place they name, if any."""

    start: int
    end: int
    mention: int | None  # the place mention it is, if the place stage found one
    place: Place | None
    named: bool  # a proper name (or a description that fixes one), not "a village"
    head: str = ""  # the head noun of a description ("capital", "city"), lower case


class Ends:
    """Finds the ends of the claims of one text; lookups of names are made once."""

    def __init__(self, text: str, mentions: Sequence[PlaceMention], gazetteer: Gazetteer) -> None:
        self.text = text
        self.mentions = mentions
        self.gazetteer = gazetteer
        self.starts = [m.start for m in mentions]
        self.ends = sorted((m.end, i) for i, m in enumerate(mentions))
        self.end_offsets = [e for e, _ in self.ends]
        self.names = Names(gazetteer)
        self._counts: dict[tuple[int, int], dict[str, int]] = {}
        borders = sorted(
            (m.end, i)
            for i, m in enumerate(mentions)
            if m.place is not None and m.place.kind is PlaceKind.BORDER
        )
        self.border_ends = [end for end, _ in borders]
        self.latest_border = list(accumulate((i for _, i in borders), max))

    # -- names -----------------------------------------------------------------------------

    def _mention_ending(self, end: int, low: int) -> int | None:
        """The longest mention ending at ``end`` and starting at or after ``low``."""
        k = bisect_left(self.end_offsets, end)
        best = None
        while k < len(self.ends) and self.ends[k][0] == end:
            i = self.ends[k][1]
            if self.mentions[i].start >= low and (
                best is None or self.mentions[i].start < self.mentions[best].start
            ):
                best = i
            k += 1
        return best

    def _mention_starting(self, start: int, high: int) -> int | None:
        """The longest mention starting at ``start`` and ending by ``high``."""
        i = bisect_left(self.starts, start)
        best = None
        while i < len(self.mentions) and self.starts[i] == start:
            m = self.mentions[i]
            if m.end <= high and (best is None or m.end > self.mentions[best].end):
                best = i
            i += 1
        return best

    def name_before(self, end: int, low: int) -> tuple[int, int, str] | None:
        """The capitalised name ending at ``end`` (a head noun after it allowed: "Kandahar
        city"), as (start, end, head)."""
        words = list(_WORD.finditer(self.text, max(low, end - _REACH), end))
        if not words or words[-1].end() != end:
            return None
        head = ""
        if words[-1].group().lower() in PLACE_HEADS and len(words) > 1:
            head = words.pop().group().lower()
        start = None
        for count, w in enumerate(reversed(words)):
            word = w.group()
            if count >= _NAME_WORDS or not _is_name_word(word, first=False):
                break
            if self.text[w.end() : (start if start is not None else w.end())].strip():
                break
            start = w.start()
        if start is None:
            return None
        # the name's own first words may be sentence words ("In Hilla"): drop them
        while True:
            first = _WORD.match(self.text, start)
            if first is None or first.group().lower() not in SENTENCE_WORDS:
                break
            rest = re.compile(r"\s+").match(self.text, first.end())
            if rest is None or rest.end() >= end:
                return None
            start = rest.end()
        name_end = words[-1].end() if head else end
        first_word = self.text[start:name_end].split()[:1]
        if not first_word or first_word[0].lower() in NAME_PARTICLES:
            return None
        return start, name_end, head

    def name_after(self, start: int, high: int) -> tuple[int, int] | None:
        """The capitalised name starting at ``start``."""
        end = None
        for count, w in enumerate(_WORD.finditer(self.text, start, high)):
            word = w.group()
            gap = self.text[end if end is not None else start : w.start()]
            if gap.strip() or count >= _NAME_WORDS:
                break
            if not _is_name_word(word, first=count == 0) or (
                count and word.lower() in SENTENCE_WORDS  # "Baghdad On Monday"
            ):
                break
            if word.endswith(("'s", "’s")):
                end = w.end() - 2
                break
            end = w.end()
            if word.endswith("."):
                # a full stop ends the sentence unless the word is an abbreviation ("U.S.")
                if word.count(".") == 1 and len(word) > 3:
                    end -= 1
                break
        if end is None:
            return None
        # a name ends with a capitalised word, not a particle ("Rio de")
        while end is not None and self.text[start:end].split()[-1].lower() in NAME_PARTICLES:
            parts = self.text[start:end].rsplit(maxsplit=1)
            end = start + len(parts[0]) if len(parts) > 1 else None
        return (start, end) if end is not None else None

    def lookup(self, name: str, country: str) -> Place | None:
        """The place ``name`` names, preferring one in ``country`` (see :class:`Names`)."""
        return self.names.lookup(name, country)

    # -- the two ends ----------------------------------------------------------------------

    def located(self, start: int, sentence_start: int, country: str) -> End | None:
        """The place said to lie at the claim starting at ``start``: the name written just
        before it ("Mahmudiyah, 30 km south of ..."), across linking words ("which is
        located") and an appositive ("Kabwe, a city of 300,000 people, 140 km ..."). ``None``
        when no noun phrase stands there."""
        window = self.text[max(sentence_start, start - _REACH) : start]
        link = _LINK_WORDS.search(window)
        end = start - len(window) + (link.start() if link else len(window))
        if end <= sentence_start:
            return None
        found = self._name_end_at(end, sentence_start, country)
        if found is not None:
            return found
        mention = self._mention_ending(end, sentence_start)
        if mention is not None and self.mentions[mention].place is not None:
            # "The city, located about 425 miles ...": the place the article means by it
            m = self.mentions[mention]
            if m.mention.form is not MentionForm.DEMONYM:
                return End(m.start, m.end, mention, m.place, True)
        # an appositive: "Tanusevci, an Albanian-populated village, 30 kilometers north of"
        commas = list(_CLAUSE_COMMA.finditer(self.text, max(sentence_start, end - _REACH), end))
        comma = commas[-1].start() if commas else -1
        if comma > sentence_start:
            phrase = self.text[comma + 1 : end].split()
            # an appositive: "a city of 300,000", "Ukraine's second-largest city"
            if phrase and (
                phrase[0].lower() in APPOSITIVE_ARTICLES or phrase[0].endswith(("'s", "’s"))
            ):
                before = self.text[sentence_start:comma].rstrip()
                named = self._name_end_at(sentence_start + len(before), sentence_start, country)
                if named is not None:
                    return named
            if phrase:
                return End(
                    comma
                    + 1
                    + len(self.text[comma + 1 : end])
                    - len(self.text[comma + 1 : end].lstrip()),
                    end,
                    None,
                    None,
                    False,
                )
        return End(end, end, None, None, False)

    def _name_end_at(self, end: int, low: int, country: str) -> End | None:
        found = self.name_before(end, low)
        if found is None:
            return None
        start, name_end, head = found
        named = self._named(start, name_end, end, country, head)
        for _ in range(_STEPS_BACK):
            # "Nepalgunj city in Banke district, 600 km ...", "Amroussa village in Bouinan
            # district, Blida province, 50 km ...": the figure is told of the town, the
            # regions after it only say where the town is
            regional = head in _REGION_HEADS or (
                named.place is not None and named.place.kind in _REGIONS
            )
            link = _IN_OR_COMMA.search(self.text, max(low, named.start - 12), named.start)
            if not regional or link is None:
                break
            before = self.name_before(link.start(), low)
            if before is None:
                break
            start, name_end, head = before
            named = self._named(start, name_end, named.end, country, head)
        return named

    def _named(self, start: int, name_end: int, end: int, country: str, head: str) -> End:
        """The end a name written at ``start:name_end`` is (its phrase running to ``end``)."""
        mention = self._mention_ending(name_end, start)
        if mention is not None:
            m = self.mentions[mention]
            whole = m.start == start
            prefix = self.text[start : m.start].split()
            # only adjectives may stand before the place's own name: "Serb-held Vogosca"
            adjectives = all("-" in w[1:-1] or w.endswith("ern") for w in prefix)
            if (
                m.place is not None
                and m.mention.form.is_toponym
                and m.mention.form is not MentionForm.DEMONYM
                and (whole or adjectives)
            ):
                return End(start, end, mention, m.place, True, head)
        name = self.text[start:name_end]
        place = self.lookup(name, country)
        if place is None and len(name.split()) > 1:
            # an adjective before the name: "Serb-held Vogosca"
            last = name.split()[-1]
            if "-" in name.split()[0] or name.split()[0].endswith("ern"):
                place = self.lookup(last, country)
        return End(start, end, mention, place, True, head)

    def reference(self, start: int, sentence_end: int, country: str) -> End:
        """The place a claim is measured from, written from ``start``."""
        high = min(sentence_end, start + _REACH)
        article = _ARTICLE.match(self.text, start)
        after_article = article.end() if article else start
        description = _DESCRIPTION.match(self.text, start, high)
        if (
            description is not None
            and description.group("head").islower()  # a common noun, not "Port-au-Prince"
            and not self.text.startswith("-", description.end("head"))
            and not re.search(r"[,.;]", description.group("mods"))
        ):
            head = description.group("head").lower()
            mods_start, mods_end = description.span("mods")
            named = self.name_after(description.end(), high) if description.end() < high else None
            if named is not None and (
                description.group("of")
                or head in CAPITAL_HEADS
                or self.text[description.end("head") : description.end()].strip() == ","
                or head in ("port", "city", "town", "village")
            ):
                return self._named(named[0], named[1], named[1], country, head)
            in_mods = self.name_after(mods_start, mods_end) if mods_end > mods_start else None
            if head in CAPITAL_HEADS:
                code = self._country_within(start, description.end("head")) or country
                capital = self.gazetteer.capital(code) if code else None
                return End(start, description.end("head"), None, capital, capital is not None, head)
            if in_mods is not None and self.text[in_mods[1] : mods_end].strip() == "":
                return self._named(in_mods[0], in_mods[1], description.end("head"), country, head)
            if mods_end == after_article:  # "the city": the one named before
                return End(start, description.end("head"), None, None, False, head)
        named = self.name_after(after_article, high)
        if named is not None:
            name_start, name_end = named
            if self.text.startswith(("'s", "’s"), name_end):
                owner = self._named(name_start, name_end, name_end, country, "")
                rest = self.reference(
                    name_end
                    + 2
                    + len(self.text[name_end + 2 :])
                    - len(self.text[name_end + 2 :].lstrip()),
                    sentence_end,
                    owner.place.country_code if owner.place else country,
                )
                return rest
            end = name_end
            head = self.text[name_end:high].split()[:1]
            if head and head[0].lower() in PLACE_HEADS:
                end = name_end + self.text[name_end:high].index(head[0]) + len(head[0])
            mention = self._mention_starting(name_start, name_end)
            if mention is not None and self.mentions[mention].end == name_end:
                m = self.mentions[mention]
                if m.place is not None and m.mention.form is not MentionForm.DEMONYM:
                    return End(start, end, mention, m.place, True)
            if mention is not None and self.mentions[mention].mention.form is MentionForm.DEMONYM:
                return End(start, end, mention, None, False)
            return self._named(name_start, name_end, end, country, "")
        words = list(_WORD.finditer(self.text, start, high))[:4]
        return End(start, words[-1].end() if words else start, None, None, False)

    def country_counts(self, sentence_start: int, sentence_end: int) -> dict[str, int]:
        """How often the sentence names a place of each country (demonyms too)."""
        key = (sentence_start, sentence_end)
        counts = self._counts.get(key)
        if counts is None:
            counts = {}
            i = bisect_left(self.starts, sentence_start)
            while i < len(self.mentions) and self.starts[i] < sentence_end:
                place = self.mentions[i].place
                if place is not None and place.country_code:
                    counts[place.country_code] = counts.get(place.country_code, 0) + 1
                i += 1
            self._counts[key] = counts
        return counts

    def countries_named(self, sentence_start: int, sentence_end: int) -> list[str]:
        """The countries of the places the sentence names, most named first: the country a
        town with no other clue is looked for in."""
        counts = self.country_counts(sentence_start, sentence_end)
        return sorted(counts, key=lambda c: -counts[c])

    def country_mention(self, start: int, end: int) -> int | None:
        """The first country named inside ``text[start:end]`` ("the Russian border")."""
        i = bisect_left(self.starts, start)
        while i < len(self.mentions) and self.starts[i] <= end:
            m = self.mentions[i]
            if m.end <= end and m.place is not None and m.place.kind is PlaceKind.COUNTRY:
                return i
            i += 1
        return None

    def last_border(self, offset: int) -> int | None:
        """The last border mention (in text order) that ends by ``offset``."""
        k = bisect_right(self.border_ends, offset)
        return self.latest_border[k - 1] if k else None

    def _country_within(self, start: int, end: int) -> str:
        """The country a phrase names ("the Colombian capital", "Pakistan's capital")."""
        i = bisect_left(self.starts, start)
        while i < len(self.mentions) and self.starts[i] < end:
            place = self.mentions[i].place
            if place is not None and place.kind is PlaceKind.COUNTRY:
                return place.country_code
            i += 1
        return ""

    def previous_settlement(
        self, before: int, sentence_start: int, not_place: Place | None
    ) -> End | None:
        """The last town named before ``before`` in the sentence: what "the city" means."""
        k = bisect_right(self.end_offsets, before)
        while k > 0:
            k -= 1
            _, i = self.ends[k]
            m = self.mentions[i]
            if m.start < sentence_start:
                return None
            if (
                m.place is not None
                and m.place.kind is PlaceKind.CITY
                and m.place != not_place
                and m.mention.form.is_toponym
            ):
                return End(m.start, m.end, i, m.place, True)
        return None

    def previous_scene(self, before: int) -> End | None:
        """The town the story was at before ``before`` (a sentence's start): the last one
        named within the paragraphs just before, which a sentence opening "200 miles to the
        northwest, ..." is measured from."""
        k = bisect_right(self.end_offsets, before)
        while k > 0:
            k -= 1
            _, i = self.ends[k]
            m = self.mentions[i]
            if m.end < before - _SCENE_REACH:
                return None
            if m.place is not None and m.place.kind in _TOWNS and m.mention.form.is_toponym:
                return End(m.start, m.end, i, m.place, True)
        return None

    def after(self, start: int, sentence_end: int, country: str) -> End | None:
        """A place named right after a reference ("north of Baghdad in Samarra"), or, in a
        heading ("North of Baghdad, ... in the town of Baiji"), the next one in the
        sentence."""
        i = bisect_left(self.starts, start)
        while i < len(self.mentions) and self.starts[i] < sentence_end:
            m = self.mentions[i]
            if m.place is not None and m.place.kind in _TOWNS and m.mention.form.is_toponym:
                run = self.name_after(m.start, sentence_end)
                if run is not None and run[1] > m.end:  # "Balad" in "Balad Ruz"
                    return self._named(run[0], run[1], run[1], country, "")
                return End(m.start, m.end, i, m.place, True)
            i += 1
        return None


def _is_name_word(word: str, *, first: bool) -> bool:
    if word.lower() in NAME_PARTICLES and not first:
        return True
    if _ARABIC_ARTICLE.match(word) and word[:2].islower():
        return True
    return word[:1].isupper() and not (first and word.lower() in SENTENCE_WORDS)
