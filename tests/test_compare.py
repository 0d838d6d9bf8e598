from __future__ import annotations

import pytest

from tests.helpers import report_of

# (document a, document b, slot, verdict, kind, why)
CASES = [
    ("On 27 June 2025, police raided a house in Tula, killing two men.",
     "On 24 June, police raided a house in Tula; two men were killed.",
     "date", "conflict", "date", "different days"),
    ("In December 2024, a ferry sank off Crete and 38 people died.",
     "On 25 December 2024, a ferry sank off Crete and 38 people died.",
     "date", "compatible", "date", "month contains day"),
    ("A ferry sank off Crete in 2024, and 38 people died in the sinking.",
     "Dozens of people died when a ferry sank off Crete in 2024.",
     "quantity", "compatible", "quantity", "38 is within dozens"),
    ("An earthquake in Kemerli on 14 October 2023 killed 12 people.",
     "An earthquake in Kemerli on 14 October 2023 killed 13 people.",
     "quantity", "conflict", "quantity/off-by-one", "off by one"),
    ("An earthquake in Kemerli on 14 October 2023 killed 12 people.",
     "An earthquake in Kemerli on 14 October 2023 killed 40 people.",
     "quantity", "conflict", "quantity/clear", "clearly different counts"),
    ("The minister, Petra Lind, apologised to rail passengers for the strike in Oslo.",
     "The minister, Petra Lind, has never apologised to rail passengers for the Oslo strike.",
     "event", "conflict", "polarity", "happened vs never happened"),
    ("Police in Lyon arrested two men on 3 May 2024.",
     "Two men were arrested by police in Lyon on 3 May 2024.",
     "date", "agreement", "date", "same day"),
]
assert len({(c[0], c[1]) for c in CASES}) == len(CASES)


@pytest.mark.parametrize(("a", "b", "slot", "verdict", "kind", "why"), CASES,
                         ids=[c[5] for c in CASES])
def test_verdicts(a: str, b: str, slot: str, verdict: str, kind: str, why: str) -> None:
    report = report_of({"a": a, "b": b})
    found = {(f.slot, f.verdict, f.kind) for f in report.findings}
    assert (slot, verdict, kind) in found, found


@pytest.mark.parametrize(("a", "b", "slot", "verdict", "kind", "why"), CASES,
                         ids=[c[5] for c in CASES])
def test_verdicts_are_symmetric(a: str, b: str, slot: str, verdict: str, kind: str,
                                why: str) -> None:
    forward = report_of({"a": a, "b": b})
    backward = report_of({"b": b, "a": a})
    assert sorted(f.id for f in forward.findings) == sorted(f.id for f in backward.findings)


def test_conflict_explanation_names_both_sides_and_the_gap() -> None:
    report = report_of({
        "wire": "On 27 June 2025, police raided a house in Tula, killing two men.",
        "paper": "On 24 June, police raided a house in Tula; two men were killed.",
    })
    (conflict,) = [f for f in report.findings if f.verdict == "conflict"]
    assert conflict.explanation == "paper says 24 June; wire says 27 June 2025: 3 days apart"
    assert [s.value for s in conflict.sides] == ["XXXX-06-24", "2025-06-27"]


def test_counts_of_different_things_are_not_compared() -> None:
    report = report_of({
        "a": "The storm in Hull killed 3 people and destroyed 40 homes on 2 March 2022.",
        "b": "The storm in Hull on 2 March 2022 killed 3 people and destroyed 12 bridges.",
    })
    quantities = [f for f in report.findings if f.slot == "quantity"]
    assert [f.verdict for f in quantities] == ["agreement"]


def test_finding_ids_survive_edits_elsewhere() -> None:
    a = "Police in Lyon arrested two men on 3 May 2024."
    b = "Two men were arrested by police in Lyon on 5 May 2024."
    before = report_of({"a": a, "b": b})
    after = report_of({"a": "A new first line.\n\n" + a, "b": b})
    assert {f.id for f in before.findings} == {f.id for f in after.findings}


ROLE_CASES = [
    ("prime_minister", "prime_minister", "agreement"),
    ("deputy_prime_minister", "prime_minister", "conflict"),
    ("transport_minister", "minister", "compatible"),
    ("ambassador", "charge_d_affaires", "conflict"),
    ("vice_president", "president", "conflict"),
]


@pytest.mark.parametrize(("a", "b", "verdict"), ROLE_CASES)
def test_role_verdicts(a: str, b: str, verdict: str) -> None:
    from ravel.compare import _role_verdict

    assert _role_verdict(a, b) == verdict
    assert _role_verdict(b, a) == verdict


def test_same_person_different_office_conflicts() -> None:
    report = report_of({
        "a": "Deputy Prime Minister Alexey Overchuk cancelled his visit to Baku on 3 July 2025.",
        "b": "Prime Minister Alexey Overchuk cancelled a visit to Baku on 3 July 2025.",
    })
    roles = [(f.verdict, [s.value for s in f.sides]) for f in report.findings if f.slot == "role"]
    assert roles == [("conflict", ["deputy_prime_minister", "prime_minister"])]


def test_conflicting_accounts_of_two_parties_are_disputed() -> None:
    report = report_of({
        "a": "Kemerli officials said the Valdo dam collapsed on 3 May 2024, killing 12 people.",
        "b": "According to Valdo Energy, the Valdo dam collapsed on 3 May 2024, killing 4 people.",
    })
    counts = [f for f in report.findings if f.slot == "quantity"]
    assert [f.verdict for f in counts] == ["disputed"]
    assert counts[0].explanation.startswith("disputed (")


@pytest.mark.parametrize(
    ("b_source", "verdict"),
    [
        ("police chief Daljit Chawdhary said", "conflict"),  # one man, spelt two ways
        ("police chief Zaki Ahmad said", "disputed"),  # two officials' accounts
    ],
)
def test_one_source_spelt_two_ways_is_no_dispute(b_source: str, verdict: str) -> None:
    report = report_of({
        "a": "The Valdo dam collapsed on 3 May 2024, killing 12 people, police chief Daljit "
             "Chaudhary said.",
        "b": f"The Valdo dam collapsed on 3 May 2024, killing 4 people, {b_source}.",
    })
    assert [f.verdict for f in report.findings if f.slot == "quantity"] == [verdict]


def test_conflict_from_unattributed_sources_stays_a_conflict() -> None:
    report = report_of({
        "a": "The Valdo dam collapsed on 3 May 2024, killing 12 people.",
        "b": "The Valdo dam collapsed on 3 May 2024, killing 4 people.",
    })
    assert [f.verdict for f in report.findings if f.slot == "quantity"] == ["conflict"]


def test_several_counts_of_one_kind_pair_by_value_and_never_guess_a_conflict() -> None:
    report = report_of({
        "a": "The Valdo dam collapse on 3 May 2024 killed 3 children among 12 people.",
        "b": "The Valdo dam collapse on 3 May 2024 killed 12 people.",
    })
    counts = [(f.verdict, [s.value for s in f.sides]) for f in report.findings
              if f.slot == "quantity"]
    assert counts == [("agreement", ["12", "12"])]


PLACE_CASES = [
    ("Police arrested the opposition leader Ivan Petrov in Kazan on 3 May 2024.",
     "The opposition leader Ivan Petrov was arrested in Tula on 3 May 2024.", ["conflict"]),
    ("Police arrested the opposition leader Ivan Petrov in Kazan on 3 May 2024.",
     "The opposition leader Ivan Petrov was arrested in Kazan on 3 May 2024.", ["agreement"]),
    ("Police arrested the opposition leader Ivan Petrov in Kazan on 3 May 2024.",
     "Ivan Petrov, who lives in Tula, was arrested in Kazan on 3 May 2024.", []),  # two towns
]


@pytest.mark.parametrize(("a", "b", "verdicts"), PLACE_CASES)
def test_places(a: str, b: str, verdicts: list[str]) -> None:
    report = report_of({"a": a, "b": b})
    assert [f.verdict for f in report.findings if f.slot == "place"] == verdicts


def test_a_conflict_needs_an_anchor_beyond_shape_and_town() -> None:
    from ravel.align import Stories, anchored

    a = ("Police in Lyon arrested Marc Duval and Jean Petit on 3 May 2024, prosecutor Anne "
         "Roy said. The police chief apologised for the use of force in Lyon.")
    b = ("Police in Lyon detained Paul Lenoir and Luc Morel on 3 May 2024, prosecutor Eva "
         "Sol said. The police chief has never apologised for the use of force in Lyon.")
    report = report_of({"a": a, "b": b})
    stories = Stories(report.claims)
    last = {c.doc_id: c for c in report.claims}
    assert not anchored(last["a"], last["b"], stories)
    named = report_of({"a": a.replace("The police chief", "Chief Hugo Blanc"),
                       "b": b.replace("The police chief", "Chief Hugo Blanc")})
    last = {c.doc_id: c for c in named.claims}
    assert anchored(last["a"], last["b"], Stories(named.claims))


# (document a, document b, slot, why): pairs that must give no conflict on that slot
NO_CONFLICT = [
    ("Authorities have denied the risk of a tsunami after the quake in Ecuador, Lasso said.",
     "A tsunami hit the coast after the quake in Ecuador, Lasso said.",
     "event", "a possibility ('the risk of a tsunami') has no polarity"),
    ("The quake in Ecuador left 14 people dead and more than 380 people injured, Lasso said.",
     "The quake in Ecuador killed 14 people and injured 385, Lasso said.",
     "quantity", "380 is the injured, not the dead: the count is the subject of 'injured'"),
    ("Of 70 dead bodies from the Yeti Airlines crash, 22 were handed over in Pokhara on "
     "17 January 2023, Bartaula said.",
     "At least 70 people were killed in the Yeti Airlines crash in Pokhara, Bartaula said on "
     "17 January 2023.",
     "quantity", "a bare number is counted only when it is the subject or object of the event"),
]


@pytest.mark.parametrize(("a", "b", "slot", "why"), NO_CONFLICT, ids=[c[3] for c in NO_CONFLICT])
def test_no_conflict(a: str, b: str, slot: str, why: str) -> None:
    report = report_of({"a": a, "b": b})
    assert report.events, "the two claims should align"
    assert not [f for f in report.findings if f.slot == slot and f.verdict == "conflict"]


@pytest.mark.parametrize(("text", "counts"), [
    ("The quake left 14 people dead and more than 380 people injured.",
     {"14": "death", "more than 380": "injury"}),
    ("The blast killed 3 and injured 12 on Monday.", {"3": "death", "12": "injury"}),
    ("Three were killed when the bus crashed.", {"Three": "death"}),
    ("The death toll rose to 70 on Tuesday.", {"70": "death"}),
    ("The death toll from the earthquake has risen to 28.", {"28": "death"}),
    ("The number of people killed in the quake has risen to 28.", {"28": "death"}),
    ("Death Toll Climbs to 31 in Pagaralam Bus Accident", {"31": "death"}),
    ("The number of people killed when a bus plunged into a ravine has risen to 28.",
     {"28": "death"}),
    ("Of 70 dead bodies, 22 were handed over.", {}),
    ("Twelve of the victims died in El Oro and two in Azuay.", {}),
    ("The driver and two crew were among those killed.", {}),
    ("The blast killed 12 people, including 3 children.", {"12": "death"}),
])
def test_what_a_count_counts(text: str, counts: dict[str, str]) -> None:
    from ravel.counts import count_key

    (claim,) = report_of({"a": text}).claims
    keys = {q.text: count_key(claim, q) for q in claim.quantities}
    assert {t: k[0] for t, k in keys.items() if k and k[1] == "person"} == counts


def test_claims_naming_other_places_do_not_contradict_each_other() -> None:
    from ravel.pipeline import align_and_compare

    texts = {
        "a": "A bus plunged into a ravine on Indonesia's Sumatra island, killing 28 people, "
             "police in Jakarta said on 24 December 2019, Basarnas said.",
        "b": "A bus plunged into a ravine on Indonesia's island of Java, killing 26 people, "
             "police in Jakarta said on 24 December 2019, Basarnas said.",
    }
    events, findings = align_and_compare(report_of(texts).claims)
    assert events, "alike sentences of one day align"
    assert not [f for f in findings if f.verdict == "conflict"]
    same = {k: v.replace("island of Java", "Sumatra island") for k, v in texts.items()}
    _, findings = align_and_compare(report_of(same).claims)
    assert [f.kind for f in findings if f.verdict == "conflict"] == ["quantity/clear"]


@pytest.mark.parametrize(("a", "b", "verdict"), [
    ("Azerbaijan summoned Russia's chargé d'affaires in Baku on 30 June 2025.",
     "Azerbaijan summoned Russia's ambassador in Baku on 30 June 2025.", "conflict"),
    ("Azerbaijan summoned Russia's ambassador in Baku on 30 June 2025.",
     "Azerbaijan summoned the Russian ambassador in Baku on 30 June 2025.", "agreement"),
    ("Police in Baku arrested a journalist on 30 June 2025.",
     "Police in Baku arrested a lawyer on 30 June 2025.", None),
])
def test_the_office_an_event_acts_upon(a: str, b: str, verdict: str | None) -> None:
    """Which envoy was summoned is a role slot; a journalist and a lawyer are not two
    answers to one question."""
    report = report_of({"a": a, "b": b})
    assert report.events
    roles = [f.verdict for f in report.findings if f.slot == "role"]
    assert roles == ([verdict] if verdict else [])


@pytest.mark.parametrize(("a", "b", "verdict"), [
    ("The passenger plane was shot down by Russia over Grozny on 25 December 2024.",
     "Azerbaijan shot down the passenger plane over Grozny on 25 December 2024.", "conflict"),
    ("Russia shot down the passenger plane over Grozny on 25 December 2024.",
     "The passenger plane was shot down by Russia over Grozny on 25 December 2024.", "agreement"),
    ("Russia shot down the passenger plane over Grozny on 25 December 2024, Azerbaijan said.",
     "Azerbaijan shot down the passenger plane over Grozny on 25 December 2024, Russia said.",
     None),
    ("Joss Ackland died on 19 November 2023 in Clovelly, aged 95.",
     "Ackland's family said he died on 19 November 2023 in Clovelly.", None),
])
def test_who_did_it(a: str, b: str, verdict: str | None) -> None:
    """The named actor of an event, where each claim names one and never the other's; the
    one a death befell is not its actor."""
    report = report_of({"a": a, "b": b})
    assert report.events
    actors = [f.verdict for f in report.findings if f.slot == "actor"]
    assert actors == ([verdict] if verdict else [])


# Found in review: each of these went wrong once.
def test_a_part_that_is_the_toll_counts_and_its_whole_does_not() -> None:
    a = "The bus crash near Kemerli on 3 March killed 12 of the 40 passengers, police said."
    report = report_of({"a": a, "b": a.replace("12 of the 40 passengers", "12 people")})
    counts = [(f.verdict, [s.value for s in f.sides]) for f in report.findings
              if f.slot == "quantity"]
    assert counts == [("agreement", ["12", "12"])]


def test_an_office_both_bound_and_acted_upon_is_one_finding() -> None:
    a = "On 3 March Azerbaijan summoned ambassador Anna Weber over the crash in Baku."
    report = report_of({"a": a, "b": a.replace("ambassador", "chargé d'affaires")})
    ids = [f.id for f in report.findings]
    assert len(ids) == len(set(ids))
    assert [f.verdict for f in report.findings if f.slot == "role"] == ["conflict"]


def test_the_month_may_is_no_possibility() -> None:
    report = report_of({
        "a": "On 5 May police arrested the journalist Anna Weber in Tampere after the protest.",
        "b": "On 5 May police did not arrest the journalist Anna Weber in Tampere after the "
             "protest.",
    })
    assert [f.kind for f in report.findings if f.verdict == "conflict"] == ["polarity"]


def test_an_age_is_no_head_count() -> None:
    from ravel.counts import count_key

    (claim,) = report_of({"a": "Police said the activist Anna Weber was arrested at 17."}).claims
    assert [count_key(claim, q) for q in claim.quantities] == [None]


def test_the_same_relative_words_resolved_to_other_days_say_nothing() -> None:
    a = "TAMPERE, {} - Police arrested the journalist Anna Weber on Monday, her lawyer said."
    report = report_of({"a": a.format("6 March 2024"), "b": a.format("14 March 2024")})
    assert not [f for f in report.findings if f.slot == "date"]


def test_a_date_of_another_happening_is_not_the_events() -> None:
    report = report_of({
        "a": "Explosions ripped through the Kessan port on 12 August 2015, killing 44 people.",
        "b": "Rescue work at the site of the Kessan port explosions was suspended on 13 August "
             "2015 after 12 firefighters died.",
    })
    dates = [f.verdict for f in report.findings if f.slot == "date"]
    assert "conflict" not in dates


def test_a_date_told_first_governs_what_follows() -> None:
    report = report_of({
        "a": "On 24 June, police launched a raid in Kessan, during which two men were killed.",
        "b": "On 27 June 2025, a police raid in Kessan resulted in the deaths of two men.",
    })
    assert [f.verdict for f in report.findings if f.slot == "date"] == ["conflict"]


def test_a_clause_set_off_by_commas_does_not_take_the_events_date() -> None:
    report = report_of({
        "a": "A magnitude 7.1 earthquake, which triggered a tsunami, struck Kessan on 12 March "
             "2024, killing 9 people.",
        "b": "A magnitude 7.1 earthquake struck Kessan on 14 March 2024, killing 9 people.",
    })
    assert "conflict" in [f.verdict for f in report.findings if f.slot == "date"]


def test_two_countries_spelt_alike_are_two_parties() -> None:
    report = report_of({
        "a": "The Valdo dam collapsed on 3 May 2024, killing 12 people, Austria said.",
        "b": "The Valdo dam collapsed on 3 May 2024, killing 20 people, Australia said.",
    })
    assert [f.verdict for f in report.findings if f.slot == "quantity"] == ["disputed"]
