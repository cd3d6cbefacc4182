"""The museum kiosk mode (mode.py), its screens (screens.py) and its settings file (config.py)."""

from .mode import KioskMode

__all__ = ["KioskMode"]
