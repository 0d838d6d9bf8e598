"""Reduce a document to its prose: markup, code and page chrome become spaces.

`to_plain(text, fmt)` returns a string of the same length as `text` in which every
character that is not prose is a space, newlines ("\\n" and "\\r") are kept, and every
other character is the one in `text`; so any offset found in the plain view indexes
`text` too. HTML block-level tags put a "\\n" at their "<", so `plain` may hold newlines
where `text` has none: line numbers must always be computed from `text`.

Everything here is a single left-to-right scan or a per-line regex with bounded or
possessive quantifiers: linear in the input, no recursion, whatever the nesting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# --- shared helpers -------------------------------------------------------------------

NOT_NEWLINE = re.compile(r"[^\n\r]+")


def _spaces(s: str) -> str:
    if "\n" not in s and "\r" not in s:
        return " " * len(s)
    return NOT_NEWLINE.sub(lambda m: " " * len(m.group()), s)


def blank_spans(text: str, spans: Iterable[tuple[int, int]], breaks: Iterable[int] = ()) -> str:
    """`text` with each [start, end) span blanked and a "\\n" at each break position."""
    out: list[str] = []
    pos = 0  # text[:pos] is done
    run_start = run_end = 0  # the blank run being merged
    for start, end in sorted(spans):
        if start > run_end:
            out.append(_spaces(text[run_start:run_end]))
            out.append(text[run_end:start])
            run_start = start
        run_end = max(run_end, end)
    out.append(_spaces(text[run_start:run_end]))
    out.append(text[run_end:])
    plain = "".join(out)
    cuts = sorted(set(breaks))
    if not cuts:
        return plain
    pieces: list[str] = []
    pos = 0
    for cut in cuts:
        if pos <= cut < len(plain) and plain[cut] == " ":
            pieces.append(plain[pos:cut])
            pieces.append("\n")
            pos = cut + 1
    pieces.append(plain[pos:])
    return "".join(pieces)


def line_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line, without its "\\n"."""
    start = 0
    n = len(text)
    while start <= n:
        end = text.find("\n", start)
        if end < 0:
            yield start, n
            return
        yield start, end
        start = end + 1


# --- HTML -------------------------------------------------------------------------------

HTML_TOKEN = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9:_.-]{0,63})(?=[\s/>])"
    r"|<!--|<!\[CDATA\[|<![A-Za-z]|<\?"
    r"|&(?:#[0-9]{1,8}|#[xX][0-9A-Fa-f]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});"
)
QUOTE_AFTER_EQUALS = re.compile(r"=[ \t\r\n]*+([\"'])")
# Elements whose whole content is not prose.
SKIP_ELEMENTS = frozenset(
    "script style head nav footer aside noscript svg form template iframe".split()
)
# Raw-text elements: their content is not markup, so only the closing tag ends them.
RAW_CLOSE = {
    "script": re.compile(r"</script[\s/>]", re.I),
    "style": re.compile(r"</style[\s/>]", re.I),
}
BLOCK_TAGS = frozenset(
    """address article aside blockquote body br caption center dd details dialog div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe
    legend li main menu nav noscript ol option p pre script section style summary svg table
    tbody td template tfoot th thead title tr ul""".split()
)
MAX_ATTRIBUTE = 100_000  # a quoted value longer than this is taken as unclosed
MAX_RETRIES = 3


class _NextFinder:
    """text.find(needle, pos) for non-decreasing pos, remembering the last answer: linear."""

    def __init__(self, text: str, needle: str) -> None:
        self.text, self.needle = text, needle
        self.found = -2  # nothing asked yet

    def find(self, pos: int) -> int:
        if self.found == -1 or (self.found >= pos):
            return self.found
        self.found = self.text.find(self.needle, pos)
        return self.found


def strip_html(text: str) -> str:
    """Blank tags, comments, entities and non-prose elements; break lines at block tags."""
    ignored: set[int] = set()
    while True:
        skip_blocks = len(ignored) < MAX_RETRIES
        spans, breaks, unclosed = _scan_html(text, ignored, skip_blocks=skip_blocks)
        if unclosed is None or not skip_blocks:
            return blank_spans(text, spans, breaks)
        ignored.add(unclosed)  # an unclosed <nav> must not blank the rest of the page


def _scan_html(
    text: str, ignored: set[int], *, skip_blocks: bool
) -> tuple[list[tuple[int, int]], list[int], int | None]:
    """One pass: spans to blank, break positions, and where an unclosed skip began."""
    spans: list[tuple[int, int]] = []
    breaks: list[int] = []
    depth: dict[str, int] = {}
    skip_from: int | None = None
    finders = {c: _NextFinder(text, c) for c in (">", '"', "'")}
    n = len(text)
    pos = 0
    prose = True  # prose since the last break: one break per gap between prose
    while (m := HTML_TOKEN.search(text, pos)) is not None:
        start, end = m.start(), _token_end(text, m, finders)
        prose = prose or (skip_from is None and not text[pos:start].isspace() and pos < start)
        if end < 0:  # "<" with no ">" after it: a literal "<"
            pos = m.end()
            continue
        name = (m.group(2) or "").lower()
        if name:
            visible = skip_from is None or name in SKIP_ELEMENTS
            if name in BLOCK_TAGS and visible and prose:
                breaks.append(start)
                prose = False
            opened = m.group(1) != "/" and text[end - 2 : end] != "/>"
            if opened and name in RAW_CLOSE:
                close = RAW_CLOSE[name].search(text, end)
                end = n if close is None else _tag_end(text, close.end() - 1, finders)
                end = n if end < 0 else end
            elif skip_blocks and name in SKIP_ELEMENTS and start not in ignored:
                if opened:
                    if skip_from is None:
                        skip_from = start
                    depth[name] = depth.get(name, 0) + 1
                elif depth.get(name):
                    depth[name] -= 1
            elif name == "body" and opened:
                depth["head"] = 0  # <body> ends an unclosed <head>
        if skip_from is None:
            spans.append((start, end))
        elif not any(depth.values()):
            spans.append((skip_from, end))
            skip_from = None
        pos = end
    return spans, breaks, skip_from


def _token_end(text: str, m: re.Match[str], finders: dict[str, _NextFinder]) -> int:
    """Where the markup token `m` starts ends (-1: it does not)."""
    token, n = m.group(), len(text)
    if token[0] == "&":
        return m.end()
    if m.group(2) is not None:
        return _tag_end(text, m.end(), finders)
    if token == "<!--" or token == "<![CDATA[":
        found = text.find("-->" if token == "<!--" else "]]>", m.end())
        return n if found < 0 else found + 3  # unclosed: to the end, as browsers do
    found = finders[">"].find(m.end())  # <!doctype ...>, <?xml ...?>
    return n if found < 0 else found + 1


def _tag_end(text: str, pos: int, finders: dict[str, _NextFinder]) -> int:
    """Index just past the ">" that ends a tag whose attributes start at `pos`, or -1.

    A quoted attribute value may hold ">"; an unclosed quote is ignored.
    """
    gt = finders[">"].find(pos)
    while gt >= 0:
        quote = QUOTE_AFTER_EQUALS.search(text, pos, gt)
        if quote is None:
            return gt + 1
        close = finders[quote.group(1)].find(quote.end())
        if close < 0 or close - quote.end() > MAX_ATTRIBUTE:
            return gt + 1
        pos = close + 1
        if close > gt:
            gt = finders[">"].find(pos)
    return -1


# --- Markdown ---------------------------------------------------------------------------

FRONT_MATTER_OPEN = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n")
FRONT_MATTER_CLOSE = {
    "---": re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M),
    "+++": re.compile(r"^\+\+\+[ \t]*\r?$", re.M),
}
FRONT_MATTER_KEY = re.compile(r"[ \t]*(?:[\w\"'-]{1,100}[ \t]*[:=]|#|\[)")
MAX_FRONT_MATTER = 20_000
FENCE_OPEN = re.compile(r" {0,3}(`{3,}|~{3,})")
INDENTED = re.compile(r"(?: {4}|\t)")
SENTENCE_END = (".", "!", "?", ":", ";", '"', "\u201d", "\u2019", ")")
LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,3}[.)])(?:[ \t]|$)")

BLOCK_PREFIX = re.compile(
    r"[ \t]*+(?:>[ \t]?)*+[ \t]*+"
    r"(?:#{1,6}(?=[ \t]|$)|(?:[-*+]|\d{1,3}[.)])[ \t]++(?:\[[ xX]\][ \t]++)?)?"
)
CLOSING_HASHES = re.compile(r"[ \t]#++[ \t]*+\r?$")
RULE_LINE = re.compile(r"[ \t]*+(?:>[ \t]?)*+ {0,3}(?:([-*_=])(?:[ \t]*+\1)*+)[ \t]*+\r?$")
REFERENCE_DEFINITION = re.compile(r" {0,3}\[(?!\^)[^\]\n]{1,999}\]:[ \t]*+\S")
TABLE_SEPARATOR = re.compile(
    r"[ \t]*+\|?[ \t]*+:?-++:?[ \t]*+(?:\|[ \t]*+:?-++:?[ \t]*+)++\|?[ \t]*+\r?$"
)
IMAGE = re.compile(
    r"!\[[^\[\]\n]{0,1000}\](?:\([^()\n]{0,2000}(?:\([^()\n]{0,200}\)[^()\n]{0,2000})?\)"
    r"|\[[^\[\]\n]{0,200}\])"
)
LINK = re.compile(
    r"\[([^\[\]\n]{0,1000})\](?:\([^()\n]{0,2000}(?:\([^()\n]{0,200}\)[^()\n]{0,2000})?\)"
    r"|\[[^\[\]\n]{0,200}\])"
)
FOOTNOTE = re.compile(r"\[\^[^\[\]\s]{1,100}\]:?")
AUTOLINK = re.compile(
    r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]{0,2000}|[^\s<>@]{1,200}@[^\s<>]{1,200})>"
)
EMPHASIS = re.compile(r"(?<![\\\w])[*_]{1,3}(?=[^\s*_])|(?<=[^\s*_\\])[*_]{1,3}(?!\w)")
BACKTICKS = re.compile(r"`+")
ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
INLINE_MARK = re.compile(r"[\[*_`\\<]")


def strip_markdown(text: str) -> str:
    """Blank front matter, code, HTML, and the syntax around Markdown prose."""
    spans = _front_matter(text) + _code_blocks(text)
    plain = strip_html(blank_spans(text, spans))
    return blank_spans(plain, _markdown_syntax(plain))


def _front_matter(text: str) -> list[tuple[int, int]]:
    """YAML (---) or TOML (+++) front matter, valid or not, when it looks like keys."""
    m = FRONT_MATTER_OPEN.match(text)
    if m is None:
        return []
    close = FRONT_MATTER_CLOSE[m.group(1)].search(text, m.end(), m.end() + MAX_FRONT_MATTER)
    body = text[m.end() : close.start()] if close else ""
    first = next((line for line in body.splitlines() if line.strip()), "")
    if close is None or not FRONT_MATTER_KEY.match(first):
        return [(0, m.end())]  # a thematic break, not front matter
    return [(0, close.end())]


def _code_blocks(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks (an unclosed fence runs to the end) and indented code blocks."""
    spans: list[tuple[int, int]] = []
    fence: str | None = None
    fence_start = 0
    previous_blank = True
    in_list = False
    for start, end in line_spans(text):
        line = text[start:end]
        if fence is not None:
            stripped = line.strip()
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                spans.append((fence_start, end))
                fence = None
            continue
        m = FENCE_OPEN.match(line)
        if m and not (m.group(1)[0] == "`" and "`" in line[m.end() :]):
            fence, fence_start = m.group(1), start
            continue
        blank = not line.strip()
        if blank:
            previous_blank = True
            continue
        if LIST_ITEM.match(line):
            in_list = True
        elif INDENTED.match(line):
            if previous_blank and not in_list and not _looks_like_prose(line):
                spans.append((start, end))
                continue  # the next indented line continues the block
        else:
            in_list = False
        previous_blank = False
    if fence is not None:
        spans.append((fence_start, len(text)))
    return spans


def _markdown_syntax(plain: str) -> list[tuple[int, int]]:
    """Spans of block markers, rules, reference definitions, table pipes and inline syntax."""
    spans: list[tuple[int, int]] = []
    lines = list(line_spans(plain))
    table_rows = _table_rows(plain, lines)
    for start, end in lines:
        line = plain[start:end]
        if not line.strip():
            continue
        if RULE_LINE.match(line) or REFERENCE_DEFINITION.match(line):
            spans.append((start, end))
            continue
        prefix = BLOCK_PREFIX.match(line)
        if prefix and prefix.end():
            spans.append((start, start + prefix.end()))
        hashes = CLOSING_HASHES.search(line) if prefix and "#" in prefix.group() else None
        if hashes:
            spans.append((start + hashes.start(), end))
        if start in table_rows:
            spans.extend((start + i, start + i + 1) for i, c in enumerate(line) if c == "|")
        if INLINE_MARK.search(line):
            spans.extend(_inline_syntax(line, start))
    return spans


def _table_rows(plain: str, lines: list[tuple[int, int]]) -> set[int]:
    """Starts of the lines of pipe tables: the run of lines with "|" around a separator row."""
    rows: set[int] = set()
    for i, (start, end) in enumerate(lines):
        if start in rows or not TABLE_SEPARATOR.match(plain, start, end):
            continue
        rows.add(start)
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and lines[j][0] not in rows:
                if "|" not in plain[lines[j][0] : lines[j][1]]:
                    break
                rows.add(lines[j][0])
                j += step
    return rows


def _looks_like_prose(line: str) -> bool:
    """An indented line that reads as a sentence is kept: losing prose costs claims."""
    return len(line.split()) >= 6 and line.rstrip().endswith(SENTENCE_END)


def _inline_syntax(line: str, offset: int) -> Iterator[tuple[int, int]]:
    for m in IMAGE.finditer(line):
        yield offset + m.start(), offset + m.end()
    for m in AUTOLINK.finditer(line):
        yield offset + m.start(), offset + m.end()
    for m in LINK.finditer(line):
        if m.start() > 0 and line[m.start() - 1] == "!":
            continue
        yield offset + m.start(), offset + m.start(1)
        yield offset + m.end(1), offset + m.end()
    for pattern in (FOOTNOTE, EMPHASIS, BACKTICKS, ESCAPE):
        for m in pattern.finditer(line):
            yield offset + m.start(), offset + m.end()


# --- page chrome ------------------------------------------------------------------------
# Whole lines that are navigation, sharing bars, bylines, forms or addresses. Judged on
# short lines only, by general vocabulary; titles and headings are kept as prose.

MAX_CHROME_LINE = 100
BULLETS = "\u2022\u25aa\u25ab\u25e6\u2023\u25cf\u25cb\u25a0\u25a1\u25ba\u25b8"  # •▪▫◦‣●○■□►▸
# Bullets, arrows, separators and spaces around a line's words.
EDGE = (
    " \t\r\f\v\xa0\u200b\ufeff*-|:><#\u2013\u2014\u00b7\u00bb\u00ab\u203a\u2039\u2192\u2190"
    + BULLETS
)
SENTENCE_PUNCTUATION = (".", "!", "?", ";")
# Whole lines of navigation and boilerplate, "|"-separated.
CHROME_PHRASES_TEXT = """
    top of page| bottom of page| back to top| return to top| skip to content|
    skip to main content| skip navigation| jump to content| contact us| contact| get in touch|
    subscribe| subscribe now| sign up| sign in| log in| login| log out| register| share|
    share this| share this article| share this story| share this page| share this post|
    share article| share story| follow us| follow| read more| read next| read full article|
    continue reading| related| related articles| related stories| related posts|
    related content| related topics| more stories| more on this story| more from| recommended|
    recommended for you| most read| most popular| trending| advertisement| advertisements|
    sponsored| sponsored content| ad| cookie| cookies| cookie settings| cookie policy|
    accept cookies| accept all| reject all| manage cookies| privacy policy| privacy|
    terms of use| terms of service| terms and conditions| all rights reserved| menu| close|
    search| home| newsletter| newsletters| comments| leave a comment| view comments|
    show comments| load more| see more| see all| listen| listen to this article| play video|
    next article| previous article| next post| previous post| copy link| link copied| print|
    print this page| tags| topics| about us| careers| sitemap| faq| help| toggle navigation|
    open menu| close menu| main menu| navigation| loading| copy this link| share this with|
    media playback is unsupported on your device| open in app| download the app| watch live|
    live| back| next| previous| more| sections| top stories| more to explore|
    accept all cookies| cookie preferences| your privacy choices| do not sell my info
"""
CHROME_PHRASES = frozenset(" ".join(p.split()) for p in CHROME_PHRASES_TEXT.split("|"))
SOCIAL = frozenset(
    """linkedin x facebook twitter whatsapp email e-mail mail print instagram youtube tiktok
    reddit pinterest telegram threads bluesky mastodon flipboard messenger sms rss tumblr
    snapchat vk weibo wechat line""".split()
)
MENU_SEPARATOR = re.compile(r" ?[|/\u2022\u00b7] ?")
SHARE_WORDS = SOCIAL | {"share", "follow", "us", "on", "via", "copy", "link", "and", "or", "tweet"}
WORD = re.compile(r"[\w'\u2019-]+|[|,/&\u2022\u00b7]")
READ_TIME = re.compile(
    r"(?:reading time:? |estimated reading time:? )?(?:about |approx\.? )?\d{1,3}(?:-\d{1,3})?"
    r" ?(?:min|mins|minutes?)\.?(?: (?:read|reading|listen|video))?(?: time)?"
)
# Chrome even when it ends like a sentence ("All rights reserved.").
CHROME_PATTERN = re.compile(
    r"(?:\u00a9|\(c\)|copyright\b).{0,150}"
    r"|click here\b.{0,80}"
    r"|(?:sign up|subscribe)(?: (?:now|today|here|for free|free))?"
    r"(?: (?:to|for) .{0,50}(?:newsletters?|e-?mails?|alerts?|updates|briefings?|digest))?\.?"
)
# Chrome only as a short line without sentence punctuation.
SHORT_CHROME_PATTERN = re.compile(
    r"(?:skip|jump) to .{1,30}"
    r"|(?:photo|photograph|image|picture|illustration|video)s?"
    r"(?:(?: credit| source| copyright)[:,]?|[:,]) .{1,60}"
    r"|(?:.{1,40}/)?(?:getty images|afp|reuters|ap|epa|shutterstock|alamy)(?: via getty images)?"
    r"|(?:published|updated|posted|last updated|first published|last modified)\b.{0,60}\d.{0,30}"
    r"|\d{1,2} (?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?) ago"
    r"|home(?: ?[/>|\u00bb\u203a] ?[^/>|\u00bb\u203a]{1,30}){1,6}"  # breadcrumbs
)
FORM_HINT = re.compile(
    r"(?:\* ?)?(?:(?:work|business|company|your|valid) )?(?:e-?mail(?: address)?|first name"
    r"|last name|full name|name|company(?: name)?|organi[sz]ation|job title|phone(?: number)?"
    r"|country|message|comments?|subject)(?: only)?(?: ?\*| \(required\)| \(optional\))?\.?"
    r"|(?:\* ?)?(?:indicates )?required(?: fields?)?(?: are marked(?: with an asterisk)?)?\.?"
    r"|(?:please )?enter (?:your|a valid) [a-z ]{1,30}\.?|submit|send|send message"
    r"|thank you for (?:subscribing|signing up|your submission)[.!]?"
    r"|we (?:will )?never share your [a-z ]{1,40}\.?"
)
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
SHORT_DATE = re.compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6},? )?"
    rf"(?:{MONTH} \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)? {MONTH}"
    r"(?:,? \d{4})?|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
    r"(?:,? (?:at )?\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: [a-z]{2,4})?)?"
)
NAME_WORD = r"[A-Z][\w'\u2019.-]{0,30}"
NAME = rf"{NAME_WORD}(?: (?:{NAME_WORD}|de|van|von|der|al|bin|da|la|le|du)){{0,4}}"
NAME_ONLY = re.compile(NAME)
# "By Jane Smith and John Doe, Istanbul correspondent"
BYLINE = re.compile(
    rf"(?:[Bb]y|BY|[Ww]ords by|[Ww]ritten by|[Pp]osted by|[Rr]eporting by):? {NAME}"
    rf"(?: ?(?:,| and| &) {NAME}){{0,3}}(?: ?, [A-Za-z][\w ]{{0,40}})?"
)
EMAIL_ONLY = re.compile(
    r"(?:e-?mail:? ?)?(?:mailto:)?[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}", re.I
)
PHONE = re.compile(
    r"(?:(?:tel|phone|telephone|mobile|mob|fax|call|t|p|m)\.?:? ?)?([+(]?)[\d() .-]{7,24}", re.I
)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
US_PHONE = re.compile(r"\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}")
POSTCODE = re.compile(
    r"\b(?:[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]{2} \d{5}(?:-\d{4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d)\b"
)
# "75008 Paris": only a second signal, since "2025 Elections" looks the same.
CITY_POSTCODE = re.compile(r"\b(?!(?:19|20)\d\d )\d{4,5} [A-Z][a-zà-ÿ]{2,}")
STREET = re.compile(
    r"\b(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Drive|Dr|Way|Place|Square|Court"
    r"|Terrace|Highway|Parkway|Suite|Floor|Building|Centre|Center|House|Park|P\.?O\.? Box)\b"
)
BULLET = re.compile(rf"[ \t]*+(?:[{BULLETS}*+-]|<li\b)", re.I)


def blank_chrome(text: str, plain: str) -> str:
    """Blank the lines of `plain` that are page chrome; `text` shows where bullets were."""
    lines = list(line_spans(plain))
    kinds = [_line_kind(plain[s:e], text[s:e]) for s, e in lines]
    _resolve_metadata(kinds)
    _mark_addresses(kinds, [plain[s:e].strip() for s, e in lines])
    return blank_spans(
        plain, (span for span, kind in zip(lines, kinds, strict=True) if kind == "chrome")
    )


def _line_kind(line: str, original: str) -> str:
    """chrome | blank | strong (byline, read time) | date | name | contact | other;
    a leading "b" marks a bulleted line (bdate, bname)."""
    stripped = line.strip()
    if not stripped:
        return "blank"
    if len(stripped) > MAX_CHROME_LINE:
        return "other"
    core = " ".join(stripped.strip(EDGE).split())
    norm = core.lower()
    if EMAIL_ONLY.fullmatch(core) or _is_phone(core):
        return "contact"
    if FORM_HINT.fullmatch(norm) or CHROME_PATTERN.fullmatch(norm):
        return "chrome"
    if stripped.endswith(SENTENCE_PUNCTUATION):
        return "other"
    if not norm or _is_chrome_phrase(norm) or SHORT_CHROME_PATTERN.fullmatch(norm):
        return "chrome"
    if READ_TIME.fullmatch(norm) or BYLINE.fullmatch(core):
        return "strong"
    bullet = "b" if BULLET.match(original) else ""
    if SHORT_DATE.fullmatch(norm):
        return bullet + "date"
    if bullet and NAME_ONLY.fullmatch(core):
        return "bname"
    return "other"


def _is_chrome_phrase(norm: str) -> bool:
    """A chrome phrase, a menu of them ("Terms | Privacy"), or a sharing bar."""
    if norm in CHROME_PHRASES or norm in SOCIAL:
        return True
    parts = MENU_SEPARATOR.split(norm)
    if len(parts) > 1 and all(p in CHROME_PHRASES or p in SOCIAL for p in parts):
        return True
    words = WORD.findall(norm)
    return (
        len(words) <= 12
        and all(w in SHARE_WORDS or not w[0].isalnum() for w in words)
        and any(w in SOCIAL for w in words)
    )


def _is_phone(core: str) -> bool:
    m = PHONE.fullmatch(core)
    if m is None or "/" in core:
        return False
    digits = sum(c.isdigit() for c in core)
    if not 7 <= digits <= 15 or ISO_DATE.search(core):
        return False
    marked = bool(m.group(1)) or not core[:1].isdigit()
    return marked or (core.startswith("0") and digits >= 10) or bool(US_PHONE.fullmatch(core))


def _neighbours(kinds: list[str], i: int) -> Iterator[str]:
    """The kinds of the nearest non-blank lines before and after line i."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(kinds) and kinds[j] == "blank":
            j += step
        if 0 <= j < len(kinds):
            yield kinds[j]


def _resolve_metadata(kinds: list[str]) -> None:
    """Bylines and read times are chrome; so are dates and bulleted names beside them."""
    meta = {"strong", "chrome-meta"}
    for i, kind in enumerate(kinds):
        if kind == "strong":
            kinds[i] = "chrome-meta"
    for i, kind in enumerate(kinds):
        if kind == "bdate" or (kind == "date" and any(k in meta for k in _neighbours(kinds, i))):
            kinds[i] = "chrome-meta"
    for i, kind in enumerate(kinds):
        if kind == "bname" and any(k in meta for k in _neighbours(kinds, i)):
            kinds[i] = "chrome-meta"
    for i, kind in enumerate(kinds):
        if kind == "chrome-meta":
            kinds[i] = "chrome"


def _mark_addresses(kinds: list[str], stripped: list[str]) -> None:
    """A run of short unpunctuated lines with a street or postcode and another contact
    signal is a postal address block: blank it whole, its name line too."""
    i = 0
    while i < len(kinds):
        j = i
        while j < len(kinds) and _address_candidate(kinds[j], stripped[j]):
            j += 1
        run = range(i, j)
        places = sum(bool(POSTCODE.search(stripped[k]) or _is_street(stripped[k])) for k in run)
        signals = places + sum(
            kinds[k] == "contact" or bool(CITY_POSTCODE.search(stripped[k])) for k in run
        )
        for k in run:
            if kinds[k] == "contact" or (places and signals >= 2):
                kinds[k] = "chrome"
        i = max(j, i + 1)


def _address_candidate(kind: str, line: str) -> bool:
    if kind == "blank":
        return False
    return kind in ("contact", "chrome") or (
        len(line) <= MAX_CHROME_LINE and not line.endswith(SENTENCE_PUNCTUATION)
    )


def _is_street(line: str) -> bool:
    return bool(STREET.search(line)) and (any(c.isdigit() for c in line) or line.endswith(","))


# --- entry point ------------------------------------------------------------------------


def to_plain(text: str, fmt: str) -> str:
    """The prose of `text` ("text", "markdown" or "html"), same length, the rest blanked."""
    if fmt == "html":
        plain = strip_html(text)
    elif fmt == "markdown":
        plain = strip_markdown(text)
    else:
        plain = text
    return blank_chrome(text, plain)
