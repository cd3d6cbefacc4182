"""When a result file cannot be written (a full or read-only folder, a network share gone), the
student or trainee is told on screen, never only in a log: why, where it was going, and what to do.

`SaveProblemScreen` offers to try again, to save in the default folder (Documents/Neighbour
results) when that is another folder, or in a folder the player types (a USB stick), and shows the
short result code to write down. The classroom and the training modes use it; `ResultWatch` is how
a mode notices a failed write when a run ends and shows the screen once the ending is on screen.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from ...core.play import results
from ...core.play.playthrough import RESULT_READY, Playthrough
from ..kit import Kit
from ..nav import Host, Nav
from ..screen import MenuScreen
from ..screens.entry import EntryScreen


class SaveProblemScreen(MenuScreen):
    """Why the result was not saved, and the ways to save it after all."""

    def __init__(self, nav: Nav, play: Playthrough, folder: str, saved: Callable[[str], None] | None = None):
        self.play = play
        self.folder = folder
        self.saved = saved
        k = nav.kit
        items: list[tuple[str, Callable[[], None]]] = [(k.ui("saving.retry"), lambda: self.save_in(self.folder))]
        icons: list[str | None] = ["restart"]
        default = results.default_results_dir()
        if os.path.abspath(default) != os.path.abspath(folder):
            items.append((k.ui("saving.default", path=default), lambda: self.save_in(default)))
            icons.append("save")
        items += [(k.ui("saving.elsewhere"), self.choose_folder), (k.ui("saving.later"), self.close)]
        icons += ["load", "back"]
        super().__init__(nav, k.ui("saving.title"), items, body=self.explain(k), back=self.close, icons=icons,
                         width=1000)

    def explain(self, k: Kit | None = None) -> str:
        k = k or self.kit  # the kit is the screen's only after MenuScreen's set-up
        record = self.play.record
        text = k.ui("saving.body", folder=self.folder, problem=record.result_error or "")
        code = (record.result or {}).get("code")
        if code:
            text += "\n\n" + k.ui("saving.code", code=code)
        return text

    def save_in(self, folder: str) -> None:
        path = self.play.write_result(folder)
        if path is None:
            self.folder = folder
            self.body = self.explain()
            self.layout()
            return
        self.close(path)
        if self.saved is not None:
            self.saved(path)

    def choose_folder(self) -> None:
        k = self.kit
        self.nav.push(EntryScreen(self.nav, k.ui("class.folder_title"), k.ui("saving.folder_prompt"), self.folder,
                                  max_len=240, keys=[], free_text=True), self.got_folder)

    def got_folder(self, value: str | None) -> None:
        if value and value.strip():
            self.save_in(os.path.expanduser(value.strip()))


class ResultWatch:
    """A mode's eye on the results of its runs: when writing one failed, the problem screen is shown
    over the ending (the ending comes after the result, so the mode waits for it to be on screen)."""

    def __init__(self, host: Host, room: str, saved: Callable[[str], None] | None = None):
        self.host = host
        self.room = room
        self.saved = saved
        self.pending: Playthrough | None = None

    def attach(self, play: Playthrough) -> None:
        play.on(RESULT_READY, self.ready)

    def ready(self, play: Playthrough) -> None:
        if play.record.result_error is not None:
            self.pending = play
        elif self.saved is not None and play.record.result_path:
            self.saved(play.record.result_path)

    def tick(self) -> None:
        play = self.pending
        if play is None or self.host.play is not play:
            self.pending = None
            return
        if play.room.results_folder is None or not getattr(self.host.top, "is_play", False):
            return
        self.pending = None
        self.host.push(SaveProblemScreen(self.host, play, play.room.results_folder, self.saved))
