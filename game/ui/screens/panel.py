"""One screen for "text that scrolls above a row of buttons": credits, the debrief, two runs compared,
the training review, the end of a day, the ending.

A subclass says what the column holds (`body`, drawing or only measuring), which buttons sit in the
row under it (`row`), and what is behind the panel (`backdrop`). The panel, the scrolling by wheel,
drag, page and arrow keys, the scroll bar and the buttons are drawn here. A modal panel draws over
the screen below each frame; any other keeps its drawing in one layer reused from one scroll step to
the next (and handed on to the next screen: `Screen.layer`), so scrolling allocates nothing.
"""

from __future__ import annotations

import pygame

from .. import input as act
from ..nav import MenuItem, Nav
from ..screen import Screen
from ..widgets import Button, Scroller


class PanelScreen(Screen):
    margin = 30            # layout units around the panel
    button_width: int | None = None   # layout units of each row button; None shares the row out
    bar_gap = 10           # layout units between the column and its scroll bar
    arrow_step = 60        # layout units an arrow key scrolls
    back_closes = True     # Esc / Back closes the panel (else what the screen below in the MRO does)
    arrows_always_scroll = True  # else the arrow keys scroll only when there is more to see

    def __init__(self, nav: Nav):
        super().__init__(nav)
        self.scroller: Scroller = Scroller()
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.static: pygame.Surface | None = None

    def exit(self) -> None:
        super().exit()
        self.static = None

    # -- what a subclass says -------------------------------------------------------------------------
    def row(self) -> list[MenuItem | Button]:
        """The buttons under the column: (label, action, icon) or a Button; the first is the main one."""
        return [(self.kit.ui("ui.back"), self.close, "back")]

    def body(self, surf: pygame.Surface | None, x: int, y: int, w: int) -> int:
        """Draw (surf) or measure (None) the column from (x, y), `w` wide; returns its height."""
        raise NotImplementedError

    def panel_rect(self) -> pygame.Rect:
        m = self.kit.px(self.margin)
        return pygame.Rect(m, m, self.kit.w - 2 * m, self.kit.h - 2 * m)

    def backdrop(self, surf: pygame.Surface) -> None:
        """What is behind the panel of a screen that is not modal."""
        surf.fill(self.kit.theme.bg)

    def extra_buttons(self) -> list[Button]:
        """Buttons outside the row (a play screen's top bar), placed by the subclass."""
        return []

    # -- layout ---------------------------------------------------------------------------------------
    def layout(self) -> None:
        k = self.kit
        self.panel = self.panel_rect()
        pad = k.pad()
        inner = self.panel.w - 2 * pad
        self.buttons = []
        for i, item in enumerate(self.row()):
            if isinstance(item, Button):
                self.buttons.append(item)
            else:
                label, action, icon = item
                self.buttons.append(Button(label, action, icon=icon, number=i + 1,
                                           kind="primary" if i == 0 else "normal"))
        top = self.place_row(self.buttons, self.panel.x + pad, self.panel.bottom - pad, inner)
        self.buttons += self.extra_buttons()
        self.scroll_rect = pygame.Rect(self.panel.x + pad, self.panel.y + pad, inner, top - self.panel.y - 2 * pad)
        self.scroller.set_sizes(self.measure(), self.scroll_rect.h)
        self.focus = min(self.focus, max(0, len(self.buttons) - 1))
        self.static = None
        self.dirty = True

    def place_row(self, buttons: list[Button], x: int, bottom: int, width: int) -> int:
        """Lay the buttons out in rows ending at `bottom`, each as wide as its label needs (at least the
        row's fair share, or `button_width`); a button that does not fit starts a new row, and one whose
        label is wider than the panel wraps and grows taller. Returns the top of the first row."""
        k = self.kit
        gap = k.px(12)
        if not buttons:
            return bottom
        share = (width - gap * (len(buttons) - 1)) // len(buttons)
        floor = min(width, k.px(self.button_width)) if self.button_width is not None else min(share, k.px(360))
        widths = [min(width, max(floor, b.natural_width(k))) for b in buttons]
        rows: list[list[int]] = [[]]
        used = 0
        for i, w in enumerate(widths):
            if rows[-1] and used + gap + w > width:
                rows.append([])
                used = 0
            used += (gap if rows[-1] else 0) + w
            rows[-1].append(i)
        if self.button_width is None:  # spread each row's spare width over its buttons
            for row in rows:
                spare = width - sum(widths[i] for i in row) - gap * (len(row) - 1)
                if len(rows) == 1 and spare > 0 and sum(widths[i] for i in row) < width * 0.5:
                    continue  # a short row of short labels keeps its own widths
                for i in row:
                    widths[i] += spare // len(row)
        heights = [max(buttons[i].height_for(k, widths[i]) for i in row) for row in rows]
        y = bottom - sum(heights) - k.px(10) * (len(rows) - 1)
        top = y
        for row, h in zip(rows, heights):
            bx = x
            for i in row:
                buttons[i].rect = pygame.Rect(bx, y, widths[i], h)
                bx += widths[i] + gap
            y += h + k.px(10)
        return top

    def column_width(self) -> int:
        return self.scroll_rect.w - self.kit.px(24)

    def measure(self) -> int:
        return self.body(None, self.scroll_rect.x, self.scroll_rect.y, self.column_width())

    # -- input ----------------------------------------------------------------------------------------
    def on_back(self) -> bool:
        if self.back_closes:
            self.close()
            return True
        return super().on_back()

    def handle(self, a: act.Action) -> bool:
        if a.name in (act.UP, act.DOWN) and (self.arrows_always_scroll or self.scroller.max_offset):
            changed = self.scroller.scroll((1 if a.name == act.DOWN else -1) * self.kit.px(self.arrow_step))
        elif a.name in (act.SCROLL, act.DRAG, act.PAGE):
            changed = super().handle(a)
        else:
            return super().handle(a)
        if changed:
            self.static = None
        return changed

    # -- drawing --------------------------------------------------------------------------------------
    def draw_panel(self, surf: pygame.Surface) -> None:
        k = self.kit
        k.panel(surf, self.panel, border=k.theme.button_edge if self.modal else None)
        clip = surf.get_clip()
        surf.set_clip(self.scroll_rect)
        self.body(surf, self.scroll_rect.x, self.scroll_rect.y - self.scroller.offset, self.column_width())
        surf.set_clip(clip)
        self.scroller.draw_cue(k, surf, self.scroll_rect, k.theme.panel)
        self.scroller.draw_bar(k, surf, self.scroll_rect.move(k.px(self.bar_gap), 0))

    def draw(self, surf: pygame.Surface) -> None:
        if self.modal:
            self.kit.darken(surf, None, 150)
            self.draw_panel(surf)
        else:
            if self.static is None or self.static.get_size() != surf.get_size():
                layer = self.layer()
                self.backdrop(layer)
                self.draw_panel(layer)
                self.static = layer
            surf.blit(self.static, (0, 0))
        self.draw_buttons(surf)

    def heading(self, surf: pygame.Surface | None, text: str, x: int, y: int, role: str = "heading") -> int:
        """A one-line heading; returns the height it takes with the gap under it."""
        if surf is not None:
            self.kit.text(surf, text, role, self.kit.theme.heading, (x, y))
        return self.kit.line_height(role) + self.kit.px(6)
