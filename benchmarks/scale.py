"""How ravel scales: the pipeline stage by stage on generated corpora of growing size.

    python benchmarks/scale.py [--sizes 100,1000,10000] [--workdir DIR] [--seed S]
                               [--jobs J] [--cli] [--timeout SECONDS] [--json FILE]

For each size a corpus is generated with benchmarks/corpus.py (or reused), then one
fresh process per size (so peak memory is that size's own) runs `ravel.pipeline`'s
stages one by one and reports: documents/s, MB/s, claims, candidate pairs scored,
wall time per stage (read, reference, sentences, claims, align, compare), peak
RSS (ru_maxrss), the planted conflicts' recall and precision, parallel extraction
(`ravel.parallel.extract_all`, checked identical to the serial result), a warm
claims-cache rerun after changing one file (`ravel.cache`), and a naive all-pairs
alignment baseline: `align_claims(all_pairs=True)` measured in full when it is
small enough, otherwise the time to score every cross-document pair of claims
with align's scorer, extrapolated from a random sample of pairs (and said so).
With `--cli`, also the whole `ravel diff` process (wall, peak RSS of the child).
The growth exponent of total time is log(t_big / t_small) / log(n_big / n_small)
between the two largest sizes.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

STAGES = ("read", "reference", "sentences", "claims", "align", "compare")
SAMPLE_PAIRS = 20_000  # cross-document pairs scored to extrapolate the naive baseline
FULL_BASELINE_MAX = 3_000_000  # run all_pairs=True in full up to this many claim pairs
FINGERPRINT = {"aliases": "default", "bench": 1}


# --- one size, in its own process ------------------------------------------------------------


def measure(n: int, corpus: Path, jobs: int, cli: bool) -> dict[str, Any]:
    """Every figure for one corpus, printed as JSON lines as they become available."""
    from ravel.align import Stories, align_claims
    from ravel.claims import extract_claims
    from ravel.extract.entities import load_aliases
    from ravel.pipeline import compare, references_of
    from ravel.read import read_documents
    from ravel.reference import find_reference
    from ravel.sentences import split_sentences

    out: dict[str, Any] = {"n": n, "stages": {}}
    aliases = load_aliases()
    timed = _timer(out)
    docs, _ = timed("read", lambda: read_documents([str(corpus / "docs")]))
    docs = timed(
        "reference",
        lambda: tuple(
            dataclasses.replace(d, reference=find_reference(d.text, d.plain, d.format))
            for d in docs
        ),
    )
    sentences = timed("sentences", lambda: [split_sentences(d) for d in docs])
    per_doc = timed(
        "claims",
        lambda: [
            extract_claims(d, s, aliases=aliases) for d, s in zip(docs, sentences, strict=True)
        ],
    )
    claims = tuple(c for cs in per_doc for c in cs)
    out["documents"] = len(docs)
    out["chars"] = sum(len(d.text) for d in docs)
    out["bytes"] = sum(os.path.getsize(d.path) for d in docs if os.path.exists(d.path))
    out["claims"] = len(claims)
    stats: dict[str, int] = {}
    stories = Stories(claims)  # as ravel.pipeline.run: shared by align and compare
    events = timed("align", lambda: align_claims(claims, stats=stats, stories=stories))
    out["candidates"] = stats.get("candidates")
    references = references_of(docs)
    events, findings = timed("compare", lambda: compare(claims, events, stories, references))
    out["events"], out["findings"] = len(events), len(findings)
    out["conflicts"] = sum(f.verdict == "conflict" for f in findings)
    out["total_s"] = sum(out["stages"].values())
    out["total_cpu_s"] = sum(out["cpu"].values())
    out["peak_rss_mb"] = _rss_mb(resource.RUSAGE_SELF)
    _emit(out)
    out["planted"] = planted_scores(findings, json.loads((corpus / "manifest.json").read_text()))
    _emit(out)

    def extract_one(doc: Any) -> Any:
        return extract_claims(doc, split_sentences(doc), aliases=aliases)

    out["parallel"] = parallel_figures(docs, per_doc, extract_one, jobs)
    _emit(out)
    out["cache"] = cache_figures(corpus, docs, claims, findings, extract_one)
    _emit(out)
    out["baseline"] = baseline(claims, out["stages"]["align"], findings)
    _emit(out)
    if cli:
        out["cli"] = cli_figures(corpus / "docs")
        _emit(out)
    return out


def _timer(out: dict[str, Any]) -> Callable[[str, Callable[[], Any]], Any]:
    def timed(stage: str, fn: Callable[[], Any]) -> Any:
        t0, c0 = time.perf_counter(), _cpu()
        result = fn()
        out["stages"][stage] = time.perf_counter() - t0
        out.setdefault("cpu", {})[stage] = _cpu() - c0
        out["peak_rss_mb"] = _rss_mb(resource.RUSAGE_SELF)
        _emit(out)
        return result

    return timed


def _emit(out: dict[str, Any]) -> None:
    print(json.dumps(out, default=str), flush=True)


def _cpu() -> float:
    """CPU seconds of this process and its reaped children: wall time on a shared machine
    says how busy the machine was as much as how much work was done."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


# --- planted conflicts -----------------------------------------------------------------------

SLOT_OF_KIND = {"date": "date", "polarity": "polarity"}  # other planted kinds are counts


def planted_scores(findings: Sequence[Any], manifest: dict[str, Any]) -> dict[str, Any]:
    """Recall and precision of conflict findings against the planted conflicts, by pair of
    documents and slot. Recall counts the pairs stated at comparable precision; precision
    also accepts the pairs where a vaguer statement is contradicted. Any other conflict is
    false: between documents of different stories (misalignment) or within one story."""
    story_of = {name: s["story"] for s in manifest["stories"] for name in s["documents"]}
    planted = {
        (SLOT_OF_KIND.get(c["kind"], "quantity"), frozenset((c["document"], a["document"])))
        for c in manifest["conflicts"]
        for a in c["against"]
    }
    acceptable = planted | {
        (SLOT_OF_KIND.get(c["kind"], "quantity"), frozenset((c["document"], a["document"])))
        for c in manifest["conflicts"]
        for a in c.get("also", ())
    }
    found = set()
    for f in findings:
        if f.verdict != "conflict":
            continue
        slot = "polarity" if f.kind == "polarity" else f.slot
        names = sorted({Path(s.claim.doc_id).name for s in f.sides})
        found |= {(slot, frozenset((a, b))) for a in names for b in names if a < b}
    hits = planted & found
    wrong = found - acceptable
    stories = [frozenset(story_of.get(d) for d in pair) for _, pair in wrong]
    cross = sum(1 for pair in stories if len(pair) > 1)
    same_day = {  # trap: another event on the same day in the same city
        frozenset((t["story"], int(t["trap"].rsplit(":", 1)[1])))
        for t in manifest["traps"]
        if t["trap"].startswith("same-day-same-city:")
    }
    by_kind = {}
    for kind in ("date", "quantity", "polarity"):
        mine = {p for p in planted if p[0] == kind}
        by_kind[kind] = f"{len(mine & found)}/{len(mine)}"
    return {
        "planted_pairs": len(planted),
        "found_pairs": len(found),
        "recall": len(hits) / len(planted) if planted else None,
        "precision": len(found & acceptable) / len(found) if found else None,
        "false_cross_story": cross,
        "false_same_story": len(wrong) - cross,
        "false_in_same_day_traps": sum(1 for pair in stories if pair in same_day),
        "recall_by_kind": by_kind,
    }


# --- parallel extraction, cache, baseline, CLI ------------------------------------------------


def parallel_figures(
    docs: Sequence[Any], serial: list[Any], extract_one: Any, jobs: int
) -> dict[str, Any]:
    from ravel.parallel import extract_all

    t0, c0 = time.perf_counter(), _cpu()
    result = extract_all(docs, extract_one, jobs=jobs, always=True)
    wall = time.perf_counter() - t0
    same = result == [tuple(x) for x in serial]
    return {
        "jobs": jobs,
        "extract_s": wall,
        "extract_cpu_s": _cpu() - c0,
        "identical": same,
        "children_peak_rss_mb": _rss_mb(resource.RUSAGE_CHILDREN),
    }


def cache_figures(
    corpus: Path,
    docs: Sequence[Any],
    claims: Sequence[Any],
    findings: Sequence[Any],
    extract_one: Any,
) -> dict[str, Any]:
    """Fill a claims cache from the cold run, change one file, and time the warm rerun:
    read every file, look every document up, extract the one that changed, align, compare."""
    from ravel.cache import ClaimCache, extract_cached, fingerprint
    from ravel.pipeline import align_and_compare
    from ravel.read import read_documents

    with tempfile.TemporaryDirectory() as tmp:
        cache = ClaimCache.open(Path(tmp))
        settings = fingerprint(FINGERPRINT)
        by_doc: dict[str, list[Any]] = {d.id: [] for d in docs}
        for c in claims:
            by_doc[c.doc_id].append(c)
        t0 = time.perf_counter()
        keys = {d.id: cache.key(d, settings) for d in docs}
        cache.put_many(
            ((keys[d.id], by_doc[d.id]) for d in docs),
            references={keys[d.id]: d.reference for d in docs},
        )
        fill = time.perf_counter() - t0
        t0 = time.perf_counter()
        fresh, _ = read_documents([str(corpus / "docs")])
        first = fresh[0]  # "edited": one line more at the end; its claims stay the same
        fresh = (
            dataclasses.replace(first, text=first.text + "\n", plain=first.plain + "\n"),
            *fresh[1:],
        )
        entries = extract_cached(
            fresh, _with_reference(extract_one), cache=cache, fingerprint=settings
        )
        extracted = time.perf_counter() - t0
        references = {
            d.id: e.reference.date if e.reference else None
            for d, e in zip(fresh, entries, strict=True)
        }
        _, rerun_findings = align_and_compare(
            [c for e in entries for c in e.claims], references=references
        )
        rerun = time.perf_counter() - t0
        size = sum(f.stat().st_size for f in Path(tmp).iterdir())  # the WAL too
        out = {
            "fill_s": fill,
            "warm_rerun_s": rerun,
            "warm_read_and_extract_s": extracted,
            "hits": cache.hits,
            "misses": cache.misses,
            "db_mb": size / 2**20,
            "identical": rerun_findings == tuple(findings),
            "notes": cache.notes,
        }
        cache.close()
    return out


def _with_reference(extract_one: Any) -> Callable[[Any], Any]:
    """Per document: find the reference date, then the claims (what a cache miss costs)."""
    from ravel.cache import Entry
    from ravel.reference import find_reference

    def extract(doc: Any) -> Any:
        ref = find_reference(doc.text, doc.plain, doc.format)
        return Entry(ref, tuple(extract_one(dataclasses.replace(doc, reference=ref))))

    return extract


def baseline(claims: Sequence[Any], blocked_s: float, blocked: Sequence[Any]) -> dict[str, Any]:
    """Naive alignment: every cross-document pair of claims scored with align's scorer."""
    from ravel import align
    from ravel.pipeline import align_and_compare

    per_doc: dict[str, int] = {}
    for c in claims:
        per_doc[c.doc_id] = per_doc.get(c.doc_id, 0) + 1
    total_pairs = (len(claims) ** 2 - sum(k * k for k in per_doc.values())) // 2
    out: dict[str, Any] = {"cross_document_pairs": total_pairs}
    if total_pairs <= FULL_BASELINE_MAX:
        t0 = time.perf_counter()
        _, naive = align_and_compare(claims, all_pairs=True)
        out["all_pairs_align_s"] = time.perf_counter() - t0
        out["all_pairs_identical"] = naive == tuple(blocked)
    features = [align._features(c) for c in claims]  # private: the scorer align uses
    idf = align._idf(features)
    rng = random.Random(0)
    sample = []
    while len(sample) < min(SAMPLE_PAIRS, total_pairs):
        i, j = rng.randrange(len(features)), rng.randrange(len(features))
        if features[i].claim.doc_id != features[j].claim.doc_id:
            sample.append((features[i], features[j]))
    t0 = time.perf_counter()
    for a, b in sample:
        align._score(a, b, idf)
    rate = len(sample) / max(time.perf_counter() - t0, 1e-9)
    out.update(
        {
            "sampled_pairs": len(sample),
            "pairs_per_s": rate,
            "naive_score_s": total_pairs / rate,
            "extrapolated": len(sample) < total_pairs,
            "ratio_naive_to_blocked_align": (total_pairs / rate) / max(blocked_s, 1e-9),
        }
    )
    return out


def cli_figures(docs: Path) -> dict[str, Any]:
    """The whole `ravel diff` process: wall time and the child's peak RSS."""
    exe = Path(sys.executable).with_name("ravel")
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", RSS_OF_CHILD, str(exe), "diff", str(docs), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    rc, rss_kib = (int(x) for x in proc.stdout.split()[-2:])
    return {
        "wall_s": time.perf_counter() - t0,
        "exit": rc,
        "peak_rss_mb": rss_kib / 1024,
        "stderr": proc.stderr.strip().splitlines()[-1:] if rc > 1 else [],
    }


# Runs a command in a fresh wrapper, so RUSAGE_CHILDREN is that command's own peak (and its
# workers'), not the peak of this benchmark's forked workers.
RSS_OF_CHILD = (
    "import resource, subprocess, sys\n"
    "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


# --- the driver ------------------------------------------------------------------------------


def ensure_corpus(n: int, workdir: Path, seed: int) -> Path:
    from corpus import generate

    corpus = workdir / f"corpus-{n}-seed{seed}"
    manifest = corpus / "manifest.json"
    if manifest.exists() and json.loads(manifest.read_text()).get("documents") == n:
        return corpus
    t0 = time.perf_counter()
    generate(n, corpus, seed)
    print(f"generated {n} documents in {time.perf_counter() - t0:.1f} s: {corpus}", file=sys.stderr)
    return corpus


def run_size(n: int, corpus: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Measure in a child process; on timeout keep what it reported so far."""
    cmd = [sys.executable, __file__, "--one", str(n), "--corpus", str(corpus)]
    cmd += ["--jobs", str(args.jobs), "--max-memory-gb", str(args.max_memory_gb)]
    cmd += ["--cli"] * args.cli
    last: dict[str, Any] = {"n": n, "stages": {}}
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) as proc:
        timer = threading.Timer(args.timeout, proc.kill)
        timer.start()
        assert proc.stdout is not None
        for line in proc.stdout:
            last = json.loads(line)
        timer.cancel()
        code = proc.wait()
    if code != 0:
        last["failed"] = "timed out" if code == -9 else f"exit {code}"
    return last


def report_size(r: dict[str, Any]) -> None:
    """The figures of one corpus size, as text."""
    failed = f"  ({r['failed'].upper()}: partial)" if r.get("failed") else ""
    print(f"\n== {r['n']:,} documents{failed}")
    total = r.get("total_s") or sum(r["stages"].values())
    cpu = r.get("total_cpu_s") or sum(r.get("cpu", {}).values())
    mb = r.get("bytes", 0) / 2**20
    if "events" in r:
        print(
            f"  {r['documents'] / total:,.0f} documents/s, {mb / total:.2f} MB/s "
            f"({mb:.1f} MB), {r['claims']:,} claims, {r['candidates'] or 0:,} candidate "
            f"pairs scored, {r['events']:,} events, {r['conflicts']:,} conflicts"
        )
    print(
        "  wall (cpu): "
        + ", ".join(
            f"{k} {v:.2f} ({r.get('cpu', {}).get(k, 0):.2f})" for k, v in r["stages"].items()
        )
        + f"; total {total:.2f} s ({cpu:.2f} s cpu); {r.get('claims', 0):,} claims; "
        f"peak RSS {r.get('peak_rss_mb', 0):.0f} MB"
    )
    if p := r.get("planted"):
        print(
            f"  planted conflicts: recall {_pct(p['recall'])} ({p['recall_by_kind']}), "
            f"precision {_pct(p['precision'])} of {p['found_pairs']:,} found pairs "
            f"({p['false_cross_story']:,} false across stories, of which "
            f"{p.get('false_in_same_day_traps', 0):,} between same-day same-city stories; "
            f"{p['false_same_story']:,} within a story)"
        )
    if q := r.get("parallel"):
        print(
            f"  extract_all jobs={q['jobs']}: {q['extract_s']:.2f} s "
            f"({q['extract_cpu_s']:.2f} s cpu) vs serial "
            f"{r['stages']['sentences'] + r['stages']['claims']:.2f} s; identical "
            f"{q['identical']}; workers' peak RSS {q['children_peak_rss_mb']:.0f} MB"
        )
    if c := r.get("cache"):
        print(
            f"  cache: fill {c['fill_s']:.2f} s; warm rerun (read, look up, align, compare) "
            f"after changing 1 file {c['warm_rerun_s']:.2f} s, of which read + look up + "
            f"extract {c['warm_read_and_extract_s']:.2f} s ({c['hits']} hits, "
            f"{c['misses']} miss), "
            f"{c['db_mb']:.1f} MB on disk, identical {c['identical']} {c['notes'] or ''}"
        )
    if b := r.get("baseline"):
        how = (
            f"extrapolated from {b['sampled_pairs']:,} sampled pairs"
            if b["extrapolated"]
            else "every pair scored"
        )
        full = (
            f"; align(all_pairs=True) {b['all_pairs_align_s']:.2f} s, findings "
            f"identical {b['all_pairs_identical']}"
            if "all_pairs_align_s" in b
            else ""
        )
        print(
            f"  naive all-pairs: {b['cross_document_pairs']:,} pairs at "
            f"{b['pairs_per_s']:,.0f}/s = {b['naive_score_s']:,.1f} s ({how}), "
            f"{b['ratio_naive_to_blocked_align']:,.1f}x the blocked align stage{full}"
        )
    if k := r.get("cli"):
        print(
            f"  ravel diff (whole process): {k['wall_s']:.2f} s, exit {k['exit']}, "
            f"peak RSS {k['peak_rss_mb']:.0f} MB {k['stderr'] or ''}"
        )


def report_growth(results: list[dict[str, Any]]) -> None:
    """Growth exponents between the two largest sizes: of the total where both finished,
    and of each stage both reached (so a size that fails late still says which stage grows)."""
    if len(results) < 2:
        return
    a, b = results[-2], results[-1]
    scale = math.log(b["n"] / a["n"])

    def exponent(x: float, y: float) -> str:
        return f"{math.log(y / x) / scale:.2f}" if x > 0 and y > 0 else "n/a"

    head = f"\ngrowth exponent, {a['n']:,} -> {b['n']:,} documents"
    if "total_s" in a and "total_s" in b and not b.get("failed"):
        print(
            f"{head}: total {exponent(a['total_s'], b['total_s'])} (wall), "
            f"{exponent(a['total_cpu_s'], b['total_cpu_s'])} (cpu)"
        )
    stages = [k for k in STAGES if k in a.get("cpu", {}) and k in b.get("cpu", {})]
    print(
        f"{head}, per stage (cpu): "
        + ", ".join(f"{k} {exponent(a['cpu'][k], b['cpu'][k])}" for k in stages)
    )


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.0f}%"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="ravel at scale, stage by stage.")
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "ravel-bench")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--cli", action="store_true", help="also time the whole `ravel diff`")
    parser.add_argument("--timeout", type=float, default=1800, help="per size, in seconds")
    parser.add_argument("--json", type=Path, help="write the raw figures here")
    parser.add_argument(
        "--max-memory-gb",
        type=float,
        default=8.0,
        help="address-space limit of each size's process",
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one is not None:
        limit = int(args.max_memory_gb * 2**30)  # fail this size, not the machine
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        measure(args.one, args.corpus, args.jobs, args.cli)
        return 0
    results = []
    for n in (int(x.replace("_", "")) for x in args.sizes.split(",")):
        results.append(run_size(n, ensure_corpus(n, args.workdir, args.seed), args))
        report_size(results[-1])
    report_growth(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
