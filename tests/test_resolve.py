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


def test_a_local_telephone_number_tells_the_story_s_region(gazetteer: geo.Gazetteer) -> None:
    # the shape of a Canadian local crime report: a city that shares its name with a capital,
    # and the number to call, whose area code (519) is south-western Ontario
    story = ("A man was stabbed at a banquet hall early Sunday, London police say.\n"
             "Anyone with information is asked to call London police at 519-661-5670 or Crime "
             "Stoppers at 1-800-222-8477.")  # fmt: skip
    for m in mentions_of(geo.analyze(story, gazetteer), "London"):
        assert m.place is not None and m.place.admin1 == "CA-ON"
    # a toll-free number says nothing, and without the area code London is the capital
    plain = story.replace("519-661-5670", "1-888-310-1122")
    for m in mentions_of(geo.analyze(plain, gazetteer), "London"):
        assert m.place is not None and m.place.country_code == "GB"


def test_a_county_abbreviated_in_a_local_dateline(gazetteer: geo.Gazetteer) -> None:
    text = ("PLYMOUTH CO. - A suspect in a farm auction theft near Hinton has been "
            "apprehended, the sheriff's office said.")  # fmt: skip
    (county,) = mentions_of(geo.analyze(text, gazetteer), "PLYMOUTH CO.")
    assert county.place is not None and county.place.kind is PlaceKind.COUNTY
    assert county.place.admin1 == "US-IA"  # beside Hinton, Iowa, not Plymouth, Massachusetts


def test_saints_that_churches_are_named_after_are_no_towns(gazetteer: geo.Gazetteer) -> None:
    text = ("The blast hit the small church of St. Peter and St. Paul next to St. Mark's "
            "Cathedral in Cairo. Mourners gathered at the Saint Peter and Saint Paul Coptic "
            "Orthodox Church on Monday.")  # fmt: skip
    analysis = geo.analyze(text, gazetteer)
    american = [m for m in analysis.resolved if m.place and m.place.country_code == "US"]
    assert not american
    (church,) = mentions_of(analysis, "Saint Paul Coptic Orthodox Church")
    assert church.place is not None and church.place.country_code == "EG"
    # a saint's town is still a town where no church is named after the saint
    (town,) = geo.analyze("The storm reached St. Paul on Monday.", gazetteer).mentions
    assert town.place is not None and town.place.admin1 == "US-MN"


def test_a_district_stands_at_the_town_the_text_gives_it_to(gazetteer: geo.Gazetteer) -> None:
    text = ("Two bombs killed six police officers in Giza's Haram district on Friday. On "
            "Sunday a blast in Cairo hit a church in the city's Abbassiya district.")  # fmt: skip
    analysis = geo.analyze(text, gazetteer)
    (haram,) = mentions_of(analysis, "Haram")  # not Haram, Norway
    (giza,) = mentions_of(analysis, "Giza")
    assert haram.place is not None and giza.place is not None
    assert haram.place.coordinate == giza.place.coordinate
    assert haram.confidence < giza.confidence  # a district at its town is a rough position
    (abbassiya,) = mentions_of(analysis, "Abbassiya")
    (cairo,) = mentions_of(analysis, "Cairo")
    assert abbassiya.place is not None and cairo.place is not None
    assert abbassiya.place.coordinate == cairo.place.coordinate


def test_a_district_of_a_town_is_placed_at_that_town(gazetteer: geo.Gazetteer) -> None:
    analysis = geo.analyze("The blast hit the Karimiya district in Tripoli.", gazetteer)
    (district,) = mentions_of(analysis, "Karimiya")
    (town,) = mentions_of(analysis, "Tripoli")
    assert district.place is not None and town.place is not None
    assert district.place.coordinate == town.place.coordinate
    assert district.place.kind is PlaceKind.FACILITY and district.confidence < 0.5
    # "X suburb of Y" names the suburb Y: the town X is no district of it
    text = "Abdulkader, 22, from the Cincinnati suburb of West Chester, was sentenced."
    (city,) = mentions_of(geo.analyze(text, gazetteer), "Cincinnati")
    assert city.place is not None and city.place.kind is PlaceKind.CITY
    assert city.place.admin1 == "US-OH" and city.confidence > 0.5
    # ... and the suburb stands by its town, not at a namesake in Pennsylvania
    (suburb,) = mentions_of(geo.analyze(text, gazetteer), "West Chester")
    assert suburb.place is not None and suburb.place.admin1 == "US-OH"


def test_telephone_numbers_and_what_they_tell() -> None:
    from geo.phones import PhoneRegion, phone_regions

    text = ("Call (304) 399-6500, 1-519-661-5670 or +44 20 7946 0000; toll free 1-888-310-1122. "
            "The fair was 2016-12-11, 304 6500 people came; 5196615670 is no number.")  # fmt: skip
    assert phone_regions(text) == (
        PhoneRegion("US", "US-WV"),
        PhoneRegion("CA", "CA-ON"),
        PhoneRegion("GB", ""),
    )
    assert len(phone_regions("Call 212-555-0100. " * 10_000)) == 20  # a directory: the first ones


def test_two_names_that_are_neighbours_only_in_their_lesser_readings(
    gazetteer: geo.Gazetteer,
) -> None:
    # Edmonton (Alberta) and Enfield (Connecticut) are the likelier readings one by one; together
    # they are the neighbouring districts of north London
    text = ("Pupils pitched their creations to judges at a theatre in Edmonton. Enfield "
            "Council's head of culture sat on the panel.")  # fmt: skip
    (edmonton,) = mentions_of(geo.analyze(text, gazetteer), "Edmonton")
    assert edmonton.place is not None and edmonton.place.country_code == "GB"
    # one name alone keeps its likelier reading
    (alone,) = geo.analyze("Pupils pitched their creations in Edmonton.", gazetteer).resolved
    assert alone.place is not None and alone.place.country_code == "CA"


def test_a_building_named_after_its_town_is_in_the_town_the_story_means(
    gazetteer: geo.Gazetteer,
) -> None:
    text = ("PARIS, Texas (AP) — Services will be held at Paris New Generation Baptist Church "
            "on Saturday.")  # fmt: skip
    (church,) = mentions_of(geo.analyze(text, gazetteer), "Paris New Generation Baptist Church")
    assert church.place is not None and church.place.admin1 == "US-TX"


def test_a_common_word_written_with_its_state_is_the_town(gazetteer: geo.Gazetteer) -> None:
    text = "She spent six years as superintendent of the school district in Price, Utah."
    (price,) = mentions_of(geo.analyze(text, gazetteer), "Price")
    assert price.place is not None and price.place.admin1 == "US-UT"
    # the word alone, or with a state that has no town of that name, stays a word
    for text in ("The price rose in Utah.", "Price, Texas officials said, was the issue."):
        assert not mentions_of(geo.analyze(text, gazetteer), "Price")


def test_a_dateline_state_without_its_dot(gazetteer: geo.Gazetteer) -> None:
    for text, state in (
        ("EDMONTON, Ky (WBKO) -- One of the biggest fires in years burned on Tuesday.", "Ky"),
        ("LOUISVILLE, KY--(Marketwire - December 23, 2010) - The company said.", "KY"),
    ):
        analysis = geo.analyze(text, gazetteer)
        (found,) = mentions_of(analysis, state)
        assert found.place is not None and found.place.id == "admin1:US-KY"
        town = analysis.mentions[0]
        assert town.place is not None and town.place.admin1 == "US-KY"
    # elsewhere the letters are no state
    assert not geo.analyze("KY jelly and Ky are not places. Ky, he said.", gazetteer).mentions


def test_a_park_is_in_the_story_s_town_not_a_namesake_abroad(gazetteer: geo.Gazetteer) -> None:
    text = ("Organizers of a London rally for the people of Aleppo thanked Canada. More than "
            "200 people attended the rally in Victoria Park on Saturday. The imam of London "
            "said Canada had done much.")  # fmt: skip
    analysis = geo.analyze(text, gazetteer)
    (park,) = mentions_of(analysis, "Victoria Park")  # not in Hong Kong
    london = mentions_of(analysis, "London")[0]
    assert park.place is not None and london.place is not None
    assert london.place.admin1 == "CA-ON" and park.place.coordinate == london.place.coordinate


def test_a_name_written_once_with_its_state_keeps_that_reading(gazetteer: geo.Gazetteer) -> None:
    text = ("COLUMBIA, Ky. (WBKO) - A man was arrested after a shooting on a county road. "
            "Police say a 25-year-old of Columbia had a single gunshot wound.")  # fmt: skip
    for m in mentions_of(geo.analyze(text, gazetteer), "Columbia"):
        assert m.place is not None and m.place.admin1 == "US-KY"  # not the larger Columbias
