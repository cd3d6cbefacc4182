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
