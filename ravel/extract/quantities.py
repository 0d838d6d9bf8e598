"""Find number phrases ("38 people", "dozens", "at least 2", "$4.2bn") as intervals.

One compiled scanner finds number cores (digits, number words, vague words,
ordinals) and things that only look like numbers (dates, clock times, phone
numbers), then small anchored matches around each core read its scale, range,
unit, bound modifier and counted noun. Work per core is bounded, so the whole
pass is linear in the input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Context, Decimal

from ravel.extract import _number_words as W
from ravel.extract._intervals import relate_intervals
from ravel.model import Quantity

_CTX = Context(prec=60)  # exact products for any number we accept
_MAX_DIGITS = 24  # longer digit runs are identifiers or noise, not quantities
_WINDOW = 48  # characters of left context read for modifiers and prev words
_TENTH = Decimal("0.1")


def _alt(words: Iterable[str]) -> str:
    """Alternation of literal phrases as a prefix trie (fast to try, longest first);
    spaces match any blank run."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    branches = [
        (r"[^\S\n]++" if ch == " " else re.escape(ch)) + _trie_regex(child)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


_SP = r"(?:[^\S\n]++\n?+|\n)[^\S\n]*+"  # a blank run that crosses at most one newline
_NUMBER_WORDS = frozenset([*W.UNITS, *W.TEENS, *W.TENS, "hundred", *W.BIG_SCALES, *W.ORDINALS])
_NUM_WORDS = [*W.UNITS, *W.TEENS, *W.TENS, W.HUNDRED, *W.BIG_SCALES, W.DOZEN]
_NW = rf"(?:{_alt(_NUM_WORDS)})\b"
_SCALE_NEXT = rf"(?=(?:{W.HUNDRED}|{'|'.join(W.BIG_SCALES)}|{W.DOZEN})\b)"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)

_SCAN = re.compile(
    r"(?P<block>(?<![\w.,])(?:"
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"  # ISO date
    r"|[0-9]{1,2}[/.][0-9]{1,2}[/.][0-9]{2,4}"  # 27/06/2025, 27.06.2025
    r"|[0-9]{1,4}/[0-9]{1,4}"  # fractions, 24/7, 9/11
    r"|[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?"  # clock times
    r"|\([0-9]{2,5}\)[ ]?[0-9]{3,4}[ -]?[0-9]{3,4}"  # (020) 7946 0958
    r"|(?:0[0-9]{1,4}|[0-9]{3,5})[ -][0-9]{3,4}[ -][0-9]{3,4}"  # 020 7946 0958
    r")(?![0-9])|\+[0-9][0-9 ()\-]{6,18}[0-9])"  # +44203 5760668
    r"|(?P<num>(?<![\w.,/\-+#:])(?:[0-9]{1,3}(?:,[0-9]{3})++|[0-9]++)(?:\.[0-9]++)?"
    r"(?![0-9]|[.,][0-9]))"
    rf"|(?P<vague>(?i:\b(?:{_alt(W.VAGUE)})\b))"
    rf"|(?P<ord>(?i:\b(?:(?:{_alt(W.TENS)})[\s-])?(?:{_alt(W.ORDINALS)})\b))"
    rf"|(?P<words>(?i:\b(?:an?[^\S\n]++{_SCALE_NEXT})?{_NW}(?:[\s-]++(?:and[^\S\n]++)?{_NW}){{0,11}}+))"
)
# The number after a range separator ("10-12": the scanner skips digits after "-").
_SECOND = re.compile(
    r"(?P<num>(?:[0-9]{1,3}(?:,[0-9]{3})++|[0-9]++)(?:\.[0-9]++)?(?![0-9]|[.,][0-9]))"
    rf"|(?P<words>(?i:\b{_NW}(?:[\s-]++(?:and[^\S\n]++)?{_NW}){{0,11}}+))"
)
_TOKEN = re.compile(r"[A-Za-z]+")
# Glued to digits: ordinal suffix, scale, or (handled later) a unit or "%".
_ATTACHED = re.compile(r"(st|nd|rd|th|bn|mn|mln|tn|trn|[kKmb])(?![\w])")
_SCALE_WORD = re.compile(rf"(?i:(?:[^\S\n]++|-)({'|'.join(W.BIG_SCALES)})\b)")
_VAGUE_SCALE = re.compile(
    rf"(?i:{_SP}(?:of{_SP})?({W.HUNDRED}|{'|'.join(W.BIG_SCALES)}|{W.DOZEN})s?\b)"
)
_RANGE_SEP = re.compile(r"[^\S\n]*+[-\u2013\u2014][^\S\n]*+|[^\S\n]++(to|or|and)[^\S\n]++")
_PERCENT = re.compile(r"(?i:[^\S\n]?%|[^\S\n]*+(?:per[^\S\n]?cent|pct)\b)")
_CURRENCY_AFTER = re.compile(rf"(?i:{_SP}(?:of{_SP})?({_alt(W.CURRENCY_WORDS)})\b)")
_UNIT_AFTER = re.compile(
    rf"(?:[^\S\n]*+|-)(?:(?i:({_alt(W.UNIT_WORDS)})\b)|({_alt(W.UNIT_ABBREVIATIONS)})(?![\w/²]))"
)
_AGE = re.compile(r"(?i:-years?-old\b)")
_POST_MOD = re.compile(rf"(?i:[^\S\n]*+(\+|-plus\b)|{_SP}({_alt(W.POST_MODIFIERS)})\b)")
_CURRENCY_BEFORE = re.compile(rf"(?<![\w$])({_alt(W.CURRENCY_SIGNS)})[^\S\n]?\Z")
_RISEN = re.compile(  # "past 80" is a bound only after a rise: "climbed past 80"
    r"(?i:\b(?:climbed|climbs|rose|risen|rises|went|gone|surged|jumped|crept|edged)\s+)\Z"
)
_MODIFIER_BEFORE = re.compile(rf"(?i:(?<![\w])({_alt(W.MODIFIERS)})[^\S\n]*+\Z)")
_BETWEEN_BEFORE = re.compile(r"(?i:\bbetween[^\S\n]++\Z)")
_HALF_BEFORE = re.compile(r"(?i:\bhalf[^\S\n]++\Z)")
_FROM_BEFORE = re.compile(r"(?i:\bfrom[^\S\n]++\Z)")
_LABEL_BEFORE = re.compile(
    r"(?i:\b(?:(magnitude)[^\S\n-]*+|(aged|ages?[^\S\n]++of)[^\S\n]++)\Z)"
)  # "magnitude 7.8", "aged 38", "at the age of 92"
_AGE_CONTEXT_BEFORE = re.compile(
    r"(?i:\b(?:(?:dies|died|die|dying|dead)[^\S\n]++at|(?:he|she)[^\S\n]++(?:was|is))"
    r"[^\S\n]++\Z)"
)  # "dies at 78", "He was 78."
_NAME_COMMA_BEFORE = re.compile(r"\b[^\W\d_][\w'\u2019-]*+,[^\S\n]?\Z")  # "Smith, 45," is an age
_RATIO_AFTER = re.compile(rf"(?i:{_SP}in{_SP}(?:[0-9]{{1,3}}+(?![0-9.,])|{_NW}))")  # "one in five"
_PREV_WORD = re.compile(r"(?<![\w'\u2019])([^\W\d_][\w'\u2019]*+)(\.?)[^\S\n]*+\Z")
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}[^\S\n]*+(?:the[^\S\n]++)?\Z")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?[^\S\n]*+(?:of[^\S\n]++)?{_MONTH}")
_CLOCK_AFTER = re.compile(
    r"[^\S\n]*+(?:[ap]\.m\.|(?i:[ap]m|o'clock|hrs|local time)\b"
    r"|(?:GMT|UTC|BST|EST|EDT|PST|CET|CEST|MSK)\b)"
)
_LIST_MARK_AFTER = re.compile(r"[.)][^\S\n]|\]")
_LINE_START_BEFORE = re.compile(r"(?:\A|\n)[^\S\n]*+(?:[\u2022*\-\u2013\u00b7]?[^\S\n]*+|\[|\()\Z")
_WORD_AFTER = re.compile(rf"{_SP}([^\W\d_](?:[\w'\u2019]|-(?=\w))*+)")
_OF_AFTER = re.compile(rf"(?i:{_SP}of\b)")
_NUMBER_AFTER = re.compile(rf"{_SP}[0-9][0-9,.]*+(?=\s)")  # "38 of the [67] passengers"
_FRACTION_AFTER = re.compile(
    r"(?i:[^\S\n]*+-?[^\S\n]*+(?:halves|half|thirds?|quarters?|(?:fif|six|seven|eigh|nin|ten)ths?)\b)"
)  # "two-thirds", "one quarter": fractions, not counts
_ADJECTIVE_END = re.compile(
    r"(?:al|ic|ive|ous|ful|less|ed|ing|ian|ese|ish|ary|ern|ant|ent|ile|able|ible|i)\Z"
)
_TIME_UNITS = frozenset(k for k, v in W.UNIT_WORDS.items() if v in W.TIME_UNITS)
_DETERMINERS = frozenset(
    ["the", "these", "those", "his", "her", "their", "its", "our", "your", "all", "both", "such"]
)
_PRONOUNS = frozenset(["them", "whom", "us", "which", "those", "these", "you", "it"])
_NO_COUNT_BEFORE_ONE = frozenset(
    ["no", "any", "every", "each", "some", "the", "this", "that", "which", "another"]
)


@dataclass
class _Draft:
    """A quantity phrase under construction."""

    start: int
    end: int
    lo: Decimal | None
    hi: Decimal | None
    lo_open: bool = False
    hi_open: bool = False
    kind: str = "cardinal"  # "" marks a span to skip (a ratio)
    unit: str | None = None
    vague: bool = False
    year_like: bool = False  # a bare 4-digit 1800-2100 integer
    counted: tuple[str, int, int] | None = None


def find_quantities(text: str, start: int = 0, end: int | None = None) -> tuple[Quantity, ...]:
    """Every quantity phrase in `text[start:end]`, sorted and non-overlapping."""
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    found: list[Quantity] = []
    pos = floor = start
    while pos < end:
        m = _SCAN.search(text, pos, end)
        if m is None:
            break
        draft = _read(text, m, floor, end)
        pos = draft.end if draft else _skip_to(text, m)
        if draft is not None and draft.kind:
            found.append(_to_quantity(text, draft))
            floor = draft.end
    return tuple(found)


def _skip_to(text: str, m: re.Match[str]) -> int:
    """Where scanning resumes after a rejected core: past it, or past its valid words."""
    if m.lastgroup == "words":
        parsed = _parse_words(text, m.start(), m.end())
        return parsed[1] if parsed else _TOKEN.search(text, m.start(), m.end()).end()  # type: ignore[union-attr]
    return m.end()


def _read(text: str, m: re.Match[str], floor: int, end: int) -> _Draft | None:
    """Build the phrase around one scanned core, or None if it is not a quantity."""
    group = m.lastgroup
    if group == "num":
        return _read_digits(text, m, floor, end)
    if group == "words":
        return _read_words(text, m, floor, end)
    if group == "vague":
        return _read_vague(text, m, end)
    if group == "ord":
        value = _ordinal_value(m.group())
        return _finish_ordinal(text, _Draft(m.start(), m.end(), value, value), end)
    return None


# ---------------------------------------------------------------- cores


def _parse_digits(s: str) -> Decimal | None:
    digits = s.replace(",", "")
    return None if len(digits) > _MAX_DIGITS else Decimal(digits)


def _ordinal_value(s: str) -> Decimal:
    parts = _TOKEN.findall(s.lower())
    return Decimal(sum(W.TENS.get(p, 0) + W.ORDINALS.get(p, 0) for p in parts))


# Which kind of number word may follow which ("" = the start of the phrase).
_FOLLOWS: dict[str, frozenset[str]] = {
    "a": frozenset({""}),
    "unit": frozenset({"", "tens", "hundred", "big", "and"}),
    "teen": frozenset({"", "hundred", "big", "and"}),
    "tens": frozenset({"", "hundred", "big", "and"}),
    "hundred": frozenset({"unit", "teen", "a"}),
    "big": frozenset({"unit", "teen", "tens", "hundred", "a"}),
    "dozen": frozenset({"unit", "a"}),
    "and": frozenset({"hundred", "big"}),
}


def _word_kind(w: str) -> tuple[str, int]:
    """Kind and value of one number word ("twenty" -> ("tens", 20))."""
    for kind, table in (("unit", W.UNITS), ("teen", W.TEENS), ("tens", W.TENS)):
        if w in table:
            return kind, table[w]
    if w in W.BIG_SCALES:
        return "big", W.BIG_SCALES[w]
    simple = {"a": ("a", 1), "an": ("a", 1), "and": ("and", 0), W.HUNDRED: ("hundred", 100)}
    return simple.get(w, ("dozen", 12) if w == W.DOZEN else ("", 0))


def _parse_words(text: str, start: int, end: int) -> tuple[Decimal, int, int] | None:
    """Value, end offset and word count of the longest valid number-word prefix."""
    total = group = count = 0
    last, value_end, big_prev = "", start, 10**16
    for tok in _TOKEN.finditer(text, start, end):
        kind, v = _word_kind(tok.group().lower())
        if last not in _FOLLOWS.get(kind, ()):
            break
        if kind == "and":
            last = kind
            continue
        if (kind == "hundred" and group >= 100) or (kind == "big" and v >= big_prev):
            break  # "two hundred five hundred", "a thousand million"
        if kind == "big":
            total, group, big_prev = total + group * v, 0, v
        elif kind in ("hundred", "dozen"):
            group *= v
        else:
            group += v
        last, value_end, count = kind, tok.end(), count + 1
        if kind == "dozen":
            break
    if last in ("", "a", "and"):
        return None
    return Decimal(total + group), value_end, count


def _read_digits(text: str, m: re.Match[str], floor: int, end: int) -> _Draft | None:
    value = _parse_digits(m.group())
    raw = m.group()
    if value is None or (raw[0] == "0" and raw[1:2].isdigit()):
        return None  # zero-padded: codes and phone numbers
    d = _Draft(m.start(), m.end(), value, value)
    d.year_like = len(raw) == 4 and raw.isdigit() and 1800 <= int(raw) <= 2100
    currency, cur_start = _currency_before(text, d.start, floor)
    if m.end() < end and text[m.end()].isalpha():
        suffix = _ATTACHED.match(text, m.end(), end)
        unit = _UNIT_AFTER.match(text, m.end(), end)
        if suffix and suffix.group(1) in ("st", "nd", "rd", "th"):
            d.end = suffix.end()
            return _finish_ordinal(text, d, end)
        if suffix and (
            currency or suffix.group(1) not in ("m", "b") or _plural_next(text, suffix.end(), end)
        ):
            _scale(d, W.ATTACHED_SCALES[suffix.group(1)], suffix.end())
            d.year_like = False
        elif not unit:
            return None  # "8BF", "5G", "3D": codes, not numbers
    elif (sm := _SCALE_WORD.match(text, d.end, end)) is not None:
        _scale(d, W.BIG_SCALES[sm.group(1).lower()], sm.end())
        d.year_like = False
    if currency:
        d.kind, d.unit, d.start, d.year_like = "money", currency, cur_start, False
    return _extend(text, d, floor, end, raw_value=value)


def _plural_next(text: str, pos: int, end: int) -> bool:
    """ "1.5m people": a glued "m" before a plural noun is million, not metres."""
    nxt = _WORD_AFTER.match(text, pos, end)
    return nxt is not None and nxt.group(1).islower() and _is_plural(nxt.group(1))


def _read_words(text: str, m: re.Match[str], floor: int, end: int) -> _Draft | None:
    parsed = _parse_words(text, m.start(), m.end())
    if parsed is None:
        return None
    value, value_end, count = parsed
    if _FRACTION_AFTER.match(text, value_end, end):
        return None
    d = _Draft(m.start(), value_end, value, value)
    if text[m.start()] in "aA" and (
        half := _HALF_BEFORE.search(text, max(floor, d.start - 8), d.start)
    ):
        d.start, d.lo, d.hi = half.start(), value / 2, value / 2  # "half a million"
    currency, cur_start = _currency_before(text, d.start, floor)
    if currency:
        d.kind, d.unit, d.start = "money", currency, cur_start
    done = _extend(text, d, floor, end, raw_value=value)
    if done is not None and value == 1 and count == 1 and done.kind == "cardinal":
        return _check_lone_one(text, done, floor)
    return done


def _read_vague(text: str, m: re.Match[str], end: int) -> _Draft | None:
    key = " ".join(m.group().lower().split())
    lo, hi = W.VAGUE[key]
    d = _Draft(m.start(), m.end(), Decimal(lo), None if hi is None else Decimal(hi), vague=True)
    sm = _VAGUE_SCALE.match(text, d.end, end)
    if sm is not None and key != "a number":
        scale = W.BIG_SCALES.get(sm.group(1).lower()) or (
            12 if sm.group(1).lower() == W.DOZEN else 100
        )
        d.lo = _CTX.multiply(d.lo, scale)  # type: ignore[arg-type]
        d.hi = None if hi is None else Decimal((hi + 1) * scale - 1)
        d.end = sm.end()
    elif key in W.VAGUE_NEEDS_OF and not _OF_AFTER.match(text, d.end, end):
        return None
    if key == "tens" and sm is None:
        return None
    _attach_unit(text, d, end)
    if d.kind == "cardinal":
        d.counted = _counted(text, d.end, end, plural=True, any_noun=False)
        if key in W.VAGUE_NEEDS_NOUN and d.counted is None:
            return None
    return d


def _scale(d: _Draft, scale: int, new_end: int) -> None:
    d.lo = d.hi = _CTX.multiply(d.lo, scale)  # type: ignore[arg-type]
    d.end = new_end


def _currency_before(text: str, start: int, floor: int) -> tuple[str | None, int]:
    m = _CURRENCY_BEFORE.search(text, max(floor, start - 6), start)
    return (W.CURRENCY_SIGNS[m.group(1)], m.start()) if m else (None, start)


# ---------------------------------------------------------------- extensions


def _extend(text: str, d: _Draft, floor: int, end: int, *, raw_value: Decimal) -> _Draft | None:
    """Range, unit, bounds, filters and counted noun around a written number."""
    core_start, left = d.start, max(floor, d.start - _WINDOW)
    if d.kind == "cardinal" and (ratio := _RATIO_AFTER.match(text, d.end, end)):
        return _Draft(d.start, ratio.end(), None, None, kind="")  # a ratio: skip it whole
    between = _BETWEEN_BEFORE.search(text, left, d.start)
    if not _FROM_BEFORE.search(text, left, d.start):
        ranged = _read_range(text, d, end, raw_value, allow_and=between is not None)
        if ranged is None:
            return None  # "3-1", "10-5": scores and codes
        if ranged and between:
            d.start = between.start()
    _attach_unit(text, d, end)
    _apply_post_modifier(text, d, end)
    _apply_modifier(text, d, floor)
    if d.kind == "cardinal":
        _apply_label(text, d, left, end)
    if d.kind == "cardinal":
        d.counted = _counted(text, d.end, end, plural=d.lo != 1 or d.hi != 1, any_noun=False)
    elif d.kind == "percent":
        d.counted = _counted(text, d.end, end, plural=False, any_noun=True, of_only=True)
    if _is_not_quantity(text, d, core_start, floor, end):
        return None
    return d


def _read_range(text: str, d: _Draft, end: int, raw: Decimal, *, allow_and: bool) -> bool | None:
    """Turn "10-12", "two or three", "$5-6 billion" into an interval; None = reject."""
    sep = _RANGE_SEP.match(text, d.end, end)
    if sep is None or (sep.group(1) == "and" and not allow_and) or d.lo is None:
        return False
    m2 = _SECOND.match(text, sep.end(), end)
    second = _second_value(text, m2, end) if m2 else None
    if second is None:
        return False
    b_raw, scale, b_end = second
    lo, b = d.lo, _CTX.multiply(b_raw, scale)
    if scale > 1 and d.lo == raw and raw < b_raw:
        lo = _CTX.multiply(raw, scale)  # "1.5 to 2 million": the scale is shared
    if b <= lo:
        return None if sep.group(1) is None and m2 and m2.lastgroup == "num" else False
    d.lo, d.hi, d.end = lo, b, b_end
    d.year_like = d.year_like and 1800 <= b <= 2100
    return True


def _second_value(text: str, m: re.Match[str], end: int) -> tuple[Decimal, int, int] | None:
    """Raw value, scale and end of the number after a range separator."""
    if m.lastgroup == "words":
        parsed = _parse_words(text, m.start(), m.end())
        if parsed is None:
            return None
        last = text[m.start() : parsed[1]].split()[-1].lower()
        scale = W.BIG_SCALES.get(last, 1)
        return _CTX.divide(parsed[0], scale), scale, parsed[1]
    if m.lastgroup != "num" or (value := _parse_digits(m.group())) is None:
        return None
    if m.end() < end and text[m.end()].isalpha():
        suffix = _ATTACHED.match(text, m.end(), end)
        if suffix and suffix.group(1) in W.ATTACHED_SCALES and suffix.group(1) not in "mb":
            return value, W.ATTACHED_SCALES[suffix.group(1)], suffix.end()
        return (value, 1, m.end()) if _UNIT_AFTER.match(text, m.end(), end) else None
    if (sm := _SCALE_WORD.match(text, m.end(), end)) is not None:
        return value, W.BIG_SCALES[sm.group(1).lower()], sm.end()
    return value, 1, m.end()


def _attach_unit(text: str, d: _Draft, end: int) -> None:
    """Percent sign, currency word or measurement unit right after the number."""
    if d.kind != "cardinal":
        return
    at = d.end
    if d.vague and (of := _OF_AFTER.match(text, at, end)):
        unit = _UNIT_AFTER.match(text, of.end(), end)
        if unit and unit.group(1) and unit.group(1).lower() in _TIME_UNITS:
            d.kind, d.unit, d.end = "measure", W.UNIT_WORDS[unit.group(1).lower()], unit.end()
            return
    if (p := _PERCENT.match(text, at, end)) is not None:
        d.kind, d.unit, d.end = "percent", "%", p.end()
    elif (c := _CURRENCY_AFTER.match(text, at, end)) is not None:
        d.kind, d.unit, d.end = "money", W.CURRENCY_WORDS[c.group(1).lower()], c.end()
    elif (a := _AGE.match(text, at, end)) is not None:
        d.kind, d.unit, d.end = "measure", "age", a.end()
    elif (u := _UNIT_AFTER.match(text, at, end)) is not None:
        word = u.group(1)
        d.kind, d.end = "measure", u.end()
        d.unit = W.UNIT_WORDS[word.lower()] if word else W.UNIT_ABBREVIATIONS[u.group(2)]


def _apply_label(text: str, d: _Draft, left: int, end: int) -> None:
    """Magnitudes and ages named before the number."""
    if (m := _LABEL_BEFORE.search(text, left, d.start)) is not None:
        d.kind, d.start = "measure", m.start()
        d.unit = "magnitude" if m.group(1) else "age"
    elif (
        d.lo == d.hi
        and d.lo is not None
        and 0 < d.lo < 130
        and d.counted is None
        and _AGE_CONTEXT_BEFORE.search(text, left, d.start)
    ) or (
        d.lo == d.hi
        and _NAME_COMMA_BEFORE.search(text, left, d.start)
        and text.startswith(",", d.end)
        and d.lo is not None
        and 0 < d.lo < 130
    ):
        d.kind, d.unit = "measure", "age"


def _apply_post_modifier(text: str, d: _Draft, end: int) -> None:
    m = _POST_MOD.match(text, d.end, end)
    if m is None or d.lo != d.hi or d.vague:
        return
    how = "ge" if m.group(1) else W.POST_MODIFIERS[" ".join(m.group(2).lower().split())]
    _bound(d, how)
    d.end = m.end()


def _apply_modifier(text: str, d: _Draft, floor: int) -> None:
    if d.vague:
        return
    m = _MODIFIER_BEFORE.search(text, max(floor, d.start - _WINDOW), d.start)
    if m is not None and not (
        m.group(1).lower() == "past" and not _RISEN.search(text, max(0, m.start() - 12), m.start())
    ):  # "climbed past 80"; not "the past 80 years", "half past eight", "walked past 3 cars"
        _bound(d, W.MODIFIERS[" ".join(m.group(1).lower().split())])
        d.start = m.start()


def _bound(d: _Draft, how: str) -> None:
    """Apply a bound modifier to the draft's interval."""
    lo, hi = d.lo, d.hi
    if lo is None or hi is None:
        return  # already open-ended ("at least 40 or more")
    floor = None if d.kind == "measure" else Decimal(0)
    if how == "ge":
        d.hi = None
    elif how == "gt":
        d.lo_open, d.hi = True, None
    elif how == "lt":
        d.lo, d.hi_open = floor, True
    elif how == "le":
        d.lo = floor
    elif how == "near_lt":
        d.lo, d.hi_open, d.vague = hi - _CTX.multiply(hi, _TENTH), True, True
    elif how == "gt_near":
        d.lo_open, d.hi, d.vague = True, lo + _CTX.multiply(lo, _TENTH), True
    elif how == "approx":
        (d.lo, d.hi), d.vague = around(lo, hi), True


# ---------------------------------------------------------------- filters


def _is_not_quantity(text: str, d: _Draft, core_start: int, floor: int, end: int) -> bool:
    """Dates, clock times, list markers, identifiers and years look like numbers."""
    left = max(floor, d.start - _WINDOW)
    plain = d.kind == "cardinal"
    return (
        (plain and _is_date_or_time(text, d, left, end))
        or _is_marker(text, d, left, end)
        or _is_label(text, d, core_start, left, end)
    )


def _is_date_or_time(text: str, d: _Draft, left: int, end: int) -> bool:
    """ "24 June", "June 2025", "10am", "0800 GMT"."""
    day = d.lo is not None and d.lo == d.lo.to_integral_value() and 0 <= d.lo <= 31
    if (day or d.year_like) and (
        _MONTH_BEFORE.search(text, left, d.start) or _MONTH_AFTER.match(text, d.end, end)
    ):
        return True
    return _CLOCK_AFTER.match(text, d.end, end) is not None


def _is_marker(text: str, d: _Draft, left: int, end: int) -> bool:
    """Citation marks "[12]", list markers "(1)" and "1." at the start of a line."""
    before = text[d.start - 1] if d.start > 0 else "\n"
    after = text[d.end] if d.end < end else "\n"
    if d.kind == "cardinal" and (before, after) in (("[", "]"), ("(", ")")):
        return True
    return bool(
        _LINE_START_BEFORE.search(text, left, d.start) and _LIST_MARK_AFTER.match(text, d.end, end)
    )


def _is_label(text: str, d: _Draft, core_start: int, left: int, end: int) -> bool:
    """Years, and numbers that name rather than count ("Flight 8243", "10 Downing Street")."""
    prev = _PREV_WORD.search(text, left, d.start)
    prev_word = prev.group(1).lower() if prev else ""
    if d.start == core_start and (
        prev_word in W.LABEL_NOUNS or (prev_word in W.IDENTIFIER_NOUNS and d.counted is None)
    ):
        return True
    if d.kind != "cardinal":
        return False
    if d.year_like:  # a year unless it counts a plural noun: "2000 people", not "in 2000"
        return d.counted is None or prev_word in W.YEAR_PREPOSITIONS or not _is_plural(d.counted[0])
    if d.counted is not None:
        return False
    if prev and prev.group(1)[0].isupper() and prev_word not in W.STOP_WORDS:
        return True  # "Boeing 737", "World War Two" (but "The 38", "Only 5")
    nxt = _WORD_AFTER.match(text, d.end, end)
    return (  # "10 Downing Street", "1 The Links"; not "jumped to 72 Saturday"
        nxt is not None and nxt.group(1)[0].isupper() and nxt.group(1).lower() not in _WEEKDAYS
    )


_WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def _check_lone_one(text: str, d: _Draft, floor: int) -> _Draft | None:
    """A bare "one" is a pronoun unless it counts something ("one raid", "one of the men")."""
    prev = _PREV_WORD.search(text, max(floor, d.start - _WINDOW), d.start)
    if prev and prev.group(1).lower() in _NO_COUNT_BEFORE_ONE:
        return None
    return d if d.counted is not None else None


def _finish_ordinal(text: str, d: _Draft, end: int) -> _Draft | None:
    d.kind = "ordinal"
    left = max(0, d.start - _WINDOW)
    if _MONTH_BEFORE.search(text, left, d.start) or _MONTH_AFTER.match(text, d.end, end):
        return None  # "June 24th", "24th of June"
    if _OF_AFTER.match(text, d.end, end):
        return None  # "a third of the vote", "the first of many": fractions and pronouns
    d.counted = _counted(text, d.end, end, plural=False, any_noun=False)
    return d


# ---------------------------------------------------------------- counted noun


def _is_plural(word: str) -> bool:
    w = word.lower()
    last = w.rsplit("-", 1)[-1]  # "great-grandchildren"
    if w in W.IRREGULAR_PLURALS or last in W.IRREGULAR_PLURALS or last.endswith("children"):
        return True
    return (
        len(w) > 3
        and w.endswith("s")
        and not w.endswith(("ss", "us", "is", "'s", "\u2019s"))
        and w not in W.NOT_PLURAL
    )


def _skippable(word: str) -> bool:
    w = word.lower()
    return (
        word[0].isupper() or "-" in w or w in W.SKIP_WORDS or _ADJECTIVE_END.search(w) is not None
    )


def _words_after(text: str, pos: int, end: int, limit: int = 4) -> list[re.Match[str]]:
    out: list[re.Match[str]] = []
    while len(out) < limit and (m := _WORD_AFTER.match(text, pos, end)) is not None:
        out.append(m)
        pos = m.end()
    return out


def _counted(
    text: str, pos: int, end: int, *, plural: bool, any_noun: bool, of_only: bool = False
) -> tuple[str, int, int] | None:
    """The noun counted: "38 [people]", "2 Russian [nationals]", "two of the [suspects]"."""
    of = _OF_AFTER.match(text, pos, end)
    if of is None:
        return None if of_only else _head(_words_after(text, pos, end), plural=plural)
    words = _words_after(text, of.end(), end, limit=5)
    if words and words[0].group(1).lower() in _DETERMINERS:
        number = _NUMBER_AFTER.match(text, words[0].end(), end)
        words = _words_after(text, number.end(), end) if number else words[1:]
    elif words and words[0].group(1).lower() in _PRONOUNS:
        return None
    if words and _SUPERLATIVE.match(words[0].group(1)):
        return None  # "one of the largest", "one of the least dependent"
    return _head(words, plural=not any_noun, any_noun=any_noun)


_SUPERLATIVE = re.compile(r"(?:most|least|best|worst|[a-z]{2,}est)\Z")


_QUANTIFIERS = frozenset("many few more most less several some numerous multiple".split())


def _compound_head(
    words: list[re.Match[str]], m: re.Match[str], word: str
) -> tuple[str, int, int] | None:
    """ "32 fire tenders", "150 rescue workers": a noun before the plural noun it modifies."""
    following = [w for w in words if w.start(1) > m.start(1)]
    if not following or word in W.STOP_WORDS or word in W.VAGUE or word in _QUANTIFIERS:
        return None  # "one of many examples": "many" is no noun
    head = following[0]
    if following[0].start(1) - m.end(1) > 1 or not _is_plural(head.group(1)):
        return None
    return head.group(1).lower(), head.start(1), head.end(1)


def _head(
    words: list[re.Match[str]], *, plural: bool, any_noun: bool = False
) -> tuple[str, int, int] | None:
    fallback = None
    for m in words:
        w = m.group(1)
        lw = w.lower()
        if lw in W.STOP_WORDS or lw in _NUMBER_WORDS:
            break
        if plural and _is_plural(w):
            return lw, m.start(1), m.end(1)
        if _skippable(w):
            if not plural and not w[0].isupper() and not lw.endswith("ed"):
                fallback = (lw, m.start(1), m.end(1))
            continue
        if plural and not any_noun:
            return _compound_head(words, m, lw)
        return lw, m.start(1), m.end(1)
    return fallback


# ---------------------------------------------------------------- output


def _to_quantity(text: str, d: _Draft) -> Quantity:
    counted, cs, ce = d.counted if d.counted else (None, None, None)
    return Quantity(
        start=d.start, end=d.end, text=text[d.start : d.end], lo=d.lo, hi=d.hi,
        lo_open=d.lo_open, hi_open=d.hi_open, kind=d.kind, unit=d.unit,
        counted=counted, counted_start=cs, counted_end=ce, vague=d.vague,
    )  # fmt: skip


def _lower_key(q: Quantity) -> tuple[int, Decimal, int]:
    """Sort key of a lower bound: None is -inf; an open bound sits just above."""
    if q.lo is None:
        return (-1, Decimal(0), 0)
    return (0, q.lo, 1 if q.lo_open else 0)


def _upper_key(q: Quantity) -> tuple[int, Decimal, int]:
    """Sort key of an upper bound: None is +inf; an open bound sits just below."""
    if q.hi is None:
        return (1, Decimal(0), 0)
    return (0, q.hi, -1 if q.hi_open else 0)


def relate_quantities(a: Quantity, b: Quantity) -> str:
    """ "equal", "contains" (a holds b), "within" (a inside b), "overlap" or "disjoint"."""
    return relate_intervals(_lower_key(a), _upper_key(a), _lower_key(b), _upper_key(b),
                            _nonempty)


def _nonempty(lo: tuple[int, Decimal, int], hi: tuple[int, Decimal, int]) -> bool:
    if lo[0] != 0 or hi[0] != 0:
        return True  # an unbounded side always meets the other interval's range
    return lo[1] < hi[1] or (lo[1] == hi[1] and lo[2] == 0 and hi[2] == 0)


def describe_quantity(q: Quantity) -> str:
    """Short normalized value: "38", "[24, 99]", ">= 2", "> 5", "~100", "4.2e9 USD"."""
    unit = "" if not q.unit else q.unit if q.unit == "%" else f" {q.unit}"
    lo, hi = q.lo, q.hi
    if lo is not None and lo == hi:
        value = _fmt(lo)
        if q.kind == "ordinal":
            value = _ordinal_suffix(lo)
    elif lo is not None and hi is not None and _is_approx(lo, hi) and q.vague:
        value = "~" + _fmt((lo + hi) / 2)
    elif lo is not None and hi is None:
        value = f"{'>' if q.lo_open else '>='} {_fmt(lo)}"
    elif hi is not None and (lo is None or (lo == 0 and not q.lo_open)):
        value = f"{'<' if q.hi_open else '<='} {_fmt(hi)}"
    elif lo is None and hi is None:
        value = "any"
    else:
        value = f"{'(' if q.lo_open else '['}{_fmt(lo)}, {_fmt(hi)}{')' if q.hi_open else ']'}"
    return value + unit


def around(lo: Decimal, hi: Decimal) -> tuple[Decimal, Decimal]:
    """The interval an estimate stands for: "about 100" is 90 to 110."""
    return lo - _CTX.multiply(lo, _TENTH), hi + _CTX.multiply(hi, _TENTH)


def is_estimate(q: Quantity) -> bool:
    """ "about 100", "some 21 km": a value with +-10% around it."""
    return q.vague and q.lo is not None and q.hi is not None and _is_approx(q.lo, q.hi)


def _is_approx(lo: Decimal, hi: Decimal) -> bool:
    center = _CTX.divide(lo + hi, 2)
    return center > 0 and lo == center - _CTX.multiply(center, _TENTH)


def _fmt(d: Decimal | None) -> str:
    if d is None:
        return "inf"
    if d == d.to_integral_value() and abs(d) < 10**6:
        return str(int(d))
    if abs(d) < 10**6:
        return format(d.normalize(), "f")
    return format(d.normalize(), "e").replace("e+", "e").replace("E+", "e")


def _ordinal_suffix(n: Decimal) -> str:
    i = int(n)
    suffix = "th" if 10 <= i % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(i % 10, "th")
    return f"{i}{suffix}"
