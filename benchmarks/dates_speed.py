"""Characters per second of `tag_dates`, and of dateparser's `search_dates` as a baseline.

    python benchmarks/dates_speed.py [TARGET_CHARS]

The text is the seed articles and the TimeML fixtures' prose, repeated to a few
hundred KB. dateparser is far slower, so it is timed on a small slice (its
RELATIVE_BASE fixed, so it never reads the clock); it is optional (`.[bench]`).
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

from ravel.extract.dates import tag_dates

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = dt.date(2025, 7, 4)
TARGET = 300_000  # characters per second the tagger must reach


def corpus(target_chars: int) -> str:
    """Seeds and fixture prose, repeated to at least `target_chars` characters."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from timeml import parse_tml

    parts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    parts += [
        parse_tml(p.read_text(encoding="utf-8")).text
        for p in sorted((ROOT / "fixtures" / "timeml").glob("*.tml"))
    ]
    base = "\n\n".join(parts)
    return (base * (target_chars // max(1, len(base)) + 1))[:target_chars]


def rate(fn: object, text: str, repeat: int = 3) -> float:
    """Best characters per second over `repeat` runs."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(text)  # type: ignore[operator]
        best = min(best, time.perf_counter() - t0)
    return len(text) / best


def main(argv: list[str]) -> int:
    size = int(argv[0]) if argv else 400_000
    text = corpus(size)
    ours = rate(lambda s: tag_dates(s, REFERENCE), text)
    found = len(tag_dates(text, REFERENCE))
    print(f"tag_dates: {ours:,.0f} chars/s on {len(text):,} chars ({found} expressions)")
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser: not installed (pip install -e '.[bench]')")
        return 0 if ours >= TARGET else 1
    base = dt.datetime(REFERENCE.year, REFERENCE.month, REFERENCE.day)
    settings = {"RELATIVE_BASE": base}
    sample = text[:5_000]
    search_dates(sample[:200], languages=["en"], settings=settings)  # warm up its caches
    theirs = rate(lambda s: search_dates(s, languages=["en"], settings=settings), sample, repeat=1)
    print(f"dateparser.search_dates: {theirs:,.0f} chars/s on {len(sample):,} chars")
    print(f"ratio: {ours / theirs:,.0f}x")
    return 0 if ours >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
