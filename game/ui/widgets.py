"""Widgets: buttons, a scrolling text area, meters.

Widgets draw themselves and know their rectangle; they never change game state. Activating a button
calls the function the screen gave it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import pygame

from .input import badge as key_badge
from .kit import Kit
from .text import ellipsize


@dataclass
class Preview:
    """One meter a choice touches: its icon, its name, and at the direction level whether the change is
    better or worse for the person ("better", "worse", "unclear"; "" when the level shows no direction)."""

    icon: str
    name: str
    verdict: str = ""
    who: str = ""
    picture: str | None = None   # the portrait of whose meter it is (officer role)

    def words(self, kit: Kit) -> str:
        """The meter's name, and better or worse, for the tooltip and screen readers."""
        return f"{self.name} {kit.ui('preview.' + self.verdict)}" if self.verdict else self.name


def preview_words(kit: Kit, previews: list[Preview]) -> str:
    """The previews in words, each resident's named once: "Viktor: Trust better, Peers worse"."""
    groups: list[tuple[str, list[str]]] = []
    for p in previews:
        if not groups or groups[-1][0] != p.who:
            groups.append((p.who, []))
        groups[-1][1].append(p.words(kit))
    return "; ".join((f"{who}: " if who else "") + ", ".join(words) for who, words in groups)


@dataclass
class Button:
    label: str
    action: Callable[[], None]
    rect: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    icon: str | None = None
    previews: list[Preview] = field(default_factory=list)
    number: int | None = None          # shown as the key that picks it ("1"... "9", "0", "A"...: input.badge)
    kind: str = "normal"               # normal | primary | quiet
    enabled: bool = True
    note: str = ""                     # a second, smaller line (e.g. a save's date)
    id: str = ""
    picture: str | None = None         # a portrait (asset path) shown at the left

    def height_for(self, kit: Kit, width: int) -> int:
        """How tall this button must be to show its label wrapped in `width`."""
        inner = self._label_width(kit, width)
        lines = kit.wrap(self.label, "button", inner)
        h = len(lines) * kit.line_height("button") + kit.px(22)
        if self.note:
            h += kit.line_height("small")
        if self.previews:
            h += kit.px(36) * len(self._preview_rows(kit, inner))
        if self.picture:
            h = max(h, kit.px(96))
        return max(kit.target(), h)

    def natural_width(self, kit: Kit) -> int:
        """How wide this button must be to show its label on one line."""
        return kit.font("button").size(self.label)[0] + self._chrome(kit) + kit.px(4)

    def _preview_rows(self, kit: Kit, width: int) -> list[list[Preview]]:
        """The previews split into rows that fit `width` (a resident's meters stay together)."""
        rows: list[list[Preview]] = [[]]
        x = 0
        last = None
        for p in self.previews:
            w = kit.px(52 if p.verdict else 36) + (kit.px(44) if p.picture and p.who != last else 0)
            if rows[-1] and x + w > width:
                rows.append([])
                x = 0
                last = None
                w = kit.px(52 if p.verdict else 36) + (kit.px(44) if p.picture else 0)
            rows[-1].append(p)
            x += w
            last = p.who
        return rows

    def _chrome(self, kit: Kit) -> int:
        """The width around the label: margins, the key badge, the icon, the portrait."""
        left = kit.px(20) + (kit.px(40) if self.number is not None else 0) + (kit.px(40) if self.icon else 0)
        left += kit.px(96) if self.picture else 0
        return left + kit.px(20)

    def _label_width(self, kit: Kit, width: int) -> int:
        return max(60, width - self._chrome(kit))

    def draw(self, kit: Kit, surf: pygame.Surface, focused: bool, pressed: bool = False) -> None:
        th = kit.theme
        r = self.rect
        radius = kit.px(12)
        if self.kind == "quiet" and not focused:
            bg, fg = th.panel, th.text
        else:
            bg, fg = (th.focus, th.focus_text) if focused else (th.button, th.button_text)
        if not self.enabled:
            bg, fg = th.panel, th.muted
        if focused:
            ring = r.inflate(kit.px(10), kit.px(10))
            pygame.draw.rect(surf, th.focus_ring, ring, width=max(3, kit.px(4)), border_radius=radius + kit.px(4))
        pygame.draw.rect(surf, bg, r.move(0, kit.px(2) if pressed else 0), border_radius=radius)
        edge = th.focus if focused else th.button_edge
        pygame.draw.rect(surf, edge, r, width=max(2, kit.px(2)) if self.kind != "primary" else max(3, kit.px(3)),
                         border_radius=radius)
        x = r.x + kit.px(20)
        y = r.y + kit.px(11)
        if self.number is not None:
            badge = pygame.Rect(x, r.y + (min(r.h, kit.target()) - kit.px(30)) // 2, kit.px(30), kit.px(30))
            pygame.draw.rect(surf, fg, badge, width=max(1, kit.px(2)), border_radius=kit.px(6))
            kit.text(surf, key_badge(self.number), "small", fg, badge.center, "center", box=badge.inflate(4, 4))
            x += kit.px(40)
        if self.icon:
            size = kit.px(30)
            img = kit.images.icon(self.icon, size, fg)
            surf.blit(img, (x, r.y + (min(r.h, kit.target()) - size) // 2))
            x += kit.px(40)
        if self.picture:
            size = min(kit.px(84), r.h - kit.px(12))
            surf.blit(kit.images.load(self.picture, (size, size)), (x, r.y + (r.h - size) // 2))
            x += kit.px(96)
        width = self._label_width(kit, r.w)
        lines = kit.wrap(self.label, "button", width)
        lh = kit.line_height("button")
        rows = self._preview_rows(kit, width) if self.previews else []
        block = len(lines) * lh + (kit.line_height("small") if self.note else 0) + kit.px(36) * len(rows)
        y = r.y + max(kit.px(11), (r.h - block) // 2)
        box = pygame.Rect(x, r.y, r.right - x - kit.px(8), r.h)
        for line in lines:
            kit.put(surf, kit.render(line, "button", fg), (x, y), line, box)
            y += lh
        if self.note:
            note = ellipsize(self.note, kit.font("small"), box.w)
            kit.text(surf, note, "small", fg, (x, y), box=box)
            y += kit.line_height("small")
        for row in rows:
            self._draw_previews(kit, surf, row, x, y + kit.px(4), fg, focused)
            y += kit.px(36)

    def _draw_previews(self, kit: Kit, surf: pygame.Surface, row: list[Preview], x: int, y: int, fg,
                       focused: bool) -> None:
        th = kit.theme
        size = kit.px(24)
        last_who = None
        for p in row:
            if p.picture and p.who != last_who:
                if last_who is not None:
                    x += kit.px(10)
                face = kit.px(30)
                surf.blit(kit.images.load(p.picture, (face, face)), (x, y - (face - size) // 2))
                x += face + kit.px(4)
                last_who = p.who
            icon = kit.images.icon(p.icon, size, fg)
            surf.blit(icon, (x, y))
            x += size + kit.px(4)
            # better or worse for the person: shape (up, down) and colour agree; "~" when it depends
            if p.verdict in ("better", "worse"):
                color = fg if focused else (th.good if p.verdict == "better" else th.bad)
                kit.triangle(surf, (x + kit.px(8), y + size // 2), kit.px(14), p.verdict == "better", color)
                x += kit.px(28)
            elif p.verdict == "unclear":
                kit.text(surf, "~", "label", fg, (x + kit.px(2), y - kit.px(4)))
                x += kit.px(28)
            else:
                x += kit.px(8)


def tooltip(kit: Kit, surf: pygame.Surface, anchor: pygame.Rect, text: str) -> None:
    """A small box of words just above `anchor` (below it when there is no room), kept on screen."""
    th = kit.theme
    pad = kit.px(10)
    width = min(kit.w - 2 * pad, kit.px(560))
    lines = kit.wrap(text, "small", width - 2 * pad)
    w = max(kit.font("small").size(line)[0] for line in lines) + 2 * pad
    h = len(lines) * kit.line_height("small") + 2 * pad
    x = min(max(pad, anchor.x), kit.w - w - pad)
    y = anchor.y - h - kit.px(6)
    if y < pad:
        y = min(anchor.bottom + kit.px(6), kit.h - h - pad)
    box = pygame.Rect(x, y, w, h)
    pygame.draw.rect(surf, th.bar, box, border_radius=kit.px(8))
    pygame.draw.rect(surf, th.focus_ring, box, width=max(1, kit.px(2)), border_radius=kit.px(8))
    for i, line in enumerate(lines):
        kit.text(surf, line, "small", th.bar_text, (x + pad, y + pad + i * kit.line_height("small")))


class Scroller:
    """Vertical scrolling of content taller than its box (wheel, drag, keys)."""

    def __init__(self) -> None:
        self.offset = 0
        self.content_h = 0
        self.view_h = 0

    @property
    def max_offset(self) -> int:
        return max(0, self.content_h - self.view_h)

    def set_sizes(self, content_h: int, view_h: int) -> None:
        self.content_h, self.view_h = content_h, view_h
        self.offset = min(self.offset, self.max_offset)

    def scroll(self, pixels: float) -> bool:
        before = self.offset
        self.offset = int(min(self.max_offset, max(0, self.offset + pixels)))
        return self.offset != before

    def draw_cue(self, kit: Kit, surf: pygame.Surface, rect: pygame.Rect, bg: tuple[int, ...],
                 words: str | None = None) -> None:
        """Unmistakable signs that the text goes on: the last lines fade into the panel (`bg`) under a
        "More below" tab with a downward triangle, and the first lines fade when scrolled from the top."""
        if self.max_offset <= 0:
            return
        band = min(rect.h // 3, kit.px(64))
        if self.offset > 0:
            surf.blit(kit.fade(rect.w, band // 2, bg, down=False), (rect.x, rect.y))
        if self.offset >= self.max_offset:
            return
        th = kit.theme
        surf.blit(kit.fade(rect.w, band, bg), (rect.x, rect.bottom - band))
        words = words or kit.ui("ui.more_below")
        img = kit.render(words, "small", th.button_text)
        tri = kit.px(14)
        pad = kit.px(10)
        w = min(rect.w, img.get_width() + tri + 3 * pad)
        h = min(band, img.get_height() + kit.px(6))
        tab = pygame.Rect(rect.centerx - w // 2, rect.bottom - h, w, h)
        pygame.draw.rect(surf, th.button, tab, border_radius=h // 2)
        pygame.draw.rect(surf, th.button_edge, tab, width=max(1, kit.px(2)), border_radius=h // 2)
        kit.put(surf, img, img.get_rect(midleft=(tab.x + pad, tab.centery)), words, tab)
        kit.triangle(surf, (tab.right - pad - tri // 2, tab.centery), tri, False, th.button_text)

    def draw_bar(self, kit: Kit, surf: pygame.Surface, rect: pygame.Rect) -> None:
        """A scroll bar at the right edge of `rect`, only when there is more to see."""
        if self.max_offset <= 0:
            return
        th = kit.theme
        w = max(6, kit.px(10))
        track = pygame.Rect(rect.right - w, rect.y, w, rect.h)
        pygame.draw.rect(surf, th.track, track, border_radius=w // 2)
        h = max(kit.px(40), int(rect.h * self.view_h / max(1, self.content_h)))
        y = rect.y + int((rect.h - h) * self.offset / max(1, self.max_offset))
        pygame.draw.rect(surf, th.muted, (track.x, y, w, h), border_radius=w // 2)


def meter(kit: Kit, surf: pygame.Surface, rect: pygame.Rect, value: float, label: str, icon: str | None,
          risk: bool = False, show_number: bool = True) -> None:
    """A labelled bar with its number: the value is readable without colour."""
    th = kit.theme
    x = rect.x
    if icon:
        size = min(rect.h, kit.px(28))
        surf.blit(kit.images.icon(icon, size, th.text), (x, rect.y + (rect.h - size) // 2))
        x += size + kit.px(8)
    font = kit.font("small")
    num_w = font.size("100")[0] + kit.px(6) if show_number else 0
    # the name gets what it needs (up to 60% of the row), the bar keeps at least a fifth
    name_w = min(max(int(rect.w * 0.42), font.size(label)[0] + kit.px(12)), int((rect.right - x) * 0.6))
    while font.size(label)[0] > name_w - kit.px(8) and len(label) > 4:
        label = label[:-2].rstrip() + "…"
    kit.text(surf, label, "small", th.text, (x, rect.centery), "midleft",
             box=pygame.Rect(x, rect.y, name_w - kit.px(6), rect.h))
    bar_x = x + name_w
    bar = pygame.Rect(bar_x, rect.centery - kit.px(7), max(10, rect.right - bar_x - num_w - kit.px(6)), kit.px(14))
    pygame.draw.rect(surf, th.track, bar, border_radius=bar.h // 2)
    fill = bar.copy()
    fill.w = int(bar.w * max(0.0, min(100.0, value)) / 100)
    if fill.w > 0:
        pygame.draw.rect(surf, th.fill, fill, border_radius=bar.h // 2)
    if show_number:
        kit.text(surf, str(round(value)), "small", th.text, (rect.right, rect.centery), "midright",
                 box=pygame.Rect(bar.right, rect.y, rect.right - bar.right, rect.h))
