"""Officer training's screens: the scenario list, feedback after a decision, and the after-action
review scored per principle, never as one "you win"."""

from __future__ import annotations

import logging

import pygame

from ....core.play.campaigns import campaign_for_role
from ...nav import Host, MenuItem, Nav
from ...screen import MenuScreen
from ...screens.panel import PanelScreen
from ..base import ModeMenuScreen

log = logging.getLogger("neighbour.training")
FEEDBACK = ("each", "end", "off")


def officer_campaign(content) -> str | None:
    return campaign_for_role(content, "officer")


def principle_lines(kit, choice) -> list[str]:
    out = []
    for pid in choice.follows:
        p = kit.content.principles.get(pid)
        if p:
            out.append(kit.ui("training.follows", name=kit.tr(p.name)))
    for pid in choice.breaks:
        p = kit.content.principles.get(pid)
        if p:
            out.append(kit.ui("training.breaks", name=kit.tr(p.name)))
    return out


class FeedbackScreen(MenuScreen):
    """After a decision: the trainer's feedback and the principles it followed or broke."""

    def __init__(self, nav: Nav, choice):
        k = nav.kit
        parts = [k.tr(choice.feedback)] if choice.feedback else []
        parts += ["• " + line for line in principle_lines(k, choice)]
        super().__init__(nav, k.ui("training.feedback_title"), [(k.ui("ui.continue"), lambda: self.close(True))],
                         body="\n\n".join(parts), back=lambda: self.close(True), icons=["check"], width=900)
        self.choice = choice


class ScenarioListScreen(ModeMenuScreen):
    home_mode = "training"

    def __init__(self, host: Host):
        super().__init__(host)

    def layout(self) -> None:
        k = self.kit
        campaign = officer_campaign(k.content)
        items, icons, notes = [], [], []
        fb = self.nav.settings.feedback
        items.append((k.ui("training.feedback", value=k.ui(f"training.feedback_{fb}")), self.next_feedback))
        icons.append("info")
        notes.append("")
        if campaign:
            items.append((k.ui("training.whole_set"), lambda: self.start(None)))
            icons.append("star")
            notes.append(k.tr(k.content.campaigns[campaign].summary))
        for sid, scen in k.content.scenarios.items():
            items.append((k.tr(scen.title), lambda s=sid: self.start(s)))
            icons.append("journal")
            notes.append(k.tr(scen.summary))
        items.append((k.ui("ui.back"), self.leave))
        icons.append("back")
        notes.append("")
        self.menu = MenuScreen(self.nav, k.ui("training.title"), items, body=k.ui("training.intro"), modal=True,
                               icons=icons, notes=notes, width=1100)
        self.adopt(self.menu)

    def next_feedback(self) -> None:
        fb = self.nav.settings.feedback
        self.nav.settings.feedback = FEEDBACK[(FEEDBACK.index(fb) + 1) % len(FEEDBACK)] if fb in FEEDBACK else "each"
        self.nav.settings.save()
        self.layout()

    def start(self, scenario: str | None) -> None:
        campaign = officer_campaign(self.kit.content)
        if campaign:
            self.nav.new_game(campaign, scenario=scenario)

    def draw(self, surf: pygame.Surface) -> None:
        k = self.kit
        surf.blit(k.images.cover("places/officers_station.svg", (k.w, k.h)), (0, 0))
        self.menu.focus = self.focus
        self.menu.draw(surf)


class ReviewScreen(PanelScreen):
    """The after-action review: a timeline of decisions, the four questions, scores per principle."""

    is_play = True
    margin = 24
    back_closes = False

    def __init__(self, nav: Nav):
        super().__init__(nav)
        assert nav.play is not None
        self.play = nav.play
        self.engine = nav.play.engine

    def row(self) -> list[MenuItem]:
        k = self.kit
        return [(k.ui("training.export"), self.export, "save"), (k.ui("training.epilogues"), self.epilogues, "peers"),
                (k.ui("training.back"), self.nav.to_title, "back")]

    def backdrop(self, surf: pygame.Surface) -> None:
        k = self.kit
        surf.blit(k.images.cover("places/officers_station.svg", (k.w, k.h)), (0, 0))

    def export(self) -> None:
        from ...screens.messages import MessageScreen
        k = self.kit
        path = self.play.write_result(self.nav.settings.results_folder())
        if path is None:
            message = k.ui("training.export_failed", problem=self.play.record.result_error or "")
        else:
            try:
                from ....report import export_run_html
                html = path[:-5] + ".html"
                export_run_html(k.content, self.play.result(), html, k.lang)
                message = k.ui("training.exported", json=path, html=html)
            except Exception as exc:  # noqa: BLE001 - a failed export is reported, never fatal
                log.warning("export failed: %s", exc)
                message = k.ui("training.export_failed", problem=str(exc))
        self.nav.push(MessageScreen(self.nav, k.ui("training.export"), message))

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

    def body(self, surf: pygame.Surface | None, x: int, y: int, w: int) -> int:
        k = self.kit
        th = k.theme
        e = self.engine
        y0 = y
        clip = self.scroll_rect
        show_feedback = self.nav.settings.feedback != "off"

        def head(text: str, role: str = "heading") -> None:
            nonlocal y
            if surf:
                k.text(surf, text, role, th.heading, (x, y))
            y += k.line_height(role) + k.px(6)
        head(k.ui("training.review_title"))
        # 1. what was supposed to happen
        head(k.ui("training.q_expected"), "body_bold")
        scenarios = [d.scenario for b in e.blocks for d in b.days if d.scenario][: e.state.day]
        for sid in scenarios:
            scen = k.content.scenarios.get(sid)
            expected = k.tr(scen.expected) if scen else ""
            text = f"{k.tr(scen.title) if scen else sid}: {expected or k.ui('training.no_expected')}"
            y += k.paragraphs(surf, text, "body", th.text, x, y, w, clip) + k.px(6)
        # 2. what happened: the timeline
        y += k.px(8)
        head(k.ui("training.q_happened"), "body_bold")
        for h in e.state.history:
            scene = k.content.scenes.get(h["scene"])
            choice = next((c for c in scene.choices if c.id == h["choice"]), None) if scene else None
            said = k.choice_label(h["scene"], h["choice"])
            line = k.ui("training.timeline", day=h["day"], choice=said)
            y += k.paragraphs(surf, line, "body", th.text, x, y, w, clip)
            if choice is not None:
                for p in principle_lines(k, choice):
                    y += k.paragraphs(surf, "• " + p, "small", th.text, x + k.px(24), y, w - k.px(24), clip)
                if show_feedback and choice.feedback:
                    y += k.paragraphs(surf, k.tr(choice.feedback), "small", th.muted, x + k.px(24), y,
                                      w - k.px(24), clip)
            y += k.px(8)
        # 3. why: scores per principle and the residents' state
        y += k.px(8)
        head(k.ui("training.q_why"), "body_bold")
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
                name = k.tr(k.content.characters[who].name)
                trust = round(e.state.chars[who].get("trust", 0))
                y += k.paragraphs(surf, k.ui("training.resident", name=name, trust=trust,
                                             risk=round(est.risk)), "small", th.text, x, y, w, clip)
        # 4. what to do next time
        y += k.px(14)
        head(k.ui("training.q_next"), "body_bold")
        y += k.paragraphs(surf, k.ui("training.next_prompt"), "body", th.text, x, y, w, clip) + k.px(10)
        return y - y0
