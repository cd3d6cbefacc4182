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

    Each candidate line is measured whole (word widths do not add up exactly because of kerning). A
    word wider than the line is broken where it must be (`break_word`); time grows with the length
    of the text, never faster, so a 100,000-character word takes well under a second.
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
            pieces = break_word(word, font, width)
            lines.extend(pieces[:-1])
            line = pieces[-1]
        lines.append(line)
    return lines


def break_word(word: str, font: pygame.font.Font, width: int) -> list[str]:
    """A word cut into pieces that each fit `width` (the last may be shorter). No line holds more
    characters than fit at the font's narrowest, so each piece is found by halving within a window
    of that many characters: the time is linear in the word's length."""
    narrowest = max(1, min(font.size(c)[0] for c in "il.,'|!:;"))
    window = max(1, width // narrowest + 1)
    pieces: list[str] = []
    start, n, last = 0, len(word), 0
    while start < n:
        part = word[start:start + window]
        if font.size(part)[0] <= width:
            cut = len(part)
        elif 0 < last < len(part) and font.size(part[:last])[0] <= width < font.size(part[:last + 1])[0]:
            cut = last  # a run of like characters breaks where the line before it did
        else:
            lo, hi = 1, len(part) - 1  # the longest prefix that fits (at least one character)
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if font.size(part[:mid])[0] <= width:
                    lo = mid
                else:
                    hi = mid - 1
            cut = lo
        last = cut
        pieces.append(part[:cut])
        start += cut
    return pieces or [""]


def ellipsize(text: str, font: pygame.font.Font, width: int, keep: int = 4) -> str:
    """`text` cut to fit `width` with "…" at the end (at least `keep` characters are kept); found by
    halving, so a long text costs a few measurements, not one per character."""
    if font.size(text)[0] <= width or len(text) <= keep:
        return text
    lo, hi = keep, len(text) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if font.size(text[:mid].rstrip() + "…")[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


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
