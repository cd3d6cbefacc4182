"""The museum kiosk: an attract loop, five-minute stories, an idle reset, and no way out for visitors.

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
from dataclasses import asdict, dataclass, field, fields
from typing import TYPE_CHECKING

import pygame

from ..core.files import write_atomic
from ..core.play.campaigns import campaign_for_role
from ..core.play.playthrough import FINISHED, Playthrough
from . import input as act
from .modes import Mode
from .screen import MenuScreen, Screen, confirm
from .widgets import Button

if TYPE_CHECKING:
    from .app import App

log = logging.getLogger("neighbour.kiosk")


@dataclass
class KioskConfig:
    idle_seconds: float = 60.0
    countdown_seconds: float = 20.0
    attract_seconds: float = 9.0          # how long each attract picture stays
    exit_keys: list = field(default_factory=lambda: ["left ctrl", "left alt", "q"])
    exit_hold_seconds: float = 3.0
    sound: bool = False                   # sound off by default at kiosks
    target_px: int = 60                   # smallest touch target; 15 mm is about 57 px at 96 dpi
    counts_file: str = ""                 # anonymous counts; off when empty

    @classmethod
    def load(cls, path: str | None) -> "KioskConfig":
        out = cls()
        if not path:
            return out
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError) as exc:
            log.warning("kiosk config %s could not be read (%s); using the defaults", path, exc)
            return out
        if not isinstance(data, dict):
            log.warning("kiosk config %s is not a mapping; using the defaults", path)
            return out
        names = {f.name: f for f in fields(cls)}
        for key, value in data.items():
            if key not in names:
                log.warning("kiosk config: unknown setting %r ignored", key)
                continue
            default = getattr(out, key)
            ok = isinstance(value, type(default)) or (isinstance(default, float) and isinstance(value, int))
            if isinstance(value, bool) and not isinstance(default, bool):
                ok = False
            if ok and key == "exit_keys":
                ok = bool(value) and all(isinstance(v, str) and _keycode(v) is not None for v in value)
            if ok and isinstance(default, (int, float)) and not isinstance(default, bool):
                ok = 0 < value <= (10_000 if key != "target_px" else 400)
            if not ok:
                log.warning("kiosk config: %s=%r is not valid; keeping %r", key, value, default)
                continue
            setattr(out, key, float(value) if isinstance(default, float) else value)
        return out


def _keycode(name: str) -> int | None:
    try:
        return pygame.key.key_code(name)
    except (ValueError, pygame.error):
        return None


class KioskMode(Mode):
    name = "kiosk"

    def __init__(self, app: "App"):
        super().__init__(app)
        self.config = KioskConfig.load(app.options.kiosk_config)
        self.last_input = app.clock()
        self.exit_since: float | None = None
        self.asking = False
        self.overlay: list[Button] = []
        self.pressed: Button | None = None
        self.keys_down = pygame.key.get_pressed      # replaced in tests
        app.settings.muted = not self.config.sound
        app.settings.scanning = False
        app.kit.min_target = self.config.target_px
        app.apply_settings(save=False)

    # -- where things start --------------------------------------------------------------------
    def start(self) -> None:
        self.home()

    def home(self) -> None:
        self.app.play = None
        self.asking = False
        self.app.reset(AttractScreen(self.app))

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
            codes = [_keycode(k) for k in self.config.exit_keys]
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
            self.app.running = False

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
        if self.app.play is None or not getattr(top, "is_play", False):
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
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
            if not isinstance(data, dict):
                data = {}
        except (OSError, ValueError):
            data = {}
        key = f"{what}.{role}.{self.app.kit.lang}"
        data[key] = int(data.get(key, 0)) + 1
        try:
            write_atomic(path, json.dumps(data, indent=1, sort_keys=True).encode("utf-8"))
        except OSError as exc:
            log.warning("counts could not be written: %s", exc)


class AttractScreen(Screen):
    """Pictures and short facts that change by themselves; any touch begins."""

    fps = 30  # a slow crossfade looks the same at 30 frames a second, at half the cost of 60

    def __init__(self, app: "App"):
        super().__init__(app)
        k = app.kit
        self.slides = [p["art"] for p in k.content.places.values() if p.get("art")] or ["title/attract.svg"]
        self.slides.insert(0, "title/attract.svg")
        self.facts = [f for f in k.content.facts.values() if "attract" in f.get("tags", [])]
        self.index = 0
        self.shown_at = app.clock()
        self.fade = 0.0
        self.veil: pygame.Surface | None = None

    def enter(self) -> None:
        super().enter()
        self.app.kit.sounds.ambient(None)
        self.shown_at = self.app.clock()

    def layout(self) -> None:
        self.buttons = []
        self.dirty = True

    def update(self, dt: float) -> bool:
        cfg = self.app.mode.config if isinstance(self.app.mode, KioskMode) else KioskConfig()
        now = self.app.clock()
        if now - self.shown_at >= cfg.attract_seconds:
            self.index += 1
            self.shown_at = now
            self.fade = 0.0 if not self.app.settings.reduced_motion else 1.0
            self.app.dirty = True
        if self.fade < 1.0:
            self.fade = min(1.0, self.fade + dt / 0.6)
            return True
        return False

    def handle(self, a: act.Action) -> bool:
        if a.name in (act.RELEASE, act.CONFIRM, act.SWITCH) or (a.name == act.CHOOSE):
            if a.name == act.RELEASE and a.pos == (-1, -1):
                return False
            self.app.push(KioskStartScreen(self.app))
            return True
        return False

    def draw(self, surf: pygame.Surface) -> None:
        k = self.kit
        art = self.slides[self.index % len(self.slides)]
        img = k.images.cover(art, (k.w, k.h))
        if self.fade < 1.0:
            prev = k.images.cover(self.slides[(self.index - 1) % len(self.slides)], (k.w, k.h))
            surf.blit(prev, (0, 0))
            img.set_alpha(int(255 * self.fade))
            surf.blit(img, (0, 0))
            img.set_alpha(None)
        else:
            surf.blit(img, (0, 0))
        band = pygame.Rect(0, int(k.h * 0.36), k.w, int(k.h * 0.34))
        if self.veil is None or self.veil.get_size() != band.size:  # made once, not every frame of a fade
            self.veil = pygame.Surface(band.size, pygame.SRCALPHA)
            self.veil.fill((12, 20, 18, 215))
        surf.blit(self.veil, band.topleft)
        white = (255, 255, 255)
        k.text(surf, "Neighbour", "title", white, (k.w // 2, band.y + k.px(20)), "midtop")
        y = band.y + k.px(20) + k.line_height("title")
        words = [k.content.ui("kiosk.touch", lang) for lang in k.content.languages]
        k.text(surf, "  ·  ".join(words), "heading", (246, 217, 168), (k.w // 2, y), "midtop")
        if self.facts:
            fact = self.facts[self.index % len(self.facts)]
            y += k.line_height("heading") + k.px(14)
            width = min(k.w - k.px(120), k.px(1300))
            for line in k.wrap(k.tr(fact["text"]), "body", width)[:3]:
                k.text(surf, line, "body", white, (k.w // 2, y), "midtop")
                y += k.line_height("body")


class KioskStartScreen(MenuScreen):
    """Choose whose story to live, in five minutes."""

    def __init__(self, app: "App"):
        k = app.kit
        langs = list(k.content.languages)
        items = [(k.ui("kiosk.resident"), lambda: app.mode.begin("resident")),
                 (k.ui("kiosk.officer"), lambda: app.mode.begin("officer"))]
        icons: list[str | None] = ["person", "trust"]
        for code in langs:
            if code != k.lang:
                items.append((k.content.languages[code], lambda c=code: app.set_language(c)))
                icons.append("language")
        super().__init__(app, k.ui("kiosk.choose"), items, body=k.ui("kiosk.choose_body"), icons=icons,
                         back=self.close, width=900)

    def layout(self) -> None:
        k = self.kit
        self.title = k.ui("kiosk.choose")
        self.body = k.ui("kiosk.choose_body")
        self.items[0] = (k.ui("kiosk.resident"), self.items[0][1])
        self.items[1] = (k.ui("kiosk.officer"), self.items[1][1])
        super().layout()

    def update(self, dt: float) -> bool:
        mode = self.app.mode
        if isinstance(mode, KioskMode) and self.app.clock() - mode.last_input > mode.config.idle_seconds:
            mode.home()
            return True
        return False


class StillThereScreen(MenuScreen):
    def __init__(self, app: "App", mode: KioskMode):
        self.mode = mode
        k = app.kit
        super().__init__(app, k.ui("kiosk.still_there"), [(k.ui("kiosk.yes_here"), lambda: self.close(True))],
                         body="", icons=["check"], back=lambda: self.close(True), width=800)

    def remaining(self) -> int:
        cfg = self.mode.config
        left = cfg.idle_seconds + cfg.countdown_seconds - (self.app.clock() - self.mode.last_input)
        return max(0, int(left + 0.999))

    def layout(self) -> None:
        self.body = self.kit.ui("kiosk.countdown", n=self.remaining())
        super().layout()

    def handle(self, a: act.Action) -> bool:
        if a.name in (act.PRESS, act.RELEASE, act.CONFIRM, act.SWITCH, act.CHOOSE):
            self.close(True)
            return True
        return super().handle(a)

    def update(self, dt: float) -> bool:
        body = self.kit.ui("kiosk.countdown", n=self.remaining())
        if body != self.body:
            self.body = body
            self.layout()
            self.app.dirty = True
        return False


def save_config_example(path: str) -> None:
    """Write a kiosk configuration with every default, for staff to edit."""
    write_atomic(path, json.dumps(asdict(KioskConfig()), indent=2).encode("utf-8"))
