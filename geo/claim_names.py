"""Names a claim's ends are written with that the place stage did not take, looked up in the
gazetteer: as written, without a head noun ("Lubumbashi city"), with or without the Arabic
article ("al-Tall"), and, in the country the other end lies in, as another transliteration
of a town's name ("Mahmudiyah" for Al Mahmudiyah, "Tel Abyad" for Tall Abyad)."""

from __future__ import annotations

import re
from functools import lru_cache

from geo.gazetteer import Gazetteer, NameHit
from geo.lang.en_claims import PLACE_HEADS
from geo.models import Place, PlaceKind
from geo.text import name_key

__all__ = ["Names"]

_USABLE = (PlaceKind.CITY, PlaceKind.ADMIN1, PlaceKind.COUNTY, PlaceKind.COUNTRY,
           PlaceKind.LANDMARK, PlaceKind.BORDER, PlaceKind.REGION, PlaceKind.WATER)  # fmt: skip
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az)[- ](?=\w)", re.IGNORECASE)
# Reading every town of a country costs 25 µs a town: affordable for the countries whose
# names come transliterated (Iraq 186 towns, Pakistan 578, Russia 5,390), not for the
# 25,000 of the United States, whose names are written one way.
_TOWNS_TO_SPELL = 6_000
_SKELETON_MIN = 3  # consonants: two ("Sa'sa", "ss") match too many towns of a country
# The Arabic article as transliterations write it ("al-", "el ", "ad-", "ash "), and the
# GeoNames prefix of a sub-district ("Nahiyat al ..."): spellings keep or drop them at will.
_ARTICLE_PREFIX = re.compile(
    r"^(?:nahiyat\s+|markaz\s+|qadaa?\s+)?(?:al|el|ash|a[dnrstz])[\s-]+(?=\w)"
)


# the skeletons of the towns of a few countries' worth, kept between analyses: the same towns
# are compared again in every article that names a place of those countries
_SKELETONS_KEPT = 65_536


# Letters that romanisations of one Arabic or Persian letter differ on ("kh" or "h" for kha,
# "q" or "k" for qaf, "dh" or "d" for dhal/dad, "th" or "t" for tha, "gh" or "g" for ghayn)
_DIGRAPHS = (("kh", "h"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("q", "k"))


class Names:
    """Looks names up in a gazetteer, each (name, country) once."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._found: dict[tuple[str, str], Place | None] = {}

    def lookup(self, name: str, country: str) -> Place | None:
        """The place ``name`` names, preferring one in ``country``; ``None`` if the gazetteer
        knows none (or none there, when ``country`` is given and the name is a town's)."""
        key = (name, country)
        if key not in self._found:
            self._found[key] = self._lookup(name, country)
        return self._found[key]

    def _lookup(self, name: str, country: str) -> Place | None:
        keys = _variants(name)
        hits = self.gazetteer.lookup(keys)
        for key in keys:  # the spelling as written first, then its variants
            places = sorted(
                {
                    h.place.id: h.place for h in hits.get(key, ()) if h.place.kind in _USABLE
                }.values(),
                key=lambda p: -p.population,
            )
            if country:
                inside = [p for p in places if p.country_code == country]
                if inside:
                    return inside[0]
            elif places:
                return places[0]
        if country:
            return self._transliterated(name, country) or self._large(keys, hits)
        return None

    @staticmethod
    def _large(keys: list[str], hits: dict[str, tuple[NameHit, ...]]) -> Place | None:
        """A country or a province of the name, wherever it is (a town of the name in
        another country is not the one meant)."""
        for key in keys:
            for h in hits.get(key, ()):
                if h.place.kind in (PlaceKind.COUNTRY, PlaceKind.ADMIN1):
                    return h.place
        return None

    def _transliterated(self, name: str, country: str) -> Place | None:
        """The town of ``country`` whose name is another spelling of ``name``: "Mahmudiyah"
        for Al Mahmudiyah, "Tel Abyad" for Tall Abyad (see :func:`_skeleton`)."""
        wanted = _skeleton(name)
        if len(wanted) < _SKELETON_MIN:
            return None
        towns = self.gazetteer.towns_of(country, _TOWNS_TO_SPELL)
        matches = [p for p in towns if _skeleton(p.name) == wanted]
        return max(matches, key=lambda p: p.population) if matches else None


def _variants(name: str) -> list[str]:
    """The keys a name may be filed under: as written, without a head noun ("Lubumbashi
    city"), and with or without the Arabic article ("al-Tall", "Tall")."""
    words = name.split()
    forms = {name}
    if len(words) > 1 and words[-1].lower() in PLACE_HEADS:
        forms.add(" ".join(words[:-1]))
    for form in list(forms):
        bare = _ARABIC_ARTICLE.sub("", form)
        forms.update(
            {
                bare,
                "al " + bare,
                form.replace("-", " "),
                form.replace(" ", "-"),
                form.replace(" ", ""),
            }
        )
    return sorted({name_key(f) for f in forms if f.strip()})


@lru_cache(maxsize=_SKELETONS_KEPT)
def _skeleton(name: str) -> str:
    """The consonants of a transliterated name, without its article, doubled letters and a
    final "h" after a vowel: the part that spellings of one Arabic, Persian or Somali name
    share ("Mahmudiyah" and "Al Mahmudiyah", "Tel Abyad" and "Tall Abyad", "Bur Hakaba" and
    "Buurhakaba").

    >>> _skeleton("Al Maḩmūdīyah"), _skeleton("Mahmudiyah"), _skeleton("Tall Abyaḑ")
    ('mhmd', 'mhmd', 'tlbd')
    """
    key = _ARTICLE_PREFIX.sub("", name_key(name))
    key = re.sub(r"[^a-z]", "", key)
    for digraph, letter in _DIGRAPHS:  # one Arabic letter, written two ways: Sakhnin, Sahnin
        key = key.replace(digraph, letter)
    key = re.sub(r"(?<=[aeiou])h$", "", key)
    key = re.sub(r"[aeiouy]", "", key)
    return re.sub(r"(.)\1+", r"\1", key)
