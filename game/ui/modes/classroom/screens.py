"""The classroom's screens: set-up (the session code, the role, the results folder), the debrief,
and two runs compared side by side after a "what if"."""

from __future__ import annotations

from typing import Protocol

import pygame

from ....core.play import results
from ...nav import Host, Nav
from ...screen import MenuScreen
from ...screens.entry import EntryScreen
from ...screens.charts import risk_by_day, runs_chart
from ...screens.panel import PanelScreen
from ...widgets import Scroller
from ..base import ModeMenuScreen


class Session(Protocol):
    """The class's session as the set-up screen edits it (the mode holds it)."""

    code: str
    chosen_folder: str | None

    def results_folder(self) -> str: ...
    def campaign(self, role: str) -> str | None: ...


class ClassSetupScreen(ModeMenuScreen):
    """Enter the session code, then choose a role."""

    home_mode = "class"

    def __init__(self, host: Host, session: Session):
        super().__init__(host)
        self.session = session
        self.scroller = Scroller()

    def mode(self) -> Session:
        return self.session

    def layout(self) -> None:
        k = self.kit
        m = self.mode()
        code = m.code or k.ui("class.no_code")
        items = [
            (k.ui("class.code", code=code), self.enter_code, "lock"),
            (k.ui("class.play_resident"), lambda: self.start("resident"), "person"),
            (k.ui("class.play_officer"), lambda: self.start("officer"), "trust"),
            (k.ui("class.folder", path=m.results_folder()), self.enter_folder, "load"),
            (k.ui("ui.back"), self.leave, "back"),
        ]
        self.menu = MenuScreen(self.nav, k.ui("class.title"), [(a, b) for a, b, _ in items],
                               body=k.ui("class.intro"), modal=False, icons=[i for *_, i in items], width=980)
        self.adopt(self.menu)
        for b in self.menu.buttons[1:3]:  # the roles, once there is a code
            b.enabled = bool(m.code)
        if not m.code:
            self.focus = 0

    def enter_code(self) -> None:
        k = self.kit
        self.nav.push(EntryScreen(self.nav, k.ui("class.code_title"), k.ui("class.code_prompt"),
                                  self.mode().code, max_len=10), self.got_code)

    def got_code(self, value: str | None) -> None:
        if value:
            self.mode().code = value.upper()
        self.layout()

    def enter_folder(self) -> None:
        k = self.kit
        self.nav.push(EntryScreen(self.nav, k.ui("class.folder_title"), k.ui("class.folder_prompt"),
                                  self.mode().results_folder(), max_len=240,
                                  keys=[], free_text=True), self.got_folder)

    def got_folder(self, value: str | None) -> None:
        if value:
            self.mode().chosen_folder = value
            self.nav.settings.results_dir = value
            self.nav.settings.save()
        self.layout()

    def start(self, role: str) -> None:
        from ...screens.briefing import BriefingScreen
        m = self.mode()
        campaign = m.campaign(role)
        if campaign and m.code:
            self.nav.push(BriefingScreen(self.nav, campaign, seed=results.session_seed(m.code), code=m.code))

    def draw(self, surf: pygame.Surface) -> None:
        k = self.kit
        surf.blit(k.images.cover("places/classroom.svg", (k.w, k.h)), (0, 0))
        self.menu.focus = self.focus
        k.darken(surf, None, 80 + k.theme.picture_dim)
        self.menu.modal = True
        self.menu.draw(surf)


class DebriefScreen(PanelScreen):
    """The choices that moved the estimate most, the model's why, and questions for discussion."""

    modal = True
    button_width = 320

    def __init__(self, nav: Nav):
        super().__init__(nav)
        assert nav.play is not None
        self.play = nav.play
        self.engine = nav.play.engine

    def body(self, surf: pygame.Surface | None, x: int, y: int, w: int) -> int:
        k = self.kit
        th = k.theme
        e = self.engine
        y0 = y
        clip = self.scroll_rect

        def head(text: str) -> None:
            nonlocal y
            if surf:
                k.text(surf, text, "heading", th.heading, (x, y))
            y += k.line_height("heading") + k.px(6)
        head(k.ui("class.debrief"))
        record = self.play.record
        if record.result and record.result.get("code"):
            code = k.ui("class.your_code", code=record.result["code"])
            y += k.paragraphs(surf, code, "body_bold", th.text, x, y, w, clip)
        if record.result_path:
            saved = k.ui("class.saved_to", path=record.result_path)
            y += k.paragraphs(surf, saved, "small", th.muted, x, y, w, clip)
        y += k.px(14)
        head(k.ui("class.moved_most"))
        moves = sorted(e.state.history, key=lambda h: -abs(h["risk_after"] - h["risk_before"]))[:5]
        for h in moves:
            delta = h["risk_after"] - h["risk_before"]
            text = k.ui("class.move_line", day=h["day"], choice=k.choice_label(h["scene"], h["choice"]),
                        points=f"{delta:+.1f}")
            y += k.paragraphs(surf, "• " + text, "body", th.text, x, y, w, clip) + k.px(4)
        y += k.paragraphs(surf, k.ui("class.moved_note"), "small", th.muted, x, y, w, clip) + k.px(14)
        head(k.ui("class.why"))
        for who in e.subjects():
            est = e.estimate(who)
            name = k.tr(k.content.characters[who].name) + ": " if who else ""
            y += k.paragraphs(surf, name + k.ui("ending.estimate_line", risk=round(est.risk), low=round(est.low),
                                                 high=round(est.high)), "body", th.text, x, y, w, clip)
            for d in est.drivers[:3]:
                y += k.paragraphs(surf, "• " + k.ui("ending.driver", name=k.var_name(d.var), points=round(d.if_best)),
                                  "small", th.text, x + k.px(20), y, w - k.px(20), clip)
            y += k.px(8)
        y += k.px(8)
        head(k.ui("class.questions"))
        questions = [k.tr(q) for q in e.campaign.debrief]
        for b in e.blocks:
            questions += [k.tr(q) for q in b.reflect]
        for q in questions:
            y += k.paragraphs(surf, "• " + q, "body", th.text, x, y, w, clip) + k.px(6)
        return y - y0


class CompareScreen(DebriefScreen):
    """Two runs side by side: the first, and the one after going back ("what if")."""

    def __init__(self, nav: Nav, first: dict | None, second: dict | None):
        super().__init__(nav)
        self.runs = [r for r in (first, second) if r]

    def body(self, surf: pygame.Surface | None, x0: int, y0: int, w: int) -> int:
        k = self.kit
        th = k.theme
        clip = self.scroll_rect
        if surf:
            k.text(surf, k.ui("class.compare"), "heading", th.heading, (x0, y0))
        top = y0 + k.line_height("heading") + k.px(10)
        if len(self.runs) == 2:  # the two runs as a picture first: risk day by day
            days = [(k.ui("class.run_first"), risk_by_day(self.runs[0])),
                    (k.ui("class.run_second"), risk_by_day(self.runs[1]))]
            top += runs_chart(k, surf, days, x0, top, min(w, k.px(1000)), max(k.px(240), min(k.px(380), w * 2 // 5)))
            top += k.px(16)
        col = (w - k.px(30)) // 2
        bottom = top
        shared = _shared_prefix(self.runs)
        for i, run in enumerate(self.runs):
            x = x0 + i * (col + k.px(30))
            y = top
            camp = k.content.campaigns.get(run["campaign"])
            end = run["end"]
            title = k.ui("class.run_first" if i == 0 else "class.run_second")
            y += k.paragraphs(surf, title, "body_bold", th.heading, x, y, col, clip)
            ending = next((e for e in camp.endings if e.id == end.get("ending")), None) if camp else None
            if ending:
                y += k.paragraphs(surf, k.tr(ending.title), "body", th.text, x, y, col, clip)
            risk = k.ui("class.run_risk", risk=round(end.get("risk", 0)))
            y += k.paragraphs(surf, risk, "body", th.text, x, y, col, clip)
            for var in end.get("drivers", [])[:3]:
                y += k.paragraphs(surf, "• " + k.var_name(var), "small", th.text, x + k.px(16), y, col - k.px(16), clip)
            y += k.px(10)
            y += k.paragraphs(surf, k.ui("class.after_split"), "small", th.muted, x, y, col, clip) + k.px(4)
            for h in run["choices"][shared:]:
                text = f"{h['day']}: " + k.choice_label(h["scene"], h["choice"])
                y += k.paragraphs(surf, "• " + text, "small", th.text, x, y, col, clip) + k.px(2)
            bottom = max(bottom, y)
        return bottom - y0 + k.px(20)


def _shared_prefix(runs: list[dict]) -> int:
    if len(runs) < 2:
        return 0
    a, b = runs[0]["choices"], runs[1]["choices"]
    n = 0
    while n < len(a) and n < len(b) and a[n]["scene"] == b[n]["scene"] and a[n]["choice"] == b[n]["choice"]:
        n += 1
    return n
