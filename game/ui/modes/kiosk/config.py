"""The kiosk's settings file (JSON): idle and countdown times, the staff exit keys, touch size, counts.

Every setting has a default; a value of the wrong kind or out of range is named in the log and the
default kept.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields

import pygame

from ....core.files import write_atomic
from ....core.reading import ReadError, is_number, read_json

log = logging.getLogger("neighbour.kiosk")


@dataclass
class KioskConfig:
    idle_seconds: float = 60.0
    countdown_seconds: float = 20.0
    attract_seconds: float = 9.0          # how long each attract picture stays
    exit_keys: list = field(default_factory=lambda: ["left ctrl", "left alt", "q"])
    exit_hold_seconds: float = 3.0
    sound: bool = False                   # sound off by default at kiosks
    target_px: int = 60                   # smallest touch target; 15 mm is about 57 px at 96 dpi
    counts_file: str = ""                 # anonymous counts; off when empty

    @classmethod
    def load(cls, path: str | None) -> "KioskConfig":
        out = cls()
        if not path:
            return out
        try:  # a regular file of sane size and depth, a byte-order mark allowed (core/reading.py)
            data = read_json(path, 256 * 1024)
        except ReadError as exc:
            log.warning("kiosk config %s could not be read (%s); using the defaults", path, exc.where())
            return out
        if not isinstance(data, dict):
            log.warning("kiosk config %s is not a mapping; using the defaults", path)
            return out
        names = {f.name: f for f in fields(cls)}
        for key, value in data.items():
            if key not in names:
                log.warning("kiosk config: unknown setting %r ignored", key)
                continue
            default = getattr(out, key)
            ok = isinstance(value, type(default)) or (isinstance(default, float) and isinstance(value, int))
            if isinstance(value, bool) and not isinstance(default, bool):
                ok = False
            if ok and key == "exit_keys":
                ok = bool(value) and all(isinstance(v, str) and keycode(v) is not None for v in value)
            if ok and isinstance(default, (int, float)) and not isinstance(default, bool):
                ok = is_number(value) and 0 < value <= (10_000 if key != "target_px" else 400)
            if ok and isinstance(value, str):
                ok = len(value) <= 4096
            if not ok:
                log.warning("kiosk config: %s=%r is not valid; keeping %r", key, value, default)
                continue
            setattr(out, key, float(value) if isinstance(default, float) else value)
        return out


def keycode(name: str) -> int | None:
    try:
        return pygame.key.key_code(name)
    except (ValueError, pygame.error):
        return None


def save_config_example(path: str) -> None:
    """Write a kiosk configuration with every default, for staff to edit."""
    write_atomic(path, json.dumps(asdict(KioskConfig()), indent=2).encode("utf-8"))
