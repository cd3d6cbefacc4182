"""One run on one page: the after-action review a trainee takes away from a training scenario.

The timeline of decisions with their texts, what each changed, the principles followed and broken,
the trainer's feedback, the scenario's expected course, and the four review questions: what was
supposed to happen, what happened, why, and what to do next time.
"""

from __future__ import annotations

import os
from typing import Any

from ..core.content import Content
from ..core.files import write_atomic
from ..core.play.shifts import mark
from . import shiftparts, stats
from .markup import Words, esc, figure, page, para, paras, section, table
from .parts import about_section, campaign_title, choice_label, footer, principle_name, scene_label
from .svg import risk_line


def export_run_html(content: Content, result: dict[str, Any], path: str, lang: str | None = None) -> str:
    """Write a self-contained page for one result (as built by core.results.build); returns the path."""
    w = Words(content, lang if lang in content.languages else content.default_lang)
    text = run_page(w, result)
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    write_atomic(path, text.encode("utf-8"))
    return path


def run_page(w: Words, result: dict[str, Any]) -> str:
    campaign, scenario = result.get("campaign", ""), result.get("scenario")
    camp = w.content.campaigns.get(campaign)
    scen = w.content.scenarios.get(scenario or "")
    name = w.tr(scen.title) if scen else (w.tr(camp.title) if camp else campaign)
    title = w.ui("report.run_title", title=name)
    run = stats.Run("", result)
    lines = []
    if result.get("finished"):
        lines.append(w.ui("report.run_finished", when=result["finished"]))
    lines.append(w.ui("report.sessions", codes=result["session"]) if result.get("session")
                 else campaign_title(w, campaign, scenario))
    prof = next((p for p in camp.profiles if p.id == result.get("profile")), None) if camp else None
    if prof is not None:
        lines.append(w.ui("report.run_profile", name=w.tr(prof.name)))
    if isinstance(result.get("trainee"), str) and result["trainee"]:
        lines.append(w.ui("report.run_trainee", id=result["trainee"]))
    if result.get("cut_short") is True:
        lines.append(w.ui("report.run_cut_short"))
    header = f"<header><h1>{esc(title)}</h1>" + "".join(para(x) for x in lines) + "</header>"
    situation = w.tr(scen.summary) if scen else (w.tr(camp.summary) if camp else "")
    shifts = shiftparts.summaries(result)
    by_shift = section("shifts", w.ui("report.shifts"), para(w.ui("report.shifts_intro"))
                       + "".join(shiftparts.shift_block(w, s) for s in shifts)) if shifts else ""
    parts = [section("situation", w.ui("report.run_situation"), paras(situation)) if situation else "",
             _decisions(w, run), by_shift, _principles(w, result), _outcome(w, result), _review(w, run),
             about_section(w, comparison=False)]
    return page(w.lang, title, f"{header}\n<main>\n" + "\n".join(p for p in parts if p) + f"\n</main>\n{footer(w)}")


def _why(choice) -> Any:
    if choice.why:
        return choice.why
    return next((e.why for e in choice.effects if e.why), None)


def _decisions(w: Words, run: stats.Run) -> str:
    history = [h for h in run.data.get("choices", []) if isinstance(h, dict) and h.get("choice") != "continue"]
    if not history:
        return section("decisions", w.ui("report.run_decisions"), para(w.ui("report.run_no_decisions")))
    camp = w.content.campaigns.get(run.data.get("campaign", ""))
    officer = camp is not None and camp.subject == "characters"
    items, rows = [], []
    for i, h in enumerate(history, 1):
        scene, cid = str(h.get("scene", "")), str(h.get("choice", ""))
        choice = stats.choice_of(w.content, scene, cid)
        label = choice_label(w, scene, cid)
        if officer:  # the unit's average estimate barely moves in a shift: what each resident felt does
            change = shiftparts.decision_changes(w, h.get("residents")) or w.ui("report.run_no_change")
        else:
            before, after = _number(h.get("risk_before")), _number(h.get("risk_after"))
            change = w.ui("report.run_change_value", before=w.pct(before), after=w.pct(after))
        follows = [principle_name(w, p) for p in choice.follows] if choice else []
        breaks = [principle_name(w, p) for p in choice.breaks] if choice else []
        expert = shiftparts.expert_text(w, mark(w.content, h)) if officer else ""
        rows.append([str(i), label, ", ".join(follows), ", ".join(breaks), change])
        day = h.get("day", "")
        when = w.ui("report.run_shift", day=day) if officer else w.ui("report.run_when", day=day)
        card = [f'<li><h3 id="{w.new_id("decision")}">{esc(when)}: '
                f'{esc(label)}</h3>', para(scene_label(w, scene), "muted")]
        why = _why(choice) if choice else None
        if why:
            card.append(f'<p><strong>{esc(w.ui("report.run_what"))}:</strong> {esc(w.tr(why))}</p>')
        if follows:
            card.append(f'<p><strong>{esc(w.ui("report.followed"))}:</strong> {esc(", ".join(follows))}</p>')
        if breaks:
            card.append(f'<p><strong>{esc(w.ui("report.broken"))}:</strong> {esc(", ".join(breaks))}</p>')
        if choice and choice.feedback:
            card.append(f'<p class="note"><strong>{esc(w.ui("report.run_feedback"))}:</strong> '
                        f'{esc(w.tr(choice.feedback))}</p>')
        if expert:
            card.append(f'<p class="note"><strong>{esc(w.ui("report.expert"))}:</strong> {esc(expert)}</p>')
        heading = w.ui("report.run_changed" if officer else "report.run_change")
        card.append(f'<p><strong>{esc(heading)}:</strong> {esc(change)}</p></li>')
        items.append("".join(card))
    head = ["#", w.ui("report.choice"), w.ui("report.followed"), w.ui("report.broken"),
            w.ui("report.run_changed" if officer else "report.run_change")]
    decisions = table(w.ui("report.run_decisions_caption"), head, rows, numeric=() if officer else (4,))
    if not officer:
        points = [_number(history[0].get("risk_before"))] + [_number(h.get("risk_after")) for h in history]
        chart = risk_line(w, points, w.ui("report.run_risk_chart"), w.ui("report.run_decisions_caption"),
                          w.ui("report.risk_axis"), w.ui("report.decisions"))
        decisions = figure(chart, w.ui("report.run_risk_chart")) + decisions
    body = decisions + '<ol class="decisions">' + "".join(items) + "</ol>"
    return section("decisions", w.ui("report.run_decisions"), body)


def _number(value: Any) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def _principles(w: Words, result: dict[str, Any]) -> str:
    scores = result.get("principles") or {}
    order = list(w.content.principles)
    rows = []
    for pid in sorted(scores, key=lambda p: order.index(p) if p in order else len(order)):
        pair = scores[pid]
        if isinstance(pair, list) and len(pair) == 2 and (pair[0] or pair[1]):
            rows.append([principle_name(w, pid), str(pair[0]), str(pair[1])])
    if not rows:
        return ""
    return section("principles", w.ui("report.principles"), para(w.ui("report.principles_intro"))
                   + table(w.ui("report.run_principles_caption"), [w.ui("report.principle"), w.ui("report.followed"),
                           w.ui("report.broken")], rows, numeric=(1, 2)))


def _outcome(w: Words, result: dict[str, Any]) -> str:
    end = result.get("end") or {}
    camp = w.content.campaigns.get(result.get("campaign", ""))
    body = []
    ending = next((e for e in camp.endings if e.id == end.get("ending")), None) if camp else None
    if ending is not None and not result.get("scenario"):
        body.append(f"<h3>{esc(w.tr(ending.title))}</h3>" + paras(w.tr(ending.text)))
    if isinstance(end.get("risk"), (int, float)):
        u = w.content.model.uncertainty
        risk = float(end["risk"])
        low, high = float(end.get("low", max(0.0, risk - u))), float(end.get("high", min(100.0, risk + u)))
        if end.get("residents"):
            body.append(para(w.ui("report.outcomes_unit")))
        body.append(para(w.ui("report.run_final", risk=w.pct(risk), low=w.pct(low), high=w.pct(high))))
    rows = []
    for who, r in (end.get("residents") or {}).items():
        ch = w.content.characters.get(who)
        ep = next((e for e in ch.epilogues if e.id == r.get("epilogue")), None) if ch else None
        rows.append([w.tr(ch.name) if ch else who, w.pct(float(r.get("risk", 0.0))),
                     (w.tr(ep.title) if ep and ep.title else r.get("epilogue")) or w.ui("report.none")])
    if rows:
        body.append(table(w.ui("report.run_residents_caption"), [w.ui("report.resident"), w.ui("report.run_risk"),
                          w.ui("report.run_epilogue")], rows, numeric=(1,)))
    return section("outcome", w.ui("report.run_outcome"), "".join(body)) if body else ""


def _scenarios_played(w: Words, run: stats.Run) -> list[str]:
    if run.data.get("scenario"):
        return [run.data["scenario"]]
    camp = w.content.campaigns.get(run.data.get("campaign", ""))
    order = [d.scenario for b in camp.blocks for d in b.days if d.scenario] if camp else []
    days = sorted({h.get("day") for h in run.data.get("choices", []) if isinstance(h, dict)
                   and isinstance(h.get("day"), int)})
    return [order[d - 1] for d in days if 1 <= d <= len(order)]


def _review(w: Words, run: stats.Run) -> str:
    expected = []
    for sid in _scenarios_played(w, run):
        scen = w.content.scenarios.get(sid)
        text = w.tr(scen.expected if scen else None) or w.ui("report.no_expected")
        expected.append(f'<p><strong>{esc(w.tr(scen.title if scen else None) or sid)}:</strong> {esc(text)}</p>')
    followed = sum(p[0] for p in (run.data.get("principles") or {}).values() if isinstance(p, list) and len(p) == 2)
    broken = sum(p[1] for p in (run.data.get("principles") or {}).values() if isinstance(p, list) and len(p) == 2)
    box = '<div class="answer" aria-hidden="true"></div>'
    body = [f'<h3 id="{w.new_id("q")}">1. {esc(w.ui("report.q_supposed"))}</h3>',
            "".join(expected) or para(w.ui("report.no_expected")),
            f'<h3 id="{w.new_id("q")}">2. {esc(w.ui("report.q_happened"))}</h3>',
            para(w.ui("report.q_happened_answer", followed=followed, broken=broken)),
            f'<h3 id="{w.new_id("q")}">3. {esc(w.ui("report.q_why"))}</h3>', para(w.ui("report.q_why_hint")), box,
            f'<h3 id="{w.new_id("q")}">4. {esc(w.ui("report.q_next"))}</h3>', para(w.ui("report.q_next_hint")), box]
    return section("review", w.ui("report.review"), "".join(body))
