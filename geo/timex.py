"""Time expressions in news text, anchored to the publication date.

"arrived Monday" looks back from the publication date, "as early as Tuesday" looks forward;
"in July" is the latest July before it; "17 months" stays a duration. Each expression keeps
its granularity (a time of day, part of a day, day, week, month, year) and its modifier (on,
before, after, from, until).

>>> from datetime import date
>>> [t.value.label for t in find_times("Putin arrived Monday.", date(2023, 9, 12))]
['2023-09-11']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from geo.text import matches_near

__all__ = ["Granularity", "Modifier", "TimeMention", "TimeValue", "find_times", "with_day"]


class Granularity(StrEnum):
    TIME = "time"
    PART_OF_DAY = "part of day"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class Modifier(StrEnum):
    ON = "on"
    BEFORE = "before"
    AFTER = "after"
    FROM = "from"
    UNTIL = "until"


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A point or period in time. ``day`` is its first day (``None`` for a clock time whose
    day the sentence does not give); ``clock`` and ``utc`` are ``HH:MM``."""

    day: date | None
    granularity: Granularity
    part_of_day: str = ""
    clock: str = ""
    utc: str = ""

    @property
    def label(self) -> str:
        """``2023-09-10 afternoon``, ``2023-07``, ``2019``, ``19:00 (10:00 UTC)``."""
        if self.day is None:
            day = ""
        elif self.granularity is Granularity.YEAR:
            day = f"{self.day.year}"
        elif self.granularity is Granularity.MONTH:
            day = f"{self.day.year}-{self.day.month:02d}"
        elif self.granularity is Granularity.WEEK:
            day = f"week of {self.day.isoformat()}"
        else:
            day = self.day.isoformat()
        parts = [day, self.part_of_day, self.clock]
        text = " ".join(p for p in parts if p)
        return f"{text} ({self.utc} UTC)" if self.utc else text


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression in the text. ``value`` is ``None`` for a duration, or when there is
    no publication date to anchor a relative expression."""

    start: int
    end: int
    text: str
    value: TimeValue | None
    modifier: Modifier = Modifier.ON
    duration: bool = False
    unanchored: bool = False  # relative ("on Tuesday") and there is no publication date

    @property
    def words(self) -> str:
        """The expression as a reader should see it when it has no value: the article's
        words, marked when only a publication date could have dated them ("Tuesday (date
        unknown)")."""
        return f"{self.text} (date unknown)" if self.unanchored else self.text


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_PARTS = r"(?:morning|afternoon|evening|night)"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_NUMBER_WORDS = (
    r"(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"several|a few|few|many|tens of|hundreds of|dozens of)"
)
_UNITS = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("duration", re.compile(
        rf"\b(?:(?:for|past|last|next|over|in|more than|less than|nearly|almost|about|some|"
        rf"at least|up to)\s+)*(?:the\s+)?(?:past\s+|last\s+|next\s+)?{_NUMBER_WORDS}\s+{_UNITS}\b"
        rf"(?!\s+(?:ago|later|earlier|before|after))|\b\d+-(?:day|week|month|year|hour)\b",
        re.IGNORECASE,
    )),
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("month_day_year", re.compile(
        rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?\b"
    )),
    ("day_month_year", re.compile(
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>\d{{4}}))?\b"
    )),
    ("month_year", re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<y>\d{{4}})\b")),
    ("weekday", re.compile(
        rf"\b(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
        rf"(?:\s+(?P<p>{_PARTS}))?\b"
    )),
    ("relative_day", re.compile(
        rf"\b(?P<r>yesterday|today|tomorrow|tonight)(?:\s+(?P<p>{_PARTS}))?\b|\bthis\s+(?P<q>{_PARTS})\b",
        re.IGNORECASE,
    )),
    ("relative_period", re.compile(
        r"\b(?P<rel>last|this|next|earlier this|later this)\s+(?P<unit>week|month|year)\b",
        re.IGNORECASE,
    )),
    ("coming", re.compile(r"\bin the (?:coming|next few) (?:days|weeks)\b", re.IGNORECASE)),
    ("month", re.compile(
        r"\b(?:January|February|March|April|June|July|August|September|October|November|December)\b"
    )),
    ("ago", re.compile(
        rf"\b(?P<n>{_NUMBER_WORDS})\s+(?P<u>days?|weeks?|months?|years?)\s+ago\b", re.IGNORECASE
    )),
    ("year", re.compile(
        r"\b(?:in|since|by|until|before|after|from|of|during)\s+(?P<y>(?:19|20)\d{2})\b", re.I
    )),
    ("clock", re.compile(
        r"\b(?P<h>\d{1,2})(?::(?P<min>\d{2}))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)(?:\s*\((?P<u>\d{4})\s*(?:GMT|UTC)\))?",
        re.IGNORECASE,
    )),
]  # fmt: skip

_FORWARD = re.compile(
    r"\b(?:will|would|next|coming|as early as|expected|expects|plans?|planned|scheduled|due|"
    r"set for|slated|"
    r"set to|to be held|possible|could|may|might|runs? through|until|through|upcoming)\b",
    re.IGNORECASE,
)
_BACKWARD = re.compile(r"\b(?:last|ago|earlier|previous|past)\b", re.IGNORECASE)
_OPTIONAL_ON = r"\s+(?:on\s+|in\s+)?$"
_MODIFIERS = [
    (
        re.compile(r"\b(?:as early as|from|since|starting|beginning)" + _OPTIONAL_ON, re.I),
        Modifier.FROM,
    ),
    (
        re.compile(r"\b(?:through|until|till|to|as late as|by|within)" + _OPTIONAL_ON, re.I),
        Modifier.UNTIL,
    ),
    (re.compile(r"\bbefore\s+$", re.I), Modifier.BEFORE),
    (re.compile(r"\bafter\s+$", re.I), Modifier.AFTER),
]


# Durations and "two days ago" need a unit word; looking only near one keeps their large
# patterns off the rest of the text.
_NEED_UNIT = ("duration", "ago")
_UNIT_WORD = re.compile(
    r"(?:\b|-)(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b", re.I
)


_BEFORE_UNIT = 60  # "for more than the past several" and a number fit before the unit
_AFTER_UNIT = 12  # ... and " ago" after it


def find_times(text: str, published: date | None) -> tuple[TimeMention, ...]:
    """Every time expression in ``text``, in order, non-overlapping, anchored to
    ``published`` where it is relative."""
    found: list[TimeMention] = []
    # (which characters are taken: checking each match against every expression already
    # found would cost quadratic time on a text full of them)
    taken = bytearray(len(text))
    units = [u.span() for u in _UNIT_WORD.finditer(text)]
    for kind, pattern in _PATTERNS:
        matches = (
            matches_near(pattern, text, units, _BEFORE_UNIT, _AFTER_UNIT)
            if kind in _NEED_UNIT
            else pattern.finditer(text)
        )
        for m in matches:
            start, end = m.span()
            if kind == "year":
                start = m.start("y")
            if taken.find(1, start, end) >= 0:
                continue
            mention = _mention(kind, m, text, start, end, published)
            if mention is not None:
                found.append(mention)
                taken[start:end] = b"\x01" * (end - start)
    found.sort(key=lambda t: t.start)
    return tuple(found)


_PAST_VERB = re.compile(
    r"\b(?:\w+ed|said|told|left|met|went|came|saw|took|made|gave|flew|drove|began|held|was|"
    r"were|had|did|sent|spoke|wrote|won|lost|fell|hit|struck|shot|ran|sat|stood)\b",
    re.IGNORECASE,
)
_STRONG_FORWARD = re.compile(
    r"\b(?:will|next|coming|as early as|expected to|scheduled|due to|set to|upcoming)\b", re.I
)


def _direction(text: str, start: int, end: int) -> int:
    """+1 when the words around look forward, -1 otherwise (news mostly reports the past).
    The nearest words decide first: "arrived Monday" looks back even in a sentence about a
    possible meeting."""
    before = text[max(0, start - 100) : start]
    clause = re.split(r"[.;!?]", before)[-1]
    near = " ".join(clause.split()[-4:])
    if _BACKWARD.search(near) or _PAST_VERB.search(near):
        return -1
    if _FORWARD.search(near):
        return 1
    return 1 if _STRONG_FORWARD.search(clause) else -1


def _modifier(text: str, start: int) -> Modifier:
    before = text[max(0, start - 20) : start]
    for pattern, modifier in _MODIFIERS:
        if pattern.search(before):
            return modifier
    return Modifier.ON


def _mention(
    kind: str, m: re.Match[str], text: str, start: int, end: int, published: date | None
) -> TimeMention | None:
    surface = text[start:end]
    modifier = _modifier(text, start)
    if kind == "duration":
        return TimeMention(start, end, surface, None, Modifier.ON, duration=True)
    value = _value(kind, m, text, start, end, published)
    if kind == "coming":
        modifier = Modifier.AFTER
    if value is None and kind != "clock":
        unanchored = published is None and kind not in _ABSOLUTE
        return TimeMention(start, end, surface, None, modifier, unanchored=unanchored)
    return TimeMention(start, end, surface, value, modifier)


_ABSOLUTE = frozenset({"iso", "month_year", "year", "clock"})  # need no publication date


def _value(
    kind: str, m: re.Match[str], text: str, start: int, end: int, published: date | None
) -> TimeValue | None:
    if kind == "iso":
        return _safe_day(int(m.group(1)), int(m.group(2)), int(m.group(3)), Granularity.DAY)
    if kind in ("month_day_year", "day_month_year"):
        month = _MONTHS[m.group("m").lower().rstrip(".")]
        year = int(m.group("y")) if m.group("y") else _year_for(month, published, text, start, end)
        if year is None:
            return None
        return _safe_day(year, month, int(m.group("d")), Granularity.DAY)
    if kind == "month_year":
        return TimeValue(date(int(m.group("y")), _MONTHS[m.group("m").lower().rstrip(".")], 1),
                         Granularity.MONTH)  # fmt: skip
    if kind == "year":
        return TimeValue(date(int(m.group("y")), 1, 1), Granularity.YEAR)
    if kind == "clock":
        hour = int(m.group("h")) % 12 + (12 if m.group("ap").lower().startswith("p") else 0)
        clock = f"{hour:02d}:{int(m.group('min') or 0):02d}"
        utc = f"{m.group('u')[:2]}:{m.group('u')[2:]}" if m.group("u") else ""
        return TimeValue(None, Granularity.TIME, clock=clock, utc=utc)
    if published is None:
        return None
    if kind == "weekday":
        target = _WEEKDAYS.index(m.group("w").lower())
        shift = (target - published.weekday()) % 7
        if _direction(text, start, end) < 0:
            shift = shift - 7 if shift else 0
        part = (m.group("p") or "").lower()
        granularity = Granularity.PART_OF_DAY if part else Granularity.DAY
        return TimeValue(published + timedelta(days=shift), granularity, part)
    if kind == "relative_day":
        word = (m.group("r") or "today").lower()
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
        part = (m.group("p") or m.group("q") or ("night" if word == "tonight" else "")).lower()
        granularity = Granularity.PART_OF_DAY if part else Granularity.DAY
        return TimeValue(published + timedelta(days=offset), granularity, part)
    if kind == "relative_period":
        return _period(m.group("rel").lower(), m.group("unit").lower(), published)
    if kind == "coming":
        return TimeValue(published, Granularity.DAY)  # modifier AFTER, set by the caller
    if kind == "ago":
        return _ago(m.group("n").lower(), m.group("u").lower().rstrip("s"), published)
    if kind == "month":
        month = _MONTHS[m.group().lower()]
        year = _year_for(month, published, text, start, end)
        return TimeValue(date(year, month, 1), Granularity.MONTH) if year else None
    return None


_SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                  "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip


def _ago(number: str, unit: str, published: date) -> TimeValue | None:
    n = _SMALL_NUMBERS.get(number) or (int(number) if number.isdigit() else None)
    if n is None:
        return None
    if unit == "day":
        return TimeValue(published - timedelta(days=n), Granularity.DAY)
    if unit == "week":
        return TimeValue(published - timedelta(weeks=n), Granularity.WEEK)
    if unit == "month":
        month = published.month - n
        year = published.year + (month - 1) // 12
        return TimeValue(date(year, (month - 1) % 12 + 1, 1), Granularity.MONTH)
    return TimeValue(date(published.year - n, 1, 1), Granularity.YEAR)


def _period(rel: str, unit: str, published: date) -> TimeValue:
    step = {"last": -1, "next": 1}.get(rel, 0)
    if unit == "week":
        monday = published - timedelta(days=published.weekday())
        return TimeValue(monday + timedelta(weeks=step), Granularity.WEEK)
    if unit == "month":
        month = published.month + step
        year = published.year + (month - 1) // 12
        return TimeValue(date(year, (month - 1) % 12 + 1, 1), Granularity.MONTH)
    return TimeValue(date(published.year + step, 1, 1), Granularity.YEAR)


def _year_for(month: int, published: date | None, text: str, start: int, end: int) -> int | None:
    """The year of a month named without one: the latest such month up to the publication
    date, or the next one when the words look forward."""
    if published is None:
        return None
    if _direction(text, start, end) > 0:
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def _safe_day(year: int, month: int, day: int, granularity: Granularity) -> TimeValue | None:
    try:
        return TimeValue(date(year, month, day), granularity)
    except ValueError:
        return None


def with_day(value: TimeValue, day: date) -> TimeValue:
    """A clock time given the day it belongs to."""
    return replace(value, day=day)
