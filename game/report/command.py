"""The report command's work: result files in, one HTML page out (`python main.py report`, whose
options are in game/commands/report.py).

RESULTS are result files, folders (every *.json in them), short codes typed by students, or .txt
files of codes. Inputs that cannot be used are named on stderr and in the page; the report is built
from the rest. Exit status 0 when the page was written, 1 when nothing usable remained or the
output file failed.
"""

from __future__ import annotations

import json
import os
import sys

from ..core.content import Content
from ..core.files import write_atomic
from ..core.safetext import for_terminal
from .classpage import build_page
from .gather import Gathered, Skipped, gather
from .markup import Words


def write_report(content: Content, lang: str, inputs: list[str], out: str, xapi: str | None = None) -> int:
    """Gather the usable results among `inputs`, write the page to `out` (and, with `xapi`, the
    results as xAPI statements, one JSON list, for a learning management system); the exit status."""
    found = gather(content, list(inputs))
    words = Words(content, lang)
    text = _page(words, found)
    for s in found.skipped:
        print(f"skipped {for_terminal(s.name)}: {for_terminal(s.reason)}", file=sys.stderr)
    if text is None:
        print(f"error: none of the {len(inputs)} input(s) held a usable result, so no report was "
              f"written{' (see the reasons above)' if found.skipped else ''}", file=sys.stderr)
        return 1
    try:
        folder = os.path.dirname(os.path.abspath(out))
        os.makedirs(folder, exist_ok=True)
        write_atomic(out, text.encode("utf-8"))
    except OSError as exc:
        print(f"error: cannot write {for_terminal(out)} ({exc.strerror or exc})", file=sys.stderr)
        return 1
    if xapi and not _write_xapi(content, lang, found, xapi):
        return 1
    left = f", {len(found.skipped)} left out" if found.skipped else ""
    print(f"wrote {for_terminal(out)}: {len(found.runs)} result(s){left}", file=sys.stderr)
    return 0


def _write_xapi(content: Content, lang: str, found: Gathered, path: str) -> bool:
    """One student's (or trainee's) counted run each, as xAPI statements (xapi.py)."""
    from .students import one_per_student
    from .xapi import statements
    made = statements(content, one_per_student(found.runs).runs, lang)
    try:
        write_atomic(path, json.dumps(made, ensure_ascii=False, indent=1).encode("utf-8"))
    except OSError as exc:
        print(f"error: cannot write {for_terminal(path)} ({exc.strerror or exc})", file=sys.stderr)
        return False
    print(f"wrote {for_terminal(path)}: {len(made)} xAPI statement(s)", file=sys.stderr)
    return True


def _page(words: Words, found: Gathered) -> str | None:
    """The page of every usable run; None when there is none. A run the checks let through but the
    page cannot show (a shape no check foresaw) is found by building it alone, then left out and
    named like any bad file, so one odd file never costs the class its report."""
    if not found.runs:
        return None
    try:
        return build_page(words, found.runs, found.skipped)
    except Exception:  # noqa: BLE001 - any failure: find the run(s) that cause it, below
        pass
    kept = []
    for run in found.runs:
        try:
            build_page(words, [run], [])
        except Exception as exc:  # noqa: BLE001 - named and left out, the rest still reported
            found.skipped.append(Skipped(run.source, f"is damaged (the report cannot show it: "
                                                     f"{type(exc).__name__})", "report.why_damaged"))
            continue
        kept.append(run)
    found.runs[:] = kept
    if not kept:
        return None
    return build_page(words, kept, found.skipped)
