"""Screens and the screen stack's contract.

A screen is pushed onto the nav's stack, gets `enter()`, handles actions, draws, and may `close(result)`;
a screen that opened a modal gets that result through the callback it passed to `nav.push`. Drawing
never changes game state. The base class gives every screen the same focus behaviour: arrows and Tab
move focus, Enter/Space/A activate, numbers pick, pointer hover focuses and a tap or click activates,
and in scanning mode the focus steps by itself and the one switch activates.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from . import input as act
from .nav import Nav
from .widgets import Button, Scroller



class Screen:
    modal = False          # drawn over the screen below it
    is_play = False        # shows a playthrough (the day, its end, the ending): the kiosk draws its buttons over it
    kiosk_safe = True      # may appear in kiosk mode
    scroll_step = 40
    fps = 60               # frames a second while this screen animates (a slow crossfade needs fewer)
    asks = False           # offers a choice the player must have seen first (settings.choice_delay)

    def __init__(self, nav: Nav):
        self.nav = nav
        self.kit = nav.kit
        self.buttons: list[Button] = []
        self.focus = 0
        self.pressed: int | None = None
        self.scroller: Scroller | None = None
        self.scroll_rect = pygame.Rect(0, 0, 0, 0)
        self.dirty = True
        self.pointer_focus = False   # focus follows a mouse, not a finger
        self._layer: pygame.Surface | None = None
        self._on_result: Callable[[Any], None] | None = None
        self.shown_at: float | None = None   # when this screen was last seen whole (its first frame)

    # -- lifecycle ---------------------------------------------------------------------------
    def enter(self) -> None:
        self.layout()

    def exit(self) -> None:
        if self._layer is not None:  # drawn over entirely by whoever takes it
            self.kit.spare_layer, self._layer = self._layer, None

    def layer(self) -> pygame.Surface:
        """A full-screen surface for the screen's still parts, kept from one rebuild to the next and
        handed on to the next screen (kit.spare_layer): allocating one each time the text scrolls
        cost more than drawing it, and one for every choice made churned the memory."""
        k = self.kit
        if self._layer is None or self._layer.get_size() != (k.w, k.h):
            spare, k.spare_layer = k.spare_layer, None
            if spare is not None and spare.get_size() == (k.w, k.h):
                self._layer = spare
            else:
                self._layer = pygame.Surface((k.w, k.h)).convert() if pygame.display.get_surface() \
                    else pygame.Surface((k.w, k.h))
        return self._layer

    def pause(self) -> None:
        pass

    def resume(self) -> None:
        self.shown_at = None  # seen again from its next frame (a content note may have hidden it)
        self.layout()

    def mark_shown(self, now: float) -> None:
        """The window drew a frame with this screen on top."""
        if self.shown_at is None:
            self.shown_at = now

    def ready(self) -> bool:
        """Whether a choice may be taken yet: a screen that `asks` must have been on screen for the
        player's choice delay (0.5 s, the Game Accessibility Guidelines' figure; none while switch
        scanning, whose users set their own timing), so a key pressed or held for the screen before
        can never pick something on this one."""
        if not self.asks:
            return True
        st = self.nav.settings
        wait = 0.0 if st.scanning else st.choice_delay
        return wait <= 0 or (self.shown_at is not None and self.nav.clock() - self.shown_at >= wait)

    def layout(self) -> None:
        """Compute rectangles and buttons for the current window size and settings."""
        self.dirty = True

    def close(self, result: Any = None) -> None:
        self.nav.pop(self, result)

    # -- input -------------------------------------------------------------------------------
    def handle(self, a: act.Action) -> bool:
        """Handle one action; True if it changed anything on screen."""
        if a.name in (act.CONFIRM, act.SWITCH, act.CHOOSE, act.RELEASE) and not self.ready():
            self.pressed = None
            return False
        if a.name == act.BACK:
            return self.on_back()
        if a.name in (act.DOWN, act.NEXT, act.RIGHT):
            return self.move_focus(1)
        if a.name in (act.UP, act.PREV, act.LEFT):
            return self.move_focus(-1)
        if a.name in (act.CONFIRM, act.SWITCH):
            return self.activate(self.focus)
        if a.name == act.CHOOSE:
            return self.choose_number(a.index)
        if a.name == act.SCROLL and self.scroller:
            return self.scroller.scroll(a.amount * self.kit.px(self.scroll_step) / 3)
        if a.name == act.DRAG and self.scroller:
            return self.scroller.scroll(a.amount)
        if a.name == act.PAGE and self.scroller:
            return self.scroller.scroll(a.amount * max(1, self.scroll_rect.h - self.kit.px(60)))
        if a.name == act.POINT:
            return self.hover(a.pos)
        if a.name == act.PRESS:
            i = self.hit(a.pos)
            self.pressed = i
            if i is not None:
                self.focus = i
            return True
        if a.name == act.RELEASE:
            i = self.hit(a.pos)
            was = self.pressed
            self.pressed = None
            if i is not None and i == was:
                return self.activate(i)
            return was is not None
        return False

    def on_back(self) -> bool:
        return False

    def hit(self, pos: tuple[int, int]) -> int | None:
        for i, b in enumerate(self.buttons):
            if b.enabled and b.rect.collidepoint(pos) and self.visible(b):
                return i
        return None

    def visible(self, b: Button) -> bool:
        """Buttons inside a scrolled area are only hit where they can be seen."""
        return True

    def hover(self, pos: tuple[int, int]) -> bool:
        i = self.hit(pos)
        if i is not None and i != self.focus:
            self.focus = i
            self.kit.sounds.play("focus")
            return True
        return False

    def move_focus(self, step: int) -> bool:
        enabled = [i for i, b in enumerate(self.buttons) if b.enabled]
        if not enabled:
            if self.scroller:
                return self.scroller.scroll(step * self.kit.px(self.scroll_step))
            return False
        if self.focus not in enabled:
            self.focus = enabled[0]
        else:
            pos = enabled.index(self.focus)
            self.focus = enabled[(pos + step) % len(enabled)]
        self.kit.sounds.play("focus")
        self.ensure_visible(self.focus)
        return True

    def ensure_visible(self, index: int) -> None:
        pass

    def activate(self, index: int) -> bool:
        if not 0 <= index < len(self.buttons):
            return False
        b = self.buttons[index]
        if not b.enabled:
            return False
        self.kit.sounds.play("select")
        b.action()
        return True

    def choose_number(self, index: int) -> bool:
        numbered = [b for b in self.buttons if b.number is not None]
        for i, b in enumerate(self.buttons):
            if b.number == index + 1 and b.enabled:
                self.focus = i
                return self.activate(i)
        if not numbered and 0 <= index < len(self.buttons):
            return False
        return False

    def scan(self) -> bool:
        """One step of switch scanning: focus the next item."""
        return self.move_focus(1)

    # -- time and drawing --------------------------------------------------------------------
    def update(self, dt: float) -> bool:
        """Advance animations; True while something moves (the nav keeps drawing)."""
        return False

    def draw(self, surf: pygame.Surface) -> None:
        raise NotImplementedError

    def draw_buttons(self, surf: pygame.Surface, buttons: list[Button] | None = None) -> None:
        for i, b in enumerate(self.buttons):
            if buttons is not None and b not in buttons:
                continue
            b.draw(self.kit, surf, focused=(i == self.focus), pressed=(i == self.pressed))


class MenuScreen(Screen):
    """A titled panel with a column of buttons (menus, dialogs, confirmations)."""

    def __init__(self, nav: Nav, title: str, items: list[tuple[str, Callable[[], None]]],
                 body: str = "", modal: bool = True, back: Callable[[], None] | None = None,
                 icons: list[str | None] | None = None, notes: list[str] | None = None,
                 width: int = 760):
        super().__init__(nav)
        self.modal = modal
        self.title = title
        self.body = body
        self.items = items
        self.back_action = back
        self.icons = icons or [None] * len(items)
        self.notes = notes or [""] * len(items)
        self.width_units = width
        self.panel = pygame.Rect(0, 0, 0, 0)

    def layout(self) -> None:
        k = self.kit
        pad = k.pad()
        w = min(k.w - 2 * k.px(40), k.px(self.width_units))
        inner = w - 2 * pad
        self.buttons = [Button(label, fn, icon=icon, note=note, number=i + 1)
                        for i, ((label, fn), icon, note) in enumerate(zip(self.items, self.icons, self.notes))]
        gap = k.px(14)
        heights = [b.height_for(k, inner) for b in self.buttons]
        body_h = k.paragraphs(None, self.body, "body", (0, 0, 0), 0, 0, inner) + gap if self.body else 0
        title_h = k.line_height("heading") * len(k.wrap(self.title, "heading", inner)) + gap
        total = pad + title_h + body_h + sum(heights) + gap * max(0, len(heights) - 1) + pad
        h = min(k.h - 2 * k.px(30), total)
        self.panel = pygame.Rect((k.w - w) // 2, (k.h - h) // 2, w, h)
        self.scroller = Scroller()
        self.scroll_rect = pygame.Rect(self.panel.x, self.panel.y + pad, w, h - 2 * pad)
        self.scroller.set_sizes(total - 2 * pad, self.scroll_rect.h)
        self._heights = heights
        self._title_h, self._body_h = title_h, body_h
        self.focus = min(self.focus, max(0, len(self.buttons) - 1))
        self._place()
        self.dirty = True

    def _place(self) -> None:
        k = self.kit
        pad = k.pad()
        y = self.scroll_rect.y - self.scroller.offset + self._title_h + self._body_h
        for b, h in zip(self.buttons, self._heights):
            b.rect = pygame.Rect(self.panel.x + pad, y, self.panel.w - 2 * pad, h)
            y += h + k.px(14)

    def visible(self, b: Button) -> bool:
        return self.scroll_rect.colliderect(b.rect)

    def hit(self, pos: tuple[int, int]) -> int | None:
        return super().hit(pos) if self.scroll_rect.collidepoint(pos) else None

    def ensure_visible(self, index: int) -> None:
        if not self.scroller or not self.buttons:
            return
        b = self.buttons[index]
        if b.rect.top < self.scroll_rect.top:
            self.scroller.scroll(b.rect.top - self.scroll_rect.top - self.kit.px(8))
        elif b.rect.bottom > self.scroll_rect.bottom:
            self.scroller.scroll(b.rect.bottom - self.scroll_rect.bottom + self.kit.px(8))
        self._place()

    def handle(self, a: act.Action) -> bool:
        changed = super().handle(a)
        if a.name in (act.SCROLL, act.DRAG, act.PAGE):
            self._place()
        return changed

    def on_back(self) -> bool:
        if self.back_action:
            self.back_action()
            return True
        return False

    def backdrop(self, surf: pygame.Surface) -> None:
        """Behind the panel: the screen below, darkened, or (not modal) the theme's background."""
        if self.modal:
            self.kit.darken(surf, None, 150)
        else:
            surf.fill(self.kit.theme.bg)

    def draw(self, surf: pygame.Surface) -> None:
        k = self.kit
        th = k.theme
        self.backdrop(surf)
        k.panel(surf, self.panel, border=th.button_edge)
        clip = surf.get_clip()
        surf.set_clip(self.scroll_rect)
        pad = k.pad()
        y = self.scroll_rect.y - (self.scroller.offset if self.scroller else 0)
        for line in k.wrap(self.title, "heading", self.panel.w - 2 * pad):
            surf.blit(k.render(line, "heading", th.heading), (self.panel.x + pad, y))
            y += k.line_height("heading")
        y += k.px(14)
        if self.body:
            k.paragraphs(surf, self.body, "body", th.text, self.panel.x + pad, y, self.panel.w - 2 * pad)
        self.draw_buttons(surf)
        if self.scroller:
            self.scroller.draw_cue(k, surf, self.scroll_rect, th.panel)
        surf.set_clip(clip)
        if self.scroller:
            self.scroller.draw_bar(k, surf, self.scroll_rect.move(-k.px(10), 0))


def confirm(nav: Nav, question: str, yes: str, no: str, on_yes: Callable[[], None], body: str = "") -> None:
    """Ask before doing something that cannot be undone (back to title, restart...)."""
    holder: dict[str, MenuScreen] = {}

    def do_yes() -> None:
        holder["m"].close(True)
        on_yes()

    def do_no() -> None:
        holder["m"].close(False)
    holder["m"] = MenuScreen(nav, question, [(no, do_no), (yes, do_yes)], body=body, back=do_no)
    nav.push(holder["m"])


class MenuHost:
    """Mixed into a screen whose content is a MenuScreen it holds (with a picture, or top buttons,
    around it): the menu's scrolling, hit-testing and keeping the focus in view are the menu's own.
    Call `adopt(menu)` from layout()."""

    menu: MenuScreen

    def adopt(self, menu: MenuScreen, extra: list[Button] | None = None) -> None:
        menu.layout()
        self.menu = menu
        self.buttons = menu.buttons + (extra or [])
        self.scroller = menu.scroller
        self.scroll_rect = menu.scroll_rect
        self.dirty = True

    def visible(self, b: Button) -> bool:
        return b not in self.menu.buttons or self.menu.visible(b)

    def hit(self, pos: tuple[int, int]) -> int | None:
        i = super().hit(pos)  # type: ignore[misc]
        if i is not None and self.buttons[i] in self.menu.buttons and not self.menu.scroll_rect.collidepoint(pos):
            return None  # a menu button scrolled partly out of view is hit only where it shows
        return i

    def ensure_visible(self, index: int) -> None:
        if index < len(self.menu.buttons):
            self.menu.ensure_visible(index)

    def handle(self, a: act.Action) -> bool:
        if a.name in (act.SCROLL, act.DRAG, act.PAGE):
            return self.menu.handle(a)
        return super().handle(a)  # type: ignore[misc]
