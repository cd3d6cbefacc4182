"""`graph`: a map of the story, as Graphviz dot, Mermaid, or one self-contained, clickable HTML page.

    python main.py graph --campaign resident --format html --out resident.html
    python main.py graph --role officer --format mermaid

Scenes, choices (with their conditions), pools and the blocks of days that open them; scenes no
campaign can reach are dashed, dead ends red. `--role R` draws every campaign of the role.
"""

from __future__ import annotations

import argparse
import sys

from .common import add_content_args, content_dirs

NAME = "graph"
HELP = "draw a map of the story (dot, mermaid or a clickable html page)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_content_args(p)
    which = p.add_mutually_exclusive_group()
    which.add_argument("--role", help="every campaign of this role (resident or officer)")
    which.add_argument("--campaign", help="one campaign by name")
    p.add_argument("--format", choices=("dot", "mermaid", "html"), default="html")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of the screen")


def run(args: argparse.Namespace) -> int:
    from ..core.files import write_atomic
    from ..core.load.loader import load_sources
    from ..core.storydraw import to_dot, to_html, to_mermaid
    from ..core.storymap import story_map
    loaded = load_sources(content_dirs(args))
    if not loaded.report.ok:
        for d in loaded.report.sorted():
            if d.severity == "error":
                print(d.format(), file=sys.stderr)
        print(f"{len(loaded.report.errors)} error(s) in the content; run 'lint' for details.", file=sys.stderr)
        return 1
    campaigns = loaded.data.get("campaigns", {})
    if args.campaign:
        if args.campaign not in campaigns:
            print(f"error: unknown campaign '{args.campaign}'; choose from {', '.join(campaigns)}", file=sys.stderr)
            return 2
        chosen, title = [args.campaign], f"Campaign {args.campaign}"
    else:
        role = args.role or "resident"
        chosen = [cid for cid, c in campaigns.items() if c["role"] == role]
        if not chosen:
            roles = sorted({c["role"] for c in campaigns.values()})
            print(f"error: no campaign for role '{role}'; roles: {', '.join(roles) or 'none'}", file=sys.stderr)
            return 2
        title = f"Role {role}: {', '.join(chosen)}"
    story = story_map(loaded.data, chosen, title)
    text = {"dot": to_dot, "mermaid": to_mermaid, "html": to_html}[args.format](story)
    if args.out:
        write_atomic(args.out, text.encode("utf-8"))
        print(f"wrote {args.out}: {len(story.nodes)} nodes, {len(story.edges)} edges", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
