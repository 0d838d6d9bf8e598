"""The README stays true: its commands exist, its examples match real output."""

from __future__ import annotations

import re
import subprocess
import sys

from typer.testing import CliRunner

from ravel.cli import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands() -> None:
    first = [line.strip() for line in README.splitlines()[2:4]]
    assert first[0].endswith("ravel diff seeds/")
    assert first[1].endswith("python -m pytest -q")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest -q" in ci


def test_every_command_is_documented() -> None:
    listing = CliRunner().invoke(app, ["--help"]).stdout.split("Commands:")[1]
    commands = re.findall(r"^  (\w+)\s", listing, re.M)
    assert {"diff", "claims", "dates", "check"} <= set(commands)
    for command in commands:
        assert f"ravel {command}" in README, command


def test_readme_line_examples_are_real_output() -> None:
    for command, block in re.findall(r"\$ (ravel [^\n]+--format line)\n(.*?)\n(?:\.\.\.|```)",
                                     README, re.S):
        if "check" in command:
            continue  # shortened with "..." in the README
        args = command.split()[1:]
        out = subprocess.run([sys.executable, "-m", "ravel", *args], cwd=ROOT,
                             capture_output=True, text=True, check=False).stdout
        for line in block.splitlines():
            assert line in out.splitlines(), line
