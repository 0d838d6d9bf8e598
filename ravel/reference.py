"""The reference date of a document: what its underspecified dates are resolved against.

Tried in order: an explicit override, metadata (front matter, HTML meta and
`<time>` tags, JSON-LD), a dateline opening the text, a byline date near the top
("Jul 4", year taken from the text's own dates), the latest fully specified date
in the prose. Never today's date.
"""

from __future__ import annotations

import datetime as dt
import re

from ravel.extract.dates import tag_dates
from ravel.model import Reference, Timex

__all__ = ["find_reference"]

FRONT_MATTER_RE = re.compile(r"\A\ufeff?(?P<fence>---|\+\+\+)[ \t]*\r?\n"
                             r"(?P<body>.*?)^(?P=fence)[ \t]*$",
                             re.DOTALL | re.MULTILINE)  # fmt: skip
FRONT_DATE_KEY_RE = re.compile(
    r"^[ \t]*(?:date|published|published_at|publish_date|pubdate|pub_date|created|"
    r"date_published|datePublished)[ \t]*[:=][ \t]*[\"']?(?P<v>[^\"'\r\n]{4,40}?)[\"']?[ \t]*\r?$",
    re.MULTILINE | re.IGNORECASE,
)
META_KEYS = (
    "article:published_time|og:published_time|og:article:published_time|datePublished|date|"
    "pubdate|publishdate|publish-date|publish_date|dc.date|dc.date.issued|dcterms.created|"
    "sailthru.date|parsely-pub-date|article.published|cxenseparse:recs:publishtime"
)
META_TAG_RE = re.compile(r"<[a-z][\w:-]{0,20}\s[^<>]{0,500}>", re.IGNORECASE)  # meta, span itemprop
META_NAME_RE = re.compile(rf"\b(?:property|name|itemprop)\s*=\s*[\"']?(?:{META_KEYS})[\"'\s/>]",
                          re.IGNORECASE)  # fmt: skip
META_CONTENT_RE = re.compile(r"\bcontent\s*=\s*[\"'](?P<v>[^\"']{4,60})[\"']", re.IGNORECASE)
JSON_LD_RE = re.compile(r"\"datePublished\"\s*:\s*\"(?P<v>[^\"]{4,60})\"")
TIME_TAG_RE = re.compile(r"<time\b[^>]{0,300}?\bdatetime\s*=\s*[\"'](?P<v>[^\"']{4,60})[\"']",
                         re.IGNORECASE)  # fmt: skip
ISO_RE = re.compile(r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)")

# "WASHINGTON, June 3, 2025 (Reuters) -", "June 3, 2025 --": a date closed by a dash.
DATELINE_TAIL_RE = re.compile(r"\s*(?:\([^()\n]{1,40}\))?\s*(?:[-\u2014\u2013:|]|$)", re.MULTILINE)
DATELINE_HEAD_RE = re.compile(
    r"(?:[A-Z][\w.'\u2019-]*(?:[ ,]+[A-Z][\w.'\u2019-]*){0,3}\s*[,/]\s*)?"
)
# A short line near the top carrying a date: "• Jul 4", "Published June 3, 2025".
BYLINE_LINE_RE = re.compile(
    r"^[ \t•·|*>-]*(?:(?:published|updated|posted|last\s+updated)(?:\s+on)?:?[ \t]*)?"
    r"(?P<v>[^\n]{3,40}?)[ \t•·|]*$",
    re.IGNORECASE | re.MULTILINE,
)
TOP_CHARS = 2000  # how far down a byline may sit
# "Published: 2015-8-14 1:13:01", "PUBLISHED : Thursday, 13 August, 2015, 12:21pm",
# "Posted at 3:35 PM, Apr 06, 2013": a stamp word, then a full date among times and weekdays.
# Capitalized, opening its line or closed by a colon: prose says "posted on 3 May".
STAMP_RE = re.compile(
    r"(?:^[ \t•·|*>-]*(?:Published|PUBLISHED|Updated|UPDATED|Posted|POSTED)\b[ \t]*(?:on|at)?"
    r"|\b(?:Published|PUBLISHED|Updated|UPDATED|Posted|POSTED)[ \t]*:)[ \t]*:?[ \t]*",
    re.MULTILINE,
)
STAMP_REACH = 40  # characters after the stamp word the date must start within
# Between a stamp and its date: nothing, or a time of day ("3:35 PM, ").
STAMP_LEAD_RE = re.compile(r"(?:\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?\s*,?\s*)?",
                           re.IGNORECASE)
LOOSE_ISO_RE = re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)\b")
FULL_YEAR_RE = re.compile(r"\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")
DAY_VALUE_RE = re.compile(r"\d{4}-\d\d-\d\d\Z")
PARTIAL_DAY_VALUE_RE = re.compile(r"XXXX-(\d\d)-(\d\d)\Z")


def _parse_value(value: str) -> dt.date | None:
    """A date from a metadata value: ISO first, else any full date the tagger reads."""
    m = ISO_RE.search(value)
    if m:
        try:
            return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            return None
    full = _full_dates(value)
    return full[0][0] if full else None


def _full_dates(text: str) -> list[tuple[dt.date, Timex]]:
    """Day-precision dates whose year is written out, in text order."""
    out = []
    for t in tag_dates(text):
        if t.type == "DATE" and DAY_VALUE_RE.match(t.value) and FULL_YEAR_RE.search(t.text):
            out.append((dt.date.fromisoformat(t.value), t))
    return out


def _from_metadata(text: str, fmt: str) -> Reference | None:
    found: list[tuple[int, int, str]] = []
    fm = FRONT_MATTER_RE.match(text)
    if fm:
        for km in FRONT_DATE_KEY_RE.finditer(text, fm.start("body"), fm.end("body")):
            found.append((km.start("v"), km.end("v"), km["v"]))
    if fmt == "html" or "<" in text[:20000]:
        for tag in META_TAG_RE.finditer(text):
            if META_NAME_RE.search(tag.group()):
                cm = META_CONTENT_RE.search(tag.group())
                if cm:
                    found.append((tag.start() + cm.start("v"), tag.start() + cm.end("v"), cm["v"]))
        found.extend((m.start("v"), m.end("v"), m["v"]) for m in JSON_LD_RE.finditer(text))
        found.extend((m.start("v"), m.end("v"), m["v"]) for m in TIME_TAG_RE.finditer(text))
    for start, end, value in found:
        date = _parse_value(value)
        if date is not None:
            return Reference(date, "metadata", start, end)
    return None


def _from_dateline(plain: str) -> Reference | None:
    """A dateline opens the story: at the top, or after a headline and a byline."""
    for first in _opening_lines(plain):
        head = plain[first : first + 200]
        lead = DATELINE_HEAD_RE.match(head)
        offset = lead.end() if lead else 0
        for date, t in _full_dates(head[: offset + 60]):
            if t.start == offset and DATELINE_TAIL_RE.match(head, t.end):
                return Reference(date, "dateline", first + t.start, first + t.end)
    return None


DATELINE_LINES = 4  # a headline, a standfirst, a byline, then the dateline


def dateline_extent(plain: str, reference: Reference | None) -> tuple[int, int] | None:
    """The whole dateline a reference date was read from: place, date and credit
    ("NOVI SAD, 21 August 2022 (Union Tribune) -"), or None."""
    if reference is None or reference.source != "dateline" or reference.end is None:
        return None
    start = plain.rfind("\n", 0, reference.end) + 1
    tail = DATELINE_TAIL_RE.match(plain, reference.end)
    return start, tail.end() if tail else reference.end


def _opening_lines(plain: str) -> list[int]:
    """Where the first few non-blank lines start."""
    starts: list[int] = []
    pos = 0
    while pos < len(plain) and len(starts) < DATELINE_LINES:
        end = plain.find("\n", pos)
        end = len(plain) if end < 0 else end
        line = plain[pos:end]
        if line.strip():
            starts.append(pos + len(line) - len(line.lstrip()))
        pos = end + 1
    return starts


def _from_byline(text: str, latest: dt.date | None) -> Reference | None:
    for line in BYLINE_LINE_RE.finditer(text, 0, min(len(text), TOP_CHARS)):
        value, base = line["v"], line.start("v")
        tags = tag_dates(value)
        if len(tags) != 1 or tags[0].type != "DATE" or len(tags[0].text) < len(value.strip()) - 1:
            continue
        t = tags[0]
        if DAY_VALUE_RE.match(t.value) and FULL_YEAR_RE.search(t.text):
            return Reference(dt.date.fromisoformat(t.value), "byline", base + t.start, base + t.end)
        partial = PARTIAL_DAY_VALUE_RE.match(t.value)
        if partial and latest is not None:
            date = _on_or_after(latest, int(partial[1]), int(partial[2]))
            if date is not None:
                return Reference(date, "byline", base + t.start, base + t.end)
    return None


def _from_stamp(text: str) -> Reference | None:
    """The date a publication stamp near the top gives with its year, right after the
    stamp word or after a time of day ("Posted at 3:35 PM, Apr 06, 2013"); a publication
    date before an update's. Prose is no stamp: "Published in Nature on 12 March 2019"."""
    found: list[tuple[bool, int, Reference]] = []
    for stamp in STAMP_RE.finditer(text, 0, min(len(text), TOP_CHARS)):
        ref = _stamped_date(text, stamp.end())
        if ref is not None:
            updated = stamp.group().strip(" \t•·|*>-:").lower().startswith("updated")
            found.append((updated, stamp.start(), ref))
    return min(found, key=lambda f: (f[0], f[1]))[2] if found else None


def _stamped_date(text: str, at: int) -> Reference | None:
    line_end = text.find("\n", at)
    window = text[at : min(len(text) if line_end < 0 else line_end, at + STAMP_REACH + 30)]
    iso = LOOSE_ISO_RE.match(window)
    if iso:
        try:
            return Reference(dt.date(int(iso["y"]), int(iso["m"]), int(iso["d"])), "byline",
                             at, at + iso.end())
        except ValueError:
            return None
    for date, t in _full_dates(window):
        if STAMP_LEAD_RE.fullmatch(window, 0, t.start):
            return Reference(date, "byline", at + t.start, at + t.end)
    return None


def _on_or_after(latest: dt.date, month: int, day: int) -> dt.date | None:
    """The date with this month and day on or just after `latest`."""
    for year in (latest.year, latest.year + 1):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if date >= latest:
            return date
    return None


def find_reference(
    text: str, plain: str, fmt: str, *, override: dt.date | None = None
) -> Reference:
    """The date a document's underspecified dates are resolved against.

    `text` is the file's text (metadata and bylines are read there), `plain` the
    same-length prose view (datelines and prose dates are read there); `fmt` is
    "html", "markdown" or "text". start/end say where the date was read.
    """
    if override is not None:
        return Reference(override, "option")
    found = _from_metadata(text, fmt) or _from_dateline(plain)
    if found:
        return found
    full = _full_dates(plain)
    latest = max(full, key=lambda dt_t: dt_t[0]) if full else None
    byline = _from_stamp(text) or _from_byline(text, latest[0] if latest else None)
    if byline:
        return byline
    if latest:
        return Reference(latest[0], "latest-date", latest[1].start, latest[1].end)
    return Reference(None, "none")
