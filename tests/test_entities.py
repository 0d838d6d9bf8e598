
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ravel.extract.entities import find_mentions, find_roles, load_aliases

# (text, expected mentions as (surface, kind, key, role), why)
CASES = [
    (
        "Baku accuses Russian authorities of targeting Azerbaijanis.",
        [
            ("Baku", "actor", "azerbaijan", "government"),
            ("Russian authorities", "actor", "russia", "government"),
            ("Azerbaijanis", "actor", "azerbaijan", "nationality"),
        ],
        "capital as government, demonym + head noun, plural people noun",
    ),
    (
        "Police killed two Azeri nationals in Yekaterinburg.",
        [
            ("Azeri nationals", "actor", "azerbaijan", "nationality"),
            ("Yekaterinburg", "place", "yekaterinburg", "city"),
        ],
        "sentence-initial common word skipped; unknown name after 'in' is a city",
    ),
    (
        "Such meetings were hosted in Moscow, not by the Kremlin.",
        [("Moscow", "place", "moscow", "city"), ("the Kremlin", "actor", "russia", "government")],
        "a capital after 'in' is a city; a metonym is the government",
    ),
    (
        "The Russian side maintains that it was a routine operation.",
        [("Russian side", "actor", "russia", "government")],
        "'the Russian side' is the government",
    ),
    (
        "The dead were ethnic Azerbaijanis and Russian citizens.",
        [
            ("Azerbaijanis", "actor", "azerbaijan", "nationality"),
            ("Russian citizens", "actor", "russia", "nationality"),
        ],
        "nationality by people noun and by head noun",
    ),
    (
        "He met Azeri President Ilham Aliyev. Later, President Aliyev and Aliyev’s aides left.",
        [
            ("Azeri", "actor", "azerbaijan", "government"),
            ("President Ilham Aliyev", "actor", "aliyev", "person"),
            ("President Aliyev", "actor", "aliyev", "person"),
            ("Aliyev", "actor", "aliyev", "person"),
        ],
        "title + name is a person keyed by surname; possessive not part of the mention",
    ),
    (
        "Mr Safarov said his brother was beaten.",
        [("Mr Safarov", "actor", "safarov", "person")],
        "honorific makes a person",
    ),
    (
        "Armenia may leave the CSTO (Collective Security Treaty Organization) and the Collective"
        " Security Treaty Organisation.",
        [
            ("Armenia", "actor", "armenia", "state"),
            ("CSTO", "actor", "csto", "organisation"),
            ("Collective Security Treaty Organization", "actor", "csto", "organisation"),
            ("Collective Security Treaty Organisation", "actor", "csto", "organisation"),
        ],
        "organisation expansions in both spellings share the key",
    ),
    (
        "Meanwhile, Azerbaijan's Culture Ministry cancelled concerts.",
        [
            ("Azerbaijan", "actor", "azerbaijan", "state"),
            ("Culture Ministry", "actor", "culture ministry", "organisation"),
        ],
        "possessive splits the country from an organisation name",
    ),
    (
        "A fellow at the Carnegie Center in Berlin spoke.",
        [
            ("Carnegie Center", "actor", "carnegie center", "organisation"),
            ("Berlin", "place", "berlin", "city"),
        ],
        "organisation word; known capital after 'in'",
    ),
    (
        "On 27 June 2025, Putin met officials in Russia and the White House.",
        [
            ("Putin", "actor", "putin", None),
            ("Russia", "place", "russia", "state"),
            ("the White House", "actor", "united states", "government"),
        ],
        "months are not names; a country after 'in' is a place",
    ),
    (
        "Two of the suspects, brothers Ziyaddin and Huseyn Safarov, died.",
        [("Ziyaddin", "actor", "ziyaddin", None), ("Huseyn Safarov", "actor", "safarov", "person")],
        "'and' separates two names",
    ),
    (
        "Russian-Armenian businessman Samvel Karapetyan was arrested.",
        [
            ("Russian", "actor", "russia", "nationality"),
            ("Armenian businessman", "actor", "armenia", "nationality"),
            ("Samvel Karapetyan", "actor", "karapetyan", "person"),
        ],
        "hyphenated demonyms share the head noun",
    ),
    (
        "Strategic Implications for the Caucasus\nLeaders met in Abu Dhabi.",
        [
            ("the Caucasus", "place", "caucasus", "region"),
            ("Abu Dhabi", "place", "abu dhabi", "city"),
        ],
        "a title-case heading yields only table names",
    ),
    (
        "The Kommersant headline read “Azerbaijani Ambassador Summoned to Russian Foreign"
        " Ministry”.",
        [
            ("Kommersant", "actor", "kommersant", None),
            ("Azerbaijani", "actor", "azerbaijan", "government"),
            ("Russian", "actor", "russia", "government"),
        ],
        "a quoted title-case headline is not a person",
    ),
    (
        "The train ran from Washington, D.C., to New York City.",
        [
            ("Washington", "actor", "united states", "government"),
            ("D.C.", "actor", "united states", "government"),
            ("New York City", "place", "new york city", "city"),
        ],
        "D.C. is the capital's, not a name of its own",
    ),
    (
        "A car bomb exploded in Kiev; Saudi Arabia, an ally of Washington, condemned it.",
        [
            ("Kiev", "place", "kyiv", "city"),
            ("Saudi Arabia", "actor", "saudi arabia", "state"),
            ("Washington", "actor", "united states", "government"),
        ],
        "a capital's spellings are one city; an ally of a capital is of its government",
    ),
    (
        "Residents of Beirut surveyed the damage.",
        [("Beirut", "place", "beirut", "city")],
        "a capital after 'of' is the city, not its country",
    ),
    (
        "Russian Deputy Prime Minister Alexey Overchuk cancelled his trip to Baku.",
        [
            ("Russian", "actor", "russia", "government"),
            ("Deputy Prime Minister Alexey Overchuk", "actor", "overchuk", "person"),
            ("Baku", "place", "baku", "city"),
        ],
        "multiword title; capital after a motion noun + 'to' is a city",
    ),
    (
        "The plane of Azerbaijani Airlines bound for the Chechen capital of Grozny.",
        [
            ("Azerbaijani Airlines", "actor", "azerbaijani airlines", "organisation"),
            ("Chechen", "place", "chechnya", "region"),
            ("Grozny", "place", "grozny", "city"),
        ],
        "demonym inside an organisation name; 'capital of X' is a city",
    ),
    (
        "Both the US and the U.S. officials agree with Washington.",
        [
            ("US", "actor", "united states", "state"),
            ("U.S. officials", "actor", "united states", "government"),
            ("Washington", "actor", "united states", "government"),
        ],
        "short forms with dots; capital without a preposition is the government",
    ),
    (
        "Interestingly, Russian media offered scant coverage.",
        [("Russian", "actor", "russia", "state")],
        "sentence-initial -ly adverb is not a name",
    ),
    (
        "Paris Hilton visited New Jersey.",
        [
            ("Paris Hilton", "actor", "hilton", "person"),
            ("New Jersey", "place", "new jersey", "city"),
        ],
        "a capital followed by a name is part of a person's name; New X is a place",
    ),
]

assert len({c[0] for c in CASES}) == len(CASES), "duplicate inputs"


@pytest.mark.parametrize(("text", "expected", "why"), CASES)
def test_find_mentions(
    text: str, expected: list[tuple[str, str, str, str | None]], why: str
) -> None:
    got = [(m.text, m.kind, m.key, m.role) for m in find_mentions(text)]
    assert got == expected, why


ROLE_CASES = [
    (
        "Russian Deputy Prime Minister Alexey Overchuk",
        [("Deputy Prime Minister", "deputy_prime_minister")],
        "longest wins",
    ),
    (
        "Baku summoned Russia’s chargé d’affaires.",
        [("chargé d’affaires", "charge_d_affaires")],
        "curly apostrophe",
    ),
    (
        "the charge d'affaires and two ambassadors",
        [("charge d'affaires", "charge_d_affaires"), ("ambassadors", "ambassador")],
        "plain spelling; plural",
    ),
    (
        "The Foreign Minister met the deputy foreign minister.",
        [
            ("Foreign Minister", "foreign_minister"),
            ("deputy foreign minister", "deputy_foreign_minister"),
        ],
        "portfolio ministers",
    ),
    (
        "according to Russian prosecutors and police",
        [("prosecutors", "prosecutor"), ("police", "police")],
        "plural roles",
    ),
    ("The meeting ended at 5 pm, the PM said.", [("PM", "prime_minister")], "PM only in capitals"),
    (
        "the presidents of Azerbaijan and a Kremlin spokesman",
        [("presidents", "president"), ("spokesman", "spokesperson")],
        "spokesman is a spokesperson",
    ),
    (
        "Attorneys general and the UN Secretary-General",
        [("Attorneys general", "attorney_general"), ("Secretary-General", "secretary_general")],
        "plurals of X general; hyphen",
    ),
]

assert len({c[0] for c in ROLE_CASES}) == len(ROLE_CASES), "duplicate inputs"


@pytest.mark.parametrize(("text", "expected", "why"), ROLE_CASES)
def test_find_roles(text: str, expected: list[tuple[str, str]], why: str) -> None:
    got = [(m.text, m.key) for m in find_roles(text)]
    assert all(m.kind == "role" for m in find_roles(text))
    assert got == expected, why


def test_range_offsets_are_into_the_whole_text() -> None:
    text = "Baku is far. Moscow said no."
    got = find_mentions(text, 13, len(text))
    assert [(m.start, m.end, m.text) for m in got] == [(13, 19, "Moscow")]
    assert [m.text for m in find_roles("a president; an envoy", 13)] == ["envoy"]


def test_load_aliases_extends_and_overrides() -> None:
    extra = {
        "countries": [
            {
                "key": "ruritania",
                "names": ["Ruritania"],
                "demonyms": ["Ruritanian"],
                "capitals": ["Strelsau"],
            }
        ]
    }
    table = load_aliases(extra)
    got = [
        (m.text, m.key, m.role)
        for m in find_mentions("Strelsau accuses Ruritanian nationals.", aliases=table)
    ]
    assert got == [
        ("Strelsau", "ruritania", "government"),
        ("Ruritanian nationals", "ruritania", "nationality"),
    ]
    assert load_aliases() is load_aliases()


def test_every_un_member_has_a_name() -> None:
    table = load_aliases()
    for name in [
        "Azerbaijan",
        "Tuvalu",
        "Eswatini",
        "Côte d'Ivoire",
        "Timor-Leste",
        "Saint Vincent and the Grenadines",
    ]:
        assert table.lookup(name) is not None, name


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text())
def test_spans_match_text_on_any_unicode(text: str) -> None:
    for m in (*find_mentions(text), *find_roles(text)):
        assert text[m.start : m.end] == m.text


WORDS = st.sampled_from(
    [
        "Baku",
        "Russian",
        "authorities",
        "President",
        "Ilham",
        "Aliyev",
        "’s",
        "in",
        "the",
        "Kremlin",
        "of",
        "and",
        "U.S.",
        "Mr",
        ".",
        ",",
        "\n",
        "“",
        "”",
        "-",
        "Ministry",
        "New",
        "chargé",
        "d’affaires",
        "Deputy",
        "Prime",
        "Minister",
    ]
)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(WORDS, max_size=30), st.integers(0, 40), st.integers(0, 200))
def test_mentions_sorted_non_overlapping_in_range(words: list[str], lo: int, hi: int) -> None:
    text = " ".join(words)
    got = find_mentions(text, lo, hi)
    for m in got:
        assert text[m.start : m.end] == m.text
        assert lo <= m.start < m.end <= hi
    assert all(a.end <= b.start for a, b in itertools.pairwise(got))
