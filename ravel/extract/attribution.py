"""Who says so, how firmly, and whether it is denied.

`find_attributions` finds reporting cues ("according to X", "X said", "said X",
"X, who ..., said", "as reported by X") and bare hedges ("reportedly"), with the
source phrase as written and, when the source names a known actor, its key
("Baku" -> "azerbaijan"; "he" -> the last person named before). `find_negations`
and `find_hedges` return cue spans. Every search looks at a bounded window around
each cue, so the cost is linear in the text length.
"""



from __future__ import annotations

import re

from ravel.extract._alternation import by_first_letter
from ravel.extract.entities import AliasTable, find_mentions, load_aliases
from ravel.model import Attribution

# lemma -> (third person, past, -ing); None: regular ("claim" -> claims, claimed, claiming)
REPORTING_VERBS: dict[str, tuple[str, str, str] | None] = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing"),
    "deny": ("denies", "denied", "denying"),
    "testify": ("testifies", "testified", "testifying"),
    "admit": ("admits", "admitted", "admitting"),
    **dict.fromkeys(
        (
            "claim allege maintain insist accuse report state announce add explain warn argue "
            "note acknowledge confirm suggest assert contend reject describe believe "
            "emphasise emphasize stress declare purport conclude concede complain estimate "
            "assess predict caution reiterate recall agree"
        ).split()
    ),
}
# always report a statement; the other verbs only when a clause follows ("maintains that", not
# "maintain strict practices")
ALWAYS_REPORTING = frozenset(
    ("say tell claim allege accuse deny insist argue testify admit warn explain").split()
)
# forms that are also nouns ("the Gulf states", "media reports"): need a clause after them
NOUN_LIKE = frozenset(
    ("claim claims report reports state states note notes estimate estimates stress").split()
)
SUBJECT_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i"])
PERSON_PRONOUNS = frozenset({"he", "she"})
DETERMINERS = frozenset(
    (
        "the a an this these those his her its their our my your some many most several "
        "both all each every few no any other such"
    ).split()
)
QUANTIFIERS = frozenset(
    ("one two three four five some many most several each none all both any").split()
)
SKIPPABLE = frozenset(
    (
        "also has have had will would could may might can did does do must should not "
        "never n't then later now since previously repeatedly subsequently already once "
        "again too even still further"
    ).split()
)
PASSIVE_AUX = frozenset(["is", "are", "was", "were", "be", "been", "being"])
CLAUSE_STOPS = frozenset(
    (
        "that which who whom whose where when while whilst because if although though as "
        "than and or but so to after before until whether however yet nor including"
    ).split()
)
AFTER_STOPS = (
    CLAUSE_STOPS
    | SKIPPABLE
    | PASSIVE_AUX
    | frozenset(("in on at with from by during over under about into against has have had").split())
)
NP_PREPOSITIONS = frozenset(
    ["of", "for", "in", "at", "from"]
)  # "One of the men", "officials in Baku"
FOLLOWERS = DETERMINERS | SUBJECT_PRONOUNS | QUANTIFIERS | frozenset(["that", "there"])
MAX_NP_WORDS = 8

# words, or one punctuation mark; one char class per loop, so no backtracking blow-up
PIECE_RE = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_](?:[\w]|['’-](?=\w))*|[^\w\s]")  # "U.S." whole


def _forms(lemma: str, irregular: tuple[str, str, str] | None) -> dict[str, str]:
    if irregular:
        third, past, ing = irregular
    elif lemma.endswith("e"):
        third, past, ing = lemma + "s", lemma + "d", lemma[:-1] + "ing"
    else:
        third, past, ing = lemma + "s", lemma + "ed", lemma + "ing"
    return {lemma: "base", third: "third", past: "past", ing: "ing"}


VERB_FORMS: dict[str, str] = {}
VERB_LEMMAS: dict[str, str] = {}
for _lemma, _irregular in REPORTING_VERBS.items():
    VERB_FORMS.update(_forms(_lemma, _irregular))
    VERB_LEMMAS.update(dict.fromkeys(_forms(_lemma, _irregular), _lemma))

VERB_RE = re.compile(
    rf"\b{by_first_letter(sorted(VERB_FORMS, key=len, reverse=True))}\b", re.IGNORECASE
)
SOURCE_CUE_RE = re.compile(
    r"\b(?:according\s+to|(?:as\s+)?reported\s+by|as\s+cited\s+by|cited\s+by|quoted\s+by|in\s+the\s+words\s+of)\b",
    re.IGNORECASE,
)
BARE_CUE_RE = re.compile(
    r"\b(?:allegedly|reportedly|purportedly|supposedly"
    r"|assessed\s+as\s+(?:highly\s+|very\s+|most\s+)?(?:likely|unlikely|probable)"
    r"|(?:is|are|was|were|being)\s+(?:widely\s+|also\s+|now\s+)?"
    r"(?:believed|thought|said|reported|alleged|understood|rumou?red|claimed|suspected)\s+to)\b",
    re.IGNORECASE,
)
SENTENCE_END_RE = re.compile(r"[.!?](?=[\s\"”’)]|$)|\n")

NEGATION_RE = re.compile(
    r"\b(?:(?:do|does|did|is|are|was|were|has|have|had|will|would|could|should|can|must|might|may)\s+not"
    r"|cannot|no\s+longer|not|never|none|nobody|nothing|nowhere|neither|nor|without"
    r"|den(?:y|ies|ied|ying)"
    r"|(?:fail|refus|declin)(?:e|es|s|ed|ing)?\s+to|unable\s+to)\b"
    r"|\b[^\W\d_]+n['’]t\b"
    r"|\bno\b(?=\s+[^\W\d_])",
    re.IGNORECASE,
)
# fixed phrases with a negative word that negate nothing ("not only X but Y", "no fewer than 5")
NOT_NEGATION_RE = re.compile(
    r"(?:not|no|none|nothing|never)\s+(?:only|just|merely|simply|least|to\s+mention|but|doubt|wonder|matter"
    r"|sooner|other\s+than|short\s+of|mind|(?:less|more|fewer)\s+than"
    r"|many|much|all|every\w*|enough|always)\b",  # "not many survived": some did
    re.IGNORECASE,
)
NEGATIVE_WORDS = frozenset({"not", "no", "none", "nothing", "never"})
OR_NOT_RE = re.compile(r"\b(?:or|if)\s+$", re.IGNORECASE)
HEDGE_RE = re.compile(
    r"\b(?:assessed\s+as(?:\s+(?:highly|very|most))?(?:\s+(?:likely|unlikely|probable))?"
    r"|(?:is|are|was|were|be|been)\s+(?:widely\s+)?(?:believed|thought|understood)\s+to"
    r"|(?:appears?|appeared|seems?|seemed)\s+to"
    r"|allegedly|reportedly|purportedly|supposedly|apparently|presumably|possibly|probably|perhaps"
    r"|potentially|likely|unlikely|might|could|suspected|alleged|purported|unconfirmed)\b"
    r"|\bmay\b",  # lower case only: "May" is a month
    re.IGNORECASE,
)
MAY_RE = re.compile(r"\bmay\b")


def _pieces(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in PIECE_RE.finditer(text, lo, hi)]


def _is_word(piece: str) -> bool:
    return piece[0].isalnum()


def _np_before(text: str, pos: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase that ends just before `pos` (after skipping "also", "has", "-ly")."""
    pieces = _pieces(text, max(lo, pos - 200), pos)
    k = len(pieces) - 1
    skipped = 0
    while k >= 0 and skipped < 4 and _is_word(pieces[k][2]):
        w = pieces[k][2].lower()
        if w in SKIPPABLE or (w.endswith(("ly", "n't", "n’t")) and pieces[k][2].islower()):
            k, skipped = k - 1, skipped + 1
        else:
            break
    words: list[tuple[int, int, str]] = []
    while k >= 0 and len(words) < MAX_NP_WORDS and _is_word(pieces[k][2]):
        w = pieces[k][2].lower()
        if w in CLAUSE_STOPS or w in PASSIVE_AUX or w in VERB_FORMS:
            break
        if words and w.endswith("ed") and k > 0 and pieces[k - 1][2].lower() not in DETERMINERS:
            break  # "authorities arrested [2 Russian nationals]": a verb, not an adjective
        words.append(pieces[k])
        k -= 1
        if w in DETERMINERS:
            of = k >= 1 and pieces[k][2].lower() == "of"
            if of and pieces[k - 1][2].lower() in QUANTIFIERS:
                words += [pieces[k], pieces[k - 1]]  # "One of the injured men"
            if not (of and w == "the" and pieces[k - 1][2][:1].isupper()):
                break  # but "Committee of the Red Cross" goes on
    while words and words[-1][2].lower() in NP_PREPOSITIONS:
        words.pop()
    if all(w.lower() in DETERMINERS for _, _, w in words):
        return None  # "its alleged": an adjective, not a verb
    return words[-1][0], words[0][1]


def _np_after(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase that starts just after `pos` ("said [the ministry] in a statement")."""
    words: list[tuple[int, int, str]] = []
    for s, e, piece in _pieces(text, pos, min(hi, pos + 200)):
        w = piece.lower()
        if not _is_word(piece) or len(words) >= MAX_NP_WORDS or w in VERB_FORMS:
            break
        if w in AFTER_STOPS and not (
            w in DETERMINERS or w in NP_PREPOSITIONS - {"in", "at", "from"}
        ):
            break
        words.append((s, e, w))
    while words and (words[-1][2] in NP_PREPOSITIONS or words[-1][2] in DETERMINERS):
        words.pop()
    if not words:
        return None
    return words[0][0], words[-1][1]


def _prev_piece(text: str, pos: int) -> str:
    pieces = _pieces(text, max(0, pos - 40), pos)
    return pieces[-1][2] if pieces else ""


def _next_piece(text: str, pos: int) -> str:
    m = PIECE_RE.search(text, pos, min(len(text), pos + 40))
    return m.group() if m else ""


def _clause_follows(text: str, pos: int) -> bool:
    """A reported clause comes next: a pronoun, a quote, or "that" before any comma."""
    for i, (_, _, piece) in enumerate(_pieces(text, pos, min(len(text), pos + 80))):
        w = re.split("['’]", piece.lower())[0]  # "it’s" -> "it"
        if i == 0 and (w in FOLLOWERS or w == "as" or not _is_word(piece)):
            return True
        if w == "that":
            return True
        if not _is_word(piece) or i >= 8:
            return False
    return False


def _sentence_start(text: str, pos: int, lo: int) -> int:
    floor = max(lo, pos - 400)
    last = floor
    for m in SENTENCE_END_RE.finditer(text, floor, pos):
        last = m.end()
    return last


def _appositive_subject(text: str, comma: int, lo: int) -> tuple[int, int] | None:
    """'X, who ..., said' / 'X, the spokesman, said': the X before the opening comma."""
    open_comma = text.rfind(",", lo, comma)
    if open_comma < 0:
        return None
    opener = _next_piece(text, open_comma + 1).lower()
    if opener not in ("who", "which", "a", "an", "the") and opener not in DETERMINERS:
        return None
    return _np_before(text, open_comma, lo)


class _Finder:
    """Attributions in one range, with the last source seen for coordinated verbs."""

    def __init__(self, text: str, lo: int, hi: int, aliases: AliasTable) -> None:
        self.text, self.lo, self.hi, self.aliases = text, lo, hi, aliases
        self.found: list[Attribution] = []
        self.last_sourced: Attribution | None = None

    def key_of(self, s: int, e: int) -> str | None:
        phrase = self.text[s:e]
        if phrase.lower() in PERSON_PRONOUNS:
            people = [
                m
                for m in find_mentions(self.text, max(0, s - 800), s, aliases=self.aliases)
                if m.role == "person"
            ]
            return people[-1].key if people else None
        near = find_mentions(self.text, max(0, s - 80), e, aliases=self.aliases)
        mentions = [m for m in near if m.end > s]  # "the Red Cross" inside a longer name
        for wanted in (lambda m: m.role == "person", lambda m: m.key in self.aliases.keys):
            for m in mentions:
                if wanted(m):
                    return m.key
        return mentions[0].key if mentions else None

    def add(self, source: tuple[int, int] | None, cue_s: int, cue_e: int) -> None:
        text = self.text
        if source is None:
            self.found.append(Attribution(None, text[cue_s:cue_e], cue_s, cue_e, None))
            return
        s, e = source
        lo, hi = min(s, cue_s), max(e, cue_e)
        self.last_sourced = Attribution(text[s:e], text[cue_s:cue_e], lo, hi, self.key_of(s, e))
        self.found.append(self.last_sourced)

    def inherited(self, cue_s: int) -> Attribution | None:
        """The source of an earlier verb in the same sentence ("Baku accuses ... and alleges")."""
        last = self.last_sourced
        if last is not None and last.start >= _sentence_start(self.text, cue_s, self.lo):
            return last
        return None

    def verb(self, s: int, e: int) -> None:
        text, word = self.text, self.text[s:e].lower()
        form = VERB_FORMS[word]
        prev = _prev_piece(text, s).lower()
        nxt = _next_piece(text, e).lower()
        if form == "ing" or prev in ("and", "while", "but"):
            if form == "ing" and prev not in (",", "and", "while", "—", "–"):
                return
            earlier = self.inherited(s)
            if earlier is not None:
                self.found.append(Attribution(earlier.source, text[s:e], s, e, earlier.source_key))
            return
        if form == "past" and nxt == "of":
            return  # "nationals accused of spying": a participle, not a statement
        if prev in PASSIVE_AUX and form == "past":
            if nxt == "by":
                by = text.find("by", e)
                self.add(_np_after(text, by + 2, self.hi), s, by + 2)
            return
        if word in NOUN_LIKE and (
            prev in DETERMINERS or prev.endswith(("'s", "’s")) or nxt not in FOLLOWERS
        ):
            return
        if VERB_LEMMAS[word] not in ALWAYS_REPORTING and not _clause_follows(text, e):
            return
        subject = _np_before(text, s, self.lo)
        if subject is None and prev == ",":
            comma = text.rfind(",", self.lo, s)
            subject = _appositive_subject(text, comma, _sentence_start(text, s, self.lo))
        if subject is None and prev in (",", "”", '"', "’", "'", "—", "–"):
            subject = _np_after(text, e, self.hi)  # "..., said X"
        if subject is not None:
            self.add(subject, s, e)
        elif word in ("purported", "alleged"):
            self.add(None, s, e)

    def run(self) -> list[Attribution]:
        text, lo, hi = self.text, self.lo, self.hi
        events = [(m.start(), m.end(), "verb") for m in VERB_RE.finditer(text, lo, hi)]
        events += [(m.start(), m.end(), "source") for m in SOURCE_CUE_RE.finditer(text, lo, hi)]
        events += [(m.start(), m.end(), "bare") for m in BARE_CUE_RE.finditer(text, lo, hi)]
        taken = -1
        for s, e, kind in sorted(events, key=lambda ev: (ev[0], -ev[1])):
            if s < taken:
                continue  # "reported" inside "as reported by"
            if kind == "source":
                np = _np_after(text, e, hi)
                if np is not None:
                    self.add(np, s, e)
            elif kind == "bare":
                self.add(None, s, e)
            else:
                self.verb(s, e)
            taken = e
        return sorted(set(self.found), key=lambda a: (a.start, a.end, a.cue))


def find_attributions(
    text: str, start: int = 0, end: int | None = None, *, aliases: AliasTable | None = None
) -> tuple[Attribution, ...]:
    """Reporting cues in text[start:end] with their sources (None for a bare hedge)."""
    hi = len(text) if end is None else end
    return tuple(_Finder(text, start, hi, aliases or load_aliases()).run())


def find_negations(
    text: str, start: int = 0, end: int | None = None
) -> tuple[tuple[int, int], ...]:
    """Spans of negation cues; "not only", "no doubt", "whether or not" and the like are not.

    "no longer" counts: "X is no longer a member" denies that X is a member now.
    """
    hi = len(text) if end is None else end
    out = []
    for m in NEGATION_RE.finditer(text, start, hi):
        cue = m.group().lower()
        head = m.end() - 3 if cue.endswith("not") else m.start()  # "is [not] only"
        if cue.split()[-1] in NEGATIVE_WORDS and NOT_NEGATION_RE.match(text, head, hi):
            continue
        if cue == "not" and OR_NOT_RE.search(text, max(start, m.start() - 4), m.start()):
            continue  # "whether or not", "many, if not most"
        out.append((m.start(), m.end()))
    return tuple(out)


def find_hedges(text: str, start: int = 0, end: int | None = None) -> tuple[tuple[int, int], ...]:
    """Spans of hedging cues ("allegedly", "likely", "may", "assessed as likely")."""
    hi = len(text) if end is None else end
    out = []
    for m in HEDGE_RE.finditer(text, start, hi):
        if m.group().lower() == "may" and not MAY_RE.fullmatch(m.group()):
            continue
        out.append((m.start(), m.end()))
    return tuple(out)
