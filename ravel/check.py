"""`ravel check`: the diff run as a consistency check, with config, suppressions and a baseline.

`run_check` decides which findings fail; the CLI only prints them and picks the exit code.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ravel import pipeline
from ravel.baseline import new_findings, read_baseline, write_baseline
from ravel.config import Config, baseline_path, config_paths, enabled, fails, select_paths
from ravel.model import Finding, Report
from ravel.suppress import apply_suppressions


@dataclass(frozen=True, slots=True)
class CheckResult:
    report: Report  # with `findings` narrowed to the reported ones
    failing: tuple[Finding, ...]  # reported findings at or above the failing severity
    suppressed: int  # findings hidden by inline directives
    baselined: int  # findings already in the baseline


def run_check(
    paths: Sequence[str],
    config: Config,
    *,
    strict: bool = False,
    write_baseline_to: Path | None = None,
    stdin: BinaryIO | None = None,
    progress: pipeline.Progress | None = None,
    options: pipeline.Options | None = None,
) -> CheckResult:
    """Run the diff over the configured document set and keep what the check reports."""
    chosen = select_paths(config, list(paths) or config_paths(config) or ["."])
    report = pipeline.run(chosen, _options(config, strict, options or pipeline.Options()),
                          stdin=stdin,
                          progress=progress)
    findings = [f for f in report.findings if enabled(config, f.slot, f.kind)]
    findings = [f for f in findings if fails(config, f.verdict)]
    kept, suppressed = apply_suppressions(findings, report.documents)
    if write_baseline_to is not None:
        write_baseline(write_baseline_to, kept)
    baseline = baseline_path(config)
    reported = new_findings(kept, read_baseline(baseline)) if baseline else kept
    return CheckResult(
        report=dataclasses.replace(report, findings=reported),
        failing=reported,
        suppressed=len(suppressed),
        baselined=len(kept) - len(reported),
    )


def _options(config: Config, strict: bool, base: pipeline.Options) -> pipeline.Options:
    options = dataclasses.replace(base, strict=strict, reference_date=config.reference_date)
    if config.max_bytes is not None:
        options = dataclasses.replace(options, max_bytes=config.max_bytes)
    if config.align_cutoff is not None:
        options = dataclasses.replace(options, align_cutoff=config.align_cutoff)
    if config.aliases:
        options = dataclasses.replace(options, aliases=dict(config.aliases))
    return options
