"""The kiosk's settings file (JSON), checked like content.

Every setting has a default. The file is read strictly (a trailing comma is a syntax error, not a
reason to drop the file in silence) and every problem is a diagnostic at file:line:col: a syntax
error, an unknown setting (with the nearest name), a value of the wrong kind or out of range, a
staff exit a visitor could trigger by accident (one key, no modifier, a hold of a fraction of a
second, a PIN like 0000). A bad value keeps its default and the rest of the file is used; a file
that is named but missing is said out loud. `check` returns the settings and the report; the kiosk
prints the report to stderr and the log, and `python main.py kiosk check FILE` prints it for staff.
"""

from __future__ import annotations

import difflib
import json
import logging
import os
import re
import sys
from dataclasses import asdict, dataclass, field, fields
from typing import Any

import pygame

from ....core.diagnostics import Report
from ....core.files import write_atomic
from ....core.reading import ReadError, check_json, is_number, read_text

log = logging.getLogger("neighbour.kiosk")

CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right")
MODIFIERS = ("ctrl", "alt", "shift", "meta", "super", "gui")
# the limits of each number: (smallest, largest)
RANGES: dict[str, tuple[float, float]] = {
    "idle_seconds": (10, 3600), "countdown_seconds": (5, 600), "attract_seconds": (2, 600),
    "exit_hold_seconds": (2, 30), "exit_corner_seconds": (3, 30), "target_px": (24, 400),
    "out_of_order_seconds": (10, 3600),
}
MAX_BYTES = 64 * 1024


@dataclass
class KioskConfig:
    idle_seconds: float = 60.0
    countdown_seconds: float = 20.0
    attract_seconds: float = 9.0          # how long each attract picture stays
    exit_keys: list = field(default_factory=lambda: ["left ctrl", "left alt", "q"])
    exit_hold_seconds: float = 3.0
    exit_corner: str = "top-left"         # the corner staff hold on a touch screen ("" for none)
    exit_corner_seconds: float = 5.0
    exit_pin: str = ""                    # the PIN asked after the held corner; no touch exit without it
    lang: str = ""                        # every visitor starts in this language ("" = --lang or the default)
    sound: bool = False                   # sound off by default at kiosks
    audio: bool = False                   # "audio" kiosk: the voice reads every screen, a button turns it off
    target_px: int = 60                   # smallest touch target; 15 mm is about 57 px at 96 dpi
    counts_file: str = ""                 # dated anonymous counts (CSV); off when empty
    out_of_order_seconds: float = 120.0   # with no story to play: how long the card shows before exit 3

    @classmethod
    def load(cls, path: str | None) -> KioskConfig:
        """The settings of `path`, every problem logged and printed to stderr."""
        cfg, report = check(path)
        for d in report.sorted():
            (log.error if d.severity == "error" else log.warning)("%s", d.format())
            print(d.format(), file=sys.stderr)
        return cfg

    @property
    def touch_exit(self) -> bool:
        return bool(self.exit_corner and self.exit_pin)


def keycode(name: str) -> int | None:
    if not pygame.get_init():
        pygame.init()
    try:
        return pygame.key.key_code(name)
    except (ValueError, pygame.error):
        return None


def check(path: str | None) -> tuple[KioskConfig, Report]:
    """The settings of a kiosk config file and every problem found in it, each at file:line:col."""
    cfg, report = KioskConfig(), Report()
    if not path:
        return cfg, report
    if not os.path.lexists(path):
        report.error(path, 1, 1, "the kiosk config file does not exist; the defaults are used (the staff exit "
                                 "is Left Ctrl + Left Alt + Q held for 3 seconds)", "K100")
        return cfg, report
    try:  # a regular file of sane size, a byte-order mark allowed, no deep nesting or huge numbers
        text = read_text(path, MAX_BYTES)
        check_json(text)
    except ReadError as exc:
        report.error(path, exc.line, exc.col, f"the kiosk config file {exc.message}; the defaults are used",
                     "K101")
        return cfg, report
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        hint = " (JSON allows no comma after the last item)" if _trailing_comma(text, exc.pos) else ""
        report.error(path, exc.lineno, exc.colno, f"JSON syntax error: {exc.msg}{hint}; the whole file is "
                                                  "ignored and the defaults are used", "K102")
        return cfg, report
    except _Duplicate as exc:
        line, col = _where(text, exc.key)
        report.error(path, line, col, f"'{exc.key}' is set twice; the defaults are used", "K103")
        return cfg, report
    except ValueError as exc:
        report.error(path, 1, 1, f"{exc}; the defaults are used", "K102")
        return cfg, report
    if not isinstance(data, dict):
        report.error(path, 1, 1, "expected a JSON object ({ \"setting\": value, ... }); the defaults are used",
                     "K104")
        return cfg, report
    names = [f.name for f in fields(KioskConfig)]
    for key, value in data.items():
        line, col = _where(text, key)
        if key not in names:
            near = difflib.get_close_matches(key, names, n=1)
            hint = f"; did you mean '{near[0]}'?" if near else f"; known settings: {', '.join(names)}"
            report.warning(path, line, col, f"unknown setting '{key}' ignored{hint}", "K110")
            continue
        problem = _problem(key, value, getattr(cfg, key))
        if problem:
            report.error(path, line, col, f"{key}: {problem}; keeping the default {json.dumps(getattr(cfg, key))}",
                         "K111")
            continue
        setattr(cfg, key, float(value) if isinstance(getattr(cfg, key), float) else value)
    if cfg.exit_corner and not cfg.exit_pin:
        line, col = _where(text, "exit_corner") if "exit_corner" in data else (1, 1)
        report.warning(path, line, col, "no exit_pin is set, so there is no staff exit on a touch screen "
                                        "(set a PIN of 4 to 8 digits)", "K112")
    return cfg, report


def _problem(key: str, value: Any, default: Any) -> str:
    """Why `value` cannot be `key`'s value, or ''."""
    if isinstance(default, bool):
        return "" if isinstance(value, bool) else f"expected true or false, found {json.dumps(value)}"
    if isinstance(default, (int, float)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"expected a number, found {json.dumps(value)}"
        if not is_number(value):
            return f"expected a finite number, found {value}"
        if isinstance(default, int) and not isinstance(value, int):
            return f"expected a whole number, found {value}"
        low, high = RANGES[key]
        if not low <= value <= high:
            why = " (a visitor could trigger the exit by chance)" if key == "exit_hold_seconds" and value < low else ""
            return f"{value} is out of range: expected {low:g} to {high:g}{why}"
        return ""
    if key == "exit_keys":
        return _weak_keys(value)
    if not isinstance(value, str):
        return f"expected text, found {json.dumps(value)}"
    if len(value) > 4096:
        return f"expected at most 4096 characters, found {len(value)}"
    if key == "exit_corner" and value and value not in CORNERS:
        return f"expected one of {', '.join(CORNERS)} or \"\", found \"{value}\""
    if key == "exit_pin" and value:
        if not re.fullmatch(r"[0-9]{4,8}", value):
            return "expected 4 to 8 digits"
        if len(set(value)) == 1 or value in "0123456789" or value in "9876543210":
            return f"\"{value}\" is too easy to guess (no repeated or running digits)"
    if key == "lang" and value and not re.fullmatch(r"[a-z]{2,3}([-_][A-Za-z]{2,4})?", value):
        return f"expected a language code such as \"nb\", found \"{value}\""
    return ""


def _weak_keys(value: Any) -> str:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return f"expected a list of key names, found {json.dumps(value)}"
    unknown = [v for v in value if keycode(v) is None]
    if unknown:
        return f"unknown key name \"{unknown[0]}\" (pygame key names, such as \"left ctrl\" or \"q\")"
    mods = [v for v in value if any(m in v.lower() for m in MODIFIERS)]
    if len(set(value)) < 2 or not mods or len(mods) == len(value):
        return (f"{json.dumps(value)} is too weak: a visitor could press it; use a modifier and another key "
                "held together, such as [\"left ctrl\", \"left alt\", \"q\"]")
    return ""


class _Duplicate(Exception):
    def __init__(self, key: str):
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise _Duplicate(k)
        out[k] = v
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _trailing_comma(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return before.endswith(",") and text[pos:pos + 1] in ("}", "]")


def _where(text: str, key: str) -> tuple[int, int]:
    """Line and column of the value of top-level setting `key` (of its name when there is no value)."""
    m = re.search(r'"' + re.escape(key) + r'"\s*:\s*', text)
    if m is None:
        return 1, 1
    pos = m.end() if m.end() < len(text) else m.start()
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def save_config_example(path: str) -> None:
    """Write a kiosk configuration with every default, for staff to edit."""
    write_atomic(path, json.dumps(asdict(KioskConfig()), indent=2).encode("utf-8"))
