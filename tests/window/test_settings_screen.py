"""The settings screen: labelled controls, each operable by keyboard, mouse and touch, applied at
once and kept."""

from __future__ import annotations

import pygame

from game.ui import input as act
from game.ui.screens.settings import Control, SettingsScreen
from game.ui.settings import Settings
from uitools import click, key, make_app


def open_settings(app):
    app.push(SettingsScreen(app))
    app.step(wait=False)
    return app.top


def row(screen, key_: str) -> int:
    label = screen.kit.ui(key_)
    return next(i for i, b in enumerate(screen.buttons) if b.label == label)


def show(screen, i: int) -> None:
    screen.focus = i
    screen.ensure_visible(i)
    screen.nav.dirty = True
    screen.nav.step(wait=False)


def test_every_setting_has_a_labelled_control_showing_its_value():
    app = make_app(settings=Settings(reduced_motion=True))
    s = open_settings(app)
    controls = [b for b in s.buttons if isinstance(b, Control)]
    labels = {b.label for b in controls}
    for name in ("language", "text_size", "font", "theme", "reduced_motion", "content_notes", "preview",
                 "choice_delay", "scanning", "scan_speed", "sound", "volume", "music", "ambient", "voice",
                 "fullscreen"):
        assert app.kit.ui(f"settings.{name}") in labels, name
    assert all(c.value_label() for c in controls)
    assert {c.kind for c in controls} == {"choice", "toggle", "slider"}


def test_arrows_change_values_and_changes_are_kept(tmp_path):
    app = make_app(settings=Settings(reduced_motion=True))
    s = open_settings(app)
    s.focus = row(s, "settings.text_size")
    key(app, pygame.K_RIGHT)
    assert app.settings.text_size == "large"
    assert app.top is s                            # left and right never leave the row
    s.focus = row(s, "settings.volume")
    key(app, pygame.K_LEFT)
    assert abs(app.settings.volume - 0.5) < 1e-9
    key(app, pygame.K_DOWN)                        # down moves to the next row, changing nothing
    assert s.buttons[s.focus].label == app.kit.ui("settings.music")
    again = Settings.load()
    assert again.text_size == "large" and abs(again.volume - 0.5) < 1e-9


def test_enter_and_numbers_step_a_value():
    app = make_app(settings=Settings(reduced_motion=True))
    s = open_settings(app)
    before = app.settings.reduced_motion
    s.focus = row(s, "settings.reduced_motion")
    key(app, pygame.K_RETURN)
    assert app.settings.reduced_motion is not before
    app.settings.reduced_motion = True
    n = s.buttons[row(s, "settings.content_notes")].number
    app.dispatch(act.Action(act.CHOOSE, index=n - 1))
    assert app.settings.content_notes is False


def test_a_click_picks_a_choice_and_sets_a_slider():
    app = make_app(settings=Settings(reduced_motion=True))
    s = open_settings(app)
    i = row(s, "settings.theme")
    show(s, i)
    theme = s.buttons[i]
    dark = [v for v, _ in theme.values].index("dark")
    click(app, theme.parts[dark].center)
    assert app.settings.theme == "dark"
    s = app.top
    i = row(s, "settings.music")
    show(s, i)
    track = s.buttons[i].parts[0]
    click(app, (track.right - 1, track.centery))
    assert app.settings.music == 1.0
    click(app, (track.x + 1, track.centery))
    assert app.settings.music == 0.0


def test_the_voice_row_says_when_no_voice_is_installed():
    app = make_app(settings=Settings(reduced_motion=True, voice=True))
    app.voice.available = False
    s = open_settings(app)
    voice = s.buttons[row(s, "settings.voice")]
    assert voice.note == app.kit.ui("settings.voice_missing")
