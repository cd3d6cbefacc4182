"""The ending as a moment of its own: the estimate's 100 figures whole and large on the first page, then
the story, then how it is calculated; a page is seen before a key turns it; the what-if comparison is a
picture; leaving asks first when it would lose the comparison."""

from __future__ import annotations

import pygame
import pytest

from game.ui.screens.charts import risk_by_day, runs_chart
from game.ui.settings import Settings
from uitools import key, make_app, screen


def ending_app(size=(1280, 720), role="resident", mode="play", **settings):
    app = make_app(size, settings=Settings(reduced_motion=True, **settings))
    if mode != "play":
        app.set_mode(mode)
    c = app.kit.content
    cid = next(k for k, v in c.campaigns.items() if v.role == role and v.kind == "full")
    app.new_game(cid, seed=3)
    for _ in range(6):
        app.top.activate(0)
        app.step(wait=False)
    app.play.finish_now()
    app.step(wait=False)
    assert screen(app) == "EndingScreen"
    return app


@pytest.mark.parametrize("size, role, text_size", [((1024, 600), "resident", "largest"),
                                                   ((1024, 600), "officer", "largest"),
                                                   ((1920, 1080), "resident", "normal"),
                                                   ((1280, 720), "officer", "large")])
def test_the_first_page_shows_the_100_figures_whole_and_large(size, role, text_size):
    app = ending_app(size, role, text_size=text_size)
    top = app.top
    assert top.page == 0 and top.scroller.max_offset == 0, "the estimate's page must not need scrolling"
    # from the back of a room: a figure at least 3.2% of the screen's height for one person's estimate
    # (23 px at 720p, 35 px at 1080p), and at least 2.2% with five residents side by side
    share = top.figure_cell / app.kit.h
    assert share >= (0.032 if role == "resident" else 0.022), (top.figure_cell, app.kit.h)


def test_pages_turn_in_order_and_only_once_seen():
    app = ending_app()
    top = app.top
    key(app, pygame.K_1)                       # seen: "What happened next"
    assert top.page == 1
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_1, mod=0, unicode="1", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_1, mod=0, unicode="1", scancode=0))
    app.step(wait=False)
    app.step(wait=False)
    assert top.page == 1, "a key pressed as the page turned must not turn the next one unseen"
    key(app, pygame.K_1)
    assert top.page == 2
    labels = [b.label for b in top.buttons]
    assert app.kit.ui("ending.title_screen") in labels


def test_leaving_asks_first_when_a_comparison_would_be_lost():
    app = ending_app(mode="class")
    app.top.turn(2)
    app.top.leave()
    assert screen(app) == "TitleScreen" or app.play is None     # nothing to lose: no question
    app = ending_app(mode="class")
    days = app.play.days_to_rewind_to()
    app.play.rewind(days[0])
    app.step(wait=False)
    app.play.finish_now()
    app.step(wait=False)
    ending = app.top
    ending.turn(2)
    assert ending.what_if(None, 0, 0, 800) > 0, "the what-if picture is on the last page"
    ending.leave()
    app.step(wait=False)
    assert screen(app) == "MenuScreen" and app.play is not None
    assert app.kit.ui("ending.lose_compare") in app.top.body


def test_two_runs_are_drawn_day_by_day():
    app = make_app()
    run_a = {"choices": [{"day": 1, "risk_before": 40, "risk_after": 42}, {"day": 2, "risk_after": 47}]}
    run_b = {"choices": [{"day": 1, "risk_before": 40, "risk_after": 42}, {"day": 2, "risk_after": 35}]}
    assert risk_by_day(run_a) == [(0, 40.0), (1, 42.0), (2, 47.0)]
    surf = pygame.Surface((800, 500))
    surf.fill((255, 255, 255))
    h = runs_chart(app.kit, surf, [("first", risk_by_day(run_a)), ("second", risk_by_day(run_b))], 0, 0, 800, 400)
    assert 400 <= h <= 500
    colors = {surf.get_at((x, y))[:3] for x in range(0, 800, 4) for y in range(0, 400, 4)}
    assert app.kit.theme.bad[:3] in colors and app.kit.theme.heading[:3] in colors
