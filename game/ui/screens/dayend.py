"""The end of a day (what changed today, and why, in the words of the effects' reasons) and the end
of a phase (where the story moves next, and questions to think about)."""

from __future__ import annotations

import pygame

from ..nav import MenuItem, Nav
from ..screen import MenuHost, MenuScreen
from ..widgets import Button
from .panel import PanelScreen
from .play import PlayScreen


class DayEndScreen(PanelScreen, PlayScreen):
    """What changed today, and why, in the words of the effects' reasons."""

    asks = True

    bar_gap = 12
    button_width = 420
    back_closes = False
    arrows_always_scroll = False

    def __init__(self, nav: Nav):
        super().__init__(nav)
        self.groups = self.group(self.engine.state.log)

    def group(self, log: list[dict]) -> list[tuple[str, list[dict]]]:
        k = self.kit
        out: list[tuple[str, list[dict]]] = []
        for entry in log:
            if entry["var"] not in k.content.model.variables:
                continue
            why = k.tr(entry.get("why")) or k.ui("dayend.no_reason")
            if out and out[-1][0] == why:
                out[-1][1].append(entry)
            else:
                out.append((why, [entry]))
        return out

    def enter(self) -> None:
        super().enter()
        self.kit.sounds.play("day_end")

    def panel_rect(self) -> pygame.Rect:
        k = self.kit
        bar = self.bar_height()
        w = min(k.w - 2 * k.px(40), k.px(980))
        return pygame.Rect((k.w - w) // 2, bar + k.px(30), w, k.h - bar - k.px(60))

    def row(self) -> list[MenuItem | Button]:
        key = "dayend.continue" if self.engine.state.subject is not None else "dayend.continue_shift"
        return [Button(self.kit.ui(key), self.proceed, icon="check", kind="primary", number=1, id="continue")]

    def extra_buttons(self) -> list[Button]:
        self.top_buttons = self.make_top_buttons()
        return self.top_buttons

    def column_width(self) -> int:
        return self.scroll_rect.w - self.kit.px(18)

    def backdrop(self, surf: pygame.Surface) -> None:
        self.draw_background(surf, dim=120)
        self.draw_bar(surf)

    def body(self, surf: pygame.Surface | None, x: int, y: int, w: int) -> int:
        k = self.kit
        th = k.theme
        e = self.engine
        y0 = y
        clip = self.scroll_rect
        if surf:
            key = "dayend.title" if e.state.subject is not None else "dayend.title_shift"
            k.text(surf, k.ui(key, day=e.state.day), "heading", th.heading, (x, y))
        y += k.line_height("heading") + k.px(12)
        if not self.groups:
            y += k.paragraphs(surf, k.ui("dayend.nothing"), "body", th.text, x, y, w, clip)
        icon = k.px(24)
        for why, entries in self.groups:
            y += k.paragraphs(surf, why, "body", th.text, x, y, w, clip) + k.px(4)
            for entry in entries:
                if surf and clip.top - 40 < y < clip.bottom:
                    self.change_row(surf, entry, x + k.px(18), y, icon)
                y += max(icon, k.line_height("small")) + k.px(6)
            y += k.px(12)
        est = e.mean_risk()
        y += k.px(6)
        line = k.ui("dayend.risk" if e.state.subject is not None else "dayend.risk_unit", risk=round(est))
        if surf:
            pygame.draw.line(surf, th.track, (x, y), (x + w, y), max(1, k.px(2)))
        y += k.px(12)
        if surf:
            surf.blit(k.images.icon("risk", icon, th.text), (x, y))
        # wrapped: the line is long in large text and OpenDyslexic
        tx = x + icon + k.px(10)
        y += max(icon, k.paragraphs(surf, line, "body_bold", th.text, tx, y, w - icon - k.px(10), clip))
        y += k.paragraphs(surf, k.ui("ui.model_note"), "small", th.muted, x, y + k.px(4), w, clip) + k.px(8)
        return y - y0

    def change_row(self, surf: pygame.Surface, entry: dict, x: int, y: int, icon: int) -> None:
        k = self.kit
        th = k.theme
        var = entry["var"]
        before, after = entry["before"], entry["after"]
        better = k.content.model.is_improvement(var, after - before)
        color = th.good if better else th.bad
        surf.blit(k.images.icon(k.var_icon(var), icon, th.text), (x, y))
        who = ""
        if entry.get("who") and entry["who"] in k.content.characters:
            who = k.tr(k.content.characters[entry["who"]].name) + ": "
        a, b = number(before, after, k)
        cy = y + icon // 2
        r = k.text(surf, f"{who}{k.var_name(var)}  {a}", "small", th.text, (x + icon + k.px(8), cy), "midleft")
        end = k.arrow(surf, r.right + k.px(8), cy, k.px(22), th.text)
        r = k.text(surf, b, "small", th.text, (end + k.px(8), cy), "midleft")
        k.triangle(surf, (r.right + k.px(16), cy), k.px(14), after > before, color)
        k.text(surf, k.ui("dayend.better" if better else "dayend.worse"), "small", color,
               (r.right + k.px(30), y + icon // 2), "midleft")

    def proceed(self) -> None:
        self.play.proceed()


def number(before: float, after: float, kit) -> tuple[str, str]:
    """Two values as the player reads them: whole numbers, or one decimal when rounding would hide the change."""
    if round(before) != round(after):
        return str(round(before)), str(round(after))
    return kit.num(before, ".1f"), kit.num(after, ".1f")


class PhaseEndScreen(MenuHost, PlayScreen):
    """The end of a block of days: where the story moves next, and questions to think about."""

    asks = True

    def __init__(self, nav: Nav):
        super().__init__(nav)
        self.questions = [nav.kit.tr(q) for q in self.engine.reflect()] if nav.mode.reflects() else []

    def layout(self) -> None:
        k = self.kit
        e = self.engine
        self.top_buttons = self.make_top_buttons()
        phase = k.content.phases.get(e.phase)
        title = k.ui("phase.end", phase=k.tr(phase.name if phase else None) or e.phase)
        body = ""
        if self.questions:
            body = k.ui("phase.reflect") + "\n\n" + "\n\n".join(f"• {q}" for q in self.questions)
        self.adopt(MenuScreen(self.nav, title, [(k.ui("ui.continue"), self.proceed)], body=body, modal=True, width=900),
                   self.top_buttons)

    def proceed(self) -> None:
        self.play.proceed()

    def draw(self, surf: pygame.Surface) -> None:
        self.draw_background(surf, dim=60)
        self.draw_bar(surf)
        self.menu.focus = self.focus if self.focus < len(self.menu.buttons) else -1
        self.menu.draw(surf)
        self.draw_buttons(surf, self.top_buttons)
