"""The command line: `python main.py [COMMAND]`, also installed as `neighbour`.

With no command the game window opens (its flags are in commands/window.py). Each command lives in
its own module in game/commands/ (listed in `game.commands.COMMANDS`):
  lint       check content and report every problem as path:line:col
  simulate   play many games headless and show how outcomes spread
  play-text  play in the terminal (screen readers, scripts)
  schema     print the JSON Schema of the content format
  report     turn classroom result files into one HTML page
"""

from __future__ import annotations

import argparse
import importlib
import sys

from .commands import COMMANDS, window


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; with commands=False only the window's options (quick to build)."""
    p = argparse.ArgumentParser(prog="neighbour", description="Neighbour: a game about rehabilitation "
                                "in a Norwegian prison. With no command, the game window opens.")
    window.add_arguments(p)
    if not commands:
        return p
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f".commands.{name}", __package__)
        cp = sub.add_parser(module.NAME, help=module.HELP)
        module.add_arguments(cp)
        cp.set_defaults(func=module.run)
    return p


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The parsed arguments. Building every command's parser takes longer than the rest of opening
    the window's arguments, so the commands are only built when one (or help) is asked for."""
    if not {"-h", "--help"} & set(argv):
        args, rest = build_parser(commands=False).parse_known_args(argv)
        if not rest:
            return args
    return build_parser().parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else list(argv))
    func = getattr(args, "func", None) or window.run
    try:
        return int(func(args))
    except BrokenPipeError:  # e.g. `neighbour lint | head`
        return 0


if __name__ == "__main__":
    sys.exit(main())
