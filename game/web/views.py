"""What the browser page shows, as plain data: the core's state turned into words, once, in Python.

Every function here reads a `Playthrough` (or the content) and returns dicts of strings and numbers
in the player's language, so the page's JavaScript only lays them out: the same words, facts,
caveats and sources as the window and the terminal, from the same core functions.
"""

from __future__ import annotations

from typing import Any

from ..core.content import Choice, Content, Fact
from ..core.play import compare, figures, shifts
from ..core.play import preview as pv
from ..core.play.engine import CONTINUE
from ..core.play.playthrough import Playthrough


class Words:
    """The content's words in one language."""

    def __init__(self, content: Content, lang: str):
        self.c = content
        self.lang = lang

    def t(self, text: Any) -> str:
        return self.c.text(text, self.lang) if text else ""

    def ui(self, key: str, **values: Any) -> str:
        return self.c.ui(key, self.lang, **values)

    def var(self, var: str) -> str:
        spec = self.c.model.variables.get(var)
        return self.t(spec.name) if spec else var

    def who(self, who: str | None) -> str:
        ch = self.c.characters.get(who) if who else None
        return self.t(ch.name) if ch else ""


def fact(w: Words, f: Fact) -> dict[str, Any]:
    """A fact as every surface shows it: the fact, its caveat and each of its sources."""
    card = figures.card(w.c, f, w.lang)
    return {"text": card.text, "caveat": card.caveat, "sources": list(card.sources),
            "labels": {"caveat": w.ui("text.caveat"), "source": w.ui("text.source")}}


def model(w: Words) -> dict[str, Any]:
    """The model's disclaimer, how it works, its formula and every weight with its sources."""
    m = w.c.model
    formula = figures.formula(w.c, w.lang)
    weights = []
    for f in m.factors:
        kind = w.ui("journal.kind_good") if f.kind == "protective" else w.ui("journal.kind_risk")
        weight = figures.number(w.c, f.weight, w.lang)
        weights.append({"text": f"{w.var(f.var)} · {kind} · {w.ui('journal.weight')} {weight}",
                        "note": w.t(f.note), "sources": [figures.source(w.c, s, w.lang) for s in f.sources]})
    return {"title": w.t(m.title), "disclaimer": w.t(m.disclaimer), "explain": w.t(m.explain),
            "formula": formula, "weights_title": w.ui("journal.weights"), "weights": weights,
            "sources_title": w.ui("ending.sources"), "sources": [figures.source(w.c, s, w.lang) for s in m.sources]}


def title(content: Content, lang: str) -> dict[str, Any]:
    """The title page: every campaign by role (full stories, lessons, short stories)."""
    w = Words(content, lang)
    camps = []
    for cid, camp in content.campaigns.items():
        role = content.roles.get(camp.role)
        camps.append({"id": cid, "role": camp.role, "kind": camp.kind, "title": w.t(camp.title),
                      "role_name": w.t(role.name) if role and getattr(role, "name", None) else camp.role})
    return {"kind": "title", "tagline": w.ui("title.tagline"), "campaigns": camps,
            "disclaimer": w.t(content.model.disclaimer)}


def briefing(content: Content, campaign: str, lang: str) -> dict[str, Any]:
    w = Words(content, lang)
    camp = content.campaigns[campaign]
    role = content.roles.get(camp.role)
    profiles = []
    if camp.subject == "player":
        for p in camp.profiles:
            profiles.append({"id": p.id, "name": w.t(p.name), "age": p.age or "", "summary": w.t(p.summary),
                             "portrait": getattr(p, "portrait", None) or ""})
    return {"kind": "briefing", "campaign": campaign, "title": w.t(camp.title),
            "text": w.t(role.briefing if role else None), "profiles": profiles,
            "choose": w.ui("briefing.choose"), "start": w.ui("briefing.start")}


def view(play: Playthrough, room: str, lang: str, level: str) -> dict[str, Any]:
    """Where the game is now, in words."""
    w = Words(play.content, lang)
    status = play.status
    if status == "scene":
        return scene(play, w, level)
    if status == "day_end":
        return {"kind": "day_end", "title": w.ui("dayend.title", day=play.state.day),
                "changes": changes(w, play.state.log), "button": w.ui("dayend.continue")}
    if status == "block_end":
        return {"kind": "block_end", "title": w.ui("text.reflect"),
                "questions": [w.t(q) for q in play.engine.reflect()], "button": w.ui("ui.continue")}
    return ending(play, w, room)


def scene(play: Playthrough, w: Words, level: str) -> dict[str, Any]:
    e = play.engine
    c = play.content
    sc = e.scene
    assert sc is not None
    phase = w.t(c.phases[e.phase].name if e.phase in c.phases else None) or e.phase
    slot = w.ui(f"slot.{e.slot_name}")
    if slot.startswith("slot."):
        slot = e.slot_name.replace("_", " ").capitalize()
    place = c.places.get(sc.place or play.place)
    out: dict[str, Any] = {
        "kind": "scene", "day": e.state.day, "scene": sc.id,
        "header": w.ui("text.day_header", day=e.state.day, phase=phase, slot=slot),
        "place": {"name": w.t(place.name), "art": place.art} if place else None,
        "title": w.t(sc.title), "speaker": None, "text": w.t(e.scene_text()), "fact": None, "notes": [],
    }
    if sc.speaker and sc.speaker in c.characters:
        ch = c.characters[sc.speaker]
        out["speaker"] = {"name": w.t(ch.name), "role": w.t(ch.role), "portrait": ch.portrait or ""}
    if sc.fact and sc.fact in c.facts:
        out["fact"] = fact(w, c.facts[sc.fact])
    offered = e.choices()
    out["choices"] = [{"label": w.ui("ui.continue") if ch is CONTINUE else w.t(ch.text),
                       "hint": _hint(w, ch, level)} for ch in offered]
    out["locked"] = [w.ui("preview.locked", what=_amounts(w, pv.costs(c, ch)), choice=w.t(ch.text))
                     for ch in e.locked()]
    return out


def notes(play: Playthrough, w: Words, due: tuple[str, ...]) -> dict[str, Any]:
    """The content notes shown before a scene: go on, or skip the scene."""
    c = play.content
    names = ", ".join(w.t(c.warnings[k].name) for k in due if k in c.warnings)
    return {"kind": "notes", "title": w.ui("warning.title", names=names),
            "notes": [{"name": w.t(c.warnings[k].name), "note": w.t(c.warnings[k].note),
                       "help": w.t(c.warnings[k].help)} for k in due if k in c.warnings],
            "choices": [{"label": w.ui("warning.continue"), "hint": ""},
                        {"label": w.ui("warning.skip"), "hint": ""}]}


def _hint(w: Words, choice: Choice, level: str) -> str:
    if choice is CONTINUE:
        return ""
    out = []
    touches = pv.touches_in_words(w.c, choice, level, w.lang)
    if touches:
        out.append(f"{w.ui('preview.touches')}: {touches}")
    costs = pv.costs(w.c, choice)
    if costs:
        out.append(w.ui("preview.costs", what=_amounts(w, costs)))
    return " · ".join(out)


def _amounts(w: Words, pairs: list[tuple[str, float]]) -> str:
    return pv.amounts_in_words(w.c, pairs, w.lang)


def changes(w: Words, log: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What changed, and why: each reason once, then the meters it moved (as the window lists them)."""
    return [{"why": why, "rows": rows} for why, rows in pv.changes_in_words(w.c, log, w.lang)]


def estimate(play: Playthrough, w: Words, who: str | None, line: str = "ui.risk_line") -> dict[str, Any]:
    est = play.engine.estimate(who)
    return {"line": w.ui(line, risk=round(est.risk), low=round(est.low), high=round(est.high)),
            "drivers_title": w.ui("ui.drivers"),
            "drivers": [f"{w.var(d.var)}: {w.ui('ui.if_best', points=round(d.if_best))}" for d in est.drivers[:3]]}


def journal(play: Playthrough, lang: str) -> dict[str, Any]:
    w = Words(play.content, lang)
    e = play.engine
    people = []
    for who in e.subjects():
        values = e.values(who)
        meters = [{"name": w.t(spec.name), "value": round(values.get(var, 0))}
                  for var, spec in w.c.model.variables.items() if not (spec.kind == "fixed" and who is None)]
        people.append({"name": w.who(who), "meters": meters, "estimate": estimate(play, w, who)})
    return {"kind": "journal", "title": w.ui("text.journal"), "people": people, "model": model(w),
            "note": w.ui("ui.model_note")}


def ending(play: Playthrough, w: Words, room: str) -> dict[str, Any]:
    e = play.engine
    v = e.ending_view()
    out: dict[str, Any] = {"kind": "ending", "title": w.t(v.ending.title), "text": w.t(v.ending.text),
                           "estimate": None, "epilogues": [], "model": model(w)}
    if v.estimate is not None:
        out["estimate"] = estimate(play, w, None, "ending.estimate_line")
        out["estimate"]["title"] = w.ui("text.your_estimate")
    for who, ep, _est in v.epilogues:
        out["epilogues"].append({"name": w.who(who), "title": w.t(ep.title) if ep else "",
                                 "text": w.t(ep.text) if ep else "",
                                 "estimate": estimate(play, w, who, "ending.estimate_line")})
    out["epilogues_title"] = w.ui("text.epilogues")
    out["real_title"] = w.ui("ending.real_world")
    out["real"] = [fact(w, f) for f in figures.ending_figures(w.c, e.campaign)]
    out["debrief_title"] = w.ui("text.reflect")
    out["debrief"] = [w.t(q) for q in e.campaign.debrief]
    result = play.record.result
    out["code"] = w.ui("class.your_code", code=result["code"]) if result and result.get("code") else ""
    out["days"] = play.days_to_rewind_to() if room == "class" else []
    out["what_if"] = what_if(play, w)
    return out


def what_if(play: Playthrough, w: Words) -> dict[str, Any] | None:
    """After going back ("what if"): the two runs' risk day by day, as the window's chart draws it
    (`compare.risk_by_day` of the record's `earlier` and `result`), its axis, and the words around it."""
    record = play.record
    if record.earlier is None or record.result is None:
        return None
    runs = [(w.ui("class.run_first"), compare.risk_by_day(record.earlier)),
            (w.ui("class.run_second"), compare.risk_by_day(record.result))]
    lo, hi, step = compare.risk_axis([r for _label, pts in runs for _d, r in pts])
    return {"title": w.ui("ending.what_if_title"), "note": w.ui("ending.what_if_note"),
            "runs": [{"label": label, "points": [[d, round(r, 1)] for d, r in pts]} for label, pts in runs],
            "axis": {"lo": lo, "hi": hi, "step": step}, "risk_label": w.ui("report.risk_axis"),
            "day_label": w.ui("web.day"), "table_label": w.ui("web.what_if_table")}


def debrief(play: Playthrough, lang: str) -> dict[str, Any]:
    """The choices that moved the estimate most, and the questions for discussion."""
    w = Words(play.content, lang)
    history = [h for h in play.state.history if isinstance(h, dict) and "risk_after" in h and "risk_before" in h]
    lines = []
    for h in sorted(history, key=lambda h: -abs(h["risk_after"] - h["risk_before"]))[:5]:
        delta = h["risk_after"] - h["risk_before"]
        sc = w.c.scenes.get(h.get("scene", ""))
        ch = next((c for c in (sc.choices if sc else ()) if c.id == h.get("choice")), None)
        label = w.t(ch.text) if ch else str(h.get("choice"))
        lines.append(w.ui("class.move_line", day=h.get("day", 0), choice=label, points=f"{delta:+.1f}"))
    return {"kind": "debrief", "title": w.ui("class.debrief"), "moved_title": w.ui("class.moved_most"),
            "moved": lines, "moved_note": w.ui("class.moved_note"), "questions_title": w.ui("class.questions"),
            "questions": [w.t(q) for q in play.engine.campaign.debrief], "model": model(w)}


def feedback(play: Playthrough, lang: str, choice: Choice, offered: list[str]) -> dict[str, Any] | None:
    """Training: what the choice just taken followed and broke, and the experienced officer's choice."""
    w = Words(play.content, lang)
    c = play.content
    expert = shifts.expert_choice(play.engine.scene, offered)
    lines = [w.t(choice.feedback)] if getattr(choice, "feedback", None) else []
    for pid in choice.follows:
        if pid in c.principles:
            lines.append(w.ui("training.follows", name=w.t(c.principles[pid].name)))
    for pid in choice.breaks:
        if pid in c.principles:
            lines.append(w.ui("training.breaks", name=w.t(c.principles[pid].name)))
    if expert is not None and getattr(expert, "expert", None):
        if expert.id == choice.id:
            lines.append(w.ui("training.expert_same", why=w.t(expert.expert)))
        else:
            lines.append(w.ui("training.expert_other", choice=w.t(expert.text).rstrip(". "),
                              why=w.t(expert.expert)))
    if not lines:
        return None
    return {"kind": "feedback", "title": w.ui("training.feedback_title"), "lines": lines,
            "button": w.ui("ui.continue")}


def review(play: Playthrough, lang: str) -> dict[str, Any]:
    """Training's after-action review: each shift's principles, expert choices and residents' changes."""
    w = Words(play.content, lang)
    c = play.content
    out = []
    for s in shifts.shift_summaries(play.engine):
        rows = []
        followed = broken = 0
        for pid, (f, b) in s["principles"].items():
            name = w.t(c.principles[pid].name) if pid in c.principles else pid
            rows.append(w.ui("training.score", name=name, followed=f, broken=b))
            followed, broken = followed + f, broken + b
        res = []
        for who, change in s["residents"].items():
            moved = [w.ui("training.change_span", name=w.var(var), before=round(span[0]), after=round(span[-1]),
                          direction=w.ui("dayend.better" if w.c.model.is_improvement(var, span[-1] - span[0])
                                         else "dayend.worse"))
                     for var, span in (change.get("vars") or {}).items() if round(span[0]) != round(span[-1])]
            risk = change.get("risk") or [0, 0]
            res.append(w.ui("training.shift_resident", name=w.who(who), changes=", ".join(moved) or "–",
                            before=round(risk[0]), after=round(risk[-1])))
        scen = c.scenarios.get(s["scenario"]) if s.get("scenario") else None
        out.append({"head": w.ui("training.shift_head", day=s["day"], title=w.t(scen.title) if scen else ""),
                    "principles": rows,
                    "total": w.ui("training.shift_total", followed=followed, broken=broken, expert=s["expert"][0],
                                  judged=s["expert"][1]),
                    "residents_title": w.ui("training.shift_residents"), "residents": res})
    return {"kind": "review", "title": w.ui("training.review_title"), "shifts": out,
            "questions": [w.ui("training.q_expected"), w.ui("training.q_happened"), w.ui("training.q_why"),
                          w.ui("training.q_next")]}
