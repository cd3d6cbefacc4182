"""The compiled content cache: validated, normalised content kept between runs.

Checking content from YAML takes a few hundred milliseconds for a large story; reading it back from
the cache takes a few dozen. The cache is never trusted blindly:

* its key is a hash of every content file's path and bytes plus the code's format version, so any
  edit (or a newer game) makes it stale, and a stale cache is rebuilt, not used;
* it carries a checksum of its payload, so a truncated or corrupted file is rebuilt, not used;
* it holds plain data only (dicts, lists, tuples, strings, numbers) written with `marshal`, which
  cannot construct objects or run code the way pickle can; it is written atomically.

Only content that loaded without errors is cached.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import zlib
from typing import Any

from .diagnostics import Report
from .loader import Loaded, Source, find_sources, load_sources
from .schema import SCHEMA_VERSION

CACHE_FORMAT = 3
MAGIC = b"NBRCACHE"


def cache_dir() -> str:
    """Where caches live: $NEIGHBOUR_CACHE, else the platform's user cache folder."""
    override = os.environ.get("NEIGHBOUR_CACHE")
    if override:
        return override
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~\\AppData\\Local")
        return os.path.join(base, "Neighbour", "cache")
    if sys.platform == "darwin":
        return os.path.expanduser("~/Library/Caches/Neighbour")
    base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return os.path.join(base, "neighbour")


def content_key(sources: list[Source]) -> str | None:
    """A hash of the code's formats and every file's name and bytes; None if a file is unreadable."""
    h = hashlib.sha256()
    h.update(f"{CACHE_FORMAT}/{SCHEMA_VERSION}/{sys.version_info[:2]}/{marshal.version}".encode())
    for src in sources:
        try:
            with open(src.path, "rb") as fh:
                data = fh.read()
        except OSError:
            return None
        h.update(src.shown.encode("utf-8", "surrogateescape"))
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def _strip_positions(value: Any) -> Any:
    """Normalised data without the '@'/'at' positions, which only checking needs."""
    if isinstance(value, dict):
        return {k: _strip_positions(v) for k, v in value.items() if k not in ("@", "at")}
    if isinstance(value, list):
        return [_strip_positions(v) for v in value]
    return value


def _cache_path(dirs: list[str], where: str) -> str:
    name = hashlib.sha256("\0".join(os.path.abspath(d) for d in dirs).encode()).hexdigest()[:20]
    return os.path.join(where, f"content-{name}.bin")


def read_cache(path: str, key: str) -> dict | None:
    """The cached data if the file is present, intact and made for this key; else None."""
    try:
        with open(path, "rb") as fh:
            blob = fh.read()
    except OSError:
        return None
    head = len(MAGIC) + 64 + 8
    if len(blob) < head or not blob.startswith(MAGIC):
        return None
    stored_key = blob[len(MAGIC):len(MAGIC) + 64].decode("ascii", "replace")
    checksum = int.from_bytes(blob[len(MAGIC) + 64:head], "little")
    payload = blob[head:]
    if stored_key != key or zlib.crc32(payload) != checksum:
        return None
    try:
        data = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    return data if isinstance(data, dict) and "scenes" in data else None


def write_cache(path: str, key: str, data: dict) -> bool:
    """Write the cache atomically; False (and no cache) if the folder is not writable."""
    from .saves import write_atomic
    payload = marshal.dumps(_strip_positions(data))
    blob = MAGIC + key.encode("ascii") + zlib.crc32(payload).to_bytes(8, "little") + payload
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_atomic(path, blob)
        return True
    except OSError:
        return False


def load_cached(dirs: list[str], where: str | None = None) -> tuple[Loaded, bool]:
    """Load content from the cache when it is fresh, else from source (and refresh the cache).

    Returns (loaded, came_from_cache). From the cache, `loaded.ctx` is None and the report is empty.
    """
    where = where or cache_dir()
    report = Report()
    sources = find_sources(dirs, report)
    key = content_key(sources) if report.ok else None
    path = _cache_path(dirs, where)
    if key is not None:
        data = read_cache(path, key)
        if data is not None:
            return Loaded(data=data, report=report, sources=sources), True
    loaded = load_sources(dirs)
    if key is not None and loaded.report.ok:
        write_cache(path, key, loaded.data)
    return loaded, False
