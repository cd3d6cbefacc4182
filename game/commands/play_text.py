"""`play-text`: play in the terminal (screen readers, scripts)."""

from __future__ import annotations

import argparse
import sys

from . import common

NAME = "play-text"
HELP = "play in the terminal"


def add_arguments(p: argparse.ArgumentParser) -> None:
    common.add_content_args(p)
    common.add_campaign_args(p)
    p.add_argument("--profile", help="start from this profile")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--lang", help="en or nb")
    p.add_argument("--preview", choices=("off", "meters", "direction"),
                   help="what to show about a choice before it is taken (default: which meters it touches)")


def run(args: argparse.Namespace) -> int:
    from ..terminal.textplay import TextGame
    content = common.load(args)
    if content is None:
        return 1
    cid = common.campaign(content, args)
    if cid is None:
        return 2
    lang = common.language(content, args.lang)
    if lang is None or not common.profile_ok(content, cid, args.profile):
        return 2

    def read() -> str | None:
        line = sys.stdin.readline()
        return line if line else None
    game = TextGame(content, lang, read, sys.stdout, preview=args.preview)
    try:
        return game.run(cid, args.seed, args.profile)
    except KeyboardInterrupt:
        print()
        return 130
