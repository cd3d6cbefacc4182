"""Motion: screens cross-fade (never with reduced motion, never delaying input), and illustrations
follow the theme."""

from __future__ import annotations

import pygame

from game.ui.assets import Images
from game.ui.settings import Settings
from game.ui.stack import FADE_SECONDS
from uitools import key, make_app, screen


def test_a_screen_change_fades_the_old_frame_out_over_the_new_one():
    app = make_app(settings=Settings(choice_delay=0.0))
    before = pygame.display.get_surface().copy()
    key(app, pygame.K_1)                        # the title's first item: a new screen
    assert app.fade is not None and app.fade.active
    assert 0 < app.fade.alpha() < 255           # the new screen shows through on its very first frame
    assert app.animating or app.step_fade(0) is True
    now = pygame.display.get_surface()
    assert now.get_at((5, 5)) != before.get_at((5, 5)) or now.get_at((640, 360)) != before.get_at((640, 360))
    steps = 0
    while app.fade.active:
        app.step(wait=False)
        steps += 1
        assert steps < 100
    assert steps <= round(FADE_SECONDS * 60) + 1   # 300 ms at 60 frames a second, then the loop rests
    assert not app.animating


def test_reduced_motion_changes_screens_with_a_cut():
    app = make_app(settings=Settings(choice_delay=0.0, reduced_motion=True))
    key(app, pygame.K_1)
    assert app.fade is None or not app.fade.active
    assert not app.animating


def test_the_fade_adds_no_wait_for_input():
    """Input is taken as soon as the new screen's first frame is drawn, in the middle of its fade."""
    app = make_app(settings=Settings(choice_delay=0.0))
    key(app, pygame.K_1)
    first = screen(app)
    assert app.fade.active
    key(app, pygame.K_ESCAPE)                   # still fading: back goes back at once
    assert screen(app) != first


def test_the_dark_theme_darkens_illustrations():
    pygame.display.init()
    light, dark = Images(), Images()
    dark.set_tone((150, 158, 176))
    a = light.cover("places/common_room.svg", (320, 180))
    b = dark.cover("places/common_room.svg", (320, 180))
    assert _lum(b) < 0.75 * _lum(a)
    light.set_tone((255, 255, 255))
    assert light.tone is None                   # the light theme leaves pictures as drawn


def _lum(s: pygame.Surface) -> int:
    return sum(sum(s.get_at((x, y))[:3]) for x in range(0, 320, 16) for y in range(0, 180, 16))


def play_to_a_new_phase(app):
    first = app.play.engine.phase
    for _ in range(3000):
        top = app.top
        if app.play.engine.phase != first and app.card is not None:
            return
        app.top.activate(next(i for i, b in enumerate(top.buttons) if b.enabled))
        app.step(wait=False)
    raise AssertionError("no new phase")


def test_a_new_part_of_the_story_gets_a_title_card_that_hides_nothing_and_chooses_nothing():
    app = make_app(settings=Settings(choice_delay=0.5))
    c = app.kit.content
    resident = next(k for k, v in c.campaigns.items() if v.role == "resident" and v.kind == "full")
    app.new_game(resident, seed=3)
    app.step(wait=False)
    assert app.card is None                     # not when a game starts
    play_to_a_new_phase(app)
    card = app.card
    assert card.title == app.kit.tr(c.phases[app.play.engine.phase].name)
    scene = app.top
    app.step(wait=False)
    assert scene.shown_at is None               # the scene under the card is not seen yet
    history = len(app.play.engine.state.history) if hasattr(app.play.engine.state, "history") else None
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_1, mod=0, unicode="1", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_1, mod=0, unicode="1", scancode=0))
    app.step(wait=False)
    assert app.card is None and app.top is scene  # the press took the card away, nothing more
    if history is not None:
        assert len(app.play.engine.state.history) == history
    app.dirty = True
    app.step(wait=False)
    assert scene.shown_at is not None


def test_a_title_card_goes_by_itself():
    app = make_app(settings=Settings(reduced_motion=True))
    from game.ui.stack import TitleCard
    app.card = TitleCard("Open unit", "Day 5", still=True)
    steps = 0
    while app.card is not None:
        app.step(wait=False)
        steps += 1
        assert steps < 200
    assert steps >= 60                          # about two seconds at 60 steps a second
