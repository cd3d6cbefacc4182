"""`lint`: check content and report every problem as path:line:col; exit 1 on any error."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .common import add_content_args, content_dirs

NAME = "lint"
HELP = "check content; exit 1 on any error"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_content_args(p)
    p.add_argument("--stats", action="store_true", help="also count scenes, choices, endings, words")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--quick", action="store_true", help="skip the simulated playthroughs")


def run(args: argparse.Namespace) -> int:
    from ..core.lint import lint
    from ..core.lintview import Sources, render
    result = lint(content_dirs(args), simulate_runs=0 if args.quick else 150)
    report = result.report
    if args.json:
        out: dict[str, Any] = {"ok": report.ok, "errors": len(report.errors),
                               "warnings": len(report.warnings),
                               "problems": [d.to_dict() for d in report.sorted()]}
        if args.stats:
            out["stats"] = result.stats
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        sources = Sources({s.shown: s.path for s in result.loaded.sources})
        for d in report.sorted():
            print(render(d, sources))
        if args.stats and result.stats:
            print(format_stats(result.stats))
        silenced = f" ({result.silenced} silenced by '# lint: ignore')" if result.silenced else ""
        print(f"Found {len(report.errors)} error(s) and {len(report.warnings)} warning(s) in "
              f"{len(result.loaded.sources)} file(s){silenced}.", file=sys.stderr)
    return 0 if report.ok else 1


def format_stats(stats: dict[str, Any]) -> str:
    lines = [f"scenes: {stats['scenes']}  choices: {stats['choices']}  facts: {stats['facts']}"]
    for role, r in stats["roles"].items():
        words = ", ".join(f"{lang} {n:,}" for lang, n in r["words"].items())
        lines.append(f"role {role}: {r['scenes']} scenes, {r['choices']} choices, {r['endings']} endings; "
                     f"words: {words}  (campaigns: {', '.join(r['campaigns'])})")
    for lang, p in stats.get("languages", {}).items():
        lines.append(f"language {lang}: {p['translated']} of {p['total']} texts translated, {p['stale']} stale, "
                     f"{p['missing']} missing")
    return "\n".join(lines)
