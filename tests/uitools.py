"""Helpers for window tests: an app on the dummy video driver, and input posted as real events."""

from __future__ import annotations

import os

import pygame

from game.core.paths import content_dir
from game.ui import input as act
from game.ui.app import App
from game.ui.options import Options
from game.ui.settings import Settings

SIZES = [(1024, 600), (1280, 720), (1280, 800), (1024, 768), (1920, 1080), (3840, 2160)]


def content_dirs() -> list[str]:
    """The shipped content, or another folder named by NEIGHBOUR_TEST_CONTENT (for developing)."""
    return [os.environ.get("NEIGHBOUR_TEST_CONTENT") or content_dir()]


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make_app(size=(1280, 720), mode="play", settings: Settings | None = None, clock=None, **options) -> App:
    app = App(content_dirs(), Options(mode=mode, size=size, **options), clock=clock or Clock(),
              settings=settings or Settings())
    if mode == "kiosk":
        app.mode.keys_down = dict
    app.step(wait=False)
    return app


def settle(app: App) -> None:
    app.step(wait=False)


def look(app: App) -> None:
    """What a player does before pressing anything: see the screen (draw it) and, on a clock the test
    moves by hand, let the choice delay pass (settings.choice_delay)."""
    if app.changes != app.shown or app.dirty:
        settle(app)
    top = app.top
    if top is not None and not top.ready() and hasattr(app.clock, "now") and top.shown_at is not None:
        app.clock.now = top.shown_at + app.settings.choice_delay + 0.01


def key(app: App, k: int, mod: int = 0, text: str | None = None) -> None:
    """Press and release a key."""
    look(app)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=text or "", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, mod=mod, unicode=text or "", scancode=0))
    settle(app)


def click(app: App, pos: tuple[int, int]) -> None:
    look(app)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False))
    settle(app)


def tap(app: App, pos: tuple[int, int], finger: int = 1) -> None:
    look(app)
    w, h = app.kit.w, app.kit.h
    x, y = pos[0] / w, pos[1] / h
    common = {"touch_id": 1, "finger_id": finger, "x": x, "y": y, "dx": 0.0, "dy": 0.0, "pressure": 1.0}
    pygame.event.post(pygame.event.Event(pygame.FINGERDOWN, **common))
    pygame.event.post(pygame.event.Event(pygame.FINGERUP, **common))
    settle(app)


def drag(app: App, start: tuple[int, int], dy: int, finger: int = 2) -> None:
    w, h = app.kit.w, app.kit.h
    x, y = start[0] / w, start[1] / h
    pygame.event.post(pygame.event.Event(pygame.FINGERDOWN, touch_id=1, finger_id=finger, x=x, y=y, dx=0.0, dy=0.0,
                                         pressure=1.0))
    for i in range(1, 6):
        yy = y + dy / h * i / 5
        pygame.event.post(pygame.event.Event(pygame.FINGERMOTION, touch_id=1, finger_id=finger, x=x, y=yy, dx=0.0,
                                             dy=dy / h / 5, pressure=1.0))
    pygame.event.post(pygame.event.Event(pygame.FINGERUP, touch_id=1, finger_id=finger, x=x, y=y + dy / h, dx=0.0,
                                         dy=0.0,
                                         pressure=1.0))
    settle(app)


def pad(app: App, button: int) -> None:
    look(app)
    pygame.event.post(pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, button=button, instance_id=0))
    settle(app)


def first_button(app: App):
    """The first numbered button on the top screen (a choice, or a screen's main action)."""
    t = app.top
    numbered = [b for b in t.buttons if b.number is not None and b.enabled]
    return (numbered or [b for b in t.buttons if b.enabled])[0]


def screen(app: App) -> str:
    return type(app.top).__name__


def dispatch(app: App, name: str, **kw) -> None:
    look(app)
    app.dispatch(act.Action(name, **kw))
    settle(app)
