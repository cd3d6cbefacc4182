"""The kiosk's screens: the attract loop, whose story to live, and "Are you still there?"."""

from __future__ import annotations

from typing import Protocol

import pygame

from ... import input as act
from ...nav import Host
from ...screen import MenuScreen, Screen
from .config import KioskConfig


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
        band = pygame.Rect(0, int(k.h * 0.36), k.w, int(k.h * 0.34))
        if self.veil is None or self.veil.get_size() != band.size:  # made once, not every frame of a fade
            self.veil = pygame.Surface(band.size, pygame.SRCALPHA)
            self.veil.fill((12, 20, 18, 215))
        surf.blit(self.veil, band.topleft)
        white = (255, 255, 255)
        k.text(surf, k.ui("app.title"), "title", white, (k.w // 2, band.y + k.px(20)), "midtop")
        y = band.y + k.px(20) + k.line_height("title")
        words = [k.content.ui("kiosk.touch", lang) for lang in k.content.languages]
        k.text(surf, "  ·  ".join(words), "heading", (246, 217, 168), (k.w // 2, y), "midtop")
        if self.facts:
            fact = self.facts[self.index % len(self.facts)]
            y += k.line_height("heading") + k.px(14)
            width = min(k.w - k.px(120), k.px(1300))
            for line in k.wrap(k.tr(fact.text), "body", width)[:3]:
                k.text(surf, line, "body", white, (k.w // 2, y), "midtop")
                y += k.line_height("body")


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


