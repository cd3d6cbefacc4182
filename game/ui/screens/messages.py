"""Messages: a short notice, and the screen that lists content errors instead of a traceback."""

from __future__ import annotations

from typing import Callable

import pygame

from ...core.diagnostics import Report
from .. import input as act
from ..screen import MenuScreen, Screen
from ..widgets import Button, Scroller
from ..nav import Nav


# The error screen appears when the content (and so its interface words) could not be loaded, so its
# few words live here, in English, as the one exception to "all words come from content".
ERROR_WORDS = {
    "title": "The story content has problems",
    "intro": "The game cannot start until these are fixed. Each line names the file, line and column. "
             "Fix them and press F5 (or choose Try again); run `python main.py lint` for the full list.",
    "reload_intro": "Your changes could not be loaded, so the game keeps running with the content it had. "
                    "Fix these and press F5 again.",
    "retry": "Try again (F5)",
    "quit": "Quit",
    "back": "Back to the game",
    "more": "More below",
}


class MessageScreen(MenuScreen):
    def __init__(self, nav: Nav, title: str, body: str, ok: str | None = None,
                 then: Callable[[], None] | None = None):
        self.then = then
        super().__init__(nav, title, [(ok or nav.kit.ui("ui.ok"), self.done)], body=body, back=self.done,
                         width=900)

    def done(self) -> None:
        self.close()
        if self.then:
            self.then()


class ErrorScreen(Screen):
    """Every content error, each at file:line:col, with a way to retry."""

    def __init__(self, nav: Nav, report: Report, reloading: bool = False):
        super().__init__(nav)
        self.modal = reloading
        self.reloading = reloading
        self.lines = [d.format() for d in report.sorted() if d.severity == "error"]
        self.scroller = Scroller()

    def layout(self) -> None:
        k = self.kit
        pad = k.pad()
        self.panel = pygame.Rect(k.px(40), k.px(30), k.w - 2 * k.px(40), k.h - 2 * k.px(30))
        bw = min(k.px(420), (self.panel.w - 3 * pad) // 2)
        by = self.panel.bottom - pad - k.target()
        first = pygame.Rect(self.panel.x + pad, by, bw, k.target())
        self.buttons = [Button(ERROR_WORDS["retry"], self.retry, rect=first)]
        second = (ERROR_WORDS["back"], lambda: self.close()) if self.reloading else (ERROR_WORDS["quit"], self.quit)
        self.buttons.append(Button(second[0], second[1], rect=first.move(pad + bw, 0)))
        top = self.panel.y + pad + k.line_height("heading") + k.px(10)
        intro = ERROR_WORDS["reload_intro" if self.reloading else "intro"]
        top += k.paragraphs(None, intro, "body", (0, 0, 0), 0, 0, self.panel.w - 2 * pad) + k.px(16)
        self.scroll_rect = pygame.Rect(self.panel.x + pad, top, self.panel.w - 2 * pad, by - top - pad)
        self._list_h = sum(k.paragraphs(None, line, "small", (0, 0, 0), 0, 0, self.scroll_rect.w - k.px(20)) + k.px(6)
                           for line in self.lines)
        self.scroller.set_sizes(self._list_h, self.scroll_rect.h)
        self.dirty = True

    def retry(self) -> None:
        if self.reloading:
            self.close()
            self.nav.reload_content()
            return
        if not self.nav.retry_content():
            self.lines = [d.format() for d in self.nav.report.sorted() if d.severity == "error"]
            self.layout()

    def quit(self) -> None:
        self.nav.quit()

    def on_back(self) -> bool:
        if self.reloading:
            self.close()
            return True
        return False

    def handle(self, a: act.Action) -> bool:
        if a.name in (act.UP, act.DOWN) and self.scroller:
            return self.scroller.scroll((1 if a.name == act.DOWN else -1) * self.kit.px(40))
        return super().handle(a)

    def draw(self, surf: pygame.Surface) -> None:
        k = self.kit
        th = k.theme
        surf.fill(th.bg)
        k.panel(surf, self.panel, border=th.button_edge)
        pad = k.pad()
        y = self.panel.y + pad
        k.text(surf, ERROR_WORDS["title"], "heading", th.heading, (self.panel.x + pad, y))
        y += k.line_height("heading") + k.px(10)
        intro = ERROR_WORDS["reload_intro" if self.reloading else "intro"]
        k.paragraphs(surf, intro, "body", th.text, self.panel.x + pad, y, self.panel.w - 2 * pad)
        clip = surf.get_clip()
        surf.set_clip(self.scroll_rect)
        y = self.scroll_rect.y - self.scroller.offset
        for line in self.lines:
            y += k.paragraphs(surf, line, "small", th.text, self.scroll_rect.x, y, self.scroll_rect.w - k.px(20),
                              clip=self.scroll_rect) + k.px(6)
        self.scroller.draw_cue(k, surf, self.scroll_rect, th.panel, ERROR_WORDS["more"])
        surf.set_clip(clip)
        self.scroller.draw_bar(k, surf, self.scroll_rect)
        self.draw_buttons(surf)
