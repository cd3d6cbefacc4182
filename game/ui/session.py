"""The game side of the window: the content, the settings, the mode, and the playthrough being played.

`App` (app.py) is this plus the loop, the screen stack and the window. What lives here is what a
screen asks for through `Nav` beyond the stack: start, continue, save, leave to the title, F5, and the
settings that re-lay the screens out. The window only observes a playthrough: its `MOVED` event shows
the screen for where it is now (`route`).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..core.content import Content
from ..core.diagnostics import Report
from ..core.load.ready import load_content
from ..core.play.engine import EngineError
from ..core.play.playthrough import MOVED, Playthrough, Room
from ..core.play.saves import SaveStore, move_aside
from ..core.play.state import SaveFormatError
from .input import InputMapper
from .kit import Kit
from .modes import MODES, Mode, make_mode
from .nav import MenuItem, Screen
from .options import Options
from .settings import Settings

if TYPE_CHECKING:
    from .assets import Sounds

log = logging.getLogger("neighbour")


def print_errors(report: Report) -> None:
    for d in report.sorted():
        if d.severity == "error":
            print(d.format(), file=sys.stderr)


class GameSession:
    """Half of `App`: everything but the loop, the stack and the window (which `App` supplies)."""

    dirs: list[str]
    options: Options
    settings: Settings
    kit: Kit
    sounds: Sounds
    mapper: InputMapper
    saves: SaveStore
    stack: list[Screen]
    callbacks: dict[int, Callable[[Any], None] | None]
    running: bool
    _content: Content | None
    report: Report
    play: Playthrough | None
    _mode: Mode

    # supplied by App: the stack and the window
    def push(self, screen: Screen, on_result: Callable[[Any], None] | None = None) -> None:
        raise NotImplementedError

    def reset(self, *screens: Screen) -> None:
        raise NotImplementedError

    def relayout(self) -> None:
        raise NotImplementedError

    def start(self) -> None:
        raise NotImplementedError

    def free_screens(self) -> None:
        raise NotImplementedError

    # -- content ----------------------------------------------------------------------------------
    @property
    def content(self) -> Content:
        """The content being played (only screens shown after it loaded ask for it)."""
        assert self._content is not None, "no content loaded"
        return self._content

    def load(self, use_cache: bool = True) -> tuple[Content | None, Report]:
        content, report = load_content(self.dirs, use_cache)
        if content is None:
            print_errors(report)
        return content, report

    def retry_content(self) -> bool:
        """The error screen's "Try again": True when the content now loads and the mode has started."""
        self._content, self.report = self.load()
        if self._content is None:
            return False
        self.use_content(self._content)
        self.start()
        return True

    def use_content(self, content: Content) -> None:
        """Play this content from now on (the kiosk's last good story when the content failed)."""
        self._content = content
        self.kit.content = content
        self.kit.images.clear()
        self.kit.apply(self.settings)

    def reload_content(self) -> None:
        """F5: read the content from disk again; keep the player's place where it still exists."""
        from .screens.messages import ErrorScreen, MessageScreen
        content, report = self.load(use_cache=False)
        if content is None:
            self.push(ErrorScreen(self, report, reloading=True))
            return
        self._content = content
        self.kit.content = content
        self.kit.images.clear()
        message = self.kit.ui("reload.done")
        if self.play is not None:
            note = self.rebind()
            if note:
                message += "\n\n" + note
        self.relayout()
        if self.play is not None:
            self.route()
        self.push(MessageScreen(self, self.kit.ui("reload.title"), message))

    def rebind(self) -> str:
        """Attach the playthrough to the content just read, saying what had to be repaired."""
        assert self.play is not None
        scene = self.play.state.scene or ""
        try:
            gone = self.play.rebind(self.content)
        except EngineError:
            return self.kit.ui("reload.no_campaign")
        return self.kit.ui("reload.scene_gone", scene=scene) if gone else ""

    # -- settings ---------------------------------------------------------------------------------
    def apply_settings(self, save: bool | None = None) -> None:
        """Apply the settings everywhere; saved unless `save` is False or the mode keeps none."""
        self.settings.repair()
        self.kit.apply(self.settings)
        self.mapper.scanning = self.settings.scanning
        self.sounds.configure(self.settings.volume, self.settings.muted)
        if save is not False and self._mode.saves_settings():
            self.settings.save()
        self.relayout()

    def set_language(self, lang: str) -> None:
        self.settings.lang = lang
        self.apply_settings()

    # -- modes ------------------------------------------------------------------------------------
    @property
    def mode(self) -> Mode:
        return self._mode

    @property
    def started_as(self) -> str:
        """The mode the command line started the game in."""
        return self.options.mode

    def set_mode(self, name: str) -> Mode:
        """Switch how the app behaves (the title screen's Classroom and Officer training buttons)."""
        if self._mode.name != name:
            self._mode = make_mode(self, name)
        return self._mode

    def title_items(self) -> list[MenuItem]:
        """The modes' buttons on the title screen (the classroom, training)."""
        out: list[MenuItem] = []
        for cls in MODES.values():
            if cls.title_entry is not None:
                key, icon = cls.title_entry
                out.append((self.kit.ui(key), lambda name=cls.name: self.set_mode(name).open_from_title(), icon))
        return out

    def make_room(self, code: str | None = None) -> Room:
        return self._mode.make_room(code)

    # -- playing ----------------------------------------------------------------------------------
    def new_game(self, campaign: str, profile: str | None = None, seed: int | None = None,
                 scenario: str | None = None, code: str | None = None) -> None:
        """Start a playthrough in the current mode's room."""
        room = self._mode.make_room(code)
        self.begin(Playthrough.new(self.content, campaign, profile=profile, seed=seed, scenario=scenario,
                                   room=room))

    def begin(self, play: Playthrough) -> None:
        """Play this playthrough: the window follows it (MOVED shows the screen for where it is) and
        the mode listens to it."""
        self.play = play
        play.lang = self.kit.lang
        play.on(MOVED, lambda _play: self.route())
        self._mode.attach(play)
        self.route()

    def continue_game(self, slot: str = "autosave") -> bool:
        from .screens.messages import MessageScreen
        result = self.saves.load(slot)
        if result.state is None:
            text = self.kit.ui("saves.unusable", problem=result.problem or "")
            if result.moved_to:
                text += "\n\n" + self.kit.ui("saves.moved", path=result.moved_to)
            self.push(MessageScreen(self, self.kit.ui("saves.title"), text))
            return False
        code = result.play.get("code")
        room = result.play.get("room")
        cls = MODES.get(room) if isinstance(room, str) else None
        if cls is not None and cls.resumes_saves and room != self._mode.name:
            self.set_mode(cls.name)  # a class run continued from the title is a class run again, same session
        try:
            play = Playthrough.restore(self.content, result.state, result.play,
                                       room=self._mode.make_room(code if isinstance(code, str) else None))
        except Exception as exc:  # noqa: BLE001 - a save that does not fit the content is told, not raised
            log.warning("save %s does not fit this content: %s", slot, exc)
            text = self.kit.ui("saves.unusable", problem=str(exc))
            if isinstance(exc, SaveFormatError):  # unusable, not merely of a story this content lacks
                moved = move_aside(self.saves.path(slot))  # kept, never deleted; the next Continue works
                if moved:
                    text += "\n\n" + self.kit.ui("saves.moved", path=moved)
            self.push(MessageScreen(self, self.kit.ui("saves.title"), text))
            return False
        self.begin(play)
        return True

    def save(self, slot: str) -> str:
        """Save the playthrough in a slot; its path. Raises OSError when it cannot be written."""
        assert self.play is not None
        path = self.saves.save(slot, self.play.state, self.play.label(self.kit.tr), self.play.record.to_dict())
        if slot == "autosave":
            self.play.saved()
        return path

    def autosave(self, force: bool = False) -> None:
        play = self.play
        if play is None or not self._mode.autosaves(play) or not (force or play.autosave_due()):
            return
        try:
            self.save("autosave")
        except OSError as exc:
            log.warning("autosave failed: %s", exc)

    def route(self) -> None:
        """Show the play screen that matches where the playthrough is."""
        from .screens.route import play_screen_for
        if self.play is None:
            return
        self.play.lang = self.kit.lang
        e = self.play.engine
        if e.status == "scene" and e.state.slot == 0:
            self.autosave()
        elif e.status == "ending":  # Continue then shows this ending, never replays the last day
            self.autosave(force=True)
        screen = play_screen_for(self)
        keep = 1 if self.stack and not self.stack[0].is_play else 0
        if len(self.stack) > keep:
            while len(self.stack) > keep:  # during play the stack is [home, play screen, modals...]
                old = self.stack.pop()
                old.exit()
                self.callbacks.pop(id(old), None)
            self.free_screens()
        self.push(screen)

    def to_title(self) -> None:
        self.play = None
        self._mode.home()

    def quit(self) -> None:
        self.running = False
