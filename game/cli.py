"""The command line: `python main.py [COMMAND]`, also installed as `neighbour`.

With no command the game window opens (its flags are below). Commands for authors:
  lint       check content and report every problem as path:line:col
  simulate   play many games headless and show how outcomes spread
  play-text  play in the terminal (screen readers, scripts)
  schema     print the JSON Schema of the content format
  report     turn classroom result files into one HTML page
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from .core.paths import content_dir


def _content_dirs(args: argparse.Namespace) -> list[str]:
    extra = list(getattr(args, "content", None) or [])
    if getattr(args, "no_shipped", False):
        return extra
    return [content_dir()] + [d for d in extra if os.path.abspath(d) != os.path.abspath(content_dir())]


def _add_content_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--content", action="append", metavar="DIR",
                   help="also read content from DIR (may be repeated); the shipped content is read too")
    p.add_argument("--no-shipped", action="store_true",
                   help="read only the --content folders, not the shipped content")


def load_content(args: argparse.Namespace, use_cache: bool = True):
    """Content ready to play, or None after printing every problem to stderr."""
    from .core.load.cache import load_cached
    from .core.load.build import build
    from .core.load.loader import load_sources
    dirs = _content_dirs(args)
    loaded = load_cached(dirs)[0] if use_cache else load_sources(dirs)
    if not loaded.report.ok:
        for d in loaded.report.sorted():
            if d.severity == "error":
                print(d.format(), file=sys.stderr)
        print(f"{len(loaded.report.errors)} error(s) in the content; run 'lint' for details.",
              file=sys.stderr)
        return None
    return build(loaded.data)


def _campaign(content, args: argparse.Namespace) -> str | None:
    if getattr(args, "campaign", None):
        if args.campaign not in content.campaigns:
            print(f"error: unknown campaign '{args.campaign}'; choose from "
                  f"{', '.join(content.campaigns)}", file=sys.stderr)
            return None
        return args.campaign
    role = getattr(args, "role", None) or "resident"
    for cid, camp in content.campaigns.items():
        if camp.role == role and camp.kind == "full":
            return cid
    for cid, camp in content.campaigns.items():
        if camp.role == role:
            return cid
    roles = sorted({c.role for c in content.campaigns.values()})
    print(f"error: no campaign for role '{role}'; roles: {', '.join(roles) or 'none'}", file=sys.stderr)
    return None


# -- commands --------------------------------------------------------------------------------
def cmd_lint(args: argparse.Namespace) -> int:
    from .core.lint import lint
    result = lint(_content_dirs(args), simulate_runs=0 if args.quick else 150)
    report = result.report
    if args.json:
        out: dict[str, Any] = {"ok": report.ok, "errors": len(report.errors),
                               "warnings": len(report.warnings),
                               "problems": [d.to_dict() for d in report.sorted()]}
        if args.stats:
            out["stats"] = result.stats
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for d in report.sorted():
            print(d.format())
        if args.stats and result.stats:
            print(_format_stats(result.stats))
        print(f"{len(report.errors)} error(s), {len(report.warnings)} warning(s) in "
              f"{len(result.loaded.sources)} file(s).", file=sys.stderr)
    return 0 if report.ok else 1


def _format_stats(stats: dict) -> str:
    lines = [f"scenes: {stats['scenes']}  choices: {stats['choices']}  facts: {stats['facts']}"]
    for role, r in stats["roles"].items():
        words = ", ".join(f"{lang} {n:,}" for lang, n in r["words"].items())
        lines.append(f"role {role}: {r['scenes']} scenes, {r['choices']} choices, {r['endings']} endings; "
                     f"words: {words}  (campaigns: {', '.join(r['campaigns'])})")
    return "\n".join(lines)


def cmd_simulate(args: argparse.Namespace) -> int:
    from .core.play.simulate import simulate
    content = load_content(args)
    if content is None:
        return 1
    cid = _campaign(content, args)
    if cid is None:
        return 2
    if args.runs < 1:
        print("error: --runs must be at least 1", file=sys.stderr)
        return 2
    camp = content.campaigns[cid]
    if args.profile and args.profile not in {p.id for p in camp.profiles}:
        print(f"error: unknown profile '{args.profile}'; choose from "
              f"{', '.join(p.id for p in camp.profiles)}", file=sys.stderr)
        return 2
    result = simulate(content, cid, runs=args.runs, seed=args.seed, policy=args.policy,
                      profile=args.profile)
    summary = result.summary()
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    r, w, cov = summary["risk"], summary["wellbeing"], summary["coverage"]
    print(f"campaign {cid}, policy {args.policy}, {args.runs} run(s) from seed {args.seed}, "
          f"{summary['choices_per_run']} choices per run")
    print(f"two-year risk %:  mean {r['mean']}  p10 {r['p10']}  median {r['p50']}  p90 {r['p90']}  "
          f"(min {r['min']}, max {r['max']})")
    if w:
        print(f"wellbeing:        mean {w['mean']}  p10 {w['p10']}  median {w['p50']}  p90 {w['p90']}")
    print("endings:")
    for end, n in summary["endings"].items():
        print(f"  {end:<28} {n:>6}  {100 * n / args.runs:5.1f}%")
    if summary["epilogues"]:
        print("epilogues:")
        for ep, n in summary["epilogues"].items():
            print(f"  {ep:<28} {n:>6}  {100 * n / args.runs:5.1f}%")
    print(f"coverage: scenes {cov['scenes_seen']}/{cov['scenes_total']} ({100 * cov['scenes']:.0f}%), "
          f"choices {cov['choices_seen']}/{cov['choices_total']} ({100 * cov['choices']:.0f}%)")
    if summary["decisive"]:
        print("choices whose takers ended furthest from the rest (risk points):")
        for row in summary["decisive"]:
            print(f"  {row['choice']:<44} {row['difference']:+6.2f}  ({row['runs']} runs)")
    return 0


def cmd_play_text(args: argparse.Namespace) -> int:
    from .terminal.textplay import TextGame
    content = load_content(args)
    if content is None:
        return 1
    cid = _campaign(content, args)
    if cid is None:
        return 2
    lang = args.lang or content.default_lang
    if lang not in content.languages:
        print(f"error: unknown language '{lang}'; choose from {', '.join(content.languages)}",
              file=sys.stderr)
        return 2
    camp = content.campaigns[cid]
    if args.profile and args.profile not in {p.id for p in camp.profiles}:
        print(f"error: unknown profile '{args.profile}'; choose from "
              f"{', '.join(p.id for p in camp.profiles)}", file=sys.stderr)
        return 2

    def read() -> str | None:
        line = sys.stdin.readline()
        return line if line else None
    game = TextGame(content, lang, read, sys.stdout)
    try:
        return game.run(cid, args.seed, args.profile)
    except KeyboardInterrupt:
        print()
        return 130


def cmd_schema(args: argparse.Namespace) -> int:
    from .core.load.schema import json_schema
    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(text)
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from .report import main as report_main
    return report_main(args)


def cmd_window(args: argparse.Namespace) -> int:
    from .ui.app import run
    return run(args, _content_dirs(args))


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a size like 1280x720, found '{text}'") from None
    if not (640 <= w <= 7680 and 480 <= h <= 4320):
        raise argparse.ArgumentTypeError(f"expected a size from 640x480 to 7680x4320, found '{text}'")
    return w, h


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; with commands=False only the window's options (quick to build)."""
    p = argparse.ArgumentParser(prog="neighbour", description="Neighbour: a game about rehabilitation "
                                "in a Norwegian prison. With no command, the game window opens.")
    _add_content_args(p)
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--fullscreen", action="store_true", help="open full screen")
    mode.add_argument("--windowed", action="store_true", help="open in a window (the default)")
    p.add_argument("--size", type=parse_size, metavar="WxH", help="window size, e.g. 1280x720")
    p.add_argument("--lang", metavar="CODE", help="language: en or nb")
    play = p.add_mutually_exclusive_group()
    play.add_argument("--class", dest="classroom", action="store_true", help="classroom mode")
    play.add_argument("--training", action="store_true", help="officer training mode")
    play.add_argument("--kiosk", action="store_true", help="museum kiosk mode")
    p.add_argument("--session", metavar="CODE", help="classroom session code (fixes the events)")
    p.add_argument("--kiosk-config", metavar="FILE", help="kiosk settings file (JSON)")
    if not commands:
        return p
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    lint = sub.add_parser("lint", help="check content; exit 1 on any error")
    _add_content_args(lint)
    lint.add_argument("--stats", action="store_true", help="also count scenes, choices, endings, words")
    lint.add_argument("--json", action="store_true", help="machine-readable output")
    lint.add_argument("--quick", action="store_true", help="skip the simulated playthroughs")
    lint.set_defaults(func=cmd_lint)

    sim = sub.add_parser("simulate", help="play many games headless")
    _add_content_args(sim)
    sim.add_argument("--role", help="resident or officer (default resident)")
    sim.add_argument("--campaign", help="a campaign by name (instead of --role)")
    sim.add_argument("--profile", help="always start from this profile")
    sim.add_argument("--runs", type=int, default=1000, help="how many playthroughs (default 1000)")
    sim.add_argument("--seed", type=int, default=0, help="first seed (default 0)")
    sim.add_argument("--policy", choices=("random", "engaged", "idle"), default="random")
    sim.add_argument("--json", action="store_true", help="machine-readable output")
    sim.set_defaults(func=cmd_simulate)

    txt = sub.add_parser("play-text", help="play in the terminal")
    _add_content_args(txt)
    txt.add_argument("--role", help="resident or officer (default resident)")
    txt.add_argument("--campaign", help="a campaign by name (instead of --role)")
    txt.add_argument("--profile", help="start from this profile")
    txt.add_argument("--seed", type=int, default=1)
    txt.add_argument("--lang", help="en or nb")
    txt.set_defaults(func=cmd_play_text)

    sch = sub.add_parser("schema", help="print the content format as JSON Schema")
    sch.add_argument("--out", metavar="FILE", help="write to FILE instead of the screen")
    sch.set_defaults(func=cmd_schema)

    rep = sub.add_parser("report", help="make one HTML page from classroom or training result files")
    rep.add_argument("results", nargs="+", metavar="RESULT", help="result files or folders")
    rep.add_argument("--out", metavar="FILE", default="neighbour-report.html")
    rep.add_argument("--lang", help="en or nb")
    _add_content_args(rep)
    rep.set_defaults(func=cmd_report)
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
    func = getattr(args, "func", None) or cmd_window
    try:
        return func(args)
    except BrokenPipeError:  # e.g. `neighbour lint | head`
        return 0


if __name__ == "__main__":
    sys.exit(main())
