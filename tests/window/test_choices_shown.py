"""What the window shows of a choice before it is taken: nothing pre-selected, the preview level of the
room or the player's setting, better and worse for the person, names for every icon, and prices."""

from __future__ import annotations

import pygame
import pytest

from game.core.play import preview as pv
from game.ui import input as act
from game.ui.settings import Settings
from uitools import dispatch, key, make_app, screen


def day_app(level: str = "", mode: str = "play"):
    app = make_app(settings=Settings(preview=level), mode=mode)
    c = app.kit.content
    resident = next(k for k, v in c.campaigns.items() if v.role == "resident" and v.kind == "full")
    app.new_game(resident, profile="kenneth", seed=3)
    assert screen(app) == "DayScreen"
    return app


def test_nothing_is_selected_until_the_player_moves():
    app = day_app()
    assert app.top.focus == -1
    dispatch(app, act.CONFIRM)                      # Enter on nothing chooses nothing
    assert app.play.engine.state.history == []
    key(app, pygame.K_DOWN)
    assert app.top.focus == 0                        # the first move shows focus on the first choice


@pytest.mark.parametrize("level", pv.LEVELS)
def test_the_preview_shows_what_its_level_allows(level):
    app = day_app(level)
    choices = app.top.buttons[: app.top.n_choices]
    icons = [p for b in choices for p in b.previews]
    if level == pv.OFF:
        assert icons == []
    else:
        assert icons and all(p.name for p in icons)  # every icon has a name
        verdicts = {p.verdict for p in icons}
        assert verdicts <= ({""} if level == pv.METERS else {pv.BETTER, pv.WORSE, pv.UNCLEAR})


def test_the_room_decides_the_level_unless_the_player_did():
    assert day_app().top.level == pv.default_level("home")
    assert day_app(mode="training").top.level == pv.default_level("training")
    assert day_app("direction", mode="training").top.level == pv.DIRECTION


def test_a_focused_choice_names_its_icons_and_prices_are_written():
    app = day_app("direction")
    key(app, pygame.K_DOWN)
    top = app.top
    with_icons = next(i for i, b in enumerate(top.buttons[: top.n_choices]) if b.previews)
    top.focus = with_icons
    rect, words = top.tip_at(None)
    assert rect == top.buttons[with_icons].rect
    assert any(w in words for w in ("better", "worse", "changes"))
    # the next scene offers work that costs energy: its price is under the label
    e = app.play.engine
    while not any(c.cost for c in e.choices()) and e.status == "scene":
        app.top.activate(next(i for i, b in enumerate(app.top.buttons) if b.enabled and b.number))
        app.step(wait=False)
    notes = [b.note for b in app.top.buttons[: app.top.n_choices]]
    assert any(n.startswith("costs ") for n in notes)
