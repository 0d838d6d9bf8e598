"""Event words: the verbs and nouns that say what happened, mapped to event classes.

A class groups the word forms of one kind of happening ("killed", "deaths",
"died" are all `death`), so claims about one event align across wordings.
Generic verbs (said, began, made) are not events: they carry no identity.
"""

from __future__ import annotations

import functools
import re

from ravel.extract._alternation import by_first_letter
from ravel.model import Mention

# class -> word patterns (regex fragments; matched case-insensitively at word boundaries)
EVENT_WORDS: dict[str, tuple[str, ...]] = {
    "death": (r"kill(?:s|ed|ing|ings)?", r"deaths?", r"die[sd]?", r"dying", r"dead",
              r"fatalit(?:y|ies)", r"slain", r"murder(?:s|ed|ing)?", r"homicides?",
              r"shot dead", r"death toll", r"lost (?:their|his|her) lives",
              r"claim(?:ed|ing|s)? (?:the )?(?:lives|life)"),
    "injury": (r"injur(?:e|es|ed|y|ies|ing)", r"wound(?:s|ed|ing)?", r"hurt",
               r"hospitali[sz]ed", r"taken to hospital"),
    "raid": (r"raid(?:s|ed|ing)?", r"police operations?", r"search(?:ed)? (?:of|the) homes?",
             r"crackdowns?", r"sweeps?"),
    "arrest": (r"arrest(?:s|ed|ing)?", r"detain(?:s|ed|ing)?", r"detention", r"detainees?",
               r"apprehend(?:s|ed)?", r"taken into custody", r"jailed"),
    "release": (r"releas(?:e|es|ed|ing)", r"freed", r"set free"),
    "charge": (r"charged", r"indict(?:ed|ment)", r"prosecut(?:e|ed|ion)"),
    "sentence": (r"sentenced", r"convict(?:ed|ion)", r"acquitt(?:ed|al)"),
    "attack": (r"attack(?:s|ed|ing)?", r"airstrikes?", r"dronestrikes?", r"missilestrikes?",
               r"strikes?",
               r"bomb(?:s|ed|ing|ings)?", r"shell(?:ed|ing)", r"assault(?:s|ed)?",
               r"ambush(?:ed)?", r"explosions?", r"explod(?:e|ed|es|ing)", r"clash(?:es|ed)?",
               r"blasts?",
               r"shootings?(?! spree| of (?:the |a )?(?:film|movie|scene|video|series))",
               r"shooting spree", r"gunfire", r"open(?:ed)? fire",
               r"fired (?:at|on|upon|into)(?! (?-i:[A-Z][a-z]+day|\d|[A-Z][a-z]+ \d))",
               r"shots? (?:were |was |had been )?fired"),
    "crash": (r"crash(?:es|ed)?", r"shot down", r"downed", r"plane incident",
              r"aviation incident", r"derail(?:ed|ment)", r"collision", r"collided",
              r"plung(?:e|es|ed|ing) into", r"careered into", r"veered off"),
    "offensive": (r"offensives?", r"military operations?", r"invasion", r"invad(?:e|ed|es)",
                  r"incursions?", r"annex(?:ed|ation)?", r"seized"),
    "summon": (r"summon(?:s|ed|ing)?",),
    "expel": (r"expel(?:s|led|ling)?", r"expulsion", r"deport(?:ed|ation|ations)?"),
    "cancel": (r"cancel(?:s|ed|led|ling|lation|lations)?", r"called off", r"suspend(?:s|ed)?",
               r"suspension", r"postpon(?:e|ed|es)", r"scrapped"),
    "close": (r"shut(?:ting)? down", r"closed", r"closure", r"shutter(?:ed)?"),
    "ban": (r"bann?(?:ed|s)?", r"prohibit(?:s|ed)?"),
    "sanction": (r"sanction(?:s|ed)?", r"embargo(?:es)?"),
    "protest": (r"protests?", r"protested", r"demonstrations?", r"rall(?:y|ies)"),
    "accuse": (r"accus(?:e|es|ed|ing|ation|ations)", r"blam(?:e|es|ed)"),
    "deny": (r"den(?:y|ies|ied|ying|ial)",),
    "apology": (r"apolog(?:y|ies|i[sz]e|i[sz]ed|i[sz]es)",),
    "condolence": (r"condolences?",),
    "acknowledge": (r"acknowledg(?:e|ed|es|ment)", r"admit(?:s|ted)?"),
    "talks": (r"talks", r"negotiations?", r"negotiat(?:e|ed)", r"summit", r"met",
              r"meetings?", r"mediat(?:e|ed|ion)"),
    "visit": (r"visit(?:s|ed)?", r"trip"),
    "agreement": (r"signed", r"agreements?", r"deal", r"treaty", r"accord", r"ceasefire",
                  r"truce"),
    "election": (r"elect(?:ed|ion|ions)", r"re-elected", r"vot(?:e|ed|ing)", r"referendum"),
    "appoint": (r"appoint(?:ed|ment)", r"named as", r"nominat(?:ed|ion)"),
    "resign": (r"resign(?:s|ed|ation)?", r"stepp(?:ed) down", r"ousted", r"fired", r"dismissed"),
    "freeze": (r"froze", r"frozen", r"freez(?:e|es|ing)"),
    "withdraw": (r"withdr(?:ew|awn|aw|awal)", r"pull(?:ed)? out", r"leaving",
                 r"quit"),
    "launch": (r"launch(?:es|ed)?",),
    "collapse": (r"collaps(?:e|es|ed|ing)", r"caved in", r"gave way", r"breach(?:ed|es)?"),
    "earthquake": (r"earthquakes?", r"quakes?", r"tremors?"),
    "aftershock": (r"aftershocks?",),  # another happening than the quake it follows
    "disaster": (r"floods?", r"flooding", r"wildfires?", r"fires?", r"blazes?", r"storms?",
                 r"hurricanes?",
                 r"landslides?", r"tsunami", r"avalanches?", r"eruptions?", r"erupted"),
    "birth": (r"born",),
    "torture": (r"tortur(?:e|ed|ing)", r"beat(?:en|ing)", r"electrocuted", r"abused?"),
    "investigation": (r"investigat(?:e|ed|ion|ions)", r"inquir(?:y|ies)", r"probe"),
    "theft": (r"st(?:ole|olen|eal|eals|ealing)", r"thefts?", r"thie(?:f|ves)",
              r"robb(?:ed|ery|eries|ers?)", r"heists?", r"burglar(?:y|ies|s)?", r"burgled",
              r"looted", r"made off with"),
    "fine": (r"fined",  # not "a fine day", "the death penalty": a fine of, imposed, ...
             r"fines?(?=[ ,]+(?:of|over|against|imposed|levied)\b)"),
    "acquisition": (r"acqui(?:re|red|res|ring|sition|sitions)", r"takeovers?", r"buyouts?",
                    r"bought(?! time)", r"purchas(?:e|ed|es)", r"transfers?(?! to)"),
}

# One alternation of every word, class by class and longest first: the first class whose
# word matches wins (`_class_of` finds it again from the matched text).
_ORDERED = [w for words in EVENT_WORDS.values() for w in sorted(words, key=len, reverse=True)]
_PATTERN = re.compile(rf"\b{by_first_letter(_ORDERED)}\b", re.IGNORECASE)
_CLASSES = [(cls, [re.compile(rf"(?:{w})\b", re.IGNORECASE) for w in words])
            for cls, words in EVENT_WORDS.items()]
_CLASS_OF: dict[str, str] = {}


def _class_of(found: re.Match[str]) -> str:
    """The first class (in table order) one of whose words this is, read where it stands
    (a word may need what follows it: "a fine of")."""
    key = found.group().lower()
    if key not in _CLASS_OF:
        text, start, end = found.string, found.start(), found.end()
        _CLASS_OF[key] = next(cls for cls, words in _CLASSES for word in words
                              if (m := word.match(text, start)) and m.end() == end)
    return _CLASS_OF[key]


def find_events(text: str, start: int = 0, end: int | None = None) -> tuple[Mention, ...]:
    """Event words in text[start:end], with their class as `key`."""
    end = len(text) if end is None else end
    found = []
    for m in _PATTERN.finditer(text, start, end):
        found.append(Mention(m.start(), m.end(), m.group(), "event", _class_of(m)))
    return tuple(found)


# What struck: the classes that name one hazard stand for themselves; the disaster and
# attack classes are split by word (a fire and a landslide are two happenings).
HAZARD_CLASSES = frozenset({"earthquake", "aftershock", "crash"})
HAZARD_WORDS = {
    "flood": re.compile(r"floods?|flooding", re.IGNORECASE),
    "fire": re.compile(r"(?:wild)?fires?|blazes?", re.IGNORECASE),
    "storm": re.compile(r"storms?|hurricanes?|typhoons?|cyclones?", re.IGNORECASE),
    "landslide": re.compile(r"(?:land|mud)slides?", re.IGNORECASE),
    "tsunami": re.compile(r"tsunamis?", re.IGNORECASE),
    "avalanche": re.compile(r"avalanches?", re.IGNORECASE),
    "eruption": re.compile(r"eruptions?|erupted", re.IGNORECASE),
    "explosion": re.compile(r"explosions?|explod(?:e|ed|es|ing)|blasts?", re.IGNORECASE),
    "shooting": re.compile(r"shootings?|shooting spree|gunfire|open(?:ed)? fire|fired \w+"
                           r"|shots? (?:were |was |had been )?fired", re.IGNORECASE),
}


def hazard_of(event: Mention) -> str | None:
    """What struck, if an event word names it: "tremors" an earthquake, "blaze" a fire."""
    return _hazard(event.key, event.text.lower())


@functools.lru_cache(maxsize=4096)
def _hazard(cls: str, word: str) -> str | None:
    if cls in HAZARD_CLASSES:
        return cls
    if cls not in ("disaster", "attack"):
        return None
    return next((kind for kind, pattern in HAZARD_WORDS.items() if pattern.fullmatch(word)),
                None)
