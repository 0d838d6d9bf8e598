"""An embedded cache of each document's extracted claims (SQLite, standard library).

Extraction is a pure function of a document's decoded text, its format, its
reference date and the extraction settings, so its result can be reused across
runs. A key hashes all of those plus ravel's version and the model's field
layout, so an upgrade or a config change simply misses. The cache is an
optimisation only: a corrupt, locked or unwritable database degrades to "no
cache" and leaves a one-line note in `ClaimCache.notes`; it never fails a run.

Concurrent runs are safe: WAL journal, a busy timeout, and `INSERT OR REPLACE`
in short transactions (two processes may both compute a document; the last
write wins and both values are identical).
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from ravel import __version__
from ravel.model import Attribution, Claim, Document, Mention, Quantity, Reference, Timex

__all__ = [
    "CACHE_DIRNAME",
    "DB_NAME",
    "ClaimCache",
    "Entry",
    "claims_from_json",
    "claims_to_json",
    "clear_cache",
    "default_cache_dir",
    "extract_cached",
    "fingerprint",
    "user_cache_dir",
]

SCHEMA_VERSION = 1  # bump when the table layout or the wire shape below changes
CACHE_DIRNAME = ".ravel-cache"
DB_NAME = "claims.sqlite"
BUSY_TIMEOUT_S = 5.0  # a concurrent writer holds the lock for milliseconds, not seconds
GET_BATCH = 500  # keys per SELECT ... IN (...): under SQLite's 999 host-parameter limit
COMPRESS_LEVEL = 1  # claims repeat their sentence text: zlib -1 halves the file, cheaply
GITIGNORE = "# created by ravel: the claims cache is local, never commit it\n*\n"

# --- wire shape: each dataclass as a list of its fields in declaration order -------------

_Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]  # (encode, decode) of one field


def _optional(encode: Callable[[Any], Any], decode: Callable[[Any], Any]) -> _Codec:
    return (lambda v: None if v is None else encode(v)), (
        lambda v: None if v is None else decode(v)
    )


_DATE = _optional(datetime.date.isoformat, datetime.date.fromisoformat)
_DECIMAL = _optional(str, Decimal)  # str(Decimal) is exact, exponent included


def _nested(cls: type) -> _Codec:
    return (lambda vs: [_encode(cls, v) for v in vs]), (
        lambda vs: tuple(_DECODERS[cls](v) for v in vs)
    )


_SPANS: _Codec = (lambda vs: [list(v) for v in vs], lambda vs: tuple(tuple(v) for v in vs))

FIELD_CODECS: dict[type, dict[str, _Codec]] = {  # fields that are not plain JSON scalars
    Timex: {"lo": _DATE, "hi": _DATE},
    Quantity: {"lo": _DECIMAL, "hi": _DECIMAL},
    Mention: {},
    Attribution: {},
    Reference: {"date": _DATE},
    Claim: {
        "events": _nested(Mention),
        "actors": _nested(Mention),
        "places": _nested(Mention),
        "dates": _nested(Timex),
        "quantities": _nested(Quantity),
        "attributions": _nested(Attribution),
        "hedges": _nested(Mention),
        "quotes": _SPANS,
    },
}
_FIELDS = {cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in FIELD_CODECS}
# A change to the model's fields changes every key, so stale rows are never decoded.
MODEL_LAYOUT = hashlib.sha256(repr(sorted((c.__name__, f) for c, f in _FIELDS.items())).encode())


def _encode(cls: type, obj: Any) -> list[Any]:
    codecs = FIELD_CODECS[cls]
    return [
        codecs[name][0](value) if name in codecs else value
        for name in _FIELDS[cls]
        for value in (getattr(obj, name),)
    ]


def _decoder(cls: type) -> Callable[[list[Any]], Any]:
    """A fast decoder of one class's rows: only the non-scalar fields are converted, in
    place (a warm run decodes every cached claim, so this is its inner loop)."""
    names = _FIELDS[cls]
    special = [(i, FIELD_CODECS[cls][n][1]) for i, n in enumerate(names) if n in FIELD_CODECS[cls]]

    def decode(row: list[Any]) -> Any:
        if len(row) != len(names):
            raise ValueError(f"{cls.__name__}: {len(row)} fields, expected {len(names)}")
        for i, convert in special:
            row[i] = convert(row[i])
        return cls(*row)

    return decode


_DECODERS = {cls: _decoder(cls) for cls in FIELD_CODECS}


def _decode(cls: type, row: list[Any]) -> Any:
    return _DECODERS[cls](row)


def claims_to_json(claims: Iterable[Claim]) -> str:
    """Compact JSON of claims; `claims_from_json` restores them exactly (`plain` too)."""
    return json.dumps(
        [_encode(Claim, c) for c in claims], ensure_ascii=False, separators=(",", ":")
    )


def claims_from_json(text: str | bytes) -> tuple[Claim, ...]:
    return tuple(_decode(Claim, row) for row in json.loads(text))


# --- keys and locations --------------------------------------------------------------------


def fingerprint(settings: Mapping[str, object]) -> str:
    """A short stable digest of extraction settings (reference-date override, aliases...)."""
    text = json.dumps(settings, sort_keys=True, default=repr, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _key(doc: Document, settings: str) -> str:
    """Content hash + version + settings. The document id is part of it because claims
    carry it. A reference date found in the text is a function of the text, so the key needs
    no reference and can be computed before looking for one; a date given as an option
    (`--reference-date`) changes the claims, so it is part of the key."""
    ref = doc.reference
    given = ref is not None and ref.source == "option" and ref.date is not None
    reference = ref.date.isoformat() if given and ref and ref.date else ""
    digest = MODEL_LAYOUT.copy()
    for part in (str(SCHEMA_VERSION), __version__, settings, doc.id, doc.format, reference):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\x00")
    digest.update(doc.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def default_cache_dir(start: Path) -> Path:
    """`.ravel-cache` in the project: the folder of the nearest config file, else `start`."""
    from ravel.config import find_config  # lazily: config parsing is not needed to read rows

    config = find_config(start)
    return (config.parent if config is not None else Path(os.path.abspath(start))) / CACHE_DIRNAME


def user_cache_dir() -> Path:
    """`$XDG_CACHE_HOME/ravel`, else `~/.cache/ravel`: for when the project is read-only."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ravel"


def clear_cache(directory: Path) -> int:
    """Delete the claims database in `directory`; the number of documents it held."""
    db = Path(directory) / DB_NAME
    if not db.exists():
        return 0
    cache = ClaimCache.open(Path(directory), create=False)
    count = cache.count()
    cache.close()
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return count


def extract_cached(
    documents: Sequence[Document],
    extract_one: Callable[[Document], Entry],
    *,
    cache: ClaimCache,
    fingerprint: str,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[Entry]:
    """Each document's reference date and claims, in order: cached ones fetched in a few
    queries, the others computed by `extract_one` (on several processes when worth it,
    see `ravel.parallel`) and stored. `extract_one` finds the reference date itself, so a
    warm run never looks for one; a `--reference-date` must already be set on the
    documents (source "option"), where it becomes part of the key."""
    from ravel.parallel import map_documents

    keys = [cache.key(d, fingerprint) for d in documents]
    entries = cache.get_entries(keys)
    missing = [i for i, key in enumerate(keys) if key not in entries]
    if progress is not None and len(missing) < len(documents):
        progress(len(documents) - len(missing))
    fresh = map_documents(
        [documents[i] for i in missing], extract_one, jobs=jobs, progress=progress
    )
    computed = {
        keys[i]: Entry(e.reference, tuple(e.claims)) for i, e in zip(missing, fresh, strict=True)
    }
    cache.put_many(
        ((k, e.claims) for k, e in computed.items()),
        references={k: e.reference for k, e in computed.items()},
    )
    return [entries.get(key) or computed[key] for key in keys]


# --- the cache -----------------------------------------------------------------------------


class Entry(NamedTuple):
    """What is cached per document: its reference date (so a warm run need not look for it
    again) and its claims."""

    reference: Reference | None
    claims: tuple[Claim, ...]


def _pack(claims: Sequence[Claim], reference: Reference | None) -> bytes:
    ref = None if reference is None else _encode(Reference, reference)
    row = [ref, [_encode(Claim, c) for c in claims]]
    text = json.dumps(row, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8", "surrogatepass"), COMPRESS_LEVEL)


def _unpack(data: bytes) -> Entry:
    ref, claims = json.loads(zlib.decompress(data).decode("utf-8", "surrogatepass"))
    reference = None if ref is None else _decode(Reference, ref)
    return Entry(reference, tuple(_decode(Claim, c) for c in claims))


class ClaimCache:
    """Claims per document key. Every failure turns the cache off with a note."""

    def __init__(self, connection: sqlite3.Connection | None, path: Path | None) -> None:
        self._db = connection
        self.path = path
        self.notes: list[str] = []
        self.hits = 0
        self.misses = 0

    @classmethod
    def open(
        cls, path: Path | None = None, *, enabled: bool = True, create: bool = True
    ) -> ClaimCache:
        """The cache in folder `path` (default: the project's `.ravel-cache`, falling back
        to the user cache folder when that cannot be created)."""
        if not enabled:
            return cls(None, None)
        folders = (
            [Path(path)] if path is not None else [default_cache_dir(Path.cwd()), user_cache_dir()]
        )
        notes = []
        for folder in folders:
            try:
                return cls(_connect(folder, create=create), folder / DB_NAME)
            except (OSError, sqlite3.Error) as err:
                notes.append(f"claims cache disabled: {folder / DB_NAME}: {_reason(err)}")
        cache = cls(None, None)
        cache.notes.append(notes[-1])
        return cache

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def key(self, doc: Document, fingerprint: str) -> str:
        return _key(doc, fingerprint)

    def get(self, key: str) -> tuple[Claim, ...] | None:
        return self.get_many([key]).get(key)

    def get_many(self, keys: Sequence[str]) -> dict[str, tuple[Claim, ...]]:
        """The cached claims of those keys that are cached (one query per batch)."""
        return {key: entry.claims for key, entry in self.get_entries(keys).items()}

    def get_entries(self, keys: Sequence[str]) -> dict[str, Entry]:
        """Reference date and claims of those keys that are cached."""
        found: dict[str, Entry] = {}
        if self._db is None:
            return found
        wanted = list(dict.fromkeys(keys))
        try:
            for i in range(0, len(wanted), GET_BATCH):
                batch = wanted[i : i + GET_BATCH]
                marks = ",".join("?" * len(batch))
                sql = f"SELECT key, data FROM claims WHERE key IN ({marks})"
                for key, data in self._db.execute(sql, batch):
                    found[key] = _unpack(data)
        except (sqlite3.Error, zlib.error, ValueError, TypeError) as err:
            self._disable(err)
            return {}
        self.hits += len(found)
        self.misses += len(wanted) - len(found)
        return found

    def put(self, key: str, claims: Sequence[Claim], *, reference: Reference | None = None) -> None:
        self.put_many([(key, claims)], references={key: reference})

    def put_many(
        self,
        items: Iterable[tuple[str, Sequence[Claim]]],
        *,
        references: Mapping[str, Reference | None] | None = None,
    ) -> None:
        """Store in one short transaction (a concurrent writer waits, then replaces)."""
        if self._db is None:
            return
        refs = references or {}
        rows = [(key, _pack(claims, refs.get(key))) for key, claims in items]
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO claims(key, data) VALUES (?, ?)", rows)
        except sqlite3.Error as err:
            self._disable(err)

    def count(self) -> int:
        if self._db is None:
            return 0
        try:
            return int(self._db.execute("SELECT count(*) FROM claims").fetchone()[0])
        except sqlite3.Error as err:
            self._disable(err)
            return 0

    def clear(self) -> int:
        """Forget every entry; how many there were."""
        count = self.count()
        if self._db is not None:
            try:
                with self._db:
                    self._db.execute("DELETE FROM claims")
            except sqlite3.Error as err:
                self._disable(err)
        return count

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> ClaimCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _disable(self, err: BaseException) -> None:
        self.notes.append(f"claims cache disabled: {self.path}: {_reason(err)}")
        self.close()


def _connect(folder: Path, *, create: bool) -> sqlite3.Connection:
    if create:
        folder.mkdir(parents=True, exist_ok=True)
        ignore = folder / ".gitignore"
        if folder.name == CACHE_DIRNAME and not ignore.exists():
            ignore.write_text(GITIGNORE, encoding="utf-8")
    elif not (folder / DB_NAME).exists():
        raise FileNotFoundError("no database")
    db = sqlite3.connect(folder / DB_NAME, timeout=BUSY_TIMEOUT_S)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable enough for a cache
        _migrate(db)
    except sqlite3.Error:
        db.close()
        raise
    return db


def _migrate(db: sqlite3.Connection) -> None:
    """Create the tables; a database of another schema version is emptied and reused."""
    with db:
        db.execute("CREATE TABLE IF NOT EXISTS meta(name TEXT PRIMARY KEY, value TEXT)")
        row = db.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone()
        if row is not None and row[0] != str(SCHEMA_VERSION):
            db.execute("DROP TABLE IF EXISTS claims")
        db.execute("CREATE TABLE IF NOT EXISTS claims(key TEXT PRIMARY KEY, data BLOB NOT NULL)")
        db.execute(
            "INSERT OR REPLACE INTO meta(name, value) VALUES ('schema_version', ?)",
            (str(SCHEMA_VERSION),),
        )


def _reason(err: BaseException) -> str:
    return str(err).splitlines()[0] if str(err) else type(err).__name__
