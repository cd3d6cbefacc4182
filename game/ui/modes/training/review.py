"""The after-action review: four questions, answered with numbers that mean something for one shift.

1. What was supposed to happen? The scenario's expected course.
2. What happened? Shift by shift, each decision with the principles it followed and broke, the
   trainer's note, what an experienced officer would have done (unless feedback is off), and what
   it changed for each resident (trust +3, wellbeing -2); then the shift as a whole: principles
   followed and broken, how often the decision was the expert's, and how each resident's meters
   and estimate moved from the start of the shift to its end.
3. Why did it happen? The principles, each counted on its own (never one "you win"), and where the
   residents ended up.
4. What would you do next time?

The result and this page's HTML twin are saved by the mode when the run ends; the row says where,
or offers to save again.
"""

from __future__ import annotations

from typing import Any, Protocol

import pygame

from ....core.play.shifts import expert_choice, shift_summaries
from ...kit import Kit
from ...nav import MenuItem, Nav
from ...screens.panel import PanelScreen
from ..saving import SaveProblemScreen
from .screens import expert_line, principle_lines


class Reviewed(Protocol):
    """The training session as the review sees it (the mode holds it)."""

    review_path: str | None
    review_error: str | None

    def write_review(self, json_path: str) -> None: ...


def signed(kit: Kit, value: float) -> str:
    return ("+" if value > 0 else "") + kit.num(round(value, 1))


def decision_changes(kit: Kit, changes: dict[str, Any]) -> str:
    """'Ali: trust +3, wellbeing -2; Jonas: trust -1' for one decision's changes per resident."""
    parts = []
    for who, change in changes.items():
        moved = change.get("vars") or {}
        said = [kit.ui("training.change_var", name=kit.var_name(var), delta=signed(kit, pair[1] - pair[0]),
                       direction=direction(kit, var, pair[1] - pair[0]))
                for var, pair in moved.items() if isinstance(pair, list) and len(pair) == 2]
        if said:
            parts.append(kit.ui("training.change_who", name=_name(kit, who), changes=", ".join(said)))
    return "; ".join(parts)


def shift_resident_line(kit: Kit, who: str, change: dict[str, Any]) -> str:
    """'Ali: trust 40 to 46, wellbeing 52 to 50; estimate from 31.2% to 30.1%' over one shift."""
    moved = change.get("vars") or {}
    said = [kit.ui("training.change_span", name=kit.var_name(var), before=kit.num(round(pair[0])),
                   after=kit.num(round(pair[1])), direction=direction(kit, var, pair[1] - pair[0]))
            for var, pair in moved.items()]
    risk = change.get("risk") or [0.0, 0.0]
    return kit.ui("training.shift_resident", name=_name(kit, who), changes=", ".join(said),
                  before=kit.num(round(risk[0], 1)), after=kit.num(round(risk[1], 1)))


def direction(kit: Kit, var: str, delta: float) -> str:
    """'better' or 'worse': a higher peer pressure is worse, higher trust better (never by colour alone)."""
    return kit.ui("dayend.better" if kit.content.model.is_improvement(var, delta) else "dayend.worse")


def _name(kit: Kit, who: str) -> str:
    ch = kit.content.characters.get(who)
    return kit.tr(ch.name) if ch else who


class ReviewScreen(PanelScreen):
    """The after-action review of the run that just ended."""

    is_play = True
    margin = 24
    back_closes = False

    def __init__(self, nav: Nav, session: Reviewed | None = None):
        super().__init__(nav)
        assert nav.play is not None
        self.play = nav.play
        self.engine = nav.play.engine
        self.session = session
        self.summaries = shift_summaries(self.engine)   # the run is over: its shifts no longer change

    def row(self) -> list[MenuItem]:
        k = self.kit
        saved = bool(self.play.record.result_path) and self.play.record.result_error is None
        save = (k.ui("training.save_again" if saved else "training.export"), self.export, "save")
        return [save, (k.ui("training.epilogues"), self.epilogues, "peers"),
                (k.ui("training.back"), self.nav.to_title, "back")]

    def backdrop(self, surf: pygame.Surface) -> None:
        k = self.kit
        surf.blit(k.images.cover("places/officers_station.svg", (k.w, k.h)), (0, 0))

    def export(self) -> None:
        """Save (again): into the results folder, or, when that fails, wherever the trainee says."""
        folder = self.nav.settings.results_folder()
        path = self.play.write_result(folder)
        if path is None:
            self.nav.push(SaveProblemScreen(self.nav, self.play, folder, self.saved))
            return
        self.saved(path)

    def saved(self, path: str) -> None:
        if self.session is not None:
            self.session.write_review(path)
        self.layout()

    def epilogues(self) -> None:
        from ...screens.ending import EndingScreen
        self.nav.push(EndingScreen(self.nav))

    def scores(self) -> list[tuple[str, int, int]]:
        st = self.engine.state
        out = []
        for pid in self.kit.content.principles:
            f, b = st.principles.get(pid, (0, 0))
            if f or b:
                out.append((pid, f, b))
        return out

    # -- the column ---------------------------------------------------------------------------------
    def body(self, surf: pygame.Surface | None, x: int, y: int, w: int) -> int:
        k = self.kit
        y0 = y
        y += self.heading(surf, k.ui("training.review_title"), x, y)
        y += self._saved_note(surf, x, y, w)
        y = self._expected(surf, x, y, w)
        y = self._happened(surf, x, y, w)
        y = self._why(surf, x, y, w)
        y += k.px(14)
        y += self.heading(surf, k.ui("training.q_next"), x, y, "body_bold")
        y += k.paragraphs(surf, k.ui("training.next_prompt"), "body", k.theme.text, x, y, w, self.scroll_rect)
        return y - y0 + k.px(10)

    def _saved_note(self, surf: pygame.Surface | None, x: int, y: int, w: int) -> int:
        k = self.kit
        record = self.play.record
        lines = []
        if record.trainee:
            lines.append(k.ui("training.trainee", id=record.trainee))
        if record.result_error is not None:
            lines.append(k.ui("training.export_failed", problem=record.result_error))
        elif record.result_path:
            page = self.session.review_path if self.session else None
            lines.append(k.ui("training.exported", json=record.result_path, html=page) if page
                         else k.ui("saving.saved", path=record.result_path))
            if self.session is not None and self.session.review_error:
                lines.append(k.ui("training.export_failed", problem=self.session.review_error))
        h = 0
        for line in lines:
            h += k.paragraphs(surf, line, "small", k.theme.muted, x, y + h, w, self.scroll_rect)
        return h + (k.px(10) if lines else 0)

    def _expected(self, surf: pygame.Surface | None, x: int, y: int, w: int) -> int:
        k = self.kit
        y += self.heading(surf, k.ui("training.q_expected"), x, y, "body_bold")
        for summary in self.summaries:
            scen = k.content.scenarios.get(summary.get("scenario") or "")
            if scen is None:
                continue
            text = f"{k.tr(scen.title)}: {k.tr(scen.expected) or k.ui('training.no_expected')}"
            y += k.paragraphs(surf, text, "body", k.theme.text, x, y, w, self.scroll_rect) + k.px(6)
        return y

    def _happened(self, surf: pygame.Surface | None, x: int, y: int, w: int) -> int:
        k = self.kit
        th = k.theme
        clip = self.scroll_rect
        notes = self.nav.settings.feedback != "off"
        inset, small_w = x + k.px(24), w - k.px(24)
        y += k.px(8) + self.heading(surf, k.ui("training.q_happened"), x, y + k.px(8), "body_bold")
        for summary in self.summaries:
            day = summary["day"]
            scen = k.content.scenarios.get(summary.get("scenario") or "")
            title = k.ui("training.shift_head", day=day, title=k.tr(scen.title) if scen else "")
            y += k.paragraphs(surf, title, "body_bold", th.heading, x, y, w, clip) + k.px(4)
            for h in self.engine.state.history:
                if h.get("day") != day or h.get("choice") == "continue":
                    continue
                scene = k.content.scenes.get(h["scene"])
                choice = next((c for c in scene.choices if c.id == h["choice"]), None) if scene else None
                y += k.paragraphs(surf, "• " + k.choice_label(h["scene"], h["choice"]), "body", th.text, x, y, w, clip)
                lines = principle_lines(k, choice) if choice else []
                if notes and choice is not None and choice.feedback:
                    lines.append(k.tr(choice.feedback))
                if notes:
                    said = expert_line(k, h["choice"], expert_choice(scene, h.get("offered")))
                    if said:
                        lines.append(said)
                changed = decision_changes(k, h.get("residents") or {})
                lines.append(k.ui("training.changed", changes=changed) if changed else k.ui("training.changed_none"))
                for line in lines:
                    y += k.paragraphs(surf, line, "small", th.text, inset, y, small_w, clip)
                y += k.px(8)
            y = self._shift_total(surf, summary, inset, y, small_w) + k.px(12)
        return y

    def _shift_total(self, surf: pygame.Surface | None, summary: dict[str, Any], x: int, y: int, w: int) -> int:
        k = self.kit
        th = k.theme
        clip = self.scroll_rect
        followed = sum(p[0] for p in summary["principles"].values())
        broken = sum(p[1] for p in summary["principles"].values())
        expert, judged = summary["expert"]
        y += k.paragraphs(surf, k.ui("training.shift_total", followed=followed, broken=broken, expert=expert,
                                     judged=judged), "body_bold", th.text, x, y, w, clip)
        if summary["residents"]:
            y += k.paragraphs(surf, k.ui("training.shift_residents"), "small", th.muted, x, y, w, clip)
        for who, change in summary["residents"].items():
            y += k.paragraphs(surf, "• " + shift_resident_line(k, who, change), "small", th.text, x, y, w, clip)
        return y

    def _why(self, surf: pygame.Surface | None, x: int, y: int, w: int) -> int:
        k = self.kit
        th = k.theme
        clip = self.scroll_rect
        e = self.engine
        y += self.heading(surf, k.ui("training.q_why"), x, y, "body_bold")
        y += k.paragraphs(surf, k.ui("training.scores_intro"), "small", th.muted, x, y, w, clip) + k.px(6)
        groups: dict[str, list[tuple[str, int, int]]] = {}
        for pid, f, b in self.scores():
            groups.setdefault(k.content.principles[pid].group, []).append((pid, f, b))
        for group, rows in groups.items():
            y += k.paragraphs(surf, k.ui(f"training.group_{group}"), "body_bold", th.text, x, y, w, clip)
            for pid, f, b in rows:
                name = k.tr(k.content.principles[pid].name)
                y += k.paragraphs(surf, k.ui("training.score", name=name, followed=f, broken=b), "small", th.text,
                                  x + k.px(24), y, w - k.px(24), clip)
            y += k.px(6)
        for who in e.campaign.residents:
            if who in e.state.chars:
                est = e.estimate(who)
                trust = round(e.state.chars[who].get("trust", 0))
                y += k.paragraphs(surf, k.ui("training.resident", name=_name(k, who), trust=trust,
                                             risk=round(est.risk)), "small", th.text, x, y, w, clip)
        return y
