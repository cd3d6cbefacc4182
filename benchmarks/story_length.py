"""How long each story takes a student to read and play, measured by playing it through the core.

    python benchmarks/story_length.py                       # every campaign, three policies
    python benchmarks/story_length.py --campaign resident --policy engaged --seeds 60
    python benchmarks/story_length.py --lang nb --days      # per-day table too, in Bokmål
    python benchmarks/story_length.py --json OUT            # the figures as JSON (OUT may be '-')

Each campaign is played with each policy (`engaged`, `first`, `random` by default; any policy
`simulate` knows, such as `preview` or `late:8`, may be named), for every profile it has (a kiosk
story: its first, which the kiosk plays), from `--seeds` seeds each. The time is words / 200 per
minute plus 5 seconds a decision (a student reading at an ordinary pace, the rule issue 14 measured
with). Medians and 90th percentiles are over runs.

What a player reads is counted in one place, game/core/play/reading.py, which also gives `simulate`
its `minutes`, `words` and `decisions`: this script runs `simulate` itself (`keep=True`) and breaks
the same runs down by kind, day, phase and profile. So `python main.py simulate --campaign C --policy
P --runs SEEDS --profile X --json` reports the minutes this script reports for profile X (for a
campaign with one profile or none, for the campaign).

Not counted in the play time, but reported: `debrief` (the campaign's discussion questions, read
after play in class) and `feedback` (a trainer's note after each officer decision, shown only in
training mode with feedback after each decision).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
from collections import defaultdict
from typing import Any

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from game.core.content import Content  # noqa: E402
from game.core.play.reading import (AFTER, PLAYED, SECONDS_PER_DECISION, WORDS_PER_MINUTE,  # noqa: E402
                                     Read, minutes, spread)
from game.core.play.simulate import PolicyError, make_policy, simulate  # noqa: E402
from game.core.words import words as count_words  # noqa: E402, F401 - words as lint --stats counts them

POLICIES = ("engaged", "first", "random")


# -- measuring -------------------------------------------------------------------------------
def profiles_of(content: Content, campaign: str) -> list[str | None]:
    """The profiles a campaign is measured with: each one, or the kiosk's first, or none (officers)."""
    camp = content.campaigns[campaign]
    if camp.subject != "player" or not camp.profiles:
        return [None]
    ids: list[str | None] = [p.id for p in camp.profiles]
    return ids[:1] if camp.kind == "short" else ids


def measure(content: Content, campaign: str, policy: str, seeds: int, lang: str, first_seed: int = 0) -> list[Read]:
    """Every profile's runs, from seeds first_seed, first_seed+1..., as simulate plays them."""
    runs: list[Read] = []
    for prof in profiles_of(content, campaign):
        runs += simulate(content, campaign, runs=seeds, seed=first_seed, policy=policy, profile=prof,
                         lang=lang, keep=True).reads
    return runs


def dist(xs: list[float], ndigits: int = 1) -> dict[str, float]:
    got = spread(xs, ndigits)
    return {"median": got["median"], "p90": got["p90"], "min": round(min(xs), ndigits), "max": round(max(xs), ndigits)}


def summarise(runs: list[Read]) -> dict[str, Any]:
    kinds = {k: round(statistics.median(r.words[k] for r in runs)) for k in PLAYED + AFTER}
    days: dict[str, list[list[int]]] = defaultdict(list)
    for r in runs:
        for key, row in r.by_day.items():
            days[key].append(row)
    per_day = {}
    for key in sorted(days):
        vals = days[key]
        w = statistics.median(v[0] for v in vals)
        d = statistics.median(v[1] for v in vals)
        per_day[key] = {"runs": len(vals), "words": round(w), "decisions": round(d, 1),
                        "minutes": round(minutes(w, d), 1)}
    per_phase: dict[str, list[float]] = defaultdict(list)
    for r in runs:
        phase_words: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for key, (w, d) in r.by_day.items():
            phase = key.split(" · ")[0].split(" ")[1] if key not in ("start", "ending") else key
            phase_words[phase][0] += w
            phase_words[phase][1] += d
        for phase, (w, d) in phase_words.items():
            per_phase[phase].append(minutes(w, d))
    facts_total = [len(r.facts) for r in runs]
    facts_distinct = [len(set(r.facts)) for r in runs]
    endings: dict[str, int] = defaultdict(int)
    by_profile: dict[str, list[float]] = defaultdict(list)
    for r in runs:
        endings[r.ending] += 1
        if r.profile:
            by_profile[r.profile].append(r.minutes)
    return {
        "runs": len(runs),
        "minutes": dist([r.minutes for r in runs]),
        "minutes_no_day_end": dist([r.minutes_without("consequences") for r in runs]),
        "words": dist([float(r.played_words) for r in runs], 0),
        "decisions": dist([float(r.decisions) for r in runs], 0),
        "words_by_kind": kinds,
        "facts_shown": {"total": dist([float(x) for x in facts_total], 0),
                        "distinct": dist([float(x) for x in facts_distinct], 0),
                        "runs_with_a_repeat": sum(t > d for t, d in zip(facts_total, facts_distinct))},
        "per_phase_minutes": {p: round(statistics.median(v), 1) for p, v in per_phase.items()},
        "per_profile_minutes": {p: dist(v) for p, v in by_profile.items()},
        "per_day": per_day,
        "endings": dict(sorted(endings.items(), key=lambda kv: -kv[1])),
    }


def static_facts(content: Content, campaign: str) -> dict[str, int]:
    """How many scenes that the campaign can reach carry each fact (a fact shown twice is a repeat)."""
    from game.core.play.campaigns import reachable_scenes
    out: dict[str, int] = defaultdict(int)
    for sid in reachable_scenes(content, campaign):
        fid = content.scenes[sid].fact
        if fid:
            out[fid] += 1
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))


def table(results: dict[str, dict[str, dict[str, Any]]], facts: dict[str, dict[str, int]],
          show_days: bool) -> str:
    lines = ["campaign          policy   runs  minutes med/p90   (no day-end)   words med/p90   decisions med/p90"]
    for cid, by_policy in results.items():
        for policy, s in by_policy.items():
            m, w, d, n = s["minutes"], s["words"], s["decisions"], s["minutes_no_day_end"]
            lines.append(f"{cid:<17} {policy:<8} {s['runs']:>4}  {m['median']:>6.1f} / {m['p90']:<6.1f}  "
                         f"({n['median']:>5.1f} / {n['p90']:<5.1f})  "
                         f"{w['median']:>6.0f} / {w['p90']:<6.0f}  "
                         f"{d['median']:>4.0f} / {d['p90']:<4.0f}")
    for cid, by_policy in results.items():
        s = by_policy.get("engaged") or next(iter(by_policy.values()))
        lines.append("")
        f = facts[cid]
        lines.append(f"{cid}: words by kind (median, engaged): "
                     + ", ".join(f"{k} {v}" for k, v in s["words_by_kind"].items()))
        repeated = ", ".join(f"{k} x{v}" for k, v in f.items() if v > 1)
        lines.append(f"  facts on reachable scenes: {len(f)} distinct, {sum(f.values())} scenes"
                     + (f"; repeated: {repeated}" if repeated else ""))
        lines.append(f"  facts shown in a run (median): {s['facts_shown']['total']['median']:.0f} "
                     f"({s['facts_shown']['distinct']['median']:.0f} distinct); runs that show a fact twice: "
                     f"{s['facts_shown']['runs_with_a_repeat']} of {s['runs']}")
        if len(s["per_profile_minutes"]) > 1:
            lines.append("  minutes by profile (median / p90, engaged): " + ", ".join(
                f"{p} {d['median']} / {d['p90']}" for p, d in s["per_profile_minutes"].items()))
        lines.append("  minutes by phase (median, engaged): "
                     + ", ".join(f"{p} {v}" for p, v in s["per_phase_minutes"].items()))
        if show_days:
            lines.append("  day                                               runs   words  decisions  minutes")
            for key, row in s["per_day"].items():
                lines.append(f"  {key:<50} {row['runs']:>4}  {row['words']:>6}  {row['decisions']:>9}  "
                             f"{row['minutes']:>7}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--content", action="append", metavar="DIR", help="also read content from DIR")
    p.add_argument("--campaign", action="append", help="measure only this campaign (may be repeated)")
    p.add_argument("--policy", action="append", metavar="POLICY",
                   help="only this policy (may be repeated): engaged, first, random, or any simulate knows")
    p.add_argument("--seeds", type=int, default=36, help="seeds per profile (default 36)")
    p.add_argument("--lang", default="en", help="language of the words counted (default en)")
    p.add_argument("--days", action="store_true", help="also print words and decisions per day (engaged)")
    p.add_argument("--json", metavar="OUT", help="write the figures as JSON to OUT ('-' for stdout)")
    args = p.parse_args(argv)

    from game.core.load.ready import load_content
    from game.core.paths import content_dir
    content, report = load_content([content_dir()] + list(args.content or []))
    if content is None:
        for d in report.sorted():
            if d.severity == "error":
                print(d.format(), file=sys.stderr)
        return 1
    if args.lang not in content.languages:
        print(f"error: unknown language '{args.lang}'; choose from {', '.join(content.languages)}", file=sys.stderr)
        return 2
    campaigns = args.campaign or list(content.campaigns)
    for cid in campaigns:
        if cid not in content.campaigns:
            print(f"error: unknown campaign '{cid}'; choose from {', '.join(content.campaigns)}", file=sys.stderr)
            return 2
    policies = args.policy or list(POLICIES)
    for pol in policies:
        try:
            make_policy(pol, content, random.Random(0))  # only checks the name
        except PolicyError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    results: dict[str, dict[str, dict[str, Any]]] = {}
    facts: dict[str, dict[str, int]] = {}
    for cid in campaigns:
        results[cid] = {pol: summarise(measure(content, cid, pol, args.seeds, args.lang)) for pol in policies}
        facts[cid] = static_facts(content, cid)
    if args.json:
        out = {"lang": args.lang, "seeds": args.seeds, "words_per_minute": WORDS_PER_MINUTE,
               "seconds_per_decision": SECONDS_PER_DECISION, "counted": list(PLAYED), "apart": list(AFTER),
               "campaigns": {cid: {"kind": content.campaigns[cid].kind, "role": content.campaigns[cid].role,
                                   "facts_on_scenes": facts[cid], "policies": results[cid]} for cid in campaigns}}
        text = json.dumps(out, ensure_ascii=False, indent=2)
        if args.json == "-":
            print(text)
            return 0
        with open(args.json, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    print(table(results, facts, args.days))
    return 0


if __name__ == "__main__":
    sys.exit(main())
