"""`schema`: print (or write) the JSON Schema of the content format, with the content's names.

Every reference to a place, a character, a variable, an activity, a phase, a warning, a fact, a
principle, a scene... lists the names the content defines, so an editor with the YAML language server
completes them and flags a misspelt one. `--content DIR` adds your own folder's names; point your
files' `# yaml-language-server: $schema=...` comment at the file you write.
"""

from __future__ import annotations

import argparse
import json
import sys

from .common import add_content_args, content_dirs

NAME = "schema"
HELP = "print the content format as JSON Schema, with the names the content defines"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_content_args(p)
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of the screen")


def run(args: argparse.Namespace) -> int:
    from ..core.files import write_atomic
    from ..core.load.loader import load_sources
    from ..core.load.schema import json_schema
    loaded = load_sources(content_dirs(args))  # names are read even from content with errors
    names = dict(loaded.ctx.ids) if loaded.ctx else {}
    text = json.dumps(json_schema(names), ensure_ascii=False, indent=2) + "\n"
    if args.out:
        write_atomic(args.out, text.encode("utf-8"))
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
