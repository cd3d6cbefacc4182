"""Checks that need the whole content at once, after each entry has passed the schema.

These are errors that would make a playthrough go wrong: a campaign with no fallback ending, a
choice that both jumps and draws, a pool nobody fills, a modelled variable that is not in the model.
Softer findings (unreachable scenes, missing translations...) are lint's, in `lint.py`.
"""

from __future__ import annotations

from typing import Any

from ..reading import is_number
from ..diagnostics import Report, did_you_mean


def at(entry: dict[str, Any]) -> tuple[str, int, int]:
    """Split an entry's '@' position ("path:line:col") back into its parts."""
    path, line, col = entry.get("@", "content:1:1").rsplit(":", 2)
    return path, int(line), int(col)


def err(report: Report, entry: dict[str, Any], message: str, code: str = "C400") -> None:
    path, line, col = at(entry)
    report.error(path, line, col, message, code)


def crosscheck(data: dict[str, Any], positions: dict[str, Any], report: Report) -> None:
    model = data.get("model")
    model_vars = set(model["variables"]) if model else set()
    _check_languages(data, positions, report)
    if model:
        _check_model(model, model_vars, report)
    for name, role in data.get("roles", {}).items():
        for var in role.get("meters", []):
            if var not in model_vars:
                err(report, role, f"meter '{var}' of role '{name}' is not a model variable"
                                  f"{did_you_mean(var, model_vars)}", code="C401")
    for name, ch in data.get("characters", {}).items():
        for var in ch.get("start", {}):
            if var not in model_vars:
                err(report, ch, f"'{var}' in the start values of '{name}' is not a model variable", code="C402")
        if ch.get("start") and not ch.get("model"):
            err(report, ch, f"character '{name}' has start values but 'model: true' is not set", code="C403")
        if ch.get("epilogues") and not ch.get("model"):
            err(report, ch, f"character '{name}' has epilogues but 'model: true' is not set", code="C404")
    pools = {s["event"]["pool"] for s in data.get("scenes", {}).values()
             if s.get("event") and s["event"].get("pool")}
    for name, camp in data.get("campaigns", {}).items():
        _check_campaign(name, camp, data, model_vars, report)
    budgets = {k for k, v in data.get("variables", {}).items() if v.get("budget")}
    for name, var in data.get("variables", {}).items():
        if var.get("budget") and var["type"] != "number":
            err(report, var, f"budget '{name}' must be a number variable (type: number)", code="C427")
        _check_range(name, var, report)
    for name, scene in data.get("scenes", {}).items():
        _check_scene(name, scene, pools, report)
        _check_event_slots(scene.get("event"), data, report)
        for choice in scene.get("choices", []):
            for var in choice.get("cost", {}):
                if var not in budgets:
                    err(report, choice, f"'{var}' in the cost of a choice is not a budget"
                                        f"{did_you_mean(var, budgets)}; declare it under 'variables:' "
                                        "with a 'budget:' entry", code="C428")


def _check_range(name: str, var: dict[str, Any], report: Report) -> None:
    """A number variable's min, max and default: in order, finite, the default inside the range."""
    low, high, default = var.get("min"), var.get("max"), var.get("default")
    if low is not None and high is not None and low > high:
        err(report, var, f"variable '{name}' has min {low:g} above its max {high:g}", code="C432")
        return
    if var.get("type") != "number" or default is None:
        return
    if not is_number(default):
        err(report, var, f"variable '{name}' holds numbers, but its default is not a number", code="C433")
    elif (low is not None and default < low) or (high is not None and default > high):
        err(report, var, f"variable '{name}' has the default {default:g}, outside its range "
                         f"{'' if low is None else f'{low:g}'} to {'' if high is None else f'{high:g}'}",
            code="C433")


def _check_languages(data: dict[str, Any], positions: dict[str, Any], report: Report) -> None:
    langs = data.get("languages", {})
    defaults = [k for k, v in langs.items() if v.get("default")]
    if len(langs) > 1 and len(defaults) != 1:
        first = next(iter(langs.values()))
        err(report, first, f"expected exactly one language with 'default: true', found {len(defaults)}", code="C405")


def _check_model(model: dict[str, Any], model_vars: set[str], report: Report) -> None:
    for name, var in model["variables"].items():
        risk = var["kind"] == "risk"
        if "floor" in var and (risk or var["kind"] == "fixed"):
            err(report, var, f"'{name}' is a {var['kind']} variable; give it a 'ceiling' (the worst a risk "
                             "may rise to) rather than a 'floor'" if risk else
                             f"'{name}' is fixed and never changes, so it takes no 'floor'", code="C430")
        if "ceiling" in var and not risk:
            err(report, var, f"'{name}' is not a risk variable; give it a 'floor' (the worst it may fall "
                             "to) rather than a 'ceiling'", code="C430")
    seen: set[str] = set()
    for factor in model["risk"]["factors"]:
        var = factor["var"]
        if var not in model_vars:
            err(report, factor, f"risk factor '{var}' is not a model variable{did_you_mean(var, model_vars)}",
                code="C406")
        elif var in seen:
            err(report, factor, f"risk factor '{var}' is listed twice", code="C407")
        seen.add(var)
        kind = model["variables"].get(var, {}).get("kind")
        if kind == "modifier":
            err(report, factor, f"'{var}' is a modifier and has no weight of its own; remove it from the "
                                "factors or change its kind", code="C408")
    for mod in model.get("modifiers", []):
        for var in mod["to"]:
            if var not in model_vars:
                err(report, mod, f"modifier '{mod['id']}' scales '{var}', which is not a model variable", code="C409")
    for anchor in model["risk"].get("anchors", []):
        for var in anchor["values"]:
            if var not in model_vars:
                err(report, anchor, f"anchor value '{var}' is not a model variable", code="C410")


def _check_campaign(name: str, camp: dict[str, Any], data: dict[str, Any], model_vars: set[str],
                    report: Report) -> None:
    if camp["subject"] == "player" and not camp.get("profiles"):
        err(report, camp, f"campaign '{name}' follows the player but has no profiles to start from", code="C411")
    if camp["subject"] == "characters":
        residents = camp.get("residents", [])
        if not residents:
            err(report, camp, f"campaign '{name}' follows characters but lists no residents", code="C412")
        for r in residents:
            if not data.get("characters", {}).get(r, {}).get("model"):
                err(report, camp, f"resident '{r}' of campaign '{name}' needs 'model: true'", code="C413")
    for prof in camp.get("profiles", []):
        for var in prof["start"]:
            if var not in model_vars:
                err(report, prof, f"'{var}' in profile '{prof['id']}' is not a model variable", code="C414")
        for var in prof.get("vars", {}):
            if var in model_vars:
                err(report, prof, f"'{var}' is a model variable; set it in the profile's start values", code="C429")
    ids = [p["id"] for p in camp.get("profiles", [])]
    if len(ids) != len(set(ids)):
        err(report, camp, f"campaign '{name}' has two profiles with the same id", code="C415")
    for var in camp.get("vars", {}):
        if var in model_vars:
            err(report, camp, f"'{var}' is a model variable; set it in the profiles' start values", code="C416")
    endings = camp["endings"]
    if endings and "if" in endings[-1]:
        err(report, endings[-1], f"the last ending of campaign '{name}' needs no 'if', so that every "
                                 "playthrough has an ending", code="C417")
    for ending in endings[:-1]:
        if "if" not in ending:
            err(report, ending, f"ending '{ending['id']}' has no 'if', so the endings after it can never "
                                "be reached; give it a condition or move it last", code="C418")
    ids = [e["id"] for e in endings]
    if len(ids) != len(set(ids)):
        err(report, camp, f"campaign '{name}' has two endings with the same id", code="C419")
    for block in camp["calendar"]:
        has_days = "days" in block
        if block.get("scenarios"):
            if has_days or "slots" in block:
                err(report, block, "a calendar block with 'scenarios' takes neither 'days' nor 'slots'", code="C420")
        elif not has_days:
            err(report, block, "a calendar block needs 'days' (with 'slots') or 'scenarios'", code="C421")
        elif isinstance(block["days"], int) and not block.get("slots"):
            err(report, block, "a calendar block with a number of days needs 'slots'", code="C422")
        elif isinstance(block["days"], list) and "slots" in block:
            err(report, block, "a calendar block with a list of days gives each day its own 'slots'", code="C423")


def campaign_slots(camp: dict[str, Any]) -> set[str]:
    """The names of the slots a campaign's days have ('shift' for a day that is a scenario)."""
    out: set[str] = set()
    for block in camp.get("calendar", []):
        out |= set(block.get("slots", {}))
        for day in block["days"] if isinstance(block.get("days"), list) else []:
            out |= set(day.get("slots", {}))
        if block.get("scenarios"):
            out.add("shift")
    return out


def _check_event_slots(event: dict[str, Any] | None, data: dict[str, Any], report: Report) -> None:
    """An event's `slots` name slots its campaigns have; a misspelt one would never fire."""
    if not event or not event.get("slots"):
        return
    campaigns = data.get("campaigns", {})
    have: set[str] = set()
    for cid in event.get("campaigns", []):
        have |= campaign_slots(campaigns.get(cid, {}))
    for slot in event["slots"]:
        if have and slot not in have:  # a warning, like an event whose phases its campaign never has
            path, line, col = at(event)
            report.warning(path, line, col, f"unknown slot '{slot}'{did_you_mean(slot, have)}: the event's "
                                            f"campaigns have the slots {', '.join(sorted(have))}, so it would never "
                                            "fire there", code="N214")


def _check_scene(name: str, scene: dict[str, Any], pools: set[str], report: Report) -> None:
    for i, choice in enumerate(scene.get("choices", [])):
        if "goto" in choice and "draw" in choice:
            err(report, choice, "a choice may 'goto' a scene or 'draw' from a pool, not both", code="C424")
        pool = choice.get("draw")
        if pool and pool not in pools:
            err(report, choice, f"no event is in pool '{pool}'{did_you_mean(pool, pools)}", code="N213")
    ids = [c["id"] for c in scene.get("choices", []) if "id" in c]
    if len(ids) != len(set(ids)):
        err(report, scene, f"scene '{name}' has two choices with the same id", code="C425")
    experts = [c for c in scene.get("choices", []) if c.get("expert")]
    if len(experts) > 1 and any("if" not in c for c in experts):  # several only under their own conditions
        for extra in experts[1:]:
            err(report, extra, f"scene '{name}' marks more than one choice as the expert's ('expert'); keep it on "
                               "one, or give each of them an 'if' so that they are offered in different cases",
                code="C431")
    event = scene.get("event")
    if event and event.get("pool") and (event.get("slots") or event.get("phases")):
        err(report, event, "an event in a pool is drawn by choices, so it takes no 'slots' or 'phases'; "
                           "use 'if' to narrow it", code="C426")
