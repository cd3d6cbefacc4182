"""The display's small services to the loop: a window size that fits the desktop, waiting for events
on every video driver, and the stand-in content the error screen draws with."""

from __future__ import annotations

import time

import pygame

from ..core.content import Content

WAITING_DRIVERS = {"x11", "wayland", "windows", "cocoa"}  # where SDL waits for events without polling


def default_size() -> tuple[int, int]:
    """The largest of 1600x900, 1280x720 and 1024x600 that fits in 90% of the desktop."""
    try:
        info = pygame.display.get_desktop_sizes()[0]
    except (pygame.error, IndexError):
        return (1280, 720)
    w, h = info
    for cand in ((1600, 900), (1280, 720), (1024, 600)):
        if cand[0] <= w * 0.9 and cand[1] <= h * 0.9:
            return cand
    return (max(640, int(w * 0.9)), max(480, int(h * 0.9)))


class EventWaiter:
    """The next event, or NOEVENT after a timeout, asleep in between.

    SDL sleeps until an event comes only on some video drivers; on the others (kmsdrm on a kiosk
    without a desktop, the dummy driver of headless runs) its wait polls every millisecond, which
    costs a few percent of a core on a still screen. There the loop polls itself: every 10 ms while
    someone is using the game, every 50 ms after two quiet seconds.
    """

    def __init__(self) -> None:
        self.driver_waits = True
        self.last_event = 0.0  # when wait last returned an event (time.monotonic)

    def wait(self, timeout: int) -> pygame.event.Event:
        if self.driver_waits:
            return pygame.event.wait(timeout)
        now = time.monotonic()
        deadline = now + timeout / 1000
        while True:
            event = pygame.event.poll()
            if event.type != pygame.NOEVENT:
                self.last_event = now
                return event
            now = time.monotonic()
            if now >= deadline:
                return event
            time.sleep(min(deadline - now, 0.01 if now - self.last_event < 2.0 else 0.05))


def placeholder_content() -> Content:
    """Just enough content to draw the error screen when the real content failed to load."""
    from ..core.model import Model, ModelSpec, RiskFormula
    from ..core.rules.compile import Symbols
    model = Model(ModelSpec(title={}, disclaimer={}, variables={},
                            risk=RiskFormula(intercept=0, factors=[], explain={})))
    return Content(languages={"en": "English"}, default_lang="en", strings={}, roles={}, model=model,
                   variables={}, activities={}, phases={}, places={}, characters={}, warnings={},
                   principles={}, facts={}, campaigns={}, scenarios={}, scenes={}, pools={},
                   symbols=Symbols({}, {}, {}))
