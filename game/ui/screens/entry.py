"""A short text field with an on-screen keyboard: session codes, and a results folder.

Typing on a real keyboard works too; the on-screen keys serve mouse, touch, controller and switch.
"""

from __future__ import annotations

import string
from typing import Callable

import pygame

from .. import input as act
from ..screen import Screen
from ..widgets import Button
from ..nav import Nav


KEYS = list(string.ascii_uppercase + string.digits)


class EntryScreen(Screen):
    """Returns the entered text through the callback given to `nav.push`, or None if cancelled."""

    modal = True

    def __init__(self, nav: Nav, title: str, prompt: str, value: str = "", max_len: int = 12,
                 keys: list[str] | None = None, free_text: bool = False, validate: Callable[[str], bool] | None = None):
        super().__init__(nav)
        self.title = title
        self.prompt = prompt
        self.value = value
        self.max_len = max_len
        self.keys = KEYS if keys is None else keys
        self.free_text = free_text
        self.validate = validate or (lambda v: bool(v.strip()))

    def enter(self) -> None:
        super().enter()
        pygame.key.start_text_input()

    def exit(self) -> None:
        pygame.key.stop_text_input()

    def layout(self) -> None:
        k = self.kit
        pad = k.pad()
        cols = 10 if k.w / k.h >= 1.3 else 9
        key = max(k.target(), k.px(64))
        gap = k.px(8)
        rows = (len(self.keys) + cols - 1) // cols
        w = min(k.w - 2 * k.px(30), max(cols * (key + gap) - gap + 2 * pad, k.px(900)))
        field_h = k.target() + k.px(10)
        h = (pad + k.line_height("heading") + k.line_height("body") * 2 + field_h + rows * (key + gap) + k.target()
             + 3 * pad)
        h = min(k.h - 2 * k.px(20), h)
        self.panel = pygame.Rect((k.w - w) // 2, (k.h - h) // 2, w, h)
        y = self.panel.y + pad + k.line_height("heading") + k.paragraphs(None, self.prompt, "body", (0, 0, 0), 0, 0,
                                                                         w - 2 * pad) + k.px(12)
        self.field = pygame.Rect(self.panel.x + pad, y, w - 2 * pad, field_h)
        y = self.field.bottom + k.px(16)
        kx = self.panel.x + (w - (cols * (key + gap) - gap)) // 2
        self.buttons = []
        for i, ch in enumerate(self.keys):
            r, c = divmod(i, cols)
            b = Button(ch, lambda ch=ch: self.type(ch), id=f"key_{ch}")
            b.rect = pygame.Rect(kx + c * (key + gap), y + r * (key + gap), key, key)
            self.buttons.append(b)
        y += rows * (key + gap) + k.px(8)
        bw = (w - 2 * pad - 2 * gap) // 3
        row = [(k.ui("entry.delete"), self.delete, "back"), (k.ui("ui.back"), self.cancel, "close"),
               (k.ui("entry.done"), self.done, "check")]
        for i, (label, fn, icon) in enumerate(row):
            b = Button(label, fn, icon=icon, kind="primary" if fn == self.done else "normal", id=f"do_{i}")
            b.rect = pygame.Rect(self.panel.x + pad + i * (bw + gap), y, bw, k.target())
            self.buttons.append(b)
        self.dirty = True

    def type(self, text: str) -> None:
        for ch in text:
            if len(self.value) >= self.max_len:
                break
            if self.free_text or ch.upper() in self.keys:
                self.value += ch if self.free_text else ch.upper()
        self.dirty = True

    def delete(self) -> None:
        self.value = self.value[:-1]

    def cancel(self) -> None:
        self.close(None)

    def done(self) -> None:
        if self.validate(self.value):
            self.close(self.value.strip())

    def handle(self, a: act.Action) -> bool:
        if a.name == act.TEXT:
            self.type(a.text)
            return True
        if a.name == act.BACK and a.key == pygame.K_BACKSPACE:
            self.delete()
            return True
        if a.name == act.BACK:
            self.cancel()
            return True
        if a.name == act.CHOOSE:
            return False  # digits arrive as typed text
        if a.name == act.CONFIRM and a.key == pygame.K_RETURN:
            self.done()
            return True
        if a.name == act.CONFIRM and a.key == pygame.K_SPACE and self.free_text:
            return False
        return super().handle(a)

    def draw(self, surf: pygame.Surface) -> None:
        k = self.kit
        th = k.theme
        k.darken(surf, None, 150)
        k.panel(surf, self.panel, border=th.button_edge)
        pad = k.pad()
        k.text(surf, self.title, "heading", th.heading, (self.panel.x + pad, self.panel.y + pad))
        k.paragraphs(surf, self.prompt, "body", th.text, self.panel.x + pad,
                     self.panel.y + pad + k.line_height("heading"), self.panel.w - 2 * pad)
        pygame.draw.rect(surf, th.button, self.field, border_radius=k.px(8))
        pygame.draw.rect(surf, th.focus_ring, self.field, width=max(2, k.px(3)), border_radius=k.px(8))
        shown = self.value
        font = k.font("heading")
        while font.size(shown)[0] > self.field.w - k.px(40) and len(shown) > 1:
            shown = shown[1:]
        r = k.text(surf, shown, "heading", th.button_text, (self.field.x + k.px(16), self.field.centery), "midleft")
        pygame.draw.line(surf, th.button_text, (r.right + k.px(4), self.field.y + k.px(10)),
                         (r.right + k.px(4), self.field.bottom - k.px(10)), max(2, k.px(2)))
        self.draw_buttons(surf)
