from __future__ import annotations

from itertools import combinations

import pytest

from ravel.align import Stories, align_claims
from ravel.compare import compare_events
from ravel.pipeline import align_and_compare, load
from tests.conftest import FIXTURES, SEEDS
from tests.helpers import claims_of, document, report_of

# (texts of two documents, should their claims align, why)
CASES = [
    (
        ("On 3 May 2024, police in Lyon arrested four men suspected of smuggling cigarettes.",
         "Four suspected cigarette smugglers were detained by police in Lyon on 3 May 2024."),
        True, "same event, different words",
    ),
    (
        ("On 3 May 2024, police in Lyon arrested four men suspected of smuggling cigarettes.",
         "On 3 May 2024, a fire at a warehouse in Marseille injured two firefighters."),
        False, "same date, different events",
    ),
    (
        ("Three protesters were killed when police opened fire on a march in Karlsberg.",
         "Police in Karlsberg arrested three organisers of the march."),
        False, "same number, different events",
    ),
    (
        ("The minister resigned on Friday after the budget vote in Oslo.",
         "In Lima, a bus crash killed nine passengers on Friday."),
        False, "nothing shared but the day",
    ),
    (
        ("A magnitude 6.1 earthquake struck Kemerli on 14 October 2023, killing 12 people.",
         "The earthquake that hit Kemerli on 16 October 2023 killed 12 people."),
        True, "a date conflict does not stop the alignment",
    ),
]
assert len({c[0] for c in CASES}) == len(CASES)


def _linked(report) -> bool:  # type: ignore[no-untyped-def]
    return any(len({c.doc_id for c in e.claims}) >= 2 for e in report.events)


@pytest.mark.parametrize(("texts", "aligned", "why"), CASES, ids=[c[2] for c in CASES])
def test_alignment(texts: tuple[str, str], aligned: bool, why: str) -> None:
    report = report_of({"a": texts[0], "b": texts[1]})
    assert _linked(report) is aligned


def test_alignment_ignores_document_order() -> None:
    texts = {
        "a": "On 3 May 2024, police in Lyon arrested four men. A fire hit Marseille.",
        "b": "Police in Lyon detained four men on 3 May 2024.",
        "c": "Four men were arrested in Lyon by police.",
    }
    forward = report_of(texts)
    backward = align_claims(tuple(reversed(forward.claims)))
    assert {e.id for e in forward.events} == {e.id for e in backward}


def test_a_group_holds_one_claim_per_document_unless_restating() -> None:
    report = report_of({
        "a": "Police in Lyon arrested four men on 3 May 2024. Police in Lyon also arrested a "
             "driver on 3 May 2024.",
        "b": "Four men were arrested by police in Lyon on 3 May 2024.",
    })
    for event in report.events:
        docs = [c.doc_id for c in event.claims]
        restated = [c for c in event.claims if docs.count(c.doc_id) > 1]
        for claim in restated:  # a second claim of one document must share the event class
            others = [o for o in event.claims if o.doc_id == claim.doc_id and o is not claim]
            assert any({e.key for e in claim.events} & {e.key for e in o.events} for o in others)


def test_claims_of_one_document_are_never_aligned_alone() -> None:
    report = report_of({"a": "Police arrested two men in Lyon. Police arrested two men in Lyon."})
    assert report.events == ()


@pytest.mark.parametrize("corpus", ["seeds", *sorted(
    p.name for p in FIXTURES.iterdir() if (p / "expected.json").exists())])
def test_blocking_finds_what_all_pairs_finds(corpus: str) -> None:
    path = SEEDS if corpus == "seeds" else FIXTURES / corpus
    _, report = load([str(path)])
    blocked_stats: dict[str, int] = {}
    naive_stats: dict[str, int] = {}
    blocked = align_claims(report.claims, stats=blocked_stats)
    naive = align_claims(report.claims, all_pairs=True, stats=naive_stats)
    assert [e.id for e in blocked] == [e.id for e in naive]
    assert [f.id for f in compare_events(blocked)] == [f.id for f in compare_events(naive)]
    assert blocked_stats["candidates"] <= naive_stats["candidates"]


def test_identical_reports_align_whatever_a_third_one_adds() -> None:
    text = "On 27 June 2025, police in Tula said two men died in a raid."
    report = report_of({"a": text, "b": text, "c": "Montreal: " + text})
    assert [sorted(c.doc_id for c in e.claims) for e in report.events] == [["a", "b", "c"]]


def test_a_heading_without_date_or_count_does_not_take_the_ledes_place() -> None:
    report = report_of({
        "wire": "Flood barrier fails in Ostrava\n\nOn 3 March 2024, the flood barrier on the Oder "
                "at Ostrava collapsed, forcing 1,200 residents out.",
        "paper": "The Ostrava flood barrier on the Oder collapsed on 5 March 2024 and 1,200 "
                 "residents left their homes.",
    })
    (event,) = report.events
    assert all(not c.text.startswith("Flood barrier fails") for c in event.claims)
    assert [f.verdict for f in report.findings if f.slot == "date"] == ["conflict"]


def test_groups_never_mix_stories() -> None:
    report = report_of({
        "a1": "An earthquake in Malatya, Turkey, killed 48 people on 5 March 2023, AFAD said.",
        "a2": "AFAD said the Malatya earthquake of 5 March 2023 killed 48 people in Turkey.",
        "b1": "An earthquake in Al Haouz, Morocco, killed 820 people on 8 September 2023.",
        "b2": "The Al Haouz earthquake in Morocco killed 820 people on 8 September 2023.",
    })
    stories = [sorted({c.doc_id[0] for c in e.claims}) for e in report.events]
    assert stories == [["a"], ["b"]]


def test_a_capital_letter_opening_a_sentence_is_no_name() -> None:
    from ravel.align import _names

    report = report_of({"a": "Rescue teams searched the rubble in Malatya after the quake."})
    (claim,) = report.claims
    assert [m.text for m in _names(claim)] == ["Malatya"]


def test_one_town_in_common_is_not_a_story() -> None:
    from ravel.align import Stories

    report = report_of({
        "a": "Police in Lyon arrested Marc Duval and Jean Petit on 3 May 2024, the prosecutor, "
             "Anne Roy, said.",
        "b": "A fire in Lyon injured Paul Lenoir and Luc Morel on 9 June 2024, the fire chief, "
             "Eva Sol, said.",
        "c": "Marc Duval was arrested by police in Lyon on 3 May 2024.",
    })
    stories = Stories(report.claims)
    assert stories.similarity("a", "b") == 0.0  # Lyon alone
    assert stories.similarity("a", "c") > 0.1  # Lyon, Duval and the day


# Other stories from the same town: a corpus in which Lyon and France say little.
LYON_BACKGROUND = {
    f"x{i}": f"A {what} in Lyon, France, injured {n} people on {day} May 2024, {who} said."
    for i, (what, n, day, who) in enumerate([
        ("tram crash", 12, 2, "Marie Blanc"), ("gas blast", 15, 9, "Hugo Petit"),
        ("stampede", 31, 20, "Lea Martin"), ("storm", 18, 27, "Noah Bernard"),
    ])
}


def _similarity(texts: dict[str, str], a: str, b: str) -> float:
    from ravel.align import Stories

    return Stories(report_of({**texts, **LYON_BACKGROUND}).claims).similarity(a, b)


@pytest.mark.parametrize(
    ("texts", "together", "why"),
    [
        (
            {
                "a": "LYON, 4 March 2024 (Rhone Herald) - A fire in Lyon, France, killed four "
                     "workers on 3 March 2024, Paul Garnier said.",
                "b": "LYON, 12 June 2024 (Rhone Herald) - A fire in Lyon, France, killed two "
                     "people on 11 June 2024, Claire Dubois said.",
            },
            False,
            "a town, its country and the outlet's credit in the dateline",
        ),
        (
            {
                "a": "A fire in Lyon, France, killed 14 workers on 3 March 2024, Anna Weber said.",
                "b": "A fire in Lyon, France, killed 22 people on 11 June 2024, Mateo Weber said.",
            },
            False,
            "two people of one surname are two people",
        ),
        (
            {
                "a": "A fire in Lyon, France, killed 14 workers on 3 March 2024, Anna Weber said.",
                "b": "Ms Weber said the fire in Lyon, France, killed 14 workers.",
            },
            True,
            "a surname alone is the document's one person of that name",
        ),
        (
            {
                "a": "Talks between Armenia and Azerbaijan in Moscow ended on 3 May 2024 after "
                     "two days, the Kremlin said.",
                "b": "Armenia and Azerbaijan failed to agree in Moscow, the Kremlin said on "
                     "Friday.",
            },
            True,
            "three places in common are a geography, not a town and its country",
        ),
        (
            {
                "a": "A ferry capsized off Ukerewe, Tanzania, on Thursday, killing 131 people, "
                     "Isack Kamwelwe said.",
                "b": "The death toll from the ferry disaster in Ukerewe, Tanzania, climbed "
                     "past 80 on 21 September 2018, Godfrida Jola said.",
            },
            True,
            "a place no other document names",
        ),
    ],
)
def test_story_evidence(texts: dict[str, str], together: bool, why: str) -> None:
    from ravel.align import STORY_MIN

    assert (_similarity(texts, "a", "b") >= STORY_MIN) is together, why


def test_a_place_no_other_document_names_is_taken_as_a_place() -> None:
    report = report_of({"a": "A ferry capsized off Ukerewe, Tanzania, killing 131 people."})
    assert {m.key for c in report.claims for m in c.places} >= {"ukerewe"}


def test_a_name_written_once_as_a_place_is_that_place_everywhere() -> None:
    report = report_of({
        "a": "A flood in Novi Sad killed 12 people on 3 May 2024. The governor is expected to "
             "visit Novi Sad on Friday, and 40 people were evacuated."
    })
    places = {(m.text, m.key, m.role) for c in report.claims for m in c.places}
    assert places == {("Novi Sad", "novi sad", "city")}
    assert not any(m.text == "Novi Sad" for c in report.claims for m in c.actors)


def test_a_dateline_places_and_credits_the_report_not_the_event() -> None:
    report = report_of({"a": "ANKARA, 6 March 2023 (Union Tribune) - An earthquake in Malatya "
                             "killed 48 people on Sunday."})
    (claim,) = report.claims
    assert [m.text for m in claim.places] == ["Malatya"]
    assert [m.text for m in claim.actors] == []
    assert [t.text for t in claim.dates] == ["Sunday"]


def test_a_sentence_listing_several_actions_joins_one_event_per_action() -> None:
    report = report_of({
        "a": "Baku summoned Russia's chargé d'affaires, cancelled Russian cultural events and "
             "suspended a planned visit on 30 June 2025.",
        "b": "Azerbaijan cancelled all Russian cultural events on 30 June 2025. Both countries "
             "summoned each other's ambassadors on 30 June 2025.",
    })
    events = {e.label.split(" ")[0]: [c.doc_id for c in e.claims] for e in report.events}
    assert events.get("cancel") == ["a", "b"]
    assert events.get("summon") == ["a", "b"]
    (listing,) = [c for c in report.claims if c.doc_id == "a"]
    assert sum(listing in e.claims for e in report.events) == 2


@pytest.mark.parametrize(("a", "b", "why"), [
    ("In 2010, a fire in Mexico killed 4 people, Ana Ruiz said.",
     "In 2010, a landslide in Mexico killed 10 people, Ana Ruiz said.",
     "a fire and a landslide are two happenings"),
    ("In 2018, an earthquake in Ukraine killed 5 people, Olha Bondar said.",
     "On 26 May 2022, an earthquake in Ukraine killed 101 people, Olha Bondar said.",
     "dates years apart: the background of a report, not another account"),
])
def test_look_alikes_that_are_two_happenings(a: str, b: str, why: str) -> None:
    assert not report_of({"a": a, "b": b}).events, why


def test_the_same_relative_date_in_two_reports_is_no_conflict() -> None:
    report = report_of({
        "a": "KHARKIV, 3 May 2022 - Olha Bondar, the governor, is expected to visit Kharkiv "
             "later this week.",
        "b": "KHARKIV, 12 May 2022 - Olha Bondar, the governor, is expected to visit Kharkiv "
             "later this week.",
    })
    assert report.events
    assert not [f for f in report.findings if f.slot == "date" and f.verdict == "conflict"]


def test_reports_leading_with_one_disaster_days_apart_are_one_storys() -> None:
    """A report that shares only the town with its story's others still joins their group
    when it leads with the same disaster a day or two apart; a blast the same day in
    another port does not."""
    texts = {
        "a": "Explosions ripped through the port of Kessan late on Wednesday 12 August 2015, "
             "the Marlo daily and the Tesk agency said, citing Anna Weber and Ivo Brandt.",
        "b": "Explosions at the Ruihe Logistics warehouse in Kessan killed 44 people on 13 "
             "August 2015, the Dalgan safety bureau said.",
        "c": "The Ruihe Logistics warehouse blasts in the Dalgan district of Kessan killed 44 "
             "people, the Dalgan safety bureau said on 13 August 2015.",
        "d": "Explosions ripped through the port of Marvik on 13 August 2015, killing "
             "three, the Osk radio said.",
    }
    stories = _grouped(texts)
    assert stories.kin("a", "c")
    assert not stories.kin("d", "c")


def _grouped(texts: dict[str, str]) -> Stories:
    claims = tuple(c for i, t in texts.items() for c in claims_of(document(i, t)))
    stories = Stories(claims)
    stories.gather(combinations(sorted(texts), 2))
    return stories


def test_a_report_naming_what_only_one_storys_reports_name_joins_them() -> None:
    """'Brumadinho' and 'Vale' in a corpus where only that dam's reports give them."""
    stories = _grouped({
        "a": "The Vale dam in Brumadinho, Minas Gerais, collapsed on 25 January 2019, "
             "killing 37 people, Anna Weber said.",
        "b": "A Vale dam collapsed in Brumadinho, Minas Gerais, on 25 January 2019, killing "
             "37 people, Anna Weber said.",
        "c": "Firefighters searched the mud in Brumadinho, where the Vale dam collapsed, as "
             "the death toll rose to 58.",
        "d": "A fire in a Lisbon market killed 3 people on 2 March 2019.",
    })
    assert stories.kin("c", "a")
    assert not stories.kin("d", "a")


def test_two_stories_of_one_town_sharing_a_number_are_no_group() -> None:
    stories = _grouped({
        "a": "Ivan Novak won the mayoral election in Hamburg with 19 seats on 2 July 2022.",
        "b": "Ivan Novak thanked supporters in Hamburg after the election on 2 July 2022.",
        "c": "Tomas Dubois won the mayoral election in Hamburg with 19 seats on 15 May 2023.",
        "d": "Tomas Dubois thanked supporters in Hamburg after the election on 15 May 2023.",
    })
    assert not stories.kin("a", "c")
    assert not stories.kin("b", "d")


def test_leads_in_towns_that_never_meet_keep_reports_apart() -> None:
    """A bus in Sumatra and a bus in Java are two stories, though the Java report recalls
    Sumatra; a report "near Mumbai" and one "in Thane" that also says Mumbai are one."""
    bus = _grouped({
        "a": "A bus plunged into a ravine on Sumatra island on 23 December 2019, killing 35 "
             "people, Dolly Gumara said.",
        "b": "A bus plunged into a ravine on Sumatra island, killing 35 people, police chief "
             "Dolly Gumara said on 24 December 2019.",
        "c": "A bus plunged into a ravine on Java island, killing 35 people; last year 35 died "
             "in a crash on Sumatra island, Budi Setiyadi said.",
        "d": "A bus carrying students plunged into a ravine on Java island, killing 35 people, "
             "Budi Setiyadi said.",
    })
    assert not bus.kin("a", "c")
    assert not bus.kin("b", "d")
    building = _grouped({
        "a": "At least 40 people died after a building collapsed near Mumbai on 5 April "
             "2013, Ravi Patil said. The Thane police arrested two builders.",
        "c": "The building collapse in Thane killed 72 people, Ravi Patil said on 6 April "
             "2013. Two rescuers from Mumbai were injured.",
    })
    assert building.kin("a", "c")


def test_undated_leads_with_one_disaster_in_one_town_are_one_storys() -> None:
    """Reports without a date line say "Wednesday" of no known week; leading with the same
    disaster in the same town makes them one story's ("the Kessan port explosion has
    killed 158" / "a large blast ... in Kessan"), not a blast in another town."""
    stories = _grouped({
        "a": "The death toll from the Kessan port explosion has risen to 158, the Tesk "
             "channel said on Saturday.",
        "b": "A large blast Tuesday in the capital, Kessan, has killed at least 145 people, "
             "Anna Weber said.",
        "d": "A fuel tank explosion in Marvik killed 20 people, the Osk radio said on Sunday.",
    })
    assert stories.kin("a", "b")
    assert not stories.kin("d", "a")


def test_a_body_both_claims_cite_is_no_anchor() -> None:
    """The Red Cross tells of a blast in Beirut and of one in Akkar: citing it is no sign
    of one event, so their counts do not contradict each other."""
    texts = {
        "a": "At least 20 people were killed and 79 others injured when a fuel tank exploded "
             "in Lebanon's northern region of Akkar, the Red Cross said on Sunday.",
        "b": "The Red Cross said Wednesday that the explosion at the port of Beirut in "
             "Lebanon has killed over 100 people and injured over 4,000.",
        "c": "Anna Weber won the mayoral election in Hamburg on 2 July 2022.",
        "d": "Ivo Brandt opened a bakery in Lyon, France, on 3 May 2024.",
    }
    claims = tuple(c for i, t in texts.items() for c in claims_of(document(i, t)))
    events, findings = align_and_compare(claims)
    assert [f for f in compare_events(events) if f.verdict == "conflict"]  # told apart ...
    assert not [f for f in findings if f.verdict == "conflict"]  # ... but not one event
