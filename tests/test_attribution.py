import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ravel.extract.attribution import find_attributions, find_hedges, find_negations

# (text, expected attributions as (source, cue, source_key), why)
CASES = [
    (
        "Baku accuses Russian authorities of targeting Azerbaijanis and alleges that the victims"
        " died as a result of torture.",
        [("Baku", "accuses", "azerbaijan"), ("Baku", "alleges", "azerbaijan")],
        "capital as source; coordinated verb inherits the subject",
    ),
    (
        "The Russian side maintains that the incident was a routine police operation and claims"
        " one of the men died of a heart condition, denying any ethnic profiling.",
        [
            ("The Russian side", "maintains", "russia"),
            ("The Russian side", "claims", "russia"),
            ("The Russian side", "denying", "russia"),
        ],
        "demonym + side; 'and claims', ', denying' inherit",
    ),
    (
        "The other suspect's cause of death is being established, according to Russian"
        " prosecutors.",
        [("Russian prosecutors", "according to", "russia")],
        "according to X",
    ),
    (
        "“There is no hostility,” says Umarov.",
        [("Umarov", "says", "umarov")],
        "inverted 'says X' after a quote",
    ),
    (
        "Temur Umarov is a fellow. “It is considerable,” he says.",
        [("he", "says", "umarov")],
        "a pronoun source resolves to the last person named",
    ),
    (
        "All detainees reportedly bore signs of assault, and the plane was allegedly downed.",
        [(None, "reportedly", None), (None, "allegedly", None)],
        "bare hedging cues",
    ),
    (
        "This rift is assessed as likely to worsen, and the man is believed to have fled.",
        [(None, "assessed as likely", None), (None, "is believed to", None)],
        "assessment and passive belief cues",
    ),
    (
        "One of the injured men reported that officers broke in.",
        [("One of the injured men", "reported", None)],
        "quantified noun phrase as source",
    ),
    (
        "Authorities also arrested 2 Russian nationals accused of spying.",
        [],
        "'accused of' after a noun is a participle, not a statement",
    ),
    (
        "Both leaders maintain strict authoritarian practices.",
        [],
        "'maintain' with a plain object reports nothing",
    ),
    (
        "Dmitry Peskov, the Kremlin spokesman, said the talks failed.",
        [("Dmitry Peskov", "said", "peskov")],
        "subject before an appositive",
    ),
    (
        "The victims were reported by Reuters to be Azeri.",
        [("Reuters", "reported by", "reuters")],
        "'reported by X' names the source",
    ),
    (
        "According to analysts, the choice sent a message to Moscow.",
        [("analysts", "According to", None)],
        "sentence-initial According to",
    ),
    (
        "The Gulf states have not spoken, media reports show.",
        [],
        "'states' and 'reports' used as nouns",
    ),
    (
        "Moscow denied any involvement, the Kremlin said.",
        [("Moscow", "denied", "russia"), ("the Kremlin", "said", "russia")],
        "denial as a statement; metonym source",
    ),
]

assert len({c[0] for c in CASES}) == len(CASES), "duplicate inputs"


@pytest.mark.parametrize(("text", "expected", "why"), CASES)
def test_find_attributions(
    text: str, expected: list[tuple[str | None, str, str | None]], why: str
) -> None:
    got = find_attributions(text)
    assert [(a.source, a.cue, a.source_key) for a in got] == expected, why
    for a in got:
        assert a.cue in text[a.start : a.end]
        if a.source is not None and a.source != "he":
            assert a.source in text


NEGATION_CASES = [
    ("This is not the first flare-up.", ["is not"], "aux + not is one cue"),
    ("This was not just a reaction to one raid.", [], "not just ... is not a negation"),
    ("He never issued a formal apology.", ["never"], "never"),
    ("Russia has not acknowledged responsibility.", ["has not"], "has not"),
    ("with no signs of reconciliation in sight", ["no"], "determiner no"),
    ("Most analysts say no.", [], "'no' as an answer negates no predicate"),
    ("There is no doubt that no fewer than 38 died.", [], "fixed phrases: no doubt, no fewer than"),
    (
        "Whether or not it happened, he didn’t say.",
        ["didn’t"],
        "whether or not; contraction with curly apostrophe",
    ),
    ("Armenia is no longer a member.", ["no longer"], "no longer negates the present state"),
    ("They met without Russian mediation.", ["without"], "without"),
    (
        "Moscow denied it and refused to comment, failing to explain.",
        ["denied", "refused to", "failing to"],
        "denial and refusal verbs",
    ),
    (
        "Neither side spoke, nor did they write; none came.",
        ["Neither", "nor", "none"],
        "neither/nor/none",
    ),
    ("It was nothing but a raid, not only a search.", [], "nothing but, not only"),
    ("Not many survived the explosions; not all were found.", [],
     "not many, not all: a quantity, not a denial"),
]

assert len({c[0] for c in NEGATION_CASES}) == len(NEGATION_CASES), "duplicate inputs"


@pytest.mark.parametrize(("text", "expected", "why"), NEGATION_CASES)
def test_find_negations(text: str, expected: list[str], why: str) -> None:
    assert [text[s:e] for s, e in find_negations(text)] == expected, why


HEDGE_CASES = [
    (
        "It may be likely that officials could act in May 2025.",
        ["may", "likely", "could"],
        "May the month is not a hedge",
    ),
    (
        "The suspect is believed to have fled; it appears to be true.",
        ["is believed to", "appears to"],
        "belief and appearance",
    ),
    ("This rift is assessed as likely to worsen.", ["assessed as likely"], "one cue, not two"),
    (
        "They were allegedly beaten and possibly tortured, reportedly by police.",
        ["allegedly", "possibly", "reportedly"],
        "adverbs",
    ),
    (
        "Two suspected smugglers might probably flee.",
        ["suspected", "might", "probably"],
        "suspected, might, probably",
    ),
    ("Police arrested two men on Monday.", [], "no hedge"),
]

assert len({c[0] for c in HEDGE_CASES}) == len(HEDGE_CASES), "duplicate inputs"


@pytest.mark.parametrize(("text", "expected", "why"), HEDGE_CASES)
def test_find_hedges(text: str, expected: list[str], why: str) -> None:
    assert [text[s:e] for s, e in find_hedges(text)] == expected, why


def test_ranges_limit_the_search() -> None:
    text = "Baku said no. Moscow said yes."
    assert [a.source for a in find_attributions(text, 14)] == ["Moscow"]
    assert find_negations("not here; never", 10) == ((10, 15),)
    assert find_hedges("likely; may", 0, 7) == ((0, 6),)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text())
def test_no_exception_on_any_unicode(text: str) -> None:
    for a in find_attributions(text):
        assert 0 <= a.start <= a.end <= len(text)
        assert a.cue in text[a.start : a.end]
    for s, e in (*find_negations(text), *find_hedges(text)):
        assert 0 <= s < e <= len(text)


WORDS = st.sampled_from(
    [
        "Baku",
        "said",
        "says",
        "according",
        "to",
        "the",
        "Russian",
        "side",
        "maintains",
        "that",
        "and",
        "alleges",
        ",",
        ".",
        "“",
        "”",
        "he",
        "not",
        "no",
        "only",
        "reportedly",
        "was",
        "reported",
        "by",
        "Umarov",
        "denying",
    ]
)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(WORDS, max_size=30))
def test_sources_are_spans_of_the_text(words: list[str]) -> None:
    text = " ".join(words)
    for a in find_attributions(text):
        span = text[a.start : a.end]
        assert a.cue in span
        assert a.source is None or a.source in span or span == a.cue  # inherited: the cue alone
