"""Playing at home: the title screen is home, saves and settings are kept, every story is open.

The plain mode adds nothing to the base: the hooks in modes/base.py are what it does.
"""

from ..base import Mode


class PlayMode(Mode):
    name = "play"


__all__ = ["PlayMode"]
