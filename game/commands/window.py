"""No command: open the game window. Its options are the top-level flags of `python main.py`."""

from __future__ import annotations

import argparse

from .common import add_content_args, content_dirs


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a size like 1280x720, found '{text}'") from None
    if not (640 <= w <= 7680 and 480 <= h <= 4320):
        raise argparse.ArgumentTypeError(f"expected a size from 640x480 to 7680x4320, found '{text}'")
    return w, h


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_content_args(p)
    screen = p.add_mutually_exclusive_group()
    screen.add_argument("--fullscreen", action="store_true", help="open full screen")
    screen.add_argument("--windowed", action="store_true", help="open in a window (the default)")
    p.add_argument("--size", type=parse_size, metavar="WxH", help="window size, e.g. 1280x720")
    p.add_argument("--lang", metavar="CODE", help="language: en or nb")
    room = p.add_mutually_exclusive_group()
    room.add_argument("--class", dest="classroom", action="store_true", help="classroom mode")
    room.add_argument("--training", action="store_true", help="officer training mode")
    room.add_argument("--kiosk", action="store_true", help="museum kiosk mode")
    p.add_argument("--session", metavar="CODE", help="classroom session code (fixes the events)")
    p.add_argument("--kiosk-config", metavar="FILE", help="kiosk settings file (JSON)")
    p.add_argument("--class-config", metavar="FILE",
                   help="class settings file (YAML; default: neighbour-class.yaml here or beside the game)")


def run(args: argparse.Namespace) -> int:
    from ..ui.app import run as open_window
    return open_window(args, content_dirs(args))
