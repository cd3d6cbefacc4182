"""What every screen draws with: sizes that scale with the window, fonts, colours, words, pictures.

All sizes derive from one scale factor, `s = min(width / 1600, height / 900)`, times the player's text
size, so a layout written once holds from 1024x600 to 3840x2160. Touch targets are at least 48 px high
at 1080p and grow with the screen.
"""

from __future__ import annotations

from typing import Any

import pygame

from ..core.content import Content
from ..core.play import figures
from .assets import Images, Sounds
from .settings import TEXT_SIZES, Settings
from .text import Fonts, TextCache, wrap
from .theme import THEMES, Theme

ROLES = {  # font role: (size at scale 1, style)
    "small": (19, "regular"),
    "body": (24, "regular"),
    "body_bold": (24, "bold"),
    "label": (22, "bold"),
    "button": (23, "regular"),
    "heading": (32, "bold"),
    "title": (64, "bold"),
    "huge": (96, "bold"),
}
MIN_FONT = 15


class Kit:
    def __init__(self, content: Content, settings: Settings, images: Images, sounds: Sounds):
        self.content = content
        self.settings = settings
        self.images = images
        self.sounds = sounds
        images.set_tone(self.theme.picture_tone)
        self.cache = TextCache()
        self._wraps: dict[tuple, list[str]] = {}
        self.fonts = Fonts(settings.font)
        self.w, self.h = 1280, 720
        self.s = 0.8
        self.lang = settings.lang or content.default_lang
        self.min_target = 44         # the kiosk raises this (15 mm fingers)
        self.audit: list | None = None  # tests set a list to record where every text is drawn
        self.spare_layer: pygame.Surface | None = None  # a full-screen surface for the next play screen
        self._fades: dict[tuple[int, int, tuple[int, ...], bool], pygame.Surface] = {}
        self.voice: Any = None       # the self-voicing Voice (voice.py), set by the app

    # -- configuration -----------------------------------------------------------------------
    def resize(self, w: int, h: int) -> None:
        self.w, self.h = w, h
        self.s = min(w / 1600, h / 900)

    def apply(self, settings: Settings) -> None:
        if settings.font != self.fonts.family:
            self.fonts = Fonts(settings.font)
            self.cache.clear()
            self._wraps.clear()
        self.settings = settings
        self.images.set_tone(self.theme.picture_tone)
        if settings.lang and settings.lang in self.content.languages:
            self.lang = settings.lang
        elif self.lang not in self.content.languages:
            self.lang = self.content.default_lang

    @property
    def theme(self) -> Theme:
        return THEMES.get(self.settings.theme, THEMES["light"])

    @property
    def text_scale(self) -> float:
        return TEXT_SIZES.get(self.settings.text_size, 1.0)

    # -- sizes -------------------------------------------------------------------------------
    def px(self, units: float) -> int:
        """A length in layout units (1600x900 design space) in pixels."""
        return max(1, int(round(units * self.s)))

    def font(self, role: str) -> pygame.font.Font:
        size, style = ROLES[role]
        scale = 1.0 if role in ("title", "huge") else self.text_scale
        return self.fonts.get(max(MIN_FONT, round(size * self.s * scale)), style)

    def line_height(self, role: str) -> int:
        return int(self.font(role).get_linesize() * (1.18 if role in ("body", "body_bold", "small") else 1.05))

    def target(self) -> int:
        """Minimum height of anything pressable: 48 px at 1080p, scaled, and never below 44 px."""
        return max(self.min_target, int(48 * self.h / 1080), self.line_height("button") + self.px(20))

    def pad(self) -> int:
        return self.px(28)

    # -- words -------------------------------------------------------------------------------
    def tr(self, text: dict | None) -> str:
        return self.content.text(text, self.lang)

    def ui(self, key: str, **values: Any) -> str:
        return self.content.ui(key, self.lang, **values)

    def num(self, value: float, fmt: str = "g") -> str:
        """A number written the language's way (a decimal comma in Norwegian), minus as a real minus."""
        return figures.number(self.content, value, self.lang, fmt)

    # -- drawing -----------------------------------------------------------------------------
    def render(self, text: str, role: str, color: tuple[int, int, int]) -> pygame.Surface:
        return self.cache.render(self.font(role), text, color)

    def put(self, surf: pygame.Surface, img: pygame.Surface, rect: pygame.Rect | tuple[int, int],
            text: str = "", box: pygame.Rect | None = None) -> pygame.Rect:
        """Blit rendered text; with auditing on, remember where it went and what box held it."""
        rect = img.get_rect(topleft=rect) if not isinstance(rect, pygame.Rect) else rect
        surf.blit(img, rect)
        if self.audit is not None:
            self.audit.append((text, pygame.Rect(rect), box or surf.get_clip(), surf.get_size()))
        return rect

    def text(self, surf: pygame.Surface, text: str, role: str, color, pos: tuple[int, int],
             anchor: str = "topleft", box: pygame.Rect | None = None) -> pygame.Rect:
        img = self.render(text, role, color)
        return self.put(surf, img, img.get_rect(**{anchor: pos}), text, box)

    def wrap(self, text: str, role: str, width: int) -> list[str]:
        font = self.font(role)
        key = (text, id(font), width)
        got = self._wraps.get(key)
        if got is None:
            if len(self._wraps) > 2000:
                self._wraps.clear()
            got = self._wraps[key] = wrap(text, font, max(40, width))
        return got

    def paragraphs(self, surf: pygame.Surface | None, text: str, role: str, color, x: int, y: int,
                   width: int, clip: pygame.Rect | None = None) -> int:
        """Draw wrapped text from (x, y); returns the height used. With surf None, only measures."""
        lh = self.line_height(role)
        gap = lh // 2
        top = y
        for line in self.wrap(text, role, width):
            if line == "":
                y += gap
                continue
            if surf is not None and (clip is None or (y + lh >= clip.top and y <= clip.bottom)):
                self.put(surf, self.render(line, role, color), (x, y), line,
                         pygame.Rect(x, (clip or surf.get_clip()).y, width, (clip or surf.get_clip()).h))
            y += lh
        return y - top

    def darken(self, surf: pygame.Surface, rect: pygame.Rect | None, alpha: int) -> None:
        """Darken an area as a black veil of this opacity would, without allocating a veil surface
        (a full-screen one is 8 MB at 1080p, and modal screens drew one every frame)."""
        if alpha > 0:
            keep = 255 - min(255, alpha)
            surf.fill((keep, keep, keep), rect, special_flags=pygame.BLEND_MULT)

    def fade(self, w: int, h: int, color: tuple[int, ...], down: bool = True) -> pygame.Surface:
        """A band that fades from clear to `color` (downwards, or upwards), made once per size."""
        key = (w, h, tuple(color[:3]), down)
        got = self._fades.get(key)
        if got is None:
            if len(self._fades) > 16:
                self._fades.clear()
            got = pygame.Surface((max(1, w), max(1, h)), pygame.SRCALPHA)
            for row in range(h):
                t = (row + 1) / h if down else (h - row) / h
                got.fill((*color[:3], int(255 * min(1.0, t * 1.15))), (0, row, w, 1))
            self._fades[key] = got
        return got

    def panel(self, surf: pygame.Surface, rect: pygame.Rect, color=None, radius: int | None = None,
              border: tuple[int, int, int] | None = None) -> None:
        r = self.px(14) if radius is None else radius
        pygame.draw.rect(surf, color or self.theme.panel, rect, border_radius=r)
        if border is not None:
            pygame.draw.rect(surf, border, rect, width=max(2, self.px(2)), border_radius=r)

    def triangle(self, surf: pygame.Surface, center: tuple[int, int], size: int, up: bool, color) -> None:
        """An up or down triangle: direction by shape, not only by colour."""
        cx, cy = center
        h = size
        if up:
            pts = [(cx, cy - h // 2), (cx - h // 2, cy + h // 2), (cx + h // 2, cy + h // 2)]
        else:
            pts = [(cx, cy + h // 2), (cx - h // 2, cy - h // 2), (cx + h // 2, cy - h // 2)]
        pygame.draw.polygon(surf, color, pts)

    def arrow(self, surf: pygame.Surface, x: int, cy: int, length: int, color) -> int:
        """A small right-pointing arrow (the fonts have no arrow glyph); returns its right edge."""
        t = max(2, self.px(2))
        head = max(4, self.px(6))
        pygame.draw.line(surf, color, (x, cy), (x + length - head, cy), t)
        tip = [(x + length, cy), (x + length - head, cy - head), (x + length - head, cy + head)]
        pygame.draw.polygon(surf, color, tip)
        return x + length

    def choice_label(self, scene_id: str, choice_id: str) -> str:
        """What a choice in a run's history said, in the player's language (its id if it is gone)."""
        scene = self.content.scenes.get(scene_id)
        if scene is None:
            return choice_id
        for c in scene.choices:
            if c.id == choice_id:
                return self.tr(c.text)
        return self.ui("ui.continue") if choice_id == "continue" else choice_id

    def var_name(self, var: str) -> str:
        spec = self.content.model.variables.get(var)
        return self.tr(spec.name) if spec else var

    def var_icon(self, var: str) -> str:
        spec = self.content.model.variables.get(var)
        return (spec.icon if spec else None) or var
