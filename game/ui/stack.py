"""The screen stack: the screens open now, the top one receiving input, each opener told the result.

A screen is pushed (with a callback for its result), may push others over it, and closes with a
result (`pop`); `replace` swaps the top screen, `reset` starts again from the given screens. A modal
screen is drawn over the one below. `App` (app.py) is this stack, the loop and the window.

When the stack changes, the last frame shown is kept and faded out over the new screen (`Fade`,
300 ms; none with reduced motion). The new screen is drawn at once under it, so the fade adds no
wait: input is dropped only until the new screen's first frame, as without a fade.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

import pygame

from .input import InputMapper
from .kit import Kit
from .nav import Screen
from .settings import Settings

FADE_SECONDS = 0.3


class TitleCard:
    """A new part of the story announced: its name across the middle of the screen, fading in and
    out (held still with reduced motion). The scene under it counts as seen only once the card is
    gone, and the first key or tap while it shows only dismisses it, so nothing is chosen unseen."""

    FADE_IN, HOLD, FADE_OUT = 0.35, 1.3, 0.45

    def __init__(self, title: str, line: str, still: bool):
        self.title, self.line, self.still = title, line, still
        self.t = 0.0

    @property
    def length(self) -> float:
        return self.FADE_IN + self.HOLD + self.FADE_OUT

    def step(self, dt: float) -> bool:
        self.t += dt
        return self.t < self.length

    def opacity(self) -> float:
        if self.still:
            return 1.0
        if self.t < self.FADE_IN:
            return self.t / self.FADE_IN
        return max(0.0, min(1.0, (self.length - self.t) / self.FADE_OUT))

    def draw(self, kit: Kit, surf: pygame.Surface) -> None:
        a = self.opacity()
        if a <= 0:
            return
        th = kit.theme
        w, h = surf.get_size()
        lines = kit.wrap(self.title, "huge", int(w * 0.8))
        band_h = len(lines) * kit.line_height("huge") + kit.line_height("body") + kit.px(90)
        band = pygame.Surface((w, band_h), pygame.SRCALPHA)
        band.fill((*th.panel[:3], 236))
        y = kit.px(40)
        for line in lines:
            kit.text(band, line, "huge", th.heading, (w // 2, y), "midtop")
            y += kit.line_height("huge")
        kit.text(band, self.line, "body", th.muted, (w // 2, y + kit.px(10)), "midtop")
        pygame.draw.line(band, th.fill, (w // 2 - kit.px(80), kit.px(20)), (w // 2 + kit.px(80), kit.px(20)),
                         max(2, kit.px(4)))
        band.set_alpha(int(255 * a))
        surf.blit(band, (0, (h - band_h) // 2))


class Fade:
    """The last frame of the screen that is going, drawn over the new one ever more faintly."""

    def __init__(self) -> None:
        self.old: pygame.Surface | None = None  # kept between fades: no 8 MB allocation per change
        self.t = 0.0
        self.active = False

    def begin(self, shown: pygame.Surface) -> None:
        if self.old is None or self.old.get_size() != shown.get_size():
            self.old = pygame.Surface(shown.get_size()).convert() if pygame.display.get_surface() else \
                pygame.Surface(shown.get_size())
        self.old.blit(shown, (0, 0))
        self.t = 0.0
        self.active = True

    def step(self, dt: float) -> bool:
        """Advance the fade; whether it is still running."""
        if self.active:
            self.t += dt
            if self.t >= FADE_SECONDS:
                self.active = False
        return self.active

    def alpha(self) -> int:
        """The old frame's opacity: the new screen shows through from the first frame, easing out."""
        x = min(1.0, max(0.0, self.t / FADE_SECONDS))
        return int(round(200 * (1 - x) ** 2))

    def draw(self, surf: pygame.Surface) -> None:
        if not self.active or self.old is None or self.old.get_size() != surf.get_size():
            return
        a = self.alpha()
        if a > 0:
            self.old.set_alpha(a)
            surf.blit(self.old, (0, 0))


class ScreenStack:
    stack: list[Screen]
    callbacks: dict[int, Callable[[Any], None] | None]
    dirty: bool
    kit: Kit
    mapper: InputMapper
    changes: int   # counts changes of the stack (app.py drops input until the new screen is drawn)
    shown: int     # the value of `changes` when the last frame was drawn
    frames: int
    settings: Settings
    fade: Fade | None = None
    card: TitleCard | None = None
    collect_pending = False  # screens were freed: collect after the next frame

    @property
    def top(self) -> Screen | None:
        return self.stack[-1] if self.stack else None

    def push(self, screen: Screen, on_result: Callable[[Any], None] | None = None) -> None:
        if self.top:
            self.top.pause()
        self.stack.append(screen)
        self.callbacks[id(screen)] = on_result
        screen.enter()
        self.changed()

    def pop(self, screen: Screen | None = None, result: Any = None) -> None:
        screen = screen or self.top
        if screen not in self.stack:
            return
        index = self.stack.index(screen)
        for s in self.stack[index:][::-1]:
            s.exit()
            self.stack.remove(s)
        callback = self.callbacks.pop(id(screen), None)
        if self.top:
            self.top.resume()
        self.changed()
        if callback:
            callback(result)

    def replace(self, screen: Screen) -> None:
        """Swap the top screen for another (no result is passed)."""
        if self.top:
            old = self.stack.pop()
            old.exit()
            self.callbacks.pop(id(old), None)
        self.stack.append(screen)
        screen.enter()
        self.changed()

    def reset(self, *screens: Screen) -> None:
        """Clear the stack and start again from these screens."""
        for s in reversed(self.stack):
            s.exit()
        if self.stack:
            self.stack.clear()
            self.free_screens()
        self.callbacks.clear()
        self.changed()
        for s in screens:
            self.push(s)

    def changed(self) -> None:
        """The stack changed: what the player sees is about to change. Keys held now do nothing more,
        and input that arrives before the new screen's first frame is dropped (see `handle_event`)."""
        if self.changes == self.shown:  # the first change since the last frame: that frame fades out
            self.begin_fade()
        self.changes += 1
        self.mapper.settle()
        self.dirty = True

    def free_screens(self) -> None:
        """Free the screens just taken off the stack. A screen and its buttons refer to each other,
        so only Python's cycle collector frees them, with the full-screen layers they hold (8 MB
        each at 1080p); left to itself it rarely runs a full collection, and memory grew by 100 MB
        over one playthrough. A full collection costs 10-15 ms with the story loaded, so it runs
        just after the new screen's first frame (`collect_now`), not between the key and it."""
        self.collect_pending = True

    def collect_now(self) -> None:
        """The collection `free_screens` asked for, once the new screen is on screen."""
        if self.collect_pending:
            self.collect_pending = False
            gc.collect()

    def begin_fade(self) -> None:
        surf = pygame.display.get_surface()
        if self.settings.reduced_motion or surf is None or self.frames == 0:
            if self.fade is not None:
                self.fade.active = False
            return
        if self.fade is None:
            self.fade = Fade()
        self.fade.begin(surf)

    def step_fade(self, dt: float) -> bool:
        """Advance a running fade by dt seconds; whether it still runs (the loop keeps drawing)."""
        return self.fade is not None and self.fade.step(dt)

    def draw_fade(self, surf: pygame.Surface) -> None:
        if self.fade is not None:
            self.fade.draw(surf)

    def relayout(self) -> None:
        self.kit.cache.clear()
        for s in self.stack:
            s.layout()
        self.dirty = True
