from __future__ import annotations

import dataclasses
import datetime
import multiprocessing
import sqlite3
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ravel import cache as cache_module
from ravel.cache import (
    CACHE_DIRNAME,
    DB_NAME,
    ClaimCache,
    Entry,
    claims_from_json,
    claims_to_json,
    clear_cache,
    default_cache_dir,
    extract_cached,
    fingerprint,
    user_cache_dir,
)
from ravel.model import Attribution, Claim, Document, Mention, Quantity, Reference, Timex
from tests.helpers import claims_of, document

TEXT = "On 3 May 2024, police in Lyon arrested four men suspected of smuggling cigarettes."
BASE = document("a.txt", TEXT)
SETTINGS = fingerprint({"aliases": "default"})


def _ref(day: int, source: str = "option") -> Callable[[Document], Document]:
    reference = Reference(datetime.date(2024, 5, day), source)
    return lambda d: dataclasses.replace(d, reference=reference)


# (what changes in the document or settings, the change, whether the key changes, why)
CASES = [
    ("nothing", lambda d: d, False, "the same document has the same key"),
    (
        "path",
        lambda d: dataclasses.replace(d, path="elsewhere/a.txt"),
        False,
        "claims do not carry the path",
    ),
    (
        "encoding",
        lambda d: dataclasses.replace(d, encoding="cp1252"),
        False,
        "the key hashes the decoded text, not the bytes",
    ),
    (
        "text",
        lambda d: dataclasses.replace(d, text=d.text + " ", plain=d.plain + " "),
        True,
        "an edit is a new document",
    ),
    (
        "format",
        lambda d: dataclasses.replace(d, format="markdown"),
        True,
        "the prose view depends on the format",
    ),
    ("id", lambda d: dataclasses.replace(d, id="b.txt"), True, "claims carry their document's id"),
    ("reference option", _ref(9), True, "a --reference-date changes how dates resolve"),
    (
        "reference found",
        _ref(9, "dateline"),
        False,
        "a reference read from the text is a function of the text: keys need not wait for it",
    ),
]
assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize(("name", "change", "changes", "why"), CASES, ids=[c[0] for c in CASES])
def test_key(name: str, change: Callable[[Document], Document], changes: bool, why: str) -> None:
    with ClaimCache.open(enabled=False) as c:
        assert (c.key(change(BASE), SETTINGS) != c.key(BASE, SETTINGS)) == changes, why


def test_key_depends_on_settings() -> None:
    with ClaimCache.open(enabled=False) as c:
        other = fingerprint({"aliases": "custom"})
        assert c.key(BASE, SETTINGS) != c.key(BASE, other)
    assert fingerprint({"a": 1, "b": 2}) == fingerprint({"b": 2, "a": 1})


def test_put_get_clear(tmp_path: Path) -> None:
    claims = claims_of(BASE)
    assert claims
    with ClaimCache.open(tmp_path) as c:
        key = c.key(BASE, SETTINGS)
        assert c.get(key) is None
        c.put(key, claims)
        c.put("empty", ())
        assert c.get(key) == claims
        assert [x.plain for x in c.get(key) or ()] == [x.plain for x in claims]
        assert c.get("empty") == ()  # a document without claims is a hit, not a miss
        assert (c.hits, c.misses) == (3, 1)
        assert c.clear() == 2
        assert c.get(key) is None
        assert c.notes == []


def test_entries_keep_the_reference(tmp_path: Path) -> None:
    reference = Reference(datetime.date(2024, 5, 3), "dateline", 0, 10)
    claims = claims_of(BASE)
    with ClaimCache.open(tmp_path) as c:
        c.put("with", claims, reference=reference)
        c.put_many([("without", claims)])
        entries = c.get_entries(["with", "without", "missing"])
    assert entries == {"with": (reference, claims), "without": (None, claims)}


def test_persists_across_connections(tmp_path: Path) -> None:
    claims = claims_of(BASE)
    with ClaimCache.open(tmp_path) as c:
        c.put_many([("k", claims)])
    with ClaimCache.open(tmp_path) as c:
        assert c.get_many(["k", "missing"]) == {"k": claims}


def test_disabled_is_a_no_op(tmp_path: Path) -> None:
    with ClaimCache.open(tmp_path, enabled=False) as c:
        c.put("k", claims_of(BASE))
        assert (c.enabled, c.get("k"), c.count()) == (False, None, 0)
    assert not (tmp_path / DB_NAME).exists()


def test_corrupt_database_degrades_with_a_note(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"this is not a database" * 100)
    with ClaimCache.open(tmp_path) as c:
        c.put("k", ())
        assert (c.enabled, c.get("k")) == (False, None)
        assert len(c.notes) == 1
        assert "claims cache disabled" in c.notes[0]
        assert "\n" not in c.notes[0]


def test_locked_database_degrades_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "BUSY_TIMEOUT_S", 0.05)
    ClaimCache.open(tmp_path).close()
    holder = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with ClaimCache.open(tmp_path) as c:
            c.put("k", ())
            assert not c.enabled
            assert "locked" in " ".join(c.notes)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_other_schema_version_is_emptied(tmp_path: Path) -> None:
    with ClaimCache.open(tmp_path) as c:
        c.put("k", ())
    db = sqlite3.connect(tmp_path / DB_NAME)
    with db:
        db.execute("UPDATE meta SET value = '0' WHERE name = 'schema_version'")
    db.close()
    with ClaimCache.open(tmp_path) as c:
        assert (c.enabled, c.get("k"), c.count()) == (True, None, 0)


def _writer(folder: str, start: int) -> None:
    claims = claims_of(BASE)
    with ClaimCache.open(Path(folder)) as c:
        for i in range(start, start + 100):
            c.put(f"k{i}", claims)
        assert c.notes == []


def test_concurrent_writers(tmp_path: Path) -> None:
    ClaimCache.open(tmp_path).close()
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_writer, args=(str(tmp_path), s)) for s in (0, 50)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(30)
    assert [w.exitcode for w in workers] == [0, 0]
    with ClaimCache.open(tmp_path) as c:
        assert c.count() == 150  # keys 50-99 written by both: replaced, not duplicated
        assert c.get("k149") == claims_of(BASE)


def test_locations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    (project / "sub").mkdir(parents=True)
    assert default_cache_dir(project / "sub") == project / "sub" / CACHE_DIRNAME
    (project / "ravel.toml").write_text("")
    assert default_cache_dir(project / "sub") == project / CACHE_DIRNAME
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert user_cache_dir() == tmp_path / "xdg" / "ravel"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert user_cache_dir() == tmp_path / "home" / ".cache" / "ravel"


def test_default_falls_back_to_user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setattr(cache_module, "default_cache_dir", lambda start: blocker / CACHE_DIRNAME)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    with ClaimCache.open(None) as c:
        assert c.enabled
        assert c.path == tmp_path / "xdg" / "ravel" / DB_NAME


def test_project_cache_is_gitignored(tmp_path: Path) -> None:
    ClaimCache.open(tmp_path / CACHE_DIRNAME).close()
    assert (tmp_path / CACHE_DIRNAME / ".gitignore").read_text().splitlines()[-1] == "*"


def test_clear_cache(tmp_path: Path) -> None:
    assert clear_cache(tmp_path) == 0
    with ClaimCache.open(tmp_path) as c:
        c.put_many([("a", ()), ("b", ())])
    assert clear_cache(tmp_path) == 2
    assert not list(tmp_path.glob(DB_NAME + "*"))
    (tmp_path / DB_NAME).write_bytes(b"garbage" * 100)
    assert clear_cache(tmp_path) == 0
    assert not (tmp_path / DB_NAME).exists()


def test_cache_gives_the_same_claims_as_extraction(tmp_path: Path) -> None:
    from ravel.pipeline import load
    from tests.conftest import FIXTURES, SEEDS

    documents, report = load([str(SEEDS), str(FIXTURES)])
    with ClaimCache.open(tmp_path) as c:
        keys = {d.id: c.key(d, SETTINGS) for d in documents}
        by_doc = {d.id: tuple(x for x in report.claims if x.doc_id == d.id) for d in documents}
        c.put_many((keys[i], claims) for i, claims in by_doc.items())
    with ClaimCache.open(tmp_path) as c:
        found = c.get_many(list(keys.values()))
    assert {i: found[k] for i, k in keys.items()} == by_doc


def test_extract_cached_extracts_only_what_changed(tmp_path: Path) -> None:
    from ravel.reference import find_reference

    calls: list[str] = []

    def extract_one(doc: Document) -> Entry:
        calls.append(doc.id)
        ref = find_reference(doc.text, doc.plain, doc.format)
        return Entry(ref, claims_of(dataclasses.replace(doc, reference=ref)))

    docs = [document(f"d{i}.txt", f"{TEXT} Police said {i} more were held.") for i in range(5)]
    docs = [dataclasses.replace(d, reference=None) for d in docs]
    steps: list[int] = []
    with ClaimCache.open(tmp_path) as c:
        cold = extract_cached(docs, extract_one, cache=c, fingerprint=SETTINGS, jobs=1)
        assert calls == [d.id for d in docs]
        edited = dataclasses.replace(docs[2], text=docs[2].text + "\n", plain=docs[2].plain + "\n")
        docs[2] = edited
        warm = extract_cached(
            docs, extract_one, cache=c, fingerprint=SETTINGS, jobs=1, progress=steps.append
        )
    assert calls[5:] == ["d2.txt"]
    assert warm == cold
    assert sum(steps) == len(docs)
    assert all(e.reference is not None for e in warm)


# --- properties ------------------------------------------------------------------------------

PROPS = settings(
    max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
INT = st.integers(-(2**40), 2**40)
TEXTS = st.text(max_size=12)
OPT = st.none() | TEXTS
DATES = st.none() | st.dates()
DECIMALS = st.none() | st.decimals(allow_nan=False) | st.decimals(places=3, allow_nan=False)
MENTIONS = st.builds(Mention, INT, INT, TEXTS, TEXTS, TEXTS, OPT)
TIMEXES = st.builds(Timex, INT, INT, TEXTS, TEXTS, TEXTS, OPT, DATES, DATES)
QUANTITIES = st.builds(
    Quantity,
    INT,
    INT,
    TEXTS,
    DECIMALS,
    DECIMALS,
    st.booleans(),
    st.booleans(),
    TEXTS,
    OPT,
    OPT,
    st.none() | INT,
    st.none() | INT,
    st.booleans(),
)
ATTRIBUTIONS = st.builds(Attribution, OPT, TEXTS, INT, INT, OPT)
CLAIMS = st.builds(
    Claim,
    TEXTS,
    TEXTS,
    INT,
    INT,
    INT,
    TEXTS,
    events=st.tuples(MENTIONS) | st.just(()),
    actors=st.lists(MENTIONS, max_size=2).map(tuple),
    places=st.lists(MENTIONS, max_size=2).map(tuple),
    dates=st.lists(TIMEXES, max_size=2).map(tuple),
    quantities=st.lists(QUANTITIES, max_size=2).map(tuple),
    attributions=st.lists(ATTRIBUTIONS, max_size=2).map(tuple),
    hedges=st.lists(MENTIONS, max_size=2).map(tuple),
    negated=st.booleans(),
    quotes=st.lists(st.tuples(INT, INT), max_size=2).map(tuple),
    plain=TEXTS,
)


@PROPS
@given(st.lists(CLAIMS, max_size=3))
def test_serialization_round_trip(claims: list[Claim]) -> None:
    back = claims_from_json(claims_to_json(claims))
    assert back == tuple(claims)
    assert [c.plain for c in back] == [c.plain for c in claims]
    for a, b in zip(back, claims, strict=True):  # Decimal equality ignores the exponent
        assert [(str(q.lo), str(q.hi)) for q in a.quantities] == [
            (str(q.lo), str(q.hi)) for q in b.quantities
        ]


@PROPS
@given(st.text())
def test_cached_claims_keep_their_spans(text: str) -> None:
    doc = document("doc.txt", text)
    claims = claims_of(doc)
    back = claims_from_json(claims_to_json(claims))
    assert back == claims
    for claim in back:
        assert doc.text[claim.start : claim.end] == claim.text
        for m in (*claim.events, *claim.actors, *claim.places, *claim.dates, *claim.quantities):
            assert doc.text[m.start : m.end] == m.text


SCALARS = {"int", "str", "bool", "float", "int | None", "str | None", "bool | None"}


def test_every_structured_field_has_a_codec() -> None:
    """A field added to the model that JSON cannot round-trip (a tuple, a date) needs a codec,
    or cached claims would come back as lists and strings."""
    for cls, codecs in cache_module.FIELD_CODECS.items():
        for f in dataclasses.fields(cls):
            assert f.type in SCALARS or f.name in codecs, f"{cls.__name__}.{f.name}: {f.type}"


def test_decimal_exponent_survives() -> None:
    q = Quantity(0, 3, "1.0", Decimal("1.0"), Decimal("1E+3"))
    claim = Claim("c", "d", 0, 3, 1, "1.0", quantities=(q,))
    back = claims_from_json(claims_to_json([claim]))[0].quantities[0]
    assert (str(back.lo), str(back.hi)) == ("1.0", "1E+3")


def test_the_code_fingerprint_covers_extraction_code_only() -> None:
    import os

    import ravel
    from ravel.pipeline import _code_fingerprint

    root = Path(ravel.__file__).parent
    before = _code_fingerprint()
    for name, changes in (("align.py", False), ("extract/dates.py", True),
                          ("data/aliases.json", True)):
        path = root / name
        stat = path.stat()
        try:
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
            assert (_code_fingerprint() != before) is changes, name
        finally:
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert _code_fingerprint() == before
