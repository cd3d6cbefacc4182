"""Rendered illustrations kept on disk between runs, so the game opens on a finished picture.

Rendering a full-screen SVG illustration takes 40-80 ms at 1080p, more than everything else the game
does before its first frame; reading the pixels back takes a few. Only large pictures are kept
(icons render in a fraction of a millisecond). Each file holds raw pixels with a header and a
checksum, and is named by a hash (cache.Digest) of the SVG's bytes, the size and the renderer's
version, so an edited picture or a new pygame simply misses the cache. A damaged file is ignored; the
folder is kept under `max_bytes` by deleting the least recently used files. Nothing here is ever
needed: every failure falls back to rendering.
"""

from __future__ import annotations

import logging
import os
import struct
import zlib

import pygame

from ..core.load.cache import Digest

log = logging.getLogger("neighbour.pictures")

MAGIC = b"NBRPIX1\0"
HEADER = struct.Struct("<8sIII")      # magic, width, height, crc32 of the pixels
MIN_PIXELS = 256 * 256                # smaller pictures render faster than they load
FORMAT = "BGRA"                       # the layout convert_alpha() gives on little-endian machines


class PictureCache:
    def __init__(self, folder: str, max_bytes: int = 384 * 1024 * 1024):
        self.folder = folder
        self.max_bytes = max_bytes
        self._version = f"{pygame.version.ver}/{pygame.get_sdl_version()}".encode()
        self._names: dict[tuple, str] = {}  # (source, its mtime and size, size, kind) -> file name


    @staticmethod
    def worth_keeping(size: tuple[int, int]) -> bool:
        return size[0] * size[1] >= MIN_PIXELS

    def _path(self, source: str, size: tuple[int, int], kind: str) -> str | None:
        """The cache file's name; the source is read and hashed once while it is unchanged on disk."""
        try:
            st = os.stat(source)
        except OSError:
            return None
        key = (source, st.st_mtime_ns, st.st_size, size, kind)
        name = self._names.get(key)
        if name is None:
            try:
                with open(source, "rb") as fh:
                    data = fh.read()
            except OSError:
                return None
            h = Digest(self._version)
            h.update(f"{kind}/{size[0]}x{size[1]}/{len(data)}".encode())
            h.update(data)
            name = self._names[key] = os.path.join(self.folder, h.hexdigest() + ".pix")
        return name

    def get(self, source: str, size: tuple[int, int], kind: str = "fit") -> pygame.Surface | None:
        """The picture as rendered before at this size (and kind: fit or cover), or None."""
        path = self._path(source, size, kind)
        if path is None:
            return None
        try:
            with open(path, "rb", buffering=0) as fh:
                blob = bytearray(os.fstat(fh.fileno()).st_size)
                if fh.readinto(blob) != len(blob) or len(blob) < HEADER.size:
                    return None
        except OSError:
            return None
        magic, w, h, crc = HEADER.unpack_from(blob)
        pixels = memoryview(blob)[HEADER.size:]
        if magic != MAGIC or len(pixels) != w * h * 4 or zlib.crc32(pixels) != crc:
            log.info("ignoring a damaged picture cache file %s", path)
            return None
        try:
            os.utime(path)  # recently used: pruned last
        except OSError:
            pass
        return pygame.image.frombuffer(pixels, (w, h), FORMAT)

    def put(self, source: str, size: tuple[int, int], surf: pygame.Surface, kind: str = "fit") -> None:
        """Keep a rendered picture; never raises."""
        path = self._path(source, size, kind)
        if path is None:
            return
        try:
            w, h = surf.get_size()
            os.makedirs(self.folder, exist_ok=True)
            tmp = f"{path}.{os.getpid()}.tmp"
            crc = 0
            with open(tmp, "wb") as fh:
                fh.write(HEADER.pack(MAGIC, w, h, 0))
                for y in range(0, h, 64):  # in stripes: no second full-screen copy in memory
                    rows = pygame.image.tobytes(surf.subsurface((0, y, w, min(64, h - y))), FORMAT)
                    crc = zlib.crc32(rows, crc)
                    fh.write(rows)
                fh.seek(0)
                fh.write(HEADER.pack(MAGIC, w, h, crc))
            os.replace(tmp, path)
            self.prune()
        except (OSError, pygame.error, ValueError) as exc:
            log.info("picture cache not written (%s)", exc)

    def prune(self) -> None:
        """Delete the least recently used files until the folder fits in max_bytes."""
        try:
            entries = [e for e in os.scandir(self.folder) if e.name.endswith(".pix")]
            stats = sorted(((e.stat().st_mtime, e.stat().st_size, e.path) for e in entries), reverse=True)
        except OSError:
            return
        total = 0
        for _, size, path in stats:
            total += size
            if total > self.max_bytes:
                try:
                    os.remove(path)
                except OSError:
                    pass
