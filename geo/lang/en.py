"""English: the words that name events in news, and the rules that inflect them.

The word lists were written from the event types of PLOVER and ACLED (see ``geo.ontology``)
and from how English news names those events, not taken from any evaluation text. Each type
lists its verbs and its nouns:

- a verb is its lemma, and gives every form: "kill" gives kill, kills, killed, killing and
  killings (``geo.lang.en_forms``: regular rules, an irregular table, and the verbs that
  double their last consonant). A passive ("were killed in") or a
  participle clause ("..., killing eight") is found by the same forms.
- a verb written ``~shell`` gives only its past and ``-ing`` forms (shelled, shelling): its
  plain and ``-s`` forms are mostly a noun of another meaning ("artillery shells", "targets").
  Its plain form is a verb after "to" or a modal ("would target", "to storm"); written
  ``^find``, never (its plain form names no event: "to find a way").
- a noun gives itself and its plural ("clash", "clashes"); ``=dead`` is that form only.
- a pair ("open fire", "take hostage") is two words naming one event; the first word is a
  verb and takes all its forms ("opened fire"), unless written ``=hunger strike``. A few words
  may stand between the two in a text ("blew himself up", "beaten to death").

Spellings in -ise also give -ize, and -isation -ization ("mobilise", "mobilize").
"""

from __future__ import annotations

from types import MappingProxyType

from geo.lang import EventLexicon, Support
from geo.lang.en_attribution import ATTRIBUTION
from geo.lang.en_forms import noun_forms, past_forms, spellings, verb_forms
from geo.lang.en_roles import ROLES
from geo.models import PlaceKind
from geo.ontology import Action

__all__ = ["EVENTS", "PLACE_NOUNS", "build_events"]

# Nouns that say what sort of place a name is, written before it ("the village of X", "the
# towns of X and Y") or after it ("X village", "X Governorate"), each with its plural and the
# kind of place it names; "_" joins the words of a compound. Written from the administrative
# and landscape vocabulary of gazetteers (GeoNames feature classes, ISO 3166-2 subdivision
# names), not from any evaluation text.
_PLACE_NOUNS: dict[PlaceKind, str] = {
    PlaceKind.CITY: "village town city hamlet settlement township suburb neighbourhood "
    "neighborhood locality quarter",
    PlaceKind.COUNTY: "district sub-district subdistrict county municipality commune "
    "prefecture tehsil upazila local_government lga local_council",
    PlaceKind.ADMIN1: "province governorate oblast state",
    PlaceKind.REGION: "area region valley countryside",
    PlaceKind.LANDMARK: "mountain hill hilltop peninsula island gorge desert plateau forest",
    PlaceKind.WATER: "river lake",
    PlaceKind.FACILITY: "camp refugee_camp airport air_base airbase checkpoint power_plant "
    "gas_field oil_field dam hospital market mosque stadium park",
}


def _place_nouns() -> MappingProxyType[str, PlaceKind]:
    nouns: dict[str, PlaceKind] = {}
    for kind, words in _PLACE_NOUNS.items():
        for word in words.split():
            nouns.update((form.replace("_", " "), kind) for form in noun_forms(word))
    return MappingProxyType(nouns)


# (verbs, nouns) of each event type.
_TYPES: dict[Action, tuple[str, str]] = {
    Action.DEPART: ("depart leave ~board", "departure"),
    Action.ARRIVE: ("arrive ~reach ~land return enter", "arrival"),
    Action.TRAVEL: ("travel fly sail ~cross ~head ~drive ~move ~ride ~rush", "trip journey "
                    "flight voyage =carrying"),
    Action.MEET: ("meet", "summit forum conference"),
    Action.VISIT: ("visit tour", ""),
    # (with the reporting verbs: CAMEO's "make statement"; PLOVER does not code them)
    Action.STATEMENT: ("announce declare proclaim claim say tell report confirm ~add ~note "
                       "~stress ~quote ~state speak insist explain acknowledge admit comment "
                       "remark", "statement announcement declaration speech communique "
                       "proclamation"),
    Action.OBSERVE: ("~spot ~sight", "=saw =seen"),
    Action.CONSULT: ("talk negotiate consult confer discuss mediate ~host", "negotiation "
                     "consultation discussion mediation dialogue"),
    Action.ATTACK: ("attack strike ~shell ~bomb bombard raid ~storm ambush invade ~target hit "
                    "~pound ~fire besiege encircle infiltrate retaliate counterattack ram ~gas "
                    "~hack",
                    "airstrike bombardment invasion incursion offensive counteroffensive siege "
                    "onslaught barrage sortie aggression advance"),
    Action.EXPLOSION: ("explode detonate blast", "explosion detonation bomb bomber landmine "
                       "grenade =ied =ieds"),
    Action.FIGHT: ("fight clash battle skirmish repel repulse ~engage", "combat firefight gunfight "
                   "gunbattle shootout hostility war warfare insurgency uprising rebellion "
                   "confrontation"),
    Action.KILL: ("kill murder assassinate execute behead decapitate massacre slaughter slay "
                  "lynch strangle", "assassination execution homicide bloodshed manslaughter "
                  "genocide =hanged"),
    Action.ASSAULT: ("assault beat stab shoot torture rape flog whip mutilate harass molest",
                     "gunfire gunshot violence harassment"),
    Action.INJURE: ("injure wound hurt maim", "injury casualty"),
    Action.DIE: ("die perish drown succumb", "death fatality =dead"),
    Action.ABDUCT: ("abduct kidnap hijack", "abduction hostage"),
    Action.DESTROY: ("destroy damage burn torch raze demolish loot vandalise ransack sabotage "
                     "bulldoze plunder pillage rob steal", "destruction arson vandalism "
                     "demolition robbery theft"),
    Action.SEIZE: ("seize capture recapture occupy overrun retake annex conquer confiscate "
                   "liberate regain impound oust topple overthrow depose", "seizure occupation "
                   "annexation takeover coup liberation confiscation"),
    Action.ARREST: ("arrest detain apprehend jail imprison incarcerate nab remand",
                    "detention custody imprisonment"),
    Action.RESTRICT: ("ban restrict blockade deport extradite censor outlaw disperse evict "
                      "cancel postpone ~block",
                      "restriction "
                      "curfew deportation extradition censorship crackdown lockdown"),
    Action.PROTEST: ("protest demonstrate march rally picket boycott", "demonstration "
                     "protester protestor demonstrator marcher vigil walkout"),
    Action.RIOT: ("riot rampage", "rioter unrest mob disturbance"),
    Action.MOBILIZE: ("mobilise deploy redeploy patrol ~station ~mass reinforce dispatch",
                      "deployment mobilisation buildup reinforcement manoeuvre maneuver drill"),
    Action.SANCTION: ("sanction embargo expel blacklist sever suspend", "expulsion suspension"),
    Action.THREATEN: ("threaten warn", "threat warning ultimatum"),
    Action.ACCUSE: ("accuse blame condemn denounce criticise sue complain", "accusation "
                    "allegation condemnation criticism complaint lawsuit"),
    Action.PROSECUTE: ("prosecute indict convict acquit impeach ~sentence ~charge", "trial "
                       "prosecution indictment conviction verdict impeachment"),
    Action.INVESTIGATE: ("investigate probe inquire enquire search identify", "investigation "
                         "inquiry enquiry inquest manhunt"),
    Action.DEMAND: ("demand urge appeal request plead petition", "plea"),
    Action.REJECT: ("reject refuse veto defy deny", "rejection refusal denial"),
    Action.AGREE: ("agree pledge promise vow offer accept", "agreement accord deal pact treaty"),
    Action.COOPERATE: ("cooperate collaborate ~sign ratify", "cooperation collaboration "
                       "partnership alliance ratification"),
    Action.SUPPORT: ("support endorse praise welcome congratulate commend apologise",
                     "endorsement apology"),
    Action.AID: ("aid assist donate rescue ~supply airlift", "assistance relief donation asylum"),
    Action.RELEASE: ("release ~free pardon repatriate", "amnesty repatriation"),
    Action.WITHDRAW: ("withdraw retreat surrender disarm demobilise abandon", "withdrawal "
                      "ceasefire truce armistice disarmament pullout"),
    Action.THWART: ("defuse foil thwart intercept prevent", ""),
    Action.CONCEDE: ("concede resign relent capitulate defect", "resignation concession "
                     "defection"),
    Action.ELECT: ("elect vote reelect inaugurate", "election referendum ballot inauguration "
                   "runoff =polls =polling"),
    Action.EVACUATE: ("evacuate flee escape displace", "evacuation exodus displacement"),
    Action.DISASTER: ("flood", "volcano earthquake quake tremor aftershock storm hurricane "
                      "typhoon cyclone tornado tsunami landslide mudslide avalanche eruption "
                      "wildfire bushfire fire blaze drought famine heatwave blizzard outbreak "
                      "epidemic pandemic disaster catastrophe"),
    Action.ACCIDENT: ("crash collide derail capsize sink collapse overturn spill", "accident "
                      "collision derailment stampede shipwreck"),
    Action.DISCOVER: ("^find discover uncover unearth", "discovery"),
    Action.MOURN: ("mourn bury", "funeral burial mourner"),
    Action.INCIDENT: ("", "incident operation campaign mission"),
}  # fmt: skip

# Two words naming one event: the first a verb in any form ("opened fire", "were taken
# hostage"), or, after "=", a noun ("hunger strikes").
_PAIRS: dict[Action, str] = {
    Action.ATTACK: "open fire, shoot down, break into, =under fire, lay siege",
    Action.EXPLOSION: "blow up, go off, set off",
    Action.DISASTER: "catch fire",
    Action.DIE: "find dead, lose life, lose lives",
    Action.FIGHT: "exchange fire",
    Action.KILL: "gun down, shoot dead, beat to death, stab to death, hack to death, "
    "burn to death, stone to death, club to death, bludgeon to death, torture to death, "
    "starve to death",
    Action.ABDUCT: "take hostage, take captive, hold hostage, hold captive, go missing",
    Action.DESTROY: "set fire, set ablaze",
    Action.SEIZE: "take over, take control",
    Action.ARREST: "round up",
    Action.RESTRICT: "crack down, =martial law",
    Action.PROTEST: "=hunger strike, =general strike, =on strike, go on strike, "
    "take to the streets",
    Action.PROSECUTE: "find guilty",
    Action.DEMAND: "call for, call on",
    Action.RELEASE: "hand over, set free",
    Action.WITHDRAW: "pull out, pull back, cease fire",
    Action.CONCEDE: "step down, back down",
    Action.ELECT: "swear in",
}

# Support verbs: they name an event together with an event noun ("launched an airstrike",
# "carried out raids", "clashes broke out", "the blast occurred"), and nothing without one.
_SUPPORTS: dict[Support, tuple[str, str]] = {
    # the noun follows: doing, starting, going on with, suffering or causing an event
    Support.OBJECT: (
        "launch conduct stage mount wage hold make pay issue impose organise lead begin start "
        "resume continue renew unleash deliver order send drop throw plant commit perpetrate "
        "initiate witness survive suffer sustain inflict cause spark trigger provoke prompt "
        "attend",
        "carry out, step up, engage in, come under",
    ),
    # the noun comes first: an event happening
    Support.SUBJECT: (
        "occur happen erupt rage escalate intensify flare come rock ravage lash batter aim bring",
        "take place, break out, go on, rip through, tear through, flare up",
    ),
}
# Support verbs that, without an event noun, still say that something happened: an incident
# ("take" only as "took place": alone it is no support verb)
_OCCURRENCES = "occur happen erupt take"
# Forms of "be": with an event noun before or after them they name its event ("the attack was
# on a market", "there were clashes"); before a verb they are its auxiliary ("were killed").
_COPULAS = "be am is are was were been being"
# What a copula says of how sure an event is, which the trigger must leave outside
_UNSURE = "possible likely unlikely expected due set scheduled planned"
# Verbs completed by an event verb after a marker, which make one trigger with it, of the
# second verb's type ("managed to recapture", "aimed at foiling", "succeeded in capturing").
# (Not "plan to", "threaten to": they tell that it has not happened, before the trigger.)
_CATENATIVES = {
    "to": "manage try attempt fail seek force",
    "at": "aim",
    "in": "succeed",
    "by": "respond",
}
# Words a support verb does not look across for its noun: they open another clause ...
_CLAUSE_BREAKS = (
    "that which who whom whose when while where whereas because although though if unless "
    "until since after before as than but"
)
# ... and, looking ahead, prepositions: its object is not inside a prepositional phrase
# ("talks continued during the trip"), though its subject may be ("clashes between troops
# and rebels broke out"). ("A wave of strikes": "of" is inside the noun phrase.)
_PREPOSITIONS = (
    "in on at to into onto from for with without within by during amid against despite over "
    "under near through across around toward towards between among about off"
)

# Demonyms that, right before an attack, name who attacked ("a Russian offensive"); matched as
# written, capitalised. A short list kept since the first event stage; the gazetteer's own
# demonyms (data/demonyms.csv) are the full one.
_ATTACKER_DEMONYMS = (
    "Russian Ukrainian American Chinese Israeli Iranian Syrian Turkish British French German "
    "Japanese Indian Pakistani Saudi Palestinian"
)


def _type_forms(verbs: str, nouns: str) -> tuple[list[str], list[str]]:
    """All word forms of one type's lists, and those that are past participles."""
    forms: list[str] = []
    participles: list[str] = []
    for entry in verbs.split():
        past_only = entry.startswith(("~", "^"))
        for lemma in spellings(entry.lstrip("~^")):
            forms.extend(verb_forms(lemma, past_only=past_only))
            participles.extend(past_forms(lemma))
    for entry in nouns.split():
        if entry.startswith("="):
            forms.append(entry[1:])
        else:
            for noun in spellings(entry):
                forms.extend(noun_forms(noun))
    return forms, participles


def _pair_forms(spec: str) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for phrase in spec.split(","):
        first, *_, second = phrase.split()  # (the words between are there to be read)
        if first.startswith("="):
            pairs.extend((first[1:], s) for s in noun_forms(second))
        else:
            pairs.extend((f, second) for f in verb_forms(first) if not f.endswith("ings"))
    return pairs


def build_events() -> EventLexicon:
    """The English event lexicon. A word form named by two types is an error in the lists.

    >>> lexicon = build_events()
    >>> lexicon.words["killed"], lexicon.words["protesters"], lexicon.words["fled"]
    (<Action.KILL: 'kill'>, <Action.PROTEST: 'protest'>, <Action.EVACUATE: 'evacuate'>)
    >>> lexicon.pairs["opened", "fire"]
    <Action.ATTACK: 'attack'>
    """
    words: dict[str, Action] = {}
    participles: set[str] = set()
    for action, (verbs, nouns) in _TYPES.items():
        forms, past = _type_forms(verbs, nouns)
        participles.update(past)
        for form in forms:
            if words.setdefault(form, action) is not action:
                raise ValueError(f"{form!r} is both {words[form].value} and {action.value}")
    pairs = {pair: action for action, spec in _PAIRS.items() for pair in _pair_forms(spec)}
    bare = {
        lemma: action
        for action, (verbs, _) in _TYPES.items()
        for entry in verbs.split()
        if entry.startswith("~")
        for lemma in spellings(entry[1:])
    }
    supports: dict[str, Support] = {}
    support_pairs: dict[tuple[str, str], Support] = {}
    for kind, (verbs, phrases) in _SUPPORTS.items():
        forms, past = _type_forms(verbs, "")
        supports.update(dict.fromkeys(forms, kind))
        support_pairs.update(dict.fromkeys(_pair_forms(phrases), kind))
        participles.update(past, *(past_forms(p.split()[0]) for p in phrases.split(",")))
    if clash := supports.keys() & words.keys():
        raise ValueError(f"support verbs that are also event words: {sorted(clash)}")
    copulas = frozenset(_COPULAS.split())
    supports.update(dict.fromkeys(copulas, Support.SUBJECT))
    verb_words = words.keys() | supports.keys() | {a for a, _ in (*pairs, *support_pairs)}
    verb_set = {
        form
        for lemmas, _ in (*_TYPES.values(), *_SUPPORTS.values())
        for entry in lemmas.split()
        for lemma in spellings(entry.lstrip("~^"))
        for form in verb_forms(lemma, past_only=entry.startswith(("~", "^")))
        if not form.endswith("ings")
    }
    verb_set.update(
        form
        for spec in (*_PAIRS.values(), *(phrases for _, phrases in _SUPPORTS.values()))
        for phrase in spec.split(",")
        if not phrase.strip().startswith("=")
        for form in verb_forms(phrase.split()[0])
    )
    noun_set = {
        form
        for _, entries in _TYPES.values()
        for entry in entries.split()
        for noun in spellings(entry.lstrip("="))
        for form in (noun_forms(noun) if not entry.startswith("=") else (noun,))
    }
    occurrences = {f for lemma in _OCCURRENCES.split() for f in verb_forms(lemma)}
    catenatives: dict[str, set[str]] = {}
    for marker, lemmas in _CATENATIVES.items():
        for lemma in lemmas.split():
            for form in verb_forms(lemma):
                catenatives.setdefault(form, set()).add(marker)
    return EventLexicon(
        words=MappingProxyType(words),
        pairs=MappingProxyType(pairs),
        supports=MappingProxyType(supports),
        support_pairs=MappingProxyType(support_pairs),
        # (hit and strike: of the event before them, "a car bomb struck", else attacks)
        impacts=frozenset((*past_forms("hit"), *past_forms("strike"), "hits", "hitting")),
        pair_firsts=frozenset(a for a, _ in (*pairs, *support_pairs)),
        heads=frozenset(verb_words | bare.keys()),
        bare_verbs=MappingProxyType(bare),
        bare_markers=frozenset(
            "to will would can could may might must should shall not did do does".split()
        ),
        pair_gap=3,  # "set 28 homes ablaze", "blew himself up", "opened indiscriminate fire"
        support_reach=5,  # "launched a fresh wave of airstrikes"
        clause_breaks=frozenset(_CLAUSE_BREAKS.split()),
        relativizers=frozenset({"that", "which"}),
        prepositions=frozenset(_PREPOSITIONS.split()),
        coordinators=frozenset({"and", "or", "then"}),
        event_links=frozenset(
            "in during after amid following by when as while with from through".split()
        ),
        determiners=frozenset("the a an this that these those his her its their our".split()),
        participles=frozenset(participles & verb_words),
        passive_auxiliaries=frozenset(
            "be is are was were been being am get gets got gotten getting".split()
        ),
        passive_adverbs=frozenset("not also later then never just all both reportedly".split()),
        adverb_suffix="ly",
        perfect_auxiliaries=frozenset("has have had having".split()),
        agent_marker="by",
        infinitive_marker="to",
        place_nouns=PLACE_NOUNS,
        not_before=MappingProxyType(
            {
                # "the meeting is possible": how sure it is, read after the trigger
                **dict.fromkeys(copulas, frozenset(_UNSURE.split())),
                # "the left bank", "left behind", "left four dead": no departure
                "left": frozenset(
                    "bank wing side hand behind over alone unclear open dead injured wounded "
                    "homeless at many several dozens hundreds thousands scores one two three "
                    "four five six seven eight nine ten".split()
                ),
                # "found that", "found itself": no discovery
                "found": frozenset("that itself themselves himself herself it out".split()),
                # the service, not a fire
                "fire": frozenset("department brigade service station chief engine".split()),
                # the people and bodies of aid, not aid given ("aid workers were killed")
                "aid": frozenset("worker workers agency agencies group groups".split()),
            }
        ),
        capitalised_not=frozenset({"march"}),  # the month
        object_first=frozenset({"carrying"}),
        verb_heads=frozenset(verb_set | bare.keys()),
        auxiliaries=frozenset(
            "be is are was were been being am get gets got gotten getting has have had "
            "having".split()
        ),
        hedges=frozenset("not never possibly probably likely".split()),
        catenatives=MappingProxyType({k: frozenset(v) for k, v in catenatives.items()}),
        copulas=copulas,
        event_nouns=frozenset(noun_set),
        existential="there",
        occurrences=frozenset(occurrences),
        results=frozenset({"left"}),
        attacker_demonyms=frozenset(_ATTACKER_DEMONYMS.split()),
        roles=ROLES,
        attribution=ATTRIBUTION,
    )


PLACE_NOUNS = _place_nouns()
EVENTS = build_events()
