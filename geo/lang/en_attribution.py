"""English: the words that tell how sure a news article is of an event, and who says so.

"Russia denied ...", "the meeting could take place as early as ...", "KCNA said", "according
to Russia's TASS news agency". The lists were written from the negation, modal and reporting
vocabulary of English grammar and from how wire reports attribute what they tell, not taken
from any evaluation text. Lists joined by "|" are alternatives of a pattern, written with one
space between the words of a phrase; every word is lower case and matched without regard to
case, unless said otherwise.
"""

from __future__ import annotations

import re

from geo.lang import AttributionWords

__all__ = ["ATTRIBUTION", "build_attribution"]

# Negation, within a few words before the verb: the event did not happen
_NEGATIONS = "not|never|no|n't|hadn't|didn't|wasn't|weren't|hasn't|haven't"
_NEGATION_REACH = 25  # characters between the negation and the verb ("did not immediately")
# Denial anywhere in the sentence
_DENIALS = "denied|denies|deny|denying|rejected claims"
# Modal verbs and adverbs of possibility before the verb, and a copula and "possible" after
# it ("the meeting was possible")
_POSSIBILITY = "could|may|might|possibly|possible|likely|probably|potential|unclear whether"
_POSSIBLE_COPULAS = "is|was|were|are"
_POSSIBLE_AFTER = "possible"
# What leaves every event after it in the sentence possible
_UNCLEAR = "unclear|not clear"
_WHETHER = "whether"
# Future, intention and schedule before the verb, and "is expected" after it
_EXPECTATION = (
    "will|would|expected to|expects to|plan to|plans to|planned|set to|scheduled|is to|are to|"
    "due to|to take place|as early as|in the coming"
)
_EXPECTED_COPULAS = "is|was"
_EXPECTED_AFTER = "expected"
# Reporting anywhere in the sentence
_REPORTING = "said|says|reported|reports|according to|citing|cited|told|quoted|claimed"

# A source: the name after "according to" or "citing" (up to a punctuation mark or the
# words below) ...
_SOURCE_INTRODUCERS = "according to|citing"
_SOURCE_NAME_ENDS = "said|as|that"
# ... or the name before a reporting verb: capitalised words (after an article, written in
# either case), or a common noun of who informs
_ARTICLE = "the"
_INFORMANTS = (
    "officials|analysts|experts|sources|media|newspaper|agency|spokesperson|spokesman|spokeswoman"
)
_SOURCE_VERBS = "said|says|reported|reports|told|announced"
# Capitalised words that name no source (matched as written): days, months, pronouns
_NOT_SOURCES = (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December He She It They We I"
)
# A time after a reporting verb is when the report was made: "KCNA said on Tuesday"
_REPORTING_TIME = "said|says|reported|told|announced"
_REPORTING_TIME_PREPOSITION = "on"

# A word of a source's name is taken whole and is at most _NAME_CHARS long: the pattern is
# tried at every capital letter, and a long word of capitals read to its end from each of
# them would cost quadratic time.
_NAME_CHARS = 40  # longer than any word of a name
_NAME_WORD = rf"[A-Z][\w'’.-]{{0,{_NAME_CHARS - 1}}}+"


def build_attribution() -> AttributionWords:
    """The English attribution words.

    >>> words = build_attribution()
    >>> words.source.search("Kim will visit, KCNA said.").group("b")
    'KCNA'
    >>> bool(words.negation.search("did not ")), bool(words.expected.search("plans to "))
    (True, True)
    """
    article = f"(?:{_ARTICLE}|{_ARTICLE.capitalize()})"
    return AttributionWords(
        negation=re.compile(rf"\b(?:{_NEGATIONS})\b[^.;]{{0,{_NEGATION_REACH}}}$", re.I),
        denied=re.compile(rf"\b(?:{_DENIALS})\b", re.I),
        possible=re.compile(rf"\b(?:{_POSSIBILITY})\b", re.I),
        possible_after=re.compile(rf"\s+(?:{_POSSIBLE_COPULAS})\s+{_POSSIBLE_AFTER}"),
        unclear=re.compile(rf"\b(?:{_UNCLEAR}) {_WHETHER}\b", re.I),
        expected=re.compile(rf"\b(?:{_EXPECTATION})\b", re.I),
        expected_after=re.compile(rf"\s+(?:{_EXPECTED_COPULAS})\s+{_EXPECTED_AFTER}"),
        reported=re.compile(rf"\b(?:{_REPORTING})\b", re.I),
        source=re.compile(
            rf"(?:{_SOURCE_INTRODUCERS})\s+(?P<a>[^,.;]{{2,60}}?)"
            rf"(?=[,.;]|\s+(?:{_SOURCE_NAME_ENDS})\b)"
            rf"|(?P<b>(?:{article}\s+)?(?:{_NAME_WORD}\s++){{0,5}}?(?:{_NAME_WORD}|{_INFORMANTS}))"
            rf"\s+(?:{_SOURCE_VERBS})\b"
        ),
        leading_article=re.compile(rf"^{article}\s+"),
        not_sources=frozenset(_NOT_SOURCES.split()),
        reporting_time=re.compile(
            rf"\b(?:{_REPORTING_TIME})\s+(?:{_REPORTING_TIME_PREPOSITION}\s+)?$", re.I
        ),
    )


ATTRIBUTION = build_attribution()
