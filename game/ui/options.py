"""What the command line asked of the window: the room, the size, full screen, language, code, config."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Options:
    mode: str = "play"               # the mode to start in: a name in modes.MODES
    size: tuple[int, int] | None = None
    fullscreen: bool | None = None
    lang: str | None = None
    session_code: str | None = None
    kiosk_config: str | None = None
    class_config: str | None = None

    @classmethod
    def from_args(cls, args: Any) -> Options:
        """The options of parsed command-line arguments (see commands/window.py)."""
        mode = "class" if getattr(args, "classroom", False) else "training" if getattr(args, "training", False) \
            else "kiosk" if getattr(args, "kiosk", False) else "play"
        fullscreen = True if getattr(args, "fullscreen", False) else False if getattr(args, "windowed", False) \
            else None
        return cls(mode=mode, size=getattr(args, "size", None), fullscreen=fullscreen,
                   lang=getattr(args, "lang", None), session_code=getattr(args, "session", None),
                   kiosk_config=getattr(args, "kiosk_config", None),
                   class_config=getattr(args, "class_config", None))
