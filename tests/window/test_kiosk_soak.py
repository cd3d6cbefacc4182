"""Soak test: a museum kiosk under a long, seeded stream of random visitors.

Taps anywhere, keys, mouse clicks, drags, language switches, window-close attempts, and walk-aways
longer than the idle time plus the countdown. Throughout: no error inside a screen (each would be
logged by App.recover and silently reset the kiosk), memory that stays flat, and after every
walk-away the attract loop with no session left behind.

The normal run feeds a few thousand events. The long run (200,000 events, several minutes):

    pytest tests/test_soak.py --soak-long          # or NEIGHBOUR_SOAK_EVENTS=200000
"""

from __future__ import annotations

import os
import random

import pygame
import pytest

from game.ui.app import App
from game.ui.options import Options
from game.ui.modes.kiosk import KioskMode
from game.ui.modes.kiosk.screens import AttractScreen
from game.ui.settings import Settings
from uitools import content_dirs  # the shipped content, with its two five-minute kiosk stories

SHORT_EVENTS = 5000
LONG_EVENTS = 200_000
KEYS = [pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_RETURN, pygame.K_SPACE, pygame.K_ESCAPE,
        pygame.K_BACKSPACE, pygame.K_TAB, pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT,
        pygame.K_j, pygame.K_F5, pygame.K_F10, pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_a]


class Clock:
    def __init__(self) -> None:
        self.now = 10_000.0

    def __call__(self) -> float:
        return self.now


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0  # pragma: no cover - not Linux


class Visitor:
    """Posts one kind of input at a time into the app's event queue and lets the app run a step."""

    def __init__(self, app: App, clock: Clock, rng: random.Random):
        self.app, self.clock, self.rng = app, clock, rng
        self.posted = 0

    def post(self, kind: int, **fields) -> None:
        pygame.event.post(pygame.event.Event(kind, **fields))
        self.posted += 1

    def step(self, seconds: float) -> None:
        self.clock.now += seconds
        self.app.step(wait=False)

    def finger(self, kind: int, x: float, y: float, finger: int) -> None:
        self.post(kind, touch_id=1, finger_id=finger, x=x, y=y, dx=0.0, dy=0.0, pressure=1.0)

    def tap(self, x: float | None = None, y: float | None = None) -> None:
        x = self.rng.random() if x is None else x
        y = self.rng.random() if y is None else y
        finger = self.rng.randint(1, 3)
        self.finger(pygame.FINGERDOWN, x, y, finger)
        self.finger(pygame.FINGERUP, x, y, finger)

    def drag(self) -> None:
        x, y = self.rng.random(), self.rng.uniform(0.2, 0.8)
        dy = self.rng.uniform(-0.3, 0.3)
        self.finger(pygame.FINGERDOWN, x, y, 4)
        for i in range(1, 4):
            self.finger(pygame.FINGERMOTION, x, y + dy * i / 3, 4)
        self.finger(pygame.FINGERUP, x, y + dy, 4)

    def key(self) -> None:
        k = self.rng.choice(KEYS)
        mod = self.rng.choice([0, 0, 0, pygame.KMOD_LSHIFT, pygame.KMOD_LCTRL, pygame.KMOD_LALT])
        self.post(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)
        if self.rng.random() < 0.9:  # now and then a key is still down at the next step
            self.post(pygame.KEYUP, key=k, mod=mod, unicode="", scancode=0)

    def click(self) -> None:
        w, h = self.app.kit.w, self.app.kit.h
        pos = (self.rng.randrange(w), self.rng.randrange(h))
        self.post(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False)
        self.post(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False)
        self.post(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False)

    def switch_language(self) -> None:
        """Tap the language button on the overlay when a story is on; else its stand-in on the menu."""
        mode = self.app.mode
        if mode.overlay:
            r = mode.overlay[0].rect
            self.tap(r.centerx / self.app.kit.w, r.centery / self.app.kit.h)
            return
        langs = list(self.app.kit.content.languages)
        self.app.set_language(self.rng.choice(langs))

    def close_window(self) -> None:
        self.post(self.rng.choice([pygame.QUIT, pygame.WINDOWCLOSE]))


def soak(tmp_path, events: int, seed: int = 20261122) -> dict:
    clock = Clock()
    app = App(content_dirs(), Options(mode="kiosk", size=(1024, 600)),
              clock=clock, settings=Settings())
    assert isinstance(app.mode, KioskMode)
    app.mode.keys_down = dict  # no staff holding the exit keys
    app.step(wait=False)
    cfg = app.mode.config
    walk_away = cfg.idle_seconds + cfg.countdown_seconds + 1
    rng = random.Random(seed)
    visitor = Visitor(app, clock, rng)
    actions = [(visitor.tap, 50), (visitor.key, 25), (visitor.click, 8), (visitor.drag, 6),
               (visitor.switch_language, 3), (visitor.close_window, 1)]
    names, weights = zip(*actions)
    samples: list[tuple[int, float]] = []
    gaps = sessions = 0
    next_sample = 0
    while visitor.posted < events:
        if rng.random() < 0.004:  # a visitor walks away mid-story
            visitor.step(walk_away)
            visitor.step(0.5)  # the countdown's end is noticed on the next turn of the loop
            assert isinstance(app.top, AttractScreen), f"after a walk-away: {type(app.top).__name__}"
            assert app.play is None and len(app.stack) == 1
            gaps += 1
            continue
        rng.choices(names, weights)[0]()
        visitor.step(rng.uniform(0.05, 3.0))
        sessions += app.play is not None
        assert app.running, "the kiosk let a visitor close it"
        if visitor.posted >= next_sample:
            samples.append((visitor.posted, rss_mb()))
            next_sample += max(100, events // 200)
    with open(app.log_file, encoding="utf-8") as fh:
        log = fh.read()
    assert "error inside a screen" not in log and "recovered from an error" not in log, log[-3000:]
    tenth = [mb for n, mb in samples if n <= events * 0.1]
    last = [mb for n, mb in samples if n >= events * 0.9]
    growth = sum(last) / len(last) - sum(tenth) / len(tenth)
    return {"events": visitor.posted, "walk_aways": gaps, "steps_in_a_story": sessions, "growth_mb": growth,
            "rss_mb": samples[-1][1], "log": app.log_file}


@pytest.mark.slow
def test_kiosk_soak(tmp_path, request):
    events = int(os.environ.get("NEIGHBOUR_SOAK_EVENTS") or
                 (LONG_EVENTS if request.config.getoption("--soak-long") else SHORT_EVENTS))
    result = soak(tmp_path, events)
    print(f"\nsoak: {result}")
    assert result["walk_aways"] >= 3 and result["steps_in_a_story"] > 0  # the stream really played
    assert result["growth_mb"] < 10, f"memory grew by {result['growth_mb']:.1f} MB"


@pytest.mark.parametrize("stranded_on", ["story", "start menu", "still-there"])
def test_walking_away_always_returns_to_the_attract_loop(tmp_path, stranded_on):
    clock = Clock()
    app = App(content_dirs(), Options(mode="kiosk", size=(1024, 600)),
              clock=clock, settings=Settings())
    app.mode.keys_down = dict
    v = Visitor(app, clock, random.Random(1))
    v.step(0)
    v.tap(0.5, 0.5)
    v.step(0.2)  # the start menu
    if stranded_on != "start menu":
        app.mode.begin("resident")
        v.step(0.2)
        assert app.play is not None
    if stranded_on == "still-there":
        v.step(app.mode.config.idle_seconds + 0.5)
        assert type(app.top).__name__ == "StillThereScreen"
    v.step(app.mode.config.idle_seconds + app.mode.config.countdown_seconds + 1)
    v.step(0.5)
    assert isinstance(app.top, AttractScreen) and app.play is None
