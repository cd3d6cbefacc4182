"""`simulate`: play many games headless and show how the outcomes spread."""

from __future__ import annotations

import argparse
import json
import random
import sys
from typing import Any

from . import common

NAME = "simulate"
HELP = "play many games headless"


def add_arguments(p: argparse.ArgumentParser) -> None:
    common.add_content_args(p)
    common.add_campaign_args(p)
    p.add_argument("--profile", help="always start from this profile")
    p.add_argument("--runs", type=int, default=1000, help="how many playthroughs (default 1000)")
    p.add_argument("--seed", type=int, default=0, help="first seed (default 0)")
    p.add_argument("--policy", default="random", metavar="POLICY",
                   help="how the simulated player chooses: random (default), first, engaged, idle, "
                        "preview[:off|meters|direction], late:N (idle until day N), focus:TAG")
    p.add_argument("--json", action="store_true", help="machine-readable output")


def run(args: argparse.Namespace) -> int:
    from ..core.play.simulate import EndlessPlay, simulate
    content = common.load(args)
    if content is None:
        return 1
    cid = common.campaign(content, args)
    if cid is None:
        return 2
    if args.runs < 1:
        print("error: --runs must be at least 1", file=sys.stderr)
        return 2
    if not common.profile_ok(content, cid, args.profile):
        return 2
    from ..core.play.policies import PolicyError, make_policy
    try:
        make_policy(args.policy, content, random.Random(0))  # only checks the name
    except PolicyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        result = simulate(content, cid, runs=args.runs, seed=args.seed, policy=args.policy,
                          profile=args.profile)
    except EndlessPlay as exc:  # a loop the story never leaves: said plainly (lint names it too, L530)
        print(f"error: campaign '{cid}' never ends when played: {exc}; run 'lint' for details", file=sys.stderr)
        return 1
    summary = result.summary()
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(describe(cid, args, summary))
    return 0


def describe(cid: str, args: argparse.Namespace, summary: dict[str, Any]) -> str:
    """The summary as lines for a person to read."""
    r, w, cov = summary["risk"], summary["wellbeing"], summary["coverage"]
    lines = [f"campaign {cid}, policy {args.policy}, {args.runs} run(s) from seed {args.seed}, "
             f"{summary['choices_per_run']} choices per run",
             f"two-year risk %:  mean {r['mean']}  p10 {r['p10']}  median {r['p50']}  p90 {r['p90']}  "
             f"(min {r['min']}, max {r['max']})"]
    if w:
        lines.append(f"wellbeing:        mean {w['mean']}  p10 {w['p10']}  median {w['p50']}  p90 {w['p90']}")
    lines.append("endings:")
    for end, n in summary["endings"].items():
        lines.append(f"  {end:<28} {n:>6}  {100 * n / args.runs:5.1f}%")
    if summary["epilogues"]:
        lines.append("epilogues:")
        for ep, n in summary["epilogues"].items():
            lines.append(f"  {ep:<28} {n:>6}  {100 * n / args.runs:5.1f}%")
    m = summary["minutes"]
    lines.append(f"reading: {summary['words']:,} words and {summary['decisions']} decisions a run: "
                 f"{m['mean']} minutes on average, {m['p90']} for the slowest tenth (200 words a minute, "
                 "5 s a decision)")
    lines.append(f"coverage: scenes {cov['scenes_seen']}/{cov['scenes_total']} ({100 * cov['scenes']:.0f}%), "
                 f"choices {cov['choices_seen']}/{cov['choices_total']} ({100 * cov['choices']:.0f}%)")
    if summary["decisive"]:
        lines.append("choices whose takers ended furthest from the rest (risk points):")
        for row in summary["decisive"]:
            lines.append(f"  {row['choice']:<44} {row['difference']:+6.2f}  ({row['runs']} runs)")
    return "\n".join(lines)
