"""Training's pieces of the report pages: what one decision changed for each resident, the expert's
choice beside the trainee's, one shift's summary, and the trainees side by side shift by shift.

A two-year estimate averaged over the unit barely moves in a shift, so these pages never show a
shift as "32.8% to 32.8%": they show each resident's meters (trust +3, wellbeing 52 to 50) and own
estimate, the principles counted one by one, and how often the trainee chose as an experienced
officer would.
"""

from __future__ import annotations

from typing import Any

from ..core.play.shifts import Mark
from .markup import Words, esc, para, table
from .parts import choice_label, principle_name
from .stats import Group, Run


def _name(w: Words, who: str) -> str:
    ch = w.content.characters.get(who)
    return w.tr(ch.name) if ch else who


def _var(w: Words, var: str) -> str:
    spec = w.content.model.variables.get(var)
    return w.tr(spec.name) if spec else var


def _direction(w: Words, var: str, delta: float) -> str:
    return w.ui("report.better" if w.content.model.is_improvement(var, delta) else "report.worse")


def _pair(value: Any) -> tuple[float, float] | None:
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                                           for v in value):
        return float(value[0]), float(value[1])
    return None


def decision_changes(w: Words, changes: Any) -> str:
    """'Ali: trust +3, wellbeing −2; Jonas: trust −1' (what one decision changed), or ''."""
    parts = []
    for who, change in (changes.items() if isinstance(changes, dict) else ()):
        moved = change.get("vars") if isinstance(change, dict) else None
        said = []
        for var, value in (moved.items() if isinstance(moved, dict) else ()):
            pair = _pair(value)
            if pair is not None:
                delta = pair[1] - pair[0]
                shown = ("+" if delta > 0 else "") + w.num(delta)
                said.append(w.ui("report.change_var", name=_var(w, var), delta=shown,
                                 direction=_direction(w, var, delta)))
        if said:
            parts.append(f"{_name(w, str(who))}: {', '.join(said)}")
    return "; ".join(parts)


def expert_text(w: Words, m: Mark) -> str:
    """What an experienced officer would have done at this decision ('' when the scene says nothing)."""
    if m.expert is None:
        return ""
    scene = w.content.scenes.get(m.scene)
    expert = next((c for c in scene.choices if c.id == m.expert), None) if scene else None
    why = w.tr(expert.expert) if expert is not None and expert.expert else ""
    if m.as_expert:
        return w.ui("report.expert_same", why=why)
    return w.ui("report.expert_other", choice=choice_label(w, m.scene, m.expert).rstrip(". "), why=why)


def summaries(result: dict[str, Any]) -> list[dict[str, Any]]:
    """The result's shift summaries, each checked for the fields the pages read."""
    out = []
    for s in result.get("shifts") or []:
        if not (isinstance(s, dict) and isinstance(s.get("day"), int)):
            continue
        expert = s.get("expert")
        principles = s.get("principles")
        out.append({"day": s["day"], "scenario": s.get("scenario") if isinstance(s.get("scenario"), str) else None,
                    "principles": {str(k): v for k, v in principles.items() if _pair(v)}
                    if isinstance(principles, dict) else {},
                    "expert": _pair(expert) or (0, 0),
                    "residents": s.get("residents") if isinstance(s.get("residents"), dict) else {}})
    return out


def totals(summary: dict[str, Any]) -> tuple[int, int, int, int]:
    """(followed, broken, the expert's choices, decisions whose scene marks one) of one shift."""
    followed = sum(int(p[0]) for p in summary["principles"].values())
    broken = sum(int(p[1]) for p in summary["principles"].values())
    return followed, broken, int(summary["expert"][0]), int(summary["expert"][1])


def shift_title(w: Words, summary: dict[str, Any]) -> str:
    scen = w.content.scenarios.get(summary.get("scenario") or "")
    return w.ui("report.shift_title", day=summary["day"], title=w.tr(scen.title) if scen else "")


def shift_block(w: Words, summary: dict[str, Any]) -> str:
    """One shift of one run: its totals and how each resident's meters and estimate moved."""
    followed, broken, expert, judged = totals(summary)
    out = [f"<h3>{esc(shift_title(w, summary))}</h3>",
           para(w.ui("report.shift_totals", followed=followed, broken=broken, expert=expert, judged=judged))]
    rows = []
    for who, change in summary["residents"].items():
        if not isinstance(change, dict):
            continue
        moved = change.get("vars") if isinstance(change.get("vars"), dict) else {}
        spans = [w.ui("report.span", name=_var(w, var), before=w.num(pair[0], 0), after=w.num(pair[1], 0),
                      direction=_direction(w, var, pair[1] - pair[0]))
                 for var, value in moved.items() if (pair := _pair(value)) is not None]
        risk = _pair(change.get("risk"))
        rows.append([_name(w, str(who)), "; ".join(spans),
                     w.ui("report.run_change_value", before=w.pct(risk[0]), after=w.pct(risk[1])) if risk else ""])
    if rows:
        out.append(table(w.ui("report.shift_residents_caption"), [w.ui("report.resident"), w.ui("report.meters"),
                         w.ui("report.run_change")], rows))
    else:
        out.append(para(w.ui("report.shift_no_change"), "muted"))
    principles = sorted(summary["principles"].items(), key=lambda kv: _order(w, kv[0]))
    if principles:
        out.append(table(w.ui("report.run_principles_caption"), [w.ui("report.principle"), w.ui("report.followed"),
                         w.ui("report.broken")], [[principle_name(w, p), str(v[0]), str(v[1])] for p, v in principles],
                         numeric=(1, 2)))
    return "".join(out)


def _order(w: Words, pid: str) -> int:
    order = list(w.content.principles)
    return order.index(pid) if pid in order else len(order)


# -- the group report: trainees side by side --------------------------------------------------------
def trainee_label(run: Run, number: int, w: Words) -> str:
    trainee = run.data.get("trainee")
    return str(trainee) if isinstance(trainee, str) and trainee else w.ui("report.trainee_n", n=number)


def trainees_table(w: Words, g: Group) -> str:
    """Every trainee's runs, shift by shift: principles followed and broken, the expert's choices,
    and how much the residents' trust moved; so a trainer sees who did what on which shift."""
    rows = []
    for i, run in enumerate(g.runs, 1):
        for summary in summaries(run.data):
            followed, broken, expert, judged = totals(summary)
            trust = [(_pair(c.get("vars", {}).get("trust")) if isinstance(c, dict) and isinstance(c.get("vars"), dict)
                      else None) for c in summary["residents"].values()]
            moved = sum(p[1] - p[0] for p in trust if p is not None)
            rows.append([trainee_label(run, i, w), shift_title(w, summary), str(followed), str(broken),
                         w.ui("report.of", n=expert, total=judged), ("+" if moved > 0 else "") + w.num(moved)])
    if not rows:
        return ""
    return (f"<h3>{esc(w.ui('report.trainees'))}</h3>" + para(w.ui("report.trainees_intro"))
            + table(w.ui("report.trainees_caption"), [w.ui("report.trainee"), w.ui("report.shift"),
                    w.ui("report.followed"), w.ui("report.broken"), w.ui("report.expert_choices"),
                    w.ui("report.trust_moved")], rows, numeric=(2, 3, 4, 5)))
