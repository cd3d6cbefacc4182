"""The classroom: a session code for the whole class, reflection, a debrief, "what if", result files.

The code the teacher writes on the board fixes the random seed, so every student meets the same
events and differences come only from choices. A finished run's result file goes to the teacher's
folder (the playthrough writes it: see `make_room`) and shows a short code; from the ending a student
can debrief, go back to the start of any earlier day ("what if") and compare the two runs.

One student, one result: every run carries the student's anonymous key for the session (core/play/
student.py), so the report counts a student who begins again, or after a crash, once. A result that
cannot be written is told on screen with a retry and other places to save (saving.py). A crash
inside the game comes back to the class set-up with the session code kept; a class run continued
from the title (after the game was closed or killed) is a class run again, in its session.

A class config file beside the game (core/play/classconfig.py: results folder, language, session
code, lesson campaign) sets all of this up for every machine of a class; its problems are shown at
file:line:col when the class room opens.
"""

from __future__ import annotations

import logging
import os
import sys

from ....core.play import classconfig
from ....core.play.playthrough import Playthrough, Room
from ....core.play.student import student_key
from ...nav import Host, MenuItem
from ...screen import MenuScreen, confirm
from ..base import Mode
from ..saving import ResultWatch
from .screens import ClassSetupScreen, CompareScreen, DebriefScreen

log = logging.getLogger("neighbour")


class ClassMode(Mode):
    name = "class"
    title_entry = ("title.classroom", "education")

    def __init__(self, host: Host):
        super().__init__(host)
        self.config, self.problems = self.read_config()
        self.code = host.options.session_code or self.config.session or ""
        self.chosen_folder: str | None = None
        self.watch = ResultWatch(host, self.name)
        if self.config.lang and not host.options.lang and host.settings.lang != self.config.lang:
            host.settings.lang = self.config.lang
            host.apply_settings(save=False)

    def read_config(self) -> tuple[classconfig.ClassConfig, list[str]]:
        game_dir = os.path.dirname(os.path.abspath(sys.argv[0])) if sys.argv and sys.argv[0] else os.getcwd()
        path = classconfig.find(self.app.options.class_config, game_dir)
        if path is None:
            return classconfig.ClassConfig(), []
        content = self.app.content if self.app.report.ok else None
        cfg, report = classconfig.read(path, content)
        lines = [d.format() for d in report.sorted()]
        for line in lines:
            log.warning("class config: %s", line)
            print(line, file=sys.stderr)
        return cfg, lines

    def results_folder(self) -> str:
        """Where this class's results go: the folder chosen on the set-up screen, the class config's,
        else the player's setting (Documents/Neighbour results by default)."""
        return self.chosen_folder or self.config.results_folder or self.app.settings.results_folder()

    def campaign(self, role: str) -> str | None:
        return classconfig.lesson_campaign(self.app.content, role, self.config.campaign)

    def home(self) -> None:
        if self.app.started_as != self.name:  # came from the title screen: back to plain play
            self.app.set_mode("play").home()  # type: ignore[attr-defined]
            return
        self.setup()

    def setup(self) -> None:
        from ...screens.messages import MessageScreen
        from ...screens.title import TitleScreen
        self.app.play = None
        self.app.reset(TitleScreen(self.app), ClassSetupScreen(self.app, self))
        if self.problems:
            k = self.app.kit
            self.app.push(MessageScreen(self.app, k.ui("class.config_title"),
                                        k.ui("class.config_body") + "\n\n" + "\n".join(self.problems)))
            self.problems = []

    def recover(self, log_file: str) -> None:
        """A crash inside the game: back to the class set-up, the session code kept, and the autosave
        to continue from (its run keeps its room and its student key)."""
        from ...screens.messages import MessageScreen
        self.setup()
        kit = self.app.kit
        self.app.push(MessageScreen(self.app, kit.ui("crash.title"), kit.ui("crash.body", path=log_file)))

    def open_from_title(self) -> None:
        self.app.push(ClassSetupScreen(self.app, self))

    def make_room(self, code: str | None = None) -> Room:
        """A class run writes its result file to the teacher's folder when it ends, with the student's
        anonymous key for the session."""
        code = code or self.code or None
        return Room(self.name, code, results_folder=self.results_folder(),
                    student=student_key(code) if code else None)

    def attach(self, play: Playthrough) -> None:
        self.watch.attach(play)

    def tick(self, now: float) -> None:
        self.watch.tick()

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
