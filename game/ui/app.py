"""The window: the main loop, the screen stack, and what happens when something goes wrong.

The loop sleeps in `pygame.event.wait` until something happens, so a still screen costs almost no
CPU; while a screen animates it draws at up to 60 frames a second and stops when the animation ends.
An exception inside a screen is logged with its traceback, and the player is taken back to the title
screen (the attract loop in kiosk mode) with a short apology and the log's path; the autosave is
untouched. Content errors found at start-up are shown on screen and printed to the terminal.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
import traceback
from dataclasses import dataclass
from collections.abc import Callable
from typing import Any

import pygame

from ..core.load.cache import cache_dir
from ..core.load.ready import load_content
from ..core.content import Content
from ..core.diagnostics import Report
from ..core.files import data_dir
from ..core.play.engine import EngineError
from ..core.play.playthrough import MOVED, Playthrough
from ..core.play.saves import SaveStore
from . import input as act
from .assets import Images, Sounds
from .heap import map_large_blocks
from .kit import Kit
from .picture_cache import PictureCache
from .screen import Screen
from .settings import Settings

log = logging.getLogger("neighbour")
FPS = 60
WAITING_DRIVERS = {"x11", "wayland", "windows", "cocoa"}  # where SDL waits for events without polling


@dataclass
class Options:
    mode: str = "play"               # play | class | training | kiosk
    size: tuple[int, int] | None = None
    fullscreen: bool | None = None
    lang: str | None = None
    session_code: str | None = None
    kiosk_config: str | None = None


def log_path() -> str:
    return os.path.join(data_dir(), "logs", "neighbour.log")


def setup_logging() -> str:
    """Log to the log file in the user's data folder (the one named after an error); its path.

    A handler left by an earlier App in the same process is replaced when the data folder has
    changed since (tests make an App per folder); before, the log went on to the first folder's file
    while the path shown pointed at the new one.
    """
    path = log_path()
    root = logging.getLogger("neighbour")
    root.setLevel(logging.INFO)
    for old in [h for h in root.handlers if getattr(h, "neighbour_log", False)]:
        if getattr(old, "baseFilename", None) == os.path.abspath(path):
            return path
        root.removeHandler(old)
        old.close()
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.neighbour_log = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return path


class App:
    def __init__(self, dirs: list[str], options: Options | None = None, clock: Callable[[], float] | None = None,
                 settings: Settings | None = None):
        self.dirs = dirs
        self.options = options or Options()
        self.clock = clock or time.monotonic
        self.log_file = setup_logging()
        self.settings = settings or Settings.load()
        if self.options.lang:
            self.settings.lang = self.options.lang
        map_large_blocks()
        pygame.init()
        pygame.key.set_repeat(400, 60)
        self.content, self.report = self._load_content()
        self.images = Images(self._asset_roots(), disk=PictureCache(os.path.join(cache_dir(), "pictures")))
        self.sounds = Sounds()
        self.sounds.configure(self.settings.volume, self.settings.muted)
        self.kit = Kit(self.content or _empty_content(), self.settings, self.images, self.sounds)
        self.mapper = act.InputMapper()
        self.mapper.scanning = self.settings.scanning
        self.saves = SaveStore()
        self.stack: list[Screen] = []
        self.callbacks: dict[int, Callable[[Any], None] | None] = {}
        self.play: Playthrough | None = None
        self.running = True
        self.surface: pygame.Surface | None = None
        self.dirty = True
        self.last_scan = self.clock()
        self.frames = 0
        self.driver_waits = True
        self.last_event = 0.0  # when wait_event last returned an event (time.monotonic)
        self.last_update = 0.0  # when the screens were last updated (time.monotonic), to pace animations
        self.animating = False
        self.mode = None
        self.open_window()
        from .modes import make_mode
        self.mode = make_mode(self)
        self.start()

    # -- set-up ----------------------------------------------------------------------------
    def _asset_roots(self) -> list[str]:
        from ..core.paths import asset_roots
        return asset_roots(self.dirs)

    def _load_content(self) -> tuple[Content | None, Report]:
        content, report = load_content(self.dirs)
        if content is None:
            for d in report.sorted():
                if d.severity == "error":
                    print(d.format(), file=sys.stderr)
        return content, report

    def window_flags(self) -> int:
        return 0

    def open_window(self) -> None:
        fullscreen = self.options.fullscreen if self.options.fullscreen is not None else self.settings.fullscreen
        if self.options.mode == "kiosk":
            fullscreen = True
        pygame.display.set_caption("Neighbour")
        icon = self.images.load("icons/housing.svg", (64, 64))
        try:
            pygame.display.set_icon(icon)
        except pygame.error:
            pass
        if fullscreen:
            flags = pygame.FULLSCREEN | (pygame.NOFRAME if self.options.mode == "kiosk" else 0)
            size = self.options.size or (0, 0)
        else:
            flags = pygame.RESIZABLE
            size = self.options.size or _default_size()
        self.surface = pygame.display.set_mode(size, flags)
        self.driver_waits = pygame.display.get_driver() in WAITING_DRIVERS
        self.kit.resize(*self.surface.get_size())
        self.images.clear()

    def start(self) -> None:
        """The first screen: content errors, else what the mode starts with."""
        if self.content is None:
            from .screens.messages import ErrorScreen
            self.reset(ErrorScreen(self, self.report))
            return
        self.mode.start()

    # -- the stack ---------------------------------------------------------------------------
    @property
    def top(self) -> Screen | None:
        return self.stack[-1] if self.stack else None

    def push(self, screen: Screen, on_result: Callable[[Any], None] | None = None) -> None:
        if self.top:
            self.top.pause()
        self.stack.append(screen)
        self.callbacks[id(screen)] = on_result
        screen.enter()
        self.dirty = True

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
        self.dirty = True
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
        self.dirty = True

    def reset(self, *screens: Screen) -> None:
        """Clear the stack and start again from these screens."""
        for s in reversed(self.stack):
            s.exit()
        if self.stack:
            self.stack.clear()
            self.free_screens()
        self.callbacks.clear()
        for s in screens:
            self.push(s)

    @staticmethod
    def free_screens() -> None:
        """Free the screens just taken off the stack. A screen and its buttons refer to each other,
        so only Python's cycle collector frees them, with the full-screen layers they hold (8 MB
        each at 1080p); left to itself it rarely runs a full collection, and memory grew by 100 MB
        over one playthrough. A collection costs a few milliseconds, once per screen change."""
        gc.collect()

    def relayout(self) -> None:
        self.kit.cache.clear()
        for s in self.stack:
            s.layout()
        self.dirty = True

    # -- settings and content ------------------------------------------------------------------
    def apply_settings(self, save: bool = True) -> None:
        self.settings.repair()
        self.kit.apply(self.settings)
        self.mapper.scanning = self.settings.scanning
        self.sounds.configure(self.settings.volume, self.settings.muted)
        if save and self.options.mode != "kiosk":
            self.settings.save()
        self.relayout()

    def set_language(self, lang: str) -> None:
        self.settings.lang = lang
        self.apply_settings(save=self.options.mode != "kiosk")

    def toggle_fullscreen(self) -> None:
        self.settings.fullscreen = not self.settings.fullscreen
        self.options.fullscreen = self.settings.fullscreen
        self.open_window()
        self.apply_settings()

    def reload_content(self) -> None:
        """F5: read the content from disk again; keep the player's place where it still exists."""
        from .screens.messages import ErrorScreen, MessageScreen
        content, report = load_content(self.dirs, use_cache=False)
        if content is None:
            for d in report.sorted():
                if d.severity == "error":
                    print(d.format(), file=sys.stderr)
            self.push(ErrorScreen(self, report, reloading=True))
            return
        self.content = content
        self.kit.content = self.content
        self.images.clear()
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
        assert self.play is not None and self.content is not None
        scene = self.play.state.scene or ""
        try:
            gone = self.play.rebind(self.content)
        except EngineError:
            return self.kit.ui("reload.no_campaign")
        return self.kit.ui("reload.scene_gone", scene=scene) if gone else ""

    # -- playing -------------------------------------------------------------------------------
    def new_game(self, campaign: str, profile: str | None = None, seed: int | None = None,
                 scenario: str | None = None, code: str | None = None) -> None:
        """Start a playthrough in the current mode's room."""
        assert self.content is not None
        room = self.mode.make_room(code)
        self.begin(Playthrough.new(self.content, campaign, profile=profile, seed=seed, scenario=scenario,
                                   room=room))

    def begin(self, play: Playthrough) -> None:
        """Play this playthrough: the window follows it (MOVED shows the screen for where it is) and
        the mode listens to it."""
        self.play = play
        play.lang = self.kit.lang
        play.on(MOVED, lambda _play: self.route())
        self.mode.attach(play)
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
        assert self.content is not None
        code = result.play.get("code") if isinstance(result.play.get("code"), str) else None
        try:
            play = Playthrough.restore(self.content, result.state, result.play, room=self.mode.make_room(code))
        except Exception as exc:
            log.warning("save %s does not fit this content: %s", slot, exc)
            self.push(MessageScreen(self, self.kit.ui("saves.title"),
                                    self.kit.ui("saves.unusable", problem=str(exc))))
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
        if play is None or not self.mode.autosaves(play) or not (force or play.autosave_due()):
            return
        try:
            self.save("autosave")
        except OSError as exc:
            log.warning("autosave failed: %s", exc)

    def route(self) -> None:
        """Show the play screen that matches where the playthrough is."""
        from .screens.play import play_screen_for
        if self.play is None:
            return
        self.play.lang = self.kit.lang
        e = self.play.engine
        if e.status == "scene" and e.state.slot == 0:
            self.autosave()
        screen = play_screen_for(self)
        keep = 1 if self.stack and not getattr(self.stack[0], "is_play", False) else 0
        if len(self.stack) > keep:
            while len(self.stack) > keep:  # during play the stack is [home, play screen, modals...]
                old = self.stack.pop()
                old.exit()
                self.callbacks.pop(id(old), None)
            self.free_screens()
        self.push(screen)

    def to_title(self) -> None:
        self.play = None
        self.mode.home()

    def set_mode(self, name: str) -> None:
        """Switch how the app behaves (the title screen's Classroom and Officer training buttons)."""
        from .modes import make_mode
        if self.mode is None or self.mode.name != name:
            self.mode = make_mode(self, name)

    # -- the loop ------------------------------------------------------------------------------
    def dispatch(self, a: act.Action) -> None:
        if a.name == act.QUIT:
            if self.mode.allow_quit():
                self.running = False
            return
        if a.name == act.ANY:
            self.mode.on_input(a)
            return
        if a.name == act.RELOAD and self.options.mode != "kiosk":
            self.guard(self.reload_content)
            return
        if self.mode.intercept(a):
            self.dirty = True
            return
        top = self.top
        if top is None:
            return
        if a.name == act.POINT:
            if top.handle(a):
                self.dirty = True
            return
        if self.guard(lambda: top.handle(a)):
            self.dirty = True

    def guard(self, fn: Callable[[], Any]) -> Any:
        """Run screen code; an exception returns the player to safety instead of crashing."""
        try:
            return fn()
        except Exception as exc:  # noqa: BLE001 - this is the safety net
            self.recover(exc)
            return True

    def recover(self, exc: BaseException) -> None:
        log.error("an error inside a screen: %s\n%s", exc, "".join(traceback.format_exception(exc)))
        print(f"neighbour: an error occurred ({exc}); details in {self.log_file}", file=sys.stderr)
        self.play = None
        try:
            self.mode.recover(self.log_file)
        except Exception:  # the recovery itself failed (its message screen, say): home, without it
            log.exception("recovery failed")
            try:
                self.mode.home()
            except Exception:  # pragma: no cover - not even home works; an empty stack still quits
                log.exception("the home screen failed too")
                self.stack.clear()
        self.dirty = True

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED, pygame.WINDOWRESIZED):
            surf = pygame.display.get_surface()
            if surf is not None and surf.get_size() != (self.kit.w, self.kit.h):
                self.kit.resize(*surf.get_size())
                self.images.clear()
                self.relayout()
            return
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWSHOWN, pygame.WINDOWRESTORED, pygame.ACTIVEEVENT):
            self.dirty = True
            return
        for a in self.mapper.map(event):
            self.dispatch(a)

    def step(self, wait: bool = True) -> None:
        """One turn of the loop: wait for input (or a timer), handle it, draw if anything changed.

        While a screen animates, frames are paced at its `fps` (60 unless it asks for fewer) by
        sleeping in the wait for input, so input stays instant and an animation takes the time it
        means to whatever the machine. With wait=False (tests, benchmarks) nothing sleeps and each
        turn advances animations by one frame.
        """
        now = time.monotonic()
        top = self.top
        fps = top.fps if top is not None else FPS
        # the time since the last frame of a running animation; one frame's worth when it starts
        dt = min(0.1, max(0.0, now - self.last_update)) if wait and self.animating else 1 / fps
        self.last_update = now
        animating = self.animating = self.guard(lambda: self.update(dt)) is True
        if animating:  # sleep (awake for input) until the next frame is due
            timeout = max(0, int((now + 1 / fps - time.monotonic()) * 1000)) if wait else 0
        else:
            timeout = 0 if self.dirty else self.wait_ms()
        if wait and timeout > 0:
            first = self.wait_event(timeout)
            events = [first] if first.type != pygame.NOEVENT else []
            events += pygame.event.get()
        else:
            events = pygame.event.get()
        for e in events:
            self.handle_event(e)
        if self.dirty or animating:
            self.guard(self.draw)

    def wait_event(self, timeout: int) -> pygame.event.Event:
        """The next event, or NOEVENT after `timeout` ms, asleep in between.

        SDL sleeps until an event comes only on some video drivers; on the others (kmsdrm on a
        kiosk without a desktop, the dummy driver of headless runs) its wait polls every
        millisecond, which costs a few percent of a core on a still screen. There the loop polls
        itself: every 10 ms while someone is using the game, every 50 ms after two quiet seconds.
        """
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

    def wait_ms(self) -> int:
        """How long the loop may sleep: until the next timer the mode or scanning needs."""
        waits = [self.mode.wait_ms()]
        if self.settings.scanning:
            remain = self.settings.scan_seconds - (self.clock() - self.last_scan)
            waits.append(max(1, int(remain * 1000)))
        return max(1, min(waits))

    def update(self, dt: float = 1 / FPS) -> bool:
        now = self.clock()
        if self.settings.scanning and now - self.last_scan >= self.settings.scan_seconds:
            self.last_scan = now
            if self.top and self.top.scan():
                self.dirty = True
        self.mode.tick(now)
        top = self.top
        moving = bool(top and top.update(dt))
        return moving

    def draw(self) -> None:
        surf = pygame.display.get_surface()
        if surf is None or not self.stack:
            return
        first = len(self.stack) - 1
        while first > 0 and self.stack[first].modal:
            first -= 1
        for s in self.stack[first:]:
            s.draw(surf)
        self.mode.draw_overlay(surf)
        pygame.display.flip()
        self.frames += 1
        self.dirty = False

    def run(self) -> int:
        while self.running:
            self.step()
        self.autosave(force=True)
        pygame.quit()
        return 0


def _default_size() -> tuple[int, int]:
    try:
        info = pygame.display.get_desktop_sizes()[0]
    except (pygame.error, IndexError):
        return (1280, 720)
    w, h = info
    for cand in ((1600, 900), (1280, 720), (1024, 600)):
        if cand[0] <= w * 0.9 and cand[1] <= h * 0.9:
            return cand
    return (max(640, int(w * 0.9)), max(480, int(h * 0.9)))


def _empty_content() -> Content:
    """Just enough content to draw the error screen when the real content failed to load."""
    from ..core.rules.compile import Symbols
    from ..core.model import Model
    model = Model({"title": {}, "disclaimer": {}, "variables": {}, "risk": {"intercept": 0, "factors": [],
                                                                           "explain": {}}},
                  Symbols({}, {}, {}))
    return Content(languages={"en": "English"}, default_lang="en", strings={}, roles={}, model=model,
                   variables={}, activities={}, phases={}, places={}, characters={}, warnings={},
                   principles={}, facts={}, campaigns={}, scenarios={}, scenes={}, pools={},
                   symbols=Symbols({}, {}, {}))


def run(args: Any, dirs: list[str]) -> int:
    """Open the window for the parsed command-line arguments."""
    mode = "class" if getattr(args, "classroom", False) else "training" if getattr(args, "training", False) \
        else "kiosk" if getattr(args, "kiosk", False) else "play"
    fullscreen = True if getattr(args, "fullscreen", False) else False if getattr(args, "windowed", False) else None
    options = Options(mode=mode, size=getattr(args, "size", None), fullscreen=fullscreen,
                      lang=getattr(args, "lang", None), session_code=getattr(args, "session", None),
                      kiosk_config=getattr(args, "kiosk_config", None))
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    app = App(dirs, options)
    return app.run()
