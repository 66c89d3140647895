"""What happens in the news: the event types newsmap recognises, and how each is coded in PLOVER
(the successor of CAMEO) and in ACLED.

The types are language-free; the words that name them in one language live in ``geo.lang``
(``geo.lang.en`` for English). PLOVER (Political Language Ontology for Verifiable Event
Records, the Open Event Data Alliance's ontology) has sixteen event types, some with modes
(shown in brackets); ACLED (Armed Conflict Location & Event Data) has six event types, each
with sub-event types. A dash means the ontology has no such event: PLOVER and ACLED code
political interaction and political violence, not travel, weather, accidents or deaths as such
(ACLED counts deaths as fatalities of the event that caused them).

===========  ===============================  ============================================
type         PLOVER type [mode]               ACLED event type / sub-event type
===========  ===============================  ============================================
depart       —                                —
arrive       —                                —
travel       —                                —
meet         CONSULT                          —
visit        CONSULT [visit]                  —
statement    —                                —
attack       ASSAULT [aerial, heavy-weapons]  Explosions/Remote violence / Shelling/
                                              artillery/missile attack (Air/drone strike)
observe      —                                —
consult      CONSULT (talks, mediation)       —
explosion    ASSAULT [explosives]             Explosions/Remote violence / Remote
                                              explosive/landmine/IED (Suicide bomb)
fight        ASSAULT [firearms]               Battles / Armed clash
kill         ASSAULT                          Violence against civilians / Attack
assault      ASSAULT [beat, torture, sexual]  Violence against civilians / Attack
                                              (Sexual violence)
injure       — (coded with its cause)         —
die          —                                — (fatalities of the event)
abduct       ASSAULT [abduct]                 Violence against civilians / Abduction/
                                              forced disappearance
destroy      ASSAULT [destroy]                Strategic developments / Looting/property
                                              destruction
seize        COERCE [seize]                   Battles / Non-state actor overtakes
                                              territory (Government regains territory)
arrest       COERCE [arrest]                  Strategic developments / Arrests
restrict     COERCE [ban, curfew, deport]     —
protest      PROTEST [demo, boycott, hunger]  Protests / Peaceful protest
riot         PROTEST [riot]                   Riots / Violent demonstration (Mob violence)
mobilize     MOBILIZE [troops, police]        Strategic developments / Other
sanction     SANCTION                         —
threaten     THREATEN                         —
accuse       ACCUSE [disapprove]              —
prosecute    ACCUSE (find guilty, sue)        —
investigate  ACCUSE [investigate]             —
demand       REQUEST                          —
reject       REJECT                           —
agree        AGREE                            Strategic developments / Agreement
cooperate    COOPERATE (sign: SUPPORT)        Strategic developments / Agreement
support      SUPPORT                          —
aid          AID                              —
release      RETREAT [release]                Strategic developments / Other
withdraw     RETREAT [withdraw, ceasefire]    Strategic developments / Non-violent
                                              transfer of territory (Agreement)
thwart       —                                Strategic developments / Disrupted weapons
                                              use
concede      CONCEDE                          —
elect        —                                —
evacuate     —                                —
disaster     —                                —
accident     —                                —
discover     —                                Strategic developments / Other
mourn        —                                —
incident     —                                —
===========  ===============================  ============================================

The same table is :data:`CODING`, one :class:`Coding` per type.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

__all__ = ["ACLED_TYPES", "CODING", "PLOVER_TYPES", "SAID", "Action", "Coding"]


class Action(StrEnum):
    """What an event is: the verb's meaning, one of a closed set."""

    # the first types newsmap knew, in their order (journeys are built from the first five)
    DEPART = "depart"
    ARRIVE = "arrive"
    TRAVEL = "travel"
    MEET = "meet"
    VISIT = "visit"
    STATEMENT = "statement"
    ATTACK = "attack"
    OBSERVE = "observe"
    CONSULT = "consult"
    # violence
    EXPLOSION = "explosion"
    FIGHT = "fight"
    KILL = "kill"
    ASSAULT = "assault"
    INJURE = "injure"
    DIE = "die"
    ABDUCT = "abduct"
    DESTROY = "destroy"
    # coercion and dissent
    SEIZE = "seize"
    ARREST = "arrest"
    RESTRICT = "restrict"
    PROTEST = "protest"
    RIOT = "riot"
    MOBILIZE = "mobilize"
    SANCTION = "sanction"
    THREATEN = "threaten"
    ACCUSE = "accuse"
    PROSECUTE = "prosecute"
    INVESTIGATE = "investigate"
    DEMAND = "demand"
    REJECT = "reject"
    # cooperation
    AGREE = "agree"
    COOPERATE = "cooperate"
    SUPPORT = "support"
    AID = "aid"
    RELEASE = "release"
    WITHDRAW = "withdraw"
    THWART = "thwart"
    CONCEDE = "concede"
    # civic life, displacement, disasters
    ELECT = "elect"
    EVACUATE = "evacuate"
    DISASTER = "disaster"
    ACCIDENT = "accident"
    DISCOVER = "discover"  # bodies, arms caches, mass graves found
    MOURN = "mourn"  # funerals and burials
    INCIDENT = "incident"  # an event the text does not type ("the incident", "the operation")


# Events that are things said: where they happened is where they were said, not where what
# they are about happened ("condemned the killing of a journalist in Tbilisi").
SAID = frozenset(
    {
        Action.STATEMENT,
        Action.ACCUSE,
        Action.DEMAND,
        Action.REJECT,
        Action.THREATEN,
        Action.SUPPORT,
        Action.AGREE,
    }
)
PLOVER_TYPES = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
    "SANCTION MOBILIZE COERCE ASSAULT".split()
)
ACLED_TYPES = frozenset(
    {
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Protests",
        "Riots",
        "Strategic developments",
    }
)


@dataclass(frozen=True, slots=True)
class Coding:
    """How one event type is coded elsewhere; ``None`` where the ontology has no such event.

    ``plover`` is a PLOVER event type; ``acled`` is ``"event type / sub-event type"``.
    """

    plover: str | None
    acled: str | None


_VIOLENCE = "Violence against civilians"
_REMOTE = "Explosions/Remote violence"
_STRATEGIC = "Strategic developments"
_NONE = Coding(None, None)

CODING = MappingProxyType(
    {
        Action.DEPART: _NONE,
        Action.ARRIVE: _NONE,
        Action.TRAVEL: _NONE,
        Action.VISIT: Coding("CONSULT", None),
        Action.MEET: Coding("CONSULT", None),
        Action.CONSULT: Coding("CONSULT", None),
        Action.STATEMENT: _NONE,
        Action.OBSERVE: _NONE,
        Action.ATTACK: Coding("ASSAULT", f"{_REMOTE} / Shelling/artillery/missile attack"),
        Action.EXPLOSION: Coding("ASSAULT", f"{_REMOTE} / Remote explosive/landmine/IED"),
        Action.FIGHT: Coding("ASSAULT", "Battles / Armed clash"),
        Action.KILL: Coding("ASSAULT", f"{_VIOLENCE} / Attack"),
        Action.ASSAULT: Coding("ASSAULT", f"{_VIOLENCE} / Attack"),
        Action.INJURE: _NONE,
        Action.DIE: _NONE,
        Action.ABDUCT: Coding("ASSAULT", f"{_VIOLENCE} / Abduction/forced disappearance"),
        Action.DESTROY: Coding("ASSAULT", f"{_STRATEGIC} / Looting/property destruction"),
        Action.SEIZE: Coding("COERCE", "Battles / Non-state actor overtakes territory"),
        Action.ARREST: Coding("COERCE", f"{_STRATEGIC} / Arrests"),
        Action.RESTRICT: Coding("COERCE", None),
        Action.PROTEST: Coding("PROTEST", "Protests / Peaceful protest"),
        Action.RIOT: Coding("PROTEST", "Riots / Violent demonstration"),
        Action.MOBILIZE: Coding("MOBILIZE", f"{_STRATEGIC} / Other"),
        Action.SANCTION: Coding("SANCTION", None),
        Action.THREATEN: Coding("THREATEN", None),
        Action.ACCUSE: Coding("ACCUSE", None),
        Action.PROSECUTE: Coding("ACCUSE", None),
        Action.INVESTIGATE: Coding("ACCUSE", None),
        Action.DEMAND: Coding("REQUEST", None),
        Action.REJECT: Coding("REJECT", None),
        Action.AGREE: Coding("AGREE", f"{_STRATEGIC} / Agreement"),
        Action.COOPERATE: Coding("COOPERATE", f"{_STRATEGIC} / Agreement"),
        Action.SUPPORT: Coding("SUPPORT", None),
        Action.AID: Coding("AID", None),
        Action.RELEASE: Coding("RETREAT", f"{_STRATEGIC} / Other"),
        Action.WITHDRAW: Coding("RETREAT", f"{_STRATEGIC} / Non-violent transfer of territory"),
        Action.THWART: Coding(None, f"{_STRATEGIC} / Disrupted weapons use"),
        Action.CONCEDE: Coding("CONCEDE", None),
        Action.ELECT: _NONE,
        Action.EVACUATE: _NONE,
        Action.DISASTER: _NONE,
        Action.ACCIDENT: _NONE,
        Action.DISCOVER: Coding(None, f"{_STRATEGIC} / Other"),
        Action.MOURN: _NONE,
        Action.INCIDENT: _NONE,
    }
)
