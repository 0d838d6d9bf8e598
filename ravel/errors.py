"""Errors the library raises, and the exit codes the CLI maps them to."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1  # findings at or above the failing severity (a failed hook)
    USAGE = 2  # bad options, bad config, or no readable input
    INTERNAL = 3  # a bug in ravel
    INTERRUPTED = 130


class RavelError(Exception):
    """An error whose message is safe to show a user as one line."""

    exit_code = ExitCode.USAGE


class InputError(RavelError):
    """A document could not be read."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class NoDocumentsError(RavelError):
    """Nothing readable was left to compare; `problems` says why, file by file."""

    def __init__(self, message: str, problems: tuple[object, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


class ConfigError(RavelError):
    """A configuration file or option is invalid."""
