"""`schema`: print (or write) the JSON Schema of the content format."""

from __future__ import annotations

import argparse
import json
import sys

NAME = "schema"
HELP = "print the content format as JSON Schema"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of the screen")


def run(args: argparse.Namespace) -> int:
    from ..core.load.schema import json_schema
    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(text)
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
