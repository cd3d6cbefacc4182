"""What every play screen shares: the place's picture behind, the top bar (where and when we are),
the journal and menu buttons. The play screens themselves: day.py (a scene and its choices),
dayend.py (the end of a day and of a phase), ending.py; route.py picks the one for where the game is.
"""

from __future__ import annotations

import pygame

from .. import input as act
from ..nav import Nav
from ..screen import Screen
from ..text import ellipsize
from ..widgets import Button


class PlayScreen(Screen):
    """Common parts of the play screens: the picture behind, the top bar, journal and menu."""

    is_play = True

    def __init__(self, nav: Nav):
        super().__init__(nav)
        assert nav.play is not None
        self.play = nav.play
        self.engine = nav.play.engine
        self.static: pygame.Surface | None = None
        self.top_buttons: list[Button] = []

    def exit(self) -> None:
        super().exit()
        self.static = None

    def place_id(self) -> str:
        return self.play.place

    def picture(self) -> str | None:
        place = self.kit.content.places.get(self.place_id())
        return place.art if place else None

    def bar_height(self) -> int:
        return self.kit.target() + self.kit.px(16)

    def make_top_buttons(self) -> list[Button]:
        k = self.kit
        h = k.target()
        y = (self.bar_height() - h) // 2
        menu = Button(k.ui("play.menu"), self.open_menu, icon="pause", kind="quiet", id="menu")
        journal = Button(k.ui("play.journal"), self.open_journal, icon="journal", kind="quiet", id="journal")
        reserved = self.nav.mode.reserved_top_right()
        x = k.w - k.px(16) - reserved
        out = []
        for b in ((journal,) if reserved else (menu, journal)):
            w = k.font("button").size(b.label)[0] + k.px(84)
            x -= w
            b.rect = pygame.Rect(x, y, w, h)
            x -= k.px(10)
            out.append(b)
        return out[::-1]

    def open_menu(self) -> None:
        if not self.nav.mode.has_pause_menu():
            return
        from .menus import PauseScreen
        self.nav.push(PauseScreen(self.nav))

    def open_journal(self) -> None:
        from .journal import JournalScreen
        self.nav.push(JournalScreen(self.nav))

    def on_back(self) -> bool:
        self.open_menu()
        return True

    def handle(self, a: act.Action) -> bool:
        if a.name == act.JOURNAL:
            self.open_journal()
            return True
        if a.name == act.MENU:
            self.open_menu()
            return True
        return super().handle(a)

    def where_line(self) -> str:
        k = self.kit
        e = self.engine
        phase = k.tr(k.content.phases[e.phase].name if e.phase in k.content.phases else None) or e.phase
        slot = k.content.ui(f"slot.{e.slot_name}", k.lang)
        if slot.startswith("slot."):
            slot = e.slot_name.replace("_", " ").capitalize()
        day = e.day
        if day is not None and day.title and e.campaign.subject != "player":
            return k.ui("play.shift_line", day=e.state.day, phase=phase, title=k.tr(day.title))
        return k.ui("play.day_line", day=e.state.day, phase=phase, slot=slot)

    def draw_background(self, surf: pygame.Surface, dim: int = 0) -> None:
        k = self.kit
        th = k.theme
        bar = self.bar_height()
        art = self.picture()
        area = (k.w, k.h - bar)
        if art:
            surf.blit(k.images.cover(art, area), (0, bar))
        else:
            surf.fill(th.bg, (0, bar, *area))
        shade = dim + th.picture_dim + th.shade
        if shade:
            k.darken(surf, pygame.Rect((0, bar), area), min(220, shade))

    def draw_bar(self, surf: pygame.Surface, subtitle: str = "") -> None:
        k = self.kit
        th = k.theme
        bar = self.bar_height()
        pygame.draw.rect(surf, th.bar, (0, 0, k.w, bar))
        x = k.px(24)
        limit = (self.top_buttons[0].rect.x if self.top_buttons else k.w) - k.px(20)
        line = ellipsize(self.where_line(), k.font("label"), limit - x, keep=8)
        k.text(surf, line, "label", th.bar_text, (x, bar // 2 - (k.line_height("small") // 2 if subtitle else 0)),
               "midleft")
        if subtitle:
            k.text(surf, subtitle, "small", th.bar_text, (x, bar // 2 + k.line_height("label") // 2), "midleft")
