"""The museum kiosk mode: an attract loop, five-minute stories, an idle reset, and no way out for visitors.

* Full screen without decorations; the pointer hides while a finger is used.
* When nobody plays, an attract loop shows illustrations and short facts, "Touch to begin" in every
  language.
* After `idle_seconds` without input: "Are you still there?" with a countdown; then everything is
  cleared and the attract loop returns.
* Restart (confirmed) and the language switch are always visible while playing.
* Esc, Alt+F4 and the window's close do nothing; staff leave by holding the exit keys for
  `exit_hold_seconds`, or on a touch screen by holding `exit_corner` and typing `exit_pin`.
* Each visitor starts in the configured language, whatever the last one chose.
* Any error returns to the attract loop and is logged; nothing personal is kept. Dated anonymous
  counts (stories started and finished, by role and language) go to a CSV file if `counts_file` is set.
* Content that fails to load is logged at file:line:col and the last good story is played
  (lastgood.py); with none, an out-of-order card shows for `out_of_order_seconds`, then the game exits
  with status 3 so that the supervisor (systemd, the Windows launcher) starts it again or alerts.
"""
from __future__ import annotations

import logging

import pygame

from ....core.diagnostics import Report
from ....core.play.campaigns import campaign_for_role
from ....core.play.playthrough import FINISHED, Playthrough
from ... import input as act
from ...nav import Host
from ...screen import confirm
from ...widgets import Button
from ..base import Mode
from . import counts, lastgood
from .config import KioskConfig, keycode
from .screens import AttractScreen, OutOfOrderScreen, PinScreen, StillThereScreen, pin_screen

PIN_SECONDS = 30        # the staff PIN pad closes after this long untouched
OUT_OF_ORDER_STATUS = 3  # the exit status with no story to play: the supervisor restarts or alerts

log = logging.getLogger("neighbour.kiosk")


class KioskMode(Mode):
    name = "kiosk"
    fullscreen_only = True
    frameless = True
    keeps_settings = False
    allows_reload = False
    resumes_saves = False

    def __init__(self, host: Host):
        super().__init__(host)
        self.config = KioskConfig.load(host.options.kiosk_config)
        self.last_input = host.clock()
        self.exit_since: float | None = None
        self.asking = False
        self.overlay: list[Button] = []
        self.pressed: Button | None = None
        self.keys_down = pygame.key.get_pressed      # replaced in tests
        self.corner_since: float | None = None       # a touch held in the staff corner since
        self.out_of_order_since: float | None = None
        self.on_last_good = False                    # playing the last good story: the content failed
        self.lang = self.config.lang or host.options.lang or host.settings.lang
        host.settings.muted = not self.config.sound
        self.voice_on = self.config.audio            # the audio kiosk reads aloud until a visitor says no
        host.settings.scanning = False
        host.kit.min_target = self.config.target_px
        host.apply_settings(save=False)

    # -- where things start --------------------------------------------------------------------
    def start(self) -> None:
        if self.out_of_order_since is None and not self.on_last_good:
            lastgood.remember(self.app.dirs)
        log.info("kiosk started (%s)", "out of order" if self.out_of_order_since is not None
                 else "the last good story" if self.on_last_good else "the current story")
        self.home()

    def home(self) -> None:
        """The attract loop, for the next visitor: nothing of the last one kept, their language neither."""
        self.app.play = None
        self.asking = False
        self.corner_since = None
        if self.out_of_order_since is not None:
            self.app.reset(OutOfOrderScreen(self.app))
            return
        if self.lang and self.app.settings.lang != self.lang and self.lang in self.app.kit.content.languages:
            self.app.settings.lang = self.lang
            self.app.apply_settings(save=False)
        self.app.reset(AttractScreen(self.app, self))

    def content_failed(self, report: Report) -> bool:
        """Never an error screen for a visitor: every problem is logged (stderr had them already), then
        the last good story plays; with none, the out-of-order card, and exit status 3 after a while.
        The window calls `start` next."""
        for d in report.sorted():
            if d.severity == "error":
                log.error("content: %s", d.format())
        content = lastgood.recall()
        if content is not None:
            log.error("the content has %d error(s); playing the last good story instead", len(report.errors))
            self.on_last_good = True
            self.app.use_content(content)
            return True
        log.error("the content has %d error(s) and there is no last good story: out of order; exiting with "
                  "status %d in %g seconds", len(report.errors), OUT_OF_ORDER_STATUS,
                  self.config.out_of_order_seconds)
        self.out_of_order_since = self.app.clock()
        self.app.exit_status = OUT_OF_ORDER_STATUS
        return True

    def recover(self, log_file: str) -> None:
        log.error("kiosk recovered from an error; back to the attract loop (log: %s)", log_file)
        self.home()

    def allow_quit(self) -> bool:
        return False

    def begin(self, role: str) -> None:
        campaign = campaign_for_role(self.app.content, role, prefer="short")
        if campaign is None:
            return
        self.count("started", role)
        camp = self.app.content.campaigns[campaign]
        profile = camp.profiles[0].id if camp.profiles else None
        self.app.new_game(campaign, profile=profile)

    def attach(self, play: Playthrough) -> None:
        play.on(FINISHED, lambda p: self.count("finished", p.engine.campaign.role))

    def autosaves(self, play: Playthrough) -> bool:
        return False  # nothing of a visitor is kept

    def allows_saving(self, play: Playthrough | None) -> bool:
        return False

    def has_pause_menu(self) -> bool:
        return False

    def reflects(self) -> bool:
        return False

    def ending_buttons(self) -> list:
        return []

    # -- input -----------------------------------------------------------------------------------
    def on_input(self, a: act.Action) -> None:
        self.last_input = self.app.clock()
        if a.source == "touch":
            pygame.mouse.set_visible(False)
        elif a.source == "mouse":
            pygame.mouse.set_visible(True)

    def intercept(self, a: act.Action) -> bool:
        self.watch_corner(a)
        if a.name == act.BACK and a.key == pygame.K_ESCAPE:
            return True  # visitors cannot leave with Esc; "back" keeps its other uses
        if a.name in (act.RELOAD, act.MENU):
            return True
        if a.name == act.POINT:
            return False
        if self.app.play is not None and a.name in (act.PRESS, act.RELEASE):
            hit = next((b for b in self.overlay if b.rect.collidepoint(a.pos)), None)
            if a.name == act.PRESS and hit:
                self.pressed = hit
                return True
            if a.name == act.RELEASE and self.pressed is not None:
                was, self.pressed = self.pressed, None
                if hit is was:
                    was.action()
                return True
        return False

    # -- time ------------------------------------------------------------------------------------
    def tick(self, now: float) -> None:
        self.check_exit(now)
        if self.out_of_order_since is not None:
            if now - self.out_of_order_since >= self.config.out_of_order_seconds:
                self.app.quit()
            return
        if self.corner_since is not None and now - self.corner_since >= self.config.exit_corner_seconds:
            self.corner_since = None
            self.app.push(pin_screen(self.app), self.pin_typed)
        top = self.app.top
        if isinstance(top, PinScreen) and now - self.last_input >= PIN_SECONDS:
            top.cancel()  # left open: back to what the visitor sees
        if self.app.play is None:
            return
        idle = now - self.last_input
        if not self.asking and idle >= self.config.idle_seconds:
            self.asking = True
            self.app.push(StillThereScreen(self.app, self), self.answered)
        elif self.asking and idle >= self.config.idle_seconds + self.config.countdown_seconds:
            self.home()

    def answered(self, _result) -> None:
        self.asking = False
        self.last_input = self.app.clock()

    def check_exit(self, now: float) -> None:
        try:
            pressed = self.keys_down()
            codes = [keycode(k) for k in self.config.exit_keys]
            held = bool(codes) and all(code is not None and pressed[code] for code in codes)
        except (IndexError, KeyError, TypeError, pygame.error):
            held = False
        if not held:
            self.exit_since = None
            return
        if self.exit_since is None:
            self.exit_since = now
        elif now - self.exit_since >= self.config.exit_hold_seconds:
            self.staff_exit()

    def staff_exit(self) -> None:
        log.info("staff exit")
        self.app.exit_status = 0
        self.app.quit()

    # -- the staff exit on a touch screen: a corner held, then the PIN ------------------------------
    def corner(self) -> pygame.Rect:
        k = self.app.kit
        side = max(k.target(), self.config.target_px)
        right = self.config.exit_corner.endswith("right")
        bottom = self.config.exit_corner.startswith("bottom")
        return pygame.Rect(k.w - side if right else 0, k.h - side if bottom else 0, side, side)

    def watch_corner(self, a: act.Action) -> None:
        if not self.config.touch_exit or self.out_of_order_since is not None:
            return
        if a.name == act.PRESS and self.corner().collidepoint(a.pos):
            self.corner_since = self.app.clock()
        elif a.name in (act.RELEASE, act.DRAG) or (a.name == act.PRESS and self.corner_since is not None):
            self.corner_since = None

    def pin_typed(self, value: str | None) -> None:
        self.last_input = self.app.clock()
        if value is not None and value == self.config.exit_pin:
            self.staff_exit()
        elif value is not None:
            log.warning("staff exit: a wrong PIN was typed")

    def wait_ms(self) -> int:
        if self.exit_since is not None or self.corner_since is not None:
            return 100
        if self.out_of_order_since is not None:
            return 1000
        if self.app.play is None:
            return 250
        remain = self.config.idle_seconds - (self.app.clock() - self.last_input)
        if self.asking:
            return 250
        return max(50, min(1000, int(remain * 1000)))

    # -- the overlay: restart and language, always there while playing -------------------------------
    def overlay_buttons(self) -> list[Button]:
        k = self.app.kit
        langs = list(k.content.languages)
        other = langs[(langs.index(k.lang) + 1) % len(langs)] if k.lang in langs else langs[0]
        items = [Button(k.content.languages[other], lambda: self.app.set_language(other), icon="language"),
                 Button(k.ui("kiosk.restart"), self.restart, icon="restart")]
        if self.config.audio:  # a visible way to stop (or restart) the voice
            items.insert(0, Button(k.ui("kiosk.voice_on" if self.voice_on else "kiosk.voice_off"),
                                   self.toggle_voice, icon="sound_on" if self.voice_on else "sound_off"))
        h = k.target()
        bar = k.target() + k.px(16)
        x = k.w - k.px(16)
        for b in reversed(items):
            w = k.font("button").size(b.label)[0] + k.px(84)
            x -= w
            b.rect = pygame.Rect(x, (bar - h) // 2, w, h)
            x -= k.px(10)
        return items

    def speaks(self) -> bool:
        return self.voice_on

    def toggle_voice(self) -> None:
        self.voice_on = not self.voice_on
        self.app.apply_settings(save=False)  # the window turns the voice on or off (App.configure_voice)

    def reserved_top_right(self) -> int:
        """Width the play screens leave free at the top right for the restart and language buttons."""
        if self.app.play is None:
            return 0
        buttons = self.overlay_buttons()
        return self.app.kit.w - buttons[0].rect.x + self.app.kit.px(10)

    def draw_overlay(self, surf: pygame.Surface) -> None:
        top = self.app.top
        if self.app.play is None or top is None or not top.is_play:
            self.overlay = []
            return
        self.overlay = self.overlay_buttons()
        for b in self.overlay:
            b.draw(self.app.kit, surf, focused=b is self.pressed)

    def restart(self) -> None:
        k = self.app.kit
        confirm(self.app, k.ui("kiosk.restart_question"), k.ui("kiosk.restart_yes"), k.ui("ui.no_stay"), self.home)

    # -- anonymous counts ----------------------------------------------------------------------------
    def count(self, what: str, role: str) -> None:
        if self.config.counts_file:
            counts.add(self.config.counts_file, what, role, self.app.kit.lang)
