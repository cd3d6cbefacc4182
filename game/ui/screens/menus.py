"""The pause menu, save and load slots, and settings."""

from __future__ import annotations

from ...core.play.saves import SLOTS
from ..nav import Nav
from ..screen import MenuScreen, confirm
from .settings import SettingsScreen

__all__ = ["PauseScreen", "SettingsScreen", "SlotScreen"]



class PauseScreen(MenuScreen):
    def __init__(self, nav: Nav):
        k = nav.kit
        items = [(k.ui("pause.resume"), self.resume_game)]
        icons: list[str | None] = ["back"]
        if nav.mode.allows_saving(nav.play):
            items += [(k.ui("pause.save"), self.save), (k.ui("pause.load"), self.load)]
            icons += ["save", "load"]
        items += [(k.ui("play.journal"), self.journal), (k.ui("title.settings"), self.settings)]
        icons += ["journal", "settings"]
        for label, action, icon in nav.mode.pause_items():
            items.append((label, action))
            icons.append(icon)
        items.append((k.ui("pause.title_screen"), self.quit_to_title))
        icons.append("close")
        super().__init__(nav, k.ui("pause.title"), items, icons=icons, back=self.resume_game)

    def resume_game(self) -> None:
        self.close()

    def save(self) -> None:
        self.nav.push(SlotScreen(self.nav, saving=True))

    def load(self) -> None:
        self.nav.push(SlotScreen(self.nav, saving=False))

    def journal(self) -> None:
        from .journal import JournalScreen
        self.close()
        self.nav.push(JournalScreen(self.nav))

    def settings(self) -> None:
        self.nav.push(SettingsScreen(self.nav))

    def quit_to_title(self) -> None:
        k = self.kit
        confirm(self.nav, k.ui("pause.confirm_title"), k.ui("ui.yes_leave"), k.ui("ui.no_stay"),
                self.nav.to_title, body=k.ui("pause.confirm_body"))


class SlotScreen(MenuScreen):
    """Three manual slots (and the autosave, to load)."""

    def __init__(self, nav: Nav, saving: bool):
        self.saving = saving
        k = nav.kit
        slots = [s for s in SLOTS if not (saving and s == "autosave")]
        items, notes = [], []
        for slot in slots:
            label = nav.saves.peek(slot)
            name = k.ui(f"saves.{slot}")
            if label:
                notes.append(k.ui("saves.note", campaign=label.get("campaign", ""), profile=label.get("profile", ""),
                                  day=label.get("day", ""), when=label.get("saved_at", "").replace("T", " ")[:16]))
            else:
                notes.append(k.ui("saves.empty"))
            items.append((name, lambda s=slot: self.pick(s)))
        items.append((k.ui("ui.back"), self.close))
        notes.append("")
        super().__init__(nav, k.ui("saves.save_title" if saving else "saves.load_title"), items, notes=notes,
                         icons=["save" if saving else "load"] * len(slots) + ["back"], back=self.close)

    def pick(self, slot: str) -> None:
        from .messages import MessageScreen
        k = self.kit
        if self.saving:
            try:
                self.nav.save(slot)
                message = k.ui("saves.saved")
            except OSError as exc:
                message = k.ui("saves.failed", problem=str(exc))
            self.close()
            self.nav.push(MessageScreen(self.nav, k.ui("saves.title"), message))
            return
        if not self.nav.saves.exists(slot):
            return
        self.nav.continue_game(slot)
