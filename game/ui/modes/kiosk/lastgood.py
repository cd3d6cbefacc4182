"""The kiosk's last good story: a copy of the compiled content cache of the last content that loaded.

When an update breaks the content (a YAML mistake, a missing file), the kiosk does not show visitors
an error: it logs every problem at file:line:col and plays the story it played last. That story is
the compile cache (core/load/cache.py) of the last content that loaded without errors, copied aside
under a name of its own (one per kiosk, so switching to a new content folder keeps it), which the
next broken content cannot make stale. The copy is checked like
the cache (magic, checksum, plain data read with marshal, never pickle) and made for this code's
cache and schema formats and this Python; anything else is not used.
"""

from __future__ import annotations

import logging
import os
import sys

from ....core.content import Content
from ....core.files import write_atomic
from ....core.load import cache
from ....core.load.sources import SCHEMA_VERSION, find_sources
from ....core.diagnostics import Report

log = logging.getLogger("neighbour.kiosk")


def _path(where: str | None = None) -> str:
    """One last good story per kiosk (not per content folder: an update switches folders)."""
    fmt = f"f{cache.CACHE_FORMAT}s{SCHEMA_VERSION}py{sys.version_info[0]}{sys.version_info[1]}"
    return os.path.join(where or cache.cache_dir(), f"kiosk-last-good-{fmt}.bin")


def remember(dirs: list[str], where: str | None = None) -> bool:
    """Keep the compiled cache of the content that just loaded as the last good story; True if kept."""
    report = Report()
    key = cache.content_key(find_sources(dirs, report)) if report.ok else None
    if key is None:
        return False
    where = where or cache.cache_dir()
    source = cache._cache_path(dirs, where)
    if cache.read_cache(source, key) is None:
        cache.load_cached(dirs, where)  # the cache was not written yet (or is stale): write it
        if cache.read_cache(source, key) is None:
            return False
    target = _path(where)
    try:
        with open(source, "rb") as fh:
            blob = fh.read()
        try:
            with open(target, "rb") as fh:
                if fh.read() == blob:
                    return True
        except OSError:
            pass
        write_atomic(target, blob)
        return True
    except OSError as exc:
        log.warning("the last good story could not be kept: %s", exc)
        return False


def recall(where: str | None = None) -> Content | None:
    """The last good story this kiosk played, or None when there is none that can be used."""
    path = _path(where)
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(cache.MAGIC) + cache.KEY_LENGTH)
    except OSError:
        return None
    key = head[len(cache.MAGIC):].decode("ascii", "replace")
    data = cache.read_cache(path, key)
    if data is None:
        log.error("the last good story (%s) is damaged; not used", path)
        return None
    from ....core.load.build import build
    try:
        return build(data)
    except Exception:  # noqa: BLE001 - a copy that cannot be built is no story, never a crash
        log.exception("the last good story (%s) could not be built", path)
        return None
