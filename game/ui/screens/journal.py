"""The journal: the meters, what drives the estimate, how it is calculated, and facts with sources.

"How is this calculated?" shows the formula in plain words, every weight with its source (or the word
"assumption"), the modifiers that scale choices, and the calibration states computed live from the
same formula, so a player can check the model and argue with it.
"""

from __future__ import annotations

import pygame

from ...core.play import figures
from ...core.play import preview as pv
from .. import input as act
from ..widgets import Button, meter
from .panel import PanelScreen
from ..nav import Nav


PAGES = ("meters", "drivers", "model", "facts")


class JournalScreen(PanelScreen):
    """Four pages behind tabs at the top (a panel whose buttons are above the text, not below)."""

    modal = True

    def __init__(self, nav: Nav, page: str = "meters"):
        super().__init__(nav)
        self.page = page if page in PAGES else "meters"
        self.engine = nav.play.engine if nav.play else None
        if self.engine is None and self.page in ("meters", "drivers"):
            self.page = "model"

    def layout(self) -> None:
        k = self.kit
        margin = k.px(30)
        self.panel = pygame.Rect(margin, margin, k.w - 2 * margin, k.h - 2 * margin)
        pad = k.pad()
        pages = [p for p in PAGES if self.engine is not None or p not in ("meters", "drivers")]
        labels = {p: k.ui(f"journal.{p}") for p in pages}
        x = self.panel.x + pad
        y = self.panel.y + pad
        h = k.target()
        self.tabs = []
        close = Button(k.ui("ui.close"), self.close, icon="close", kind="quiet", id="close")
        cw = close.natural_width(k) + k.px(8)   # its label on one line at any text size
        close.rect = pygame.Rect(self.panel.right - pad - cw, y, cw, h)
        right = close.rect.x - k.px(16)
        # the tabs keep their labels whole: when they do not fit beside "Close" they flow into rows
        for p in pages:
            b = Button(labels[p], lambda p=p: self.show(p), kind="primary" if p == self.page else "quiet", id=p)
            w = min(right - self.panel.x - pad, b.natural_width(k) + k.px(24))
            if self.tabs and x + w > right:
                x, y = self.panel.x + pad, y + h + k.px(10)
            b.rect = pygame.Rect(x, y, w, h)
            x += w + k.px(10)
            self.tabs.append(b)
        for b in self.tabs:
            b.rect.h = max(h, b.height_for(k, b.rect.w))
        self.buttons = self.tabs + [close]
        self.focus = next((i for i, b in enumerate(self.tabs) if b.id == self.page), 0)
        top = max(b.rect.bottom for b in self.buttons) + k.px(18)
        self.scroll_rect = pygame.Rect(self.panel.x + pad, top, self.panel.w - 2 * pad, self.panel.bottom - pad - top)
        self.scroller.set_sizes(self.measure(), self.scroll_rect.h)
        self.dirty = True

    def show(self, page: str) -> None:
        self.page = page
        self.scroller.offset = 0
        self.layout()

    def handle(self, a: act.Action) -> bool:
        if a.name == act.JOURNAL:
            self.close()
            return True
        return super().handle(a)

    # -- pages ------------------------------------------------------------------------------------
    def body(self, surf: pygame.Surface | None, x: int, y: int, w: int) -> int:
        page = getattr(self, f"page_{self.page}")
        return int(page(surf, x, y, w))

    def title(self, surf, text: str, x: int, y: int, w: int, role: str = "heading") -> int:
        """A heading that wraps; returns its height with the gap under it."""
        k = self.kit
        h = 0
        for line in k.wrap(text, role, w):
            if surf:
                k.text(surf, line, role, k.theme.heading, (x, y + h))
            h += k.line_height(role)
        return h + k.px(6)

    def legend(self, surf, x: int, y: int, w: int) -> int:
        """Every icon a choice or the strip of meters may show, with its name, and the arrows."""
        k = self.kit
        th = k.theme
        e = self.engine
        y0 = y
        y += self.title(surf, k.ui("journal.legend"), x, y, w, "label")
        role = k.content.roles.get(e.campaign.role) if e is not None else None
        entries = [(k.var_icon(v), k.var_name(v)) for v in (role.meters if role else ()) or k.content.model.variables]
        if e is not None and e.state.subject is not None:
            entries += [(b.budget.icon or "info", k.tr(b.budget.name)) for b in pv.budgets(k.content).values()
                        if b.budget is not None]
        size = k.px(24)
        font = k.font("small")
        arrows = (("better", "journal.legend_better"), ("worse", "journal.legend_worse"),
                  ("unclear", "journal.legend_unclear"))
        # columns as wide as the longest name (large text and OpenDyslexic need more), never overlapping
        widest = max([font.size(name)[0] for _icon, name in entries] + [font.size(k.ui(key))[0] for _s, key in arrows])
        cell = min(w, max(k.px(260), size + k.px(8) + widest + k.px(20)))
        per_row = max(1, w // cell)
        row_h = max(size, k.line_height("small")) + k.px(8)
        for i, (icon, name) in enumerate(entries):
            cx, cy = x + (i % per_row) * cell, y + (i // per_row) * row_h
            if surf:
                surf.blit(k.images.icon(icon, size, th.text), (cx, cy))
                k.text(surf, name, "small", th.text, (cx + size + k.px(8), cy + size // 2), "midleft",
                       box=pygame.Rect(cx, cy, cell, row_h))
        y += ((len(entries) + per_row - 1) // per_row) * row_h + k.px(4)
        for i, (shape, key) in enumerate(arrows):
            cx = x + (i % per_row) * cell
            if i and i % per_row == 0:
                y += row_h
            if surf:
                if shape == "unclear":
                    k.text(surf, "~", "label", th.text, (cx + k.px(4), y - k.px(4)))
                else:
                    color = th.good if shape == "better" else th.bad
                    k.triangle(surf, (cx + size // 2, y + size // 2), k.px(14), shape == "better", color)
                k.text(surf, k.ui(key), "small", th.text, (cx + size + k.px(8), y + size // 2), "midleft",
                       box=pygame.Rect(cx, y, cell, row_h))
        y += row_h + k.px(16)
        return y - y0

    def page_meters(self, surf, x: int, y: int, w: int) -> int:
        k = self.kit
        th = k.theme
        e = self.engine
        y0 = y
        clip = self.scroll_rect
        y += self.legend(surf, x, y, w)
        for who in e.subjects():
            values = e.values(who)
            if who:
                ch = k.content.characters[who]
                size = k.px(56)
                if surf and ch.portrait:
                    surf.blit(k.images.load(ch.portrait, (size, size)), (x, y))
                self.title(surf, k.tr(ch.name), x + size + k.px(12), y + k.px(8), w)
                y += size + k.px(8)
                names = [v for v, spec in k.content.model.variables.items() if spec.kind != "fixed"] + ["history"]
            else:
                y += self.title(surf, k.ui("journal.meters_you"), x, y, w)
                role = k.content.roles.get(e.campaign.role)
                names = list(role.meters if role else ()) + ["history"]
            row = max(k.target() - k.px(8), k.line_height("small") + k.px(8))
            for var in names:
                spec = k.content.model.variables.get(var)
                if not spec:
                    continue
                if surf and clip.top - row < y < clip.bottom:
                    meter(k, surf, pygame.Rect(x, y, min(w, k.px(900)), row), values.get(var, 0), k.var_name(var),
                          k.var_icon(var))
                y += row
                if who is None:
                    y += k.paragraphs(surf, k.tr(spec.description), "small", th.muted, x + k.px(40), y,
                                      min(w, k.px(900)) - k.px(40), clip) + k.px(8)
            y += k.px(20)
        return y - y0

    def page_drivers(self, surf, x: int, y: int, w: int) -> int:
        k = self.kit
        th = k.theme
        e = self.engine
        y0 = y
        clip = self.scroll_rect
        y += k.paragraphs(surf, k.ui("journal.drivers_intro"), "body", th.text, x, y, w, clip) + k.px(12)
        for who in e.subjects():
            est = e.estimate(who)
            title = k.tr(k.content.characters[who].name) if who else k.ui("journal.meters_you")
            y += self.title(surf, title, x, y, w)
            y += k.paragraphs(surf, k.ui("ending.estimate_line", risk=round(est.risk), low=round(est.low),
                                          high=round(est.high)), "body", th.text, x, y, w, clip) + k.px(8)
            most = max((d.contribution for d in est.drivers), default=1) or 1
            font = k.font("small")
            icon = k.px(22)
            # the name, its bar, its numbers: the bar starts after the longest name, and the numbers go
            # under the bar when the row is too narrow for them (large text, OpenDyslexic, a small screen)
            bx = x + min(int(w * 0.45), icon + k.px(16) + max(font.size(k.var_name(d.var))[0] for d in est.drivers))
            bw = int(w * 0.25)
            line = k.line_height("small")
            for d in est.drivers:
                numbers = k.ui("journal.driver_numbers", weight=k.num(d.weight), deficit=k.num(d.deficit, ".2f"),
                               points=round(d.if_best))
                beside = font.size(numbers)[0] <= x + w - (bx + bw + k.px(12))
                row = line * (1 if beside else 2) + k.px(6)
                if surf and clip.top - row < y < clip.bottom:
                    surf.blit(k.images.icon(k.var_icon(d.var), icon, th.text), (x, y))
                    k.text(surf, k.var_name(d.var), "small", th.text, (x + icon + k.px(8), y),
                           box=pygame.Rect(x, y, max(bx - x, w if not beside else 0), row))
                    pygame.draw.rect(surf, th.track, (bx, y + k.px(4), bw, k.px(12)), border_radius=k.px(6))
                    filled = max(2, int(bw * d.contribution / most))
                    pygame.draw.rect(surf, th.fill, (bx, y + k.px(4), filled, k.px(12)),
                                     border_radius=k.px(6))
                    at = (bx + bw + k.px(12), y) if beside else (bx, y + line)
                    k.text(surf, numbers, "small", th.muted, at, box=pygame.Rect(x, y, w, row))
                y += row
            y += k.px(20)
        return y - y0

    def page_model(self, surf, x: int, y: int, w: int) -> int:
        k = self.kit
        th = k.theme
        model = k.content.model
        y0 = y
        clip = self.scroll_rect
        y += self.title(surf, k.tr(model.title), x, y, w)
        y += k.paragraphs(surf, k.tr(model.disclaimer), "body_bold", th.text, x, y, w, clip) + k.px(14)
        y += k.paragraphs(surf, k.tr(model.explain), "body", th.text, x, y, w, clip) + k.px(8)
        formula = figures.formula(k.content, k.lang)
        y += k.paragraphs(surf, formula, "small", th.heading, x + k.px(20), y, w - k.px(20), clip) + k.px(18)
        y += self.title(surf, k.ui("journal.weights"), x, y, w)
        for f in model.factors:
            kind = k.ui("journal.kind_good") if f.kind == "protective" else k.ui("journal.kind_risk")
            y += k.paragraphs(surf, f"{k.var_name(f.var)} · {kind} · {k.ui('journal.weight')} {k.num(f.weight)}",
                              "body_bold", th.text, x, y, w, clip)
            if f.note:
                y += k.paragraphs(surf, k.tr(f.note), "small", th.text, x + k.px(20), y, w - k.px(20), clip)
            for src in f.sources:
                y += k.paragraphs(surf, self.source_line(src), "small", th.muted, x + k.px(20), y, w - k.px(20), clip)
            y += k.px(10)
        y += k.px(8)
        y += self.title(surf, k.ui("journal.modifiers"), x, y, w)
        for mod in model.modifiers:
            y += k.paragraphs(surf, k.tr(mod.name), "body_bold", th.text, x, y, w, clip)
            y += k.paragraphs(surf, k.tr(mod.why), "small", th.text, x + k.px(20), y, w - k.px(20), clip)
            y += k.paragraphs(surf, f"× {mod.factor.src}", "small", th.heading, x + k.px(20), y, w - k.px(20), clip)
            for src in mod.sources:
                y += k.paragraphs(surf, self.source_line(src), "small", th.muted, x + k.px(20), y, w - k.px(20), clip)
            y += k.px(10)
        for d in model.daily:
            y += k.paragraphs(surf, k.ui("journal.daily", why=k.tr(d.why)), "small", th.text, x, y, w, clip) + k.px(6)
        if model.anchors:
            y += k.px(10)
            y += self.title(surf, k.ui("journal.anchors"), x, y, w)
            for a in model.anchors:
                line = k.ui("journal.anchor_line", name=k.tr(a.name), risk=round(model.risk(a.values)))
                y += k.paragraphs(surf, line, "body", th.text, x, y, w, clip)
        y += k.px(10)
        for src in model.sources:
            y += k.paragraphs(surf, self.source_line(src), "small", th.muted, x, y, w, clip)
        return y - y0 + k.px(20)

    def source_line(self, src) -> str:  # type: ignore[no-untyped-def]
        """A source as a bullet in the player's language (its note, 'assumption' too)."""
        return "• " + figures.source(self.kit.content, src, self.kit.lang)

    def page_facts(self, surf, x: int, y: int, w: int) -> int:
        k = self.kit
        th = k.theme
        y0 = y
        clip = self.scroll_rect
        for fact in k.content.facts.values():
            if "journal" not in fact.tags:
                continue
            y += k.paragraphs(surf, k.tr(fact.text), "body", th.text, x, y, w, clip) + k.px(4)
            if fact.caveat:
                y += k.paragraphs(surf, k.tr(fact.caveat), "small", th.heading, x + k.px(20), y, w - k.px(20), clip)
            for src in fact.sources:
                y += k.paragraphs(surf, self.source_line(src), "small", th.muted, x + k.px(20), y, w - k.px(20), clip)
            y += k.px(16)
        return y - y0
