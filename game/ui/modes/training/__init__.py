"""The officer training mode (mode.py) and its screens (screens.py)."""

from .mode import TrainingMode

__all__ = ["TrainingMode"]
