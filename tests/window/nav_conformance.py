"""Checked by mypy in .ci/lint, never run: the window and the modes keep the interfaces screens and
the window rely on (a method added to `Nav` but not to `App` fails here, not in a player's hands)."""

from game.ui.app import App
from game.ui.modes import Mode
from game.ui.nav import Host, ModeHooks, Nav


def window_is_a_host(app: App) -> Host:
    return app


def window_is_a_nav(app: App) -> Nav:
    return app


def a_mode_answers_the_screens(mode: Mode) -> ModeHooks:
    return mode
