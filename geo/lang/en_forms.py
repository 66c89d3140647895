"""English word forms: the inflection of verbs and nouns that ``geo.lang.en`` lists by lemma.

Regular rules ("kill": kills, killed, killing), an irregular table ("shoot": shot), the verbs
that double their last consonant ("stab": stabbed; "kidnap": kidnapped), British and American
spellings of a last "l" ("travelled", "traveled") and of -ise ("mobilise", "mobilize").
"""

from __future__ import annotations

__all__ = ["noun_forms", "past_forms", "spellings", "verb_forms"]

# Past tense and participle of the irregular verbs the lists use.
_IRREGULAR = {
    "beat": "beat beaten", "begin": "began begun", "blow": "blew blown", "break": "broke broken",
    "bring": "brought", "burn": "burned burnt", "catch": "caught", "come": "came come",
    "drive": "drove driven", "fight": "fought", "find": "found", "flee": "fled",
    "fly": "flew flown", "go": "went gone", "hit": "hit", "hold": "held", "hurt": "hurt",
    "lay": "laid", "lead": "led", "leave": "left", "lose": "lost", "make": "made", "meet": "met",
    "overrun": "overran overrun", "overthrow": "overthrew overthrown", "pay": "paid",
    "retake": "retook retaken", "ride": "rode ridden", "say": "said", "seek": "sought",
    "send": "sent", "set": "set", "shoot": "shot", "sink": "sank sunk", "slay": "slew slain",
    "speak": "spoke spoken", "steal": "stole stolen", "strike": "struck stricken",
    "swear": "swore sworn", "take": "took taken", "tear": "tore torn", "tell": "told",
    "throw": "threw thrown", "withdraw": "withdrew withdrawn",
}  # fmt: skip
# Verbs of more than one syllable that double their last consonant ("kidnapped").
_DOUBLING = frozenset(
    "acquit admit begin commit equip kidnap occur overrun rebel regret submit".split()
)
_VOWELS = "aeiou"


def verb_forms(lemma: str, *, past_only: bool = False) -> tuple[str, ...]:
    """Every form of the English verb ``lemma``: itself, -s, past, -ing, and the plural of
    the -ing noun; with ``past_only``, the past and -ing forms alone.

    >>> verb_forms("kill")
    ('kill', 'kills', 'killed', 'killing', 'killings')
    >>> verb_forms("flee")
    ('flee', 'flees', 'fled', 'fleeing', 'fleeings')
    >>> verb_forms("patrol")
    ('patrol', 'patrols', 'patrolled', 'patroled', 'patrolling', 'patroling', 'patrollings')
    >>> verb_forms("shell", past_only=True)
    ('shelled', 'shelling', 'shellings')
    """
    past = _IRREGULAR[lemma].split() if lemma in _IRREGULAR else _regular_past(lemma)
    ing = _ings(lemma)
    plain = () if past_only else (lemma, _plural(lemma)[0])
    return (*plain, *past, *ing, ing[0] + "s")


def past_forms(lemma: str) -> tuple[str, ...]:
    """The past tense and participle forms of ``lemma``.

    >>> past_forms("shoot"), past_forms("stab"), past_forms("die")
    (('shot',), ('stabbed',), ('died',))
    """
    return tuple(_IRREGULAR[lemma].split()) if lemma in _IRREGULAR else _regular_past(lemma)


def noun_forms(noun: str) -> tuple[str, ...]:
    """A noun and its plural forms.

    >>> noun_forms("clash"), noun_forms("casualty"), noun_forms("tornado")
    (('clash', 'clashes'), ('casualty', 'casualties'), ('tornado', 'tornadoes', 'tornados'))
    """
    return (noun, *_plural(noun))


def _doubles(lemma: str) -> bool:
    """Whether the last consonant doubles before -ed and -ing: one syllable ending in one
    vowel and one consonant ("stab", "ban"), or a listed longer verb ("kidnap")."""
    if lemma in _DOUBLING:
        return True
    if len(lemma) < 3:
        return False
    a, b, c = lemma[-3], lemma[-2], lemma[-1]
    if c in _VOWELS + "wxy" or b not in _VOWELS or a in _VOWELS:
        return False
    return _syllables(lemma) == 1


def _final_l(lemma: str) -> bool:
    """British English doubles a last "l" after one vowel, American does not: both are
    written ("travelled", "traveled")."""
    return (
        lemma.endswith("l") and len(lemma) > 3 and lemma[-2] in _VOWELS
        and lemma[-3] not in _VOWELS and _syllables(lemma) > 1
    )  # fmt: skip


def _syllables(word: str) -> int:
    groups, previous = 0, False
    for ch in word:
        vowel = ch in _VOWELS + "y"
        groups += vowel and not previous
        previous = vowel
    return groups


def _regular_past(lemma: str) -> tuple[str, ...]:
    if lemma.endswith("e"):
        return (lemma + "d",)
    if lemma.endswith("y") and lemma[-2] not in _VOWELS:
        return (lemma[:-1] + "ied",)
    if _doubles(lemma):
        return (lemma + lemma[-1] + "ed",)
    if _final_l(lemma):
        return (lemma + "led", lemma + "ed")
    return (lemma + "ed",)


def _ings(lemma: str) -> tuple[str, ...]:
    if lemma.endswith("ie"):
        return (lemma[:-2] + "ying",)
    if lemma.endswith(("ee", "ye", "oe")):
        return (lemma + "ing",)
    if lemma.endswith("e") and len(lemma) > 2:
        return (lemma[:-1] + "ing",)
    if _doubles(lemma):
        return (lemma + lemma[-1] + "ing",)
    if _final_l(lemma):
        return (lemma + "ling", lemma + "ing")
    return (lemma + "ing",)


def _plural(word: str) -> tuple[str, ...]:
    """The plural of a noun, which is also the -s form of a verb."""
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return (word + "es",)
    if word.endswith("y") and word[-2] not in _VOWELS:
        return (word[:-1] + "ies",)
    if word.endswith("o") and word[-2] not in _VOWELS:
        return (word + "es", word + "s")
    return (word + "s",)


def spellings(word: str) -> tuple[str, ...]:
    """ "mobilise" and "mobilize", "mobilisation" and "mobilization"."""
    for british, american in (("ise", "ize"), ("isation", "ization")):
        for a, b in ((british, american), (american, british)):
            if word.endswith(a) and len(word) > len(a) + 2:
                return (word, word[: -len(a)] + b)
    return (word,)
