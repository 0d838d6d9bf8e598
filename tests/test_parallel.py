from __future__ import annotations

import os
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ravel import parallel
from ravel.align import align_claims
from ravel.compare import compare_events
from ravel.model import Claim, Document
from ravel.parallel import chunk_bounds, extract_all, should_parallelize
from ravel.pipeline import read
from tests.conftest import FIXTURES, SEEDS
from tests.helpers import claims_of, document

# (total characters, documents, jobs, parallel?, why)
CASES = [
    (10_000, 3, 2, False, "a pre-commit run: a pool would only add start-up time"),
    (3_000_000, 50, 2, True, "more than 2 MB"),
    (500_000, 201, 2, True, "more than 200 documents"),
    (500_000, 200, 2, False, "200 documents and 0.5 MB: not worth it"),
    (3_000_000, 500, 1, False, "one job is serial"),
    (3_000_000, 1, 4, False, "one document cannot be split"),
    (0, 0, 4, False, "nothing to do"),
]
assert len({c[:3] for c in CASES}) == len(CASES)


@pytest.mark.parametrize(
    ("chars", "docs", "jobs", "expected", "why"), CASES, ids=[c[4] for c in CASES]
)
def test_should_parallelize(chars: int, docs: int, jobs: int, expected: bool, why: str) -> None:
    assert should_parallelize(chars, docs, jobs) == expected, why


def test_default_jobs_is_the_usable_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    assert parallel.default_jobs() >= 1
    monkeypatch.setattr(parallel, "default_jobs", lambda: 1)
    assert not should_parallelize(10**9, 10**6)


@pytest.fixture(scope="module")
def documents() -> tuple[Document, ...]:
    docs, _ = read([str(SEEDS), str(FIXTURES)])
    return docs


def test_two_jobs_give_the_claims_and_findings_of_one(documents: Sequence[Document]) -> None:
    serial = extract_all(documents, claims_of, jobs=1)
    pooled = extract_all(documents, claims_of, jobs=2, always=True)
    assert pooled == serial
    assert [c.plain for cs in pooled for c in cs] == [c.plain for cs in serial for c in cs]
    assert serial == [claims_of(d) for d in documents]

    def findings(per_doc: list[tuple[Claim, ...]]) -> object:
        return compare_events(align_claims([c for cs in per_doc for c in cs]))

    assert findings(pooled) == findings(serial)


def _dies_in_a_worker(doc: Document) -> tuple[Claim, ...]:
    if os.getpid() != PARENT:
        os._exit(1)  # a worker killed mid-task: the pool breaks
    return claims_of(doc)


PARENT = os.getpid()


def test_broken_pool_falls_back_to_serial(documents: Sequence[Document]) -> None:
    steps: list[int] = []
    result = extract_all(documents, _dies_in_a_worker, jobs=2, always=True, progress=steps.append)
    assert result == [claims_of(d) for d in documents]
    assert sum(steps) == len(documents)


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_counts_every_document(documents: Sequence[Document], jobs: int) -> None:
    steps: list[int] = []
    extract_all(documents, claims_of, jobs=jobs, always=True, progress=steps.append)
    assert sum(steps) == len(documents)
    assert all(n > 0 for n in steps)


def test_cannot_fork_runs_serially(
    documents: Sequence[Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "_can_fork", lambda: False)
    assert extract_all(documents[:3], _dies_in_a_worker, jobs=2, always=True) == [
        claims_of(d) for d in documents[:3]
    ]


def test_order_is_input_order() -> None:
    docs = [
        document(f"d{i}.txt", f"On {i % 28 + 1} May 2024, police arrested {i} men.")
        for i in range(60)
    ]
    result = extract_all(docs, claims_of, jobs=2, always=True)
    assert [cs[0].doc_id for cs in result] == [d.id for d in docs]
    assert parallel._TASKS == {}  # the inherited work is dropped once the pool is done


def test_worker_errors_are_raised() -> None:
    def fails(doc: Document) -> tuple[Claim, ...]:
        raise ValueError(doc.id)

    docs = [document(f"d{i}.txt", "text") for i in range(4)]
    with pytest.raises(ValueError, match=r"d0\.txt"):
        extract_all(docs, fails, jobs=2, always=True)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.integers(0, 50), max_size=40), st.integers(1, 20))
def test_chunks_cover_the_documents_in_order(sizes: list[int], n_chunks: int) -> None:
    bounds = chunk_bounds(sizes, n_chunks)
    assert [i for s, e in bounds for i in range(s, e)] == list(range(len(sizes)))
    assert all(s < e for s, e in bounds)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.text(), min_size=1, max_size=3))
def test_claims_of_arbitrary_text_keep_their_spans(texts: list[str]) -> None:
    docs = [document(f"d{i}.txt", t) for i, t in enumerate(texts)]
    for doc, claims in zip(docs, extract_all(docs, claims_of, jobs=1), strict=True):
        for claim in claims:
            assert doc.text[claim.start : claim.end] == claim.text
