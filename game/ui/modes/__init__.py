"""The modes, one plug-in folder each: play (at home), classroom, training, kiosk.

A mode's folder holds the mode (its hooks: see base.py) and its own screens. To add a room, write its
folder and list its mode here; the window, the title screen and the pause menu need no change.
"""

from __future__ import annotations

from ..nav import Host
from .base import Mode
from .classroom import ClassMode
from .kiosk import KioskMode
from .play import PlayMode
from .training import TrainingMode

MODES: dict[str, type[Mode]] = {m.name: m for m in (PlayMode, ClassMode, TrainingMode, KioskMode)}


def mode_class(name: str) -> type[Mode]:
    """The mode of this name (the plain one for a name no mode has)."""
    return MODES.get(name, PlayMode)


def make_mode(host: Host, name: str) -> Mode:
    return mode_class(name)(host)


__all__ = ["MODES", "Mode", "make_mode", "mode_class"]
