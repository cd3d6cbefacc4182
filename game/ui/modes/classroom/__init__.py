"""The classroom mode (mode.py) and its screens (screens.py)."""

from .mode import ClassMode

__all__ = ["ClassMode"]
