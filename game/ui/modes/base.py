"""What a mode is: how the window behaves in one room (at home, in class, in training, at a kiosk).

A mode is a plug-in in its own folder (modes/<name>/) with its own screens. It decides the first
screen and where "home" is, what happens after a crash, whether the window may be closed, how a
playthrough started in it is played (its `Room`: session code, result folder), the items it adds to
the title screen, the pause menu and the ending, and its window rules (full screen, settings kept,
F5). It may watch every input and draw over the play screens (the kiosk). Generic screens ask these
hooks instead of checking a mode's name; `modes/__init__.py` lists the modes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from ...core.play.playthrough import Playthrough, Room
from .. import input as act
from ..nav import Host, MenuItem
from ..screen import MenuHost, Screen

if TYPE_CHECKING:
    from ...core.content import Choice
    from ...core.diagnostics import Report


class Mode:
    name = "play"
    title_entry: tuple[str, str] | None = None   # (interface key, icon) of its title-screen button
    fullscreen_only = False                      # window rules: a kiosk is full screen, frameless...
    frameless = False
    keeps_settings = True                        # ...keeps no visitor's settings...
    allows_reload = True                         # ...and ignores F5
    resumes_saves = True                         # continuing a save made in this room comes back to it

    def __init__(self, host: Host):
        self.app = host

    # -- where things start ------------------------------------------------------------------------
    def start(self) -> None:
        self.home()

    def home(self) -> None:
        from ..screens.title import TitleScreen
        self.app.play = None
        self.app.reset(TitleScreen(self.app))

    def open_from_title(self) -> None:
        """The title screen's button for this mode was pressed (`title_entry`)."""

    def recover(self, log_file: str) -> None:
        from ..screens.messages import MessageScreen
        self.home()
        kit = self.app.kit
        self.app.push(MessageScreen(self.app, kit.ui("crash.title"), kit.ui("crash.body", path=log_file)))

    def allow_quit(self) -> bool:
        return True

    def content_failed(self, report: Report) -> bool:
        """The content did not load (its problems are in `report`). True when the mode has dealt with
        it (the kiosk plays its last good story, or shows its out-of-order card); False shows the
        error screen with every problem at file:line:col."""
        return False

    # -- input, time and the overlay ----------------------------------------------------------------
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

    # -- window rules -------------------------------------------------------------------------------
    def speaks(self) -> bool:
        """Whether the window reads the screen aloud here whatever the settings say (a kiosk in its
        "audio" mode: it also shows a button to turn the voice off). See game/ui/voice.py."""
        return False

    def saves_settings(self) -> bool:
        return self.keeps_settings

    def changes_window(self) -> bool:
        """Whether the player may switch between full screen and a window."""
        return not self.fullscreen_only

    # -- the playthroughs this room plays ----------------------------------------------------------
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

    def pause_items(self) -> list[MenuItem]:
        """Extra items of the pause menu: (label, action, icon)."""
        return []

    def after_choice(self, choice: Choice, proceed: Callable[[], None]) -> None:
        """Called when the player takes a choice; `proceed()` carries it out (training shows feedback)."""
        proceed()

    def ending_screen(self) -> Screen:
        """The screen shown when a playthrough ends."""
        from ..screens.ending import EndingScreen
        return EndingScreen(self.app)

    def ending_buttons(self) -> list[MenuItem]:
        """Extra buttons on the ending screen: (label, action, icon)."""
        return []


class ModeMenuScreen(MenuHost, Screen):
    """The first menu of a mode (class set-up, the training scenarios). Back closes it when the game
    was started in that mode, and goes to the title screen when it was opened from there."""

    home_mode = ""

    def __init__(self, host: Host):
        super().__init__(host)
        self.host = host

    def on_back(self) -> bool:
        self.leave()
        return True

    def leave(self) -> None:
        if self.host.started_as != self.home_mode:
            self.host.to_title()
        else:
            self.close()
