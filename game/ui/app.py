"""The window: the main loop, the screen stack, and what happens when something goes wrong.

The screen stack is in stack.py and the game side (content, settings, the mode, the playthrough) in
session.py; screens see all of it through the narrow `Nav` interface (nav.py), modes through `Host`.

The loop sleeps in `pygame.event.wait` until something happens, so a still screen costs almost no
CPU; while a screen animates it draws at up to 60 frames a second and stops when the animation ends.
An exception inside a screen is logged with its traceback, and the player is taken back to the title
screen (the attract loop in kiosk mode) with a short apology and the log's path; the autosave is
untouched. Content errors found at start-up are shown on screen and printed to the terminal.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import time
import traceback
from collections.abc import Callable
from typing import Any

import pygame

from ..core.load.cache import cache_dir
from ..core.paths import asset_roots
from ..core.play.playthrough import Playthrough
from ..core.play.saves import SaveStore
from . import input as act
from .assets import Images, Sounds
from .display import WAITING_DRIVERS, EventWaiter, default_size, placeholder_content
from .heap import map_large_blocks
from .kit import Kit
from .logfile import setup_logging
from .modes import make_mode
from .nav import Screen
from .options import Options
from .picture_cache import PictureCache
from .session import GameSession
from .stack import ScreenStack, TitleCard
from .settings import Settings
from .voice import Voice, focus_words, words_for

log = logging.getLogger("neighbour")
FPS = 60
MAX_WAIT_MS = 500  # the loop's longest sleep: a signal is acted on within it


class App(ScreenStack, GameSession):
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
        self._content, self.report = self.load()
        self.images = Images(asset_roots(self.dirs), disk=PictureCache(os.path.join(cache_dir(), "pictures")))
        self.sounds = Sounds()
        self.sounds.configure(self.settings.volume, self.settings.muted)
        self.kit = Kit(self._content or placeholder_content(), self.settings, self.images, self.sounds)
        self.mapper = act.InputMapper()
        self.mapper.scanning = self.settings.scanning
        self.saves = SaveStore()
        self.stack: list[Screen] = []
        self.callbacks: dict[int, Callable[[Any], None] | None] = {}
        self.play: Playthrough | None = None
        self.running = True
        self.exit_status = 0    # what run() returns: a mode may ask for another (the kiosk's out-of-order card)
        self.surface: pygame.Surface | None = None
        self.dirty = True
        self.last_scan = self.clock()
        self.frames = 0
        self.events = EventWaiter()
        self.last_update = 0.0  # when the screens were last updated (time.monotonic), to pace animations
        self.animating = False
        self.changes = 0        # counts changes of the stack; `shown` is its value at the last frame drawn
        self.shown = 0
        self.voice = self.kit.voice = Voice()
        self.shown_phase: tuple[int, str] | None = None  # the playthrough and phase of the last scene shown
        self._mode = make_mode(self, self.options.mode)
        self.configure_voice()
        self.open_window()
        self.start()

    # -- set-up ----------------------------------------------------------------------------
    def open_window(self) -> None:
        fullscreen = self.options.fullscreen if self.options.fullscreen is not None else self.settings.fullscreen
        if self._mode.fullscreen_only:
            fullscreen = True
        self.name_window()
        icon = self.images.load("icons/housing.svg", (64, 64))
        try:
            pygame.display.set_icon(icon)
        except pygame.error:
            pass
        if fullscreen:
            flags = pygame.FULLSCREEN | (pygame.NOFRAME if self._mode.frameless else 0)
            size = self.options.size or (0, 0)
        else:
            flags = pygame.RESIZABLE
            size = self.options.size or default_size()
        self.surface = pygame.display.set_mode(size, flags)
        self.events.driver_waits = pygame.display.get_driver() in WAITING_DRIVERS
        self.kit.resize(*self.surface.get_size())
        self.images.clear()

    def start(self) -> None:
        """The first screen: content errors (unless the mode has its own way: the kiosk's last good
        story or its out-of-order card), else what the mode starts with."""
        if self._content is None and not self._mode.content_failed(self.report):
            from .screens.messages import ErrorScreen
            self.reset(ErrorScreen(self, self.report))
            return
        self.mode.start()

    def configure_voice(self) -> None:
        """The voice and the music, which the shared settings code does not know about."""
        mode = getattr(self, "_mode", None)  # a mode applies settings while it is being made
        self.voice.configure(self.settings.voice or bool(mode and mode.speaks()), self.kit.lang)
        self.sounds.music.set_level(self.settings.volume, self.settings.music, self.settings.muted)

    def apply_settings(self, save: bool | None = None) -> None:
        super().apply_settings(save)
        self.configure_voice()
        self.name_window()

    def name_window(self) -> None:
        """The window's name in the player's language (Naboen in Bokmål)."""
        title = self.kit.ui("app.title")
        pygame.display.set_caption(title if title != "app.title" else "Neighbour")

    def route(self) -> None:
        """As the session routes, and a title card when the story enters a new part (phase)."""
        super().route()
        play = self.play
        if play is None or play.engine.status != "scene":
            return
        before, self.shown_phase = self.shown_phase, (id(play), play.engine.phase)
        if before is None or before[0] != id(play) or before[1] == play.engine.phase:
            return  # a game that starts or goes on where it was saved has no card
        top = self.top
        phase = self.kit.content.phases.get(play.engine.phase)
        play_screen = next((s for s in reversed(self.stack) if s.is_play), None)
        where = getattr(play_screen, "where_line", None)
        if top is not None and phase is not None:
            self.card = TitleCard(self.kit.tr(phase.name) or play.engine.phase, where() if callable(where) else "",
                                  still=self.settings.reduced_motion)

    def toggle_fullscreen(self) -> None:
        self.settings.fullscreen = not self.settings.fullscreen
        self.options.fullscreen = self.settings.fullscreen
        self.open_window()
        self.apply_settings()

    # -- the loop ------------------------------------------------------------------------------
    def dispatch(self, a: act.Action) -> None:
        if a.name == act.QUIT:
            if self.mode.allow_quit():
                self.running = False
            return
        if a.name == act.ANY:
            self.mode.on_input(a)
            return
        if a.name == act.RELOAD and self._mode.allows_reload:
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
        focus = top.focus
        if self.guard(lambda: top.handle(a)):
            self.dirty = True
        if self.voice.enabled and top is self.top and top.focus != focus and 0 <= top.focus < len(top.buttons):
            self.voice.say(focus_words(top.buttons[top.focus]))  # the voice follows the focus

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

    def handle_event(self, event: pygame.event.Event, drop: bool = False) -> None:
        """One event. While the screen is changing (the stack changed after the last frame drawn),
        input is dropped: it was meant for a screen that is gone, or aimed at one not seen yet."""
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED, pygame.WINDOWRESIZED):
            surf = pygame.display.get_surface()
            if surf is not None and surf.get_size() != (self.kit.w, self.kit.h):
                self.kit.resize(*surf.get_size())
                self.images.clear()
                self.relayout()
            return
        if event.type == pygame.USEREVENT and getattr(event, "music_ready", False):
            self.sounds.music.poll()
            return
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWSHOWN, pygame.WINDOWRESTORED, pygame.ACTIVEEVENT):
            self.dirty = True
            return
        if self.card is not None and event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.FINGERDOWN,
                                                    pygame.CONTROLLERBUTTONDOWN) and not drop:
            self.card = None  # the first press only takes the card away; the scene counts from now
            self.mapper.settle()
            self.dirty = True
            return
        for a in self.mapper.map(event):
            if (drop or self.changes != self.shown) and a.name not in (act.QUIT, act.ANY):
                continue
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
        """The next event, or NOEVENT after `timeout` ms, asleep in between (see display.py)."""
        return self.events.wait(timeout)

    def wait_ms(self) -> int:
        """How long the loop may sleep: until the next timer the mode or scanning needs."""
        waits = [self.mode.wait_ms(), MAX_WAIT_MS]
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
        if self.card is not None and not self.card.step(dt):
            self.card = None
            self.dirty = True
        return self.step_fade(dt) or moving or self.card is not None

    def draw(self) -> None:
        surf = pygame.display.get_surface()
        if surf is None or not self.stack:
            return
        first = len(self.stack) - 1
        while first > 0 and self.stack[first].modal:
            first -= 1
        listen = self.shown != self.changes and self.voice.enabled  # a new screen's first frame
        audit = self.kit.audit
        for s in self.stack[first:]:
            if listen and s is self.stack[-1]:
                self.kit.audit = []
            s.draw(surf)
        if listen:  # the new screen's own words, read aloud once it is on screen
            drawn, self.kit.audit = self.kit.audit or [], audit
            if audit is not None:
                audit.extend(drawn)
            top = self.stack[-1]
            words = self.guard(lambda: words_for(top, [text for text, *_ in drawn]))
            if isinstance(words, str):
                self.voice.say(words)
        self.mode.draw_overlay(surf)
        self.draw_fade(surf)
        if self.card is not None:
            self.card.draw(self.kit, surf)
        pygame.display.flip()
        self.frames += 1
        self.dirty = False
        if self.card is None:  # under a title card the scene is not seen yet
            self.stack[-1].mark_shown(self.clock())
        if self.shown != self.changes:  # the new screen's first frame: drop what was typed before it
            self.shown = self.changes
            self.drop_queued_input()
        self.collect_now()

    def drop_queued_input(self) -> None:
        """Input that arrived while the screen changed is dropped; the rest (resizing, quitting) is
        handled. Dropped keys still count as held, so a key held through the change stays inert."""
        for e in pygame.event.get():
            self.handle_event(e, drop=True)

    def run(self) -> int:
        """The loop until the player (or staff) quits, or SIGTERM or SIGINT arrives: then the game ends
        cleanly (autosave, window closed) with status 128 + the signal's number."""
        previous = self.catch_signals()
        try:
            while self.running:
                self.step()
            self.autosave(force=True)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            self.voice.close()
            pygame.quit()
        return self.exit_status

    def catch_signals(self) -> dict[int, Any]:
        """SIGTERM and SIGINT (a service stopped, a logout, Ctrl+C) end the loop within its longest
        sleep (`MAX_WAIT_MS`); SDL's own handler would turn them into a window close, which a kiosk
        refuses. Only the main thread may set handlers (tests drive the app from others, too)."""
        previous: dict[int, Any] = {}

        def stop(signum: int, _frame: Any) -> None:
            log.info("signal %d: ending", signum)
            self.exit_status = 128 + signum
            self.running = False

        for sig in (signal.SIGTERM, signal.SIGINT):
            try:
                previous[sig] = signal.signal(sig, stop)
            except ValueError:  # not the main thread
                break
        return previous


def run(args: Any, dirs: list[str]) -> int:
    """Open the window for the parsed command-line arguments."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    return App(dirs, Options.from_args(args)).run()
