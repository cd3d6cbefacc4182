"""About and credits: what the game is, who made what, the fonts and their licences, every source."""

from __future__ import annotations


import pygame

from .. import input as act
from ..screen import Screen
from ..widgets import Button, Scroller
from .journal import source_text
from ..nav import Nav



def all_sources(content) -> list[str]:
    """Every distinct source named anywhere in the content, in a stable order."""
    seen: dict[str, None] = {}
    groups = [f["sources"] for f in content.facts.values()]
    groups += [f.sources for f in content.model.factors] + [m.sources for m in content.model.modifiers]
    groups += [content.model.sources] + [p["sources"] for p in content.principles.values()]
    for group in groups:
        for src in group:
            text = source_text(src)
            if text.lower() != "assumption":
                seen.setdefault(text, None)
    return sorted(seen, key=str.lower)


class CreditsScreen(Screen):
    def __init__(self, nav: Nav):
        super().__init__(nav)
        self.scroller = Scroller()

    def layout(self) -> None:
        k = self.kit
        margin = k.px(30)
        self.panel = pygame.Rect(margin, margin, k.w - 2 * margin, k.h - 2 * margin)
        pad = k.pad()
        back = Button(k.ui("ui.back"), self.close, icon="back", kind="primary", number=1)
        back.rect = pygame.Rect(self.panel.x + pad, self.panel.bottom - pad - k.target(), k.px(300), k.target())
        self.buttons = [back]
        self.scroll_rect = pygame.Rect(self.panel.x + pad, self.panel.y + pad, self.panel.w - 2 * pad,
                                       back.rect.y - self.panel.y - 2 * pad)
        self.scroller.set_sizes(self.body(None), self.scroll_rect.h)
        self.static = None
        self.dirty = True

    def sections(self) -> list[tuple[str, list[str]]]:
        k = self.kit
        return [
            (k.ui("credits.about_title"), [k.ui("credits.about")]),
            (k.ui("credits.model_title"), [k.tr(k.content.model.disclaimer)]),
            (k.ui("credits.fonts_title"), [k.ui("credits.fonts")]),
            (k.ui("credits.art_title"), [k.ui("credits.art")]),
            (k.ui("credits.sources_title"), ["• " + s for s in all_sources(k.content)]),
        ]

    def body(self, surf) -> int:
        k = self.kit
        th = k.theme
        x, w = self.scroll_rect.x, self.scroll_rect.w - k.px(24)
        y0 = self.scroll_rect.y - (self.scroller.offset if surf else 0)
        y = y0
        clip = self.scroll_rect
        if surf:
            k.text(surf, k.ui("title.credits"), "heading", th.heading, (x, y))
        y += k.line_height("heading") + k.px(12)
        for title, paras in self.sections():
            if surf:
                k.text(surf, title, "body_bold", th.heading, (x, y))
            y += k.line_height("body_bold") + k.px(4)
            for p in paras:
                y += k.paragraphs(surf, p, "small", th.text, x, y, w, clip) + k.px(4)
            y += k.px(16)
        return y - y0

    def on_back(self) -> bool:
        self.close()
        return True

    def handle(self, a: act.Action) -> bool:
        if a.name in (act.UP, act.DOWN):
            changed = self.scroller.scroll((1 if a.name == act.DOWN else -1) * self.kit.px(60))
        elif a.name in (act.SCROLL, act.DRAG, act.PAGE):
            changed = super().handle(a)
        else:
            return super().handle(a)
        if changed:
            self.static = None
        return changed

    def draw(self, surf: pygame.Surface) -> None:
        k = self.kit
        if self.static is None or self.static.get_size() != surf.get_size():
            st = pygame.Surface((k.w, k.h)).convert() if pygame.display.get_surface() else pygame.Surface((k.w, k.h))
            st.fill(k.theme.bg)
            k.panel(st, self.panel)
            clip = st.get_clip()
            st.set_clip(self.scroll_rect)
            self.body(st)
            st.set_clip(clip)
            self.scroller.draw_bar(k, st, self.scroll_rect.move(k.px(10), 0))
            self.static = st
        surf.blit(self.static, (0, 0))
        self.draw_buttons(surf)
