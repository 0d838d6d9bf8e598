from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ravel.config import (
    Config,
    baseline_path,
    config_paths,
    enabled,
    fails,
    find_config,
    load_config,
    merge,
    select_paths,
)
from ravel.errors import ConfigError

# (ravel.toml text, expected Config fields or the exact one-line error, why)
CASES: list[tuple[str, dict[str, Any] | str, str]] = [
    ("", {}, "an empty file gives the defaults"),
    ('fail-on = "disputed"', {"fail_on": "disputed"}, "hyphenated key"),
    ('fail_on = "compatible"', {"fail_on": "compatible"}, "underscored key"),
    (
        'fail-on = "warn"',
        "ravel.toml: fail-on must be one of conflict, disputed, compatible, not 'warn'",
        "a bad fail_on value names the choices",
    ),
    (
        "fail-on = 1",
        "ravel.toml: fail-on must be one of conflict, disputed, compatible, not an integer",
        "a wrong type for fail_on",
    ),
    (
        'fial-on = "conflict"',
        "ravel.toml: unknown key 'fial-on' (did you mean 'fail-on'?)",
        "a misspelt key gets a suggestion",
    ),
    (
        "colour = true",
        "ravel.toml: unknown key 'colour' (known keys: paths, include, exclude, "
        "fail-on, kinds, aliases, align-cutoff, max-bytes, reference-date, baseline)",
        "an unknown key lists the known ones",
    ),
    (
        'fail-on = "conflict"\nfail_on = "conflict"',
        "ravel.toml: 'fail_on' and 'fail-on' are the same key",
        "one key spelt two ways",
    ),
    ('paths = ["docs", "news/*.md"]', {"paths": ("docs", "news/*.md")}, "paths array"),
    ('paths = "docs"', {"paths": ("docs",)}, "a lone string is an array of one"),
    (
        "paths = [1]",
        "ravel.toml: paths must be an array of strings, not an array",
        "paths of the wrong type",
    ),
    (
        'include = [""]',
        "ravel.toml: include must not contain an empty string",
        "an empty pattern would match nothing useful",
    ),
    ('exclude = ["drafts/"]', {"exclude": ("drafts/",)}, "exclude patterns"),
    ("reference-date = 2024-06-01", {"reference_date": datetime.date(2024, 6, 1)}, "a TOML date"),
    (
        'reference-date = "2024-06-01"',
        {"reference_date": datetime.date(2024, 6, 1)},
        "a date as a string",
    ),
    (
        'reference-date = "2024-02-30"',
        "ravel.toml: reference-date must be a date (YYYY-MM-DD), not '2024-02-30'",
        "an impossible date",
    ),
    (
        'reference-date = "June 2024"',
        "ravel.toml: reference-date must be a date (YYYY-MM-DD), not 'June 2024'",
        "a date in another form",
    ),
    (
        "reference-date = 2024-06-01T10:00:00",
        "ravel.toml: reference-date must be a date (YYYY-MM-DD), not a date-time",
        "a TOML date-time is not a date",
    ),
    ("max-bytes = 1000", {"max_bytes": 1000}, "max_bytes"),
    ("max-bytes = 0", "ravel.toml: max-bytes must be a positive integer, not 0", "zero bytes"),
    (
        "max-bytes = true",
        "ravel.toml: max-bytes must be a positive integer, not a boolean",
        "a boolean is not an integer",
    ),
    ("align-cutoff = 0.5", {"align_cutoff": 0.5}, "align_cutoff"),
    ("align-cutoff = 1", {"align_cutoff": 1.0}, "an integer cutoff"),
    (
        "align-cutoff = 30",
        "ravel.toml: align-cutoff must be a number from 0 to 1, not 30",
        "a cutoff on the wrong scale",
    ),
    (
        "align-cutoff = nan",
        "ravel.toml: align-cutoff must be a number from 0 to 1, not nan",
        "not a number",
    ),
    ('baseline = ".ravel-baseline.json"', {"baseline": ".ravel-baseline.json"}, "baseline"),
    (
        "baseline = false",
        "ravel.toml: baseline must be a file path, not a boolean",
        "a baseline of the wrong type",
    ),
    (
        '[kinds]\ndate = true\nquantity = false\n"quantity/off-by-one" = false',
        {"kinds": {"date": True, "quantity": False, "quantity/off-by-one": False}},
        "kind switches as a table",
    ),
    (
        '[kinds]\ndate = "no"',
        "ravel.toml: kinds.date must be true or false, not a string",
        "a switch that is not a boolean",
    ),
    (
        'kinds = ["date"]',
        "ravel.toml: kinds must be a table of true/false switches, not an array",
        "kinds as an array",
    ),
    (
        '[aliases]\nazerbaijan = ["Azeri", "Baku"]',
        {"aliases": {"azerbaijan": ["Azeri", "Baku"]}},
        "alias groups pass through",
    ),
    ("aliases = 3", "ravel.toml: aliases must be a table, not an integer", "aliases type"),
    (
        "fail-on = \n",
        "ravel.toml: invalid TOML: Invalid value (at line 1, column 11)",
        "broken TOML names the file and the place",
    ),
]
assert len({c[0] for c in CASES}) == len(CASES), "duplicate case"


@pytest.mark.parametrize(("toml", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_load_ravel_toml(
    tmp_path: Path, toml: str, expected: dict[str, Any] | str, why: str
) -> None:
    (tmp_path / "ravel.toml").write_text(toml, encoding="utf-8")
    if isinstance(expected, str):
        with pytest.raises(ConfigError) as info:
            load_config(cwd=tmp_path)
        assert str(info.value) == expected
        assert "\n" not in str(info.value)
        return
    config = load_config(cwd=tmp_path)
    assert config.source == tmp_path / "ravel.toml"
    assert config.root == tmp_path
    for key, value in {**_DEFAULTS, **expected}.items():
        got = getattr(config, key)
        assert (dict(got) if key in ("kinds", "aliases") else got) == value, key


_DEFAULTS: dict[str, Any] = {
    "paths": (),
    "include": (),
    "exclude": (),
    "fail_on": "conflict",
    "kinds": {},
    "aliases": {},
    "align_cutoff": None,
    "max_bytes": None,
    "reference_date": None,
    "baseline": None,
}

# (files written under tmp_path, folder to start in, config found or None, why)
DISCOVERY: list[tuple[dict[str, str], str, str | None, str]] = [
    ({}, ".", None, "no config anywhere"),
    ({"ravel.toml": ""}, ".", "ravel.toml", "ravel.toml in the folder"),
    ({"ravel.toml": ""}, "a/b", "ravel.toml", "found by walking up"),
    (
        {"pyproject.toml": "[project]\nname = 'x'\n"},
        ".",
        None,
        "a pyproject.toml without [tool.ravel] does not count",
    ),
    ({"pyproject.toml": "[tool.ravel]\n"}, ".", "pyproject.toml", "[tool.ravel] counts"),
    (
        {"pyproject.toml": "[tool.ravel.kinds]\ndate = true\n"},
        ".",
        "pyproject.toml",
        "a sub-table of tool.ravel counts",
    ),
    (
        {"pyproject.toml": "[tool.ravel]\n", ".ravel.toml": "", "ravel.toml": ""},
        ".",
        "ravel.toml",
        "ravel.toml beats the others",
    ),
    (
        {"pyproject.toml": "[tool.ravel]\n", ".ravel.toml": ""},
        ".",
        ".ravel.toml",
        ".ravel.toml beats pyproject.toml",
    ),
    (
        {"ravel.toml": "", "a/pyproject.toml": "[tool.ravel]\n"},
        "a",
        "a/pyproject.toml",
        "the nearest folder wins",
    ),
    (
        {"ravel.toml": "", "a/pyproject.toml": "[tool.black]\n"},
        "a",
        "ravel.toml",
        "a nearer pyproject.toml without [tool.ravel] is passed over",
    ),
]
assert len({(tuple(c[0].items()), c[1]) for c in DISCOVERY}) == len(DISCOVERY)


@pytest.mark.parametrize(
    ("files", "start", "expected", "why"), DISCOVERY, ids=[c[3] for c in DISCOVERY]
)
def test_find_config(
    tmp_path: Path, files: dict[str, str], start: str, expected: str | None, why: str
) -> None:
    project = tmp_path / "project"  # no stray config in tmp_path's parents can be found
    _write(project, files)
    (project / start).mkdir(parents=True, exist_ok=True)
    found = find_config(project / start)
    if expected is None:
        assert found is None or not found.is_relative_to(project)
    else:
        assert found == project / expected


def test_pyproject_table_and_message(tmp_path: Path) -> None:
    _write(tmp_path, {"pyproject.toml": '[tool.ravel]\nfail-on = "warn"\n'})
    with pytest.raises(ConfigError) as info:
        load_config(cwd=tmp_path)
    assert str(info.value) == (
        "pyproject.toml: [tool.ravel] fail-on must be one of "
        "conflict, disputed, compatible, not 'warn'"
    )


def test_explicit_and_isolated(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {"ravel.toml": 'fail-on = "disputed"', "other.toml": "max-bytes = 5", "broken.toml": "= ="},
    )
    assert load_config(cwd=tmp_path).fail_on == "disputed"
    explicit = load_config(explicit=Path("other.toml"), cwd=tmp_path)
    assert (explicit.fail_on, explicit.max_bytes, explicit.source) == (
        "conflict",
        5,
        tmp_path / "other.toml",
    )
    assert load_config(isolated=True, cwd=tmp_path) == Config()
    with pytest.raises(ConfigError, match=r"^missing\.toml: config file not found$"):
        load_config(explicit=Path("missing.toml"), cwd=tmp_path)
    with pytest.raises(ConfigError, match=r"^broken\.toml: invalid TOML: "):
        load_config(explicit=Path("broken.toml"), cwd=tmp_path)
    with pytest.raises(ConfigError, match="cannot be used together"):
        load_config(explicit=Path("other.toml"), isolated=True, cwd=tmp_path)


def test_paths_are_relative_to_the_config_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path, {"ravel.toml": 'paths = ["docs"]\nbaseline = "b.json"', "docs/x.md": ""})
    sub = tmp_path / "docs"
    config = load_config(cwd=sub)
    assert config.paths == ("docs",)
    assert config_paths(config, cwd=sub) == ["."]
    assert config_paths(config, cwd=tmp_path) == ["docs"]
    assert baseline_path(config, cwd=sub) == Path("../b.json")
    monkeypatch.chdir(sub)  # merge reads command-line paths from the working directory
    merged = merge(config, baseline="mine.json", paths=["x.md"])
    assert merged.baseline == "docs/mine.json"
    assert config_paths(merged, cwd=sub) == ["x.md"]


# (command-line values, expected changed fields or the error, why)
MERGE: list[tuple[dict[str, Any], dict[str, Any] | str, str]] = [
    ({"fail_on": None, "max_bytes": None}, {}, "None leaves the file's values"),
    ({"fail_on": "compatible"}, {"fail_on": "compatible"}, "a value beats the file"),
    (
        {"fail_on": "warn"},
        "--fail-on must be one of conflict, disputed, compatible, not 'warn'",
        "command-line values are checked, named as options",
    ),
    (
        {"reference_date": "2023-01-02"},
        {"reference_date": datetime.date(2023, 1, 2)},
        "a date from the command line",
    ),
    (
        {"kinds": {"date": False}},
        {"kinds": {"quantity": False, "date": False}},
        "kind switches merge key by key",
    ),
    ({"exclude": ["x/"]}, {"exclude": ("x/",)}, "a list becomes a tuple"),
]
assert len({repr(c[0]) for c in MERGE}) == len(MERGE)


@pytest.mark.parametrize(("values", "expected", "why"), MERGE, ids=[c[2] for c in MERGE])
def test_merge(values: dict[str, Any], expected: dict[str, Any] | str, why: str) -> None:
    config = Config(fail_on="disputed", max_bytes=10, kinds={"quantity": False})
    if isinstance(expected, str):
        with pytest.raises(ConfigError) as info:
            merge(config, **values)
        assert str(info.value) == expected
        return
    merged = merge(config, **values)
    want = {"fail_on": "disputed", "max_bytes": 10, "kinds": {"quantity": False}, **expected}
    for key, value in want.items():
        got = getattr(merged, key)
        assert (dict(got) if key == "kinds" else got) == value


def test_merge_rejects_unknown_options() -> None:
    with pytest.raises(TypeError):
        merge(Config(), colour=True)


# (pattern, relative path, matches, why)
PATTERNS: list[tuple[str, str, bool, str]] = [
    ("*.md", "a.md", True, "a basename pattern matches at the top"),
    ("*.md ", "docs/deep/a.md", True, "and at any depth"),
    ("*.md  ", "a.txt", False, "not another extension"),
    ("docs/**/*.md", "docs/a.md", True, "** matches no folder"),
    ("docs/**/*.md ", "docs/x/y/a.md", True, "** matches several folders"),
    ("docs/**/*.md  ", "news/docs/a.md", False, "an inner slash anchors at the root"),
    ("docs/*.md", "docs/x/a.md", False, "* stays within a folder"),
    ("/a.md", "a.md", True, "a leading slash anchors"),
    ("/a.md ", "x/a.md", False, "a leading slash does not float"),
    ("drafts", "docs/drafts/a.md", True, "a folder name excludes everything below it"),
    ("drafts/", "drafts", False, "a trailing slash matches folders only"),
    ("drafts/ ", "drafts/a.md", True, "and what is inside them"),
    ("docs/**", "docs/q/r.md", True, "a trailing ** spans everything below"),
    ("a?.md", "ab.md", True, "? is one character"),
    ("a?.md ", "a/.md", False, "? is not a slash"),
    ("[!a]*.md", "b.md", True, "negated class"),
    ("[!a]*.md ", "a.md", False, "negated class excludes"),
    ("[ab].md", "b.md", True, "class"),
    ("a[", "a[", True, "an unclosed bracket is literal"),
    ("./docs/*.md", "docs/a.md", True, "a leading ./ is the root"),
    ("note (1).md", "note (1).md", True, "regex characters are literal"),
    ("Docs/*.md", "docs/a.md", False, "case matters"),
    ("[z-a].md", "[z-a].md", True, "a bad class is literal"),
    ("[!]]x", "ax", True, "a negated class of ]"),
    ("[!]]x ", "]x", False, "which excludes ]"),
]
assert len({(c[0], c[1]) for c in PATTERNS}) == len(PATTERNS)


@pytest.mark.parametrize(
    ("pattern", "path", "matches", "why"), PATTERNS, ids=[c[3] for c in PATTERNS]
)
def test_exclude_patterns(tmp_path: Path, pattern: str, path: str, matches: bool, why: str) -> None:
    config = Config(exclude=(pattern,), root=tmp_path)
    assert select_paths(config, [path], cwd=tmp_path) == ([] if matches else [path])


def test_select_paths_expands_folders(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "docs/a.md": "",
            "docs/b.txt": "",
            "docs/drafts/c.md": "",
            "docs/.hidden/d.md": "",
            "docs/e.py": "",
            "notes.md": "",
        },
    )
    config = Config(include=("docs/**/*.md",), exclude=("drafts/",), root=tmp_path)
    assert select_paths(config, ["docs", "notes.md", "-"], cwd=tmp_path) == [
        "docs/a.md",
        "notes.md",
        "-",
    ]
    only_exclude = Config(exclude=("*.txt",), root=tmp_path)
    assert select_paths(only_exclude, ["."], cwd=tmp_path) == [
        "docs/a.md",
        "docs/drafts/c.md",
        "notes.md",
    ]
    assert select_paths(Config(), ["docs", "x"], cwd=tmp_path) == ["docs", "x"]
    # files found in folders are named as ravel.read names them (document ids)
    assert select_paths(config, ["./docs/", "docs"], cwd=tmp_path) == ["docs/a.md"]


# (switches, slot, kind, enabled, why)
KINDS: list[tuple[dict[str, bool], str, str, bool, str]] = [
    ({}, "date", "date", True, "everything is on by default"),
    ({"date": False}, "date", "date", False, "a slot switched off"),
    ({"quantity": False}, "quantity", "quantity/clear", False, "a slot covers its kinds"),
    (
        {"quantity": False, "quantity/clear": True},
        "quantity",
        "quantity/clear",
        True,
        "the most specific switch wins",
    ),
    (
        {"quantity/off-by-one": False},
        "quantity",
        "quantity/clear",
        True,
        "a sibling kind is unaffected",
    ),
    (
        {"quantity/off-by-one": False},
        "quantity",
        "quantity/off-by-one",
        False,
        "a kind switched off",
    ),
    ({"statement": False}, "statement", "", False, "an empty kind falls back to the slot"),
]
assert len({(repr(c[0]), c[1], c[2]) for c in KINDS}) == len(KINDS)


@pytest.mark.parametrize(
    ("kinds", "slot", "kind", "expected", "why"), KINDS, ids=[c[4] for c in KINDS]
)
def test_enabled(kinds: dict[str, bool], slot: str, kind: str, expected: bool, why: str) -> None:
    assert enabled(Config(kinds=kinds), slot, kind) is expected


# (fail_on, verdicts that fail, why)
FAIL_ON_CASES: list[tuple[str, set[str], str]] = [
    ("conflict", {"conflict"}, "the default fails on conflicts only"),
    ("disputed", {"conflict", "disputed"}, "disputed and worse"),
    ("compatible", {"conflict", "disputed", "compatible"}, "everything but agreement"),
]
assert len({c[0] for c in FAIL_ON_CASES}) == len(FAIL_ON_CASES)


@pytest.mark.parametrize(
    ("fail_on", "failing", "why"), FAIL_ON_CASES, ids=[c[2] for c in FAIL_ON_CASES]
)
def test_fails(fail_on: str, failing: set[str], why: str) -> None:
    verdicts = ("conflict", "disputed", "compatible", "agreement", "unknown")
    assert {v for v in verdicts if fails(Config(fail_on=fail_on), v)} == failing


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(), st.text())
def test_any_toml_text_loads_or_raises_config_error(key: str, value: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "ravel.toml").write_text(f"{key} = {value}", encoding="utf-8")
        message = ""
        try:
            load_config(cwd=Path(folder))
        except ConfigError as err:
            message = str(err)
        assert "\n" not in message


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.text(), max_size=3), st.lists(st.text(), max_size=3))
def test_any_pattern_and_path_never_crash(patterns: list[str], paths: list[str]) -> None:
    patterns = [p for p in patterns if p.strip()]
    root = Path("/nonexistent-ravel-root")
    # an existing folder ("/") is walked for its documents: not what this property is about
    paths = [p for p in paths if p and not (root / p).is_dir()]
    kept = select_paths(Config(exclude=tuple(patterns), root=root), paths, cwd=root)
    assert set(kept) <= set(paths)


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
