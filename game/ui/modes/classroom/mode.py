"""The classroom: a session code for the whole class, reflection, a debrief, "what if", result files.

The code the teacher writes on the board fixes the random seed, so every student meets the same
events and differences come only from choices. A finished run's result file goes to the teacher's
folder (the playthrough writes it: see `make_room`) and shows a short code; from the ending a student
can debrief, go back to the start of any earlier day ("what if") and compare the two runs.
"""

from __future__ import annotations

from ....core.play.playthrough import Room
from ...nav import Host, MenuItem
from ...screen import MenuScreen, confirm
from ..base import Mode
from .screens import ClassSetupScreen, CompareScreen, DebriefScreen


class ClassMode(Mode):
    name = "class"
    title_entry = ("title.classroom", "education")

    def __init__(self, host: Host):
        super().__init__(host)
        self.code = host.options.session_code or ""

    def home(self) -> None:
        if self.app.started_as != self.name:  # came from the title screen: back to plain play
            self.app.set_mode("play").home()  # type: ignore[attr-defined]
            return
        from ...screens.title import TitleScreen
        self.app.play = None
        self.app.reset(TitleScreen(self.app), ClassSetupScreen(self.app, self))

    def open_from_title(self) -> None:
        self.app.push(ClassSetupScreen(self.app, self))

    def make_room(self, code: str | None = None) -> Room:
        """A class run writes its result file to the teacher's folder when it ends."""
        return Room(self.name, code or self.code or None, results_folder=self.app.settings.results_folder())

    def pause_items(self) -> list[MenuItem]:
        return [(self.app.kit.ui("pause.finish_now"), self.finish_now, "star")] if self.plays_here() else []

    def finish_now(self) -> None:
        k = self.app.kit

        def go() -> None:
            if self.app.play is not None:
                self.app.play.finish_now()
        confirm(self.app, k.ui("pause.finish_question"), k.ui("pause.finish_yes"), k.ui("ui.no_stay"), go,
                body=k.ui("pause.finish_body"))

    def ending_buttons(self) -> list[MenuItem]:
        k = self.app.kit
        out = [(k.ui("class.debrief"), self.debrief, "journal"), (k.ui("class.what_if"), self.what_if, "restart")]
        if self.app.play is not None and self.app.play.record.earlier is not None:
            out.append((k.ui("class.compare"), self.compare, "peers"))
        return out

    def debrief(self) -> None:
        self.app.push(DebriefScreen(self.app))

    def what_if(self) -> None:
        assert self.app.play is not None
        k = self.app.kit
        days = self.app.play.days_to_rewind_to()
        items = [(k.ui("class.day_n", day=d), lambda d=d: self.rewind(d)) for d in days]
        items.append((k.ui("ui.back"), lambda: self.app.pop()))
        self.app.push(MenuScreen(self.app, k.ui("class.what_if"), items, body=k.ui("class.what_if_body"),
                                 back=lambda: self.app.pop()))

    def rewind(self, day: int) -> None:
        if self.app.play is not None:
            self.app.play.rewind(day)

    def compare(self) -> None:
        if self.app.play is not None:
            record = self.app.play.record
            self.app.push(CompareScreen(self.app, record.earlier, record.result))
