"""Whole-process start-up: `ravel --version` and `ravel check seeds/`, and import offenders.

    python benchmarks/startup.py [--runs N] [--top K]

Each command runs N times as a fresh process (the venv's `ravel` script, as a user or
pre-commit would run it); the median and best wall times are printed against the
targets (0.2 s and 0.5 s). Then `python -X importtime -c "from ravel.cli import main"`
with `--version` semantics: the K modules with the largest cumulative import time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAVEL = Path(sys.executable).with_name("ravel")
COMMANDS = (  # (arguments, target seconds)
    (["--version"], 0.2),
    (["check", "seeds/"], 0.5),
)
# What `ravel --version` imports: the console script's module, then the CLI callback.
VERSION_IMPORT = "import sys; sys.argv = ['ravel', '--version']; from ravel.cli import main; main()"


def wall_times(args: list[str], runs: int) -> tuple[list[float], int]:
    """Wall seconds of `runs` fresh processes, and the last exit code."""
    times, code = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(
            [str(RAVEL), *args],
            cwd=ROOT,
            capture_output=True,
            check=False,
            env={**os.environ, "NO_COLOR": "1"},
        )
        times.append(time.perf_counter() - t0)
        code = proc.returncode
    return times, code


def import_offenders(top: int) -> list[tuple[int, int, str]]:
    """(cumulative µs, self µs, module) of the slowest imports of `ravel --version`."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", VERSION_IMPORT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    rows = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        own, cumulative, name = line.removeprefix("import time:").split("|", 2)
        rows.append((int(cumulative), int(own), name.rstrip()))
    return sorted(rows, reverse=True)[:top]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="ravel start-up times.")
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args(argv)
    failed = False
    for command, target in COMMANDS:
        times, code = wall_times(command, args.runs)
        median = statistics.median(times)
        verdict = "ok" if median < target else "SLOW"
        failed |= median >= target
        print(
            f"ravel {' '.join(command):<14} median {median * 1000:6.0f} ms, best "
            f"{min(times) * 1000:6.0f} ms over {args.runs} runs (exit {code}); "
            f"target < {target * 1000:.0f} ms: {verdict}"
        )
    print("\nslowest imports of `ravel --version` (cumulative, self; ms):")
    for cumulative, own, name in import_offenders(args.top):
        print(f"  {cumulative / 1000:7.1f} {own / 1000:7.1f}  {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
