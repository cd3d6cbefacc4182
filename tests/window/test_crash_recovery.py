"""An exception inside a screen never ends the game.

In normal play it is logged with its traceback, the player lands on the title screen with a short
apology naming the log file, and the autosave made at the start of the day is untouched. At a kiosk
the attract loop simply starts again. Each way a screen can fail is tried: handling input, updating,
drawing.
"""

from __future__ import annotations

import os

import pygame
import pytest

from game.core.play.saves import SaveStore
from game.ui.app import App
from game.ui.options import Options
from game.ui.modes.kiosk.screens import AttractScreen
from game.ui.screens.messages import MessageScreen
from game.ui.screens.day import DayScreen
from game.ui.screens.title import TitleScreen
from game.ui.settings import Settings
from storytools import ROOT, WORLD
from uitools import look

STORY = WORLD + [os.path.join(ROOT, "docs", "example")]


class Clock:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


def boom(*_args, **_kwargs):
    raise RuntimeError("a bug in a screen")


def make(mode: str = "play") -> App:
    app = App(STORY, Options(mode=mode, size=(1280, 720)), clock=Clock(), settings=Settings())
    if mode == "kiosk":
        app.mode.keys_down = dict
    app.step(wait=False)
    return app


def press(app: App, key: int) -> None:
    look(app)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0))
    app.step(wait=False)


def log_text(app: App) -> str:
    with open(app.log_file, encoding="utf-8") as fh:
        return fh.read()


@pytest.mark.parametrize("where", ["handle", "update", "draw"])
def test_a_crash_in_play_returns_to_the_title_and_keeps_the_autosave(monkeypatch, where):
    app = make()
    app.new_game("first_week", seed=5)
    app.step(wait=False)
    while not isinstance(app.top, DayScreen):  # a content note may come first
        app.top.activate(0)
        app.step(wait=False)
    autosave = SaveStore().path("autosave")
    assert os.path.exists(autosave), "the day's autosave was not written"
    with open(autosave, "rb") as fh:
        saved = fh.read()

    with monkeypatch.context() as m:
        m.setattr(DayScreen, where, boom)
        if where == "handle":
            press(app, pygame.K_1)
        else:
            app.dirty = True
            app.step(wait=False)
    app.step(wait=False)

    assert app.play is None
    assert isinstance(app.stack[0], TitleScreen) and isinstance(app.top, MessageScreen)
    assert app.log_file in app.top.body, app.top.body
    assert "an error inside a screen: a bug in a screen" in log_text(app)
    assert "Traceback" in log_text(app)  # the log has what a developer needs
    with open(autosave, "rb") as fh:
        assert fh.read() == saved
    app.top.activate(0)  # OK: the title screen, and the day can be continued from the autosave
    app.step(wait=False)
    assert isinstance(app.top, TitleScreen)
    assert app.continue_game("autosave") and isinstance(app.top, DayScreen)


def test_a_crash_while_recovering_still_leaves_a_working_title(monkeypatch):
    app = make()
    app.new_game("first_week", seed=5)
    app.step(wait=False)
    with monkeypatch.context() as m:
        m.setattr(DayScreen, "draw", boom)
        m.setattr(MessageScreen, "__init__", boom)  # the apology itself fails
        app.dirty = True
        app.step(wait=False)
    app.step(wait=False)
    assert app.running and app.play is None
    assert isinstance(app.top, TitleScreen), "an empty window with nothing to press"
    assert "recovery failed" in log_text(app)


@pytest.mark.parametrize("where", ["handle", "draw"])
def test_a_crash_at_the_kiosk_returns_to_the_attract_loop(monkeypatch, where):
    app = make("kiosk")
    app.mode.begin("resident")
    app.step(wait=False)
    assert app.play is not None and getattr(app.top, "is_play", False)
    with monkeypatch.context() as m:
        m.setattr(type(app.top), where, boom)
        if where == "handle":
            press(app, pygame.K_RETURN)
        else:
            app.dirty = True
            app.step(wait=False)
    app.step(wait=False)
    assert isinstance(app.top, AttractScreen) and len(app.stack) == 1 and app.play is None
    assert "kiosk recovered from an error" in log_text(app)
    assert not os.path.exists(SaveStore().path("autosave"))  # kiosks keep nothing
