"""Parts of the class report about who is counted: students (not files), characters, sessions.

* The header counts students: one result each (students.py), with copies of a file and a student's
  other runs named in "Files not counted", and runs cut short ("finish now") said.
* Per story, "By character": how many students played each character and how their estimates
  spread, so outcomes of different lives are not read as one.
* With more than one session code, "Sessions side by side": each code's students and outcomes per
  story, never merged in silence.
"""

from __future__ import annotations

from . import stats
from .markup import Words, esc, para, section, table
from .parts import campaign_title
from .stats import Group, Run
from .students import Counted, is_cut_short


def header_lines(w: Words, counted: Counted, files: int) -> list[str]:
    lines = [w.ui("report.students_total", n=len(counted.runs), files=files)]
    if counted.copies:
        lines.append(w.ui("report.copies", n=len(counted.copies)))
    if counted.reruns:
        lines.append(w.ui("report.reruns", n=len(counted.reruns)))
    if counted.cut_short:
        lines.append(w.ui("report.cut_short_total", n=len(counted.cut_short)))
    return lines


def characters(w: Words, g: Group) -> str:
    """Students by the character they played (a story that follows the player: its profiles)."""
    camp = w.content.campaigns.get(g.campaign)
    if camp is None or not camp.profiles:
        return ""
    names = {p.id: w.tr(p.name) for p in camp.profiles}
    rows = []
    for pid in [p.id for p in camp.profiles] + sorted({str(r.data.get("profile")) for r in g.runs} - set(names)):
        runs = [r for r in g.runs if str(r.data.get("profile")) == pid]
        if not runs:
            continue
        s = stats.spread([r.risk for r in runs if r.risk is not None])
        cut = sum(1 for r in runs if is_cut_short(r))
        rows.append([names.get(pid, pid), str(len(runs)), w.pct(s.mean) if s else "\u2013",
                     w.pct(s.median) if s else "\u2013", str(cut)])
    return (f'<h3 id="{w.new_id("part")}">{esc(w.ui("report.by_character"))}</h3>'
            + para(w.ui("report.by_character_intro"))
            + table(w.ui("report.by_character_caption"), [w.ui("report.character"), w.ui("report.students"),
                    w.ui("report.mean"), w.ui("report.median"), w.ui("report.cut_short")], rows,
                    numeric=(1, 2, 3, 4)))


def cut_short_note(w: Words, g: Group) -> str:
    cut = [r for r in g.runs if is_cut_short(r)]
    if not cut:
        return ""
    return para(w.ui("report.group_cut_short", n=len(cut), files=", ".join(r.source for r in cut)), "note")


def sessions(w: Words, runs: list[Run]) -> str:
    """Each session code's students and mean estimate per story, side by side."""
    codes = sorted({str(r.data.get("session") or "") for r in runs})
    if len(codes) < 2:
        return ""
    groups = stats.group_runs(w.content, runs)
    head = [w.ui("report.session"), w.ui("report.students"), w.ui("report.cut_short")]
    head += [campaign_title(w, g.campaign, g.scenario) for g in groups]
    rows = []
    for code in codes:
        own = [r for r in runs if str(r.data.get("session") or "") == code]
        row = [code or w.ui("report.no_code"), str(len(own)), str(sum(1 for r in own if is_cut_short(r)))]
        for g in groups:
            values = [r.risk for r in g.runs if str(r.data.get("session") or "") == code and r.risk is not None]
            s = stats.spread(values)
            row.append(w.ui("report.mean_of", mean=w.pct(s.mean), n=s.n) if s else "\u2013")
        rows.append(row)
    return section("sessions", w.ui("report.sessions_title"),
                   para(w.ui("report.sessions_intro"))
                   + table(w.ui("report.sessions_caption"), head, rows, numeric=tuple(range(1, len(head)))))


def not_counted(w: Words, counted: Counted) -> str:
    rows = [[copy.source, w.ui("report.why_copy", file=kept.source)] for copy, kept in counted.copies]
    rows += [[other.source, w.ui("report.why_rerun", file=kept.source)] for other, kept in counted.reruns]
    if not rows:
        return ""
    return section("not-counted", w.ui("report.not_counted"),
                   para(w.ui("report.not_counted_intro"))
                   + table(w.ui("report.not_counted_caption"), [w.ui("report.input"), w.ui("report.reason")], rows))
