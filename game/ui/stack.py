"""The screen stack: the screens open now, the top one receiving input, each opener told the result.

A screen is pushed (with a callback for its result), may push others over it, and closes with a
result (`pop`); `replace` swaps the top screen, `reset` starts again from the given screens. A modal
screen is drawn over the one below. `App` (app.py) is this stack, the loop and the window.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

from .input import InputMapper
from .kit import Kit
from .nav import Screen


class ScreenStack:
    stack: list[Screen]
    callbacks: dict[int, Callable[[Any], None] | None]
    dirty: bool
    kit: Kit
    mapper: InputMapper
    changes: int   # counts changes of the stack (app.py drops input until the new screen is drawn)
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

    def relayout(self) -> None:
        self.kit.cache.clear()
        for s in self.stack:
            s.layout()
        self.dirty = True
