"""Content ready to play: the one way every front end and command loads a story.

    content, report = load_content(dirs)           # through the compiled cache
    if content is None: show report.errors          # every problem, each at file:line:col

The window, the terminal front end and the commands (simulate, play-text, report) all call this, so
a story reaches every surface through the same cache, the same checks and the same build.
"""

from __future__ import annotations

import logging

from ..content import Content
from ..diagnostics import Report
from .build import build
from .cache import load_cached
from .loader import load_sources

log = logging.getLogger("neighbour")


def load_content(dirs: list[str], use_cache: bool = True) -> tuple[Content | None, Report]:
    """The built content of these folders and the report of checking them; the content is None when
    the report holds an error. Never raises for anything a content file can hold: an unexpected
    failure is logged and returned as one error in the report."""
    try:
        loaded = load_cached(dirs)[0] if use_cache else load_sources(dirs)
        if not loaded.report.ok:
            return None, loaded.report
        return build(loaded.data), loaded.report
    except Exception:  # noqa: BLE001 - never a traceback for content problems
        log.exception("content could not be loaded")
        report = Report()
        report.error("content", 1, 1, "the content could not be loaded; see the log")
        return None, report
