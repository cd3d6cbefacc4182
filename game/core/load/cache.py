"""The compiled content cache: validated, normalised content kept between runs.

Checking content from YAML takes a few hundred milliseconds for a large story; reading it back from
the cache takes a few dozen. The cache is never trusted blindly:

* its key is a hash of every content file's path and bytes plus the code's format version, so any
  edit (or a newer game) makes it stale, and a stale cache is rebuilt, not used (the hash is a
  64-bit zlib digest: enough to notice any edit, and hashlib costs milliseconds to import, more
  than the hashing itself, at a start-up measured in tens of them);
* it carries a checksum of its payload, so a truncated or corrupted file is rebuilt, not used;
* it holds plain data only (dicts, lists, tuples, strings, numbers) written with `marshal`, which
  cannot construct objects or run code the way pickle can; it is written atomically.

Only content that loaded without errors is cached.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from typing import Any

from .. import userdirs
from ..diagnostics import Report
from ..gcpause import gc_paused
from ..reading import MAX_CONTENT_BYTES, ReadError, read_bytes
from .sources import SCHEMA_VERSION, Loaded, Source, find_sources

CACHE_FORMAT = 6  # 6: content checked with the limits of issue 13 (a cache from before may hold what they refuse)
MAX_CACHE_BYTES = 256 * 1024 * 1024
MAGIC = b"NBRCACHE"
KEY_LENGTH = 64  # characters of the key in the file's header


def cache_dir() -> str:
    """Where caches live: $NEIGHBOUR_CACHE, else the platform's user cache folder."""
    return userdirs.cache_dir()


class Digest:
    """CRC-32 and Adler-32 of everything fed in, side by side: 64 bits that change with any edit.
    Not a cryptographic hash; nothing here guards against a forger (who could edit the content)."""

    def __init__(self, data: bytes = b"") -> None:
        self.crc, self.adler = zlib.crc32(data), zlib.adler32(data)

    def update(self, data: bytes) -> None:
        self.crc = zlib.crc32(data, self.crc)
        self.adler = zlib.adler32(data, self.adler)

    def hexdigest(self) -> str:
        return f"{self.crc:08x}{self.adler:08x}"


def content_key(sources: list[Source]) -> str | None:
    """A hash of the code's formats and every file's name and bytes; None if a file is unreadable."""
    h = Digest()
    h.update(f"{CACHE_FORMAT}/{SCHEMA_VERSION}/{sys.version_info[:2]}/{marshal.version}".encode())
    for src in sources:
        try:  # a pipe, a device or a link out of the folder: no key, and the loader says why
            data = read_bytes(src.path, MAX_CONTENT_BYTES, src.root or None)
        except ReadError:
            return None
        h.update(src.shown.encode("utf-8", "surrogateescape"))
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest().ljust(KEY_LENGTH, "-")


def _strip_positions(value: Any) -> Any:
    """Normalised data without the '@'/'at' positions, which only checking needs.

    Names and short texts (keys, rule tokens, ids) are interned on the way, so marshal writes each
    once and refers back to it: the cache is smaller and reading it makes fewer objects.
    """
    if isinstance(value, dict):
        return {_intern(k): _strip_positions(v) for k, v in value.items() if k not in ("@", "at")}
    if isinstance(value, list):
        return [_strip_positions(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_strip_positions(v) for v in value)
    return _intern(value)


def pack_scenes(data: dict[str, Any]) -> dict[str, Any]:
    """Each scene packed on its own by marshal, its event kept beside it: reading the cache then
    decodes a scene only when the game first shows it (content.Scenes), not all of them at start."""
    scenes = data.get("scenes")
    if not scenes:
        return data
    out = dict(data)
    out["scene_events"] = {sid: s["event"] for sid, s in scenes.items() if s.get("event")}
    out["scenes"] = {sid: marshal.dumps(s) for sid, s in scenes.items()}
    return out


def _intern(value: Any) -> Any:
    return sys.intern(value) if type(value) is str and len(value) <= 40 else value


def _cache_path(dirs: list[str], where: str) -> str:
    name = Digest("\0".join(os.path.abspath(d) for d in dirs).encode()).hexdigest()
    return os.path.join(where, f"content-{name}.bin")


def read_cache(path: str, key: str) -> dict[str, Any] | None:
    """The cached data if the file is present, intact and made for this key; else None."""
    try:  # a regular file of a sane size, like every file read (core/reading.py)
        blob = read_bytes(path, MAX_CACHE_BYTES)
    except ReadError:
        return None
    head = len(MAGIC) + KEY_LENGTH + 8
    if len(blob) < head or not blob.startswith(MAGIC):
        return None
    stored_key = blob[len(MAGIC):len(MAGIC) + KEY_LENGTH].decode("ascii", "replace")
    checksum = int.from_bytes(blob[len(MAGIC) + KEY_LENGTH:head], "little")
    payload = blob[head:]
    if stored_key != key or zlib.crc32(payload) != checksum:
        return None
    try:
        data = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    return data if isinstance(data, dict) and "scenes" in data else None


def write_cache(path: str, key: str, data: dict[str, Any]) -> bool:
    """Write the cache atomically; False (and no cache) if the folder is not writable."""
    from ..files import write_atomic
    payload = marshal.dumps(pack_scenes(_strip_positions(data)))
    blob = MAGIC + key.encode("ascii") + zlib.crc32(payload).to_bytes(8, "little") + payload
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_atomic(path, blob)
        return True
    except OSError:
        return False


@gc_paused
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
    from .loader import load_sources  # the YAML parser and the schema, only when the cache misses
    loaded = load_sources(dirs)
    if key is not None and loaded.report.ok:
        write_cache(path, key, loaded.data)
    return loaded, False
