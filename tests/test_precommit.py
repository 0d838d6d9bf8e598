"""The shipped pre-commit hook, run by the real pre-commit in a throw-away git repository.

pre-commit builds a virtualenv for the hook and pip-installs ravel into it, so this test
needs the package index (for ravel's dependencies) and takes some seconds; everything
else stays under tmp_path (PRE_COMMIT_HOME, virtualenv's app data). It installs a
snapshot of this checkout's working tree, uncommitted edits included.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ravel.baseline import read_baseline

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT_FILES = ("pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml")
SNAPSHOT_SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")

A_MD = (
    "# Flood\n\nOn 3 March 2024, the flood barrier on the Oder river at Ostrava collapsed, "
    "forcing the evacuation of 1,200 residents.\n"
)
B_MD = (
    "# Barrier\n\nThe Ostrava flood barrier on the Oder river collapsed on 5 March 2024 "
    "and 1,200 residents were evacuated.\n"
)
C_MD = (
    "# Ostrava\n\nThe flood barrier on the Oder river at Ostrava collapsed on 7 March 2024; "
    "1,200 residents were evacuated.\n"
)
HOOK_CONFIG = """\
repos:
  - repo: {repo}
    rev: {rev}
    hooks:
      - id: ravel
        args: [--baseline, .ravel-baseline.json]
"""

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def test_hook_fails_on_conflicts_and_passes_with_a_baseline(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit", reason="pre-commit is not installed (dev extras)")
    env = _environment(tmp_path)
    hook_repo, rev = _snapshot(tmp_path / "ravel-snapshot", env)
    repo = tmp_path / "docs-repo"
    _init_repo(repo, {"a.md": A_MD, "b.md": B_MD, "ravel.toml": 'paths = ["."]\n'}, env)

    tried = _run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(hook_repo),
            "ravel",
            "--ref",
            rev,
            "--all-files",
        ],
        repo,
        env,
    )
    assert tried.returncode == 1, tried.stdout + tried.stderr
    assert "ravel consistency check" in tried.stdout
    assert "- exit code: 1" in tried.stdout, tried.stdout  # conflicts, not a usage error
    assert "a.md" in tried.stdout
    assert "b.md" in tried.stdout

    written = _run(
        [sys.executable, "-m", "ravel", "check", "--write-baseline", ".ravel-baseline.json"],
        repo,
        env,
    )
    assert written.returncode in (0, 1), written.stderr
    assert read_baseline(repo / ".ravel-baseline.json"), "the conflict is in the baseline"

    (repo / ".pre-commit-config.yaml").write_text(
        HOOK_CONFIG.format(repo=hook_repo.as_posix(), rev=rev), encoding="utf-8"
    )
    _git(repo, env, "add", "-A")
    passed = _run([sys.executable, "-m", "pre_commit", "run", "--all-files"], repo, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout

    (repo / "c.md").write_text(C_MD, encoding="utf-8")  # a new conflict is not baselined
    _git(repo, env, "add", "-A")
    failed = _run([sys.executable, "-m", "pre_commit", "run", "--all-files"], repo, env)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "c.md" in failed.stdout


def _environment(tmp_path: Path) -> dict[str, str]:
    """pre-commit and virtualenv caches under tmp_path; git without the user's config."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRE_COMMIT", "GIT_"))}
    env.update(
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        VIRTUALENV_OVERRIDE_APP_DATA=str(tmp_path / "virtualenv-data"),
        VIRTUALENV_NO_PERIODIC_UPDATE="1",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="ravel test",
        GIT_AUTHOR_EMAIL="ravel@example.invalid",
        GIT_COMMITTER_NAME="ravel test",
        GIT_COMMITTER_EMAIL="ravel@example.invalid",
    )
    return env


def _snapshot(dest: Path, env: dict[str, str]) -> tuple[Path, str]:
    """This checkout's package and hook manifest, committed in a repository of its own."""
    dest.mkdir()
    for name in SNAPSHOT_FILES:
        if (ROOT / name).is_file():
            shutil.copy2(ROOT / name, dest / name)
    shutil.copytree(ROOT / "ravel", dest / "ravel", ignore=SNAPSHOT_SKIP)
    _git(dest, env, "init", "--quiet")
    _git(dest, env, "add", "-A")
    _git(dest, env, "commit", "--quiet", "--no-verify", "-m", "snapshot")
    rev = _run(["git", "rev-parse", "HEAD"], dest, env).stdout.strip()
    return dest, rev


def _init_repo(repo: Path, files: dict[str, str], env: dict[str, str]) -> None:
    repo.mkdir()
    for name, text in files.items():
        (repo / name).write_text(text, encoding="utf-8")
    _git(repo, env, "init", "--quiet")
    _git(repo, env, "add", "-A")


def _git(cwd: Path, env: dict[str, str], *args: str) -> None:
    result = _run(["git", *args], cwd, env)
    assert result.returncode == 0, result.stderr


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False
    )
