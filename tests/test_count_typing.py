"""What a count counts, and which counts may be compared: tables of real-news phrasings."""

from __future__ import annotations

import datetime

import pytest

from ravel.compare import compare_event
from ravel.counts import count_key, count_town
from ravel.model import Claim, Event, Quantity
from tests.helpers import claims_of, document, report_of


def _quantity(sentence: str, surface: str) -> tuple[Claim, Quantity]:
    (claim,) = claims_of(document("d", sentence))
    (quantity,) = [q for q in claim.quantities if q.text == surface]
    return claim, quantity


@pytest.mark.parametrize(
    ("sentence", "surface", "key"),
    [
        ("A flight carrying 72 people crashed on Sunday.", "72", ("aboard", "person")),
        ("The ferry, carrying 187 passengers and crew, sank on Thursday.", "187",
         ("aboard", "person")),
        ("It carried 68 passengers and four crew members when it crashed on Sunday.", "68",
         None),  # a part of those aboard
        ("By Wednesday, officials confirmed 27 fatalities.", "27", ("death", "person")),
        ("Some 205 were confirmed killed on Wednesday.", "Some 205", ("death", "person")),
        ("Officials said the confirmed death toll is now 284.", "284", ("death", "person")),
        ("On Tuesday police raised the death toll to six.", "six", ("death", "person")),
        ("Officials put the official death toll at 43 on Sunday.", "43", ("death", "person")),
        ("The latest reports put the number of injured at 151.", "151", ("injury", "person")),
        ("Police said Anna Weber was arrested at 17.", "17", None),  # an age
        ("Twelve others were killed in Medellin, while five people died in San Remigio.",
         "Twelve", ("death", "person@medellin")),
        ("At least 69 died in the quake that hit Cebu on Tuesday, 30 of them in Bogo City.",
         "30", ("death", "person@bogo")),
        ("12 of the victims died in the coastal state of El Oro on Saturday.", "12",
         ("death", "person@el oro")),
        ("Four of the 42 workers on duty were lightly injured on Tuesday.", "42", None),
        ("His wife and two children were inside the building, he said.", "two", None),
        ("Officials updated their figures to 38 dead on Monday.", "38",
         ("death", "person")),  # a possessive, but no family
        ("The bus was carrying 40 passengers, 12 of whom died, when it crashed on Monday.",
         "40", ("aboard", "person")),  # those aboard, whatever befell a part
        ("The crash injured 30 people, five of whom are in serious condition.", "five",
         ("state:serious", "person")),
        ("Two children remain in critical condition after the fire on Monday.", "Two",
         ("state:serious", "person")),
        ("Only 400 critically endangered tigers remain after the fire, officials said.",
         "400", None),  # "critically endangered" is no one's condition
        ("Firefighters battled 15 fires across Attica on Monday.", "15", ("events", "fire")),
        ("The storm caused 30 floods across Attica on Monday.", "30", ("events", "flood")),
        ("Farindola has recorded 2,000 earthquakes since August.", "2,000",
         ("earthquake", "earthquak")),  # a season's tally, not how many struck
        ("The avalanche hit the hotel, which had 24 guests, four of them children.", "24",
         ("disaster", "guest")),  # a part by kind, told after: the whole is still a count
        ("The toll includes 82 people injured, 19 of them seriously.", "19",
         ("state:serious", "person")),
        ("The count could rise as 37 of the injured people were in serious condition.", "37",
         ("state:serious", "person")),
        ("Some 40 were admitted to hospitals, including 29 who are in critical condition.",
         "29", ("state:serious", "person")),
        ("The death toll could rise, as 33 others remain in serious condition.", "33",
         ("state:serious", "person")),
        ("The quake injured 82 people in Seoul on Sunday.", "82", ("injury", "person")),
        ("Three major tremors hit the region on Wednesday.", "Three",
         ("events", "earthquake")),  # how many happenings
        ("The avalanche came after four powerful earthquakes on Wednesday.", "four",
         ("events", "earthquake")),
        ("By Wednesday, officials confirmed 27 deaths.", "27", ("death", "person")),
        ("The avalanche killed two children on Wednesday.", "two", ("death", "child among")),
        ("The department, which gave the latest death toll, also said 23 people had been "
         "sent to hospitals.", "23", ("", "person")),  # a verb of its own: not the toll
        ("They found nine workers, seven of whom were dead, on Monday.", "nine",
         None),  # the whole a part is told of
        ("The blast killed 25 people, 12 of them children, on Monday.", "25",
         ("death", "person")),  # the whole befell the event: the toll
        ("At least 38 people were killed in Tula on Monday.", "At least 38",
         ("death", "person")),  # one town: the count is the event's
        ("The quake struck about 19km northeast of Bogo on Tuesday.", "about 19km",
         ("earthquake", "length:northeast of:bogo")),
        ("The quake struck 330 kilometers away on Tuesday.", "330 kilometers", None),
        ("The quake struck at a depth of 10 kilometers on Tuesday.", "10 kilometers",
         ("earthquake", "length:depth")),
        ("The quake was followed by aftershocks, the strongest of magnitude 6, on Tuesday.",
         "magnitude 6", ("aftershock", "magnitude")),
        ("Holders will receive $54.20 in cash for each share after the deal on Monday.",
         "$54.20", ("agreement", "USD per shar")),  # a price per share (stemmed)
        ("Investors get $54.20 for each Twitter share under the deal signed Monday.",
         "$54.20", ("agreement", "USD per shar")),
        ("The building collapsed on Monday with 75 workers inside.", "75",
         ("aboard", "person")),
        ("There were 100 emergency personnel on site after the collapse on Monday.", "100",
         None),  # those who came to help are not those it held
        ("Two rescue workers were killed in the blast on Monday.", "Two",
         ("death", "person")),  # unless something befell them
        ("Eleven people, believed to be one family, were killed on Monday.", "Eleven",
         ("death", "person")),  # a belief about who, not about whether they died
        ("The deal signed Monday is for $54.20/share in cash.", "$54.20",
         ("agreement", "USD per shar")),
        ("The board signed a deal for $44 billion on Monday.", "$44 billion",
         ("agreement", "USD")),
        ("He signed a deal on Thursday earning 30 million euros (USD 35.5 million) a year.",
         "30 million euros", ("agreement", "EUR per year")),  # a salary, not the fee
        ("He signed on Thursday for 30 million euros (£27million) net per year.",
         "30 million euros", ("agreement", "EUR per year")),
        ("Thirteen people are believed killed after the eruption on Monday.", "Thirteen",
         ("death feared", "person")),  # not the confirmed toll
        ("Eight others were presumed to have perished in the eruption on Monday.", "Eight",
         None),
        ("More than 300,000 people have been left homeless by the blast on Tuesday.",
         "More than 300,000", ("state:homeless", "person")),  # a state, not the blast's toll
        ("Between 200,000 and 250,000 people had lost their homes in the blast on Tuesday.",
         "Between 200,000 and 250,000", ("state:homeless", "person")),
        ("Organisers said more than a million people participated in the rally on Monday.",
         "more than a million", ("state:attending", "person")),  # a crowd, not a protest toll
        ("Police arrested 400 protesters after a march attended by tens of thousands of "
         "people on Monday.", "tens of thousands", ("state:attending", "person")),
        ("Bangladesh said 21 members of its Navy were wounded in the blast on Tuesday.", "21",
         ("injury", "member of navy among")),  # a part of the toll, by the body they are of
        ("Four members of the Lebanese Army were wounded in the blast on Tuesday.", "Four",
         ("injury", "member of army among")),
        ("Five members of the same family were killed in the blast on Tuesday.", "Five",
         ("death", "member of fami among")),  # (stemmed)
        ("Three gunmen took part in the attack on Tuesday.", "Three",
         ("attack", "gunmen")),  # attackers, not a crowd
        ("Around 7,000 people have been arrested since protests began in June.",
         "Around 7,000", ("arrest since", "person")),  # a running tally, not one night's
        ("Police arrested 420 people on New Year's Day, the police said on Thursday.", "420",
         ("arrest", "person")),
        ("Thirteen people were killed in the eruption on Monday, officials believed.",
         "Thirteen", ("death", "person")),  # the belief is not between count and event
    ],
)
def test_count_keys(sentence: str, surface: str, key: tuple[str, str] | None) -> None:
    assert count_key(*_quantity(sentence, surface)) == key


@pytest.mark.parametrize(
    ("sentence", "surface", "town"),
    [
        ("Twelve others were killed in Medellin town after walls gave way.", "Twelve",
         "medellin"),
        ("In neighboring San Remigio, five people died when walls crumbled.", "five",
         "san remigio"),
        ("Nine of the dead were from Bogo City, officials said on Tuesday.", "Nine", "bogo"),
        ("In Medellin, near Bogo, at least 12 residents were killed as they slept.",
         "at least 12", "medellin"),  # the aside locates the town told of
        ("Near Bogo, in Medellin, at least 12 residents were killed.", "at least 12",
         "medellin"),
        ("In Medellin, Bogo and Tabogon, at least 12 residents were killed.", "at least 12",
         None),  # a list of towns: whose count is it?
        ("At least 38 people were killed on Monday.", "At least 38", None),
    ],
)
def test_the_town_a_count_is_told_of(sentence: str, surface: str, town: str | None) -> None:
    assert count_town(*_quantity(sentence, surface)) == town


def _findings(texts: dict[str, str]) -> list[tuple[str, list[str]]]:
    report = report_of(texts)
    claims = [c for c in report.claims if c.events]
    event = Event("E1", "test", tuple(claims), 1.0)  # grouped as alignment might
    return [(f.verdict, [s.surface for s in f.sides])
            for f in compare_event(event) if f.slot == "quantity"]


def test_a_background_year_is_not_compared_with_the_news() -> None:
    assert _findings({
        "a": "A 6.9-magnitude earthquake killed 69 people in Cebu.",
        "b": "In 2023, a 6.7-magnitude earthquake killed eight people in Cebu.",
    }) == []


def test_backgrounds_of_one_year_are_compared() -> None:
    assert _findings({
        "a": "In 2023, an earthquake killed eight people in Cebu.",
        "b": "In 2023, an earthquake killed nine people in Cebu.",
    }) == [("conflict", ["eight people", "nine people"])]


def test_two_towns_tolls_do_not_contradict_each_other() -> None:
    assert _findings({
        "a": "Twelve people were killed in Medellin, while five died in San Remigio.",
        "b": "In San Remigio, five people were killed by the earthquake.",
    }) == [("agreement", ["five", "five people"])]


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("Phivolcs first logged the tremor at magnitude 6.7 before revising it upward.",
         "magnitude 6.7"),
        ("The USGS initially reported a magnitude 7.0 quake on Tuesday.", "magnitude 7.0"),
        ("Officials put the toll at 12 before revising it on Monday, after the quake.", "12"),
    ],
)
def test_a_value_the_report_says_was_replaced_is_not_compared(
    sentence: str, surface: str
) -> None:
    assert count_key(*_quantity(sentence, surface)) is None


def test_magnitudes_of_a_story_are_facts() -> None:
    from ravel.facts import fact_key

    claim, quantity = _quantity("A magnitude 6.9 earthquake hit Cebu on Tuesday.",
                                "magnitude 6.9")
    assert fact_key(claim, quantity) == ("earthquake", "magnitude")


def test_a_weekday_a_week_from_a_date_says_nothing() -> None:
    import datetime

    from ravel.compare import _weekday_relation
    from ravel.extract.dates import tag_dates

    (thursday,) = tag_dates("Rescue efforts were underway on Thursday.",
                            datetime.date(2015, 11, 4))  # read as 29 October
    (fifth,) = tag_dates("They dug on November 5.", None)  # no year
    (sixth,) = tag_dates("They dug on November 6.", None)
    assert _weekday_relation(thursday, fifth) is None
    assert _weekday_relation(thursday, sixth) == "disjoint"


def test_not_clear_what_caused_it_does_not_deny_it() -> None:
    (claim,) = claims_of(document("d", "It was not clear what caused the collapse on Monday."))
    assert [e.key for e in claim.events] == ["collapse"]
    assert not claim.negated


@pytest.mark.parametrize(
    ("sentence", "surface", "key"),
    [
        ("Earlier on Tuesday, a quake killed 12 people in Cebu.", "12", ("death", "person")),
        ("A storm killed 12 people before it was downgraded to a depression on Monday.",
         "12", ("death", "person")),
        ("30 people were killed before police could lower the barrier on Monday.", "30",
         ("death", "person")),
        ("All of the 30 passengers on board were killed on Monday.", "30",
         ("aboard", "person")),
        ("An additional 5 people died in hospital on Monday.", "5", None),
        ("Another 12 people were killed on Monday.", "12", None),
        ("The DFS pressed 32 fire tenders into service on Sunday.", "32",
         ("disaster", "tender")),
        ("Mendon is about 84 miles (135 kilometers) northeast of Kansas City.",
         "about 84 miles", ("", "length:northeast of:kansas")),
        ("Cape Times said 49 remain unaccounted for on Tuesday.", "49",
         ("state:unaccounted", "person")),
        ("There were 134 survivors on Friday.", "134", ("state:survived", "person")),
        ("75 construction workers were present on the site on May 6.", "75",
         ("aboard", "person")),
    ],
)
def test_count_keys_of_words_that_only_look_like_cues(
    sentence: str, surface: str, key: tuple[str, str] | None
) -> None:
    assert count_key(*_quantity(sentence, surface)) == key


def test_a_comma_binds_an_office_only_in_an_apposition() -> None:
    from ravel.compare import role_bindings

    for text in ("The minister met protesters in the capital on Monday, Petra Lind said.",
                 "Their spokesman was not available on Monday, Anna Weber said."):
        (claim,) = claims_of(document("d", text))
        assert role_bindings(claim) == {}, text
    (claim,) = claims_of(document("d", "The minister, Petra Lind, resigned on Monday."))
    assert {p: r.key for p, r in role_bindings(claim).items()} == {"lind": "minister"}


def test_a_number_and_a_bound_at_it_differ_only_in_rounding() -> None:
    assert _findings({
        "a": "The fire killed 150 people in Delhi on Sunday.",
        "b": "The fire killed more than 150 people in Delhi on Sunday.",
    }) == [("compatible", ["150 people", "more than 150 people"])]


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ("a five billion dollar fine", "a $5.1 billion fine", "compatible"),  # rounded
        ("a £4bn fine", "a £3.8bn fine", "compatible"),
        ("a £4.2bn fine", "a £3.8bn fine", "conflict"),  # a tenth is written: not rounded
        ("a 222m euro fine", "a 200m euro fine", "conflict"),  # 200m: to the million
        ("a twelve million dollar fine", "a $15 million fine", "conflict"),  # to the million
        ("a $1 billion fine", "a $1.5 billion fine", "conflict"),
    ],
)
def test_a_sum_told_to_fewer_figures_is_the_other_rounded(a: str, b: str, verdict: str) -> None:
    found = _findings({
        "a": f"The commission fined Google with {a} on Wednesday in Brussels.",
        "b": f"The commission fined Google with {b} on Wednesday in Brussels.",
    })
    assert [v for v, _ in found] == [verdict]


@pytest.mark.parametrize(
    ("sentence", "surface", "key"),
    [
        ("The fire killed 43 people, including at least five minors, on Sunday.",
         "at least five", ("death", "child among")),
        ("Among those who died when the block crumbled are 26 children, police said.",
         "26", ("death", "child among")),
        ("Two firemen and two police personnel received injuries on Sunday.", "two", None),
        ("It killed all four passengers and two crew members onboard on Monday.", "four",
         None),
        ("Victims included a firefighter, three coastguard personnel, and a boy on Monday.",
         "three", None),
        ("The quake left 14 people dead and more than 380 people injured on Monday.",
         "more than 380", ("injury", "person")),
    ],
)
def test_parts_picked_out_by_kind_and_parts_of_a_list(
    sentence: str, surface: str, key: tuple[str, str] | None
) -> None:
    assert count_key(*_quantity(sentence, surface)) == key


def test_two_estimates_far_apart_disagree() -> None:
    assert _findings({
        "a": "The train crashed about 100 miles northeast of Kansas City on Monday.",
        "b": "The train crashed about 84 miles northeast of Kansas City on Monday.",
    }) == [("conflict", ["about 100 miles", "about 84 miles"])]
    assert _findings({
        "a": "The quake struck about 19km northeast of Bogo on Tuesday.",
        "b": "The quake struck some 21 kilometres northeast of Bogo on Tuesday.",
    }) == [("compatible", ["about 19km", "some 21 kilometres"])]


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ("at least 35 people", "39 people", "conflict"),  # a tally, then another
        ("at least 85 people", "at least 96 people", "conflict"),
        ("at least four people", "19 people", "conflict"),
        ("at least 35 people", "35 people", "compatible"),
        ("at least 30 people", "34 people", "compatible"),  # a round bound: rounded down
        ("at least two dozen people", "28 people", "compatible"),
        ("at least 35 people", "at least 30 people", "compatible"),  # 30 rounds 35 down
        ("at least 35 people", "at least 40 people", "conflict"),
        ("more than 160 people", "187 people", "compatible"),  # "more than": a rounding
        ("at least 100 people", "158 people", "conflict"),  # far above: a later count
        ("more than 4,000 people", "about 6,000 people", "conflict"),
        ("at least 100 people", "more than 100 people", "compatible"),
        ("more than 30 people", "34 people", "compatible"),
        ("at least 10 people", "13 people", "compatible"),  # a quarter above, but three
        ("more than 20 people", "28 people", "compatible"),  # 28 rounded down to the ten
        ("more than 20 people", "45 people", "conflict"),
        ("more than 4,000 people", "more than 5,000 people", "conflict"),
        ("hundreds of people", "700 people", "compatible"),  # a word, not a count
        ("at least 12 homes", "15 homes", "compatible"),  # a toll's idiom, not of homes
    ],
)
def test_a_toll_at_least_so_many_is_the_count_confirmed_then(
    a: str, b: str, verdict: str
) -> None:
    found = _findings({
        "a": f"The fire in Delhi killed {a} on Sunday, officials said.",
        "b": f"The fire in Delhi killed {b} on Sunday, officials said.",
    })
    assert [v for v, _ in found] == [verdict]


def test_a_building_has_one_number_of_storeys() -> None:
    from ravel.facts import fact_key

    claim, quantity = _quantity("A fire gutted a five-storey residential building on Sunday.",
                                "five-storey")
    assert fact_key(claim, quantity) == ("storey", "building")


def test_a_place_within_another_is_no_clash() -> None:
    from ravel.align import different_names

    def claim(text: str) -> Claim:
        (found,) = claims_of(document("d", text))
        return found

    north = claim("A fire in North Delhi killed 43 people on Sunday.")
    delhi = claim("A fire in Delhi killed 43 people on Sunday.")
    south = claim("A fire in South Delhi killed 43 people on Sunday.")
    assert not different_names(north, delhi, ("city", "region"))
    assert different_names(north, south, ("city", "region"))


@pytest.mark.parametrize(
    ("a", "b", "verdict", "reason"),
    [
        ("The fire killed 150 people in Delhi on Sunday.",
         "The fire killed more than 150 people in Delhi on Sunday.", "compatible", "rounding"),
        ("The train crashed about 100 miles northeast of Kansas City on Monday.",
         "The train crashed about 84 miles northeast of Kansas City on Monday.", "conflict",
         "two estimates more than 10% apart"),
        ("The fire killed at least 35 people in Delhi on Sunday.",
         "The fire killed 39 people in Delhi on Sunday.", "conflict", "two tallies"),
        ("The fire killed at least 35 people in Delhi on Sunday.",
         "The fire killed 20 people in Delhi on Sunday.", "conflict", "do not overlap"),
        ("The quake struck at a depth of 600 metres on Tuesday.",
         "The quake struck at a depth of 1,000 feet on Tuesday.", "conflict",
         "295.2 m apart"),  # the gap in one unit
        ("The quake struck at a depth of 600 metres on Tuesday.",
         "The quake struck at a depth of 2,000 feet on Tuesday.", "compatible",
         "overlap"),  # a rounded conversion
    ],
)
def test_the_explanation_gives_the_reason_the_verdict_was_drawn_for(
    a: str, b: str, verdict: str, reason: str
) -> None:
    from ravel.explain import verdict_reason

    report = report_of({"a": a, "b": b})
    event = Event("E1", "test", tuple(c for c in report.claims if c.events), 1.0)
    (finding,) = [f for f in compare_event(event) if f.slot == "quantity"]
    assert finding.verdict == verdict
    assert reason in verdict_reason(finding)


def test_a_title_happened_where_its_lead_says() -> None:
    from ravel.align import Stories, anchored

    java = claims_of(document("java", (
        "Bus plunges into ravine, killing 26 pilgrims in Indonesia\n\n"
        "A tourist bus plunged into a ravine on the island of Java on Wednesday, killing "
        "26 people, police said.\n"
    )))
    sumatra = claims_of(document("sumatra", (
        "The number of people killed when a bus plunged into a ravine on Sumatra island "
        "has risen to 28, with 26 others injured, police said.\n"
    )))
    stories = Stories((*java, *sumatra))
    title, lead = java[0], java[1]
    assert {m.text for m in stories.names_of(title)} >= {"Indonesia", "Java"}
    assert {m.text for m in stories.names_of(lead)} == {m.text for m in lead.places + lead.actors}
    assert not anchored(title, sumatra[0], stories)  # Java's bus is not Sumatra's
    assert anchored(title, java[1], stories)


def test_a_claim_that_also_gives_the_other_day_does_not_contradict_it() -> None:
    def dates(texts: dict[str, str]) -> list[str]:
        report = report_of(texts, datetime.date(2019, 12, 11))
        event = Event("E1", "test", tuple(c for c in report.claims if c.events), 1.0)
        return [f.verdict for f in compare_event(event) if f.slot == "date"]

    told = "Five people died when the volcano erupted on Monday."
    assert dates({  # the toll was raised on Tuesday; the eruption was on Monday for both
        "a": "On Tuesday police raised the death toll to six from the eruption that struck "
             "the island a day earlier.",
        "b": told,
    }) == []
    assert dates({
        "a": "On Tuesday police raised the death toll to six from the eruption that struck "
             "the island.",
        "b": told,
    }) == ["conflict"]
