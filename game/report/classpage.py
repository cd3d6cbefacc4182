"""The class report: one page for all of a class's (or a training group's) results.

Per story played: how the final estimates spread, the endings reached, which choices were common,
which went with the biggest differences (as an association, never a cause), for training the
principles followed and broken; then the model's caveats, the questions, and what was left out.
"""

from __future__ import annotations

import time

from . import classparts, shiftparts, stats
from .gather import Skipped
from .markup import Words, esc, figure, page, para, section, table
from .parts import (about_section, campaign_title, choice_label, footer, principle_name, questions,
                    scene_label)
from .stats import Group, Run
from .students import one_per_student
from .svg import BAR, Marker, bars, diverging, risk_spread, timeline

TIMELINE_ROWS = 40
# (followed, broke) -> the mark in the timeline table; the same shapes' meaning as in the chart
SYMBOLS = {(True, False): "+", (False, True): "\u2212", (True, True): "\u00b1", (False, False): "\u00b7"}


def build_page(w: Words, files: list[Run], skipped: list[Skipped]) -> str:
    """The page for these results, counting one result per student (students.py)."""
    counted = one_per_student(files)
    runs = counted.runs
    groups = stats.group_runs(w.content, runs)
    training = all(r.data.get("mode") == "training" for r in runs)
    title = w.ui("report.title_training") if training else w.ui("report.title")
    sections = []
    toc = []
    for g in groups:
        hid = w.new_id("group")
        name = campaign_title(w, g.campaign, g.scenario)
        toc.append((hid, name))
        sections.append(section(hid, name, _group(w, g)))
    sessions = classparts.sessions(w, runs)
    if sessions:
        sections.insert(0, sessions)
        toc.insert(0, ("sessions", w.ui("report.sessions_title")))
    sections.append(about_section(w))
    toc.append(("about", w.ui("report.about")))
    left = classparts.not_counted(w, counted)
    if left:
        sections.append(left)
        toc.append(("not-counted", w.ui("report.not_counted")))
    if skipped:
        sections.append(_skipped(w, skipped))
        toc.append(("skipped", w.ui("report.skipped")))
    nav = (f'<nav aria-labelledby="toc"><h2 id="toc">{esc(w.ui("report.contents"))}</h2><ul>'
           + "".join(f'<li><a href="#{hid}">{esc(name)}</a></li>' for hid, name in toc) + "</ul></nav>")
    head = _header(w, title, runs, classparts.header_lines(w, counted, len(files)))
    body = f"{head}\n{nav}\n<main>\n" + "\n".join(sections) + f"\n</main>\n{footer(w)}"
    return page(w.lang, title, body)


def _header(w: Words, title: str, runs: list[Run], counts: list[str]) -> str:
    sessions = sorted({str(r.data["session"]) for r in runs if r.data.get("session")})
    lines = [w.ui("report.made", date=time.strftime("%Y-%m-%d")),
             w.ui("report.sessions", codes=", ".join(sessions)) if sessions else w.ui("report.no_session"),
             *counts]
    finished = sorted(str(r.data["finished"])[:10] for r in runs if isinstance(r.data.get("finished"), str))
    if finished:
        lines.append(w.ui("report.dates", first=finished[0], last=finished[-1]))
    coded = sum(1 for r in runs if r.from_code)
    if coded:
        lines.append(w.ui("report.from_codes", n=coded))
    # one line, so that the first screen on a projector shows the picture, not the metadata
    return f"<header><h1>{esc(title)}</h1>" + para(" · ".join(lines), "muted") + "</header>"


def _group(w: Words, g: Group) -> str:
    out = [para(w.ui("report.group_runs", n=len(g.runs)), "muted"), classparts.cut_short_note(w, g),
           _outcomes(w, g), classparts.characters(w, g), _endings(w, g)]
    camp = w.content.campaigns.get(g.campaign)
    if camp is not None and camp.subject == "characters":
        out.append(_residents(w, g))
    if stats.has_principles(g):
        out.append(_principles(w, g))
        out.append(shiftparts.trainees_table(w, g))
        out.append(_timeline(w, g))
    out.append(_common(w, g))
    out.append(_mattered(w, g))
    out.append(_discussion(w, g))
    return "".join(out)


def _h3(w: Words, text: str) -> str:
    return f'<h3 id="{w.new_id("part")}">{esc(text)}</h3>'


# -- outcomes ------------------------------------------------------------------------------------
def _outcomes(w: Words, g: Group) -> str:
    out = [_h3(w, w.ui("report.outcomes"))]
    values = [r.risk for r in g.runs if r.risk is not None]
    s = stats.spread(values)
    if s is None:
        return out[0] + para(w.ui("report.no_risk"))
    u = w.content.model.uncertainty
    markers = [Marker(s.mean, w.ui("report.marker", name=w.ui("report.mean"), value=w.pct(s.mean))),
               Marker(s.median, w.ui("report.marker", name=w.ui("report.median"), value=w.pct(s.median)), True)]
    band = (max(0.0, s.median - u), min(100.0, s.median + u))
    chart, dots = risk_spread(w, values, markers, band, w.ui("report.risk_chart"), w.ui("report.band", points=w.num(u)),
                              w.ui("report.risk_axis"), w.ui("report.playthroughs"))
    out.append(figure(chart, w.ui("report.risk_chart")))   # the picture first, then how to read it
    out.append(para(w.ui("report.outcomes_intro" if dots else "report.outcomes_bars")))
    camp = w.content.campaigns.get(g.campaign)
    if camp is not None and camp.subject == "characters":
        out.append(para(w.ui("report.outcomes_unit")))
    out.append(f'<p class="note">{esc(w.ui("report.band", points=w.num(u)))}</p>')
    out.append(table(w.ui("report.summary_caption"), [w.ui("report.playthroughs"), w.ui("report.mean"),
                     w.ui("report.median"), w.ui("report.lowest"), w.ui("report.highest")],
                     [[str(s.n), w.pct(s.mean), w.pct(s.median), w.pct(s.low), w.pct(s.high)]],
                     numeric=(1, 2, 3, 4)))
    filled = stats.bins(values)
    used = [i for i, b in enumerate(filled) if b[2]]
    rows = [[w.ui("report.range", low=w.pct(lo, 0), high=w.pct(hi - 1 if hi < 100 else 100, 0)), str(n),
             w.pct(100 * n / s.n)] for lo, hi, n in filled[used[0]:used[-1] + 1]]
    out.append(table(w.ui("report.bins_caption"), [w.ui("report.risk_range"), w.ui("report.count"),
                     w.ui("report.share")], rows, numeric=(1, 2)))
    return "".join(out)


def _endings(w: Words, g: Group) -> str:
    camp = w.content.campaigns.get(g.campaign)
    titles = {e.id: w.tr(e.title) for e in camp.endings} if camp else {}
    counts = stats.endings(w.content, g)
    total = len(g.runs)
    rows = []
    for eid, n in counts:
        label = titles.get(eid) or (w.ui("report.unknown", id=eid) if eid else w.ui("report.none"))
        rows.append((label, n, f"{n} ({w.pct(100 * n / total)})"))
    chart = bars(w, [(label, n, text) for label, n, text in rows], w.ui("report.endings_caption"))
    return (_h3(w, w.ui("report.endings")) + figure(chart, w.ui("report.endings_caption"))
            + table(w.ui("report.endings_caption"), [w.ui("report.ending"), w.ui("report.count"), w.ui("report.share")],
                    [[label, str(n), w.pct(100 * n / total)] for label, n, _ in rows], numeric=(1, 2)))


def _residents(w: Words, g: Group) -> str:
    rows = []
    for who, risk, eps in stats.residents(g):
        ch = w.content.characters.get(who)
        name = w.tr(ch.name) if ch else who
        total = sum(eps.values())
        ep_id, n = max(eps.items(), key=lambda kv: kv[1])
        ep = next((e for e in ch.epilogues if e.id == ep_id), None) if ch else None
        title = (w.tr(ep.title) if ep and ep.title else ep_id) or w.ui("report.none")
        rows.append([name, w.pct(risk), w.ui("report.epilogue_count", title=title, n=n, total=total)])
    if not rows:
        return ""
    return _h3(w, w.ui("report.residents")) + table(
        w.ui("report.residents_caption"), [w.ui("report.resident"), w.ui("report.mean_risk"), w.ui("report.epilogue")],
        rows, numeric=(1,))


# -- training ------------------------------------------------------------------------------------
def _principles(w: Words, g: Group) -> str:
    scores = stats.principle_scores(w.content, g)
    if not scores:
        return ""
    followed, broken = w.ui("report.followed"), w.ui("report.broken")
    chart = diverging(w, [(principle_name(w, s.principle), s.followed, s.broken) for s in scores],
                      w.ui("report.principles_caption"), w.ui("report.principles_intro"), followed, broken)
    rows = [[principle_name(w, s.principle), str(s.followed), str(s.broken), str(s.runs_followed), str(s.runs_broken)]
            for s in scores]
    return (_h3(w, w.ui("report.principles")) + para(w.ui("report.principles_intro"))
            + figure(chart, w.ui("report.principles_caption"))
            + table(w.ui("report.principles_caption"), [w.ui("report.principle"), followed, broken,
                    w.ui("report.runs_followed"), w.ui("report.runs_broken")], rows, numeric=(1, 2, 3, 4)))


def _timeline(w: Words, g: Group) -> str:
    runs = [r for r in g.runs if r.decisions()]
    if not runs:
        return ""
    rows, text_rows = [], []
    for i, run in enumerate(runs, 1):
        label = w.ui("report.run", n=i)
        marks = [(bool(f), bool(b)) for _, _, f, b in stats.marks(w.content, run)]
        rows.append((label, marks))
        symbols = [SYMBOLS[(f, b)] for f, b in marks]
        counts = [str(symbols.count(sym)) for sym in SYMBOLS.values()]
        text_rows.append([label, *counts, " ".join(symbols)])
    legend = [w.ui("report.followed"), w.ui("report.broken"), w.ui("report.mixed"), w.ui("report.no_principle")]
    chart = timeline(w, rows[:TIMELINE_ROWS], w.ui("report.timeline_caption"), w.ui("report.timeline_intro"), legend)
    out = [_h3(w, w.ui("report.timeline")), para(w.ui("report.timeline_intro")),
           figure(chart, w.ui("report.timeline_caption"))]
    if len(rows) > TIMELINE_ROWS:
        out.append(para(w.ui("report.timeline_more", shown=TIMELINE_ROWS, total=len(rows)), "muted"))
    head = [w.ui("report.playthroughs"), *(f"{sym} {name}" for sym, name in zip(SYMBOLS.values(), legend)),
            w.ui("report.decisions")]
    out.append(table(w.ui("report.timeline_caption"), head, text_rows, numeric=(1, 2, 3, 4), cls="sequence"))
    return "".join(out)


# -- choices -------------------------------------------------------------------------------------
def _bar_cell(share: float) -> str:
    width = max(0.0, min(1.0, share)) * 120
    return (f'<svg viewBox="0 0 120 12" width="120" height="12" aria-hidden="true" focusable="false">'
            f'<rect x="0" y="0" width="120" height="12" fill="none" stroke="#767676" />'
            f'<rect x="0" y="0" width="{width:.1f}" height="12" fill="{BAR}" /></svg>')


def _common(w: Words, g: Group) -> str:
    out = [_h3(w, w.ui("report.common"))]
    shares = stats.common_choices(g)
    if not shares:
        return out[0] + para(w.ui("report.no_choices"))
    out.append(para(w.ui("report.common_intro")))
    for sc in shares:
        rows = []
        for cid, n in sc.choices:
            share = n / sc.reached
            rows.append([esc(choice_label(w, sc.scene, cid)), str(n), esc(w.pct(100 * share, 0)), _bar_cell(share)])
        out.append(table(w.ui("report.scene_caption", scene=scene_label(w, sc.scene), n=sc.reached),
                         [w.ui("report.choice"), w.ui("report.count"), w.ui("report.share"), ""], rows,
                         numeric=(1, 2), raw=True))
    return "".join(out)


def _mattered(w: Words, g: Group) -> str:
    out = [_h3(w, w.ui("report.mattered"))]
    if not any(r.decisions() for r in g.runs):
        return ""
    rows = stats.associations(g)
    if not rows:
        return out[0] + para(w.ui("report.mattered_none", n=stats.MIN_SIDE))
    out.append(para(w.ui("report.mattered_intro", n=stats.MIN_SIDE)))
    out.append(f'<p class="note warn">{esc(w.ui("report.mattered_warning"))}</p>')
    body = []
    for a in rows:
        choice = (f'{esc(choice_label(w, a.scene, a.choice))}<br><span class="muted">'
                  f'{esc(scene_label(w, a.scene))}</span>')
        sign = "+" if a.difference > 0 else ""
        body.append([choice, esc(w.ui("report.mean_of", mean=w.pct(a.mean_with), n=a.n_with)),
                     esc(w.ui("report.mean_of", mean=w.pct(a.mean_without), n=a.n_without)),
                     esc(sign + w.num(a.difference, trim=False))])
    out.append(table(w.ui("report.mattered_caption"), [w.ui("report.choice"), w.ui("report.took"),
                     w.ui("report.did_not"), w.ui("report.difference")], body, numeric=(1, 2, 3), raw=True))
    return "".join(out)


# -- questions and left-out inputs ---------------------------------------------------------------
def _discussion(w: Words, g: Group) -> str:
    camp = w.content.campaigns.get(g.campaign)
    items: list[str] = []
    if camp is not None and not g.scenario:  # one scenario alone: the campaign's questions are about others
        items += [w.tr(q) for q in camp.debrief]
        for block in camp.blocks:
            items += [w.tr(q) for q in block.reflect]
    expected = ""
    if stats.is_training(g):
        items += [w.ui("report.q_supposed"), w.ui("report.q_happened"), w.ui("report.q_why"), w.ui("report.q_next")]
        scen = w.content.scenarios.get(g.scenario or "")
        if scen and scen.expected:
            expected = (f'<p class="note"><strong>{esc(w.ui("report.q_supposed"))}</strong> '
                        f'{esc(w.tr(scen.expected))}</p>')
    seen: set[str] = set()
    unique = [q for q in items if q and not (q in seen or seen.add(q))]
    body = questions(unique) if unique else para(w.ui("report.no_questions"))
    return _h3(w, w.ui("report.discussion")) + body + expected


def _skipped(w: Words, skipped: list[Skipped]) -> str:
    rows = [[s.name, w.ui(s.key) if s.key else w.ui("report.why_other")] for s in skipped]
    return section("skipped", w.ui("report.skipped"),
                   para(w.ui("report.skipped_intro"))
                   + table(w.ui("report.skipped_caption"), [w.ui("report.input"), w.ui("report.reason")], rows))
