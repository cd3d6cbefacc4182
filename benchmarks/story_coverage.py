"""Which of the story's threads a player meets: the share of runs that see each one.

    python benchmarks/story_coverage.py                          # full and lesson, three policies, 200 runs
    python benchmarks/story_coverage.py --campaign resident --policy engaged --runs 400
    python benchmarks/story_coverage.py --classes 40             # also: classes of 25 on one session code
    python benchmarks/story_coverage.py --json OUT               # the figures as JSON (OUT may be '-')

A thread is a set of scenes (issue 14's coverage gaps, and the story's other strands a debrief may
ask about); a run meets it when it shows any of them. Each campaign is played as `simulate` plays
it (the same seeds, the profile drawn from the run's seed), with the policies `engaged`, `first`
(always the first choice shown) and `random`.

A class (`--classes N`): the classroom seeds every student's run with the session code
(`results.session_seed`), so a class shares one seed and differs only in who each student plays and
what they choose. N session seeds, 25 students each, profiles in turn, a third of them engaged, a
third first, a third random; the table gives the share of classes where at least one student met the
thread, and the median share of students who did.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
from typing import Any

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from game.core.content import Content  # noqa: E402
from game.core.play.simulate import make_policy, play_once  # noqa: E402

POLICIES = ("engaged", "first", "random")
CAMPAIGNS = ("resident", "resident_lesson")
CLASS_SIZE = 25

# name -> (what it is, the scenes that show it; a name ending in "_" is a prefix). Not every thread is
# for every player: held_back and turning_point are for runs that go badly, so engaged play meets
# neither, by design. visit: Sander's mother and Emma, or Tomasz's daughter Zofia (when Kasia was asked
# to tell her the truth), take the first evening on the unit after a call or a letter home from remand,
# shared with Terje (fv_window); tp_visit comes after bad weeks. Kenneth has no visit. Martin's reply
# (hs_martin_reply) and the resident's side of a staff shortage (hs_lockin) waited for slots of high
# security the nine-day calendar gives to other scenes, and are in docs/drafts/cut_resident.yaml.
THREADS: dict[str, tuple[str, tuple[str, ...]]] = {
    "forvaring": ("Terje, on preventive detention with no release date", ("fv_",)),
    "sexual_offence": ("Arne, convicted of a sexual offence, in class or the library", ("so_",)),
    "election": ("election day: residents vote", ("ed_",)),
    "harmed_elsewhere": ("the person harmed, on their own (the Elsewhere interludes)", ("el_",)),
    "harmed_verdict": ("the person harmed in the verdict", ("rm_verdict",)),
    "mediation_offer": ("Siri's question: a meeting with the person harmed", ("ls_harm_siri",)),
    "harmed_answer": ("the person harmed answers (yes, or no)", ("rp_med_yes", "rp_med_no")),
    "held_back": ("held back at the review", ("hs_held_back",)),
    "turning_point": ("a turning point after bad weeks", ("tp_", "hs_setback", "ls_setback")),
    "leave": ("a day's leave outside", ("ls_leave_out_",)),
    "open_unit": ("the open unit", ("ou_",)),
    "nav": ("NAV in the last weeks (early or late)", ("rp_nav_early", "rp_nav_late")),
    "nav_late": ("NAV too late: housing with weeks to go", ("rp_nav_late",)),
    "visit": ("a visit from family in the visiting room",
              ("hs_visit_anne", "hs_visit_zofia", "tp_visit")),
    "family_leave": ("family in person on leave", ("ls_leave_out_sander", "ls_leave_out_tomasz", "ou_leave_home",
                                                   "ou_leave_tomasz")),
}


def meets(seen: set[str], scenes: tuple[str, ...]) -> bool:
    return any(s in seen if not s.endswith("_") else any(x.startswith(s) for x in seen) for s in scenes)


def threads_met(seen: set[str]) -> set[str]:
    return {name for name, (_, scenes) in THREADS.items() if meets(seen, scenes)}


def runs_of(content: Content, campaign: str, policy: str, runs: int, seed: int = 0) -> list[set[str]]:
    """The threads each run met, played as `simulate` plays them (seeds seed, seed+1...)."""
    camp = content.campaigns[campaign]
    out = []
    for i in range(runs):
        rng = random.Random(seed * 1_000_003 + i)
        pick = make_policy(policy, content, rng)
        prof = camp.profiles[rng.randrange(len(camp.profiles))].id if camp.profiles else None
        engine, _ = play_once(content, campaign, seed + i, pick, profile=prof)
        out.append(threads_met(set(engine.state.seen)))
    return out


def classes_of(content: Content, campaign: str, classes: int) -> list[list[set[str]]]:
    """`classes` classes of 25, each on one session seed: profiles in turn, policies in turn."""
    from game.core.play.results import session_seed
    camp = content.campaigns[campaign]
    out = []
    for c in range(classes):
        seed = session_seed(f"CLASS{c}")
        students = []
        for s in range(CLASS_SIZE):
            rng = random.Random(seed * 1_000_003 + s)
            pick = make_policy(POLICIES[s % len(POLICIES)], content, rng)
            prof = camp.profiles[s % len(camp.profiles)].id if camp.profiles else None
            engine, _ = play_once(content, campaign, seed, pick, profile=prof)
            students.append(threads_met(set(engine.state.seen)))
        out.append(students)
    return out


def shares(runs: list[set[str]]) -> dict[str, float]:
    return {name: round(sum(name in r for r in runs) / len(runs), 3) for name in THREADS}


def class_shares(classes: list[list[set[str]]]) -> dict[str, dict[str, float]]:
    got = {}
    for name in THREADS:
        per_class = [sum(name in s for s in students) / len(students) for students in classes]
        got[name] = {"classes": round(sum(x > 0 for x in per_class) / len(per_class), 3),
                     "students_median": round(statistics.median(per_class), 3)}
    return got


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--content", action="append", metavar="DIR", help="also read content from DIR")
    ap.add_argument("--campaign", action="append",
                    help=f"only this campaign (may be repeated; default {', '.join(CAMPAIGNS)})")
    ap.add_argument("--policy", action="append",
                    help=f"only this policy (may be repeated; default {', '.join(POLICIES)})")
    ap.add_argument("--runs", type=int, default=200, help="runs per campaign and policy (default 200)")
    ap.add_argument("--classes", type=int, default=0, help="also play N classes of 25 on one session seed each")
    ap.add_argument("--json", metavar="OUT", help="write the figures as JSON to OUT ('-' for stdout)")
    args = ap.parse_args(argv)

    from game.core.load.ready import load_content
    from game.core.paths import content_dir
    content, report = load_content([content_dir()] + list(args.content or []))
    if content is None:
        print(report.format() if hasattr(report, "format") else "the content did not load", file=sys.stderr)
        return 1
    campaigns = args.campaign or list(CAMPAIGNS)
    policies = args.policy or list(POLICIES)
    result: dict[str, Any] = {"runs": args.runs, "threads": {k: v[0] for k, v in THREADS.items()}, "campaigns": {}}
    for camp in campaigns:
        entry: dict[str, Any] = {"policies": {p: shares(runs_of(content, camp, p, args.runs)) for p in policies}}
        if args.classes:
            entry["classes"] = class_shares(classes_of(content, camp, args.classes))
            entry["class_count"] = args.classes
        result["campaigns"][camp] = entry

    if args.json:
        text = json.dumps(result, indent=2, ensure_ascii=False)
        if args.json == "-":
            print(text)
            return 0
        with open(args.json, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
    for camp, entry in result["campaigns"].items():
        cols = list(entry["policies"])
        head = f"{camp} ({args.runs} runs each)"
        extra = "   in a class: classes / students" if "classes" in entry else ""
        print(f"{head:<28}" + "".join(f"{p:>9}" for p in cols) + extra)
        for name in THREADS:
            row = f"  {name:<26}" + "".join(f"{entry['policies'][p][name]:>9.0%}" for p in cols)
            if "classes" in entry:
                c = entry["classes"][name]
                row += f"   {c['classes']:>8.0%} / {c['students_median']:.0%}"
            print(row)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
