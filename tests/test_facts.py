"""Document-level facts: counts and measures of one named thing, compared across the
documents of one story when each states it once."""

from __future__ import annotations

import pytest

from ravel.align import Stories, anchored
from ravel.counts import count_key
from ravel.extract.entities import find_mentions
from ravel.facts import compare_facts, document_facts, fact_key
from ravel.model import Claim, Event, Finding, Quantity
from tests.helpers import claims_of, document, report_of


def _quantity(sentence: str, surface: str) -> tuple[Claim, Quantity]:
    (claim,) = claims_of(document("d", sentence))
    (quantity,) = [q for q in claim.quantities if q.text == surface]
    return claim, quantity


def _key(sentence: str, surface: str) -> tuple[str, str] | None:
    return fact_key(*_quantity(sentence, surface))


@pytest.mark.parametrize(
    ("sentences", "surfaces"),
    [
        (
            ["The bus careered into a 150m ravine.", "The bus came to rest in an "
             "80-meter-deep ravine.", "It lies at the bottom of a 80 metre ravine."],
            ["150m", "80-meter", "80 metre"],
        ),
        (
            ["The bus had fallen about 65 meters into a valley.",
             "The bus fell about 20 meters in a valley."],
            ["about 65 meters", "about 20 meters"],
        ),
        (
            ["The couple had seven children and 32 grandchildren.",
             "Ackland had 34 grandchildren."],
            ["32", "34"],
        ),
        (["There were 134 survivors.", "With 142 survivors in the tragedy, it sank."],
         ["134", "142"]),
        (["12 people were still missing on Wednesday.", "Twelve people remain missing."],
         ["12", "Twelve"]),
        (["The epicentre was 80 km south-west of Guayaquil.",
          "It struck some 75 kilometres southwest of the port city of Guayaquil."],
         ["80 km", "some 75 kilometres"]),
        (["The accident happened 600m (2,000ft) below ground.",
          "The miners were trapped around 1,000 metres below the surface."],
         ["600m", "around 1,000 metres"]),
        (["By Wednesday, officials confirmed 27 fatalities.",
          "At least 69 people were killed in the quake."],
         ["27", "At least 69"]),
    ],
)
def test_forms_of_one_fact_share_a_key(sentences: list[str], surfaces: list[str]) -> None:
    keys = {_key(s, q) for s, q in zip(sentences, surfaces, strict=True)}
    assert None not in keys
    assert len(keys) == 1


@pytest.mark.parametrize(
    ("sentence", "surface", "why"),
    [
        ("Fifty-three Nepalese passengers were on board.", "Fifty-three",
         "a part: a word between number and noun"),
        ("The couple had seven children.", "seven", "people are counted by events"),
        ("Rescuers recovered three more bodies.", "three", "more: a part"),
        ("The remaining four bodies were found on Monday.", "four", "the remaining: a part"),
        ("The epicentre was 80 km to the south.", "80 km", "a direction, not a thing"),
        ("She won the race 3 times.", "3", "how often, not what"),
        ("Officials initially counted 12 bodies.", "12", "a first count, since replaced"),
        ("He died aged 95.", "aged 95", "an age"),
    ],
)
def test_what_is_no_fact(sentence: str, surface: str, why: str) -> None:
    claims = claims_of(document("d", sentence.replace(".", " on 3 May 2024.")))
    quantities = [(c, q) for c in claims for q in c.quantities if q.text == surface]
    assert quantities, "the phrase must be read as a quantity for the case to test anything"
    assert all(fact_key(c, q) is None for c, q in quantities), why


def test_a_depth_of_is_a_depth() -> None:
    assert _key("The quake struck at a depth of 66.4 km on Saturday.", "66.4 km") == (
        "length", "depth")


def test_a_document_giving_two_values_keeps_none() -> None:
    one = claims_of(document("d", "Its wreck lies in a 70-metre ravine."))
    assert set(document_facts(one)) == {("length", "ravin")}
    two = claims_of(document(
        "d", "Its wreck lies in a 70-metre ravine. A 40-metre ravine lies further down."
    ))
    assert document_facts(two) == {}


def test_a_length_and_its_conversion_are_one_value() -> None:
    (found,) = document_facts(claims_of(document("d", (
        "The accident happened 600 metres below the surface. They were trapped 2,000 feet "
        "underground."
    )))).values()
    assert [len(v) for v in found.values()] == [2]  # one document, one value given twice
    two = claims_of(document("d", (
        "The accident happened 600 metres below the surface. They were trapped 1,000 feet "
        "underground."
    )))
    assert document_facts(two) == {}


def test_a_number_and_a_vaguer_wording_of_it_are_one_value() -> None:
    facts = document_facts(claims_of(document("d", (
        "The crush killed more than 150 people on Saturday. As of Sunday evening, officials "
        "said 153 people were killed."
    ))))
    (found,) = facts[("death", "person")].values()
    assert [f.quantity.text for f in found] == ["153", "more than 150"]  # the precise first
    two = claims_of(document("d", (
        "The crush killed more than 150 people on Saturday. Officials said 149 people were "
        "killed."
    )))
    assert ("death", "person") not in document_facts(two)


def test_lengths_in_two_units_are_compared() -> None:
    texts = {
        "a": "Energy minister Taner Yildiz said the workers were 420 meters below ground "
             "in the mine in Soma on Tuesday.",
        "b": "Energy minister Taner Yildiz said the workers were 1,000 feet underground in "
             "Soma on Tuesday.",
        "c": "Energy minister Taner Yildiz said the workers were 1,380 feet underground in "
             "Soma on Tuesday.",
    }
    _, findings = _facts(texts)
    verdicts = {frozenset(s.claim.doc_id for s in f.sides): f.verdict
                for f in findings if f.slot == "quantity"}
    assert verdicts[frozenset("ab")] == "conflict"  # 420 m is 1,378 ft
    assert verdicts[frozenset("ac")] != "conflict"


STORY = {
    "a": "TRELLBERG, 4 March 2026 - A bus plunged off the road at Ostrava Dol on Tuesday, "
         "police spokesman Anton Brekke said.\n\nThere were 23 survivors.",
    "b": "The bus left the road near Ostrava Dol on Tuesday, police spokesman Anton Brekke "
         "said.\n\nThere were 31 survivors.",
    "c": "A ferry sank off Halvik harbour on Monday, the coast guard said.\n\n"
         "There were 31 survivors.",
}


def _facts(texts: dict[str, str]) -> tuple[tuple[Event, ...], tuple[Finding, ...]]:
    report = report_of(texts)
    return compare_facts(report.claims, Stories(report.claims), report.events)


def test_documents_of_one_story_contradict_each_other_on_a_fact() -> None:
    events, findings = _facts(STORY)
    counts = [f for f in findings if f.slot == "quantity"]
    assert [(f.verdict, f.kind, [s.surface for s in f.sides]) for f in counts] == [
        ("conflict", "quantity/clear", ["23 survivors", "31 survivors"])
    ]
    (event,) = [e for e in events if e.id == counts[0].event_id]
    assert {c.doc_id for c in event.claims} == {"a", "b"}
    assert counts[0].event_id == event.id
    for side in counts[0].sides:  # offsets are sacred
        text = STORY[side.claim.doc_id]
        assert text[side.start : side.end] == side.surface


def test_another_story_with_the_same_number_is_not_compared() -> None:
    _, findings = _facts(STORY)
    assert all("c" not in {s.claim.doc_id for s in f.sides} for f in findings)


def test_counts_of_the_missing_are_not_counts_of_the_dead() -> None:
    claim, quantity = _quantity(
        "The death toll rose to 41 on Friday, with another 12 people still missing.", "12"
    )
    assert count_key(claim, quantity) is None  # "another": a part
    claim, quantity = _quantity("The death toll rose to 41, and 12 people are still missing.",
                                "12")
    assert count_key(claim, quantity) == ("state:missing", "person")
    claim, quantity = _quantity("The death toll rose to 41, and 12 people are still missing.",
                                "41")
    assert count_key(claim, quantity) == ("death", "person")


@pytest.mark.parametrize("text", ["in West Java province", "a ravine in Central Java, police said",
                                  "a ravine in West Java’s Sukabumi region"])
def test_a_compass_word_and_a_name_make_a_place(text: str) -> None:
    found = [m for m in find_mentions(text, 0, len(text)) if "Java" in m.text]
    assert [(m.kind, m.role == "person") for m in found] == [("place", False)]


def test_forms_of_one_town_are_one_story_term() -> None:
    report = report_of({
        "a": "The ferry capsized off Ormoc City on Thursday, killing 41.",
        "b": "The ferry sank off Ormoc on Thursday, killing 59.",
        "c": "TIL Desk/National - The ferry sank on Thursday, killing 59.",
        "d": "Jagran News Desk - The ferry sank on Thursday, killing 59.",
    })
    stories = Stories(report.claims)
    assert stories.similarity("a", "b") > 0
    assert "name:ormoc" in stories._profiles["a"] & stories._profiles["b"]
    assert not stories._profiles["c"] & stories._profiles["d"] - {"n:59"}  # no "desk"


def test_a_rare_name_anchors_a_contradiction() -> None:
    background = {  # other stories: the port and the country say little
        f"x{i}": f"A storm hit Ormoc in the Philippines on {d} May 2024, killing {n}."
        for i, (d, n) in enumerate([(2, 3), (9, 5), (16, 7), (23, 2)])
    }
    report = report_of({
        **background,
        "a": "The death toll after the Kim-Nirvana capsized off Ormoc, in the Philippines, "
             "rose to 41 on Friday.",
        "b": "The death toll from the Nirvana sinking off Ormoc, Philippines, reached 59.",
    })
    stories = Stories(report.claims)
    (a,) = [c for c in report.claims if c.doc_id == "a"]
    (b,) = [c for c in report.claims if c.doc_id == "b"]
    assert anchored(a, b, stories)
    assert not stories.share_rare_name("a", "x0")


OFFICES = {
    "a": "TRELLBERG, 4 March 2026 - A bus plunged off the road at Ostrava Dol on Tuesday, "
         "local police spokesman Anton Brekke told reporters.\n\n"
         "Rescue teams looked for more victims of the crash, Mr Brekke said.",
    "b": "The bus left the road near Ostrava Dol on Tuesday night.\n\n"
         "One of the injured was in critical condition, police chief Anton Brekke said.",
}


def test_reports_of_one_story_give_one_person_two_offices() -> None:
    _, findings = _facts(OFFICES)
    roles = [f for f in findings if f.slot == "role"]
    assert [(f.verdict, [s.value for s in f.sides]) for f in roles] == [
        ("conflict", ["spokesperson", "police_chief"])
    ]


def test_a_comma_before_a_name_ends_a_clause_unless_the_office_is_determined() -> None:
    from ravel.compare import role_bindings

    (searched,) = [c for c in report_of(OFFICES).claims if "victims" in c.text]
    assert role_bindings(searched) == {}
    (claim,) = claims_of(document("d", "The minister, Petra Lind, resigned on Monday."))
    assert {p: r.key for p, r in role_bindings(claim).items()} == {"lind": "minister"}


def test_namesakes_in_two_stories_are_not_one_person() -> None:
    _, findings = _facts({
        "a": "Prosecutor Ana Grigoryan said the suspects would be charged on 3 May 2024.",
        "b": "Ana Grigoryan, the governor of the province, cut short a trip on 9 June 2024.",
    })
    assert findings == ()


@pytest.mark.parametrize(
    ("sentence", "surface", "key"),
    [
        ("Joss Ackland, 95, died on Sunday.", "95", ("age", "joss ackland")),
        ("Peter Fonda died aged 79 on Friday.", "aged 79", ("age", "peter fonda")),
        ("Peter Fonda has died at the age of 79.", "age of 79", ("age", "peter fonda")),
        ("Peter Fonda said his son, 45, was arrested on Friday.", "45", None),
        ("Ackland dies aged 95 after a long career.", "aged 95", None),
    ],
)
def test_an_age_is_the_age_of_the_person_it_stands_by(
    sentence: str, surface: str, key: tuple[str, str] | None
) -> None:
    assert _key(sentence, surface) == key


def test_two_reports_give_one_person_two_ages() -> None:
    from ravel.pipeline import align_and_compare

    report = report_of({
        "a": "Actor Joss Ackland, 95, was a star of White Mischief and Midsomer Murders, "
             "his family said in Clovelly.",
        "b": "Joss Ackland, the star of White Mischief and Midsomer Murders, has died aged "
             "94 in Clovelly, his agent said on Monday.",
    })
    _, findings = align_and_compare(report.claims)
    assert [(f.verdict, f.kind, [s.surface for s in f.sides]) for f in findings
            if f.slot == "quantity"] == [("conflict", "quantity/off-by-one", ["95", "aged 94"])]


def test_documents_alignment_links_twice_tell_one_story() -> None:
    from ravel.model import Mention

    street = Mention(0, 1, "x", "place", "victoria street", "city")

    def claim(doc: str, n: int, *places: Mention) -> Claim:
        return Claim(id=f"{doc}#{n}", doc_id=doc, start=n, end=n + 1, line=1, text="x",
                     places=places)

    def names(doc: str) -> list[Mention]:
        return [Mention(0, 1, "x", "actor", f"{doc}{i}", "person") for i in range(4)]

    stories = Stories([
        Claim(id="a#9", doc_id="a", start=9, end=10, line=1, text="x", places=(street,),
              actors=tuple(names("a"))),
        Claim(id="b#9", doc_id="b", start=9, end=10, line=1, text="x", places=(street,),
              actors=tuple(names("b"))),
    ])
    assert not stories.one_story("a", "b")  # a street alone is no story
    events = [Event(f"E{n}", "x", (claim("a", n), claim("b", n)), 1.0) for n in range(2)]
    stories.link(events[:1])
    assert not stories.one_story("a", "b")  # once: maybe two stories of one kind
    stories.link(events)
    assert stories.one_story("a", "b")  # twice, and a place few others name


@pytest.mark.parametrize(
    ("sentence", "key", "lo", "hi"),
    [
        ("The miners were trapped for about eight hours on Tuesday.", ("trapped for", "h"),
         "7.2", "8.8"),
        ("Nineteen miners spent seven hours trapped underground on Tuesday.",
         ("trapped for", "h"), "7", "7"),
        ("The hostages were held for three days, police said on Monday.",
         ("held for", "day"), "3", "3"),
    ],
)
def test_how_long_a_plight_lasted(sentence: str, key: tuple[str, str], lo: str, hi: str) -> None:
    from decimal import Decimal

    from ravel.facts import durations

    (claim,) = claims_of(document("d", sentence))
    ((found, span),) = list(durations(claim))
    assert (found, span.lo, span.hi) == (key, Decimal(lo), Decimal(hi))
    assert sentence[span.start : span.end] == span.text


def test_how_long_something_lasted_is_no_plight() -> None:
    from ravel.facts import durations

    (claim,) = claims_of(document("d", "The talks lasted for three days on Monday."))
    assert list(durations(claim)) == []


def test_two_reports_give_a_plight_two_lengths() -> None:
    _, findings = _facts({
        "a": "Nineteen miners were rescued in Rudna on Tuesday after being trapped "
             "underground for seven hours.",
        "b": "The 19 miners were trapped for around eight hours in Rudna, KGHM said on Tuesday.",
    })
    assert [(f.verdict, [s.surface for s in f.sides]) for f in findings
            if f.slot == "quantity"] == [("conflict", ["seven hours", "around eight hours"])]


def test_distances_the_other_way_are_other_distances() -> None:
    north = _key("The epicentre was 80 km north of Guayaquil.", "80 km")
    south = _key("Rescuers reached Naranjal, 90 km south of Guayaquil.", "90 km")
    nowhere = _key("Rescuers reached Naranjal, 90 km from Guayaquil.", "90 km")
    assert len({north, south, nowhere}) == 3


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # a thing counted twice needs more in common than the thing
            "TRELLBERG, 4 March 2026 - The storm destroyed 200 houses in Ostrava Dol, "
            "police spokesman Anton Brekke said.",
            "More than 500 houses were damaged in Ostrava Dol, police spokesman Anton "
            "Brekke said on 4 March 2026.",
        ),
        (  # facts of two towns are two facts
            "TRELLBERG, 4 March 2026 - A truck fell into a 150m ravine near Ostrava Dol, "
            "police spokesman Anton Brekke said.",
            "A truck fell into an 80m ravine near Halvik, police spokesman Anton Brekke "
            "said on 4 March 2026.",
        ),
    ],
)
def test_counts_that_are_two_facts_are_not_compared(a: str, b: str) -> None:
    _, findings = _facts({"a": a, "b": b})
    assert [f for f in findings if f.slot == "quantity"] == []


def test_namesakes_give_no_ages_to_compare() -> None:
    _, findings = _facts({
        "a": "John Smith, 45, was arrested in Leeds on Friday.",
        "b": "John Smith, 62, won the lottery in Cardiff on Monday.",
    })
    assert findings == ()


def test_accounts_of_two_parties_are_disputed() -> None:
    _, findings = _facts({
        "a": "TRELLBERG, 4 March 2026 - The ferry Nordlys sank off Ostrava Dol on Tuesday. "
             "There were 23 survivors, Azerbaijan said.",
        "b": "The ferry Nordlys sank off Ostrava Dol on Tuesday. There were 31 survivors, "
             "Russia said.",
    })
    assert [(f.verdict, f.slot) for f in findings if f.slot == "quantity"] == [
        ("disputed", "quantity")
    ]


def test_fact_events_say_so_in_the_json() -> None:
    import json

    from typer.testing import CliRunner

    from ravel.cli import app
    from tests.conftest import FIXTURES

    result = CliRunner().invoke(app, ["diff", str(FIXTURES / "story-details"), "--json"])
    events = json.loads(result.stdout)["events"]
    assert {e["kind"] for e in events} == {"aligned", "fact"}
    facts = [e for e in events if e["kind"] == "fact"]
    assert {e["label"] for e in facts} >= {"ravin (length)", "anton brekke"}


def test_a_name_read_as_a_person_in_one_report_and_a_place_in_another_is_one_term() -> None:
    report = report_of({
        "a": "A fire in North Delhi's Anaj Mandi killed 43 people on Sunday.",
        "b": "A fire in the congested Anaj Mandi area killed 43 people on Sunday.",
    })
    stories = Stories(report.claims)
    assert "name:anaj mandi" in stories._profiles["a"] & stories._profiles["b"]


def test_parts_of_one_kind_in_two_reports_are_compared() -> None:
    from ravel.pipeline import align_and_compare

    report = report_of({
        "a": "The fire at Anaj Mandi claimed the lives of 43 labourers, including at least "
             "five minors, on 8 December 2019.",
        "b": "While 43, including one minor, died in the Anaj Mandi fire, 16 were injured on "
             "8 December 2019.",
    })
    _, findings = align_and_compare(report.claims)
    assert [(f.verdict, [s.value for s in f.sides]) for f in findings
            if f.slot == "quantity"] == [("conflict", [">= 5", "1"])]


def test_an_estimate_is_a_fact_and_a_vague_word_is_not() -> None:
    assert _key("About 30 people were killed in Tula on Monday.", "About 30") == (
        "death", "person")
    assert _key("Dozens of people were killed in Tula on Monday.", "Dozens") is None


def test_an_outlet_cited_as_a_source_is_no_story_name() -> None:
    report = report_of({
        "a": "A crowd crush killed 154 people in Seoul on Saturday, Yonhap news agency "
             "reported.",
        "b": "Blasts at a warehouse killed 44 people in Tianjin on Thursday, South Korean "
             "news agency Yonhap reported.",
        "c": "Spokesman Kim Daeho of the Yongsan fire station said 154 people died.",
        "d": "Kim Daeho, a spokesman, said the toll stood at 151 on Sunday.",
    })
    stories = Stories(report.claims)
    assert not stories.share_rare_name("a", "b")  # both cite Yonhap: no story in common
    assert stories.share_rare_name("c", "d")  # a spokesman both name is one
    town = report_of({
        "a": "Twelve people died in the warehouse blast on Thursday, the Tianjin fire "
             "department said.",
        "b": "A warehouse blast killed 14 people on Thursday, Tianjin police said.",
    })
    profiles = Stories(town.claims)._profiles
    assert "name:tianjin" in profiles["a"] & profiles["b"]  # a source's town is the story's


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("This is the deadliest tragedy since the 2014 Sewol ferry disaster that claimed "
         "the lives of 304 people.", 2014),
        ("It is the worst disaster since 2014, when the ferry Sewol sank and killed 304 "
         "people.", 2014),
        ("Prices have stayed high since the 2014 level was reached.", None),
        ("The road has been closed since 2014.", None),
        ("About 7,000 people have been arrested since protests began in June 2019.", None),
    ],
)
def test_a_year_that_says_when_something_happened_dates_it(
    sentence: str, year: int | None
) -> None:
    from ravel.align import main_date

    (claim,) = claims_of(document("d", sentence))
    date = main_date(claim)
    assert (date.lo.year if date and date.lo else None) == year


DAYS = {
    "a": "Avalanche buries Hotel Rigopiano in Farindola\n\n"
         "The avalanche struck the Hotel Rigopiano in Farindola, Abruzzo, late on Tuesday, "
         "after Tuesday's quakes, mayor Ilario Lacchetta said.",
    "b": "Hotel Rigopiano buried in Farindola\n\n"
         "Three major tremors in the region on Wednesday set off the avalanche that buried "
         "the Hotel Rigopiano in Farindola, Abruzzo, mayor Ilario Lacchetta said.",
}


def test_reports_of_one_story_contradict_each_other_on_a_day() -> None:
    _, findings = _facts(DAYS)
    dates = [(f.verdict, [s.surface for s in f.sides]) for f in findings if f.slot == "date"]
    assert dates == [("conflict", ["Tuesday", "Wednesday"])]


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        ("The quake struck the region early on Wednesday.", True),
        ("Tuesday's strong quakes set off the avalanche.", True),
        ("Three major tremors in the region on Wednesday damaged homes.", True),
        ("Rescuers raced Wednesday to reach miners trapped after an explosion.", False),
        ("Work at the site of the explosions was suspended on Thursday morning.", False),
        ("Wednesday's search for quake survivors went on into the night.", False),
        ("A fourth quake struck the region on Wednesday, officials said.", False),
        ("Flooding in Derna on Wednesday cut off roads to the port.", False),  # it lasts
    ],
)
def test_a_day_is_the_happenings_own(sentence: str, dated: bool) -> None:
    from ravel.facts import document_dates

    claims = claims_of(document("d", sentence))
    assert bool(document_dates(claims)) is dated


def test_a_toll_first_reported_is_not_the_reports_toll() -> None:
    """ "had earlier reported at least 70 deaths" is superseded: the report's toll is the
    one it gives now, and it keeps it."""
    claims = claims_of(document(
        "d", "At least 100 people were killed in the blast. The health minister had "
             "earlier reported at least 70 deaths in the blast."))
    facts = document_facts(claims)
    assert [f.quantity.text for f in facts[("death", "person")]["d"]] == ["At least 100"]


def test_a_value_stated_twice_is_compared_where_its_days_allow() -> None:
    """A report gives its toll in a lead dated by the day after ("surveying the damage
    Wednesday ... killing at least 100") and again undated; another report dates the blast
    the day before: the undated statement is compared."""
    report = report_of({
        "a": "Residents of Kessan surveyed the damage on 5 August 2020 after the Kessan "
             "explosion at the Dalgan warehouse, killing at least 100 people. At least 100 "
             "people were killed, Anna Weber of the Kessan Red Crescent said.",
        "b": "A blast on 4 August 2020 at the Dalgan warehouse in Kessan has killed at least "
             "145 people, Anna Weber of the Kessan Red Crescent said.",
        "c": "A fire in a Lisbon market killed 3 people on 2 March 2019.",
    })
    _, findings = compare_facts(report.claims, Stories(report.claims))  # no event pairs them
    assert [(f.verdict, [s.surface for s in f.sides]) for f in findings
            if f.slot == "quantity"] == [("conflict", ["At least 100 people",
                                                       "at least 145 people"])]


def test_a_crowd_in_words_is_a_fact() -> None:
    """ "dozens" is no fact, but how many came, "tens of thousands", is one."""
    assert _key("A march attended by tens of thousands of people ended on Monday.",
                "tens of thousands") == ("state:attending", "person")
    assert _key("Dozens of people were hurt on Monday.", "Dozens") is None
