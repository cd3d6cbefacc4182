"""The kiosk's screens: the attract loop, whose story to live, "Are you still there?", the staff PIN,
and the out-of-order card. Each lays itself out for a portrait screen as well as a landscape one."""

from __future__ import annotations

from typing import Protocol

import pygame

from ... import input as act
from ...nav import Host
from ...screen import MenuScreen, Screen
from ...screens.entry import EntryScreen
from .config import KioskConfig

# The out-of-order card is shown when no story could be loaded, so its words cannot come from the
# content; they are here, in every shipped language, as on the content error screen.
OUT_OF_ORDER = {
    "en": ("Out of order", "This station is not working at the moment. Please ask a member of staff."),
    "nb": ("Ute av drift", "Denne stasjonen virker ikke akkurat nå. Spør gjerne en av de ansatte."),
}


class Visit(Protocol):
    """A visit as the kiosk's screens see it (the mode holds it)."""

    config: KioskConfig
    last_input: float

    def begin(self, role: str) -> None: ...
    def home(self) -> None: ...


class AttractScreen(Screen):
    """Pictures and short facts that change by themselves; any touch begins."""

    fps = 30  # a slow crossfade looks the same at 30 frames a second, at half the cost of 60

    def __init__(self, host: Host, visit: Visit):
        super().__init__(host)
        self.host = host
        self.visit = visit
        k = host.kit
        self.slides = [p.art for p in k.content.places.values() if p.art] or ["title/attract.svg"]
        self.slides.insert(0, "title/attract.svg")
        self.facts = [f for f in k.content.facts.values() if "attract" in f.tags]
        self.index = 0
        self.shown_at = host.clock()
        self.fade = 0.0
        self.veil: pygame.Surface | None = None

    def enter(self) -> None:
        super().enter()
        self.nav.kit.sounds.ambient(None)
        self.shown_at = self.host.clock()

    def layout(self) -> None:
        self.buttons = []
        self.dirty = True

    def update(self, dt: float) -> bool:
        cfg = self.visit.config
        now = self.host.clock()
        if now - self.shown_at >= cfg.attract_seconds:
            self.index += 1
            self.shown_at = now
            self.fade = 0.0 if not self.nav.settings.reduced_motion else 1.0
            self.nav.dirty = True
        if self.fade < 1.0:
            self.fade = min(1.0, self.fade + dt / 0.6)
            return True
        return False

    def handle(self, a: act.Action) -> bool:
        if a.name in (act.RELEASE, act.CONFIRM, act.SWITCH) or (a.name == act.CHOOSE):
            if a.name == act.RELEASE and a.pos == (-1, -1):
                return False
            self.nav.push(KioskStartScreen(self.host, self.visit))
            return True
        return False

    def draw(self, surf: pygame.Surface) -> None:
        k = self.kit
        art = self.slides[self.index % len(self.slides)]
        img = k.images.cover(art, (k.w, k.h))
        if self.fade < 1.0:
            prev = k.images.cover(self.slides[(self.index - 1) % len(self.slides)], (k.w, k.h))
            surf.blit(prev, (0, 0))
            img.set_alpha(int(255 * self.fade))
            surf.blit(img, (0, 0))
            img.set_alpha(None)
        else:
            surf.blit(img, (0, 0))
        white = (255, 255, 255)
        portrait = k.h > k.w
        width = k.w - 2 * k.px(40) if portrait else min(k.w - k.px(120), k.px(1300))
        lines = self.fact_lines(width)
        title = "huge" if portrait else "title"
        touch_role = "title" if portrait else "heading"
        words = [k.content.ui("kiosk.touch", lang) for lang in k.content.languages]
        joined = "  ·  ".join(words)
        touch = [joined] if k.font(touch_role).size(joined)[0] <= width else words
        h = (k.px(20) + k.line_height(title) + len(touch) * k.line_height(touch_role)
             + sum(k.line_height(role) for _, role, _ in lines) + (k.px(14) if lines else 0) + k.px(20))
        if portrait:  # a tall screen: the band in the lower middle, as tall as its text
            band = pygame.Rect(0, max(0, min(int(k.h * 0.42), k.h - h)), k.w, h)
        else:
            band = pygame.Rect(0, min(int(k.h * 0.36), k.h - h), k.w, max(h, int(k.h * 0.34)))
        if self.veil is None or self.veil.get_size() != band.size:  # made once, not every frame of a fade
            self.veil = pygame.Surface(band.size, pygame.SRCALPHA)
            self.veil.fill((12, 20, 18, 215))
        surf.blit(self.veil, band.topleft)
        y = band.y + k.px(20)
        k.text(surf, k.ui("app.title"), title, white, (k.w // 2, y), "midtop")
        y += k.line_height(title)
        for line in touch:
            k.text(surf, line, touch_role, (246, 217, 168), (k.w // 2, y), "midtop")
            y += k.line_height(touch_role)
        y += k.px(14)
        for line, role, color in lines:
            k.text(surf, line, role, color or white, (k.w // 2, y), "midtop")
            y += k.line_height(role)

    def fact_lines(self, width: int) -> list[tuple[str, str, tuple[int, int, int] | None]]:
        """The fact now shown, as (line, font role, colour): its text, its caveat, its source. A
        figure never appears without what it does not measure and where it comes from. A tall
        (portrait) screen is narrower in design units, so its text is set a size larger."""
        if not self.facts:
            return []
        k = self.kit
        portrait = k.h > k.w
        main, small = ("heading", "body") if portrait else ("body", "small")
        fact = self.facts[self.index % len(self.facts)]
        out: list[tuple[str, str, tuple[int, int, int] | None]] = [
            (line, main, None) for line in k.wrap(k.tr(fact.text), main, width)]
        soft = (214, 226, 220)
        if fact.caveat:
            out += [(line, small, soft) for line in k.wrap(k.tr(fact.caveat), small, width)]
        if fact.sources:
            source = k.ui("play.source", source="; ".join(src.title for src in fact.sources))
            out += [(line, small, soft) for line in k.wrap(source, small, width)]
        return out


class KioskStartScreen(MenuScreen):
    """Choose whose story to live, in five minutes."""

    def __init__(self, host: Host, visit: Visit):
        self.host = host
        self.visit = visit
        k = host.kit
        langs = list(k.content.languages)
        items = [(k.ui("kiosk.resident"), lambda: visit.begin("resident")),
                 (k.ui("kiosk.officer"), lambda: visit.begin("officer"))]
        icons: list[str | None] = ["person", "trust"]
        for code in langs:
            if code != k.lang:
                items.append((k.content.languages[code], lambda c=code: host.set_language(c)))
                icons.append("language")
        super().__init__(host, k.ui("kiosk.choose"), items, body=k.ui("kiosk.choose_body"), icons=icons,
                         back=self.close, width=900)

    def layout(self) -> None:
        k = self.kit
        self.title = k.ui("kiosk.choose")
        self.body = k.ui("kiosk.choose_body")
        self.items[0] = (k.ui("kiosk.resident"), self.items[0][1])
        self.items[1] = (k.ui("kiosk.officer"), self.items[1][1])
        super().layout()

    def update(self, dt: float) -> bool:
        if self.host.clock() - self.visit.last_input > self.visit.config.idle_seconds:
            self.visit.home()
            return True
        return False


class StillThereScreen(MenuScreen):
    def __init__(self, host: Host, visit: Visit):
        self.host = host
        self.mode = visit
        k = host.kit
        super().__init__(host, k.ui("kiosk.still_there"), [(k.ui("kiosk.yes_here"), lambda: self.close(True))],
                         body="", icons=["check"], back=lambda: self.close(True), width=800)

    def remaining(self) -> int:
        cfg = self.mode.config
        left = cfg.idle_seconds + cfg.countdown_seconds - (self.host.clock() - self.mode.last_input)
        return max(0, int(left + 0.999))

    def layout(self) -> None:
        self.body = self.kit.ui("kiosk.countdown", n=self.remaining())
        super().layout()

    def handle(self, a: act.Action) -> bool:
        if a.name in (act.PRESS, act.RELEASE, act.CONFIRM, act.SWITCH, act.CHOOSE):
            self.close(True)
            return True
        return super().handle(a)

    def update(self, dt: float) -> bool:
        body = self.kit.ui("kiosk.countdown", n=self.remaining())
        if body != self.body:
            self.body = body
            self.layout()
            self.nav.dirty = True
        return False




class PinScreen(EntryScreen):
    """The staff PIN, typed on an on-screen number pad (a held corner opened it), shown as stars."""

    def draw(self, surf: pygame.Surface) -> None:
        value, self.value = self.value, "*" * len(self.value)
        try:
            super().draw(surf)
        finally:
            self.value = value


def pin_screen(host: Host) -> PinScreen:
    k = host.kit
    return PinScreen(host, k.ui("kiosk.staff_title"), k.ui("kiosk.staff_prompt"), "", max_len=8,
                     keys=list("1234567890"), validate=lambda v: v.isdigit() and len(v) >= 4)


class OutOfOrderScreen(Screen):
    """No story could be loaded and none played before: a plain card in every language, no buttons.
    The kiosk exits with status 3 after `out_of_order_seconds` so that its supervisor acts."""

    def layout(self) -> None:
        self.buttons = []
        self.dirty = True

    def handle(self, a: act.Action) -> bool:
        return True  # nothing to do for a visitor here

    def draw(self, surf: pygame.Surface) -> None:
        k = self.kit
        surf.fill((24, 28, 30))
        width = min(k.w - 2 * k.px(40), k.px(1300))
        blocks = [(title, k.wrap(body, "body", width)) for title, body in OUT_OF_ORDER.values()]
        h = sum(k.line_height("title") + len(lines) * k.line_height("body") + k.px(30) for _, lines in blocks)
        y = (k.h - h) // 2
        for title, lines in blocks:
            k.text(surf, title, "title", (255, 255, 255), (k.w // 2, y), "midtop")
            y += k.line_height("title")
            for line in lines:
                k.text(surf, line, "body", (214, 226, 220), (k.w // 2, y), "midtop")
                y += k.line_height("body")
            y += k.px(30)
