"""to_plain: markup and page chrome blanked, prose kept, length and offsets unchanged."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ravel.prose import to_plain


def words(plain: str) -> str:
    """The visible prose, whitespace collapsed: what the tables compare."""
    return " ".join(plain.split())


def assert_same_shape(text: str, plain: str) -> None:
    assert len(plain) == len(text)
    for i, (p, t) in enumerate(zip(plain, text, strict=True)):
        if t in "\r\n":
            assert p == t, i
        else:
            assert p in (t, " ", "\n"), i  # kept, blanked, or a block break


HTML_CASES = [
    ("<p>Hello <b>world</b>.</p>", "Hello world .", "inline tags become spaces"),
    ("<p>A &amp; B&nbsp;C &#8217; &#x2019;</p>", "A B C", "entities are blanked"),
    ("<script>var x = '<p>no</p>';</script><p>yes</p>", "yes", "script content blanked"),
    ("<style>p { color: red }</style>Text", "Text", "style content blanked"),
    ("<head><title>Title</title></head><body>Body</body>", "Body", "head blanked"),
    ("<head><title>T</title><body>Body text", "Body text", "<body> ends an unclosed head"),
    ("<nav><a>Home</a><nav>inner</nav>still</nav>After", "After", "nested nav"),
    ("<nav>Intro words <p>Story text.</p>", "Intro words Story text.", "unclosed nav is ignored"),
    ("<footer>© 2025</footer><aside>Ad</aside><form>Email</form>Main", "Main", "chrome elements"),
    ("<noscript>Enable JS</noscript><svg><text>1</text></svg>Kept", "Kept", "noscript and svg"),
    ("<!-- a <p>hidden</p> -->shown", "shown", "comments blanked"),
    ("<!-- never closed <p>hidden", "", "an unclosed comment runs to the end"),
    ('<a title="x > y" href="/">link</a>', "link", "a quoted '>' does not end a tag"),
    ('<a title="unclosed>link text</a>', "link text", "an unclosed quote is ignored"),
    ("a < b and c > d", "a < b and c > d", "a lone '<' is text"),
    ("<a href=x", "<a href=x", "a tag with no '>' is text"),
    ("<!DOCTYPE html><?xml version='1.0'?><![CDATA[x]]>Done", "Done", "declarations"),
    ("<SCRIPT>x</SCRIPT ><P>Upper</P>", "Upper", "tag names ignore case"),
    ("<script>never closed <p>x</p>", "", "an unclosed script runs to the end"),
    ("<br/><img src='a.png' alt='A photo'/>Caption text", "Caption text", "void tags"),
]


@pytest.mark.parametrize(("text", "expected", "why"), HTML_CASES)
def test_html(text: str, expected: str, why: str) -> None:
    plain = to_plain(text, "html")
    assert_same_shape(text, plain)
    assert words(plain) == expected, why


def test_html_cases_are_unique() -> None:
    assert len({c[0] for c in HTML_CASES}) == len(HTML_CASES)


def test_html_block_tags_break_lines() -> None:
    text = "<p>One.</p><p>Two.</p><div>Three<br>Four</div><span>five</span>six"
    plain = to_plain(text, "html")
    assert [words(line) for line in plain.split("\n") if line.strip()] == [
        "One.",
        "Two.",
        "Three",
        "Four",
        "five six",
    ]
    assert "\n" not in text  # plain has newlines where text has none


MARKDOWN_CASES = [
    ("# Heading one #\n", "Heading one", "heading markers and closing hashes"),
    ("Some *em* and **strong** and __u__ text.", "Some em and strong and u text.", "emphasis"),
    ("snake_case and 5 * 3 stay.", "snake_case and 5 * 3 stay.", "not emphasis"),
    ("Use `code` here.", "Use code here.", "backticks blanked, content kept"),
    ('See [the report](https://x.org/a_(b) "T").', "See the report .", "link target"),
    ("See [the report][ref] now.", "See the report now.", "reference link"),
    ("An image ![alt text](a.png) here.", "An image here.", "images blanked"),
    ('[ref]: https://example.com "Title"\nText', "Text", "reference definition"),
    ("---\ntitle: [not valid yaml\n: : :\n---\nBody.", "Body.", "front matter, invalid YAML"),
    ('+++\ntitle = "x"\n+++\nBody.', "Body.", "TOML front matter"),
    ("---\nJust a rule and prose.\n", "Just a rule and prose.", "a rule, not front matter"),
    ("Intro.\n\n```py\nprint(1)\n```\nAfter.", "Intro. After.", "fenced code"),
    ("Intro.\n\n~~~\nnever closed\nprint(2)", "Intro.", "an unclosed fence runs to the end"),
    ("Intro.\n\n    x = 1\n    y = 2\n\nAfter.", "Intro. After.", "indented code"),
    (
        "- item one\n- item two\n\n    continued item text",
        "item one item two continued item text",
        "indented list continuation is prose",
    ),
    ("> quoted\n> > nested", "quoted nested", "blockquote markers"),
    ("1. first\n2) second\n2024. A year.", "first second 2024. A year.", "ordered list markers"),
    ("- [x] done task", "done task", "task list"),
    ("| a | b |\n|---|:-:|\n| 1 | 2 |", "a b 1 2", "table pipes and separator"),
    ("A | B is not a table.", "A | B is not a table.", "pipes outside tables kept"),
    (
        "Text <span>in</span> html <!-- c --> &amp; <https://x.org> done.",
        "Text in html done.",
        "inline HTML, comments, entities, autolinks",
    ),
    ("Title\n=====\n\nSub\n---", "Title Sub", "setext underlines"),
    ("Footnote[^1] here.\n\n[^1]: The note.", "Footnote here. The note.", "footnotes"),
    ("\\*not emphasis\\*", "*not emphasis *", "escape backslashes blanked"),
    ("***\n* * *\n___", "", "thematic breaks"),
]


@pytest.mark.parametrize(("text", "expected", "why"), MARKDOWN_CASES)
def test_markdown(text: str, expected: str, why: str) -> None:
    plain = to_plain(text, "markdown")
    assert_same_shape(text, plain)
    assert words(plain) == expected, why


def test_markdown_cases_are_unique() -> None:
    assert len({c[0] for c in MARKDOWN_CASES}) == len(MARKDOWN_CASES)


CHROME_CASES = [
    ("top of page\n\nStory.\n\nbottom of page", "Story.", "page markers"),
    ("Skip to main content\nStory.", "Story.", "skip link"),
    ("Share\nShare this\nFacebook\nTwitter\nWhatsApp\nEmail\nPrint\nStory.", "Story.", "share"),
    (
        "Share on Facebook\nFollow us on X\nFacebook | Twitter | LinkedIn\nStory.",
        "Story.",
        "share bars",
    ),
    (
        "Advertisement\nRead more\nRelated articles\nSubscribe\nSign up\nStory.",
        "Story.",
        "boilerplate",
    ),
    ("Story.\nContact Us\nWork email address only.\nFirst name*\nSubmit", "Story.", "form"),
    ("Story.\ninfo@example.com\n+44 20 7946 0958\n(202) 555-0143", "Story.", "contact lines"),
    (
        "Story.\nACME Ltd HQ\n1 The Links, Business Centre,\nOld Road, Woking, GU22 8BF",
        "Story.",
        "postal address block with its name line",
    ),
    (
        "Title Here\n\n  • Jane Smith\n  • Jul 4\n  • 6 min read\n\nStory.",
        "Title Here Story.",
        "byline bullets",
    ),
    ("By Jane Smith and John Doe\nUpdated 4 July 2025, 10:32 BST\nStory.", "Story.", "bylines"),
    ("© 2025 Example News. All rights reserved.\nStory.", "Story.", "copyright"),
    ("Photo: Reuters/Jane Smith\nStory.", "Story.", "photo credit"),
    (
        "Russia-Azerbaijan Split: Driving Factors\nStory.",
        "Russia-Azerbaijan Split: Driving Factors Story.",
        "a heading is prose",
    ),
    (
        "Share prices fell 5% on Monday\nMatt McKenzie\nJul 4",
        "Share prices fell 5% on Monday Matt McKenzie Jul 4",
        "no chrome without context",
    ),
    (
        "  • Ilham Aliyev\n  • Vladimir Putin",
        "• Ilham Aliyev • Vladimir Putin",
        "bulleted names alone are kept",
    ),
    (
        "The plane crashed in 2024.\n1990-2024\n2001 2024",
        "The plane crashed in 2024. 1990-2024 2001 2024",
        "numbers are not phone numbers",
    ),
    (
        "Please contact us at info@example.com for details.",
        "Please contact us at info@example.com for details.",
        "an e-mail in prose is kept",
    ),
    ("X\n\nThe X platform said.", "The X platform said.", "X alone is chrome"),
    (
        "Red lines blurred\nExperts are divided on how far-reaching this shift may be.",
        "Red lines blurred Experts are divided on how far-reaching this shift may be.",
        "a short heading is kept",
    ),
    ("Key Takeaways:\n\nPoint one.", "Key Takeaways: Point one.", "a label with a colon"),
    ("Terms of Use | Privacy Policy\nHome / World / Europe\nStory.", "Story.", "menus, crumbs"),
    ("Accept all cookies\nRequired fields are marked *\nStory.", "Story.", "consent and forms"),
    ("Image source, Getty Images\nAFP via Getty Images\nStory.", "Story.", "image credits"),
    (
        "Sign up for the draft was compulsory.\nSource: Russian prosecutors",
        "Sign up for the draft was compulsory. Source: Russian prosecutors",
        "prose-like chrome",
    ),
    (
        "Home is where the heart is\nLive updates",
        "Home is where the heart is Live updates",
        "chrome words inside longer lines",
    ),
]


@pytest.mark.parametrize(("text", "expected", "why"), CHROME_CASES)
def test_chrome(text: str, expected: str, why: str) -> None:
    plain = to_plain(text, "text")
    assert_same_shape(text, plain)
    assert words(plain) == expected, why


def test_chrome_cases_are_unique() -> None:
    assert len({c[0] for c in CHROME_CASES}) == len(CHROME_CASES)


def test_chrome_in_html_and_markdown() -> None:
    html = "<ul><li><a href='/s'>Share</a></li><li>Twitter</li></ul><p>Story.</p>"
    assert words(to_plain(html, "html")) == "Story."
    md = "- Jane Smith\n- Jul 4\n- 6 min read\n\nStory."
    assert words(to_plain(md, "markdown")) == "Story."


def test_crlf_line_endings_kept() -> None:
    text = "# Title\r\n\r\nShare\r\nStory *here*.\r\n"
    plain = to_plain(text, "markdown")
    assert_same_shape(text, plain)
    assert words(plain) == "Title Story here ."


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("<div>" * 100_000 + "deep" + "</div>" * 100_000, "html"),
        ("<nav>" * 50_000 + "text. " * 1_000, "html"),
        ('<a x="' * 100_000, "html"),
        ("[a](" * 100_000, "markdown"),
        ("*a " * 100_000, "markdown"),
        ("word " * 200_000, "text"),
    ],
)
def test_pathological_input_is_linear(text: str, fmt: str) -> None:
    started = time.perf_counter()
    plain = to_plain(text, fmt)
    assert len(plain) == len(text)
    assert time.perf_counter() - started < 3


MARKUP = st.text(alphabet=st.sampled_from(list("<>/&;#*_`[]()!-|:=\"' \n\r\tabpdivnscrt1.•@")))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(text=st.text() | MARKUP, fmt=st.sampled_from(["text", "markdown", "html"]))
def test_plain_has_the_shape_of_text(text: str, fmt: str) -> None:
    assert_same_shape(text, to_plain(text, fmt))


NEWS_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Quake - Example News</title>
<script type="application/ld+json">{"datePublished": "2023-02-06T08:00:00Z"}</script></head>
<body><a class="skip" href="#main">Skip to content</a>
<header><ul class="menu"><li><a href="/">Home</a></li><li><a href="/w">Menu</a></li></ul>
<button>Sign in</button></header>
<main id="main"><article>
<h1>Quake kills dozens in southern Turkey</h1>
<div class="byline">By <a href="/a/jane">Jane Smith</a>, Istanbul correspondent</div>
<time datetime="2023-02-06">6 February 2023</time>
<div class="share"><a>Facebook</a> <a>Twitter</a> <a>Email</a></div>
<p>At least 38 people were killed when a magnitude 7.8 earthquake struck on Monday.</p>
<div class="ad">Advertisement</div>
<p>&ldquo;We have never seen this,&rdquo; said Mehmet&nbsp;Yilmaz.</p>
<aside><h2>Related</h2><ul><li><a>Earlier quake hits Syria</a></li></ul></aside>
</article></main>
<footer><p>&copy; 2023 Example News. All rights reserved.</p></footer>
</body></html>"""

NEWS_MARKDOWN = """---
title: "Quake kills dozens"
date: 2023-02-06
---
# Quake kills dozens in southern Turkey

- Jane Smith
- Feb 6, 2023
- 4 min read

At least **38 people** were killed, [officials said](https://example.org/a).

![Rescuers](rubble.jpg)

Share on Facebook | Share on X
"""


def test_news_page_reduces_to_its_story() -> None:
    lines = [words(line) for line in to_plain(NEWS_PAGE, "html").split("\n") if line.strip()]
    assert lines == [
        "Quake kills dozens in southern Turkey",
        "At least 38 people were killed when a magnitude 7.8 earthquake struck on Monday.",
        "We have never seen this, said Mehmet Yilmaz.",
    ]


def test_markdown_article_reduces_to_its_story() -> None:
    lines = [words(line) for line in to_plain(NEWS_MARKDOWN, "markdown").split("\n")]
    assert [line for line in lines if line] == [
        "Quake kills dozens in southern Turkey",
        "At least 38 people were killed, officials said .",
    ]
