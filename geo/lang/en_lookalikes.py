"""English words around a place name that make it something else: a currency ("US$"), a
disease ("Marburg virus"), a storm ("Hurricane Florence"), a team ("Dallas Cowboys"), a person
speaking ("Lincoln said"). Written from English usage and news style (``geo.lookalikes``)."""

from __future__ import annotations

__all__ = [
    "DEDICATION_LEADS",
    "DISEASE_WORDS",
    "INSTITUTION_HEADS",
    "PLURAL_PLACE_NOUNS",
    "RELIGIOUS_HEADS",
    "SAINT_WORDS",
    "SPEECH_VERBS",
    "STORM_WORDS",
]

# After a name: the disease, virus or variant named after a place ("West Nile virus", "Lassa
# fever", "Lyme disease", "Spanish flu", "the Kent variant").
DISEASE_WORDS = frozenset(
    "virus viruses fever disease flu influenza syndrome encephalitis pox strain variant "
    "outbreak".split()
)

# Before a name: a storm's name ("Hurricane Florence", "Tropical Storm Florence", "Typhoon
# Haiyan", "Cyclone Idai").
STORM_WORDS = frozenset("Hurricane Storm Typhoon Cyclone Tornado".split())

# Plural nouns that continue a place's name as a place ("Golan Heights", "Niagara Falls",
# "Canary Islands"): after a place name, any other capitalised plural makes a team, a paper or
# a company ("Dallas Cowboys", "Los Angeles Times", "Texas Instruments").
PLURAL_PLACE_NOUNS = frozenset(
    "Islands Isles Keys Mountains Hills Heights Highlands Lowlands Falls Springs Lakes Rapids "
    "Narrows Plains Flats Shoals Banks Sands Dunes Rocks Woods Fields Meadows Glades Downs "
    "Gardens Estates Acres Oaks Pines Palms Commons Towers Apartments Straits Territories "
    "Provinces States Emirates Valleys Marshes Wetlands Everglades Cays Reefs Bluffs Cliffs "
    "Forks Crossroads Halls Villas Grounds Docks Quarters Mills Wells Bridges Gates".split()
)

# A one-word name that speaks is a person ("Lincoln said"); a major place that speaks is its
# government (metonymy, judged elsewhere).
SPEECH_VERBS = frozenset(
    "said says told tells added adds wrote writes argued argues declared declares insisted "
    "insists replied replies recalled recalls testified testifies tweeted".split()
)

# A saint's name that a church, a feast or an order is dedicated to is no town ("the church of
# St. Peter and St. Paul", "St. Paul's Cathedral", "Saint Paul Coptic Orthodox Church"; the
# towns of Minnesota are named after the same saints).
SAINT_WORDS = frozenset("St St. Saint Ste Ste. Sainte Santa Santo San São Sao".split())
RELIGIOUS_HEADS = frozenset(
    "Church Cathedral Chapel Basilica Abbey Monastery Priory Convent Shrine Minster Parish "
    "Oratory Seminary".split()
)
# the words before a dedication, lower-case, the last first ("church of" is "of", "church")
DEDICATION_LEADS = frozenset(
    "church cathedral chapel basilica abbey monastery priory convent shrine parish feast "
    "order oratory brotherhood sisters".split()
)

# A name that ends in one of these words and goes on with "for" or "of" is an institution's
# ("the University of Michigan Center for Computer Security" is no Michigan Center, Michigan).
INSTITUTION_HEADS = frozenset(
    "Center Centre Institute Foundation Council Society Association Academy College School "
    "Department Committee Commission Agency Office Bureau Board Fund Program Programme".split()
)
