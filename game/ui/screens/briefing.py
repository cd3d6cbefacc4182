"""The role briefing: who you are, what a day looks like, what the meters mean; then who to play."""

from __future__ import annotations


import pygame

from .. import input as act
from ..screen import Screen
from ..widgets import Button, Scroller
from ..nav import Nav



class BriefingScreen(Screen):
    def __init__(self, nav: Nav, campaign: str, seed: int | None = None, code: str | None = None):
        super().__init__(nav)
        self.campaign_id = campaign
        self.seed = seed
        self.code = code
        self.scroller = Scroller()
        self.camp = nav.content.campaigns[campaign]
        self.role = nav.content.roles.get(self.camp.role)

    def layout(self) -> None:
        k = self.kit
        pad = k.pad()
        margin = k.px(36)
        wide = k.w / k.h > 1.45
        left_w = int((k.w - 3 * margin) * (0.56 if wide else 0.52))
        self.left = pygame.Rect(margin, margin, left_w, k.h - 2 * margin)
        self.right = pygame.Rect(self.left.right + margin, margin, k.w - left_w - 3 * margin, k.h - 2 * margin)
        self.buttons = []
        if self.camp.subject == "player" and self.camp.profiles:
            for i, p in enumerate(self.camp.profiles):
                ch = k.content.characters.get(p.character or "")
                age = f", {p.age}" if p.age else ""
                self.buttons.append(Button(f"{k.tr(p.name)}{age}", lambda pid=p.id: self.start(pid),
                                           note="", picture=ch.portrait if ch and ch.portrait else None,
                                           number=i + 1, id=p.id))
        else:
            self.buttons.append(Button(k.ui("briefing.start"), lambda: self.start(None), icon="check",
                                       kind="primary", number=1, id="start"))
        self.buttons.append(Button(k.ui("ui.back"), self.close, icon="back", kind="quiet", id="back"))
        inner = self.right.w - 2 * pad
        y = pad + k.line_height("heading") + k.px(10)
        self._summaries = []
        self._offsets = []
        for b in self.buttons:
            prof = next((p for p in self.camp.profiles if p.id == b.id), None)
            summary = k.tr(prof.summary) if prof else ""
            h = b.height_for(k, inner)
            self._offsets.append((y, h))
            y += h + k.px(6)
            if summary:
                sh = k.paragraphs(None, summary, "small", (0, 0, 0), 0, 0, inner - k.px(10))
                self._summaries.append((summary, y, sh))
                y += sh + k.px(16)
            else:
                y += k.px(10)
        self._right_h = y + pad
        self.right_view = pygame.Rect(self.right.x, self.right.y, self.right.w, min(self.right.h, self._right_h))
        self.right_scroller = Scroller()
        self.right_scroller.set_sizes(self._right_h, self.right_view.h)
        self._place()
        self.scroll_rect = self.left.inflate(-2 * pad, -2 * pad)
        self.scroller.set_sizes(self._body(None), self.scroll_rect.h)
        self.pointer = (0, 0)
        self.dirty = True

    def _place(self) -> None:
        k = self.kit
        pad = k.pad()
        top = self.right.y - self.right_scroller.offset
        for b, (y, h) in zip(self.buttons, self._offsets):
            b.rect = pygame.Rect(self.right.x + pad, top + y, self.right.w - 2 * pad, h)

    def visible(self, b: Button) -> bool:
        return self.right_view.contains(b.rect)

    def ensure_visible(self, index: int) -> None:
        b = self.buttons[index]
        view = self.right_view.inflate(0, -self.kit.px(12))
        if b.rect.top < view.top:
            self.right_scroller.scroll(b.rect.top - view.top)
        elif b.rect.bottom > view.bottom:
            self.right_scroller.scroll(b.rect.bottom - view.bottom)
        self._place()

    def _body(self, surf: pygame.Surface | None) -> int:
        """Draw (or measure) the briefing column; returns its height."""
        k = self.kit
        th = k.theme
        x, w = self.scroll_rect.x, self.scroll_rect.w - k.px(16)
        y0 = self.scroll_rect.y - (self.scroller.offset if surf else 0)
        y = y0
        clip = self.scroll_rect
        if surf:
            k.text(surf, k.tr(self.role.name if self.role else None), "heading", th.heading, (x, y))
        y += k.line_height("heading") + k.px(8)
        briefing = k.tr(self.role.briefing if self.role else None)
        y += k.paragraphs(surf, briefing, "body", th.text, x, y, w, clip) + k.px(18)
        if surf:
            k.text(surf, k.ui("briefing.meters"), "label", th.heading, (x, y))
        y += k.line_height("label") + k.px(8)
        icon = k.px(28)
        for var in self.role.meters if self.role else ():
            spec = k.content.model.variables.get(var)
            if surf and clip.top - icon < y < clip.bottom:
                surf.blit(k.images.icon(k.var_icon(var), icon, th.text), (x, y))
                k.text(surf, k.var_name(var), "body_bold", th.text, (x + icon + k.px(12), y))
            y += k.line_height("body_bold")
            y += k.paragraphs(surf, k.tr(spec.description if spec else None), "small", th.muted, x + icon + k.px(12), y,
                              w - icon - k.px(12), clip) + k.px(10)
        return y - y0

    def start(self, profile: str | None) -> None:
        self.nav.new_game(self.campaign_id, profile=profile, seed=self.seed, code=self.code)

    def on_back(self) -> bool:
        self.close()
        return True

    def handle(self, a: act.Action) -> bool:
        if a.name == act.POINT:
            self.pointer = a.pos
        if a.name in (act.SCROLL, act.DRAG, act.PAGE) and self.right_view.collidepoint(
                a.pos if a.name == act.DRAG else self.pointer):
            amount = a.amount * (self.kit.px(self.scroll_step) / 3 if a.name == act.SCROLL else 1)
            if a.name == act.PAGE:
                amount = a.amount * self.right_view.h
            changed = self.right_scroller.scroll(amount)
            self._place()
            return changed
        return super().handle(a)

    def draw(self, surf: pygame.Surface) -> None:
        k = self.kit
        th = k.theme
        place = k.content.places.get("reception" if self.camp.role == "resident" else "officers_station")
        art = place.art if place else None
        if art:
            surf.blit(k.images.cover(art, (k.w, k.h)), (0, 0))
            k.darken(surf, None, 90 + th.picture_dim // 2)
        else:
            surf.fill(th.bg)
        k.panel(surf, self.left)
        k.panel(surf, self.right_view)
        clip = surf.get_clip()
        surf.set_clip(self.scroll_rect)
        self._body(surf)
        self.scroller.draw_cue(k, surf, self.scroll_rect, th.panel)
        surf.set_clip(clip)
        self.scroller.draw_bar(k, surf, self.scroll_rect.move(k.px(12), 0))
        pad = k.pad()
        surf.set_clip(self.right_view)
        top = self.right.y - self.right_scroller.offset
        title = k.ui("briefing.choose") if self.camp.subject == "player" else k.tr(self.camp.title)
        k.text(surf, title, "heading", th.heading, (self.right.x + pad, top + pad))
        for text, y, _h in self._summaries:
            k.paragraphs(surf, text, "small", th.muted, self.right.x + pad + k.px(6), top + y,
                         self.right.w - 2 * pad - k.px(10), clip=self.right_view)
        self.draw_buttons(surf)
        self.right_scroller.draw_cue(k, surf, self.right_view, th.panel)
        surf.set_clip(clip)
        self.right_scroller.draw_bar(k, surf, self.right_view.inflate(-k.px(8), -k.px(20)).move(k.px(2), 0))
