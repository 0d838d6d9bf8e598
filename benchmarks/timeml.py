"""Score `tag_dates` on TimeML files the way TempEval-3 scores temporal expressions.

    python benchmarks/timeml.py [--via-cli] [--errors] FILES_OR_DIRS...

Each `.tml` file's TIMEX3 tags inside <TEXT> are the gold standard; the tags are
stripped to plain text (entities decoded) with the gold spans mapped onto it, and
the tagger runs with the <DCT>'s TIMEX3 value as its reference date. Printed per
file and overall: strict span P/R/F1 (same extent), relaxed span P/R/F1 (any
overlap), type accuracy over relaxed matches, and value F1 (relaxed match with
the same value, as TempEval-3's scorer counts attribute F1).

`--via-cli` scores what `ravel dates FILE --reference-date DCT --json` prints for each
document's plain text written to a temporary file (the path an outside evaluation
takes) instead of calling `tag_dates` in process; `--errors` lists each miss.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ravel.extract.dates import tag_dates
from ravel.model import Timex

TEXT_RE = re.compile(r"<TEXT>(?P<body>.*?)</TEXT>", re.DOTALL | re.IGNORECASE)
DCT_RE = re.compile(r"<DCT>\s*<TIMEX3\b[^>]*?\bvalue\s*=\s*\"(?P<v>[^\"]+)\"", re.IGNORECASE)
TAG_RE = re.compile(r"<(?P<close>/?)(?P<name>[A-Za-z0-9_]+)(?P<attrs>[^>]*)>")
ATTR_RE = re.compile(r"(?P<k>[A-Za-z_:]+)\s*=\s*\"(?P<v>[^\"]*)\"")


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    name: str
    text: str
    dct: dt.date | None
    gold: tuple[Gold, ...]


@dataclass(frozen=True, slots=True)
class Counts:
    """Tallies from which every score is computed; they add up over files."""

    gold: int = 0
    system: int = 0
    strict: int = 0  # gold spans matched exactly
    relaxed: int = 0  # gold spans overlapped by a system span
    type_ok: int = 0  # relaxed matches with the right type
    value_ok: int = 0  # relaxed matches with the right value

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(_fields(self), _fields(other), strict=True)))


def _fields(c: Counts) -> tuple[int, ...]:
    return (c.gold, c.system, c.strict, c.relaxed, c.type_ok, c.value_ok)


def parse_tml(source: str, name: str = "") -> TimeMLDoc:
    """The plain text of <TEXT>, its gold TIMEX3 spans and the creation date."""
    body = TEXT_RE.search(source)
    content = body.group("body") if body else ""
    parts: list[str] = []
    length = 0
    open_tags: list[tuple[int, dict[str, str]]] = []
    gold: list[Gold] = []
    pos = 0
    for tag in TAG_RE.finditer(content):
        chunk = html.unescape(content[pos : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = tag.end()
        if tag.group("name").upper() != "TIMEX3":
            continue
        if not tag.group("close"):
            open_tags.append((length, dict(ATTR_RE.findall(tag.group("attrs")))))
        elif open_tags:
            start, attrs = open_tags.pop()
            gold.append(Gold(start, length, "", attrs.get("type", ""), attrs.get("value", "")))
    parts.append(html.unescape(content[pos:]))
    text = "".join(parts)
    spans = sorted(gold, key=lambda g: (g.start, g.end))
    gold = [Gold(g.start, g.end, text[g.start : g.end], g.type, g.value) for g in spans]
    return TimeMLDoc(name, text, _dct(source), tuple(gold))


def _dct(source: str) -> dt.date | None:
    m = DCT_RE.search(source)
    try:
        return dt.date.fromisoformat(m.group("v")[:10]) if m else None
    except ValueError:
        return None


def _overlaps(g: Gold, t: Timex) -> bool:
    return g.start < t.end and t.start < g.end


def score(gold: tuple[Gold, ...], system: tuple[Timex, ...]) -> Counts:
    """Match each gold expression to at most one system expression, exact first."""
    used: set[int] = set()
    strict = relaxed = type_ok = value_ok = 0
    for g in gold:
        exact = [i for i, t in enumerate(system) if (t.start, t.end) == (g.start, g.end)]
        near = [i for i, t in enumerate(system) if i not in used and _overlaps(g, t)]
        pick = next((i for i in exact if i not in used), near[0] if near else None)
        if pick is None:
            continue
        used.add(pick)
        t = system[pick]
        relaxed += 1
        strict += (t.start, t.end) == (g.start, g.end)
        type_ok += t.type == g.type
        value_ok += t.value == g.value
    return Counts(len(gold), len(system), strict, relaxed, type_ok, value_ok)


def f1(matched: int, system: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 in percent."""
    p = 100 * matched / system if system else 0.0
    r = 100 * matched / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def summary(c: Counts) -> dict[str, float]:
    sp, sr, sf = f1(c.strict, c.system, c.gold)
    rp, rr, rf = f1(c.relaxed, c.system, c.gold)
    return {
        "strict_p": sp, "strict_r": sr, "strict_f1": sf,
        "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
        "type_acc": 100 * c.type_ok / c.relaxed if c.relaxed else 0.0,
        "value_f1": f1(c.value_ok, c.system, c.gold)[2],
    }  # fmt: skip


def evaluate(doc: TimeMLDoc, *, via_cli: bool = False) -> tuple[Counts, tuple[Timex, ...]]:
    system = run_cli(doc) if via_cli else tag_dates(doc.text, doc.dct)
    return score(doc.gold, system), system


def run_cli(doc: TimeMLDoc) -> tuple[Timex, ...]:
    """The expressions `ravel dates --json` finds in the document's text, read from a file."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{doc.name or 'doc'}.txt"
        path.write_text(doc.text, encoding="utf-8")
        cmd = [sys.executable, "-m", "ravel", "dates", str(path), "--json"]
        if doc.dct is not None:
            cmd += ["--reference-date", doc.dct.isoformat()]
        done = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", check=False)
    if done.returncode != 0:
        raise RuntimeError(f"ravel dates failed on {doc.name}: {done.stderr.strip()}")
    report = json.loads(done.stdout)
    return tuple(
        Timex(d["start"], d["end"], d["text"], d["type"], d["value"], d.get("mod"))
        for document in report["documents"]
        for d in document["dates"]
    )


def errors(doc: TimeMLDoc, system: tuple[Timex, ...]) -> list[str]:
    """One line per gold expression missed or mis-valued and per spurious one."""
    exact = {(t.start, t.end): t for t in system}
    lines = []
    for g in doc.gold:
        t = exact.get((g.start, g.end))
        near = [x for x in system if x.start < g.end and g.start < x.end]
        if t is None:
            got = ", ".join(f"{x.text!r}={x.value}" for x in near) or "nothing"
            lines.append(f"  span   {g.text!r} {g.type} {g.value}: got {got}")
        elif (t.type, t.value) != (g.type, g.value):
            lines.append(f"  value  {g.text!r} {g.type} {g.value}: got {t.type} {t.value}")
    for t in system:
        if not any(g.start < t.end and t.start < g.end for g in doc.gold):
            lines.append(f"  extra  {t.text!r} {t.type} {t.value}")
    return lines


def _files(args: list[str]) -> list[Path]:
    out: list[Path] = []
    for a in args:
        p = Path(a)
        out.extend(sorted(p.rglob("*.tml")) if p.is_dir() else [p])
    return out


def _line(name: str, c: Counts) -> str:
    s = summary(c)
    return (
        f"{name:<32} gold {c.gold:4d} sys {c.system:4d}  strict {s['strict_f1']:5.1f}  "
        f"relaxed {s['relaxed_f1']:5.1f}  type {s['type_acc']:5.1f}  value {s['value_f1']:5.1f}"
    )


def main(argv: list[str]) -> int:
    flags = {a for a in argv if a.startswith("--")}
    files = _files([a for a in argv if not a.startswith("--")])
    if not files or flags - {"--via-cli", "--errors"}:
        print("usage: python benchmarks/timeml.py [--via-cli] [--errors] FILES_OR_DIRS...",
              file=sys.stderr)  # fmt: skip
        return 2
    total = Counts()
    for path in files:
        doc = parse_tml(path.read_text(encoding="utf-8"), path.stem)
        counts, system = evaluate(doc, via_cli="--via-cli" in flags)
        total = total + counts
        print(_line(path.name, counts))
        if "--errors" in flags:
            print("\n".join(errors(doc, system)) or "  (no errors)")
    s = summary(total)
    print(_line("OVERALL", total))
    print(f"strict P/R {s['strict_p']:.1f}/{s['strict_r']:.1f}  "
          f"relaxed P/R {s['relaxed_p']:.1f}/{s['relaxed_r']:.1f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
