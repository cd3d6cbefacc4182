"""The pause menu, save and load slots, and settings."""

from __future__ import annotations

from ...core.play import preview as pv
from ...core.play.saves import SLOTS
from ..screen import MenuScreen, confirm
from ..settings import FONTS, SCAN_SPEEDS, TEXT_SIZES, THEME_IDS
from ..nav import Nav



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


class SettingsScreen(MenuScreen):
    """Every setting as a button that steps through its values; changes apply at once."""

    def __init__(self, nav: Nav):
        self.app_ref = nav
        super().__init__(nav, nav.kit.ui("settings.title"), [], back=self.close, width=880)

    def layout(self) -> None:
        k = self.kit
        st = self.nav.settings
        on, off = k.ui("ui.on"), k.ui("ui.off")
        lang_name = k.content.languages.get(k.lang, k.lang)
        entries = [
            ("settings.language", lang_name, self.next_language, "language"),
            ("settings.text_size", k.ui(f"settings.size_{st.text_size}"), self.next_size, "journal"),
            ("settings.font", k.ui(f"settings.font_{st.font}"), self.next_font, "education"),
            ("settings.theme", k.ui(f"settings.theme_{st.theme}"), self.next_theme, "settings"),
            ("settings.reduced_motion", on if st.reduced_motion else off, self.toggle("reduced_motion"), "pause"),
            ("settings.content_notes", on if st.content_notes else off, self.toggle("content_notes"), "warning"),
            ("settings.preview", self.preview_label(), self.next_preview, "info"),
            ("settings.scanning", on if st.scanning else off, self.toggle("scanning"), "check"),
            ("settings.scan_speed", k.ui("settings.seconds", n=k.num(st.scan_seconds)), self.next_speed, "restart"),
            ("settings.sound", off if st.muted else on, self.toggle("muted"), "sound_off" if st.muted else "sound_on"),
            ("settings.volume", f"{round(st.volume * 100)} %", self.next_volume, "sound_on"),
            ("settings.ambient", on if st.ambient else off, self.toggle("ambient"), "act_leisure"),
        ]
        if self.nav.mode.changes_window():
            entries.append(("settings.fullscreen", on if st.fullscreen else off, self.nav.toggle_fullscreen, "info"))
        self.items = [(f"{k.ui(key)}: {value}", fn) for key, value, fn, _ in entries]
        self.icons = [icon for *_, icon in entries]
        self.items.append((k.ui("ui.back"), self.close))
        self.icons.append("back")
        self.notes = [""] * len(self.items)
        self.title = k.ui("settings.title")
        super().layout()

    def changed(self) -> None:
        self.nav.apply_settings()

    def toggle(self, name: str):
        def flip() -> None:
            setattr(self.nav.settings, name, not getattr(self.nav.settings, name))
            self.changed()
        return flip

    @staticmethod
    def step(values, current):
        values = list(values)
        return values[(values.index(current) + 1) % len(values)] if current in values else values[0]

    def preview_label(self) -> str:
        """What a choice shows before it is taken: the setting, or the room's default said as such."""
        k = self.kit
        level = self.nav.settings.preview
        if level:
            return k.ui(f"settings.preview.{level}")
        room = self.nav.play.room.name if self.nav.play is not None else self.nav.mode.name
        return k.ui("settings.preview.default", level=k.ui(f"settings.preview.{pv.default_level(room)}"))

    def next_preview(self) -> None:
        self.nav.settings.preview = self.step(("", *pv.LEVELS), self.nav.settings.preview)
        self.changed()

    def next_language(self) -> None:
        langs = list(self.kit.content.languages)
        self.nav.set_language(self.step(langs, self.kit.lang))

    def next_size(self) -> None:
        self.nav.settings.text_size = self.step(TEXT_SIZES, self.nav.settings.text_size)
        self.changed()

    def next_font(self) -> None:
        self.nav.settings.font = self.step(FONTS, self.nav.settings.font)
        self.changed()

    def next_theme(self) -> None:
        self.nav.settings.theme = self.step(THEME_IDS, self.nav.settings.theme)
        self.changed()

    def next_speed(self) -> None:
        self.nav.settings.scan_seconds = self.step(SCAN_SPEEDS, self.nav.settings.scan_seconds)
        self.changed()

    def next_volume(self) -> None:
        steps = [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
        current = min(steps, key=lambda v: abs(v - self.nav.settings.volume))
        self.nav.settings.volume = self.step(steps, current)
        self.changed()
