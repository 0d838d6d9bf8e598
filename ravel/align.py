"""Align claims from different documents that describe the same event.

Surface similarity alone barely separates "the same event" from "the same kind
of event" (see NOTES), so alignment works in three steps:

1. candidates: only claims from different documents that share an event class
   (or quote the same words) are compared, through an inverted index;
2. ranking: each candidate pair is scored by IDF-weighted overlap of event
   classes, actors, places, numbers and content words, blended with rapidfuzz's
   token_sort_ratio, with typed slots (dates, counts) as evidence for or against;
   a pair is linked only when each claim is the other's best match in its
   document and the score clears a cutoff;
3. grouping: links are merged strongest first into events that never hold two
   claims of one document, so unrelated claims cannot chain together.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import TypeVar

from rapidfuzz import fuzz, utils

from ravel.counts import CountsOf, relate_counts, typed_count_pairs
from ravel.extract.dates import relate_timex
from ravel.extract.entities import ROLE_CLASS, capital_countries, full_name
from ravel.extract.events import hazard_of
from ravel.model import Claim, Event, Mention, Timex
from ravel.words import name_head, stem

_T = TypeVar("_T")

ALIGN_CUTOFF = 0.25
MAX_BLOCK = 64  # claims in one blocking key; larger blocks are skipped
STORY_KEYS = 3  # a document's rarest story terms, each a blocking key with an event class
MAX_EVENT_DOCS = 64  # documents in one event: compare is quadratic in it
QUOTE_KEY_WORDS = 6
STORY_TERMS = 2  # story terms two documents must share ...
BRIEF_TERMS = 3  # ... unless one of them has no more than this many
STORY_PLACES = 3  # places alone: a town and its country are one location, three a geography,
RARE_PLACE_DOCS = 3  # and a place only a few documents of the corpus name is a story's
STORY_DOCS = 12  # documents in one story's group (see Stories.gather)
OWNED_NAMES = 2  # names only one group's reports give that bring another report into it
STRUCK_DAYS = 2  # days apart two reports may date the disaster they lead with
KIN_DAYS = 7  # the most days apart two reports of a group may date what they lead with
RARE_NAME_DOCS = 3  # a name (not a place) so few documents give anchors their contradictions
LINKING_EVENTS = 2  # events two documents share that, with a rare place, make one story
CONFLICT_STORY = 0.25  # documents this alike need no shared name to contradict each other
STORY_MIN = 0.1  # documents sharing less of a story's names, dates and numbers never align
CONFIRM = 1.0  # shared evidence beyond the event word, in units of a pair-specific term's IDF
QUOTE_MIN_CHARS = 30
QUOTE_MATCH = 88.0
FUZZ_WEIGHT = 0.25
DATE_EVIDENCE = 0.08
COUNT_EVIDENCE = 0.05
NAME_EVIDENCE = 0.15

STOPWORDS = frozenset(
    """
    a an the and or but if of to in on at by for with from into onto over under about after
    before during since until than then that this these those there their they them its it
    is are was were be been being has have had do does did will would shall should can could
    may might must as not no nor so such which who whom whose what when where why how all any
    both each few more most other some own same very also just only even still yet while
    whilst he she his her him we our you your i me my one two three said says say told
    according per via s t several many much few lot lots like within without further despite
    however although though meanwhile namely also already again ago now currently recently
    later earlier since around among between against across through toward towards upon
    made make makes making take took taken get got give gave given come came become became
    here therefore thus indeed instead rather quite really well back away out off
    """.split()
)

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True, slots=True)
class _Features:
    claim: Claim
    terms: frozenset[str]
    events: frozenset[str]  # the event-class terms among `terms`
    norm: str  # lower-cased content words for rapidfuzz
    heading: bool  # a title line: never aligned on its own
    hazards: frozenset[str]  # what struck: "fire", "landslide", "earthquake", ...


def align_claims(
    claims: Sequence[Claim],
    *,
    score_cutoff: float = ALIGN_CUTOFF,
    all_pairs: bool = False,
    stats: dict[str, int] | None = None,
    stories: Stories | None = None,
) -> tuple[Event, ...]:
    """Group claims of different documents that describe one event.

    `all_pairs` scores every eligible pair instead of the blocked candidates (the naive
    baseline, for tests and benchmarks); `stats` receives counts for benchmarks.
    """
    features = [_features(c) for c in claims]
    idf = _idf(features)
    stories = stories or Stories(claims)
    candidates = candidate_pairs(features, all_pairs=all_pairs, stories=stories)
    stories.gather({_doc_pair(features[i].claim.doc_id, features[j].claim.doc_id)
                    for i, j in candidates})
    pairs = _same_story(candidates, features, stories)
    scored = []
    counts = CountsOf()
    for i, j in pairs:
        if _other_hazard(features[i], features[j]):
            continue
        dates = _main_dates(features[i].claim, features[j].claim)
        if not years_apart(*dates):
            scored.append((_score(features[i], features[j], idf, dates, stories, counts), i, j))
    if stats is not None:
        stats["claims"] = len(features)
        stats["candidates"] = len(pairs)
    pair_specific = _idf_of(2, len(features))  # a term only these two claims have
    scored = [
        link for link in scored
        if link[0] >= score_cutoff
        and _confirmation(link, features, idf) >= CONFIRM * pair_specific
    ]
    groups = _group(_mutual_best(scored, features), features, stories)
    groups = _attach_restatements(groups, scored, features)
    groups += _other_happenings(groups, scored, features)
    events = [
        _event(sorted((features[i].claim for i in members), key=_claim_order), strength)
        for members, strength in groups
    ]
    return tuple(sorted(events, key=lambda e: _claim_order(e.claims[0])))


def _same_story(
    pairs: list[tuple[int, int]], features: Sequence[_Features], stories: Stories
) -> list[tuple[int, int]]:
    """The pairs whose documents tell one story, asking once per pair of documents."""
    docs: dict[str, int] = {}
    doc = [docs.setdefault(f.claim.doc_id, len(docs)) for f in features]
    ids = list(docs)
    verdict: dict[int, bool] = {}
    kept = []
    for i, j in pairs:
        key = doc[i] * len(ids) + doc[j]
        same = verdict.get(key)
        if same is None:
            a, b = ids[doc[i]], ids[doc[j]]
            same = verdict[key] = stories.measure(a, b) >= STORY_MIN or stories.kin(a, b)
        if same:
            kept.append((i, j))
    return kept


class Stories:
    """How much two documents share the specific names, places, dates and numbers of a story.

    Claims about the same kind of event in different stories (two earthquakes) look alike
    sentence by sentence; their documents do not. IDF-weighted overlap, normalized by the
    smaller document, so a digest of many stories still matches a report of one of them.
    Computed only for the document pairs asked about: a corpus has far too many to list.
    """

    def __init__(self, claims: Sequence[Claim]) -> None:
        profiles: dict[str, set[str]] = defaultdict(set)
        where: set[str] = set()
        countries: set[str] = set()
        bodies: set[str] = set()
        self._leads: dict[str, Claim] = {}
        for doc_claims in _by_document(claims):
            lead = _lead(doc_claims)
            if lead is not None:
                self._leads[lead.doc_id] = lead
            terms, places, states, institutions = _document_terms(doc_claims)
            profiles[doc_claims[0].doc_id] = terms
            where |= places
            countries |= states
            bodies |= institutions
        _one_face(profiles)
        df = Counter(t for terms in profiles.values() for t in terms)
        self._df = df
        self._idf = {t: _idf_of(d, len(profiles)) for t, d in df.items()}
        self._where = where
        # a capital is named by many stories of its country (a dateline, a flight from it)
        self._capitals = {f"name:{name_head(c)}" for c in capital_countries()} & where
        self._countries = countries
        self._bodies = bodies
        self._profiles = profiles
        self._mass = {doc: self._weigh(terms) for doc, terms in profiles.items()}
        self._memo: dict[tuple[str, str], float] = {}
        self._linked: set[tuple[str, str]] = set()
        # per document, for story groups: names below a country (and its capital), the
        # rare ones among
        # them, and what its lead tells (its day, what struck, the kinds of happening)
        self._named = {doc: frozenset(t for t in terms if t.startswith(("name:", "person:"))
                                      and t not in countries and t not in self._capitals)
                       for doc, terms in profiles.items()}
        self._rare = {doc: frozenset(t for t in named if t not in where and t not in bodies
                                     and df[t] <= RARE_NAME_DOCS)
                      for doc, named in self._named.items()}
        self._lead_date = {doc: main_date(lead) for doc, lead in self._leads.items()}
        self._lead_struck = {doc: _struck(lead) for doc, lead in self._leads.items()}
        self._lead_kinds = {doc: _happenings(lead) for doc, lead in self._leads.items()}
        self._lead_towns = {doc: frozenset(_name_term(m) for m in self.names_of(lead)
                                           if m.kind == "place" and m.role == "city")
                            for doc, lead in self._leads.items()}
        self._story: dict[str, str] = {}  # `gather`'s groups: document -> its group's root
        self._sizes: dict[str, int] = {}
        self._reasons: dict[tuple[str, str], str] = {}
        self._asked: set[tuple[str, str]] = set()
        self._owning: set[tuple[str, str]] = set()

    def _weigh(self, terms: set[str]) -> float:
        return sum(self._idf[t] for t in terms)

    def similarity(self, a: str, b: str) -> float:
        """0 unless the documents share two story terms and not just a town and its country
        that other documents name too (that is how different stories overlap); a brief,
        a document of three story terms or fewer, needs one term in common."""
        key = _doc_pair(a, b)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self.measure(a, b)
        return found

    def measure(self, a: str, b: str, besides: str | None = None) -> float:
        """`similarity` without remembering it: for callers that ask about a pair once.
        `besides`: a term that must not count (the person a fact is about)."""
        pa, pb = self._profiles[a], self._profiles[b]
        mass_a, mass_b = self._mass[a], self._mass[b]
        if besides is not None and besides in pa and besides in pb:
            pa, pb = pa - {besides}, pb - {besides}
            mass_a, mass_b = mass_a - self._idf[besides], mass_b - self._idf[besides]
        shared = pa & pb
        if not shared:
            return 0.0
        brief = min(len(pa), len(pb)) <= BRIEF_TERMS  # a short report names little
        if not brief and (len(shared) < STORY_TERMS or not self._located(shared)):
            return 0.0
        smaller = min(mass_a, mass_b)
        return self._weigh(shared) / smaller if smaller > 0 else 0.0

    def _located(self, shared: set[str]) -> bool:
        return (
            not shared <= self._where
            or len(shared) >= STORY_PLACES
            or any(self._df[t] <= RARE_PLACE_DOCS for t in shared)
        )

    def one_story(self, a: str, b: str, *, besides: str | None = None) -> bool:
        """The documents plainly tell one story: alike enough, sharing a rare name (other
        than `besides`), or linked by alignment (see `link`) and sharing a place few
        documents name (a street, a town: not a country)."""
        alike = self.measure(a, b, besides) if besides else self.similarity(a, b)
        return (self._plainly_one(a, b, alike, besides)
                or self.kin(a, b, besides=besides))

    def _plainly_one(self, a: str, b: str, alike: float, besides: str | None = None) -> bool:
        return ((alike >= CONFLICT_STORY and self._told_alike(a, b, figures=1))
                or self.share_rare_name(a, b, besides=besides)
                or (_doc_pair(a, b) in self._linked and self._share_rare_place(a, b)))

    def gather(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Stories as groups of documents each plainly one story with another of the group
        (asked only of `pairs`): a short report shares little with some of its story's
        reports, and more with others. A group too big to be one story's is none."""
        self._asked = {p for p in pairs if p[0] in self._mass and p[1] in self._mass}
        asked = self._asked | {p for p in self._linked if p[0] in self._mass and p[1] in self._mass}
        self._weigh_pairs(asked)
        parent: dict[str, str] = {}
        for a, b in asked:  # components: the order of the unions does not matter
            if self._edge(a, b):
                parent[_root(parent, b)] = _root(parent, a)
        owning = sorted(self._owning & asked)
        joined = True
        while joined:  # a report naming what only one group's reports name, till none does
            joined = False
            groups = self._groups(parent)  # as the pass began: a join shows in the next
            for a, b in owning:
                for one, other in ((a, b), (b, a)):
                    group = groups.get(_root(parent, other), [])
                    if _root(parent, one) != _root(parent, other) and self._owns(
                            group, one, other):
                        parent[_root(parent, one)] = _root(parent, other)
                        joined = True
        groups = self._groups(parent)
        self._story = {d: r for r, ds in groups.items() if 1 < len(ds) <= STORY_DOCS
                       for d in ds}
        self._sizes = {r: len(ds) for r, ds in groups.items()}

    def _edge(self, a: str, b: str) -> bool:
        """Two reports plainly one story's, as `gather` joins them (`_weigh_pairs` worked
        out what does not depend on alignment's links)."""
        reason = self._reasons[(a, b)]
        if reason == "linked?":
            return self._linked_in_leads(a, b) and not self._apart(a, b)
        return reason == "alike"

    def _reason(self, a: str, b: str, named: frozenset[str]) -> str:
        """"alike", "no", or "linked?" (alike if alignment links them): `named` the names
        below a country the two share."""
        if not named and not self._led_in_one_town(a, b):
            return "no"  # (a capital is no name below a country, but may be the leads' town)
        if (self._rare[a] & self._rare[b] or self._struck_alike(a, b)
                or (self.similarity(a, b) >= CONFLICT_STORY and self._told_alike(a, b))):
            return "no" if self._apart(a, b) else "alike"
        return "linked?"

    def _apart(self, a: str, b: str) -> bool:
        return self._led_apart(a, b) or self._dated_apart(a, b)

    def _weigh_pairs(self, asked: set[tuple[str, str]]) -> None:
        """Each pair's reason to be one story's (`_reason`) and whether it may join a report
        to a group (`_may_own`), worked out once: `gather` runs before alignment and after."""
        for pair in asked - self._reasons.keys():
            a, b = pair
            shared = self._named[a] & self._named[b]
            self._reasons[pair] = self._reason(a, b, shared)
            if shared and self._may_own(a, b, shared):
                self._owning.add(pair)

    def _may_own(self, a: str, b: str, named: frozenset[str]) -> bool:
        """The pair shares OWNED_NAMES names (`named`) few enough documents give for a
        group to own."""
        if len(named) < OWNED_NAMES or sum(
                self._df[t] <= STORY_DOCS + 1 for t in named) < OWNED_NAMES:
            return False
        return self.similarity(a, b) >= STORY_MIN

    @staticmethod
    def _groups(parent: dict[str, str]) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = defaultdict(list)
        for d in list(parent):
            groups[_root(parent, d)].append(d)
        return groups

    def _owns(self, group: list[str], doc: str, member: str) -> bool:
        """`doc`, somewhat alike `member`, shares with it OWNED_NAMES names (below a
        country) that no document outside `member`'s group names: "Brumadinho" and "Vale"
        in a corpus where only that dam's reports give them."""
        if not 2 <= len(group) <= STORY_DOCS or self.similarity(doc, member) < STORY_MIN:
            return False
        if any(self._dated_apart(doc, d) for d in group):
            return False
        members = set(group) | {doc}
        owned = [t for t in self._named[doc] & self._named[member]
                 if self._df[t] <= len(members)
                 and sum(t in self._profiles[d] for d in members) == self._df[t]]
        return len(owned) >= OWNED_NAMES

    def _dated_apart(self, a: str, b: str) -> bool:
        """The reports' leads date what they tell more than KIN_DAYS apart."""
        return years_apart(self._lead_date.get(a), self._lead_date.get(b), days=KIN_DAYS)

    def _led_apart(self, a: str, b: str) -> bool:
        """The reports' leads put what they tell in towns or regions that never meet: a bus
        in Sumatra, a bus in Java."""
        lead_a, lead_b = self._leads.get(a), self._leads.get(b)
        if lead_a is None or lead_b is None or not self.other_towns(lead_a, lead_b):
            return False
        return self._elsewhere(lead_a, b) or self._elsewhere(lead_b, a)

    def _elsewhere(self, lead: Claim, doc: str) -> bool:
        """No place the lead names below a country is named anywhere in the document: not
        "near Mumbai" against a report of Thane that also says Mumbai."""
        places = {_name_term(m) for m in self.names_of(lead)} & self._where - self._countries
        return bool(places) and not places & self._profiles[doc]

    def _struck_alike(self, a: str, b: str) -> bool:
        """The reports lead with the same disaster on days close together: "blasts in
        Tianjin late Wednesday" / "the Tianjin warehouse explosions ... on Thursday"."""
        if not self._lead_struck.get(a, set()) & self._lead_struck.get(b, set()):
            return False
        da, db = self._lead_date.get(a), self._lead_date.get(b)
        if _days_close(da, db, STRUCK_DAYS):
            return True
        # a lead without its day: the same disaster in the same town ("the Beirut port
        # explosion has killed" / "a large blast Tuesday, August 4, in ... Beirut")
        return not (known_date(da) and known_date(db)) and self._led_in_one_town(a, b)

    def _led_in_one_town(self, a: str, b: str) -> bool:
        return bool(self._lead_towns.get(a, frozenset()) & self._lead_towns.get(b, frozenset()))

    def _told_alike(self, a: str, b: str, figures: int = 2) -> bool:
        """Two names below a country in common, or one and `figures` numbers or days, or
        the country and two: two stories of one town share the town and the country, and
        (in a large corpus) a number or a day now and then."""
        named = len(self._named[a] & self._named[b])
        if named >= 2:
            return True
        shared = self._profiles[a] & self._profiles[b]
        given = sum(t.startswith(("n:", "d:")) for t in shared)
        return (named == 1 and given >= figures) or (
            given >= 2 and bool(shared & self._countries))

    def kin(self, a: str, b: str, *, besides: str | None = None) -> bool:
        """In one story's group (see `gather`), naming one thing or day that few documents
        besides the group's name ("Tianjin" in a corpus of other stories, not "Hamburg" in
        one of many Hamburg stories), and leading with the same kind of happening at about
        the same time: a group may hold two train crashes of one town, months apart."""
        story = self._story.get(a)
        if story is None or story != self._story.get(b):
            return False
        kinds_a, kinds_b = self._lead_kinds.get(a), self._lead_kinds.get(b)
        if kinds_a and kinds_b and not kinds_a & kinds_b:
            return False
        if self._dated_apart(a, b):
            return False
        size = self._sizes[story]
        return any(t.startswith(("name:", "person:", "d:")) and t != besides
                   and self._df[t] <= size for t in self._profiles[a] & self._profiles[b])

    def _share_rare_place(self, a: str, b: str, within: set[str] | None = None) -> bool:
        shared = (self._profiles[a] & self._profiles[b] & self._where) - self._capitals
        return any(self._df[t] <= RARE_PLACE_DOCS and (within is None or t in within)
                   for t in shared)

    def _linked_in_leads(self, a: str, b: str) -> bool:
        """Linked by alignment, sharing a place few documents name that a lead gives: not
        a background paragraph's town ("a crash in West Java last year")."""
        if _doc_pair(a, b) not in self._linked:
            return False
        leads = [lead for d in (a, b) if (lead := self._leads.get(d)) is not None]
        named = {_name_term(m) for lead in leads for m in self.names_of(lead)}
        return self._share_rare_place(a, b, named)

    def link(self, events: Sequence[Event]) -> None:
        """Remember the pairs of documents alignment found telling the same happenings
        LINKING_EVENTS times or more: with a place few documents name, one story however
        little their other names say so (two stories of one kind, a bus crash here and one
        there, may share an event, and a country)."""
        shared: Counter[tuple[str, str]] = Counter()
        for event in events:
            docs = sorted({c.doc_id for c in event.claims})
            shared.update(combinations(docs, 2))
        self._linked = {pair for pair, n in shared.items() if n >= LINKING_EVENTS}
        self.gather(self._asked)  # the same pairs as before alignment, and its links

    def names_of(self, claim: Claim) -> list[Mention]:
        """A claim's names; a title's, with those of its report's lead ("Bus plunges into
        ravine, killing 26 in Indonesia" happened where the first sentence says: Java)."""
        lead = self._leads.get(claim.doc_id)
        if lead is None or lead.start <= claim.start or _SENTENCE_END.search(claim.text):
            return _names(claim)
        return [*_names(claim), *_names(lead)]

    def other_towns(self, a: Claim, b: Claim) -> bool:
        """The claims (a title by its lead) put what they tell in towns or regions that
        never meet: Sumatra and Java."""
        names = (self.names_of(a), self.names_of(b))
        return different_names(a, b, ("city", "region"), names=names) > 0

    def share_name(self, a: str, b: str, *, besides: str | None = None) -> bool:
        """Both documents give one name or one day: numbers alone are weak company."""
        shared = self._profiles[a] & self._profiles[b]
        return any(t.startswith(("name:", "person:", "d:")) and t != besides for t in shared)

    def share_rare_name(self, a: str, b: str, *, besides: str | None = None) -> bool:
        """Both documents name someone or something (not a place) that few others name:
        the same ferry, the same spokesman. Two stories of one kind share places and
        numbers, and institutions (a national rescue agency), seldom a name of their own."""
        shared = self._profiles[a] & self._profiles[b]
        return any(
            t.startswith(("name:", "person:")) and t != besides
            and t not in self._where and t not in self._bodies
            and self._df[t] <= RARE_NAME_DOCS
            for t in shared
        )

    def rarest_terms(self, k: int = STORY_KEYS) -> dict[str, list[str]]:
        """Each document's k story terms the fewest other documents share (but some do)."""
        out = {}
        for doc, terms in self._profiles.items():
            shared = sorted((self._df[t], t) for t in terms if self._df[t] > 1)
            out[doc] = [t for _, t in shared[:k]]
        return out

    def together(self, docs_a: set[str], docs_b: set[str]) -> bool:
        """Every document of one group tells the same story as every one of the other:
        groups never chain across stories through one ambiguous link."""
        return all(self.similarity(a, b) >= STORY_MIN or self.kin(a, b)
                   for a in docs_a for b in docs_b)


def known_date(date: Timex | None) -> bool:
    """A date whose days are known (not "Tuesday" of an unknown week)."""
    return date is not None and date.lo is not None and date.hi is not None


_MONTH_DAY = re.compile(r"(?:\d{4}|XXXX)-(\d\d)-(\d\d)")


def _days_close(da: Timex | None, db: Timex | None, days: int) -> bool:
    """Two days known to be at most `days` apart; a day without its year ("Aug. 13") is
    taken in the other's year (or a leap year's), as a dateline without a year means."""
    if known_date(da) and known_date(db):
        return not years_apart(da, db, days=days)
    ma = _MONTH_DAY.match(da.value) if da is not None else None
    mb = _MONTH_DAY.match(db.value) if db is not None else None
    if ma is None or mb is None or da is None or db is None:
        return False  # a weekday alone says nothing of the week
    base = next((t.lo.year for t in (da, db) if t.lo is not None), 2000)
    for year in (base, base - 1, base + 1):  # "Dec. 31" and "1 January 2016": a day apart
        try:
            gap = _on(da, ma, year) - _on(db, mb, year)
        except ValueError:
            continue  # 29 February of a year without it
        if abs(gap.days) <= days:
            return True
    return False


def _on(date: Timex, month_day: re.Match[str], year: int) -> datetime.date:
    """The date's day, in its own year if it has one, else in `year`."""
    return datetime.date(date.lo.year if date.lo is not None else year,
                         int(month_day[1]), int(month_day[2]))


def _happenings(claim: Claim) -> set[str]:
    """The kinds of happening a claim tells, less what befell people in any of them (a
    death, an injury): "hundreds missing and feared dead" leads with no kind of its own."""
    return {e.key for e in claim.events} - {"death", "injury"}


def _struck(claim: Claim) -> set[str]:
    """What struck, as the claim tells it: a hazard ("blasts", "quake"), or a collapse."""
    return {h for e in claim.events if (h := hazard_of(e) or _COLLAPSE.get(e.key))}


_COLLAPSE = {"collapse": "collapse"}  # a dam, a bridge, a building: a happening of its own


def _one_face(profiles: dict[str, set[str]]) -> None:
    """A name one report's shape made a person and another's a place ("North Delhi's Anaj
    Mandi", "the Anaj Mandi area") is one story term: the report that knew better wins."""
    names = {t.removeprefix("name:") for terms in profiles.values() for t in terms
             if t.startswith("name:")}
    for terms in profiles.values():
        faces = {t for t in terms if t.startswith("person:") and t[7:] in names}
        if faces:
            terms -= faces
            terms |= {"name:" + t[7:] for t in faces}


def _by_document(claims: Sequence[Claim]) -> list[list[Claim]]:
    docs: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        docs[claim.doc_id].append(claim)
    return list(docs.values())


LEAD_CLAIMS = 4  # a report's lead is among its first few claims


def _lead(claims: Sequence[Claim]) -> Claim | None:
    """The first full sentence that says where: the lead a title sums up."""
    for claim in claims[:LEAD_CLAIMS]:
        if claim.places and _SENTENCE_END.search(claim.text):
            return claim
    return None


def _document_terms(
    claims: Sequence[Claim],
) -> tuple[set[str], set[str], set[str], set[str]]:
    """A document's story terms (names, day dates, numbers of ten or more), which of
    them say where (places, countries and their governments), which name countries and
    which name institutions.
    A person is known by full name where the document gives one ("Anna Weber" is not
    "Mateo Weber"; "Ms Weber" is the document's one Weber)."""
    names = [  # not an outlet cited as a source: "South Korean news agency Yonhap reported"
        m for c in claims for m in _names(c)
        if m.kind in ("actor", "place") and m.role != "nationality" and not _cited(c, m)
    ]
    full: dict[str, set[str]] = defaultdict(set)
    for m in names:
        if m.role == "person" and (name := full_name(m.text)):
            full[m.key].add(name)
    terms, places, countries, institutions = set(), set(), set(), set()
    for m in names:
        known = full.get(m.key, set()) if m.role == "person" else set()
        term = f"person:{next(iter(known))}" if len(known) == 1 else _name_term(m)
        terms.add(term)
        if not _is_someone(m):
            places.add(term)
            if m.role == "state":
                countries.add(term)
            elif m.role == "city" and (country := capital_countries().get(m.key)):
                terms.add(f"name:{country}")  # Beirut is in Lebanon
                places.add(f"name:{country}")
                countries.add(f"name:{country}")
        elif m.role == "organisation":
            institutions.add(term)
    for c in claims:
        terms |= {f"d:{t.value}" for t in c.dates if _DAY.fullmatch(t.value)}
        terms |= {
            f"n:{q.lo}" for q in c.quantities
            if q.lo is not None and q.lo == q.hi and q.lo >= 10 and q.kind != "ordinal"
        }
    return terms, places, countries, institutions


def _cited(claim: Claim, mention: Mention) -> bool:
    """A name given as a claim's source that is not a person: an outlet or an agency
    ("South Korean news agency Yonhap reported"), which many stories cite and none is
    about."""
    if mention.role == "person":
        return False
    for a in claim.attributions:
        if a.source and a.start <= mention.start and mention.end <= a.end:
            return _OUTLET.search(a.source) is not None or (  # "Xinhua reported"
                a.cue.lower().startswith("report") and a.source.strip() == mention.text)
    return False  # not "the Tianjin fire department said": Tianjin is the story's town


_OUTLET = re.compile(
    r"\b(?:news\s+agency|agency|broadcaster|newspaper|daily|media|television|TV|radio"
    r"|outlet|wire)\b", re.IGNORECASE
)


def _names(claim: Claim) -> list[Mention]:
    """The claim's names, less a lone capitalised word that opens the sentence and no table
    knows ("Rescue teams searched ..."): that is a capital letter, not a name."""
    return [
        m for m in (*claim.actors, *claim.places)
        if not (m.role is None and m.start == claim.start and " " not in m.text.strip())
    ]


def _name_term(mention: Mention) -> str:
    """One term per name, whatever face it shows ("the Kemerli earthquake", "in Kemerli";
    a place with or without its kind: "Ormoc City" and "Ormoc"); offices stay apart from
    names."""
    if mention.kind == "role":
        return f"role:{mention.key}"
    if mention.kind != "place" or mention.role not in ("city", "region"):
        return f"name:{mention.key}"  # "TIL Desk" is not "Jagran News Desk"
    return f"name:{name_head(mention.key)}"


def _doc_pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def shared_terms(a: Claim, b: Claim) -> frozenset[str]:
    """The terms two claims share: names, numbers, event classes and content words."""
    return _features(a).terms & _features(b).terms


def term_overlap(a: Claim, b: Claim) -> float:
    """Unweighted share of terms two claims have in common (for explanations)."""
    fa, fb = _features(a), _features(b)
    union = fa.terms | fb.terms
    return len(fa.terms & fb.terms) / len(union) if union else 0.0


def _features(claim: Claim) -> _Features:
    names = _names(claim)
    named = [(m.start - claim.start, m.end - claim.start) for m in names]
    events = frozenset(f"event:{e.key}" for e in claim.events)
    terms = set(events)
    terms |= {_name_term(m) for m in names}
    terms |= {f"office:{ROLE_CLASS[m.key]}" for m in names if m.key in ROLE_CLASS}
    terms |= {f"n:{q.lo}" for q in claim.quantities if q.lo is not None and q.lo == q.hi}
    named.sort()
    words, k = [], 0
    for m in _WORD.finditer(claim.plain or claim.text):
        word = m.group().lower()
        if word in STOPWORDS or len(word) < 3:
            continue
        pos = m.start()
        while k < len(named) and named[k][1] <= pos:
            k += 1  # names and words both come in text order
        if k < len(named) and named[k][0] <= pos:
            continue  # a name's words are its name term, not content words
        words.append(word)
        terms.add(f"w:{stem(word)}")
    return _Features(claim, frozenset(terms), events, " ".join(words), _is_heading(claim),
                     _hazards(claim))


# What struck: a claim about a fire and one about a landslide are two happenings, though
# both killed people in one country (a background paragraph: "In 2010, a fire in Mexico
# killed 4 people"; "In 2019, a landslide in Mexico killed 10"). The classes that name
# one hazard stand for themselves; the disaster and attack classes are split by word
# (`ravel.extract.events.hazard_of`).
def _hazards(claim: Claim) -> frozenset[str]:
    return frozenset(filter(None, (hazard_of(e) for e in claim.events)))


def _other_hazard(a: _Features, b: _Features) -> bool:
    """Each claim names what struck, and never what the other names."""
    return bool(a.hazards and b.hazards and not a.hazards & b.hazards)


def _idf(features: Sequence[_Features]) -> dict[str, float]:
    df = Counter(t for f in features for t in f.terms)
    return {t: _idf_of(d, len(features)) for t, d in df.items()}


def _idf_of(df: int, n: int) -> float:
    return math.log((n + 1) / (df + 0.5))


def candidate_pairs(
    features: Sequence[_Features], *, all_pairs: bool = False, stories: Stories | None = None
) -> list[tuple[int, int]]:
    """Pairs worth scoring: from different documents, sharing an event class or a quotation.

    Blocked (the default): claims meet in blocks keyed by an event class together with one
    of their names, numbers or words, or by a quotation's opening or closing words; a block
    larger than MAX_BLOCK says too little to be worth its quadratic cost and is skipped.
    With `stories`, a claim whose every block is too big meets others by an event class
    together with one of the rarest story terms of its document: in a large corpus "the
    police chief apologised" is in a thousand stories, and only the document says which.
    """
    if all_pairs:
        every = ((i, j) for i in range(len(features)) for j in range(i + 1, len(features)))
        return [(i, j) for i, j in every if _eligible(features[i], features[j])]
    blocks: dict[str, list[int]] = defaultdict(list)
    keys = [_blocking_keys(f) for f in features]
    for i, claim_keys in enumerate(keys):
        for key in claim_keys:
            blocks[key].append(i)
    if stories is not None:  # claims whose every block is too big to pair in
        rare = stories.rarest_terms()
        for i, claim_keys in enumerate(keys):
            if all(len(blocks[key]) > MAX_BLOCK for key in claim_keys):
                f = features[i]
                for term in rare.get(f.claim.doc_id, ()):
                    for event in f.events:
                        blocks[f"{event}|story:{term}"].append(i)
    seen: set[tuple[int, int]] = set()
    doc = [f.claim.doc_id for f in features]
    for key, members in blocks.items():
        if len(members) > MAX_BLOCK:
            continue  # headings count towards the size: they are in the block all the same
        shares_event = not key.startswith("q|")  # an event block's claims share that event
        live = [i for i in members if not features[i].heading]
        for x, i in enumerate(live):
            for j in live[x + 1 :]:
                if doc[i] == doc[j] or (i, j) in seen:
                    continue
                if shares_event or _eligible(features[i], features[j]):
                    seen.add((i, j))
    return sorted(seen)


def _blocking_keys(f: _Features) -> set[str]:
    events = [t for t in f.terms if t.startswith("event:")]
    others = [t for t in f.terms if not t.startswith("event:")]
    keys = {f"{e}|{t}" for e in events for t in others}
    for quote in _long_quotes(f.claim):
        words = utils.default_process(quote).split()
        keys.add("q|" + " ".join(words[:QUOTE_KEY_WORDS]))
        keys.add("q|" + " ".join(words[-QUOTE_KEY_WORDS:]))
    return keys


def _eligible(a: _Features, b: _Features) -> bool:
    if a.claim.doc_id == b.claim.doc_id or a.heading or b.heading:
        return False
    return bool(a.events & b.events) or quotes_match(a.claim, b.claim)


_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]\s*$")
HEADING_WORDS = 14


def anchored(a: Claim, b: Claim, stories: Stories, *, about_place: bool = False) -> bool:
    """Enough in common to call a difference a contradiction: a person or organisation, a
    number or a quotation both claims give, or documents that plainly tell one story.
    Look-alike sentences about different events share only their shape and their town;
    and claims that put the event in different places (Sumatra, Java) are about two
    events unless they quote the same words (`about_place`: that difference is the
    finding, and needs the other anchors)."""
    if quotes_match(a, b):
        return True
    if not about_place and stories.other_towns(a, b):
        return False
    if stories.one_story(a.doc_id, b.doc_id):
        return True
    fa, fb = _features(a), _features(b)
    people = _anchoring_names(a) & _anchoring_names(b)
    numbers = {t for t in fa.terms & fb.terms if t.startswith("n:")}
    return bool(people or numbers)


def _anchoring_names(claim: Claim) -> set[str]:
    """The people and organisations a claim is about; not a body it cites as its source,
    which tells of many events ("the Red Cross said" of a blast in Beirut and one in
    Akkar)."""
    return {_name_term(m) for m in _names(claim)
            if _is_someone(m) and not (m.role != "person" and _as_source(claim, m))}


def _as_source(claim: Claim, mention: Mention) -> bool:
    return any(a.source and a.start <= mention.start and mention.end <= a.end
               for a in claim.attributions)


def _is_someone(mention: Mention) -> bool:
    """A named person or organisation: not a place, a nationality or an office."""
    return mention.kind == "actor" and mention.role not in (
        "state", "city", "region", "nationality", "government"
    )


def _is_heading(claim: Claim) -> bool:
    """A title ("Flood barrier fails in Ostrava") sums up a report; aligned, it takes the
    place of the sentence that tells the event. One with a date or a count still counts."""
    text = claim.plain or claim.text
    return (
        not _SENTENCE_END.search(text)
        and len(text.split()) <= HEADING_WORDS
        and not claim.quantities
        and not any(t.type in ("DATE", "TIME") for t in claim.dates)
    )


def _score(
    a: _Features,
    b: _Features,
    idf: dict[str, float],
    dates: tuple[Timex | None, Timex | None] | None = None,
    stories: Stories | None = None,
    counts: CountsOf | None = None,
) -> float:
    """How alike two claims are. Counts that disagree count against a pair unless its
    documents plainly tell one story (`stories`): there they are the finding, not a
    second event."""
    shared = a.terms & b.terms
    weight_a = sum(idf[t] for t in a.terms) or 1.0
    weight_b = sum(idf[t] for t in b.terms) or 1.0
    mass = sum(idf[t] for t in shared)
    # cosine, softened towards containment so a headline can match the sentence it sums up
    overlap = mass / math.sqrt(weight_a * weight_b) * 0.5 + mass / min(weight_a, weight_b) * 0.5
    surface = fuzz.token_sort_ratio(a.norm, b.norm, processor=utils.default_process) / 100
    score = (1 - FUZZ_WEIGHT) * overlap + FUZZ_WEIGHT * surface
    score += DATE_EVIDENCE * _date_evidence(*(dates or _main_dates(a.claim, b.claim)))
    score += COUNT_EVIDENCE * _count_evidence(a.claim, b.claim, stories, counts)
    score -= NAME_EVIDENCE * different_names(a.claim, b.claim)
    if quotes_match(a.claim, b.claim):
        score += 0.5
    return score


def _confirmation(
    link: tuple[float, int, int], features: Sequence[_Features], idf: dict[str, float]
) -> float:
    """IDF mass of what two claims share besides event classes: names, numbers, words."""
    _, i, j = link
    shared = features[i].terms & features[j].terms
    return sum(idf[t] for t in shared if not t.startswith("event:"))


def _main_dates(a: Claim, b: Claim) -> tuple[Timex | None, Timex | None]:
    """Each claim's date for the kinds of event both report."""
    shared = frozenset(e.key for e in a.events) & frozenset(e.key for e in b.events)
    return main_date(a, shared), main_date(b, shared)


def _date_evidence(da: Timex | None, db: Timex | None) -> int:
    """+1 when the main dates are compatible, -1 when they are disjoint, else 0."""
    if da is None or db is None:
        return 0
    relation = relate_timex(da, db)
    if relation is None:
        return 0
    return -1 if relation == "disjoint" else 1


YEARS_APART = 366  # days between two claims' dates that make them two happenings


def years_apart(da: Timex | None, db: Timex | None, days: int = YEARS_APART) -> bool:
    """Dates more than a year (or `days`) apart: "In 2018, an earthquake in Ukraine killed
    5" is the background of a report on this year's earthquake, not another account of it."""
    if da is None or db is None or da.lo is None or da.hi is None:
        return False
    if db.lo is None or db.hi is None:
        return False
    return max(da.lo - db.hi, db.lo - da.hi).days > days


def different_names(
    a: Claim,
    b: Claim,
    roles: tuple[str, ...] = ("person", "city", "region"),
    *,
    names: tuple[Sequence[Mention], Sequence[Mention]] | None = None,
) -> int:
    """How many kinds of name (people, towns, regions) both claims give and never share:
    the governor "Priya Aliyev" is not the governor "Olga Kaya", nor Tampere Rotterdam,
    nor Sumatra Java; but "North Delhi" is in Delhi (one name holds the other's words).
    `names`: the claims' names when they are not only their own (`Stories.names_of`)."""
    names_a, names_b = names or (_names(a), _names(b))
    clashes = 0
    for role in roles:
        na = {name_head(m.key) for m in names_a if m.role == role}
        nb = {name_head(m.key) for m in names_b if m.role == role}
        if na and nb and not any(_within(x, y) for x in na for y in nb):
            clashes += 1
    return clashes


def _within(a: str, b: str) -> bool:
    """One name is the other, or part of it: "delhi" and "north delhi"."""
    wa, wb = set(a.split()), set(b.split())
    return wa <= wb or wb <= wa


def _count_evidence(
    a: Claim, b: Claim, stories: Stories | None = None, counts: CountsOf | None = None
) -> int:
    """+1 when counts agree, -1 when they disagree, unless the documents plainly tell
    one story (asked only then: the question costs a profile intersection)."""
    evidence = 0
    for qa, qb in typed_count_pairs(a, b, (counts(a), counts(b)) if counts else None):
        evidence += -1 if relate_counts(qa, qb) == "disjoint" else 1
    if evidence < 0 and stories is not None and stories.one_story(a.doc_id, b.doc_id):
        return 0
    return max(-1, min(1, evidence))


# dates that say when something was reported, or bound a span, rather than when it happened
_NOT_EVENT_DATE = re.compile(
    r"\b(?:(?:said|says|announced|told\s+\w+|reported|confirmed|stated|added|wrote)"
    r"\s+(?:on\s+|late\s+|early\s+)?"
    r"|(?:since|until|till|back\s+to|as\s+early\s+as|as\s+far\s+back\s+as)\s+(?:the\s+)?"
    r"|since\s+(?:[^\W\d_]+\s+){1,3}(?:began|started|erupted|broke\s+out)\s+(?:in|on)\s+)$",
    re.IGNORECASE,
)


def event_dates(claim: Claim) -> list[Timex]:
    """The dates in a claim that say when something happened (see `_event_date`)."""
    return [d for t in claim.dates if (d := _event_date(claim, t)) is not None]


def _event_date(claim: Claim, t: Timex) -> Timex | None:
    """The date as the day or year something happened; None for the date of a statement
    or the bound of a span ("since 2001"), unless the bound says when something happened:
    "since 2014, when the ferry Sewol sank", "since the 2014 Sewol ferry disaster" (not
    "since the 2014 level")."""
    if t.type not in ("DATE", "TIME") or t.value.endswith("_REF"):
        return None
    plain = claim.plain or claim.text
    if _WHEN_AFTER.match(plain, t.end - claim.start):
        return _as_point(t)
    if t.mod in ("BEFORE", "AFTER", "ON_OR_AFTER", "ON_OR_BEFORE"):
        return None
    if not _NOT_EVENT_DATE.search(_before(plain, t.start - claim.start, 30)):
        return t
    if not _ATTRIBUTIVE_YEAR.match(plain, t.start - claim.start - 4):
        return None
    return t if any(0 < e.start - t.end <= ATTRIBUTIVE_REACH for e in claim.events) else None


def _since_when(claim: Claim, t: Timex) -> bool:
    """The date is a "since 2019, when ..." bound read as a point (see `_event_date`)."""
    return any(d.start == t.start and d.mod in ("AFTER", "ON_OR_AFTER") for d in claim.dates)


def _as_point(t: Timex) -> Timex | None:
    """ "since 2014" as the year 2014 (or "since 3 May 2014" as that day)."""
    if t.lo is None:
        return None
    if _YEAR_VALUE.fullmatch(t.value):
        hi = datetime.date(t.lo.year + 1, 1, 1)
    elif _DAY.fullmatch(t.value):
        hi = t.lo + datetime.timedelta(days=1)
    else:
        return None
    return dataclasses.replace(t, mod=None, hi=hi)


_YEAR_VALUE = re.compile(r"\d{4}")
_ATTRIBUTIVE_YEAR = re.compile(r"the \d{4} (?!and\b|or\b|to\b)[^\W\d_]")
_WHEN_AFTER = re.compile(r",?\s+when\b", re.IGNORECASE)
ATTRIBUTIVE_REACH = 60  # characters from the year to an event word it dates


def main_date(claim: Claim, classes: frozenset[str] | None = None) -> Timex | None:
    """The date the claim's event happened on.

    A point date, not one bounding a span ("since 2001"), nor the date a statement was made
    ("officials said on Monday"); of several, the one nearest the event words of `classes`
    (the event being compared), else the first.
    """
    candidates = event_dates(claim)
    firm = [t for t in candidates if not _since_when(claim, t)]
    candidates = firm or candidates  # "since 2019, when ..." only if nothing else is dated
    if len(candidates) <= 1 or not classes:
        return candidates[0] if candidates else None
    words = [e for e in claim.events if e.key in classes] or list(claim.events)
    if not words:
        return candidates[0]
    return min(candidates, key=lambda t: (min(_distance(t, w) for w in words), t.start))


def _before(text: str, at: int, width: int) -> str:
    return text[max(0, at - width) : at]


def _distance(timex: Timex, word: Mention) -> int:
    return max(word.start - timex.end, timex.start - word.end, 0)


def _long_quotes(claim: Claim) -> list[str]:
    text = claim.plain or claim.text
    return [
        text[s - claim.start : e - claim.start]
        for s, e in claim.quotes
        if e - s >= QUOTE_MIN_CHARS
    ]


def quotes_match(a: Claim, b: Claim) -> bool:
    """Both claims quote (nearly) the same words."""
    return any(
        fuzz.ratio(qa, qb, processor=utils.default_process) >= QUOTE_MATCH
        for qa in _long_quotes(a)
        for qb in _long_quotes(b)
    )


def _mutual_best(
    scored: list[tuple[float, int, int]], features: Sequence[_Features]
) -> list[tuple[float, int, int]]:
    """Keep pairs where each claim is the other's best match in the other's document."""
    best: dict[tuple[int, str], float] = {}
    for score, i, j in scored:
        di, dj = features[i].claim.doc_id, features[j].claim.doc_id
        best[(i, dj)] = max(best.get((i, dj), 0.0), score)
        best[(j, di)] = max(best.get((j, di), 0.0), score)
    return [
        (score, i, j)
        for score, i, j in scored
        if score >= best[(i, features[j].claim.doc_id)]
        and score >= best[(j, features[i].claim.doc_id)]
    ]


def _group(
    links: list[tuple[float, int, int]], features: Sequence[_Features], stories: Stories
) -> list[tuple[list[int], float]]:
    """Union links strongest first. A group never holds documents of different stories,
    nor two claims of one document unless they restate the same kind of event."""
    parent: dict[int, int] = {}
    docs: dict[int, set[str]] = {}
    strength: dict[int, float] = {}

    def root(i: int) -> int:
        return _root(parent, i)

    claims_of: dict[int, list[Claim]] = {}
    for score, i, j in sorted(links, key=lambda x: (-x[0], x[1], x[2])):
        ri, rj = root(i), root(j)
        if ri == rj:
            continue
        di = docs.setdefault(ri, {features[i].claim.doc_id})
        dj = docs.setdefault(rj, {features[j].claim.doc_id})
        ci = claims_of.setdefault(ri, [features[i].claim])
        cj = claims_of.setdefault(rj, [features[j].claim])
        if len(di | dj) > MAX_EVENT_DOCS:
            continue  # an event this wide is a chain of look-alikes, not one happening
        if not stories.together(di - dj, dj - di) or not _restated(ci, cj, di & dj):
            continue
        parent[rj] = ri
        docs[ri] = di | dj
        claims_of[ri] = ci + claims_of.pop(rj)
        strength[ri] = max(strength.get(ri, 0.0), strength.pop(rj, 0.0), score)
    members: dict[int, list[int]] = defaultdict(list)
    for i in parent:
        members[root(i)].append(i)
    return [(m, strength[r]) for r, m in members.items() if len(m) > 1]


def _root(parent: dict[_T, _T], x: _T) -> _T:
    """Union-find: the root of x's set (path halving), x its own set if new."""
    parent.setdefault(x, x)
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _restated(a: list[Claim], b: list[Claim], shared_docs: set[str]) -> bool:
    """Two groups may hold claims of one document only where those claims restate one
    event (a lede and a detail), never two different happenings."""
    return all(
        _restates(x, y) for x in a for y in b if x.doc_id == y.doc_id and x.doc_id in shared_docs
    )


def _attach_restatements(
    groups: list[tuple[list[int], float]],
    scored: list[tuple[float, int, int]],
    features: Sequence[_Features],
) -> list[tuple[list[int], float]]:
    """A document often states one event twice (a lede and a detail). A claim left out
    joins the group of its best match in another document when the group already holds
    a claim of its own document with the same kind of event. One hop, no merging."""
    group_of = {i: g for g, (members, _) in enumerate(groups) for i in members}
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for score, i, j in scored:
        for x, y in ((i, j), (j, i)):
            key = (x, features[y].claim.doc_id)
            if score > best.get(key, (0.0, -1))[0]:
                best[key] = (score, y)
    joins: dict[int, tuple[float, int]] = {}
    for (i, _), (score, j) in best.items():
        if i in group_of or j not in group_of:
            continue
        members = groups[group_of[j]][0]
        restates = any(_restates(features[i].claim, features[k].claim) for k in members)
        if restates and score > joins.get(i, (0.0, -1))[0]:
            joins[i] = (score, group_of[j])
    for i, (_, g) in sorted(joins.items()):
        groups[g][0].append(i)
    return groups


def _other_happenings(
    groups: list[tuple[list[int], float]],
    scored: list[tuple[float, int, int]],
    features: Sequence[_Features],
) -> list[tuple[list[int], float]]:
    """A sentence listing several actions ("Baku summoned the envoy, cancelled the talks
    and ...") joins the group of one of them. Another of its actions, one its group does
    not share, may still pair with the claim that best reports that action elsewhere:
    each is the other's best match for that kind of event, and neither's group already
    covers it."""
    group_of = {i: g for g, (members, _) in enumerate(groups) for i in members}
    covered = {g: _shared_classes([features[i] for i in members])
               for g, (members, _) in enumerate(groups)}

    def open_classes(i: int) -> frozenset[str]:
        g = group_of.get(i)
        return features[i].events - covered[g] if g is not None else features[i].events

    links = []
    for score, i, j in scored:
        if group_of.get(i, -1) == group_of.get(j, -2) or not (i in group_of or j in group_of):
            continue
        for cls in sorted(open_classes(i) & open_classes(j)):
            links.append((score, i, j, cls))
    best: dict[tuple[int, str, str], float] = {}
    for score, i, j, cls in links:
        for x, y in ((i, j), (j, i)):
            key = (x, features[y].claim.doc_id, cls)
            best[key] = max(best.get(key, 0.0), score)
    found: dict[tuple[int, int], float] = {}
    for score, i, j, cls in links:
        if score >= best[(i, features[j].claim.doc_id, cls)] and score >= best[
            (j, features[i].claim.doc_id, cls)
        ]:
            found[(i, j)] = max(found.get((i, j), 0.0), score)
    return [([i, j], score) for (i, j), score in sorted(found.items())]


def _shared_classes(members: Sequence[_Features]) -> frozenset[str]:
    counts = Counter(cls for f in members for cls in f.events)
    return frozenset(cls for cls, n in counts.items() if n >= 2)


def _restates(claim: Claim, other: Claim) -> bool:
    """Same document, same kind of event."""
    return claim.doc_id == other.doc_id and bool(
        {e.key for e in claim.events} & {e.key for e in other.events}
    )


def _claim_order(claim: Claim) -> tuple[str, int]:
    return (claim.doc_id, claim.start)


def _event(claims: list[Claim], score: float) -> Event:
    digest = hashlib.sha1("|".join(c.id for c in claims).encode()).hexdigest()[:10]
    return Event(id=f"E{digest}", label=event_label(claims), claims=tuple(claims),
                 score=round(score, 3))


def event_label(claims: Sequence[Claim]) -> str:
    """A short name: the shared event classes and the most shared name."""
    events = Counter(e.key for c in claims for e in {m.key: m for m in c.events}.values())
    shared = [k for k, n in events.most_common() if n >= 2][:2] or [
        k for k, _ in events.most_common(1)
    ] or ["statement"]
    names = Counter(
        m.text for c in claims for m in {m.key: m for m in (*c.places, *c.actors)}.values()
        if m.kind in ("place", "actor") and m.role not in ("nationality",)
    )
    name = next((n for n, k in names.most_common() if k >= 2), None)
    return " · ".join(shared) + (f" ({name})" if name else "")
