"""Generate a synthetic multi-source news corpus with planted conflicts and traps.

    python benchmarks/corpus.py N OUTDIR [--seed S]

Writes N documents to OUTDIR/docs/ and OUTDIR/manifest.json. The corpus is made
of "stories" (one real-world event each: a raid, an earthquake, an election, a
ferry sinking...), each reported by 2-6 outlets with their own wording, their
own precision ("December 2024" vs "25 December 2024", "dozens" vs "38"),
background sentences, quotes and bylines, as plain text, Markdown or HTML.
About a third of the stories carry a planted conflict in one source (a date a
few days off, a count off by one or clearly different, "never apologised" vs
"apologised"); the manifest lists each with the sources it contradicts at a
comparable precision (a day-precise date, an exact count: "against") and the
sources whose vaguer statement it contradicts too ("also": "on Monday", "at
least 30"), so a benchmark can score recall on the first and precision on both.
Traps: two different events on the same day in the
same city, and one number counting two different things.

Story i depends only on (seed, i): a smaller corpus is a prefix of a larger
one with the same seed (apart from the last story, which may be cut short).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import random
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# --- vocabulary ---------------------------------------------------------------------------------
# Per kind of event: counts {slot: (lo, hi, counted noun)} (the first is the one a planted
# count conflict changes), extras {name: (lo, hi, divisor)}, sentence shapes, and the
# statement whose polarity a planted "polarity" conflict flips: (yes, (no, no, ...)).
# Placeholders: {when} (the date at the source's precision, with its preposition), {city},
# {country}, the count slots, the extras, the roles of TITLES, and {year} {n} {pct} (random).

TITLES = (
    "spokesperson",
    "prosecutor",
    "witness",
    "mayor",
    "candidate",
    "opponent",
    "official",
    "suspect",
    "lawyer",
    "minister",
    "leader",
    "organiser",
)

KINDS: dict[str, dict[str, Any]] = {
    "raid": {
        "counts": {"arrested": (3, 60, "people"), "injured": (1, 15, "officers")},
        "headlines": ("Police raids in {city}", "Police swoop on suspected network in {city}"),
        "ledes": (
            "Police raided several homes in {city} {when}, arresting {arrested}, officials said.",
            "{when}, security forces carried out a series of raids in {city} and detained "
            "{arrested}.",
            "Interior ministry officials said {arrested} were arrested {when} during a police "
            "operation in {city}.",
            "A police operation in {city} {when} ended with {arrested} in custody, according to "
            "the interior ministry.",
        ),
        "details": (
            "{injured} were injured during the raids, a police spokesperson, {spokesperson}, said.",
            "The raids targeted what prosecutors described as a smuggling network operating "
            "between {city} and the border.",
            "Lawyers for several of the detainees said they had not been told of the charges.",
            "Residents said masked officers broke down doors before dawn.",
            "Prosecutor {prosecutor} said the suspects would be charged with fraud.",
        ),
        "quotes": (
            '"We acted on solid intelligence and within the law in {city}," {spokesperson} told '
            "reporters.",
            '"They came at dawn and turned the house upside down," said {witness}, a neighbour.',
        ),
        "polarity": (
            "The interior ministry later apologised to the families of those detained.",
            (
                "The interior ministry has never apologised to the families of those detained.",
                "The interior ministry has not apologised to the families.",
            ),
        ),
    },
    "earthquake": {
        "counts": {"dead": (2, 300, "people"), "injured": (10, 900, "people")},
        "extras": {"magnitude": (45, 78, 10)},
        "headlines": ("Deadly earthquake hits {city}", "Quake shakes {country}"),
        "ledes": (
            "A magnitude {magnitude} earthquake struck near {city} {when}, killing {dead}.",
            "{when}, an earthquake of magnitude {magnitude} hit the region around {city}; {dead} "
            "were killed and {injured} were injured.",
            "The earthquake that shook {city} {when} killed {dead}, the civil protection agency "
            "said.",
        ),
        "details": (
            "{injured} were injured, many of them by falling masonry, health officials said.",
            "Rescue teams worked through the night to pull survivors from collapsed buildings.",
            "The quake was felt as far away as the capital of {country}.",
            "Several aftershocks followed in the next hours, the seismological institute said.",
            "Mayor {mayor} said schools would stay closed for a week.",
        ),
        "quotes": (
            '"The whole building swayed and then the lights went out all over {city}," said '
            "{witness}, who lives in the old town.",
        ),
        "polarity": (
            "The government acknowledged that rescue teams had arrived late.",
            (
                "The government has never acknowledged that rescue teams arrived late.",
                "The government did not acknowledge that rescue teams had arrived late.",
            ),
        ),
    },
    "election": {
        "counts": {"seats": (20, 250, "seats"), "voters": (100_000, 4_000_000, "voters")},
        "headlines": ("{country} votes", "Governing party wins in {country}"),
        "ledes": (
            "The party of {candidate} won {seats} in the parliamentary election held {when}, the "
            "electoral commission said.",
            "The governing party of {country} took {seats} in the election {when}, according to "
            "official results.",
            "{when}, voters in {country} elected a new parliament, giving the party of "
            "{candidate} {seats}.",
        ),
        "details": (
            "{voters} cast their ballots, the electoral commission said.",
            "Turnout was {pct} points higher than at the previous election in {year}.",
            "Observers reported long queues at polling stations in {city}.",
            "{candidate} thanked supporters at a rally in {city}.",
        ),
        "quotes": ('"This is a victory for every family in {country}," {candidate} said.',),
        "polarity": (
            "The opposition leader, {opponent}, acknowledged defeat in a televised address.",
            (
                "The opposition leader, {opponent}, has not acknowledged defeat.",
                "The opposition leader, {opponent}, never acknowledged defeat.",
            ),
        ),
    },
    "ferry": {
        "counts": {
            "dead": (3, 120, "people"),
            "rescued": (10, 400, "passengers"),
            "missing": (1, 40, "people"),
        },
        "headlines": ("Ferry sinks off {city}", "Ferry disaster near {city}"),
        "ledes": (
            "A ferry carrying hundreds of passengers sank off the coast near {city} {when}, "
            "killing {dead}.",
            "{when}, a passenger ferry capsized near {city}; {dead} died and {rescued} were "
            "rescued.",
            "Rescuers pulled {rescued} from the water after a ferry went down near {city} "
            "{when}, the coast guard said.",
        ),
        "details": (
            "{missing} were still missing, the coast guard said.",
            "The ferry was licensed to carry far fewer passengers than it had on board, officials "
            "said.",
            "Harbour master {official} said the sea had been calm.",
            "An investigation into the cause of the sinking has been opened.",
            "{dead} died in the sinking, according to the coast guard.",
        ),
        "quotes": (
            '"The ship tilted and within minutes the water was everywhere," said '
            "{witness}, a survivor from {city}.",
        ),
        "polarity": (
            "The ferry operator apologised to the families of the victims.",
            (
                "The ferry operator has never apologised to the families of the victims.",
                "The ferry operator has not apologised to the victims' families.",
            ),
        ),
    },
    "arrest": {
        "counts": {"officers": (5, 40, "officers")},
        "headlines": ("{suspect} arrested in {city}", "Opposition figure detained"),
        "ledes": (
            "Police in {city} arrested the opposition politician {suspect} {when}, his lawyer "
            "said.",
            "{suspect}, a prominent journalist, was detained in {city} {when} on charges of "
            "spreading false information.",
            "Authorities in {country} arrested {suspect} at his home in {city} {when}.",
        ),
        "details": (
            "{officers} took part in the arrest, according to a statement from the interior "
            "ministry.",
            "{suspect} denies all charges, his lawyer, {lawyer}, said.",
            "A court in {city} ordered him held for {n} days pending trial.",
            "Rights groups condemned the arrest as politically motivated.",
        ),
        "quotes": ('"This is an attempt to silence critics in {country}," {lawyer} said.',),
        "polarity": (
            "The prosecutor's office acknowledged that {suspect} had been held without a lawyer.",
            (
                "The prosecutor's office has never acknowledged that {suspect} "
                "was held without a lawyer.",
            ),
        ),
    },
    "talks": {
        "counts": {"delegates": (4, 60, "delegates"), "hours": (2, 20, "hours")},
        "headlines": ("Talks open in {city}", "Diplomats meet in {city}"),
        "ledes": (
            "Delegations from {country} and its neighbours met in {city} {when} for talks on a "
            "ceasefire.",
            "{when}, negotiators opened talks in {city} aimed at ending the border dispute, "
            "officials said.",
            "Foreign minister {minister} met her counterparts in {city} {when}, the ministry said.",
        ),
        "details": (
            "The talks lasted {hours}, according to a diplomat present.",
            "{delegates} attended the meeting.",
            "Both sides agreed to meet again next month.",
            "The last round of negotiations collapsed in {year}.",
        ),
        "quotes": (
            '"We have made progress in {city}, but much remains to be done," {minister} said.',
        ),
        "polarity": (
            "The two sides signed a joint statement at the end of the talks.",
            (
                "The two sides have not signed a joint statement at the end of the talks.",
                "The two sides never signed the joint statement.",
            ),
        ),
    },
    "strike": {
        "counts": {"cancelled": (20, 2000, "trains"), "workers": (200, 90_000, "workers")},
        "headlines": ("Strike paralyses {city}", "Rail strike in {country}"),
        "ledes": (
            "Rail workers in {country} walked out {when}, and {cancelled} were cancelled, the "
            "operator said.",
            "{workers} joined a strike {when} that brought much of {city} to a standstill.",
            "{when}, a strike by transport workers in {city} led to the cancellation of "
            "{cancelled}.",
        ),
        "details": (
            "The union is demanding a pay rise of {pct} percent.",
            "Union leader {leader} said more strikes would follow.",
            "Commuters crowded onto buses and many stayed at home.",
            "{workers} took part in the strike, according to the union.",
            "The strike was the largest since {year}.",
        ),
        "quotes": (
            '"We are not asking for luxury, only for fair pay," {leader} told a rally in {city}.',
        ),
        "polarity": (
            "Transport minister {minister} apologised to passengers for the disruption.",
            (
                "Transport minister {minister} has never apologised to passengers for the "
                "disruption.",
            ),
        ),
    },
    "fire": {
        "counts": {"dead": (1, 60, "people"), "firefighters": (10, 200, "firefighters")},
        "headlines": ("Deadly fire in {city}", "Blaze in {city}"),
        "ledes": (
            "A fire tore through a market in {city} {when}, killing {dead}.",
            "{when}, a blaze at a warehouse in {city} killed {dead}, the fire service said.",
            "{dead} died when fire broke out in an apartment block in {city} {when}.",
        ),
        "details": (
            "{firefighters} battled the blaze for hours.",
            "The cause of the fire is under investigation.",
            "Fire chief {official} said the building had no working alarms.",
        ),
        "quotes": ('"We heard screaming and saw the smoke over {city}," said {witness}.',),
        "polarity": (
            "The building's owner apologised to the families of the victims.",
            ("The building's owner has never apologised to the families of the victims.",),
        ),
    },
    "flood": {
        "counts": {"evacuated": (100, 50_000, "residents"), "dead": (1, 80, "people")},
        "headlines": ("Floods hit {city}", "Thousands flee floods in {country}"),
        "ledes": (
            "Floods forced the evacuation of {evacuated} in {city} {when}, officials said.",
            "Heavy rain flooded large parts of {city} {when}; {dead} were killed.",
            "{when}, the river burst its banks in {city}, and {evacuated} were evacuated.",
        ),
        "details": (
            "{dead} died in the floods, the regional government said.",
            "Emergency shelters opened in schools and sports halls.",
            "Mayor {mayor} said the damage would run to millions.",
        ),
        "quotes": (
            '"The water came up to the windows in an hour," said {witness}, a resident of {city}.',
        ),
        "polarity": (
            "The regional government acknowledged that warnings had been issued too late.",
            ("The regional government has never acknowledged that warnings came too late.",),
        ),
    },
    "protest": {
        "counts": {"detained": (2, 300, "people"), "protesters": (100, 20_000, "protesters")},
        "headlines": ("Protest in {city}", "Anger on the streets of {city}"),
        "ledes": (
            "Thousands of people marched through {city} {when} to protest against rising prices.",
            "Police detained {detained} during a protest in {city} {when}.",
            "{protesters} rallied in central {city} {when}, according to organisers.",
        ),
        "details": (
            "Police used tear gas to disperse the crowd near the parliament building.",
            "Organiser {organiser} said the protests would continue.",
            "{detained} were detained, the police said.",
        ),
        "quotes": ('"We will be back in {city} every week until they listen," {organiser} said.',),
        "polarity": (
            "The police chief apologised for the use of force against protesters.",
            ("The police chief has never apologised for the use of force.",),
        ),
    },
    "explosion": {
        "counts": {"dead": (1, 90, "people"), "injured": (3, 200, "people")},
        "headlines": ("Blast in {city}", "Explosion kills shoppers in {city}"),
        "ledes": (
            "An explosion at a crowded market in {city} killed {dead} {when}.",
            "{when}, a bomb blast in {city} killed {dead} and wounded {injured}.",
        ),
        "details": (
            "No group has claimed responsibility for the attack.",
            "{injured} were wounded, hospital officials said.",
            "Security was tightened across {country} after the attack.",
        ),
        "quotes": ('"It was like the ground jumped," said {witness}, a shopkeeper in {city}.',),
        "polarity": (
            "The government acknowledged that it had received warnings before the attack.",
            ("The government has never acknowledged receiving warnings before the attack.",),
        ),
    },
    "resignation": {
        "counts": {"years": (1, 15, "years")},
        "headlines": ("Minister quits", "{country}'s health minister resigns"),
        "ledes": (
            "{minister}, the health minister of {country}, resigned {when} after a procurement "
            "scandal.",
            "{when}, the health minister of {country}, {minister}, stepped down, the prime "
            "minister's office said.",
        ),
        "details": (
            "{minister} had been in office for {years}.",
            "The opposition had called for a vote of no confidence.",
            "Prosecutors opened an investigation into the contracts in {year}.",
        ),
        "quotes": (
            '"I take full responsibility for what happened in {country}," {minister} said.',
        ),
        "polarity": (
            "{minister} apologised to taxpayers in a statement.",
            (
                "{minister} has never apologised for the contracts.",
                "{minister} did not apologise for the contracts.",
            ),
        ),
    },
    "train": {
        "counts": {"dead": (1, 60, "people"), "injured": (5, 300, "passengers")},
        "headlines": ("Train crash near {city}", "Rail disaster in {country}"),
        "ledes": (
            "A passenger train derailed near {city} {when}, killing {dead}.",
            "{when}, two trains collided outside {city}; {dead} died and {injured} were injured.",
        ),
        "details": (
            "The train was travelling from {city} to the capital.",
            "Railway chief {official} said the signalling system was being checked.",
            "{injured} were taken to hospitals in {city}.",
        ),
        "quotes": (
            '"There was a terrible noise and then everything went dark," said '
            "{witness}, who was travelling to {city}.",
        ),
        "polarity": (
            "The railway operator apologised to the families of the victims.",
            ("The railway operator has never apologised to the families of the victims.",),
        ),
    },
}

BACKGROUND = (  # context every outlet adds: old dates, other numbers, other events
    "{city} has a population of about {n}0,000 people.",
    "The last comparable incident in {city} was in {year}.",
    "{country} has faced growing economic pressure since {year}.",
    "Inflation in {country} stood at {pct}% last month.",
    "The region around {city} has seen repeated unrest since {year}.",
    "Tourism accounts for about {n}% of the economy of {country}.",
    "{city} lies about {n}0 kilometres from the border.",
    "Officials in {city} have promised a full review.",
    "It was not immediately clear how the authorities in {country} would respond.",
    "The government of {country} has been under pressure over public spending.",
    "In {year}, {past} in {country} killed {n} people.",
    "Critics say the authorities in {city} ignored earlier warnings, including a report "
    "published in {year}.",
    "The city council of {city} met in an emergency session in the evening.",
    "{official}, the regional governor, is expected to visit {city} later this week.",
    "Local media in {city} showed images of crowds gathering outside the town hall.",
    "Opposition parties in {country} called for an independent inquiry.",
    "The European Union said it was following events in {country} closely.",
    "Schools and some public offices in {city} were closed for the rest of the week.",
    "A helpline has been set up for relatives, {mayor} said.",
    "{spokesperson} said more information would be released in the coming days.",
    "Residents of {city} have long complained about poor infrastructure in the area.",
    "Aid groups said they had sent teams and supplies to {city}.",
    "Insurers estimated the losses in {city} at about {n} million euros.",
    "The last national census of {country}, in {year}, counted {n} districts in the province.",
    "Analysts said the events could weigh on the government of {country} ahead of next year's "
    "budget.",
    "{official}, the governor of the province, cut short a trip abroad.",
    "Videos of the scene in {city} were shared widely on social media.",
    "Police said they had increased patrols across {city}.",
)
REACTIONS = (  # quoted reactions; {who} is a role's name
    '"Our thoughts are with the families, and we will not rest until we know what happened," '
    "said {mayor}, the mayor of {city}.",
    '"People here feel abandoned by the state," said {witness}, a shop owner in {city}.',
    '"We need answers, not promises," {opponent} wrote on social media.',
    '"The situation is under control," a government spokesperson, {spokesperson}, said in a '
    "televised statement.",
    '"I have lived here for forty years and I have never seen anything like it," said {witness}.',
    "{official}, a senior official, told reporters that the response had been swift.",
    "According to {lawyer}, a lawyer who represents several families, the authorities have "
    "been slow to share information.",
    "{leader}, who heads a local civic group, said the community would hold a vigil.",
    '"It is too early to draw conclusions," said {prosecutor}, who is leading the inquiry.',
    "Political analyst {organiser} said the events would test the government's credibility.",
)
FOLLOW_UPS = (  # later developments, dated relative to the event
    "A day later, officials said the main roads into {city} had reopened.",
    "By the following week, most shops in the centre of {city} were open again.",
    "Two days afterwards, the government of {country} announced an inquiry.",
    "Later that month, parliament held a debate on the events in {city}.",
    "The next morning, hundreds of people gathered in the main square of {city}.",
    "Officials said a memorial service would be held in {city} on Sunday.",
    "The authorities said on Friday that a report would be published within {n} days.",
    "Flags flew at half-mast on public buildings in {city} the following day.",
)
PAST_EVENTS = (
    "a flood",
    "an earthquake",
    "a fire",
    "a ferry accident",
    "a train crash",
    "a bombing",
    "a landslide",
    "a stampede",
)
UNRELATED = (
    "Separately, the central bank of {country} left interest rates unchanged at {pct}%.",
    "Elsewhere in {country}, a storm in the north cut power to {n}0,000 homes.",
    "In a separate case, a court in {city} sentenced {n} men to prison for fraud.",
)
CITIES = (
    ("Lyon", "France"),
    ("Porto", "Portugal"),
    ("Kraków", "Poland"),
    ("Valencia", "Spain"),
    ("Naples", "Italy"),
    ("Thessaloniki", "Greece"),
    ("Izmir", "Turkey"),
    ("Yekaterinburg", "Russia"),
    ("Kharkiv", "Ukraine"),
    ("Cluj-Napoca", "Romania"),
    ("Plovdiv", "Bulgaria"),
    ("Ostrava", "Czechia"),
    ("Surabaya", "Indonesia"),
    ("Cebu", "Philippines"),
    ("Chittagong", "Bangladesh"),
    ("Mombasa", "Kenya"),
    ("Lagos", "Nigeria"),
    ("Alexandria", "Egypt"),
    ("Casablanca", "Morocco"),
    ("Recife", "Brazil"),
    ("Córdoba", "Argentina"),
    ("Medellín", "Colombia"),
    ("Guadalajara", "Mexico"),
    ("Osaka", "Japan"),
    ("Busan", "South Korea"),
    ("Karachi", "Pakistan"),
    ("Pune", "India"),
    ("Mashhad", "Iran"),
    ("Basra", "Iraq"),
    ("Aleppo", "Syria"),
    ("Batumi", "Georgia"),
    ("Ganja", "Azerbaijan"),
    ("Gyumri", "Armenia"),
    ("Almaty", "Kazakhstan"),
    ("Da Nang", "Vietnam"),
    ("Chiang Mai", "Thailand"),
    ("Kandy", "Sri Lanka"),
    ("Durban", "South Africa"),
    ("Kumasi", "Ghana"),
    ("Dakar", "Senegal"),
    ("Bergen", "Norway"),
    ("Gothenburg", "Sweden"),
    ("Tampere", "Finland"),
    ("Rotterdam", "Netherlands"),
    ("Antwerp", "Belgium"),
    ("Hamburg", "Germany"),
    ("Graz", "Austria"),
    ("Debrecen", "Hungary"),
    ("Novi Sad", "Serbia"),
    ("Split", "Croatia"),
    ("Manchester", "United Kingdom"),
    ("Cork", "Ireland"),
    ("Valparaíso", "Chile"),
    ("Arequipa", "Peru"),
)
OUTLETS = (
    "Northern Herald",
    "Capital Wire",
    "The Daily Ledger",
    "Evening Courier",
    "Global Desk",
    "Harbour Times",
    "Continental Press",
    "The Morning Star Review",
    "Metro Bulletin",
    "Regional Observer",
    "World Report",
    "The Sentinel",
    "Coastal Gazette",
    "Newsline",
    "The Dispatch",
    "Public Broadcaster",
    "Market Watch Daily",
    "The Chronicle",
    "Independent Monitor",
    "Frontier Post",
    "City Journal",
    "The Examiner",
    "Open Wire",
    "Union Tribune",
    "The Record",
)
FIRST_NAMES = (
    "Anna",
    "Marek",
    "Sofia",
    "Jonas",
    "Leila",
    "Omar",
    "Ines",
    "Pavel",
    "Maria",
    "Yusuf",
    "Elena",
    "Tomas",
    "Amira",
    "Lukas",
    "Nadia",
    "Karim",
    "Hana",
    "Diego",
    "Chloe",
    "Ravi",
    "Mei",
    "Kenji",
    "Aisha",
    "Ivan",
    "Petra",
    "Samuel",
    "Zeynep",
    "Farid",
    "Olga",
    "Mateo",
    "Lucia",
    "Tariq",
    "Ingrid",
    "Nikos",
    "Camille",
    "Bogdan",
    "Priya",
    "Kwame",
    "Ana",
    "Jan",
)
SURNAMES = (
    "Novak",
    "Kowalski",
    "Haddad",
    "Moreau",
    "Rossi",
    "Petrov",
    "Yilmaz",
    "Santos",
    "Okafor",
    "Tanaka",
    "Kim",
    "Nguyen",
    "Mensah",
    "Fischer",
    "Horvath",
    "Lindqvist",
    "Garcia",
    "Costa",
    "Ivanova",
    "Schmidt",
    "Dubois",
    "Popescu",
    "Nowak",
    "Silva",
    "Ahmed",
    "Kaya",
    "Jensen",
    "Weber",
    "Markovic",
    "Hassan",
    "Rahman",
    "Sato",
    "Park",
    "Diallo",
    "Mwangi",
    "Alvarez",
    "Papadopoulos",
    "Varga",
    "Murphy",
    "Walsh",
    "Khan",
    "Aliyev",
    "Grigoryan",
    "Berg",
)
NUMBER_WORDS = dict(
    enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
)

START = dt.date(2022, 1, 1)
DAYS = 3 * 365  # stories happen over three years
P_CONFLICT = 0.35  # share of stories with a planted conflict
P_SAME_DAY_TRAP = 0.08  # share of stories that copy the previous story's day and city
P_SAME_NUMBER_TRAP = 0.15  # share of stories where two counts share one value
P_APOLOGY = 0.5  # share of sources that carry the polarity statement, when not planted
P_HTML, P_MARKDOWN = 0.1, 0.1
DATE_STYLES = ("dmy", "dmy", "mdy", "dm", "my", "weekday")
DAY_PRECISE = ("dmy", "mdy")
COUNT_STYLES = ("exact", "exact", "exact", "word", "at least", "more than", "dozens", "nearly")
DELAYS = (0, 1, 1, 2, 3, 9)  # days from the event to publication
SHIFTS = (-4, -3, -2, -1, 1, 2, 3)  # a planted date conflict, in days
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass
class Story:
    index: int
    kind: str
    city: str
    country: str
    date: dt.date
    counts: dict[str, int]  # slot -> true value; the first slot is the one a conflict changes
    extras: dict[str, str]
    people: dict[str, str]
    n_sources: int
    rng: random.Random
    conflict: str | None = None  # "date" | "quantity/off-by-one" | "quantity/clear" | "polarity"
    traps: list[str] = field(default_factory=list)


@dataclass
class Source:
    story: Story
    number: int
    outlet: str
    published: dt.date
    date_style: str
    count_styles: dict[str, str]
    role: str  # "deviant" (carries the conflict), "witness" (states the slot exactly) or ""
    rng: random.Random
    stated: dict[str, str] = field(default_factory=dict)  # slot -> value as stated, if exact
    # slot -> (lo, hi) a less precise statement allows ("in May 2024", "at least 30")
    loose: dict[str, tuple[Any, Any]] = field(default_factory=dict)


# --- stories ---------------------------------------------------------------------------------


def story(seed: int, index: int) -> Story:
    """The parameters of story `index`: a function of (seed, index) only."""
    rng = random.Random(f"{seed}:{index}")
    kind = rng.choice(sorted(KINDS))
    spec = KINDS[kind]
    city, country = rng.choice(CITIES)
    date = START + dt.timedelta(days=rng.randrange(DAYS))
    counts = {slot: rng.randint(lo, hi) for slot, (lo, hi, _) in spec["counts"].items()}
    extras = {
        k: f"{rng.randint(lo, hi) / d:g}" for k, (lo, hi, d) in spec.get("extras", {}).items()
    }
    people = {role: f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}" for role in TITLES}
    s = Story(index, kind, city, country, date, counts, extras, people, rng.randint(2, 6), rng)
    if index > 0 and rng.random() < P_SAME_DAY_TRAP:
        _same_day_as(s, story(seed, index - 1))
    if len(counts) >= 2 and rng.random() < P_SAME_NUMBER_TRAP:
        first, second = list(counts)[:2]
        counts[second] = counts[first]
        s.traps.append("same-number:self")
    if rng.random() < P_CONFLICT:
        options = ["date", "quantity/off-by-one", "quantity/clear", "polarity"]
        s.conflict = rng.choice(options)
    return s


def _same_day_as(s: Story, previous: Story) -> None:
    """Trap: another event on the same day in the same city, one count with the same value."""
    s.city, s.country, s.date = previous.city, previous.country, previous.date
    s.traps.append(f"same-day-same-city:{previous.index}")
    if previous.counts:
        s.counts[next(iter(s.counts))] = next(iter(previous.counts.values()))
        s.traps.append(f"same-number:{previous.index}")


def sources(s: Story) -> list[Source]:
    rng = s.rng
    deviant = rng.randrange(s.n_sources) if s.conflict else -1
    result = []
    for k, outlet in enumerate(rng.sample(OUTLETS, s.n_sources)):
        published = s.date + dt.timedelta(days=rng.choice(DELAYS))
        style = rng.choice(DATE_STYLES)
        if style == "weekday" and not 1 <= (published - s.date).days <= 6:
            style = "dm"
        counts = {slot: rng.choice(COUNT_STYLES) for slot in s.counts}
        role = "deviant" if k == deviant else ""
        if s.conflict and k == (deviant + 1) % s.n_sources:
            role = "witness"
        if role:  # the conflict, and at least one source to contradict, at full precision
            style, counts = rng.choice(DAY_PRECISE), dict.fromkeys(s.counts, "exact")
        src_rng = random.Random(f"{s.index}:{k}:{rng.random()}")
        result.append(Source(s, k, outlet, published, style, counts, role, src_rng))
    return result


# --- rendering one source ---------------------------------------------------------------------


def render_date(d: dt.date, style: str, published: dt.date) -> str:
    """The date with its preposition, at the source's precision."""
    month = MONTHS[d.month - 1]
    if style == "mdy":
        return f"on {month} {d.day}, {d.year}"
    if style == "dm":
        return f"on {d.day} {month}"
    if style == "my":
        return f"in {month} {d.year}"
    if style == "weekday" and published != d:
        return f"on {WEEKDAYS[d.weekday()]}"
    return f"on {d.day} {month} {d.year}"


def render_count(n: int, style: str, noun: str) -> tuple[str, float, float]:
    """A count at a style's precision (the exact figure when the style does not fit), and
    the widest range a careful reader could take it to allow."""
    if style == "word" and n in NUMBER_WORDS:
        return f"{NUMBER_WORDS[n]} {noun}", n, n
    if style == "at least" and n >= 10:
        return f"at least {n - n % 10} {noun}", n - n % 10, math.inf
    if style == "more than" and n >= 12:
        bound = n - 1 - (n - 1) % 10
        return f"more than {bound} {noun}", bound + 1, math.inf
    if style == "dozens" and 24 <= n <= 99:
        return f"dozens of {noun}", 13, 999
    if style == "nearly" and n % 10 >= 7:
        bound = n + 10 - n % 10
        return f"nearly {bound:,} {noun}", 0.8 * bound, bound
    return f"{n:,} {noun}", n, n


def _facts(src: Source) -> tuple[dt.date, dict[str, int], bool]:
    """The story's facts as this source has them: one slot off if it is the deviant."""
    s, rng = src.story, src.rng
    date, counts, positive = s.date, dict(s.counts), True
    if src.role != "deviant":
        return date, counts, positive
    if s.conflict == "date":
        date = s.date + dt.timedelta(days=rng.choice(SHIFTS))
    elif s.conflict == "polarity":
        positive = False
    elif s.conflict and counts:
        slot = next(iter(counts))
        n = counts[slot]
        counts[slot] = max(n + rng.choice((-1, 1)), 1) if s.conflict.endswith("one") else 2 * n + 7
        if counts[slot] == n:
            counts[slot] = n + 1
    return date, counts, positive


def _templates(src: Source) -> list[str]:
    """The sentence shapes of one article, before filling."""
    s, rng = src.story, src.rng
    spec = KINDS[s.kind]
    body = [rng.choice(spec["ledes"])]
    details = list(spec["details"])
    rng.shuffle(details)
    body += details[: rng.randint(2, len(details))]
    first = next(iter(s.counts), None)
    if src.role and first and not any(f"{{{first}}}" in t for t in body):
        body.append(next(t for t in (*spec["ledes"], *details) if f"{{{first}}}" in t))
    if src.role or rng.random() < P_APOLOGY:
        body.append("{polarity}")
    body += rng.sample(spec["quotes"], k=rng.randint(0, len(spec["quotes"])))
    body += rng.sample(REACTIONS, k=rng.randint(1, 4))
    body += rng.sample(FOLLOW_UPS, k=rng.randint(0, 3))
    body += rng.sample(BACKGROUND, k=rng.randint(6, 16))
    if rng.random() < 0.3:
        body.append(rng.choice(UNRELATED))
    return body


def _fields(src: Source, used: set[str]) -> dict[str, str]:
    """Placeholder values; records in `src.stated` the slots stated at full precision."""
    s, rng = src.story, src.rng
    spec = KINDS[s.kind]
    date, counts, positive = _facts(src)
    fields = {
        "city": s.city,
        "country": s.country,
        **s.people,
        **s.extras,
        "when": render_date(date, src.date_style, src.published),
    }
    if "when" in used and src.date_style in DAY_PRECISE:
        src.stated["date"] = date.isoformat()
    elif "when" in used:
        src.loose["date"] = _date_range(date, src.date_style)
    for slot, (_, _, noun) in spec["counts"].items():
        fields[slot], lo, hi = render_count(counts[slot], src.count_styles[slot], noun)
        if slot in used and lo == hi:
            src.stated[slot] = str(counts[slot])
        elif slot in used:
            src.loose[slot] = (lo, hi)
    yes, noes = spec["polarity"]
    fields["polarity"] = (yes if positive else rng.choice(noes)).format(**fields)
    if "polarity" in used:
        src.stated["polarity"] = "yes" if positive else "no"
    return fields


def _date_range(d: dt.date, style: str) -> tuple[str, str]:
    """The days a date at a lower precision allows: the day itself when it resolves
    against the publication date ("on 24 June", "on Monday"), else its month."""
    if style == "my":
        first = d.replace(day=1)
        last = (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
        return first.isoformat(), last.isoformat()
    return d.isoformat(), d.isoformat()


def _sentences(src: Source) -> list[str]:
    templates = _templates(src)
    used = {name for t in templates for _, name, _, _ in string.Formatter().parse(t) if name}
    fields = _fields(src, used)
    return [_capitalised(t.format(**fields, **_noise(src.rng))) for t in templates]


def _noise(rng: random.Random) -> dict[str, str]:
    """Fresh filler values for each sentence: years, small numbers, percentages."""
    return {
        "year": str(rng.randint(1998, 2019)),
        "n": str(rng.randint(2, 40)),
        "pct": f"{rng.randint(1, 9)}.{rng.randint(0, 9)}",
        "past": rng.choice(PAST_EVENTS),
    }


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def render(src: Source) -> tuple[str, str]:
    """(extension, document text) of one source's article."""
    s, rng = src.story, src.rng
    headline = KINDS[s.kind]["headlines"][src.number % 2].format(
        **s.people, city=s.city, country=s.country
    )
    byline = f"By {rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
    p = src.published
    stamp = f"{p.day} {MONTHS[p.month - 1]} {p.year}"
    sentences = _sentences(src)
    paragraphs = []
    while sentences:
        take = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[:take]))
        sentences = sentences[take:]
    roll = rng.random()
    if roll < P_HTML:
        return ".html", _html(headline, byline, stamp, src, paragraphs)
    if roll < P_HTML + P_MARKDOWN:
        md = [f"# {headline}", f"*{byline}, {src.outlet}* · {stamp}", *paragraphs]
        return ".md", "\n\n".join(md) + "\n"
    paragraphs[0] = f"{s.city.upper()}, {stamp} ({src.outlet}) - {paragraphs[0]}"
    tail = (
        f"(Reporting by {byline[3:]}; editing by {rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)})"
    )
    return ".txt", "\n\n".join([headline, byline, *paragraphs, tail]) + "\n"


def _html(headline: str, byline: str, stamp: str, src: Source, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html>\n<html><head><title>{headline} | {src.outlet}</title>\n"
        f'<meta name="date" content="{src.published.isoformat()}"></head>\n<body>\n'
        '<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/login">Sign in</a>'
        f'</nav>\n<article><h1>{headline}</h1>\n<p class="byline">{byline} - {stamp}</p>\n'
        f"{body}\n</article>\n<footer>&copy; {src.outlet}. All rights reserved.</footer>\n"
        "</body></html>\n"
    )


# --- the corpus and its manifest --------------------------------------------------------------


def _planted(s: Story, names: list[str], srcs: list[Source]) -> list[dict[str, Any]]:
    """The planted conflict and the sources that contradict it at a comparable precision."""
    dev = next((x for x in srcs if x.role == "deviant"), None)
    if dev is None or s.conflict is None:
        return []
    slot = {"date": "date", "polarity": "polarity"}.get(s.conflict) or next(iter(s.counts))
    if slot not in dev.stated:
        return []
    value = dev.stated[slot]
    others = [o for o in srcs if o is not dev]
    against = [
        {"document": names[o.number], "value": o.stated[slot]}
        for o in others
        if slot in o.stated and o.stated[slot] != value
    ]
    also = [  # contradicted too, once a date is resolved or a bound is read
        {"document": names[o.number], "range": list(o.loose[slot])}
        for o in others
        if slot in o.loose and not _within(value, o.loose[slot])
    ]
    if not against:
        return []
    return [
        {
            "story": s.index,
            "kind": s.conflict,
            "slot": slot,
            "document": names[dev.number],
            "value": dev.stated[slot],
            "against": against,
            "also": also,
        }
    ]


def _within(value: str, bounds: tuple[Any, Any]) -> bool:
    lo, hi = bounds
    if isinstance(lo, str):  # ISO dates compare as strings
        return bool(lo <= value <= hi)
    return bool(lo <= float(value) <= hi)


def generate(n: int, outdir: Path, seed: int = 0) -> dict[str, Any]:
    """Write `n` documents and the manifest; return the manifest."""
    docs = outdir / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    stories: list[dict[str, Any]] = []
    conflicts: list[dict[str, Any]] = []
    traps: list[dict[str, Any]] = []
    written, index = 0, 0
    while written < n:
        s = story(seed, index)
        srcs = sources(s)[: n - written]
        names = []
        for src in srcs:
            ext, text = render(src)
            name = hashlib.sha1(f"{seed}:{index}:{src.number}".encode()).hexdigest()[:16] + ext
            (docs / name).write_text(text, encoding="utf-8")
            names.append(name)
        stories.append(
            {
                "story": index,
                "kind": s.kind,
                "city": s.city,
                "date": s.date.isoformat(),
                "documents": names,
            }
        )
        conflicts += _planted(s, names, srcs)
        traps += [{"story": index, "trap": t} for t in s.traps]
        written += len(srcs)
        index += 1
    manifest = {
        "seed": seed,
        "documents": n,
        "stories": stories,
        "conflicts": conflicts,
        "traps": traps,
    }
    (outdir / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate a synthetic news corpus.")
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    manifest = generate(args.n, args.outdir, args.seed)
    print(
        f"{args.n} documents, {len(manifest['stories'])} stories, "
        f"{len(manifest['conflicts'])} planted conflicts -> {args.outdir}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
