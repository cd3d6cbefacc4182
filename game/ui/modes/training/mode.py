"""Officer training: pick a scenario or the whole set, feedback and the expert's choice as the
trainer chooses, and an after-action review instead of the ending, saved by itself.

Trainers add scenarios as a content folder (`--content DIR`); every scenario in the content is listed.
A trainee may type an ID (optional; it goes into the result file and its name). When a run ends its
result (.json) and its review page (.html) are written to the results folder without anyone pressing
a button; if that fails the trainee is told on screen and can save elsewhere (modes/saving.py).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from ....core.content import Choice
from ....core.play.engine import CONTINUE
from ....core.play.playthrough import Playthrough, Room
from ....core.play.shifts import expert_choice
from ...nav import Host
from ...screen import Screen
from ..base import Mode
from ..saving import ResultWatch
from .review import ReviewScreen
from .screens import FeedbackScreen, ScenarioListScreen

log = logging.getLogger("neighbour.training")


class TrainingMode(Mode):
    name = "training"
    title_entry = ("title.training", "journal")

    def __init__(self, host: Host):
        super().__init__(host)
        self.trainee: str | None = None
        self.review_path: str | None = None     # the review page written beside the last result
        self.review_error: str | None = None
        self.watch = ResultWatch(host, self.name, saved=self.write_review)

    def home(self) -> None:
        if self.app.started_as != self.name:  # came from the title screen: back to plain play
            self.app.set_mode("play").home()  # type: ignore[attr-defined]
            return
        from ...screens.title import TitleScreen
        self.app.play = None
        self.app.reset(TitleScreen(self.app), ScenarioListScreen(self.app, self))

    def open_from_title(self) -> None:
        self.app.push(ScenarioListScreen(self.app, self))

    def make_room(self, code: str | None = None) -> Room:
        """A training run writes its result and its review to the results folder when it ends."""
        return Room(self.name, code, results_folder=self.app.settings.results_folder(), trainee=self.trainee)

    def attach(self, play: Playthrough) -> None:
        self.review_path = self.review_error = None
        self.watch.attach(play)

    def tick(self, now: float) -> None:
        self.watch.tick()

    def write_review(self, json_path: str) -> None:
        """The review page beside a result file just written (the same name, .html)."""
        play = self.app.play
        if play is None:
            return
        html = os.path.splitext(json_path)[0] + ".html"
        try:
            from ....report import export_run_html
            export_run_html(self.app.kit.content, play.result(), html, self.app.kit.lang)
        except Exception as exc:  # noqa: BLE001 - a page that cannot be written is told, never fatal
            log.warning("the review page could not be written: %s", exc)
            self.review_path, self.review_error = None, str(exc)
            return
        self.review_path, self.review_error = html, None

    def autosaves(self, play: Playthrough) -> bool:
        return not (play.room.name == self.name and play.state.scenario)

    def allows_saving(self, play: Playthrough | None) -> bool:
        return not (play is not None and play.state.scenario)

    def after_choice(self, choice: Choice, proceed: Callable[[], None]) -> None:
        play = self.app.play
        if not self.plays_here() or play is None or self.app.settings.feedback != "each" or choice is CONTINUE:
            proceed()
            return
        expert = expert_choice(play.engine.scene, [c.id for c in play.engine.choices()])
        if not (choice.feedback or choice.follows or choice.breaks or expert):
            proceed()
            return
        self.app.push(FeedbackScreen(self.app, choice, expert), lambda _result: proceed())

    def ending_screen(self) -> Screen:
        if self.plays_here():
            return ReviewScreen(self.app, self)
        return super().ending_screen()
