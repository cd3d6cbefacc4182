"""Release and ending: two years later, the estimate as 100 figures, what drove it, and what the real
figures do and do not say.

The icon array draws three kinds of figure, told apart by shape as well as colour: solid (a new
sentence even at the low end of the estimate), outlined with a light fill (inside the uncertainty
band) and plain outline (no new sentence).
"""

from __future__ import annotations

import pygame

from ...core.model import Estimate
from ...core.play.figures import ending_figures
from ..nav import MenuItem, Nav
from ..widgets import Button
from .panel import PanelScreen
from .play import PlayScreen



def icon_array(kit, surf: pygame.Surface | None, est: Estimate, x: int, y: int, cell: int) -> int:
    """Draw 100 figures for an estimate at (x, y); returns the height used."""
    th = kit.theme
    low, high = round(est.low), round(est.high)
    size = max(8, int(cell * 0.9))
    if surf is not None:
        for i in range(100):
            cx = x + (i % 10) * cell
            cy = y + (i // 10) * cell
            if i < low:
                surf.blit(kit.images.icon("person", size, th.bad), (cx, cy))
            elif i < high:
                surf.blit(kit.images.icon("person", size, th.track), (cx, cy))
                surf.blit(kit.images.icon("person_outline", size, th.bad), (cx, cy))
            else:
                surf.blit(kit.images.icon("person_outline", size, th.muted), (cx, cy))
    return cell * 10


def legend(kit, surf: pygame.Surface | None, est: Estimate, x: int, y: int, w: int) -> int:
    th = kit.theme
    y0 = y
    s = kit.px(22)
    rows = [
        (("person", th.bad), None, kit.ui("ending.legend_sure", n=round(est.low))),
        (("person", th.track), ("person_outline", th.bad),
         kit.ui("ending.legend_maybe", n=round(est.high) - round(est.low))),
        (("person_outline", th.muted), None, kit.ui("ending.legend_no", n=100 - round(est.high))),
    ]
    for first, second, text in rows:
        if surf is not None:
            surf.blit(kit.images.icon(first[0], s, first[1]), (x, y))
            if second:
                surf.blit(kit.images.icon(second[0], s, second[1]), (x, y))
        y += max(s, kit.paragraphs(surf, text, "small", th.text, x + s + kit.px(10), y, w - s - kit.px(10))) + kit.px(6)
    return y - y0


class EndingScreen(PanelScreen, PlayScreen):
    """Two years later: the ending, the estimate as 100 figures, the epilogues, the real figures."""

    asks = True

    bar_gap = 14
    back_closes = False
    arrows_always_scroll = False

    def __init__(self, nav: Nav):
        super().__init__(nav)
        self.view = self.engine.ending_view()

    def picture(self) -> str | None:
        place = self.view.ending.place or "gate"
        spec = self.kit.content.places.get(place)
        return spec.art if spec else None

    def enter(self) -> None:
        super().enter()
        self.kit.sounds.ambient(None)
        self.kit.sounds.play("ending")

    def panel_rect(self) -> pygame.Rect:
        k = self.kit
        bar = self.bar_height()
        margin = k.px(30)
        w = min(k.w - 2 * margin, k.px(1300))
        return pygame.Rect((k.w - w) // 2, bar + margin, w, k.h - bar - 2 * margin)

    def row(self) -> list[MenuItem | Button]:
        k = self.kit
        return [(k.ui("ending.how"), self.how, "risk"), *self.nav.mode.ending_buttons(),
                (k.ui("ending.title_screen"), self.nav.to_title, "back")]

    def extra_buttons(self) -> list[Button]:
        self.top_buttons = self.make_top_buttons()
        return self.top_buttons

    def column_width(self) -> int:
        return self.scroll_rect.w - self.kit.px(20)

    def backdrop(self, surf: pygame.Surface) -> None:
        self.draw_background(surf, dim=90)
        self.draw_bar(surf)

    def how(self) -> None:
        from .journal import JournalScreen
        self.nav.push(JournalScreen(self.nav, page="model"))

    # -- the column ---------------------------------------------------------------------------------
    def body(self, surf: pygame.Surface | None, x: int, y: int, w: int) -> int:
        k = self.kit
        th = k.theme
        v = self.view
        y0 = y
        clip = self.scroll_rect
        if surf:
            k.text(surf, k.ui("ending.later"), "label", th.muted, (x, y))
        y += k.line_height("label")
        for line in k.wrap(k.tr(v.ending.title), "heading", w):
            if surf:
                k.text(surf, line, "heading", th.heading, (x, y))
            y += k.line_height("heading")
        y += k.px(8)
        y += k.paragraphs(surf, k.tr(v.ending.text), "body", th.text, x, y, w, clip) + k.px(24)
        if v.estimate is not None:
            y += self.estimate_block(surf, v.estimate, x, y, w)
        for who, ep, est in v.epilogues:
            y += self.resident_block(surf, who, ep, est, x, y, w)
        y += self.comparison(surf, x, y, w)
        return y - y0

    def estimate_block(self, surf, est: Estimate, x: int, y: int, w: int) -> int:
        k = self.kit
        th = k.theme
        y0 = y
        if surf:
            k.text(surf, k.ui("ending.estimate_title"), "heading", th.heading, (x, y))
        y += k.line_height("heading") + k.px(6)
        y += k.paragraphs(surf, k.ui("ending.estimate_line", risk=round(est.risk), low=round(est.low),
                                      high=round(est.high)), "body", th.text, x, y, w) + k.px(12)
        cell = min(k.px(34), max(14, (w // 2) // 10))
        side = w >= cell * 10 + k.px(380)
        top = y
        icon_array(k, surf, est, x, y, cell)
        if side:
            lx, lw = x + cell * 10 + k.px(30), w - cell * 10 - k.px(30)
            ly = top + legend(k, surf, est, lx, top, lw) + k.px(16)
            ly += self.drivers(surf, est, lx, ly, lw)
            y = max(top + cell * 10, ly)
        else:
            y += cell * 10 + k.px(12)
            y += legend(k, surf, est, x, y, w) + k.px(12)
            y += self.drivers(surf, est, x, y, w)
        y += k.px(10)
        y += k.paragraphs(surf, k.tr(k.content.model.disclaimer), "small", th.muted, x, y, w) + k.px(24)
        return y - y0

    def drivers(self, surf, est: Estimate, x: int, y: int, w: int) -> int:
        k = self.kit
        th = k.theme
        y0 = y
        if surf:
            k.text(surf, k.ui("ui.drivers"), "body_bold", th.heading, (x, y))
        y += k.line_height("body_bold") + k.px(4)
        icon = k.px(24)
        for d in est.drivers[:3]:
            if surf:
                surf.blit(k.images.icon(k.var_icon(d.var), icon, th.text), (x, y))
            text = k.ui("ending.driver", name=k.var_name(d.var), points=round(d.if_best))
            tx = x + icon + k.px(10)
            y += max(icon, k.paragraphs(surf, text, "small", th.text, tx, y, w - icon - k.px(10))) + k.px(6)
        return y - y0

    def resident_block(self, surf, who: str, ep, est: Estimate, x: int, y: int, w: int) -> int:
        k = self.kit
        th = k.theme
        ch = k.content.characters[who]
        y0 = y
        size = k.px(80)
        if surf and ch.portrait:
            surf.blit(k.images.load(ch.portrait, (size, size)), (x, y))
        tx = x + size + k.px(16)
        tw = w - size - k.px(16)
        if surf:
            k.text(surf, k.tr(ch.name), "heading", th.heading, (tx, y))
        ty = y + k.line_height("heading")
        ty += k.paragraphs(surf, k.ui("ending.estimate_line", risk=round(est.risk), low=round(est.low),
                                       high=round(est.high)), "small", th.text, tx, ty, tw) + k.px(6)
        cell = max(12, min(k.px(24), tw // 22))
        # a compact strip of 100 figures, 20 to a row
        if surf:
            for i in range(100):
                cx = tx + (i % 20) * cell
                cy = ty + (i // 20) * cell
                name, color = ("person", th.bad) if i < round(est.low) else \
                    ("person_outline", th.bad) if i < round(est.high) else ("person_outline", th.muted)
                surf.blit(k.images.icon(name, max(6, cell - 1), color), (cx, cy))
        ty += cell * 5 + k.px(10)
        y = max(y + size, ty) + k.px(6)
        if ep is not None:
            if ep.title:
                for line in k.wrap(k.tr(ep.title), "body_bold", w):
                    if surf:
                        k.text(surf, line, "body_bold", th.text, (x, y))
                    y += k.line_height("body_bold")
            y += k.paragraphs(surf, k.tr(ep.text), "body", th.text, x, y, w)
        y += k.px(8)
        y += self.drivers(surf, est, x, y, w) + k.px(24)
        return y - y0

    def comparison(self, surf, x: int, y: int, w: int) -> int:
        k = self.kit
        th = k.theme
        y0 = y
        facts = ending_figures(k.content, self.engine.campaign)
        if not facts:
            return 0
        if surf:
            pygame.draw.line(surf, th.track, (x, y), (x + w, y), max(1, k.px(2)))
        y += k.px(14)
        if surf:
            k.text(surf, k.ui("ending.real_world"), "heading", th.heading, (x, y))
        y += k.line_height("heading") + k.px(6)
        for fact in facts:
            y += k.paragraphs(surf, k.tr(fact.text), "body", th.text, x, y, w) + k.px(4)
            if fact.caveat:
                caveat = k.tr(fact.caveat)
                y += k.paragraphs(surf, caveat, "small", th.muted, x + k.px(20), y, w - k.px(20)) + k.px(4)
            title = fact.sources[0].title
            y += k.paragraphs(surf, k.ui("play.source", source=title), "small", th.muted, x + k.px(20), y,
                              w - k.px(20)) + k.px(14)
        return y - y0

    def where_line(self) -> str:
        k = self.kit
        return k.tr(self.engine.campaign.title) + " · " + k.ui("ending.released")
