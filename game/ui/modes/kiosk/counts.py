"""Dated anonymous counts: how many visitors started and finished a story, by day, role and language.

A CSV file a spreadsheet opens: `date,event,role,lang,count`, one row per day, event, role and
language, sorted. Nothing else is written (no time of day, no choices), so no visitor can be
picked out. A row that cannot be read is kept as it is, at the end, and logged: counts already
collected are never lost. The file is rewritten atomically on every count.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import time

from ....core.files import write_atomic
from ....core.reading import ReadError, read_text

log = logging.getLogger("neighbour.kiosk")
HEADER = ["date", "event", "role", "lang", "count"]
MAX_BYTES = 16 * 1024 * 1024  # years of daily rows


def read(path: str) -> tuple[dict[tuple[str, str, str, str], int], list[str]]:
    """The counts in a file, and the lines that could not be read (kept as they are)."""
    counts: dict[tuple[str, str, str, str], int] = {}
    kept: list[str] = []
    if not os.path.lexists(path):
        return counts, kept
    try:  # a regular file of sane size (core/reading.py)
        text = read_text(path, MAX_BYTES)
    except ReadError as exc:
        raise OSError(f"the counts file {exc.message}; not overwritten") from None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or (number == 1 and line.strip() == ",".join(HEADER)):
            continue
        row = next(csv.reader([line]), [])
        if len(row) == 5 and row[4].isdigit() and len(row[4]) <= 12:
            key = (row[0], row[1], row[2], row[3])
            counts[key] = counts.get(key, 0) + int(row[4])
        else:
            log.warning("%s:%d: not a row of counts; kept as it is", path, number)
            kept.append(line)
    return counts, kept


def add(path: str, event: str, role: str, lang: str, day: str | None = None) -> bool:
    """Count one event today; False (and a line in the log) when the file cannot be written."""
    try:
        counts, kept = read(path)
        key = (day or time.strftime("%Y-%m-%d"), event, role, lang)
        counts[key] = counts.get(key, 0) + 1
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(HEADER)
        for k in sorted(counts):
            writer.writerow([*k, counts[k]])
        text = out.getvalue() + "".join(line + "\n" for line in kept)
        write_atomic(path, text.encode("utf-8"))
        return True
    except OSError as exc:
        log.warning("counts could not be written: %s", exc)
        return False
