"""Which play screen shows where the playthrough is: a scene, the end of a day or a phase, the ending
(the mode's: the training review replaces it)."""

from __future__ import annotations

from ..nav import Nav, Screen
from .day import DayScreen
from .dayend import DayEndScreen, PhaseEndScreen


def play_screen_for(nav: Nav) -> Screen:
    assert nav.play is not None
    e = nav.play.engine
    if e.status == "scene":
        return DayScreen(nav)
    if e.status == "day_end":
        return DayEndScreen(nav)
    if e.status == "block_end":
        return PhaseEndScreen(nav)
    return nav.mode.ending_screen()
