"""How long each story takes a student to read and play, measured by playing it through the core.

    python benchmarks/story_length.py                       # every campaign, three policies
    python benchmarks/story_length.py --campaign resident --policy engaged --seeds 60
    python benchmarks/story_length.py --lang nb --days      # per-day table too, in Bokmål
    python benchmarks/story_length.py --json OUT            # the figures as JSON (OUT may be '-')

Each campaign is played with each policy (`engaged`, `first`, `random`), for every profile it has,
from `--seeds` seeds each. Every run counts the words a player is shown and the decisions they make;
the time is words / 200 per minute plus 5 seconds a decision (a student reading at an ordinary pace,
the rule issue 14 measured with). Medians and 90th percentiles are over runs.

What counts as shown, screen by screen as the window shows it (game/ui/screens), in one language:

- start: the role's briefing, what each of its meters means, and every profile's summary (the
  player reads them to choose one);
- scene: each scene's title and text (the variant the state picks);
- choices: the label of every choice offered, "Continue" included;
- facts: a scene's fact card: the fact, its caveat and its first source;
- warnings: a content note's name, note and help, once a kind a day (the window's rule);
- consequences: the end of the day (or shift): every reason given for a change, once for each run of
  changes that share it, and each changed meter's row ("Trust ... better");
- reflect: the questions at the end of a phase;
- ending: the ending's title and text, the estimate block (its line, legend, three drivers and the
  model's disclaimer), each resident's epilogue and estimate, and the real figures with caveats;
- chrome: interface lines around those (day headings, the day-end risk line, "Stop and think"); a
  line the player has already seen in this run (the model note under every day's summary) counts
  once, as a reader skims what they know.

Not counted in the play time, but reported: `debrief` (the campaign's discussion questions, read
after play in class) and `feedback` (a trainer's note after each officer decision, shown only in
training mode with feedback after each decision).

A decision is a choice taken that is not "Continue"; `real` decisions are those where two or more
choices were on offer. Words are counted as `lint --stats` counts them (game/core/lint.py `words`).

`simulate` (issue 11) reports `minutes`, `words` and `decisions` with a narrower measure: scene titles
and texts, the choices offered (one word for a lone "Continue"), the reason of the choice taken, the
ending and the epilogues, and as decisions only scenes that offered two or more choices. This script
counts that measure too ("as simulate counts"), so the two can be checked against each other, and
prints simulate's own figures beside it once simulate reports them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from game.core.content import Choice, Content, Fact  # noqa: E402
from game.core.lint import words as lint_words  # noqa: E402
from game.core.play.engine import CONTINUE, Engine  # noqa: E402
from game.core.play.simulate import make_policy  # noqa: E402

WORDS_PER_MINUTE = 200
SECONDS_PER_DECISION = 5
POLICIES = ("engaged", "first", "random")
PLAYED = ("start", "scene", "choices", "facts", "warnings", "consequences", "reflect", "ending", "chrome")
EXTRA = ("debrief", "feedback")
FIELD = re.compile(r"\{[a-z_]+\}")


def count_words(text: str) -> int:
    """Words as lint --stats and simulate count them."""
    return lint_words(text)


def minutes(words: float, decisions: float) -> float:
    return words / WORDS_PER_MINUTE + decisions * SECONDS_PER_DECISION / 60


@dataclass
class Run:
    """What one playthrough showed: words by kind and by day, decisions, facts."""

    words: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    by_day: dict[str, list[int]] = field(default_factory=dict)  # day key -> [words, decisions]
    day_order: list[str] = field(default_factory=list)
    decisions: int = 0
    real: int = 0
    facts: list[str] = field(default_factory=list)
    ending: str = ""
    profile: str = ""
    sim_words: int = 0        # as simulate counts (see the module's docstring)
    sim_decisions: int = 0

    @property
    def sim_minutes(self) -> float:
        return minutes(self.sim_words, self.sim_decisions)

    @property
    def played_words(self) -> int:
        return sum(self.words[k] for k in PLAYED)

    @property
    def minutes(self) -> float:
        return minutes(self.played_words, self.decisions)

    @property
    def minutes_no_day_end(self) -> float:
        """Without the day-end lists (how issue 14 first measured the resident's story)."""
        return minutes(self.played_words - self.words["consequences"], self.decisions)


class Reader:
    """Plays one game and counts what the window shows, as a student reads it."""

    def __init__(self, content: Content, lang: str, policy: Callable[[list[Choice]], Choice]):
        self.c = content
        self.lang = lang
        self.policy = policy
        self.run = Run()
        self.seen_lines: set[str] = set()
        self.noted: set[tuple[int, str]] = set()
        self.day_key = "start"

    # -- counting ----------------------------------------------------------------------------
    def t(self, text: dict | None) -> str:
        return self.c.text(text, self.lang)

    def add(self, kind: str, text: str) -> None:
        n = count_words(text)
        if not n:
            return
        self.run.words[kind] += n
        if kind in PLAYED:
            self.bucket()[0] += n

    def chrome(self, key: str, once: bool = False, **values: Any) -> None:
        """An interface line; with once=True only the first time this run (a line read before is skimmed)."""
        if once:
            if key in self.seen_lines:
                return
            self.seen_lines.add(key)
        self.add("chrome", FIELD.sub("", self.c.ui(key, self.lang, **values)))

    def bucket(self) -> list[int]:
        got = self.run.by_day.get(self.day_key)
        if got is None:
            got = self.run.by_day[self.day_key] = [0, 0]
            self.run.day_order.append(self.day_key)
        return got

    def fact(self, fid: str) -> None:
        fact = self.c.facts.get(fid)
        if fact is None:
            return
        self.run.facts.append(fid)
        self.fact_card("facts", fact)

    def fact_card(self, kind: str, fact: Fact) -> None:
        """A fact as the window shows it: the fact, its caveat and its first source."""
        self.add(kind, self.t(fact.text))
        self.add(kind, self.t(fact.caveat))
        title = fact.sources[0].title
        self.add(kind, self.c.ui("play.source", self.lang, source=title))

    # -- playing -----------------------------------------------------------------------------
    def play(self, campaign: str, profile: str | None, seed: int) -> Run:
        c = self.c
        camp = c.campaigns[campaign]
        role = c.roles.get(camp.role)
        if camp.kind == "short":  # the kiosk: its own start screen, then straight into the story
            for key in ("kiosk.choose", "kiosk.choose_body", "kiosk.resident", "kiosk.officer"):
                self.add("start", c.ui(key, self.lang))
        else:
            self.add("start", self.t(role.briefing if role else None))
            for var in role.meters if role else ():
                spec = c.model.variables.get(var, {})
                self.add("start", self.t(spec.get("name")) + " " + self.t(spec.get("description")))
            if camp.subject == "player":
                for p in camp.profiles:
                    self.add("start", self.t(p.name) + " " + self.t(p.summary))
        e = Engine.new(c, campaign, profile=profile, seed=seed)
        self.run.profile = e.state.profile or ""
        steps = 0
        while e.status != "ending":
            steps += 1
            if steps > 20000:
                raise RuntimeError(f"{campaign} did not end (seed {seed})")
            if e.status == "scene":
                self.scene(e)
            elif e.status == "day_end":
                self.day_end(e)
                e.proceed()
            elif e.status == "block_end":
                self.chrome("phase.end", phase=self.t(c.phases[e.phase].name if e.phase in c.phases else None))
                self.chrome("phase.reflect", once=True)
                for q in e.reflect():
                    self.add("reflect", self.t(q))
                e.proceed()
            else:
                raise RuntimeError(f"unexpected status {e.status!r}")
        self.ending(e)
        return self.run

    def scene(self, e: Engine) -> None:
        c = self.c
        scene = e.scene
        assert scene is not None
        day = e.day
        label = self.t(day.title) if day is not None and day.title else ""
        self.day_key = f"{e.state.block:02d}.{e.state.day:02d} {e.phase}" + (f" · {label}" if label else "")
        for w in scene.warnings:
            if (e.state.day, w) in self.noted or w not in c.warnings:
                continue
            self.noted.add((e.state.day, w))
            spec = c.warnings[w]
            self.add("warnings", " ".join(self.t(t) for t in (spec.name, spec.note, spec.help)))
        self.add("scene", self.t(scene.title))
        self.add("scene", self.t(e.scene_text()))
        if scene.fact:
            self.fact(scene.fact)
        offered = e.choices()
        for choice in offered:
            self.add("choices", self.c.ui("ui.continue", self.lang) if choice is CONTINUE else self.t(choice.text))
        picked = self.policy(offered)
        self.as_simulate(e, offered, picked)
        if picked is not CONTINUE:
            self.run.decisions += 1
            self.bucket()[1] += 1
            if len(offered) > 1:
                self.run.real += 1
            if picked.feedback:
                self.add("feedback", self.t(picked.feedback))
        e.choose(picked)

    def as_simulate(self, e: Engine, offered: list[Choice], picked: Choice) -> None:
        """The same scene counted the way simulate counts it."""
        r = self.run
        r.sim_words += count_words(self.t(e.scene.title if e.scene else None)) + count_words(self.t(e.scene_text()))
        if len(offered) > 1:
            r.sim_decisions += 1
            r.sim_words += sum(count_words(self.t(c.text)) for c in offered)
        else:
            r.sim_words += 1
        r.sim_words += count_words(self.t(picked.why))

    def day_end(self, e: Engine) -> None:
        c = self.c
        player = e.state.subject is not None
        self.chrome("dayend.title" if player else "dayend.title_shift", day=e.state.day)
        last: str | None = None
        rows = 0
        for entry in e.state.log:
            var = entry["var"]
            if var not in c.model.variables:
                continue
            why = self.t(entry.get("why")) or self.c.ui("dayend.no_reason", self.lang)
            if why != last:
                self.add("consequences", why)
                last = why
            who = entry.get("who")
            name = self.t(c.characters[who].name) + " " if who and who in c.characters else ""
            better = c.model.is_improvement(var, entry["after"] - entry["before"])
            self.add("consequences", name + self.t(c.model.variables[var]["name"]) + " "
                     + c.ui("dayend.better" if better else "dayend.worse", self.lang))
            rows += 1
        if not rows:
            self.chrome("dayend.nothing")
        self.chrome("dayend.risk" if player else "dayend.risk_unit", risk=0)
        self.chrome("ui.model_note", once=True)

    def ending(self, e: Engine) -> None:
        c = self.c
        self.day_key = "ending"
        view = e.ending_view()
        self.run.ending = view.ending.id
        self.run.sim_words += count_words(self.t(view.ending.title)) + count_words(self.t(view.ending.text))
        for _who, ep, _est in view.epilogues:
            if ep is not None:
                self.run.sim_words += count_words(self.t(ep.title)) + count_words(self.t(ep.text))
        self.chrome("ending.later")
        self.add("ending", self.t(view.ending.title))
        self.add("ending", self.t(view.ending.text))
        if view.estimate is not None:
            self.estimate(view.estimate, full=True)
        for who, ep, est in view.epilogues:
            self.add("ending", self.t(c.characters[who].name))
            self.estimate(est, full=False)
            if ep is not None:
                self.add("ending", self.t(ep.title))
                self.add("ending", self.t(ep.text))
        facts = [f for f in c.facts.values() if "comparison" in f.tags]
        if facts:
            self.add("ending", c.ui("ending.real_world", self.lang))
        for fact in facts:
            self.fact_card("ending", fact)
        for q in e.campaign.debrief:
            self.add("debrief", self.t(q))

    def estimate(self, est, full: bool) -> None:
        c = self.c
        line = c.ui("ending.estimate_line", self.lang, risk=round(est.risk), low=round(est.low), high=round(est.high))
        if not full:
            self.add("ending", line)
            return
        self.add("ending", c.ui("ending.estimate_title", self.lang) + " " + line)
        for key, n in (("ending.legend_sure", 0), ("ending.legend_maybe", 0), ("ending.legend_no", 0)):
            self.add("ending", c.ui(key, self.lang, n=n))
        self.add("ending", c.ui("ui.drivers", self.lang))
        for d in est.drivers[:3]:
            name = self.t(c.model.variables[d.var]["name"])
            self.add("ending", c.ui("ending.driver", self.lang, name=name, points=0))
        self.add("ending", self.t(c.model.disclaimer))


def first_policy(offered: list[Choice]) -> Choice:
    """Always the first choice as shown."""
    return offered[0]


def policy_for(name: str, content: Content, rng: random.Random) -> Callable[[list[Choice]], Choice]:
    if name == "first":
        return first_policy
    return make_policy(name, content, rng)


# -- measuring -------------------------------------------------------------------------------
def measure(content: Content, campaign: str, policy: str, seeds: int, lang: str, first_seed: int = 0) -> list[Run]:
    camp = content.campaigns[campaign]
    profiles: list[str | None] = [p.id for p in camp.profiles] if camp.subject == "player" else [None]
    if camp.kind == "short":
        profiles = profiles[:1]  # the kiosk always plays the first profile
    runs = []
    for prof in profiles:
        for i in range(seeds):
            seed = first_seed + i
            rng = random.Random(seed * 1_000_003 + 17)
            runs.append(Reader(content, lang, policy_for(policy, content, rng)).play(campaign, prof, seed))
    return runs


def pct(xs: list[float], q: float) -> float:
    if not xs:
        return 0.0
    if len(xs) == 1:
        return float(xs[0])
    return statistics.quantiles(xs, n=100, method="inclusive")[round(q * 100) - 1]


def dist(xs: list[float], ndigits: int = 1) -> dict[str, float]:
    return {"median": round(statistics.median(xs), ndigits), "p90": round(pct(xs, 0.9), ndigits),
            "min": round(min(xs), ndigits), "max": round(max(xs), ndigits)}


def summarise(runs: list[Run]) -> dict[str, Any]:
    kinds = {k: round(statistics.median(r.words[k] for r in runs)) for k in PLAYED + EXTRA}
    days: dict[str, list[list[int]]] = defaultdict(list)
    order: list[str] = []
    for r in runs:
        for key in r.day_order:
            if key not in days:
                order.append(key)
            days[key].append(r.by_day[key])
    per_day = {}
    for key in sorted(order):
        vals = days[key]
        words = [v[0] for v in vals]
        dec = [v[1] for v in vals]
        per_day[key] = {"runs": len(vals), "words": round(statistics.median(words)),
                        "decisions": round(statistics.median(dec), 1),
                        "minutes": round(minutes(statistics.median(words), statistics.median(dec)), 1)}
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
        "minutes_no_day_end": dist([r.minutes_no_day_end for r in runs]),
        "words": dist([float(r.played_words) for r in runs], 0),
        "decisions": dist([float(r.decisions) for r in runs], 0),
        "real_decisions": dist([float(r.real) for r in runs], 0),
        "as_simulate": {"minutes": {"mean": round(statistics.fmean(r.sim_minutes for r in runs), 1),
                                    "p90": round(pct([r.sim_minutes for r in runs], 0.9), 1)},
                        "words": round(statistics.fmean(r.sim_words for r in runs)),
                        "decisions": round(statistics.fmean(r.sim_decisions for r in runs), 1)},
        "words_by_kind": kinds,
        "facts_shown": {"total": dist([float(x) for x in facts_total], 0),
                        "distinct": dist([float(x) for x in facts_distinct], 0),
                        "runs_with_a_repeat": sum(t > d for t, d in zip(facts_total, facts_distinct))},
        "per_phase_minutes": {p: round(statistics.median(v), 1) for p, v in per_phase.items()},
        "per_profile_minutes": {p: dist(v) for p, v in by_profile.items()},
        "per_day": per_day,
        "endings": dict(sorted(endings.items(), key=lambda kv: -kv[1])),
    }


def simulate_length(content: Content, campaign: str, policy: str, runs: int) -> dict[str, Any] | None:
    """`simulate`'s own figures for the same campaign and policy, once it reports them (issue 11 adds
    minutes, words and decisions to its summary), so the two measures can be compared; else None."""
    from game.core.play.simulate import simulate
    try:
        summary = simulate(content, campaign, runs=runs, policy=policy).summary()
    except ValueError:  # a policy simulate does not know yet
        return None
    if "minutes" not in summary:
        return None
    return {"runs": runs, **{k: summary.get(k) for k in ("minutes", "words", "decisions")}}


def static_facts(content: Content, campaign: str) -> dict[str, int]:
    """How many scenes that the campaign can reach carry each fact (a fact shown twice is a repeat)."""
    from game.core.play.simulate import _reachable_scenes
    out: dict[str, int] = defaultdict(int)
    for sid in _reachable_scenes(content, campaign):
        fid = content.scenes[sid].fact
        if fid:
            out[fid] += 1
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))


def table(results: dict[str, dict[str, dict[str, Any]]], facts: dict[str, dict[str, int]],
          show_days: bool) -> str:
    lines = ["campaign          policy   runs  minutes med/p90   (no day-end)   words med/p90   "
             "decisions med/p90 (real)"]
    for cid, by_policy in results.items():
        for policy, s in by_policy.items():
            m, w, d, r = s["minutes"], s["words"], s["decisions"], s["real_decisions"]
            n = s["minutes_no_day_end"]
            lines.append(f"{cid:<17} {policy:<8} {s['runs']:>4}  {m['median']:>6.1f} / {m['p90']:<6.1f}  "
                         f"({n['median']:>5.1f} / {n['p90']:<5.1f})  "
                         f"{w['median']:>6.0f} / {w['p90']:<6.0f}  "
                         f"{d['median']:>4.0f} / {d['p90']:<4.0f} ({r['median']:.0f})")
            a = s["as_simulate"]
            lines.append(f"{'':<17} {'as simulate counts':<18} minutes mean {a['minutes']['mean']}, "
                         f"p90 {a['minutes']['p90']}; words {a['words']}; decisions {a['decisions']}")
            sim = s.get("simulate")
            if sim:
                lines.append(f"{'':<17} {'simulate':<8} {sim['runs']:>4}  minutes {sim.get('minutes')}  "
                             f"words {sim.get('words')}  decisions {sim.get('decisions')}")
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
    p.add_argument("--policy", action="append", choices=POLICIES, help="only this policy (may be repeated)")
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
    results: dict[str, dict[str, dict[str, Any]]] = {}
    facts: dict[str, dict[str, int]] = {}
    for cid in campaigns:
        results[cid] = {pol: summarise(measure(content, cid, pol, args.seeds, args.lang)) for pol in policies}
        for pol in policies:
            sim = simulate_length(content, cid, pol, len(content.campaigns[cid].profiles or [None]) * args.seeds)
            if sim:
                results[cid][pol]["simulate"] = sim
        facts[cid] = static_facts(content, cid)
    if args.json:
        out = {"lang": args.lang, "seeds": args.seeds, "words_per_minute": WORDS_PER_MINUTE,
               "seconds_per_decision": SECONDS_PER_DECISION,
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
