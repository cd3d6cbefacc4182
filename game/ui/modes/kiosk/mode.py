"""The museum kiosk mode: an attract loop, five-minute stories, an idle reset, and no way out for visitors.

* Full screen without decorations; the pointer hides while a finger is used.
* When nobody plays, an attract loop shows illustrations and short facts, "Touch to begin" in every
  language.
* After `idle_seconds` without input: "Are you still there?" with a countdown; then everything is
  cleared and the attract loop returns.
* Restart (confirmed) and the language switch are always visible while playing.
* Esc, Alt+F4 and the window's close do nothing; staff leave by holding the exit keys for
  `exit_hold_seconds`.
* Any error returns to the attract loop and is logged; nothing personal is kept. Anonymous counts
  (sessions started and finished, language, role) go to a local file only if `counts_file` is set.
"""
from __future__ import annotations

import json
import logging

import pygame

from ....core.files import write_atomic
from ....core.reading import ReadError, read_json
from ....core.play.campaigns import campaign_for_role
from ....core.play.playthrough import FINISHED, Playthrough
from ... import input as act
from ...nav import Host
from ...screen import confirm
from ...widgets import Button
from ..base import Mode
from .config import KioskConfig, keycode
from .screens import AttractScreen, StillThereScreen

log = logging.getLogger("neighbour.kiosk")


class KioskMode(Mode):
    name = "kiosk"
    fullscreen_only = True
    frameless = True
    keeps_settings = False
    allows_reload = False

    def __init__(self, host: Host):
        super().__init__(host)
        self.config = KioskConfig.load(host.options.kiosk_config)
        self.last_input = host.clock()
        self.exit_since: float | None = None
        self.asking = False
        self.overlay: list[Button] = []
        self.pressed: Button | None = None
        self.keys_down = pygame.key.get_pressed      # replaced in tests
        host.settings.muted = not self.config.sound
        host.settings.scanning = False
        host.kit.min_target = self.config.target_px
        host.apply_settings(save=False)

    # -- where things start --------------------------------------------------------------------
    def start(self) -> None:
        self.home()

    def home(self) -> None:
        self.app.play = None
        self.asking = False
        self.app.reset(AttractScreen(self.app, self))

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
            log.info("staff exit")
            self.app.quit()

    def wait_ms(self) -> int:
        if self.exit_since is not None:
            return 100
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
        h = k.target()
        bar = k.target() + k.px(16)
        x = k.w - k.px(16)
        for b in reversed(items):
            w = k.font("button").size(b.label)[0] + k.px(84)
            x -= w
            b.rect = pygame.Rect(x, (bar - h) // 2, w, h)
            x -= k.px(10)
        return items

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
        path = self.config.counts_file
        if not path:
            return
        try:
            data = read_json(path, 1024 * 1024)
            if not isinstance(data, dict):
                data = {}
        except ReadError:
            data = {}
        key = f"{what}.{role}.{self.app.kit.lang}"
        old = data.get(key, 0)
        data[key] = (old if isinstance(old, int) and not isinstance(old, bool) and 0 <= old < 10**12 else 0) + 1
        try:
            write_atomic(path, json.dumps(data, indent=1, sort_keys=True).encode("utf-8"))
        except OSError as exc:
            log.warning("counts could not be written: %s", exc)


