"""A day's scene: the place's illustration, where and when we are, the scene's text and its choices as
large buttons; and the content note before a sensitive scene.

Each choice button previews what the player's preview level allows (core/play/preview.py): nothing,
the icons of the meters it touches, or with each an arrow for better or worse for the person (shape and
colour agree, so the meaning never depends on colour). A focused or hovered choice names its icons in a
tooltip. What a choice costs is written under it; a choice the player cannot pay for is shown greyed.
Nothing is focused when a scene opens: focus appears when the player first moves it.
"""

from __future__ import annotations

import pygame

from ...core.play import preview as pv
from ...core.play.engine import CONTINUE
from .. import input as act
from ..nav import Nav
from ..screen import MenuScreen
from ..widgets import Button, Preview, Scroller, preview_words, tooltip
from .play import PlayScreen


class DayScreen(PlayScreen):
    """A scene: picture, text, choices."""

    asks = True

    def __init__(self, nav: Nav):
        super().__init__(nav)
        self.scroller = Scroller()
        where = self.play.where()  # read once: the scene and its choices stay as they were shown
        self.scene = where.scene
        self.offered = list(where.choices)
        self.locked = self.engine.locked() if where.scene is not None else []
        self.level = nav.settings.preview or pv.default_level(self.play.room.name)
        self.focus = -1  # nothing pre-selected: focus appears when the player first moves it
        self.pointer: tuple[int, int] | None = None
        self.strip_cells: list[tuple[pygame.Rect, str]] = []
        self.pinned = False
        self.text_rect = pygame.Rect(0, 0, 0, 0)

    def enter(self) -> None:
        super().enter()
        place = self.kit.content.places.get(self.place_id())
        self.kit.sounds.ambient(place.ambient if place else None, self.nav.settings.ambient)
        self.kit.sounds.play("page")
        self.check_warning()

    def check_warning(self) -> None:
        if not self.nav.settings.content_notes:
            return
        due = self.play.notes_due()
        if due:
            self.nav.push(WarningScreen(self.nav, due), self.on_warning)

    def on_warning(self, result: str | None) -> None:
        if result == "skip":
            self.play.skip()

    # -- layout -----------------------------------------------------------------------------
    def layout(self) -> None:
        k = self.kit
        bar = self.bar_height()
        margin = k.px(24)
        ratio = k.w / k.h
        pad = k.pad()
        # Text first: the card takes more of the screen as the letters grow (large text, OpenDyslexic's
        # wider letters) and as the screen narrows; the picture gets what is left, and on a portrait
        # screen it moves above the card.
        grow = k.text_scale * (1.12 if k.fonts.family == "dyslexic" else 1.0)
        share = (0.44 if ratio >= 1.6 else 0.5 if ratio >= 1.4 else 0.58) + 0.45 * (grow - 1.0)
        card_w = max(min(k.w - 2 * margin, k.px(600)), int(k.w * min(0.72, share)))
        # keep story lines under about 75 characters: cap the text column at ~60 average letters
        card_w = min(card_w, k.font("body").size("abcdefghijklmnopqrstuvwxyz " * 2 + "abcdef")[0]
                     + 2 * pad + k.px(12))
        self.portrait = ratio < 1.0
        if self.portrait:  # under the picture, as tall as it needs (see below), as wide as reads well
            top = bar + int((k.h - bar) * 0.28)
            card_w = max(card_w, min(k.w - 2 * margin, k.px(1100)))
            self.set_card(pygame.Rect((k.w - card_w) // 2, top, card_w, k.h - top - margin))
        else:
            self.set_card(pygame.Rect(k.w - card_w - margin, bar + margin, card_w, k.h - bar - 2 * margin))
        self.buttons = []
        for i, c in enumerate(self.offered):
            label = k.ui("ui.continue") if c is CONTINUE else k.tr(c.text)
            self.buttons.append(Button(label, lambda c=c: self.choose(c), number=i + 1,
                                       previews=self.previews(c), kind="primary" if c is CONTINUE else "normal",
                                       id=c.id, note=self.price(c, "preview.costs")))
        for c in self.locked:  # on show, with their price, but not on offer: a budget the player can see
            self.buttons.append(Button(k.tr(c.text), lambda: None, previews=self.previews(c), id=c.id,
                                       enabled=False, note=self.price(c, "preview.needs")))
        self.n_choices = len(self.buttons)
        self.top_buttons = self.make_top_buttons()
        if self.portrait:  # the card grows up from the bottom only as far as its words need
            self.text_rect = self.inner
            need = self.column(None) + k.px(30) + sum(b.height_for(k, self.inner.w) + k.px(12) for b in self.buttons)
            h = min(self.card.h, need + 2 * pad)
            self.set_card(pygame.Rect(self.card.x, self.card.bottom - h, self.card.w, h))
        # The choices are pinned to the bottom of the card when they fit, so they are always in view
        # and only the text scrolls; when they are too many or too long, everything scrolls together.
        self.text_rect = self.inner
        self.text_h = self.column(None)
        gap = k.px(12)
        heights = [b.height_for(k, self.inner.w) for b in self.buttons]
        choices_h = sum(heights) + gap * max(0, len(heights) - 1)
        self.pinned = choices_h <= self.inner.h * 0.62
        self.offsets = []
        if self.pinned:
            top = self.inner.bottom - choices_h
            self.text_rect = pygame.Rect(self.inner.x, self.inner.y, self.inner.w, top - self.inner.y - k.px(18))
            y = top - self.inner.y
            self.scroller.set_sizes(self.text_h, self.text_rect.h)
            self.scroll_rect = self.text_rect.inflate(k.px(8), k.px(4))
        else:
            y = self.text_h + k.px(22)
        for h in heights:
            self.offsets.append((y, h))
            y += h + gap
        if not self.pinned:
            self.content_h = y
            self.scroller.set_sizes(self.content_h, self.inner.h)
        self.place_buttons()
        self.buttons += self.top_buttons
        self.focus = min(self.focus, len(self.buttons) - 1)
        self.static = None
        self.dirty = True

    def set_card(self, card: pygame.Rect) -> None:
        k = self.kit
        pad = k.pad()
        self.card = card
        self.inner = pygame.Rect(card.x + pad, card.y + pad, card.w - 2 * pad - k.px(12), card.h - 2 * pad)
        self.scroll_rect = pygame.Rect(card.x + k.px(8), card.y + k.px(8), card.w - k.px(16), card.h - k.px(16))

    def previews(self, choice) -> list[Preview]:
        """What the preview level allows about a choice (nothing at 'off')."""
        k = self.kit
        out = []
        for hint in pv.hints(k.content, choice, self.level):
            ch = k.content.characters.get(hint.owner) if hint.owner else None
            who = k.tr(ch.name) if ch else ""
            out.append(Preview(k.var_icon(hint.var), k.var_name(hint.var), hint.verdict, who,
                               ch.portrait if ch else None))
        out.sort(key=lambda p: p.who)  # group each resident's meters behind their portrait
        return out[:8]

    def price(self, choice, key: str) -> str:
        """"costs Energy 2, Money 100 kr" (or "needs ..."), or "" for a choice that costs nothing."""
        costs = pv.costs(self.kit.content, choice)
        return self.kit.ui(key, what=self.amounts(costs)) if costs else ""

    def amounts(self, pairs) -> str:
        k = self.kit
        parts = []
        for name, amount in pairs:
            budget = k.content.variables[name].budget
            unit = k.tr(budget.unit) if budget and budget.unit else ""
            parts.append(f"{k.tr(budget.name) if budget else name} {k.num(amount)}" + (f" {unit}" if unit else ""))
        return ", ".join(parts)

    def place_buttons(self) -> None:
        top = self.inner.y - (0 if self.pinned else self.scroller.offset)
        for b, (y, h) in zip(self.buttons, self.offsets):
            b.rect = pygame.Rect(self.inner.x, top + y, self.inner.w, h)

    def visible(self, b: Button) -> bool:
        return b in self.top_buttons or self.pinned or self.scroll_rect.colliderect(b.rect)

    def ensure_visible(self, index: int) -> None:
        b = self.buttons[index]
        if b in self.top_buttons or self.pinned:
            return
        view = self.inner
        if b.rect.top < view.top:
            self.scroller.scroll(b.rect.top - view.top)
        elif b.rect.bottom > view.bottom:
            self.scroller.scroll(b.rect.bottom - view.bottom)
        self.place_buttons()
        self.static = None

    def handle(self, a: act.Action) -> bool:
        if a.name == act.POINT:
            was, self.pointer = self.pointer, a.pos
            changed = super().handle(a)
            return changed or self.tip_at(was) != self.tip_at(a.pos)
        if a.name in (act.SCROLL, act.DRAG, act.PAGE):
            changed = super().handle(a)
            if changed:
                self.place_buttons()
                self.static = None
            return changed
        return super().handle(a)

    def column(self, surf: pygame.Surface | None) -> int:
        """Draw (or measure) the header, text and fact; returns the height."""
        k = self.kit
        th = k.theme
        scene = self.scene
        x, w = self.inner.x, self.inner.w
        y0 = self.text_rect.y - (self.scroller.offset if surf else 0)
        y = y0
        clip = self.text_rect
        if scene is None:
            return 0
        if scene.speaker and scene.speaker in k.content.characters:
            ch = k.content.characters[scene.speaker]
            size = max(k.px(72), min(k.px(128), k.h // 7))  # whoever speaks is seen: a large portrait
            words_h = k.px(6) + k.line_height("body_bold") + (k.line_height("small") if ch.role else 0)
            if surf and ch.portrait:
                surf.blit(k.images.load(ch.portrait, (size, size)), (x, y))
            tx = x + (size + k.px(14) if ch.portrait else 0)
            ty = y + (max(0, (size - words_h) // 2) if ch.portrait else 0)
            if surf:
                k.text(surf, k.tr(ch.name), "body_bold", th.heading, (tx, ty + k.px(6)))
                if ch.role:
                    k.text(surf, k.tr(ch.role), "small", th.muted, (tx, ty + k.px(6) + k.line_height("body_bold")))
            y += max(size if ch.portrait else 0, words_h) + k.px(14)
        if scene.title:
            for line in k.wrap(k.tr(scene.title), "heading", w):
                if surf:
                    k.text(surf, line, "heading", th.heading, (x, y))
                y += k.line_height("heading")
            y += k.px(6)
        y += k.paragraphs(surf, k.tr(self.engine.scene_text()), "body", th.text, x, y, w, clip)
        if scene.fact and scene.fact in k.content.facts:
            y += k.px(18)
            y += self.fact_box(surf, k.content.facts[scene.fact], x, y, w)
        return y - y0

    def fact_box(self, surf: pygame.Surface | None, fact: dict, x: int, y: int, w: int) -> int:
        k = self.kit
        th = k.theme
        pad = k.px(16)
        inner = w - 2 * pad - k.px(6)
        body = k.tr(fact.text)
        source = fact.sources[0].title
        caveat = k.tr(fact.caveat)
        h = pad + k.line_height("label") + k.paragraphs(None, body, "small", (0, 0, 0), 0, 0, inner)
        if caveat:
            h += k.px(6) + k.paragraphs(None, caveat, "small", (0, 0, 0), 0, 0, inner)
        h += k.px(6) + k.paragraphs(None, k.ui("play.source", source=source), "small", (0, 0, 0), 0, 0, inner) + pad
        if surf:
            box = pygame.Rect(x, y, w, h)
            pygame.draw.rect(surf, th.button, box, border_radius=k.px(10))
            pygame.draw.rect(surf, th.fill, (x, y, k.px(6), h), border_top_left_radius=k.px(10),
                             border_bottom_left_radius=k.px(10))
            ty = y + pad
            surf.blit(k.images.icon("info", k.px(22), th.button_text), (x + pad + k.px(6), ty))
            k.text(surf, k.ui("play.fact"), "label", th.button_text, (x + pad + k.px(36), ty))
            ty += k.line_height("label")
            ty += k.paragraphs(surf, body, "small", th.button_text, x + pad + k.px(6), ty, inner)
            if caveat:
                ty += k.px(6)
                ty += k.paragraphs(surf, caveat, "small", th.button_text, x + pad + k.px(6), ty, inner)
            ty += k.px(6)
            k.paragraphs(surf, k.ui("play.source", source=source), "small", th.muted, x + pad + k.px(6), ty, inner)
        return h

    # -- acting -----------------------------------------------------------------------------------
    def choose(self, choice) -> None:
        self.nav.mode.after_choice(choice, lambda: self.play.choose(choice))

    # -- drawing ----------------------------------------------------------------------------------
    def build_static(self) -> pygame.Surface:
        k = self.kit
        th = k.theme
        surf = self.layer()  # drawn over entirely: background, bar, card
        self.draw_background(surf)
        spec = k.content.places.get(self.place_id())
        place = k.tr(spec.name if spec else None)
        self.draw_bar(surf, place)
        k.panel(surf, self.card)
        self.draw_strip(surf)
        clip = surf.get_clip()
        surf.set_clip(self.scroll_rect)
        self.column(surf)
        surf.set_clip(clip)
        bar = self.text_rect if self.pinned else self.inner
        self.scroller.draw_bar(k, surf, pygame.Rect(self.card.right - k.px(14), bar.y, k.px(8), bar.h))
        if self.pinned and self.scroller.max_offset:
            y = self.text_rect.bottom + k.px(8)
            pygame.draw.line(surf, th.track, (self.inner.x, y), (self.inner.right, y), max(1, k.px(2)))
        return surf

    def draw_strip(self, surf: pygame.Surface) -> None:
        """The meters (resident) or the residents (officer) at the bottom left, over the picture (above
        the card on a portrait screen), in as many rows as they need: a number never covers an icon."""
        k = self.kit
        e = self.engine
        x = self.card.x if self.portrait else k.px(24)
        space = self.card.w if self.portrait else self.card.x - k.px(48)
        if space < k.px(200):
            return
        h = max(k.px(56), k.line_height("label") + k.px(16), k.px(26) + k.line_height("small"))
        items: list[tuple[str | None, str | None, str, str]] = []  # icon, portrait, number, name
        if e.state.subject is not None:
            for name in self.play.budgets():  # what the player can spend today, in stories with prices
                spec = k.content.variables[name]
                value = e.state.vars.get(name, 0)
                if spec.budget is None or (not value and name == "debt"):
                    continue
                unit = k.tr(spec.budget.unit) if spec.budget.unit else ""
                items.append((spec.budget.icon or "info", None, k.num(round(value)) + (f" {unit}" if unit else ""),
                              k.tr(spec.budget.name)))
            role = k.content.roles.get(e.campaign.role)
            for var in role.meters if role else ():
                items.append((k.var_icon(var), None, str(round(e.state.subject.get(var, 0))), k.var_name(var)))
        else:
            scen = k.content.scenarios.get(e.day.scenario if e.day and e.day.scenario else "")
            for who in (scen.residents if scen else ()) or e.campaign.residents:
                ch = k.content.characters.get(who)
                if ch is None or who not in e.state.chars:
                    continue
                items.append(("trust", ch.portrait, str(round(e.state.chars[who].get("trust", 0))),
                              f"{k.tr(ch.name)}: {k.var_name('trust')}"))
        if not items:
            return
        widths = [k.px(40) + k.font("label").size(number)[0] + k.px(8) if not portrait
                  else max(k.px(84), k.px(50) + k.font("small").size(number)[0])
                  for _icon, portrait, number, _name in items]
        rows: list[list[int]] = [[]]
        used = k.px(20)
        for i, cell in enumerate(widths):
            if rows[-1] and used + cell > space:
                rows.append([])
                used = k.px(20)
            rows[-1].append(i)
            used += cell
        bottom = self.card.y - k.px(12) if self.portrait else k.h - k.px(24)
        top = bottom - h * len(rows)
        box = pygame.Rect(x, top, max(sum(widths[i] for i in row) for row in rows) + k.px(20), h * len(rows))
        k.panel(surf, box)
        size = k.px(26)
        self.strip_cells = []
        for r, row in enumerate(rows):
            y = top + r * h
            cx = x + k.px(10)
            for i in row:
                self.strip_cell(surf, items[i], pygame.Rect(cx, y, widths[i], h), size)
                cx += widths[i]
        self.strip_rect = box

    def strip_cell(self, surf: pygame.Surface, item: tuple[str | None, str | None, str, str], cell: pygame.Rect,
                   size: int) -> None:
        k = self.kit
        th = k.theme
        icon, portrait, number, name = item
        cx, y, h = cell.x, cell.y, cell.h
        self.strip_cells.append((cell, name))
        if portrait:
            surf.blit(k.images.load(portrait, (k.px(40), k.px(40))), (cx, y + (h - k.px(40)) // 2))
            surf.blit(k.images.icon(icon or "trust", k.px(18), th.text), (cx + k.px(46), y + k.px(8)))
            k.text(surf, number, "small", th.text, (cx + k.px(46), y + h - k.px(6)), "bottomleft", box=cell)
        else:
            surf.blit(k.images.icon(icon or "info", size, th.text), (cx, y + (h - size) // 2))
            k.text(surf, number, "label", th.text, (cx + size + k.px(6), y + h // 2), "midleft", box=cell)

    def draw(self, surf: pygame.Surface) -> None:
        if self.static is None or self.static.get_size() != surf.get_size():
            self.static = self.build_static()
        surf.blit(self.static, (0, 0))
        clip = surf.get_clip()
        if not self.pinned:
            surf.set_clip(self.scroll_rect)
        self.draw_buttons(surf, self.buttons[: self.n_choices])
        self.scroller.draw_cue(self.kit, surf, self.text_rect if self.pinned else self.inner, self.kit.theme.panel)
        surf.set_clip(clip)
        self.draw_buttons(surf, self.top_buttons)
        tip = self.tip_at(self.pointer)
        if tip is not None:
            tooltip(self.kit, surf, *tip)

    def tip_at(self, pos: tuple[int, int] | None) -> tuple[pygame.Rect, str] | None:
        """The tooltip to show: the names of the focused (or pointed-at) choice's icons, or of the
        pointed-at icon in the strip of meters."""
        if pos is not None:
            for rect, name in self.strip_cells:
                if rect.collidepoint(pos):
                    return rect, name
        index = self.focus
        if pos is not None:
            index = next((i for i, b in enumerate(self.buttons[: self.n_choices])
                          if b.rect.collidepoint(pos) and self.visible(b)), index)
        if 0 <= index < self.n_choices and self.buttons[index].previews and self.visible(self.buttons[index]):
            b = self.buttons[index]
            return b.rect, preview_words(self.kit, b.previews)
        return None


class WarningScreen(MenuScreen):
    """A content note before a scene, with 'continue' and 'skip this scene'. Returns 'continue' or 'skip'."""

    asks = True

    def __init__(self, nav: Nav, warnings: tuple[str, ...]):
        k = nav.kit
        names = ", ".join(k.tr(k.content.warnings[w].name) for w in warnings if w in k.content.warnings)
        parts = []
        for w in warnings:
            spec = k.content.warnings.get(w)
            if spec:
                parts.append(k.tr(spec.note))
                if spec.help:
                    parts.append(k.tr(spec.help))
        super().__init__(nav, k.ui("warning.title", names=names),
                         [(k.ui("warning.continue"), lambda: self.close("continue")),
                          (k.ui("warning.skip"), lambda: self.close("skip"))],
                         body="\n\n".join(parts), icons=["check", "back"], back=lambda: self.close("skip"),
                         modal=False)  # the scene stays hidden until the player chooses to go on
        self.place = nav.play.place if nav.play is not None else ""

    def backdrop(self, surf: pygame.Surface) -> None:
        """The place's picture, dimmed, and none of the scene's words."""
        k = self.kit
        spec = k.content.places.get(self.place)
        if spec and spec.art:
            surf.blit(k.images.cover(spec.art, (k.w, k.h)), (0, 0))
            k.darken(surf, None, 170)
        else:
            surf.fill(k.theme.bg)

    def enter(self) -> None:
        super().enter()
        self.kit.sounds.play("notice")
