"""Input you can trust: keys held, mashed or pressed while a screen is slow to appear never choose
something the player has not seen. Every test posts real pygame events (key down, repeats, key up,
typed text) through the window's loop, on a clock the test moves."""

from __future__ import annotations

import pygame

from game.ui.screen import MenuScreen
from game.ui.screens.day import DayScreen
from game.ui.settings import Settings
from uitools import Clock, look, make_app, screen

REPEAT_DELAY, REPEAT_EVERY = 0.4, 0.06   # what App asks of pygame.key.set_repeat


def down(k: int, text: str = "") -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode=text, scancode=0))
    if text:  # SDL sends the typed text right after the key
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))


def up(k: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, mod=0, unicode="", scancode=0))


def hold(app, clock: Clock, k: int, seconds: float, text: str = "") -> None:
    """Hold a key down for `seconds` as a keyboard does: one press, then a repeat every 60 ms after
    400 ms (typed text repeats too), the loop turning all the while; then let go."""
    down(k, text)
    app.step(wait=False)
    t = REPEAT_DELAY
    start = clock.now
    while t <= seconds:
        clock.now = start + t
        down(k, text)
        app.step(wait=False)
        t += REPEAT_EVERY
    clock.now = start + seconds
    up(k)
    app.step(wait=False)


def day_app(**settings) -> tuple:
    clock = Clock()
    app = make_app((1280, 720), settings=Settings(content_notes=False, **settings), clock=clock)
    c = app.content
    campaign = next(k for k, v in c.campaigns.items() if v.role == "resident" and v.kind == "full")
    app.new_game(campaign, profile=c.campaigns[campaign].profiles[0].id, seed=5)
    look(app)
    assert screen(app) == "DayScreen"
    return app, clock


def choices_made(app) -> int:
    return len(app.play.engine.state.history)


def test_holding_1_for_nearly_a_second_makes_one_choice():
    app, clock = day_app()
    hold(app, clock, pygame.K_1, 0.9)
    assert choices_made(app) == 1
    assert app.play.engine.state.day == 1


def test_mashing_a_key_chooses_only_on_screens_seen_for_the_choice_delay():
    app, clock = day_app()
    seen: list[float] = []
    choose = app.play.choose

    def watched(choice):
        top = app.top
        seen.append(clock.now - top.shown_at)
        return choose(choice)
    app.play.choose = watched
    for _ in range(30):              # ten presses a second for three seconds
        down(pygame.K_1)
        up(pygame.K_1)
        app.step(wait=False)
        clock.now += 0.1
        app.step(wait=False)
    assert seen, "no press ever counted"
    assert all(s >= app.settings.choice_delay for s in seen), seen
    assert len(seen) <= 6


def test_presses_while_a_screen_is_slow_to_appear_are_dropped(monkeypatch):
    """With no choice delay at all, presses queued while the next scene lays out still do nothing."""
    app, clock = day_app(choice_delay=0.0)
    layout = DayScreen.layout
    slow = {"left": 1}

    def slow_layout(self):
        if slow["left"]:             # the player, impatient, presses 1 three more times meanwhile
            slow["left"] -= 1
            for _ in range(3):
                down(pygame.K_1)
                up(pygame.K_1)
        layout(self)
    monkeypatch.setattr(DayScreen, "layout", slow_layout)
    down(pygame.K_1)
    up(pygame.K_1)
    app.step(wait=False)
    app.step(wait=False)
    assert choices_made(app) == 1


def test_a_cold_start_ignores_keys_pressed_before_the_first_frame_and_a_held_key_after_it():
    clock = Clock()
    app = make_app((1280, 720), settings=Settings(choice_delay=0.0), clock=clock)
    assert screen(app) == "TitleScreen"
    hold(app, clock, pygame.K_1, 3.0)   # "play as a resident", held through the briefing
    assert screen(app) == "BriefingScreen" and app.play is None


def test_keys_before_the_first_frame_are_dropped():
    from game.ui.app import App
    from game.ui.options import Options
    from uitools import content_dirs
    clock = Clock()
    app = App(content_dirs(), Options(size=(1280, 720)), clock=clock, settings=Settings(choice_delay=0.0))
    for _ in range(5):                   # pressed while the window was still opening
        down(pygame.K_1)
        up(pygame.K_1)
    app.step(wait=False)
    app.step(wait=False)
    assert screen(app) == "TitleScreen"


def test_the_key_that_opens_a_text_field_never_types_into_it(tmp_path):
    clock = Clock()
    app = make_app((1280, 720), mode="class", clock=clock, settings=Settings(results_dir=str(tmp_path)))
    assert screen(app) == "ClassSetupScreen"
    look(app)
    hold(app, clock, pygame.K_1, 1.2, text="1")   # "1" opens the code field; its text repeats as it is held
    assert screen(app) == "EntryScreen"
    assert app.top.value == ""
    look(app)
    down(pygame.K_h, "H")
    up(pygame.K_h)
    app.step(wait=False)
    down(pygame.K_1, "1")
    up(pygame.K_1)
    app.step(wait=False)
    assert app.top.value == "H1"


def test_content_notes_and_their_scene_wait_for_the_choice_delay():
    app, clock = day_app(choice_delay=1.0)
    top = app.top
    down(pygame.K_1)
    up(pygame.K_1)
    clock.now = top.shown_at + 0.9
    app.step(wait=False)
    assert choices_made(app) == 0
    clock.now = top.shown_at + 1.0
    down(pygame.K_1)
    up(pygame.K_1)
    app.step(wait=False)
    assert choices_made(app) == 1


def test_switch_scanning_has_no_choice_delay():
    app, clock = day_app(scanning=True, choice_delay=2.0)
    assert app.top.ready()


def test_keys_reach_every_numbered_button():
    app, clock = day_app()
    picked: list[int] = []
    items = [(f"Item {i}", lambda i=i: picked.append(i)) for i in range(1, 16)]
    app.push(MenuScreen(app, "Fifteen", items))
    keys = [pygame.K_9, pygame.K_0, pygame.K_a, pygame.K_e]
    for k in keys:
        look(app)
        down(k)
        up(k)
        app.step(wait=False)
    assert picked == [9, 10, 11, 15]
    from game.ui.input import badge
    assert [badge(b.number) for b in app.top.buttons][8:] == ["9", "0", "A", "B", "C", "D", "E"]
