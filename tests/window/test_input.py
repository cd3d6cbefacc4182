"""Whole playthroughs of each role driven by only one kind of input each: keyboard, mouse, touch,
game controller, or a single switch. Events are posted as real pygame events; the assertions are on
the engine's state."""

from __future__ import annotations

import pygame
import pytest

from game.ui.settings import Settings
from uitools import Clock, click, drag, first_button, key, make_app, pad, screen, tap

MAX_STEPS = 1500


def start(app, role: str, press) -> None:
    """From the title: pick the role, then the first profile or 'start'."""
    index = 0 if role == "resident" else 1
    press(app, app.top.buttons[index])
    assert screen(app) == "BriefingScreen"
    press(app, first_button(app))
    assert app.play is not None and app.play.engine.campaign.role == role


def finish(app, press) -> None:
    for _ in range(MAX_STEPS):
        if screen(app) == "EndingScreen":
            break
        press(app, first_button(app))
    assert app.play.engine.status == "ending", screen(app)
    assert screen(app) == "EndingScreen"


def by_keyboard(app, button) -> None:
    if button.number is not None and screen(app) != "TitleScreen":
        key(app, getattr(pygame, f"K_{button.number}"))
        return
    top = app.top
    target = top.buttons.index(button)
    for _ in range(len(top.buttons) + 1):
        if top.focus == target:
            break
        key(app, pygame.K_TAB)
    key(app, pygame.K_RETURN)


def by_mouse(app, button) -> None:
    click(app, button.rect.center)


def by_touch(app, button) -> None:
    tap(app, button.rect.center)


def by_pad(app, button) -> None:
    top = app.top
    target = top.buttons.index(button)
    for _ in range(len(top.buttons) + 1):
        if top.focus == target:
            break
        pad(app, pygame.CONTROLLER_BUTTON_DPAD_DOWN)
    pad(app, pygame.CONTROLLER_BUTTON_A)


METHODS = {"keyboard": by_keyboard, "mouse": by_mouse, "touch": by_touch, "controller": by_pad}


@pytest.mark.slow
@pytest.mark.parametrize("role", ["resident", "officer"])
@pytest.mark.parametrize("method", list(METHODS))
def test_play_to_the_end(method, role):
    app = make_app((1280, 720), settings=Settings(content_notes=True))
    press = METHODS[method]
    start(app, role, press)
    finish(app, press)
    assert app.play.engine.state.history, "no choice was recorded"


@pytest.mark.slow
def test_one_switch_scanning_reaches_the_end():
    """Scanning: the focus steps by itself; one key (Space) chooses whatever has the focus."""
    clock = Clock()
    app = make_app((1280, 720), settings=Settings(scanning=True, scan_seconds=1.0), clock=clock)
    # the focus moves on its own as time passes
    before = app.top.focus
    clock.now += 1.05
    app.step(wait=False)
    assert app.top.focus != before
    # choose: wait until the wanted item has the focus, then press the switch
    for _ in range(MAX_STEPS):
        name = screen(app)
        if name == "EndingScreen":
            break
        top = app.top
        wanted = 0 if name != "BriefingScreen" else next(i for i, b in enumerate(top.buttons) if b.number == 1)
        for _ in range(len(top.buttons) + 1):
            if top.focus == wanted:
                break
            clock.now += 1.05
            app.step(wait=False)
        key(app, pygame.K_SPACE)
    assert app.play is not None and app.play.engine.status == "ending"


def test_number_keys_pick_choices_directly():
    app = make_app((1280, 720))
    start(app, "resident", by_keyboard)
    offered = app.play.engine.choices()
    if len(offered) > 1:
        before = app.play.engine.state.step
        key(app, pygame.K_2)
        assert app.play.engine.state.history[-1]["choice"] == offered[1].id
        assert app.play.engine.state.step > before


def test_touch_drag_scrolls_and_does_not_tap():
    app = make_app((1024, 600))
    start(app, "resident", by_touch)
    app.push(__import__("game.ui.screens.journal", fromlist=["JournalScreen"]).JournalScreen(app, page="model"))
    app.step(wait=False)
    top = app.top
    assert top.scroller.max_offset > 0
    step = app.play.engine.state.step
    drag(app, top.scroll_rect.center, -200)
    assert top.scroller.offset > 0
    assert screen(app) == "JournalScreen" and app.play.engine.state.step == step


def test_mouse_wheel_scrolls_and_hover_moves_focus():
    app = make_app((1024, 600))
    start(app, "resident", by_mouse)
    app.push(__import__("game.ui.screens.journal", fromlist=["JournalScreen"]).JournalScreen(app, page="facts"))
    app.step(wait=False)
    top = app.top
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-2, flipped=False, touch=False))
    app.step(wait=False)
    assert top.scroller.offset > 0
    target = top.buttons[2]
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=target.rect.center, rel=(0, 0), buttons=(0, 0, 0),
                                         touch=False))
    app.step(wait=False)
    assert top.focus == 2


def test_escape_opens_the_menu_and_back_to_title_asks_first():
    app = make_app((1280, 720))
    start(app, "resident", by_keyboard)
    key(app, pygame.K_ESCAPE)
    assert screen(app) == "PauseScreen"
    labels = [b.label for b in app.top.buttons]
    by_keyboard(app, app.top.buttons[-1])  # back to the title screen
    assert screen(app) == "MenuScreen" and app.play is not None  # a confirmation, nothing lost yet
    key(app, pygame.K_ESCAPE)              # "no, stay"
    assert screen(app) == "PauseScreen"
    assert labels == [b.label for b in app.top.buttons]
