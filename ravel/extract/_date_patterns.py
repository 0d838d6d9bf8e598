"""The master regex of the temporal tagger and the look-behind patterns around a match."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ravel.extract import _date_words as W

_M, _WD, _SEA, _DP, _U = W.MONTH_RE, W.WEEKDAY_RE, W.SEASON_RE, W.DAYPART_RE, W.UNIT_RE
_N, _ORD, _DAY, _YR, _NL = W.NUM_RE, W.ORDINAL_RE, W.DAY_RE, W.YEAR_RE, W.NUM_LEFT
_REL = r"last|next|this|coming|past"

# Order matters where two alternatives can start at the same place: longest first.
_ALTERNATIVES: tuple[tuple[str, str], ...] = (
    ("iso", _NL + r"(?P<iso_y>\d{4})-(?:(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)"
     r"(?:T(?P<iso_t>[0-2]\d:[0-5]\d)(?::[0-5]\d)?)?|W(?P<iso_w>[0-5]\d)|Q(?P<iso_q>[1-4])"
     r"|(?P<iso_mo>[01]\d))"
     r"(?![\w-])"),
    ("ymd", _NL + r"(?P<ymd_y>\d{4})/(?P<ymd_m>[01]?\d)/(?P<ymd_d>[0-3]?\d)(?![\w/])"),
    ("num", _NL + r"(?P<num_a>[0-3]?\d)(?P<num_s>[/.])(?P<num_b>[0-3]?\d)(?P=num_s)"
     r"(?P<num_y>\d{4}|\d\d)(?![\w/]|\.\d)"),
    ("dmy", rf"(?:(?P<dmy_w>{_WD}),?\s+(?:the\s+)?)?{_NL}(?P<dmy_d>{_DAY})(?:\s+of)?\s+"
     rf"(?P<dmy_m>{_M})(?:,?\s+(?P<dmy_y>{_YR}))?"),
    ("mdy", rf"(?:(?P<mdy_w>{_WD}),?\s+)?(?P<mdy_m>{_M})\s+(?:the\s+)?{_NL}(?P<mdy_d>{_DAY})"
     rf"(?!\s*(?:%|per\s*cent|{_U}))(?:\s*[-\u2013]\s*(?P<mdy_d2>[12]\d|3[01]|0?[1-9])(?![\w%.,]\d))?"
     rf"(?:,?\s+(?P<mdy_y>{_YR}))?"),
    ("my", rf"(?P<my_m>{_M})(?:\s+of|,)?\s+(?P<my_y>{_YR})"),
    ("tm", _NL + r"(?P<tm_h>[01]?\d|2[0-3])(?:[:.](?P<tm_min>[0-5]\d))?\s*"
     rf"(?P<tm_ap>[ap]\.m\.|[ap]\.?m\b)(?:\s+(?P<tm_z>{W.ZONE_RE}))?"),
    ("tc", _NL + rf"(?P<tc_h>[01]?\d|2[0-3]):(?P<tc_min>[0-5]\d)(?![\d:])"
     rf"(?:\s*(?P<tc_z>{W.ZONE_RE}))?"),
    ("fy", rf"(?:fiscal(?:\s+year)?\s*|FY\s*)(?P<fy_y>{_YR}|'?\d\d(?![\w%]))"),
    ("dec", _NL + r"(?:(?P<dec_y>1\d\d0|20\d0)|['\u2019](?P<dec_a>\d0)|(?P<dec_b>[1-9]0))"
     r"['\u2019]?s(?![\w'\u2019])"),
    ("yr", _NL + rf"(?P<yr_a>{_YR})(?:\s*[-\u2013/]\s*(?P<yr_b>{_YR}|\d\d(?![\w%])))?"),
    ("cent", rf"(?P<cent_n>{_ORD})[\s-]+century(?![a-z])"),
    ("qq", rf"Q(?P<qq_n>[1-4])(?:\s+(?P<qq_y>{_YR})|\s*['\u2019](?P<qq_s>\d\d))?(?!\w)"),
    ("qtr", r"(?P<qtr_o>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+"
     rf"(?:fiscal\s+)?quarter(?![a-z])(?:\s+of\s+(?:(?P<qtr_y>{_YR})|fiscal\s+(?P<qtr_fy>{_YR})"
     r"|(?:the\s+)?(?P<qtr_r>this|last|next|the|that)\s+year))?"),
    ("half", r"(?P<half_o>first|second|1st|2nd|latter)\s+half(?![a-z])(?:\s+of\s+"
     rf"(?:(?P<half_y>{_YR})|(?P<half_r>this|last|next|the)\s+year))?"),
    ("pof", r"(?P<pof_p>end|beginning|start|middle|close|turn|rest|remainder)\s+of\s+the\s+"
     r"(?P<pof_u>year|month|week|decade|century)(?![a-z])"),
    ("ago", rf"(?:(?P<ago_n>{_N})[\s-]+)?(?P<ago_u>{_U})\s+(?P<ago_d>ago|earlier|later|from\s+now"
     r"|hence|(?:before|after|prior)(?=\s*[,.;:)]|\s*\Z))(?![a-z])"),
    ("pn", r"(?P<pn_r>past|last|next|coming|previous|following|first|final|initial)\s+"
     rf"(?P<pn_n>{_N})[\s-]+(?P<pn_u>{_U})"),
    ("hh", r"half\s+(?:an?\s+)?(?P<hh_u>hour|day|year|decade|century)(?![a-z])"),
    ("dur", _NL + rf"(?P<dur_n>{_N})(?P<dur_h1>\s+and\s+a\s+half)?[\s-]+(?:(?:more|additional|full"
     rf"|straight|consecutive|long|short|whole)\s+)?(?P<dur_u>{_U})"
     r"(?P<dur_h2>\s+and\s+a\s+half(?![\w-]))?(?P<dur_t>-(?:long|old)|\s+old)?"),
    ("rec", r"(?P<rec_w>recent|coming|past)\s+(?P<rec_u>days|weeks|months|years|decades)(?![a-z])"),
    ("durb", r"(?P<durb_u>years|months|weeks|days|hours|minutes|decades|centuries)"
     r"(?P<durb_t>-long)?"
     r"(?![\w-])"),
    ("set", rf"(?:every|each)\s+(?:other\s+|single\s+)?(?:(?P<set_n>{_N})\s+)?"
     rf"(?P<set_u>{_U}|{_WD}|{_DP}|{_SEA}|season(?![a-z]))(?:\s+(?P<set_p>{_DP}))?"),
    ("setf", rf"(?P<setf_f>once|twice|thrice|{_N}\s+times)\s+(?:a|an|per|every|each)\s+"
     rf"(?P<setf_u>{_U})"),
    ("freq", r"(?P<freq_w>" + W.alternation(W.FREQUENCIES) + r")(?![\w-])"),
    ("dxp", rf"(?P<dxp_d>yesterday|tomorrow|this|last|tonight)\s+(?P<dxp_p>{_DP})"),
    ("dx", r"(?P<dx_w>today|tonight|yesterday|tomorrow|now|currently|nowadays|recently"
     r"|(?:the\s+)?day\s+before\s+yesterday|(?:the\s+)?day\s+after\s+tomorrow)(?![\w-])"),
    ("ru", r"(?:(?P<ru_e>earlier|later)\s+)?(?P<ru_r>last|next|this|coming|past|previous|following"
     r"|same|that|current)\s+(?P<ru_u>week|month|year|weekend|decade|century|quarter|day|night)"
     r"(?![a-z])"),
    ("wkd", r"weekend(?![\w-])"),
    ("relmon", rf"(?P<relmon_r>last|next|this|coming)\s+(?P<relmon_m>{_M})"),
    ("wd", rf"(?:(?P<wd_r>{_REL})\s+)?(?P<wd_w>{_WD})(?:\s+(?P<wd_p>{_DP}))?"),
    ("sea", rf"(?:(?P<sea_r>{_REL}|that|following|previous)\s+)?(?P<sea_s>{_SEA})"
     rf"(?:\s+(?:of\s+)?(?P<sea_y>{_YR}))?"),
    ("mon", rf"(?P<mon_m>{_M})"),
    ("wdp", r"(?P<wdp_w>(?:mon|tues|wednes|thurs|fri|satur|sun)days)(?![a-z])"),
    ("ana", r"the\s+(?P<ana_u>year|quarter|week)(?![\w-])"),
    ("ref", r"(?P<ref_w>(?:near\s+|distant\s+|recent\s+)?(?:past|future)|present|moment|time)"
     r"(?![\w-])"),
    ("tmw", r"(?P<tmw_w>noon|midnight|midday|dawn|daybreak|dusk|sunrise|sunset|nightfall)"
     r"(?![a-z])"),
)  # fmt: skip

# Every alternative starts with a word character or an apostrophe ("'90s"): the lookahead
# lets the engine skip spaces and punctuation without trying each alternative there.
MASTER_RE = re.compile(
    r"(?=[\w'\u2019])(?<![\w'\u2019])(?:"
    + "|".join(f"(?P<{k}>{p})" for k, p in _ALTERNATIVES)
    + ")",
    re.IGNORECASE,
)
# Modifiers that may precede a core, read backwards from it: "about", "the end of", "mid-".
LEFT_RE = re.compile(
    rf"(?<![\w-])(?:(?P<ap>{W.alternation(W.APPROX_MODS)})\s+)?(?:(?P<the>the)\s+)?"
    r"(?:(?P<part>(?:very\s+)?(?P<pp>end|beginning|start|middle|close|turn)\s+of\s+(?:the\s+)?)"
    r"|(?P<pos>(?:very\s+)?(?P<pw>early|late|mid|middle)(?:-|\s+)))?\Z",
    re.IGNORECASE,
)
CUE_RE = re.compile(r"([a-z]+)[^\w]{0,3}\Z", re.IGNORECASE)


# --- where a core can start ---------------------------------------------------------------
# Trying every alternative of MASTER_RE at every word costs far more than reading the
# words: a core starts with a digit, an apostrophe ("'90s") or one of these words, so only
# those words are tried. tests/test_dates_prefilter.py holds the list to MASTER_RE.
_LITERAL_FIRST_WORDS = """
fiscal fy q first second third fourth final last latter end beginning start middle close
turn rest remainder half past next coming previous following initial recent every each
once twice thrice yesterday tomorrow this tonight today now currently nowadays recently
the the day earlier later same that current weekend near distant future present moment time
noon midnight midday dawn daybreak dusk sunrise sunset nightfall mondays tuesdays
wednesdays thursdays fridays saturdays sundays
second seconds sec secs minute minutes min mins hour hours hr hrs days night nights week
weeks fortnight fortnights month months quarter quarters year years yr yrs decade decades
century centuries weekends
"""


def _first_words() -> frozenset[str]:
    tables = (W.MONTHS, W.WEEKDAYS, W.SEASONS, W.PARTS_OF_DAY, W.NUMBER_WORDS, W.VAGUE_NUMBERS,
              W.ORDINAL_WORDS, W.FREQUENCIES)
    phrases = [p for table in tables for p in table]
    return frozenset(p.split()[0].split("-")[0] for p in phrases) | frozenset(
        _LITERAL_FIRST_WORDS.split()
    )


FIRST_WORDS = _first_words()
TOKEN_RE = re.compile(r"[\w'\u2019]+")
FIRST_LETTERS_RE = re.compile(r"[^\W\d_]*")


def core_starts(text: str) -> Iterator[int]:
    """Every position where MASTER_RE might match, in order."""
    letters = FIRST_LETTERS_RE.match
    for token in TOKEN_RE.finditer(text):
        start = token.start()
        head = letters(text, start)
        if head is None or not head.group() or head.group().lower() in FIRST_WORDS:
            yield start
