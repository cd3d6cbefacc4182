"""Player settings, kept between runs in the user's data folder.

A settings file that is missing, damaged or holds wrong values never stops the game: each wrong value
falls back to its default and the problem is logged.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields

from ..core.files import data_dir, write_atomic
from ..core.reading import ReadError, is_number, read_json

log = logging.getLogger("neighbour.settings")

TEXT_SIZES = {"normal": 1.0, "large": 1.2, "largest": 1.45}
THEME_IDS = ("light", "dark", "contrast")
FONTS = ("atkinson", "dyslexic")
SCAN_SPEEDS = (1.0, 1.5, 2.5, 4.0)
CHOICE_DELAYS = (0.0, 0.5, 1.0, 2.0)
MAX_SETTINGS_BYTES = 256 * 1024


@dataclass
class Settings:
    lang: str = ""               # "" = the content's default language
    text_size: str = "normal"
    theme: str = "light"
    font: str = "atkinson"
    reduced_motion: bool = False
    scanning: bool = False       # one-switch scanning: focus steps by itself, one key chooses
    scan_seconds: float = 1.5
    choice_delay: float = 0.5    # a scene is on screen this long before a choice counts (0 = off)
    volume: float = 0.6
    muted: bool = False
    ambient: bool = True
    music: float = 0.4           # the music's own volume, under `volume` (0 = no music)
    voice: bool = False          # self-voicing: read the screen aloud (game/ui/voice.py)
    fullscreen: bool = False
    content_notes: bool = True   # show content notes before sensitive scenes
    feedback: str = "each"       # training feedback: off | each | end
    preview: str = ""            # before a choice: off | meters | direction; "" = the room's default
    results_dir: str = ""        # classroom result files ("" = Documents/Neighbour results)

    def results_folder(self) -> str:
        """Where class and training result files go: the chosen folder, else Documents/Neighbour results."""
        from ..core.play.results import default_results_dir
        return self.results_dir or default_results_dir()

    @classmethod
    def path(cls) -> str:
        return os.path.join(data_dir(), "settings.json")

    @classmethod
    def load(cls, path: str | None = None) -> "Settings":
        path = path or cls.path()
        out = cls()
        try:  # a regular file of sane size and depth, a byte-order mark allowed (core/reading.py)
            data = read_json(path, MAX_SETTINGS_BYTES)
        except ReadError as exc:
            if exc.message != "does not exist":
                log.warning("settings file %s could not be read (%s); using defaults", path, exc.where())
            return out
        if not isinstance(data, dict):
            log.warning("settings file %s is not a mapping; using defaults", path)
            return out
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            default = getattr(out, f.name)
            if isinstance(default, str) and isinstance(value, str) and len(value) > 4096:
                log.warning("setting %s is too long; keeping %r", f.name, default)
                continue
            if isinstance(default, float) and not is_number(value):
                log.warning("setting %s=%r is not a number; keeping %r", f.name, value, default)
                continue
            if type(value) is not type(default) and not (isinstance(default, float) and isinstance(value, int)):
                log.warning("setting %s=%r has the wrong type; keeping %r", f.name, value, default)
                continue
            setattr(out, f.name, value)
        out.repair()
        return out

    def repair(self) -> None:
        """Put any out-of-range value back to its default."""
        d = Settings()
        if self.text_size not in TEXT_SIZES:
            self.text_size = d.text_size
        if self.theme not in THEME_IDS:
            self.theme = d.theme
        if self.font not in FONTS:
            self.font = d.font
        if self.feedback not in ("off", "each", "end"):
            self.feedback = d.feedback
        if self.preview not in ("", "off", "meters", "direction"):
            self.preview = d.preview
        self.volume = min(1.0, max(0.0, float(self.volume)))
        self.music = min(1.0, max(0.0, float(self.music)))
        self.scan_seconds = min(10.0, max(0.5, float(self.scan_seconds)))
        self.choice_delay = min(5.0, max(0.0, float(self.choice_delay)))

    def save(self, path: str | None = None) -> None:
        path = path or self.path()
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            write_atomic(path, json.dumps(asdict(self), indent=2).encode("utf-8"))
        except OSError as exc:
            log.warning("settings could not be saved to %s: %s", path, exc)
