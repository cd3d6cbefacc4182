"""Officer training: pick a scenario or the whole set, feedback as the trainer chooses, and an
after-action review instead of the ending.

Trainers add scenarios as a content folder (`--content DIR`); every scenario in the content is listed.
"""

from __future__ import annotations

from collections.abc import Callable

from ....core.content import Choice
from ....core.play.engine import CONTINUE
from ....core.play.playthrough import Playthrough, Room
from ...screen import Screen
from ..base import Mode
from .screens import FeedbackScreen, ReviewScreen, ScenarioListScreen


class TrainingMode(Mode):
    name = "training"
    title_entry = ("title.training", "journal")

    def home(self) -> None:
        if self.app.started_as != self.name:  # came from the title screen: back to plain play
            self.app.set_mode("play").home()  # type: ignore[attr-defined]
            return
        from ...screens.title import TitleScreen
        self.app.play = None
        self.app.reset(TitleScreen(self.app), ScenarioListScreen(self.app))

    def open_from_title(self) -> None:
        self.app.push(ScenarioListScreen(self.app))

    def make_room(self, code: str | None = None) -> Room:
        """A training run keeps its result for the review; the trainer exports it from there."""
        return Room(self.name, code, keeps_result=True)

    def autosaves(self, play: Playthrough) -> bool:
        return not (play.room.name == self.name and play.state.scenario)

    def allows_saving(self, play: Playthrough | None) -> bool:
        return not (play is not None and play.state.scenario)

    def after_choice(self, choice: Choice, proceed: Callable[[], None]) -> None:
        if not self.plays_here() or self.app.settings.feedback != "each" or choice is CONTINUE \
                or not (choice.feedback or choice.follows or choice.breaks):
            proceed()
            return
        self.app.push(FeedbackScreen(self.app, choice), lambda _result: proceed())

    def ending_screen(self) -> Screen:
        if self.plays_here():
            return ReviewScreen(self.app)
        return super().ending_screen()
