"""The pause menu, save and load slots, and settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...core.play.saves import SLOTS
from ..screen import MenuScreen, confirm
from ..settings import FONTS, SCAN_SPEEDS, TEXT_SIZES, THEME_IDS

if TYPE_CHECKING:
    from ..app import App


class PauseScreen(MenuScreen):
    def __init__(self, app: "App"):
        k = app.kit
        items = [(k.ui("pause.resume"), self.resume_game)]
        icons: list[str | None] = ["back"]
        if app.mode.allows_saving(app.play):
            items += [(k.ui("pause.save"), self.save), (k.ui("pause.load"), self.load)]
            icons += ["save", "load"]
        items += [(k.ui("play.journal"), self.journal), (k.ui("title.settings"), self.settings)]
        icons += ["journal", "settings"]
        for label, action, icon in app.mode.pause_items():
            items.append((label, action))
            icons.append(icon)
        items.append((k.ui("pause.title_screen"), self.quit_to_title))
        icons.append("close")
        super().__init__(app, k.ui("pause.title"), items, icons=icons, back=self.resume_game)

    def resume_game(self) -> None:
        self.close()

    def save(self) -> None:
        self.app.push(SlotScreen(self.app, saving=True))

    def load(self) -> None:
        self.app.push(SlotScreen(self.app, saving=False))

    def journal(self) -> None:
        from .journal import JournalScreen
        self.close()
        self.app.push(JournalScreen(self.app))

    def settings(self) -> None:
        self.app.push(SettingsScreen(self.app))

    def quit_to_title(self) -> None:
        k = self.kit
        confirm(self.app, k.ui("pause.confirm_title"), k.ui("ui.yes_leave"), k.ui("ui.no_stay"),
                self.app.to_title, body=k.ui("pause.confirm_body"))


class SlotScreen(MenuScreen):
    """Three manual slots (and the autosave, to load)."""

    def __init__(self, app: "App", saving: bool):
        self.saving = saving
        k = app.kit
        slots = [s for s in SLOTS if not (saving and s == "autosave")]
        items, notes = [], []
        for slot in slots:
            label = app.saves.peek(slot)
            name = k.ui(f"saves.{slot}")
            if label:
                notes.append(k.ui("saves.note", campaign=label.get("campaign", ""), profile=label.get("profile", ""),
                                  day=label.get("day", ""), when=label.get("saved_at", "").replace("T", " ")[:16]))
            else:
                notes.append(k.ui("saves.empty"))
            items.append((name, lambda s=slot: self.pick(s)))
        items.append((k.ui("ui.back"), self.close))
        notes.append("")
        super().__init__(app, k.ui("saves.save_title" if saving else "saves.load_title"), items, notes=notes,
                         icons=["save" if saving else "load"] * len(slots) + ["back"], back=self.close)

    def pick(self, slot: str) -> None:
        from .messages import MessageScreen
        k = self.kit
        if self.saving:
            try:
                self.app.save(slot)
                message = k.ui("saves.saved")
            except OSError as exc:
                message = k.ui("saves.failed", problem=str(exc))
            self.close()
            self.app.push(MessageScreen(self.app, k.ui("saves.title"), message))
            return
        if not self.app.saves.exists(slot):
            return
        self.app.continue_game(slot)


class SettingsScreen(MenuScreen):
    """Every setting as a button that steps through its values; changes apply at once."""

    def __init__(self, app: "App"):
        self.app_ref = app
        super().__init__(app, app.kit.ui("settings.title"), [], back=self.close, width=880)

    def layout(self) -> None:
        k = self.kit
        st = self.app.settings
        on, off = k.ui("ui.on"), k.ui("ui.off")
        lang_name = k.content.languages.get(k.lang, k.lang)
        entries = [
            ("settings.language", lang_name, self.next_language, "language"),
            ("settings.text_size", k.ui(f"settings.size_{st.text_size}"), self.next_size, "journal"),
            ("settings.font", k.ui(f"settings.font_{st.font}"), self.next_font, "education"),
            ("settings.theme", k.ui(f"settings.theme_{st.theme}"), self.next_theme, "settings"),
            ("settings.reduced_motion", on if st.reduced_motion else off, self.toggle("reduced_motion"), "pause"),
            ("settings.content_notes", on if st.content_notes else off, self.toggle("content_notes"), "warning"),
            ("settings.scanning", on if st.scanning else off, self.toggle("scanning"), "check"),
            ("settings.scan_speed", k.ui("settings.seconds", n=k.num(st.scan_seconds)), self.next_speed, "restart"),
            ("settings.sound", off if st.muted else on, self.toggle("muted"), "sound_off" if st.muted else "sound_on"),
            ("settings.volume", f"{round(st.volume * 100)} %", self.next_volume, "sound_on"),
            ("settings.ambient", on if st.ambient else off, self.toggle("ambient"), "act_leisure"),
        ]
        if self.app.options.mode != "kiosk":
            entries.append(("settings.fullscreen", on if st.fullscreen else off, self.app.toggle_fullscreen, "info"))
        self.items = [(f"{k.ui(key)}: {value}", fn) for key, value, fn, _ in entries]
        self.icons = [icon for *_, icon in entries]
        self.items.append((k.ui("ui.back"), self.close))
        self.icons.append("back")
        self.notes = [""] * len(self.items)
        self.title = k.ui("settings.title")
        super().layout()

    def changed(self) -> None:
        self.app.apply_settings(save=self.app.options.mode != "kiosk")

    def toggle(self, name: str):
        def flip() -> None:
            setattr(self.app.settings, name, not getattr(self.app.settings, name))
            self.changed()
        return flip

    @staticmethod
    def step(values, current):
        values = list(values)
        return values[(values.index(current) + 1) % len(values)] if current in values else values[0]

    def next_language(self) -> None:
        langs = list(self.kit.content.languages)
        self.app.set_language(self.step(langs, self.kit.lang))

    def next_size(self) -> None:
        self.app.settings.text_size = self.step(TEXT_SIZES, self.app.settings.text_size)
        self.changed()

    def next_font(self) -> None:
        self.app.settings.font = self.step(FONTS, self.app.settings.font)
        self.changed()

    def next_theme(self) -> None:
        self.app.settings.theme = self.step(THEME_IDS, self.app.settings.theme)
        self.changed()

    def next_speed(self) -> None:
        self.app.settings.scan_seconds = self.step(SCAN_SPEEDS, self.app.settings.scan_seconds)
        self.changed()

    def next_volume(self) -> None:
        steps = [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
        current = min(steps, key=lambda v: abs(v - self.app.settings.volume))
        self.app.settings.volume = self.step(steps, current)
        self.changed()
