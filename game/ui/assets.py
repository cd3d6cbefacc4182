"""Pictures and sounds: loaded on demand, rendered once per size, never fatal when missing.

SVG illustrations are rendered by SDL_image at the exact pixel size they are drawn at and kept, so
they stay crisp from 1024x600 to 3840x2160 and drawing them costs one blit. What is kept in memory is
bounded by bytes, not by count (one full-screen picture at 4K is 33 MB); large renders are also kept
on disk between runs (picture_cache.py). A missing or broken file gives a visible placeholder and one
log line, never a crash.
"""

from __future__ import annotations

import logging
import os
import re
from collections import OrderedDict

import pygame

from ..core.paths import assets_dir, confined_file
from .picture_cache import PictureCache
from .sound import Music

log = logging.getLogger("neighbour.assets")
_VIEWBOX = re.compile(r'viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)')


class Images:
    def __init__(self, roots: list[str] | None = None, limit: int = 600,
                 max_bytes: int = 32 * 1024 * 1024, disk: PictureCache | None = None):
        self.roots = roots or [assets_dir()]
        self.limit = limit
        self.max_bytes = max_bytes
        self.disk = disk
        self._cache: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._bytes = 0
        self._biggest = 0
        self._aspect: dict[str, float] = {}
        self._reported: set[str] = set()
        self.tone: tuple[int, int, int] | None = None  # the theme's tint for illustrations (cover)

    def set_tone(self, tone: tuple[int, int, int]) -> None:
        """Illustrations follow the theme: the dark theme multiplies them towards dusk."""
        tone_or_none = None if tone == (255, 255, 255) else tuple(tone)
        self.tone = tone_or_none  # type: ignore[assignment]

    def find(self, rel: str) -> str | None:
        for root in self.roots:  # never a file outside the assets folders, whatever `rel` says
            path = confined_file(root, rel)
            if path is not None:
                return path
        return None

    def _remember(self, key: tuple, surf: pygame.Surface) -> pygame.Surface:
        old = self._cache.pop(key, None)
        if old is not None:
            self._bytes -= _size(old)
        self._cache[key] = surf
        self._bytes += _size(surf)
        self._biggest = max(self._biggest, _size(surf))
        budget = max(self.max_bytes, 3 * self._biggest)  # room for three full-screen pictures at 4K too
        while len(self._cache) > 1 and (len(self._cache) > self.limit or self._bytes > budget):
            self._bytes -= _size(self._cache.popitem(last=False)[1])
        return surf

    def aspect(self, rel: str) -> float:
        """Width / height of a picture as drawn (read from the SVG's own size)."""
        got = self._aspect.get(rel)
        if got is None:
            got = 16 / 9
            path = self.find(rel)
            if path and path.endswith(".svg"):
                try:
                    with open(path, encoding="utf-8", errors="replace") as fh:
                        head = fh.read(600)
                    m = _VIEWBOX.search(head)
                    if m and float(m.group(2)) > 0:
                        got = float(m.group(1)) / float(m.group(2))
                except (OSError, ValueError):
                    pass
            self._aspect[rel] = got
        return got

    def load(self, rel: str, size: tuple[int, int]) -> pygame.Surface:
        """The picture rendered to fit inside `size` (keeping its shape)."""
        size = (max(1, int(size[0])), max(1, int(size[1])))
        key = (rel, size)
        surf = self._cache.get(key)
        if surf is not None:
            self._cache.move_to_end(key)
            return surf
        return self._remember(key, self._render(rel, size))

    def _kept(self, path: str | None, size: tuple[int, int]) -> bool:
        """Whether a render of this file at this size is worth keeping on disk."""
        return self.disk is not None and path is not None and path.endswith(".svg") and self.disk.worth_keeping(size)

    def _render(self, rel: str, size: tuple[int, int], kept: bool = True) -> pygame.Surface:
        """The picture at this size; one not `kept` (drawn once into another) is neither stored on
        disk nor converted, which spares a full-screen copy."""
        path = self.find(rel)
        try:
            if path is None:
                raise FileNotFoundError(rel)
            keep = kept and self._kept(path, size)
            surf = self.disk.get(path, size) if keep else None  # type: ignore[union-attr]
            if surf is not None:
                return surf
            if path.endswith(".svg"):
                surf = pygame.image.load_sized_svg(path, size)
            else:
                surf = pygame.transform.smoothscale(pygame.image.load(path), size)
            if kept and pygame.display.get_surface():
                surf = surf.convert_alpha()
            if keep:
                self.disk.put(path, size, surf)  # type: ignore[union-attr]
            return surf
        except (pygame.error, OSError, ValueError, FileNotFoundError) as exc:
            if rel not in self._reported:
                log.warning("picture %s could not be loaded (%s); showing a placeholder", rel, exc)
                self._reported.add(rel)
            return placeholder(size, rel)

    def cover(self, rel: str, size: tuple[int, int]) -> pygame.Surface:
        """The picture scaled to cover `size` completely, centred and cropped."""
        w, h = max(1, int(size[0])), max(1, int(size[1]))
        key = ("cover", rel, (w, h), self.tone)
        surf = self._cache.get(key)
        if surf is not None:
            self._cache.move_to_end(key)
            return surf
        path = self.find(rel)
        keep = self._kept(path, (w, h))
        out = self.disk.get(path, (w, h), "cover") if keep else None  # type: ignore[union-attr, arg-type]
        if out is not None:
            return self._remember(key, self._toned(out))
        aspect = self.aspect(rel)
        if w / h > aspect:
            rw, rh = w, int(round(w / aspect))
        else:
            rw, rh = int(round(h * aspect)), h
        full = self._render(rel, (rw, rh), kept=False)  # only the cropped picture is kept
        fw, fh = full.get_size()
        out = pygame.Surface((w, h)).convert() if pygame.display.get_surface() else pygame.Surface((w, h))
        out.fill((200, 200, 200))
        out.blit(full, ((w - fw) // 2, (h - fh) // 2))
        del full  # before the copy to disk: one full-screen picture less in memory at once
        if keep and rel not in self._reported:  # never keep a placeholder
            self.disk.put(path, (w, h), out, "cover")  # type: ignore[union-attr, arg-type]
        return self._remember(key, self._toned(out))

    def _toned(self, surf: pygame.Surface) -> pygame.Surface:
        """The illustration in the theme's tone (in place: the surface is this cache's own)."""
        if self.tone is not None:
            surf.fill(self.tone, special_flags=pygame.BLEND_RGB_MULT)
        return surf

    def icon(self, name: str, size: int, color: tuple[int, int, int]) -> pygame.Surface:
        """A white icon from assets/icons tinted to `color`."""
        key = ("icon", name, size, color)
        surf = self._cache.get(key)
        if surf is not None:
            self._cache.move_to_end(key)  # drawn every frame: never the first to go
            return surf
        base = self.load(f"icons/{name}.svg", (size, size)).copy()
        base.fill((*color, 255), special_flags=pygame.BLEND_RGBA_MULT)
        return self._remember(key, base)

    def clear(self) -> None:
        self._cache.clear()
        self._bytes = self._biggest = 0


def _size(surf: pygame.Surface) -> int:
    return surf.get_height() * surf.get_pitch()


def placeholder(size: tuple[int, int], label: str) -> pygame.Surface:
    """A calm striped box that says a picture is missing (visible, never alarming)."""
    w, h = size
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
    surf.fill((214, 208, 198, 255))
    step = max(8, min(w, h) // 12)
    for x in range(-h, w, step * 2):
        pygame.draw.line(surf, (196, 189, 178, 255), (x, h), (x + h, 0), max(2, step // 2))
    pygame.draw.rect(surf, (150, 143, 132, 255), surf.get_rect(), max(1, step // 6))
    if pygame.font.get_init() and w > 80 and h > 30:
        font = pygame.font.Font(None, max(14, min(28, h // 8)))
        text = font.render(f"[{os.path.basename(label)}]", True, (90, 84, 76))
        surf.blit(text, text.get_rect(center=(w // 2, h // 2)))
    return surf


class Sounds:
    """Interface sounds and ambient loops; silent (and quiet about it) when there is no audio."""

    def __init__(self, root: str | None = None):
        self.root = root or os.path.join(assets_dir(), "sounds")
        self.ok = False
        self.volume = 0.6
        self.muted = False
        self._sounds: dict[str, pygame.mixer.Sound | None] = {}
        self.ambient_name: str | None = None
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=44100, size=-16, channels=2, buffer=1024)
            self.ok = True
        except pygame.error as exc:
            log.info("no audio device (%s); sound is off", exc)
        # with SDL's dummy driver (tests, benchmarks) nobody hears the music: it is not decoded
        self.music = Music(self.root, self.ok and os.environ.get("SDL_AUDIODRIVER") != "dummy")

    def _get(self, rel: str) -> pygame.mixer.Sound | None:
        if rel not in self._sounds:
            path = os.path.join(self.root, rel)
            try:
                self._sounds[rel] = pygame.mixer.Sound(path) if self.ok else None
            except (pygame.error, FileNotFoundError) as exc:
                log.warning("sound %s could not be loaded (%s)", rel, exc)
                self._sounds[rel] = None
        return self._sounds[rel]

    def configure(self, volume: float, muted: bool) -> None:
        self.volume, self.muted = volume, muted
        if self.ok and self.ambient_name:
            pygame.mixer.music.set_volume(0 if muted else volume * 0.5)

    def play(self, name: str) -> None:
        if not self.ok or self.muted or self.volume <= 0:
            return
        snd = self._get(f"ui/{name}.ogg")
        if snd is not None:
            snd.set_volume(self.volume)
            snd.play()

    def ambient(self, name: str | None, enabled: bool = True) -> None:
        """Loop an ambient sound (or stop, with None); does nothing if it is already playing."""
        if not self.ok:
            return
        if not enabled or self.muted or self.volume <= 0:
            name = None
        if name == self.ambient_name:
            return
        self.ambient_name = name
        try:
            if name is None:
                pygame.mixer.music.fadeout(600)
                return
            path = confined_file(os.path.join(self.root, "ambient"), f"{name}.ogg") if "/" not in name else None
            if path is None:
                raise pygame.error("no such ambient sound in the sounds folder")
            pygame.mixer.music.load(path)
            pygame.mixer.music.set_volume(self.volume * 0.5)
            pygame.mixer.music.play(loops=-1, fade_ms=800)
        except pygame.error as exc:
            log.warning("ambient sound %s could not be played (%s)", name, exc)
