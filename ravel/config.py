"""Configuration for `ravel check`: `[tool.ravel]` in pyproject.toml, or ravel.toml.

Discovery walks up from the working directory; the first folder holding a config file
wins, and within a folder ravel.toml beats .ravel.toml beats pyproject.toml (which counts
only when it has a `[tool.ravel]` table). `--config FILE` reads that file alone and
`--isolated` reads none. Keys may be spelled with hyphens or underscores, as in ruff.

Paths written in a config file (`paths`, `baseline`) and the `include`/`exclude` patterns
are relative to the folder of that file, `Config.root`; `config_paths` and
`baseline_path` turn them into paths usable from the working directory.
"""

from __future__ import annotations

import contextlib
import datetime
import difflib
import math
import os
import re
import tomllib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ravel.errors import ConfigError

CONFIG_NAMES = ("ravel.toml", ".ravel.toml", "pyproject.toml")  # precedence within a folder
FAIL_ON = ("conflict", "disputed", "compatible")  # most to least severe
DOCUMENT_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")  # as ravel.read
TYPE_NAMES = {  # TOML's names for the types tomllib returns, for messages
    str: "a string", bool: "a boolean", int: "an integer", float: "a number",
    list: "an array", dict: "a table", datetime.date: "a date",
    datetime.datetime: "a date-time", datetime.time: "a time",
}  # fmt: skip
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Config:
    paths: tuple[str, ...] = ()  # the document set when `ravel check` gets no PATHS
    include: tuple[str, ...] = ()  # gitignore-style patterns, relative to `root`
    exclude: tuple[str, ...] = ()
    fail_on: str = "conflict"  # the least severe verdict that fails the check
    kinds: Mapping[str, bool] = field(default_factory=lambda: MappingProxyType({}))
    aliases: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    align_cutoff: float | None = None
    max_bytes: int | None = None
    reference_date: datetime.date | None = None
    baseline: str | None = None  # path of a baseline file
    source: Path | None = None  # the file the config came from, None for defaults
    root: Path | None = None  # the folder paths in the config are relative to


KEYS = tuple(f.name for f in fields(Config) if f.name not in ("source", "root"))


# --- discovery and loading -------------------------------------------------------------


def find_config(start: Path) -> Path | None:
    """The config file that applies in `start`: the nearest folder upwards that has one."""
    folder = Path(os.path.abspath(start))
    for here in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = here / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_ravel_table(candidate)):
                return candidate
    return None


def load_config(
    *, explicit: Path | None = None, isolated: bool = False, cwd: Path | None = None
) -> Config:
    """The configuration in force: from `explicit`, from discovery, or the defaults."""
    cwd = Path(os.path.abspath(cwd if cwd is not None else Path.cwd()))
    if isolated and explicit is not None:
        raise ConfigError("--config and --isolated cannot be used together")
    if isolated:
        return Config()
    path = (cwd / explicit) if explicit is not None else find_config(cwd)
    if path is None:
        return Config()
    shown = _shown(path, cwd)
    table = _table(_parse(path, shown), path, shown)
    label = f"{shown}: [tool.ravel]" if path.name == "pyproject.toml" else f"{shown}:"
    values = _validate(table, label)
    return replace(Config(**values), source=path, root=path.parent)


def _has_ravel_table(pyproject: Path) -> bool:
    """Whether a pyproject.toml configures ravel (a broken one that mentions it counts)."""
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "ravel" not in text:
        return False  # cheap, and a broken pyproject.toml of another tool is not our problem
    try:
        tool = tomllib.loads(text).get("tool")
    except tomllib.TOMLDecodeError:
        return True  # report the error when it is loaded
    return isinstance(tool, dict) and "ravel" in tool


def _parse(path: Path, shown: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{shown}: config file not found") from None
    except OSError as err:
        raise ConfigError(f"{shown}: cannot read config file: {err.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{shown}: invalid TOML: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{shown}: invalid TOML: {err}") from None


def _table(document: dict[str, Any], path: Path, shown: str) -> dict[str, Any]:
    if path.name != "pyproject.toml":
        return document
    tool = document.get("tool", {})
    table = tool.get("ravel", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        raise ConfigError(f"{shown}: [tool.ravel] must be a table")
    return table


def _shown(path: Path, cwd: Path) -> str:
    """A path for messages: relative to the working directory when inside it."""
    try:
        return Path(os.path.abspath(path)).relative_to(cwd).as_posix()
    except ValueError:
        return str(path)


# --- validation ----------------------------------------------------------------------


def _validate(table: Mapping[str, Any], label: str) -> dict[str, Any]:
    """Check every key and value of a config table; return Config keyword arguments."""
    values: dict[str, Any] = {}
    spelled: dict[str, str] = {}
    for raw, value in table.items():
        key = raw.replace("-", "_")
        if key not in CHECKS:
            raise ConfigError(f"{label} unknown key {raw!r}{_did_you_mean(key)}")
        if key in spelled:
            raise ConfigError(f"{label} {raw!r} and {spelled[key]!r} are the same key")
        spelled[key] = raw
        values[key] = CHECKS[key](value, f"{label} {raw}")
    return values


def _did_you_mean(key: str) -> str:
    close = difflib.get_close_matches(key, KEYS, n=1, cutoff=0.6)
    if close:
        return f" (did you mean {close[0].replace('_', '-')!r}?)"
    return " (known keys: " + ", ".join(k.replace("_", "-") for k in KEYS) + ")"


def _type_name(value: object) -> str:
    return TYPE_NAMES.get(type(value), type(value).__name__)


def _strings(value: object, name: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)  # a lone string is a list of one, as ruff allows for `include`
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{name} must be an array of strings, not {_type_name(value)}")
    if any(not v.strip() for v in value):
        raise ConfigError(f"{name} must not contain an empty string")
    return tuple(value)


def _fail_on(value: object, name: str) -> str:
    if not isinstance(value, str) or value not in FAIL_ON:
        shown = repr(value) if isinstance(value, str) else _type_name(value)
        raise ConfigError(f"{name} must be one of {', '.join(FAIL_ON)}, not {shown}")
    return value


def _kinds(value: object, name: str) -> Mapping[str, bool]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{name} must be a table of true/false switches, not {_type_name(value)}")
    for key, switch in value.items():
        if not isinstance(switch, bool):
            raise ConfigError(f"{name}.{key} must be true or false, not {_type_name(switch)}")
    return MappingProxyType(dict(value))


def _aliases(value: object, name: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{name} must be a table, not {_type_name(value)}")
    return MappingProxyType(dict(value))


def _cutoff(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ConfigError(f"{name} must be a number from 0 to 1, not {_type_name(value)}")
    if not (math.isfinite(value) and 0 <= value <= 1):
        raise ConfigError(f"{name} must be a number from 0 to 1, not {value}")
    return float(value)


def _max_bytes(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConfigError(f"{name} must be a positive integer, not {_type_name(value)}")
    if value <= 0:
        raise ConfigError(f"{name} must be a positive integer, not {value}")
    return value


def _date(value: object, name: str) -> datetime.date:
    if isinstance(value, (datetime.datetime, datetime.time)):
        raise ConfigError(f"{name} must be a date (YYYY-MM-DD), not {_type_name(value)}")
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            if ISO_DATE.fullmatch(value.strip()):
                return datetime.date.fromisoformat(value.strip())
        raise ConfigError(f"{name} must be a date (YYYY-MM-DD), not {value!r}")
    raise ConfigError(f"{name} must be a date (YYYY-MM-DD), not {_type_name(value)}")


def _path(value: object, name: str) -> str:
    if not isinstance(value, (str, os.PathLike)) or not str(value).strip():
        raise ConfigError(f"{name} must be a file path, not {_type_name(value)}")
    return os.fspath(value) if isinstance(value, os.PathLike) else value


CHECKS: dict[str, Callable[[Any, str], Any]] = {
    "paths": _strings,
    "include": _strings,
    "exclude": _strings,
    "fail_on": _fail_on,
    "kinds": _kinds,
    "aliases": _aliases,
    "align_cutoff": _cutoff,
    "max_bytes": _max_bytes,
    "reference_date": _date,
    "baseline": _path,
}


# --- command-line values ---------------------------------------------------------------


def merge(config: Config, **cli_values: Any) -> Config:
    """`config` with the command-line values that are not None put over the file's.

    Values are checked as in a file (a bad one raises ConfigError naming the option).
    `kinds` and `aliases` are merged key by key. Paths on the command line are relative
    to the working directory; they are stored relative to `config.root` like the file's.
    """
    changes: dict[str, Any] = {}
    for raw, value in cli_values.items():
        key = raw.replace("-", "_")
        if key not in CHECKS:
            raise TypeError(f"merge() got an unknown option {raw!r}")
        if value is None:
            continue
        checked = CHECKS[key](value, "--" + key.replace("_", "-"))
        if key in ("kinds", "aliases"):
            checked = MappingProxyType({**getattr(config, key), **checked})
        elif key == "paths":
            checked = tuple(_to_root(config, p) for p in checked)
        elif key == "baseline":
            checked = _to_root(config, checked)
        changes[key] = checked
    return replace(config, **changes)


def _to_root(config: Config, path: str) -> str:
    if config.root is None or os.path.isabs(path) or path == "-":
        return path
    return os.path.relpath(os.path.abspath(path), config.root)


def _from_root(config: Config, path: str, cwd: Path | None) -> str:
    if config.root is None or os.path.isabs(path) or path == "-":
        return path
    here = os.path.abspath(cwd if cwd is not None else Path.cwd())
    if os.path.abspath(config.root) == here:
        return path  # keep the user's spelling: it becomes the documents' ids
    return os.path.relpath(os.path.join(config.root, path), here)


def config_paths(config: Config, cwd: Path | None = None) -> list[str]:
    """The configured `paths`, usable from the working directory."""
    return [_from_root(config, p, cwd) for p in config.paths]


def baseline_path(config: Config, cwd: Path | None = None) -> Path | None:
    """The configured baseline file, usable from the working directory."""
    if config.baseline is None:
        return None
    return Path(_from_root(config, config.baseline, cwd))


# --- selecting documents and kinds ------------------------------------------------------


def select_paths(config: Config, paths: Sequence[str], cwd: Path | None = None) -> list[str]:
    """Apply `include`/`exclude` to paths given relative to the working directory.

    With no patterns the paths are returned unchanged. Otherwise a folder is expanded to
    its files (hidden entries skipped, sorted) and a file found in it is kept when it
    matches an `include` pattern (with none: has a document extension) and no `exclude`
    pattern; a file named directly is kept unless it matches an `exclude` pattern.
    """
    if not config.include and not config.exclude:
        return list(paths)
    here = Path(os.path.abspath(cwd if cwd is not None else Path.cwd()))
    root = Path(os.path.abspath(config.root)) if config.root is not None else here
    include = [_compile(p) for p in config.include]
    exclude = [_compile(p) for p in config.exclude]
    selected: list[str] = []
    for path in paths:
        full = here / path
        if path != "-" and full.is_dir():
            for found in _walk(path, here):
                rel = _relative(here / found, root)
                wanted = _matches(include, rel) if include else _is_document(found)
                if wanted and not _matches(exclude, rel):
                    selected.append(found)
        elif path == "-" or not _matches(exclude, _relative(full, root)):
            selected.append(path)
    return list(dict.fromkeys(selected))


def enabled(config: Config, slot: str, kind: str) -> bool:
    """Whether findings of this slot and kind are checked: the most specific switch wins.

    For kind "quantity/off-by-one" the switches "quantity/off-by-one", "quantity" and then
    the slot are looked up in turn; a kind or slot that no switch names is enabled.
    """
    for key in _specificity(slot, kind):
        if key in config.kinds:
            return bool(config.kinds[key])
    return True


def fails(config: Config, verdict: str) -> bool:
    """Whether a finding with this verdict fails the check under `config.fail_on`."""
    if verdict not in FAIL_ON:
        return False  # agreement never fails
    return FAIL_ON.index(verdict) <= FAIL_ON.index(config.fail_on)


def _specificity(slot: str, kind: str) -> Iterator[str]:
    parts = kind.split("/") if kind else []
    for n in range(len(parts), 0, -1):
        yield "/".join(parts[:n])
    yield slot


def _is_document(path: str) -> bool:
    return os.path.splitext(path)[1].lower() in DOCUMENT_EXTENSIONS


def _relative(path: Path, root: Path) -> str:
    """`path` relative to `root` with forward slashes ("../x" when outside it)."""
    return os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")


def _walk(folder: str, here: Path) -> Iterator[str]:
    """Files under `folder`, hidden entries skipped, sorted; symlinked folders not followed."""
    base = folder.replace(os.sep, "/")
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(here / folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        rel = os.path.relpath(dirpath, here / folder)
        for name in filenames:
            if not name.startswith("."):
                sub = name if rel == "." else os.path.join(rel, name)
                found.append(sub.replace(os.sep, "/"))
    while base.startswith("./") and len(base) > 2:
        base = base[2:]  # named as ravel.read names them: "docs/a.md", "a.md"
    for sub in sorted(found):
        if base in (".", "./"):
            yield sub
        else:
            yield base + sub if base.endswith("/") else f"{base}/{sub}"


# --- gitignore-style patterns ------------------------------------------------------------

ANY_DEPTH = None  # a "**" segment: zero or more folder names
SEGMENT_TOKEN = re.compile(r"\*+|\?|\[[!^]?\]?[^\]]*\]|[^*?\[]+|\[")

Glob = tuple[re.Pattern[str] | None, ...]


def _matches(patterns: Sequence[Glob], rel: str) -> bool:
    parts = rel.split("/")
    return any(_glob_match(glob, parts) for glob in patterns)


@lru_cache(maxsize=256)
def _compile(pattern: str) -> Glob:
    """A gitignore-style pattern as a sequence of segment regexes (None for "**").

    `*` and `?` stay within one folder name, `**` spans folders, `[...]` is a class; a
    pattern without an inner "/" matches at any depth ("*.md"), one with a leading or
    inner "/" is anchored at the root; a pattern that names a folder matches everything
    under it, and a trailing "/" matches folders only (something must lie below).
    """
    text = pattern.strip().replace("\\", "/")
    folders_only = text.endswith("/")
    text = text.rstrip("/")
    text = text[2:] if text.startswith("./") else text
    anchored = "/" in text
    lead: Glob = () if anchored else (ANY_DEPTH,)
    below: Glob = (_segment("*"), ANY_DEPTH) if folders_only else (ANY_DEPTH,)
    return (*lead, *(_segment(s) for s in text.lstrip("/").split("/") if s), *below)


def _segment(text: str) -> re.Pattern[str] | None:
    if text == "**":
        return ANY_DEPTH
    return re.compile("".join(_translate(t) for t in SEGMENT_TOKEN.findall(text)), re.DOTALL)


def _translate(token: str) -> str:
    if token.startswith("*"):
        return ".*"  # within one folder name: no "/" to stop at
    if token == "?":
        return "."
    if token.startswith("[") and token.endswith("]") and len(token) > 2:
        inner = token[1:-1]
        negate = inner[0] in "!^"
        escaped = re.sub(r"([\\\[\]^])", r"\\\1", inner[1:] if negate else inner)
        translated = "[" + ("^" if negate else "") + escaped + "]"
        with contextlib.suppress(re.error):
            return re.compile(translated).pattern  # "[z-a]" is no class: literal below
    return re.escape(token)


def _glob_match(glob: Glob, parts: Sequence[str]) -> bool:
    """Match folder names against segments as an NFA: linear in the number of names."""
    states = _closure(glob, {0})
    for part in parts:
        states = _closure(
            glob,
            {
                i + (glob[i] is not ANY_DEPTH)
                for i in states
                if i < len(glob) and _step(glob[i], part)
            },
        )
        if not states:
            return False
    return len(glob) in states


def _step(segment: re.Pattern[str] | None, part: str) -> bool:
    return segment is ANY_DEPTH or segment.fullmatch(part) is not None


def _closure(glob: Glob, states: set[int]) -> set[int]:
    """Add the states reached by letting each "**" match no folder name."""
    todo = list(states)
    while todo:
        i = todo.pop()
        if i < len(glob) and glob[i] is ANY_DEPTH and i + 1 not in states:
            states.add(i + 1)
            todo.append(i + 1)
    return states
