"""Fonts, wrapped text, and a cache of rendered lines.

Text is wrapped by measured width (never by counting characters), so it fits any font and size,
and rendered lines are cached by (text, font, colour): a still screen re-draws from the cache.
"""

from __future__ import annotations

import os
from collections import OrderedDict

import pygame

from ..core.paths import assets_dir

FAMILIES = {
    "atkinson": {"regular": "AtkinsonHyperlegible-Regular.ttf", "bold": "AtkinsonHyperlegible-Bold.ttf",
                 "italic": "AtkinsonHyperlegible-Italic.ttf"},
    "dyslexic": {"regular": "OpenDyslexic-Regular.otf", "bold": "OpenDyslexic-Bold.otf",
                 "italic": "OpenDyslexic-Regular.otf"},
}


class Fonts:
    """Font objects by family, style and pixel size, loaded once."""

    def __init__(self, family: str = "atkinson"):
        self.family = family
        self._fonts: dict[tuple[str, str, int], pygame.font.Font] = {}

    def get(self, size: int, style: str = "regular") -> pygame.font.Font:
        size = max(8, int(size))
        key = (self.family, style, size)
        font = self._fonts.get(key)
        if font is None:
            name = FAMILIES.get(self.family, FAMILIES["atkinson"])[style]
            path = os.path.join(assets_dir(), "fonts", name)
            try:
                font = pygame.font.Font(path, size)
            except (OSError, FileNotFoundError, pygame.error):
                font = pygame.font.Font(None, size)  # pygame's built-in font: never crash on a missing file
            self._fonts[key] = font
        return font


def wrap(text: str, font: pygame.font.Font, width: int) -> list[str]:
    """Lines of text no wider than `width` pixels; blank lines separate paragraphs.

    Each candidate line is measured whole (word widths do not add up exactly because of kerning).
    """
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.split()
        if not words:
            lines.append("")
            continue
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if font.size(candidate)[0] <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = word
            while font.size(line)[0] > width and len(line) > 1:  # a single word wider than the line
                cut = len(line) - 1
                while cut > 1 and font.size(line[:cut])[0] > width:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line)
    return lines


class TextCache:
    """Rendered text surfaces, least recently used first out, within a count and a memory budget
    (a line of body text is about 100 KB at 1080p, so a count alone let the cache reach 100 MB)."""

    def __init__(self, limit: int = 1200, max_bytes: int = 16 * 1024 * 1024):
        self.limit = limit
        self.max_bytes = max_bytes
        self._items: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._bytes = 0

    def render(self, font: pygame.font.Font, text: str, color: tuple[int, int, int]) -> pygame.Surface:
        key = (id(font), text, color)
        surf = self._items.get(key)
        if surf is not None:
            self._items.move_to_end(key)
            return surf
        surf = font.render(text, True, color)
        self._items[key] = surf
        self._bytes += surf.get_pitch() * surf.get_height()
        while len(self._items) > 1 and (len(self._items) > self.limit or self._bytes > self.max_bytes):
            old = self._items.popitem(last=False)[1]
            self._bytes -= old.get_pitch() * old.get_height()
        return surf

    def clear(self) -> None:
        self._items.clear()
        self._bytes = 0
