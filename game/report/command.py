"""The report command's work: result files in, one HTML page out (`python main.py report`, whose
options are in game/commands/report.py).

RESULTS are result files, folders (every *.json in them), short codes typed by students, or .txt
files of codes. Inputs that cannot be used are named on stderr and in the page; the report is built
from the rest. Exit status 0 when the page was written, 1 when nothing usable remained or the
output file failed.
"""

from __future__ import annotations

import os
import sys

from ..core.content import Content
from ..core.files import write_atomic
from .classpage import build_page
from .gather import gather
from .markup import Words


def write_report(content: Content, lang: str, inputs: list[str], out: str) -> int:
    """Gather the usable results among `inputs`, write the page to `out`; the exit status."""
    found = gather(content, list(inputs))
    for s in found.skipped:
        print(f"skipped {s.name}: {s.reason}", file=sys.stderr)
    if not found.runs:
        print(f"error: none of the {len(inputs)} input(s) held a usable result, so no report was "
              f"written{' (see the reasons above)' if found.skipped else ''}", file=sys.stderr)
        return 1
    text = build_page(Words(content, lang), found.runs, found.skipped)
    try:
        folder = os.path.dirname(os.path.abspath(out))
        os.makedirs(folder, exist_ok=True)
        write_atomic(out, text.encode("utf-8"))
    except OSError as exc:
        print(f"error: cannot write {out} ({exc.strerror or exc})", file=sys.stderr)
        return 1
    left = f", {len(found.skipped)} left out" if found.skipped else ""
    print(f"wrote {out}: {len(found.runs)} result(s){left}", file=sys.stderr)
    return 0
