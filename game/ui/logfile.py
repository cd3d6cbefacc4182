"""The log: one file in the user's data folder, named on screen and in the terminal after an error."""

from __future__ import annotations

import logging
import os
import sys

from ..core.files import data_dir


def log_path() -> str:
    return os.path.join(data_dir(), "logs", "neighbour.log")


def setup_logging() -> str:
    """Log to the log file in the user's data folder (the one named after an error); its path.

    A handler left by an earlier App in the same process is replaced when the data folder has
    changed since (tests make an App per folder); before, the log went on to the first folder's file
    while the path shown pointed at the new one.
    """
    path = log_path()
    root = logging.getLogger("neighbour")
    root.setLevel(logging.INFO)
    for old in [h for h in root.handlers if getattr(h, "neighbour_log", False)]:
        if getattr(old, "baseFilename", None) == os.path.abspath(path):
            return path
        root.removeHandler(old)
        old.close()
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.neighbour_log = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return path
