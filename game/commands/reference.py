"""`reference`: rewrite the generated parts of docs/content-format.md (the names the shipped content
defines, lint's rule codes, the field reference) from the content and the code.

    python main.py reference            # rewrite docs/content-format.md
    python main.py reference --check    # exit 1 if it is out of date (a test runs this)
"""

from __future__ import annotations

import argparse
import os
import sys

from .common import add_content_args, content_dirs

NAME = "reference"
HELP = "regenerate the names, rule codes and field reference in docs/content-format.md"
GUIDE = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "docs",
                     "content-format.md")


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_content_args(p)
    p.add_argument("--file", default=GUIDE, metavar="FILE",
                   help="the guide to update (default: docs/content-format.md)")
    p.add_argument("--check", action="store_true", help="only say whether it is current; exit 1 if not")


def run(args: argparse.Namespace) -> int:
    from ..core.files import write_atomic
    from ..core.load.loader import load_sources
    from ..core.reference import regenerate
    loaded = load_sources(content_dirs(args))
    if not loaded.report.ok:
        print(f"{len(loaded.report.errors)} error(s) in the content; run 'lint' first.", file=sys.stderr)
        return 1
    try:
        with open(args.file, encoding="utf-8") as fh:
            text = fh.read()
    except OSError as exc:
        print(f"error: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 2
    new = regenerate(text, loaded)
    if args.check:
        if new != text:
            print(f"{args.file} is out of date: run python main.py reference", file=sys.stderr)
            return 1
        return 0
    if new != text:
        write_atomic(args.file, new.encode("utf-8"))
        print(f"updated {args.file}", file=sys.stderr)
    return 0
