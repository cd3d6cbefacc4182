"""How the app behaves in each room it is used in: at home or in class, in officer training, at a kiosk.

A mode decides the first screen, where "home" is, what happens after a crash, whether the window may
be closed, and may watch every input (the kiosk's idle timer). The classroom, training and kiosk
modes live in modes_*.py; this file holds the plain one and the factory.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from ..core.play.playthrough import Playthrough, Room
from . import input as act

if TYPE_CHECKING:
    from .app import App


class Mode:
    name = "play"

    def __init__(self, app: "App"):
        self.app = app

    def start(self) -> None:
        self.home()

    def home(self) -> None:
        from .screens.title import TitleScreen
        self.app.play = None
        self.app.reset(TitleScreen(self.app))

    def recover(self, log_file: str) -> None:
        from .screens.messages import MessageScreen
        self.home()
        kit = self.app.kit
        self.app.push(MessageScreen(self.app, kit.ui("crash.title"), kit.ui("crash.body", path=log_file)))

    def allow_quit(self) -> bool:
        return True

    def on_input(self, a: act.Action) -> None:
        pass

    def intercept(self, a: act.Action) -> bool:
        """See an action before the screens do; True means it was used up."""
        return False

    def tick(self, now: float) -> None:
        pass

    def wait_ms(self) -> int:
        return 1000

    def draw_overlay(self, surf: pygame.Surface) -> None:
        pass

    def reserved_top_right(self) -> int:
        """Width at the top right of play screens that the mode draws over (kiosk buttons)."""
        return 0

    def ending_screen(self):
        """The screen shown when a playthrough ends."""
        from .screens.ending import EndingScreen
        return EndingScreen(self.app)

    def ending_buttons(self) -> list[tuple[str, object, str]]:
        """Extra buttons on the ending screen: (label, action, icon)."""
        return []

    def after_choice(self, choice, proceed) -> None:
        """Called when the player takes a choice; `proceed()` carries it out (training shows feedback)."""
        proceed()

    # -- the playthroughs this room plays ------------------------------------------------------------
    def make_room(self, code: str | None = None) -> Room:
        """How a playthrough started in this mode is played (its room, code and result folder)."""
        return Room(self.name, code)

    def attach(self, play: Playthrough) -> None:
        """A playthrough begins in this mode: listen to the events the mode cares about."""

    def plays_here(self) -> bool:
        """True when the current playthrough was started in this mode's room."""
        return self.app.play is not None and self.app.play.room.name == self.name

    def autosaves(self, play: Playthrough) -> bool:
        return True

    def allows_saving(self, play: Playthrough | None) -> bool:
        """Whether the pause menu offers save and load."""
        return True

    def has_pause_menu(self) -> bool:
        return True

    def reflects(self) -> bool:
        """Whether the end of a phase asks the reflection questions (a five-minute kiosk story does not)."""
        return True

    def pause_items(self) -> list[tuple[str, Callable[[], None], str]]:
        """Extra items of the pause menu: (label, action, icon)."""
        return []


def make_mode(app: "App", name: str | None = None) -> Mode:
    name = name or app.options.mode
    if name == "class":
        from .modes_class import ClassMode
        return ClassMode(app)
    if name == "training":
        from .modes_training import TrainingMode
        return TrainingMode(app)
    if name == "kiosk":
        from .modes_kiosk import KioskMode
        return KioskMode(app)
    return Mode(app)
