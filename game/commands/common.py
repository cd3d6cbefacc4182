"""What several commands share: the content folders to read, the story loaded with its problems
printed, and the campaign, profile and language a player asked for, checked with a plain message."""

from __future__ import annotations

import argparse
import os
import sys

from ..core.content import Content
from ..core.paths import content_dir
from ..core.safetext import for_terminal


def add_content_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--content", action="append", metavar="DIR",
                   help="also read content from DIR (may be repeated); the shipped content is read too")
    p.add_argument("--no-shipped", action="store_true",
                   help="read only the --content folders, not the shipped content")


def add_campaign_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--role", help="resident or officer (default resident)")
    p.add_argument("--campaign", help="a campaign by name (instead of --role)")


def content_dirs(args: argparse.Namespace) -> list[str]:
    """The shipped content folder (unless --no-shipped), then every --content folder (a versioned
    folder, as `kiosk update` makes, stands for its current version: core/versions.py)."""
    from ..core.versions import resolve
    extra = [resolve(d) for d in getattr(args, "content", None) or []]
    if getattr(args, "no_shipped", False):
        return extra
    shipped = content_dir()
    return [shipped] + [d for d in extra if os.path.abspath(d) != os.path.abspath(shipped)]


def load(args: argparse.Namespace, use_cache: bool = True) -> Content | None:
    """The content the arguments name, or None after printing every error to stderr."""
    from ..core.load.ready import load_content
    content, report = load_content(content_dirs(args), use_cache)
    if content is None:
        for d in report.sorted():
            if d.severity == "error":
                print(for_terminal(d.format()), file=sys.stderr)
        print(f"{len(report.errors)} error(s) in the content; run 'lint' for details.", file=sys.stderr)
    return content


def campaign(content: Content, args: argparse.Namespace) -> str | None:
    """The campaign of --campaign, else the full campaign of --role (resident by default); None after
    printing why not."""
    from ..core.play.campaigns import campaign_for_role, roles
    if getattr(args, "campaign", None):
        if args.campaign not in content.campaigns:
            print(f"error: unknown campaign '{args.campaign}'; choose from "
                  f"{', '.join(content.campaigns)}", file=sys.stderr)
            return None
        return str(args.campaign)
    role = getattr(args, "role", None) or "resident"
    cid = campaign_for_role(content, role)
    if cid is None:
        print(f"error: no campaign for role '{role}'; roles: {', '.join(roles(content)) or 'none'}",
              file=sys.stderr)
    return cid


def profile_ok(content: Content, cid: str, profile: str | None) -> bool:
    """True when no profile was asked for or the campaign has it; else prints the choices."""
    camp = content.campaigns[cid]
    if profile and profile not in {p.id for p in camp.profiles}:
        print(f"error: unknown profile '{profile}'; choose from "
              f"{', '.join(p.id for p in camp.profiles)}", file=sys.stderr)
        return False
    return True


def language(content: Content, lang: str | None) -> str | None:
    """The language asked for (else the content's default), or None after printing the choices."""
    lang = lang or content.default_lang
    if lang not in content.languages:
        print(f"error: unknown language '{lang}'; choose from {', '.join(content.languages)}",
              file=sys.stderr)
        return None
    return lang
