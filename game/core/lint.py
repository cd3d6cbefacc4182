"""Lint: everything the loader checks, and the softer findings an author wants to hear about.

Beyond the schema and the cross-checks, lint finds scenes no campaign can reach, scenes from which
the story can never go on (dead ends), variables and flags set but never read or read but never set,
endings and epilogues no simulated playthrough reaches, texts missing in a language, missing
illustrations, and effects with no reason a player could read. `stats()` counts scenes, choices,
endings and words per role and language.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from .load.crosscheck import at
from .diagnostics import Report
from . import lint_numbers
from .words import words
from .load.loader import load_sources
from .load.sources import Loaded
from .paths import asset_roots  # noqa: F401 - part of lint's interface
from .lintview import Sources, apply_ignores
from .translate.catalog import progress

END = "end"
LONG_TEXT = 1200  # characters; longer scene texts need scrolling on small screens


@dataclass
class LintResult:
    loaded: Loaded
    report: Report
    stats: dict[str, Any] = field(default_factory=dict)
    silenced: int = 0  # problems a '# lint: ignore[CODE]' comment silenced


def lint(dirs: list[str], simulate_runs: int = 150) -> LintResult:
    loaded = load_sources(dirs)
    report = loaded.report
    data = loaded.data
    if report.ok and data.get("model") is not None:
        graph = _Graph(data)
        _reachability(data, graph, report)
        _dead_ends(data, graph, report)
        _dry_pools(data, graph, report)
        _usage(loaded, report)
        _subject_rules(data, graph, loaded, report)
        _translations(loaded, report)
        _assets(loaded, dirs, report)
        _reasons(data, report)
        _long_texts(data, report)
        lint_numbers.check_constants(data, report)
        if simulate_runs:
            _unreached_endings(data, report, simulate_runs)
    silenced = apply_ignores(report, Sources({s.shown: s.path for s in loaded.sources}))
    counts = stats(data) if data.get("model") is not None else {}
    if counts:
        counts["languages"] = {lang: p.to_dict() for lang, p in progress(loaded).items()}
    return LintResult(loaded, report, counts, silenced)


# -- the scene graph -------------------------------------------------------------------------
class _Graph:
    """Edges between scenes, and which scenes each campaign can reach."""

    def __init__(self, data: dict[str, Any]):
        self.scenes: dict[str, dict[str, Any]] = data.get("scenes", {})
        self.pools: dict[str, list[str]] = {}
        for sid, s in self.scenes.items():
            ev = s.get("event")
            if ev and ev.get("pool"):
                self.pools.setdefault(ev["pool"], []).append(sid)
        self.edges: dict[str, set[str]] = {sid: self._edges(s) for sid, s in self.scenes.items()}
        self.roots: dict[str, set[str]] = {}
        for cid, camp in data.get("campaigns", {}).items():
            roots: set[str] = set()
            for block in camp["calendar"]:
                if block.get("intro"):
                    roots.add(block["intro"])
                roots.update(block.get("slots", {}).values())
                if isinstance(block.get("days"), list):
                    for day in block["days"]:
                        roots.update(day["slots"].values())
                for sc in block.get("scenarios", []):
                    start = data.get("scenarios", {}).get(sc, {}).get("start")
                    if start:
                        roots.add(start)
            for sid, s in self.scenes.items():
                ev = s.get("event")
                if ev and not ev.get("pool") and cid in ev.get("campaigns", []):
                    roots.add(sid)
            self.roots[cid] = roots
        self.scenario_roots = {k: {v["start"]} for k, v in data.get("scenarios", {}).items()}
        self.reach = {cid: self.closure(r) for cid, r in self.roots.items()}

    def _edges(self, s: dict[str, Any]) -> set[str]:
        out: set[str] = set()
        choices = s.get("choices", [])
        for c in choices:
            if c.get("draw"):
                out.update(self.pools.get(c["draw"], []))
                out.add(END)
            else:
                out.add(c.get("goto", END))
        if not choices or all("if" in c for c in choices):
            out.add(s.get("next", END))
        if s.get("warning"):
            out.add(s.get("skip", END))
        return out

    def closure(self, roots: set[str]) -> set[str]:
        seen: set[str] = set()
        todo = [r for r in roots if r in self.scenes]
        while todo:
            sid = todo.pop()
            if sid in seen or sid not in self.scenes:  # a name dropped for an error is not followed
                continue
            seen.add(sid)
            todo.extend(t for t in self.edges.get(sid, ()) if t != END and t not in seen)
        return seen


def _reachability(data: dict[str, Any], graph: _Graph, report: Report) -> None:
    reachable: set[str] = set().union(*graph.reach.values()) if graph.reach else set()
    for roots in graph.scenario_roots.values():
        reachable |= graph.closure(roots)
    for sid, s in graph.scenes.items():
        if sid not in reachable:
            path, line, col = at(s)
            why = ""
            ev = s.get("event")
            if ev and ev.get("pool"):
                why = f" (no reachable choice draws from pool '{ev['pool']}')"
            report.warning(path, line, col, f"scene '{sid}' cannot be reached from any campaign{why}", code="L501")
    for cid, camp in data.get("campaigns", {}).items():
        phases = {b["phase"] for b in camp["calendar"]}
        for sid, s in graph.scenes.items():
            ev = s.get("event")
            if ev and cid in ev.get("campaigns", []) and ev.get("phases"):
                if not set(ev["phases"]) & phases:
                    path, line, col = at(ev)
                    report.warning(path, line, col, f"event '{sid}' names phases that campaign '{cid}' "
                                                    "never has, so it never fires there", code="L502")


def _dead_ends(data: dict[str, Any], graph: _Graph, report: Report) -> None:
    """Scenes from which no path leads to the end of a slot: the player would be stuck forever."""
    can_finish: set[str] = set()
    changed = True
    while changed:
        changed = False
        for sid, targets in graph.edges.items():
            if sid in can_finish:
                continue
            if any(t == END or t in can_finish for t in targets):
                can_finish.add(sid)
                changed = True
    for sid, s in graph.scenes.items():
        if sid not in can_finish:
            path, line, col = at(s)
            report.error(path, line, col, f"dead end: every path from scene '{sid}' loops back without "
                                          "ever ending the slot; give one choice 'goto: end'", code="L503")
    for sid, s in graph.scenes.items():
        choices = s.get("choices", [])
        if choices and all("if" in c for c in choices) and "next" not in s:
            path, line, col = at(s)
            report.warning(path, line, col, f"every choice in scene '{sid}' has a condition; when none "
                                            "holds the player only gets 'Continue' (add 'next' or an "
                                            "unconditional choice)", code="L504")


def _dry_pools(data: dict[str, Any], graph: _Graph, report: Report) -> None:
    """Pools whose every event fires once, drawn by an unconditional choice of a scene that opens a slot
    on more days than they have events: after the last, that choice just ends the slot (the player
    sees nothing happen). A choice with a condition, or a scene reached only sometimes, is left alone:
    whether it comes back is for the playthroughs to tell."""
    drawn_days: dict[str, int] = {}
    for camp in data.get("campaigns", {}).values():
        for block in camp["calendar"]:
            days = block.get("days")
            count = days if isinstance(days, int) else len(days) if isinstance(days, list) else 0
            starts = set(block.get("slots", {}).values())
            for day in days if isinstance(days, list) else []:
                starts |= set(day["slots"].values())
            pools = {c["draw"] for sid in starts if sid in graph.scenes
                     for c in graph.scenes[sid].get("choices", []) if c.get("draw") and "if" not in c}
            for pool in pools:
                drawn_days[pool] = drawn_days.get(pool, 0) + count
    for pool, members in graph.pools.items():
        events = [graph.scenes[sid]["event"] for sid in members]
        days = drawn_days.get(pool, 0)
        if all(ev.get("once", True) for ev in events) and days > len(events):
            first = graph.scenes[members[0]]["event"]
            path, line, col = at(first)
            report.warning(path, line, col, f"pool '{pool}' can run dry: its {len(events)} event(s) fire once each, "
                                            f"but it can be drawn on up to {days} days; then the choice just ends "
                                            "the slot (add events, or give one 'once: false')", code="L520")


def _usage(loaded: Loaded, report: Report) -> None:
    usage = loaded.ctx.usage if loaded.ctx else None
    if usage is None:
        return
    set_flags = set(usage.flags_set)
    for prof in (p for c in loaded.data.get("campaigns", {}).values() for p in c.get("profiles", [])):
        set_flags.update(prof.get("flags", []))
    for name, wheres in usage.flags_read.items():
        if name not in set_flags:
            _warn_at(report, wheres[0], f"flag \"{name}\" is read but never set, so flag(\"{name}\") "
                                        "is always false", code="L505")
    for name, wheres in usage.flags_set.items():
        if name not in usage.flags_read:
            _warn_at(report, wheres[0], f"flag \"{name}\" is set but never read", code="L506")
    variables = loaded.data.get("variables", {})
    costs_read, profiles_set = lint_numbers.budget_usage(loaded.data)
    for name, spec in variables.items():
        read = name in usage.vars_read or name in costs_read
        written = name in usage.vars_set or name in profiles_set
        set_by_campaign = any(name in c.get("vars", {}) for c in loaded.data.get("campaigns", {}).values())
        path, line, col = at(spec)
        if written and not read:
            report.warning(path, line, col, f"variable '{name}' is set but never read", code="L507")
        elif read and not written and not set_by_campaign:
            report.warning(path, line, col, f"variable '{name}' is read but never set, so it always "
                                            "holds its default", code="L508")
        elif not read and not written:
            report.warning(path, line, col, f"variable '{name}' is never used", code="L509")


def _warn_at(report: Report, where: Any, message: str, code: str) -> None:
    path, mark, _ptr = where
    report.warning(path, mark[0], mark[1], message, code)


def _subject_rules(data: dict[str, Any], graph: _Graph, loaded: Loaded, report: Report) -> None:
    """Bare model variables mean the player's; a campaign that follows characters has no player."""
    usage = loaded.ctx.usage if loaded.ctx else None
    if usage is None:
        return
    char_campaign_scenes: set[str] = set()
    for cid, camp in data.get("campaigns", {}).items():
        if camp["subject"] == "characters":
            char_campaign_scenes |= graph.reach.get(cid, set())
    if not char_campaign_scenes:
        return
    for path, mark, ptr in usage.subject_used:
        parts = ptr.split("/")
        if len(parts) >= 2 and parts[0] == "scenes" and parts[1] in char_campaign_scenes:
            report.error(path, mark[0], mark[1],
                         f"scene '{parts[1]}' is played in a campaign that follows characters, so a "
                         "bare model variable has no owner here; name the resident, e.g. 'jonas.trust'", code="L510")


def _translations(loaded: Loaded, report: Report) -> None:
    langs = loaded.data.get("languages", {})
    if not langs or loaded.ctx is None:
        return
    default = next((k for k, v in langs.items() if v.get("default")), next(iter(langs)))
    overlays = loaded.ctx.overlay_langs
    declared = set(langs) - overlays  # languages written beside the English: each missing text is news
    for text, path, mark, _key in loaded.ctx.texts:
        have = {default if k == "" else k for k in text}
        missing = sorted(declared - have)
        if missing:
            report.warning(path, mark[0], mark[1], f"text missing in {', '.join(missing)}: "
                                                   f"\"{_short(next(iter(text.values())))}\"", code="T601")
    # a translation arrives over time: one line per overlay language, the details in `lint --stats`
    for lang, p in progress(loaded).items():
        if lang in overlays and (p.missing or p.stale):
            path, mark = loaded.positions.get("languages", {}).get(lang, ("content", (1, 1, "")))
            report.warning(path, mark[0], mark[1], f"'{lang}' translates {p.translated} of {p.total} texts; "
                                                   f"{p.stale} stale, {p.missing} missing (lint --stats "
                                                   "counts them; translate export makes a PO file to finish them)",
                           code="T602")


def _short(text: str, n: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _assets(loaded: Loaded, dirs: list[str], report: Report) -> None:
    if loaded.ctx is None:
        return
    roots = asset_roots(dirs)
    for rel, path, mark in loaded.ctx.assets:
        if not any(os.path.isfile(os.path.join(r, rel)) for r in roots):
            report.warning(path, mark[0], mark[1], f"asset '{rel}' not found under "
                                                   f"{' or '.join(roots)}; a placeholder will be shown", code="A701")


def _reasons(data: dict[str, Any], report: Report) -> None:
    model_vars = set(data["model"]["variables"])
    for sid, s in data.get("scenes", {}).items():
        groups = [(s, s.get("do", []), s.get("why"))]
        groups += [(c, c.get("do", []), c.get("why")) for c in s.get("choices", [])]
        for owner, effects, why in groups:
            for e in effects:
                if e.get("why") or why:
                    continue
                touches = [t for st in e["ast"] if st[0] == "set" for t in [st[2]]]
                names = {t[2] if t[0] == "attr" else t[1] for t in touches}
                if names & model_vars:
                    path, line, col = e["at"].rsplit(":", 2)
                    report.warning(path, int(line), int(col), "effect on a model variable has no "
                                                              "'why': the player will not see a reason", code="L511")


def _long_texts(data: dict[str, Any], report: Report) -> None:
    for sid, s in data.get("scenes", {}).items():
        for lang, text in s["text"].items():
            if len(text) > LONG_TEXT:
                path, line, col = at(s)
                report.warning(path, line, col, f"scene '{sid}' text is {len(text)} characters"
                                                f"{' in ' + lang if lang else ''}; over {LONG_TEXT} it "
                                                "needs scrolling on small screens; consider splitting it", code="L512")


def _unreached_endings(data: dict[str, Any], report: Report, runs: int) -> None:
    from .load.build import build
    from . import lint_runs
    try:
        content = build(data)
    except Exception as exc:  # pragma: no cover - build of checked content should not fail
        report.error("content", 1, 1, f"internal error while building content: {exc}", code="L599")
        return
    clamped: dict[str, list[Any]] = {}
    played = 0
    for cid, camp in data.get("campaigns", {}).items():
        reached_end: set[str] = set()
        reached_epi: set[str] = set()
        # engaged play reaches the endings a good run can still have by chance ("low is not zero")
        failed = False
        for policy, n in (("random", runs), ("engaged", max(30, runs)), ("idle", max(20, runs // 2))):
            result = lint_runs.run(content, data, cid, policy, n, report)
            if result is None:  # reported; its endings are not "unreached", the game never gets there
                failed = True
                break
            reached_end |= set(result.endings)
            reached_epi |= set(result.epilogues)
            played += result.runs
            for where, (times, var, worst) in result.clamped.items():
                entry = clamped.setdefault(where, [0, var, worst])
                entry[0] += times
                entry[2] = worst if abs(worst) > abs(entry[2]) else entry[2]
        if failed:
            continue
        for ending in camp["endings"]:
            if ending["id"] not in reached_end:
                path, line, col = at(ending)
                report.warning(path, line, col, f"ending '{ending['id']}' of campaign '{cid}' was not "
                                                f"reached in {runs} random, engaged and idle playthroughs", code="L513")
        for who in camp.get("residents", []):
            for ep in data["characters"][who].get("epilogues", []):
                key = f"{who}:{ep['id']}"
                if key not in reached_epi:
                    path, line, col = at(ep)
                    report.warning(path, line, col, f"epilogue '{ep['id']}' of '{who}' was not reached "
                                                    f"in simulated playthroughs of campaign '{cid}'", code="L514")
    lint_numbers.check_clamped(data, clamped, played, report)


# -- stats -------------------------------------------------------------------------------------
def stats(data: dict[str, Any]) -> dict[str, Any]:
    """Counts per role and language: scenes, choices, endings, words."""
    graph = _Graph(data)
    langs = list(data.get("languages", {})) or ["en"]
    default = next((k for k, v in data.get("languages", {}).items() if v.get("default")), langs[0])
    by_role: dict[str, dict[str, Any]] = {}
    campaigns: dict[str, dict[str, str]] = {}
    for cid, camp in data.get("campaigns", {}).items():
        role = camp["role"]
        campaigns[cid] = {"role": role, "kind": camp["kind"]}
        entry = by_role.setdefault(role, {"campaigns": [], "scenes": set(), "endings": 0, "profiles": []})
        entry["campaigns"].append(cid)
        entry["profiles"] += [p["id"] for p in camp.get("profiles", []) if p["id"] not in entry["profiles"]]
        entry["scenes"] |= graph.reach.get(cid, set())
        entry["endings"] += len(camp["endings"])
        entry.setdefault("texts", []).extend(_campaign_texts(camp, data))
    out: dict[str, Any] = {"scenes": len(data.get("scenes", {})),
                           "choices": sum(len(s.get("choices", [])) for s in data.get("scenes", {}).values()),
                           "facts": len(data.get("facts", {})), "roles": {}, "campaigns": campaigns}
    for role, entry in by_role.items():
        texts = list(entry["texts"])
        for sid in entry["scenes"]:
            s = data["scenes"][sid]
            texts += [s["text"]] + ([s["title"]] if s.get("title") else [])
            texts += [v["text"] for v in s.get("variants", [])]
            for c in s.get("choices", []):
                texts += [c["text"]] + [c[k] for k in ("why", "feedback", "expert") if c.get(k)]
                texts += [e["why"] for e in c.get("do", []) if e.get("why")]
        count = {lang: 0 for lang in langs}
        for t in texts:
            for lang in langs:
                got = t.get(lang) if lang in t else (t.get("") if lang == default else None)
                if got:
                    count[lang] += words(got)
        choices = sum(len(data["scenes"][s].get("choices", [])) for s in entry["scenes"])
        out["roles"][role] = {"campaigns": entry["campaigns"], "profiles": entry["profiles"],
                              "scenes": len(entry["scenes"]), "choices": choices, "endings": entry["endings"],
                              "words": count}
    return out


def _campaign_texts(camp: dict[str, Any], data: dict[str, Any]) -> list[dict[str, Any]]:
    texts = [camp["title"], camp["summary"]] + list(camp.get("debrief", []))
    for e in camp["endings"]:
        texts += [e["title"], e["text"]]
    for p in camp.get("profiles", []):
        texts += [p["summary"]] + ([p["text"]] if p.get("text") else [])
    for b in camp["calendar"]:
        texts += list(b.get("reflect", []))
    for who in camp.get("residents", []):
        for ep in data["characters"][who].get("epilogues", []):
            texts.append(ep["text"])
    return texts
