"""`kiosk`: what museum staff run beside the kiosk: check its settings file, install a new version of
the story (checked before it is switched to), roll back to an earlier one, and see which is in use.

    python main.py kiosk check kiosk.json
    python main.py kiosk update NEW-CONTENT-FOLDER --root ~/neighbour/story
    python main.py kiosk rollback --root ~/neighbour/story [VERSION]
    python main.py kiosk status --root ~/neighbour/story

The kiosk reads the version in use with `--content ~/neighbour/story` (see docs/kiosk.md).
"""

from __future__ import annotations

import argparse
import os
import sys

from ..core.diagnostics import Report

NAME = "kiosk"
HELP = "kiosk staff: check the settings file, update or roll back the story, show the versions"


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="kiosk_command", metavar="ACTION", required=True)
    c = sub.add_parser("check", help="check a kiosk settings file; every problem at file:line:col")
    c.add_argument("config", metavar="FILE")
    u = sub.add_parser("update", help="install a content folder as a new version and switch to it, if it "
                                      "has no errors")
    u.add_argument("source", metavar="FOLDER")
    u.add_argument("--root", required=True, metavar="DIR", help="the versioned story folder")
    u.add_argument("--name", help="the new version's name (default: the date and time)")
    r = sub.add_parser("rollback", help="switch back to the version before the current one (or VERSION)")
    r.add_argument("version", nargs="?")
    r.add_argument("--root", required=True, metavar="DIR")
    s = sub.add_parser("status", help="list the versions and the one in use")
    s.add_argument("--root", required=True, metavar="DIR")


def check_content(folder: str) -> Report:
    """The report of loading the shipped story with this folder (the checks `lint` makes)."""
    from ..core.load.ready import load_content
    from ..core.paths import content_dir
    return load_content([content_dir(), folder], use_cache=False)[1]


def _errors(report: Report) -> None:
    for d in report.sorted():
        if d.severity == "error":
            print(d.format(), file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from ..core import versions
    if args.kiosk_command == "check":
        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
        from ..ui.modes.kiosk.config import check
        _cfg, report = check(args.config)
        for d in report.sorted():
            print(d.format(), file=sys.stderr)
        print(f"{args.config}: {len(report.errors)} error(s), {len(report.warnings)} warning(s)")
        return 1 if report.errors else 0
    root = args.root
    try:
        if args.kiosk_command == "update":
            before = versions.current(root)
            name, report = versions.install(root, args.source, check_content, args.name)
            if not report.ok:
                _errors(report)
                print(f"not installed: {len(report.errors)} error(s); the kiosk keeps {before or 'what it has'}",
                      file=sys.stderr)
                return 1
            print(f"installed {name} and switched to it (before: {before or 'none'}); restart the kiosk to show it")
            return 0
        if args.kiosk_command == "rollback":
            name, report = versions.rollback(root, check_content, args.version)
            if not report.ok:
                _errors(report)
                print(f"not switched: version {name} has {len(report.errors)} error(s)", file=sys.stderr)
                return 1
            print(f"switched to {name}; restart the kiosk to show it")
            return 0
    except (versions.VersionError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    now = versions.current(root)
    found = versions.versions(root)
    if not found:
        print(f"{root}: no versions yet (install one with 'kiosk update FOLDER --root {root}')")
        return 1
    for v in found:
        print(("* " if v == now else "  ") + v)
    if now is None:
        print(f"the pointer {root}/current names no version; the kiosk reads the newest", file=sys.stderr)
    return 0
