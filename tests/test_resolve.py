"""Disambiguation by the document's own evidence."""

from conftest import mentions_of

import geo
from geo.models import PlaceKind


def test_paris_texas_is_not_paris_france(gazetteer: geo.Gazetteer, paris_texas: str) -> None:
    analysis = geo.analyze(paris_texas, gazetteer)
    paris = mentions_of(analysis, "Paris")
    assert len(paris) == 2
    for m in paris:  # one sense per discourse: the second "Paris" follows the first
        assert m.place is not None and m.place.country_code == "US"
        assert m.place.admin1 == "US-TX"
    (texas,) = mentions_of(analysis, "Texas")
    assert texas.place is not None and texas.place.kind is PlaceKind.ADMIN1


def test_plain_paris_is_in_france(gazetteer: geo.Gazetteer) -> None:
    (m,) = geo.analyze("Protesters marched through Paris on Saturday.", gazetteer).mentions
    assert m.place is not None and m.place.country_code == "FR"
    assert m.confidence > 0.5
    assert len(m.candidates) > 1  # the alternatives are kept


def test_moscow_idaho_when_the_article_says_so(gazetteer: geo.Gazetteer, moscow_idaho: str) -> None:
    analysis = geo.analyze(moscow_idaho, gazetteer)
    for m in mentions_of(analysis, "Moscow"):
        assert m.place is not None and m.place.admin1 == "US-ID"


def test_candidates_are_ranked_with_confidences_that_sum_to_at_most_one(
    gazetteer: geo.Gazetteer,
) -> None:
    (m,) = geo.analyze("He grew up in Springfield.", gazetteer).mentions
    confidences = [c.confidence for c in m.candidates]
    assert confidences == sorted(confidences, reverse=True)
    assert sum(confidences) <= 1.0001
    assert m.confidence == confidences[0]


def test_county_and_state_abbreviations(gazetteer: geo.Gazetteer) -> None:
    text = "The fire in Metcalfe County, Ky., spread to Edmonton, Ky., on Friday."
    analysis = geo.analyze(text, gazetteer)
    county = mentions_of(analysis, "Metcalfe County")[0]
    assert county.place is not None and county.place.kind is PlaceKind.COUNTY
    edmonton = mentions_of(analysis, "Edmonton")[0]
    assert edmonton.place is not None and edmonton.place.admin1 == "US-KY"
    assert all(m.place.id == "admin1:US-KY" for m in mentions_of(analysis, "Ky."))  # type: ignore[union-attr]


def test_dateline_in_capitals(gazetteer: geo.Gazetteer) -> None:
    text = "EDMONTON — Alberta's premier said Monday that the budget would be balanced."
    analysis = geo.analyze(text, gazetteer)
    (dateline,) = mentions_of(analysis, "EDMONTON")
    assert dateline.mention.form is geo.MentionForm.DATELINE
    assert dateline.place is not None and dateline.place.country_code == "CA"


def test_a_region_after_its_town_is_a_location_not_a_government(gazetteer: geo.Gazetteer) -> None:
    text = (
        "A couple from Melville, Sask. believes the cat is theirs. Washington said it would help."
    )
    analysis = geo.analyze(text, gazetteer)
    (sask,) = mentions_of(analysis, "Sask.")
    assert sask.reference is geo.Reference.LOCATION
    (washington,) = mentions_of(analysis, "Washington")
    assert washington.reference is geo.Reference.ORGANISATION


def test_an_alternate_spelling_is_no_evidence_of_the_country(gazetteer: geo.Gazetteer) -> None:
    """ "Nowshehra" is an alternate spelling of a small Indian town as well as of Nowshera,
    Pakistan: taken as the article's country, it turned the capital into the Indian town
    that Islamabad is also a name of."""
    text = "Nowshehra, a major city about 120 km northwest of the capital, Islamabad, was hit."
    a = geo.analyze(text, gazetteer)
    (islamabad,) = [m for m in a.mentions if m.text == "Islamabad"]
    assert islamabad.place is not None and islamabad.place.country_code == "PK"


def test_a_local_story_keeps_its_homonyms_at_home(gazetteer: geo.Gazetteer) -> None:
    """A county that a dozen states have ("Henry County") and a town with a famous namesake
    ("Paris") anchor each other where they lie together: Paris, Tennessee, in Henry County."""
    text = "The Henry County sheriff said deputies in Paris found the stolen car on Monday."
    county, town = geo.analyze(text, gazetteer).mentions
    assert county.place is not None and county.place.admin1 == "US-TN"
    assert town.place is not None and town.place.admin1 == "US-TN"
    assert town.place.name == "Paris"


def test_an_international_story_stays_international(gazetteer: geo.Gazetteer) -> None:
    text = "Tourists in Paris and Rome were stranded as air traffic controllers walked out."
    assert [m.place.country_code for m in geo.analyze(text, gazetteer).mentions if m.place] == [
        "FR",
        "IT",
    ]


def test_a_town_written_with_its_state_never_moves_to_another_state(
    gazetteer: geo.Gazetteer,
) -> None:
    """The gazetteer has no Holliday in Missouri (under 500 people); the Holliday it has is
    in Texas. "HOLLIDAY, Mo." stays a mention without coordinates, not a Texan town."""
    town, state = geo.analyze("HOLLIDAY, Mo. (AP) — A crash killed two.", gazetteer).mentions
    assert town.text == "HOLLIDAY" and town.place is None
    assert state.place is not None and state.place.admin1 == "US-MO"
    paris, _ = geo.analyze("Police in Paris, Tenn., said the road was shut.", gazetteer).mentions
    assert paris.place is not None and paris.place.admin1 == "US-TN"
