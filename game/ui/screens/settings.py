"""The settings screen: every setting as a labelled control that shows its value.

A row is a `Control`: its label on the left and, on the right, a switch (on/off), a set of choices
side by side (the chosen one filled), or a slider with its value. Keyboard: up and down move between
rows, left and right change the value, Enter or Space (and a row's number) step to the next value.
Mouse and touch: a tap on a choice picks it, on a slider sets it there, on a switch flips it. The
one-switch scanner steps through the rows and the switch steps the value. Changes apply and are
saved at once (nav.apply_settings).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pygame

from ...core.play import preview as pv
from .. import input as act
from ..kit import Kit
from ..nav import Nav
from ..screen import MenuScreen
from ..settings import CHOICE_DELAYS, FONTS, SCAN_SPEEDS, TEXT_SIZES, THEME_IDS
from ..widgets import Button

VOLUMES = tuple(round(i / 10, 1) for i in range(11))


class Control(Button):
    """One setting: `kind` toggle | choice | slider over `values` (value, label) pairs."""

    def __init__(self, label: str, kind: str, values: Sequence[tuple[Any, str]], get: Callable[[], Any],
                 put: Callable[[Any], None], number: int, icon: str | None = None, note: str = ""):
        super().__init__(label, self.step_next, icon=icon, number=number, note=note)
        self.kind, self.values, self.get, self.put = kind, list(values), get, put
        self.parts: list[pygame.Rect] = []   # where each choice (or the slider's track) was drawn

    # -- values ---------------------------------------------------------------------------------
    def index(self) -> int:
        current = self.get()
        if isinstance(current, float):
            return min(range(len(self.values)), key=lambda i: abs(float(self.values[i][0]) - current))
        return next((i for i, (v, _) in enumerate(self.values) if v == current), 0)

    def value_label(self) -> str:
        return self.values[self.index()][1]

    def step(self, by: int, wrap: bool = False) -> bool:
        i = self.index() + by
        if wrap:
            i %= len(self.values)
        i = max(0, min(len(self.values) - 1, i))
        if i == self.index():
            return False
        self.put(self.values[i][0])
        return True

    def step_next(self) -> None:
        self.step(1, wrap=True)

    def click(self, pos: tuple[int, int]) -> bool:
        """A tap or click at `pos` inside the row."""
        if self.kind == "slider" and self.parts and self.parts[0].inflate(0, self.rect.h).collidepoint(pos):
            track = self.parts[0]
            share = (pos[0] - track.x) / max(1, track.w)
            i = max(0, min(len(self.values) - 1, round(share * (len(self.values) - 1))))
            self.put(self.values[i][0])
            return True
        if self.kind == "choice":
            for i, r in enumerate(self.parts):
                if r.collidepoint(pos):
                    self.put(self.values[i][0])
                    return True
        self.step_next()
        return True

    # -- layout and drawing ---------------------------------------------------------------------------
    def split(self, kit: Kit, width: int) -> tuple[int, bool]:
        """The label's width, and whether the control goes under the label (too little room beside)."""
        label_w = int(width * 0.42)
        need = self.control_width(kit)
        stacked = need > width - label_w - kit.px(40) - kit.px(30)
        return (width - kit.px(100) if stacked else label_w - kit.px(60)), stacked

    def control_width(self, kit: Kit) -> int:
        font = kit.font("button")
        if self.kind == "choice":
            return sum(font.size(lbl)[0] + kit.px(36) for _, lbl in self.values) + kit.px(8) * len(self.values)
        if self.kind == "toggle":
            return kit.px(76) + max(font.size(lbl)[0] for _, lbl in self.values) + kit.px(16)
        return kit.px(200) + font.size(max((lbl for _, lbl in self.values), key=len))[0] + kit.px(20)

    def height_for(self, kit: Kit, width: int) -> int:
        label_w, stacked = self.split(kit, width)
        lines = len(kit.wrap(self.label, "button", label_w)) * kit.line_height("button")
        notes = sum(len(kit.wrap(n, "small", label_w)) for n in self.note.split("\n")) * kit.line_height("small") \
            if self.note else 0
        control = self.row_height(kit) * (self.choice_rows(kit, width - kit.px(100)) if stacked else 1)
        h = lines + notes + kit.px(22) + (control + kit.px(10) if stacked else 0)
        return max(kit.target(), h, control + kit.px(16))

    def row_height(self, kit: Kit) -> int:
        return max(kit.px(44), kit.line_height("button") + kit.px(14))

    def choice_rows(self, kit: Kit, width: int) -> int:
        if self.kind != "choice":
            return 1
        return len(self.choice_lines(kit, width))

    def choice_lines(self, kit: Kit, width: int) -> list[list[int]]:
        """The choices' indexes in rows that fit `width` (they wrap when they must, never shrink)."""
        font = kit.font("button")
        rows: list[list[int]] = [[]]
        x = 0
        for i, (_, lbl) in enumerate(self.values):
            w = font.size(lbl)[0] + kit.px(36)
            if rows[-1] and x + w > width:
                rows.append([])
                x = 0
            rows[-1].append(i)
            x += w + kit.px(8)
        return rows

    def draw(self, kit: Kit, surf: pygame.Surface, focused: bool, pressed: bool = False) -> None:
        th = kit.theme
        r = self.rect
        radius = kit.px(12)
        bg, fg = (th.button, th.button_text)
        if focused:
            pygame.draw.rect(surf, th.focus_ring, r.inflate(kit.px(10), kit.px(10)), width=max(3, kit.px(4)),
                             border_radius=radius + kit.px(4))
        pygame.draw.rect(surf, bg, r, border_radius=radius)
        pygame.draw.rect(surf, th.focus if focused else th.button_edge, r, width=max(2, kit.px(2)),
                         border_radius=radius)
        label_w, stacked = self.split(kit, r.w)
        x, y = r.x + kit.px(20), r.y + kit.px(11)
        if self.number is not None:
            from ..input import badge
            box = pygame.Rect(x, y + (kit.line_height("button") - kit.px(30)) // 2, kit.px(30), kit.px(30))
            pygame.draw.rect(surf, fg, box, width=max(1, kit.px(2)), border_radius=kit.px(6))
            kit.text(surf, badge(self.number), "small", fg, box.center, "center", box=box.inflate(4, 4))
        x += kit.px(40)
        if self.icon:
            icon_y = y + (kit.line_height("button") - kit.px(30)) // 2
            surf.blit(kit.images.icon(self.icon, kit.px(30), fg), (x, icon_y))
            x += kit.px(40)
        box = pygame.Rect(x, r.y, label_w + kit.px(4), r.h)
        for line in kit.wrap(self.label, "button", label_w):
            kit.put(surf, kit.render(line, "button", fg), (x, y), line, box)
            y += kit.line_height("button")
        for para in self.note.split("\n") if self.note else []:
            for line in kit.wrap(para, "small", label_w):
                kit.put(surf, kit.render(line, "small", th.muted), (x, y), line, box)
                y += kit.line_height("small")
        rh = self.row_height(kit)
        if stacked:
            area = pygame.Rect(r.x + kit.px(60), y + kit.px(8), r.w - kit.px(100), rh)
        else:
            right = r.x + kit.px(60) + label_w + kit.px(40)
            top = r.y + (min(r.h, kit.target() + kit.px(16)) - rh) // 2
            area = pygame.Rect(right, top, r.right - right - kit.px(16), rh)
        getattr(self, f"draw_{self.kind}")(kit, surf, area)

    def draw_toggle(self, kit: Kit, surf: pygame.Surface, area: pygame.Rect) -> None:
        th = kit.theme
        on = bool(self.get())
        pill = pygame.Rect(area.x, area.centery - kit.px(16), kit.px(64), kit.px(32))
        pygame.draw.rect(surf, th.fill if on else th.track, pill, border_radius=pill.h // 2)
        pygame.draw.rect(surf, th.button_edge, pill, width=max(1, kit.px(2)), border_radius=pill.h // 2)
        knob = pill.h // 2 - kit.px(4)
        cx = pill.right - pill.h // 2 if on else pill.x + pill.h // 2
        pygame.draw.circle(surf, th.panel, (cx, pill.centery), knob)
        pygame.draw.circle(surf, th.button_text, (cx, pill.centery), knob, max(1, kit.px(2)))
        self.parts = [pill]
        kit.text(surf, self.value_label(), "button", th.button_text, (pill.right + kit.px(12), pill.centery),
                 "midleft", box=area.inflate(kit.px(8), kit.px(8)))

    def draw_choice(self, kit: Kit, surf: pygame.Surface, area: pygame.Rect) -> None:
        th = kit.theme
        font = kit.font("button")
        chosen = self.index()
        self.parts = [pygame.Rect(0, 0, 0, 0)] * len(self.values)
        y = area.y
        for row in self.choice_lines(kit, area.w):
            x = area.x
            for i in row:
                lbl = self.values[i][1]
                seg = pygame.Rect(x, y, font.size(lbl)[0] + kit.px(36), area.h)
                self.parts[i] = seg
                fill, text = (th.focus, th.focus_text) if i == chosen else (th.panel, th.button_text)
                pygame.draw.rect(surf, fill, seg, border_radius=kit.px(10))
                pygame.draw.rect(surf, th.button_edge, seg, width=max(1, kit.px(2)), border_radius=kit.px(10))
                if i == chosen:  # not by colour alone: the chosen one is also underlined
                    pygame.draw.line(surf, text, (seg.x + kit.px(14), seg.bottom - kit.px(5)),
                                     (seg.right - kit.px(14), seg.bottom - kit.px(5)), max(2, kit.px(3)))
                kit.text(surf, lbl, "button", text, (seg.centerx, seg.centery - kit.px(2)), "center",
                         box=seg.inflate(4, 4))
                x = seg.right + kit.px(8)
            y += area.h + kit.px(8)

    def draw_slider(self, kit: Kit, surf: pygame.Surface, area: pygame.Rect) -> None:
        th = kit.theme
        track = pygame.Rect(area.x + kit.px(12), area.centery - kit.px(5), kit.px(180), kit.px(10))
        share = self.index() / max(1, len(self.values) - 1)
        pygame.draw.rect(surf, th.track, track, border_radius=track.h // 2)
        pygame.draw.rect(surf, th.fill, (track.x, track.y, int(track.w * share), track.h), border_radius=track.h // 2)
        pygame.draw.rect(surf, th.button_edge, track, width=max(1, kit.px(1)), border_radius=track.h // 2)
        cx = track.x + int(track.w * share)
        pygame.draw.circle(surf, th.panel, (cx, track.centery), kit.px(14))
        pygame.draw.circle(surf, th.button_text, (cx, track.centery), kit.px(14), max(2, kit.px(3)))
        self.parts = [track]
        kit.text(surf, self.value_label(), "button", th.button_text, (track.right + kit.px(26), track.centery),
                 "midleft", box=area.inflate(kit.px(8), kit.px(8)))


class SettingsScreen(MenuScreen):
    """Every setting as a labelled control; changes apply at once and are kept."""

    def __init__(self, nav: Nav):
        super().__init__(nav, nav.kit.ui("settings.title"), [], back=self.close, width=1180)

    # -- the controls ------------------------------------------------------------------------------
    def controls(self) -> list[Control]:
        k = self.kit
        st = self.nav.settings
        onoff = [(False, k.ui("ui.off")), (True, k.ui("ui.on"))]
        out: list[Control] = []

        def add(key: str, kind: str, values, name: str, icon: str, note: str = "", put=None) -> None:
            def set_(v: Any) -> None:
                setattr(st, name, v)
                self.changed()
            out.append(Control(k.ui(key), kind, values, lambda: getattr(st, name), put or set_, len(out) + 1,
                               icon=icon, note=note))

        langs = list(k.content.languages.items())
        out.append(Control(k.ui("settings.language"), "choice", langs, lambda: k.lang, self.nav.set_language, 1,
                           icon="language"))
        add("settings.text_size", "choice", [(s, k.ui(f"settings.size_{s}")) for s in TEXT_SIZES], "text_size",
            "journal")
        add("settings.font", "choice", [(f, k.ui(f"settings.font_{f}")) for f in FONTS], "font", "education")
        add("settings.theme", "choice", [(t, k.ui(f"settings.theme_{t}")) for t in THEME_IDS], "theme", "settings")
        add("settings.reduced_motion", "toggle", onoff, "reduced_motion", "pause")
        add("settings.content_notes", "toggle", onoff, "content_notes", "warning")
        add("settings.preview", "choice", self.preview_values(), "preview", "info")
        add("settings.choice_delay", "choice",
            [(d, k.ui("settings.off_delay") if d == 0 else k.ui("settings.seconds_plain", n=k.num(d)))
             for d in CHOICE_DELAYS], "choice_delay", "pause", note=k.ui("settings.choice_delay_note"))
        add("settings.scanning", "toggle", onoff, "scanning", "check")
        add("settings.scan_speed", "choice", [(s, k.ui("settings.seconds_plain", n=k.num(s))) for s in SCAN_SPEEDS],
            "scan_seconds", "restart", note=k.ui("settings.scan_speed_note"))
        out.append(Control(k.ui("settings.sound"), "toggle", onoff, lambda: not st.muted, self.set_sound,
                           len(out) + 1, icon="sound_off" if st.muted else "sound_on"))
        add("settings.volume", "slider", [(v, f"{round(v * 100)} %") for v in VOLUMES], "volume", "sound_on")
        add("settings.music", "slider", [(v, k.ui("ui.off") if v == 0 else f"{round(v * 100)} %") for v in VOLUMES],
            "music", "sound_on")
        add("settings.ambient", "toggle", onoff, "ambient", "act_leisure")
        add("settings.voice", "toggle", onoff, "voice", "sound_on", note=self.voice_note())
        if self.nav.mode.changes_window():
            out.append(Control(k.ui("settings.fullscreen"), "toggle", onoff, lambda: st.fullscreen,
                               lambda _v: self.nav.toggle_fullscreen(), len(out) + 1, icon="info"))
        return out

    def preview_values(self) -> list[tuple[str, str]]:
        """What a choice shows before it is taken: the room's default (said as such), or a level."""
        k = self.kit
        room = self.nav.play.room.name if self.nav.play is not None else self.nav.mode.name
        default = k.ui("settings.preview.default", level=k.ui(f"settings.preview.{pv.default_level(room)}"))
        return [("", default)] + [(level, k.ui(f"settings.preview.{level}")) for level in pv.LEVELS]

    def voice_note(self) -> str:
        """Whether a voice is there: the setting says so when there is none."""
        voice = self.kit.voice
        if voice is None or not self.nav.settings.voice:
            return self.kit.ui("settings.voice_note")
        if voice.available is False:
            return self.kit.ui("settings.voice_missing")
        if voice.problem.startswith("lang:"):
            return self.kit.ui("settings.voice_no_language")
        return self.kit.ui("settings.voice_note")

    def set_sound(self, on: bool) -> None:
        self.nav.settings.muted = not on
        self.changed()

    def changed(self) -> None:
        self.nav.apply_settings()

    # -- layout, input, words ------------------------------------------------------------------------
    def layout(self) -> None:
        k = self.kit
        self.title = k.ui("settings.title")
        self.items = []
        back = Button(k.ui("ui.back"), self.close, icon="back", number=None)
        focus, offset = self.focus, self.scroller.offset if self.scroller else 0
        super().layout()  # the panel, with no items yet
        pad = k.pad()
        inner = self.panel.w - 2 * pad if self.panel.w else min(k.w - 2 * k.px(40), k.px(self.width_units)) - 2 * pad
        self.buttons = [*self.controls(), back]
        gap = k.px(14)
        heights = [b.height_for(k, inner) for b in self.buttons]
        total = pad + self._title_h + sum(heights) + gap * (len(heights) - 1) + pad
        w = min(k.w - 2 * k.px(40), k.px(self.width_units))
        h = min(k.h - 2 * k.px(30), total)
        self.panel = pygame.Rect((k.w - w) // 2, (k.h - h) // 2, w, h)
        self.scroll_rect = pygame.Rect(self.panel.x, self.panel.y + pad, w, h - 2 * pad)
        self.scroller.set_sizes(total - 2 * pad, self.scroll_rect.h)  # type: ignore[union-attr]
        self._heights = heights
        self.focus = min(focus, len(self.buttons) - 1)
        self.scroller.scroll(offset)  # type: ignore[union-attr]  # a change keeps the row in view
        self._place()
        self.dirty = True

    def handle(self, a: act.Action) -> bool:
        b = self.buttons[self.focus] if 0 <= self.focus < len(self.buttons) else None
        if a.name in (act.LEFT, act.RIGHT) and isinstance(b, Control):
            if b.step(-1 if a.name == act.LEFT else 1):
                self.kit.sounds.play("focus")
                self.say_value()
            return True
        if a.name == act.RELEASE:
            i = self.hit(a.pos)
            was, self.pressed = self.pressed, None
            if i is not None and i == was and isinstance(self.buttons[i], Control):
                self.kit.sounds.play("select")
                self.focus = i
                changed = self.buttons[i].click(a.pos)  # type: ignore[attr-defined]
                self.say_value()
                return changed
            if i is not None and i == was:
                return self.activate(i)
            return was is not None
        return super().handle(a)

    def activate(self, index: int) -> bool:
        done = super().activate(index)
        if done and isinstance(self.buttons[index] if index < len(self.buttons) else None, Control):
            self.say_value()
        return done

    def say_value(self) -> None:
        """With the voice on, the new value is read out (the row is the same, so focus says nothing)."""
        b = self.buttons[self.focus] if 0 <= self.focus < len(self.buttons) else None
        voice = self.kit.voice
        if isinstance(b, Control) and voice is not None and voice.enabled:
            voice.say(f"{b.label}: {b.value_label()}")

    def speech(self) -> str:
        """What the voice reads: the title, then each setting with its value."""
        lines = [self.title]
        for b in self.buttons:
            value = f": {b.value_label()}" if isinstance(b, Control) else ""
            lines.append(f"{b.label}{value}")
        return "\n".join(lines)
