"""The ending, as a moment of its own, in three pages the player turns:

1. **The estimate**: two years later, the ending's title, and the estimate as 100 figures shown whole
   and as large as the screen allows (counted from the back of a classroom), with their legend; an
   officer sees each resident's 100 figures side by side.
2. **The story**: the ending's text and each resident's epilogue.
3. **How is this calculated**: the formula and this run's figures in it, what weighed most, the
   model's caveat and sources, the what-if comparison as a picture (two runs' risk day by day), and
   what the real figures say; then the room's buttons and "Back to the start", which asks first when
   something would be lost.

Each page must be on screen for the player's choice delay before a key turns it (`Screen.asks`), so
a held or mashed key never skips a page unseen.
"""

from __future__ import annotations

import pygame

from ...core.model import Estimate
from ...core.play import figures
from ...core.play.figures import ending_figures
from ..nav import MenuItem, Nav
from ..screen import confirm
from ..widgets import Button
from .charts import icon_array, legend, risk_by_day, runs_chart
from .panel import PanelScreen
from .play import PlayScreen

PAGES = ("estimate", "story", "how")


class EndingScreen(PanelScreen, PlayScreen):
    """Two years later: the estimate, the story, and how it is calculated."""

    asks = True

    bar_gap = 14
    back_closes = False
    arrows_always_scroll = False

    def __init__(self, nav: Nav):
        super().__init__(nav)
        self.view = self.engine.ending_view()
        self.page = 0
        self.figure_cell = 0   # how large each of the 100 figures was drawn (px), for the tests

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
        w = min(k.w - 2 * margin, k.px(1400))
        return pygame.Rect((k.w - w) // 2, bar + margin, w, k.h - bar - 2 * margin)

    # -- pages ----------------------------------------------------------------------------------------
    def turn(self, page: int) -> None:
        """Show another page, from its top; it too must be seen before a key acts on it."""
        self.page = max(0, min(len(PAGES) - 1, page))
        self.scroller.offset = 0
        self.focus = 0
        self.shown_at = None
        self.layout()

    def row(self) -> list[MenuItem | Button]:
        k = self.kit
        name = PAGES[self.page]
        if name == "estimate":
            return [(k.ui("ending.next"), lambda: self.turn(1), "star"),
                    (k.ui("ending.how"), lambda: self.turn(2), "risk")]
        if name == "story":
            return [(k.ui("ending.how"), lambda: self.turn(2), "risk"),
                    (k.ui("ending.previous"), lambda: self.turn(0), "back")]
        return [*self.nav.mode.ending_buttons(), (k.ui("ending.title_screen"), self.leave, "back"),
                (k.ui("ending.previous"), lambda: self.turn(1), "back")]

    def leave(self) -> None:
        """Back to the start, asking first when leaving would lose something the player has not kept."""
        k = self.kit
        record = self.play.record
        lost = []
        if record.earlier is not None:
            lost.append(k.ui("ending.lose_compare"))
        if record.result is not None and (record.result_path == "" or record.result_error):
            lost.append(k.ui("ending.lose_result", code=record.result.get("code", "")))
        if not lost:
            self.nav.to_title()
            return
        confirm(self.nav, k.ui("ending.leave_question"), k.ui("ending.leave_yes"), k.ui("ui.no_stay"),
                self.nav.to_title, body="\n\n".join(lost))

    def extra_buttons(self) -> list[Button]:
        self.top_buttons = self.make_top_buttons()
        return self.top_buttons

    def column_width(self) -> int:
        return self.scroll_rect.w - self.kit.px(20)

    def backdrop(self, surf: pygame.Surface) -> None:
        self.draw_background(surf, dim=90)
        self.draw_bar(surf)

    def where_line(self) -> str:
        k = self.kit
        return k.tr(self.engine.campaign.title) + " · " + k.ui("ending.released")

    # -- the column -----------------------------------------------------------------------------------
    def body(self, surf: pygame.Surface | None, x: int, y: int, w: int) -> int:
        k = self.kit
        th = k.theme
        y0 = y
        if surf:
            page = k.ui("ending.page", n=self.page + 1, total=len(PAGES))
            k.text(surf, k.ui("ending.later") + " · " + page, "label", th.muted, (x, y))
        y += k.line_height("label")
        if PAGES[self.page] == "estimate":
            y += k.px(6)
            y += self.estimate_page(surf, x, y, w, self.scroll_rect.h - (y - y0))
        elif PAGES[self.page] == "story":
            y += self.title(surf, k.tr(self.view.ending.title), x, y, w)  # the ending's name, with its story
            y += k.paragraphs(surf, k.tr(self.view.ending.text), "body", th.text, x, y, w, self.scroll_rect) + k.px(24)
            for who, ep, est in self.view.epilogues:
                y += self.resident_story(surf, who, ep, est, x, y, w)
        else:
            y += self.title(surf, k.ui("ending.how"), x, y, w)
            y += self.how_page(surf, x, y, w)
        return y - y0

    def title(self, surf, text: str, x: int, y: int, w: int, role: str = "heading") -> int:
        k = self.kit
        y0 = y
        for line in k.wrap(text, role, w):
            if surf:
                k.text(surf, line, role, k.theme.heading, (x, y))
            y += k.line_height(role)
        return y - y0 + k.px(10)

    # -- page 1: the estimate, whole and large ----------------------------------------------------------
    def estimate_page(self, surf, x: int, y: int, w: int, room: int) -> int:
        """The estimate's 100 figures as large as they fit in `room` (the rest of the panel), never
        cut: the page does not scroll past them."""
        k = self.kit
        th = k.theme
        y0 = y
        est = self.view.estimate
        if est is None:
            return self.residents_figures(surf, x, y, w, room)
        line = k.ui("ending.estimate_line", risk=round(est.risk), low=round(est.low), high=round(est.high))
        y += k.paragraphs(surf, line, "body_bold", th.text, x, y, w) + k.px(10)
        room = max(k.px(120), room - (y - y0) - k.px(12))
        legend_w = max(k.px(360), int(w * 0.34))
        side = w - legend_w - k.px(30) >= min(room, w // 2)
        if side:
            cell = max(12, min(room // 10, (w - legend_w - k.px(30)) // 10, k.px(96)))
            self.figure_cell = cell
            icon_array(k, surf, est, x, y, cell)
            lx = x + cell * 10 + k.px(30)
            role = "body" if legend(k, None, est, lx, y, w - (lx - x), "body") <= room else "small"
            used = legend(k, surf, est, lx, y, w - (lx - x), role)
            y += max(cell * 10, used)
        else:
            need = legend(k, None, est, x, 0, w)
            cell = max(12, min((room - need - k.px(12)) // 10, w // 10, k.px(96)))
            self.figure_cell = cell
            icon_array(k, surf, est, x, y, cell)
            y += cell * 10 + k.px(12)
            y += legend(k, surf, est, x, y, w)
        return y - y0 + k.px(8)

    def residents_figures(self, surf, x: int, y: int, w: int, room: int) -> int:
        """An officer's ending: each resident's 100 figures side by side (in rows when many)."""
        k = self.kit
        th = k.theme
        y0 = y
        people = self.view.epilogues
        if not people:
            return 0
        gap = k.px(28)
        lines = [k.ui("ending.in_100", risk=round(est.risk), low=round(est.low), high=round(est.high))
                 for _who, _ep, est in people]
        lh = k.line_height("body_bold") + 2 * k.line_height("small")
        room -= k.paragraphs(None, k.ui("ending.legend_key"), "small", th.text, x, y, w) + k.px(8)
        best = None
        text_w = max(k.font("small").size(t)[0] for t in lines)
        for cols in range(len(people), 0, -1):
            rows = -(-len(people) // cols)
            cell = min((w - gap * (cols - 1)) // (cols * 10), (room - rows * (lh + gap)) // (rows * 10))
            if cell * 10 < text_w // 2 and cols > 1:
                continue  # the line under each name must fit its column in two lines
            if best is None or cell > best[0]:
                best = (cell, cols)
        cell, cols = best if best else (12, 1)
        cell = max(10, min(cell, k.px(64)))
        self.figure_cell = cell
        col_w = cell * 10
        top = y
        for i, (who, _ep, est) in enumerate(people):
            r, c = divmod(i, cols)
            px = x + c * (col_w + gap)
            py = top + r * (cell * 10 + lh + gap)
            ch = k.content.characters[who]
            if surf:
                k.text(surf, k.tr(ch.name), "body_bold", th.heading, (px, py), box=pygame.Rect(px, py, col_w, lh))
            ty = py + k.line_height("body_bold")
            k.paragraphs(surf, lines[i], "small", th.text, px, ty, col_w)
            icon_array(k, surf, est, px, py + lh, cell)
            y = max(y, py + lh + cell * 10 + gap)
        y += k.paragraphs(surf, k.ui("ending.legend_key"), "small", th.text, x, y, w)
        return y - y0

    # -- page 2: the story --------------------------------------------------------------------------
    def resident_story(self, surf, who: str, ep, est: Estimate, x: int, y: int, w: int) -> int:
        k = self.kit
        th = k.theme
        ch = k.content.characters[who]
        y0 = y
        size = k.px(80)
        if surf and ch.portrait:
            surf.blit(k.images.load(ch.portrait, (size, size)), (x, y))
        tx = x + size + k.px(16)
        tw = w - size - k.px(16)
        ty = y + self.title(surf, k.tr(ch.name), tx, y, tw)
        line = k.ui("ending.estimate_line", risk=round(est.risk), low=round(est.low), high=round(est.high))
        ty += k.paragraphs(surf, line, "small", th.text, tx, ty, tw)
        y = max(y + size, ty) + k.px(8)
        if ep is not None:
            if ep.title:
                y += self.title(surf, k.tr(ep.title), x, y, w, "body_bold")
            y += k.paragraphs(surf, k.tr(ep.text), "body", th.text, x, y, w, self.scroll_rect)
        return y - y0 + k.px(24)

    # -- page 3: how is this calculated ---------------------------------------------------------------
    def how_page(self, surf, x: int, y: int, w: int) -> int:
        k = self.kit
        th = k.theme
        model = k.content.model
        clip = self.scroll_rect
        y0 = y
        y += k.paragraphs(surf, k.tr(model.disclaimer), "body_bold", th.text, x, y, w, clip) + k.px(10)
        y += k.paragraphs(surf, k.tr(model.explain), "body", th.text, x, y, w, clip) + k.px(8)
        formula = figures.formula(k.content, k.lang)
        y += k.paragraphs(surf, formula, "small", th.heading, x + k.px(20), y, w - k.px(20), clip) + k.px(16)
        for who, est in self.estimates():
            y += self.drivers(surf, who, est, x, y, w)
        y += self.what_if(surf, x, y, w)
        y += self.real_figures(surf, x, y, w)
        if model.sources:
            y += self.title(surf, k.ui("ending.sources"), x, y, w, "body_bold")
            for src in model.sources:
                y += k.paragraphs(surf, "• " + figures.source(k.content, src, k.lang), "small", th.muted, x, y, w, clip)
        return y - y0 + k.px(20)

    def estimates(self) -> list[tuple[str, Estimate]]:
        if self.view.estimate is not None:
            return [("", self.view.estimate)]
        return [(who, est) for who, _ep, est in self.view.epilogues]

    def drivers(self, surf, who: str, est: Estimate, x: int, y: int, w: int) -> int:
        k = self.kit
        th = k.theme
        y0 = y
        name = k.tr(k.content.characters[who].name) + ": " if who in k.content.characters else ""
        y += k.paragraphs(surf, name + k.ui("ui.drivers"), "body_bold", th.heading, x, y, w, self.scroll_rect)
        icon = k.px(24)
        for d in est.drivers[:3]:
            if surf:
                surf.blit(k.images.icon(k.var_icon(d.var), icon, th.text), (x, y))
            text = k.ui("ending.driver", name=k.var_name(d.var), points=round(d.if_best))
            tx = x + icon + k.px(10)
            y += max(icon, k.paragraphs(surf, text, "small", th.text, tx, y, w - icon - k.px(10))) + k.px(6)
        return y - y0 + k.px(12)

    def what_if(self, surf, x: int, y: int, w: int) -> int:
        """The run before going back and this one, day by day, when the player went back."""
        k = self.kit
        record = self.play.record
        if record.earlier is None or record.result is None:
            return 0
        y0 = y
        y += self.title(surf, k.ui("ending.what_if_title"), x, y, w, "body_bold")
        runs = [(k.ui("class.run_first"), risk_by_day(record.earlier)),
                (k.ui("class.run_second"), risk_by_day(record.result))]
        h = max(k.px(260), min(k.px(420), int(w * 0.4)))
        y += runs_chart(k, surf, runs, x, y, min(w, k.px(1000)), h)
        y += k.paragraphs(surf, k.ui("ending.what_if_note"), "small", k.theme.muted, x, y, w, self.scroll_rect)
        return y - y0 + k.px(20)

    def real_figures(self, surf, x: int, y: int, w: int) -> int:
        k = self.kit
        th = k.theme
        y0 = y
        facts = ending_figures(k.content, self.engine.campaign)
        if not facts:
            return 0
        if surf:
            pygame.draw.line(surf, th.track, (x, y), (x + w, y), max(1, k.px(2)))
        y += k.px(14)
        y += self.title(surf, k.ui("ending.real_world"), x, y, w)
        for fact in facts:
            y += k.paragraphs(surf, k.tr(fact.text), "body", th.text, x, y, w, self.scroll_rect) + k.px(4)
            if fact.caveat:
                y += k.paragraphs(surf, k.tr(fact.caveat), "small", th.muted, x + k.px(20), y, w - k.px(20)) + k.px(4)
            for src in fact.sources:
                y += k.paragraphs(surf, k.ui("play.source", source=src.title), "small", th.muted, x + k.px(20), y,
                                  w - k.px(20))
            y += k.px(14)
        return y - y0
