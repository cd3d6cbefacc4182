"""`python main.py report RESULTS... [--out FILE] [--lang en|nb] [--content DIR]`.

RESULTS are result files, folders (every *.json in them), short codes typed by students, or .txt
files of codes. Inputs that cannot be used are named on stderr and in the page; the report is built
from the rest. Exit status 0 when the page was written, 1 when nothing usable remained or the
content or the output file failed, 2 for a wrong option.
"""

from __future__ import annotations

import argparse
import os
import sys

from ..core.files import write_atomic
from .classpage import build_page
from .gather import gather
from .markup import Words


def main(args: argparse.Namespace) -> int:
    from ..cli import load_content
    content = load_content(args)
    if content is None:
        return 1
    lang = args.lang or content.default_lang
    if lang not in content.languages:
        print(f"error: unknown language '{lang}'; choose from {', '.join(content.languages)}", file=sys.stderr)
        return 2
    found = gather(content, list(args.results))
    for s in found.skipped:
        print(f"skipped {s.name}: {s.reason}", file=sys.stderr)
    if not found.runs:
        print(f"error: none of the {len(args.results)} input(s) held a usable result, so no report was "
              f"written{' (see the reasons above)' if found.skipped else ''}", file=sys.stderr)
        return 1
    text = build_page(Words(content, lang), found.runs, found.skipped)
    out = args.out
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
