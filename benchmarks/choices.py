"""Print the "choices that teach" figures (docs/model.md) and whether each target holds.

    python benchmarks/choices.py                 # 400 runs per policy, the figures docs/model.md quotes
    python benchmarks/choices.py --runs 100      # quicker, for tuning
    python benchmarks/choices.py --json OUT      # also write the figures as JSON (OUT may be '-')

Every figure is the mean two-year risk estimate, in percent, over the runs (see game/core/play/targets.py).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from game.core.load.build import build  # noqa: E402
from game.core.load.loader import load_sources  # noqa: E402
from game.core.paths import content_dir  # noqa: E402
from game.core.play import targets  # noqa: E402


def table(fig: dict) -> str:
    lines = [f"runs per figure: {fig['runs']} from seed {fig['seed']}; default preview: {fig['preview_level']}"]
    for role in ("resident", "officer"):
        r = fig.get(role)
        if r is None:
            continue
        lines.append(f"\n{role} ({r['campaign']}): mean two-year risk %")
        for key, value in r.items():
            if isinstance(value, float):
                gap = value - r["engaged"]
                lines.append(f"  {key:<20} {value:6.2f}   {gap:+6.2f} against engaged")
        for pid, row in r.get("profiles", {}).items():
            cells = "  ".join(f"{k} {v:.2f}" for k, v in row.items())
            lines.append(f"  {pid:<10} {cells}   best focus: {targets.best_focus(row)}")
    missed = targets.failures(fig)
    lines.append("\n" + ("every target holds" if not missed else "targets missed:\n  " + "\n  ".join(missed)))
    return "\n".join(lines)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--runs", type=int, default=400)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", metavar="OUT")
    args = p.parse_args()
    loaded = load_sources([content_dir()])
    if not loaded.report.ok:
        print(loaded.report.format(), file=sys.stderr)
        return 1
    started = time.monotonic()
    fig = targets.measure(build(loaded.data), runs=args.runs, seed=args.seed)
    print(table(fig))
    print(f"({time.monotonic() - started:.0f} s)")
    if args.json:
        text = json.dumps(fig, indent=2)
        if args.json == "-":
            print(text)
        else:
            with open(args.json, "w", encoding="utf-8") as fh:
                fh.write(text + "\n")
    return 0 if not targets.failures(fig) else 1


if __name__ == "__main__":
    sys.exit(main())
