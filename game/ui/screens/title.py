"""The title screen: play either role, continue, the classroom and training modes, settings, credits,
and the languages, each shown by its own name."""

from __future__ import annotations


import pygame

from ...core.play.campaigns import campaign_for_role
from ..screen import Screen
from ..widgets import Button, Scroller
from ..nav import Nav



class TitleScreen(Screen):
    art = "title/title.svg"

    def __init__(self, nav: Nav):
        super().__init__(nav)
        self.scroller = Scroller()

    def enter(self) -> None:
        super().enter()
        self.kit.sounds.ambient("outdoor", self.nav.settings.ambient)

    def items(self) -> list[Button]:
        k = self.kit
        nav = self.nav
        saved = nav.saves.peek("autosave")
        out = []
        if saved:  # a game to come back to comes first, and is the main button
            campaign, profile = saved.get("campaign", ""), saved.get("profile", "")
            camp = k.content.campaigns.get(str(saved.get("campaign_id", "")))
            if camp is not None:  # named in today's language, not the one it was saved in
                campaign = k.tr(camp.title)
                who = next((p for p in camp.profiles if p.id == saved.get("profile_id")), None)
                profile = k.tr(who.name) if who else profile
            note = k.ui("title.continue_note", campaign=campaign, profile=profile, day=saved.get("day", ""))
            out.append(Button(k.ui("title.continue"), lambda: nav.continue_game("autosave"), icon="load",
                              note=note.strip(" ·"), kind="primary", id="continue"))
        out += [
            Button(k.ui("title.play_resident"), lambda: self.play("resident"), icon="person",
                   kind="normal" if saved else "primary", id="resident"),
            Button(k.ui("title.play_officer"), lambda: self.play("officer"), icon="trust", id="officer"),
        ]
        out += [Button(label, action, icon=icon, id=icon) for label, action, icon in nav.title_items()]
        out += [
            Button(k.ui("title.settings"), self.settings, icon="settings", id="settings"),
            Button(k.ui("title.credits"), self.credits, icon="info", id="credits"),
            Button(k.ui("title.quit"), self.quit, icon="close", kind="quiet", id="quit"),
        ]
        return out

    def layout(self) -> None:
        k = self.kit
        self.menu = self.items()
        grow = k.text_scale * (1.12 if k.fonts.family == "dyslexic" else 1.0)
        x = k.px(70)
        col_w = min(int(k.px(560) * grow), int(k.w * min(0.62, 0.42 * grow)), k.w - 2 * x)
        if k.w < k.h:  # portrait: the whole width
            col_w = k.w - 2 * x
        self.tagline = k.wrap(k.ui("title.tagline"), "body", self.head_width(col_w) - k.px(48))
        title_h = k.line_height("title") + k.line_height("body") * len(self.tagline) + k.px(30)
        top = k.px(50) + title_h
        lang_h = k.target() + k.px(20)
        avail = k.h - top - lang_h - k.px(30)
        gap = k.px(10)
        heights = [b.height_for(k, col_w) for b in self.menu]
        total = sum(heights) + gap * (len(heights) - 1)
        self.scroll_rect = pygame.Rect(x - k.px(8), top - k.px(8), col_w + k.px(16), min(avail, total) + k.px(16))
        self.scroller.set_sizes(total + k.px(16), self.scroll_rect.h)
        self._heights = heights
        self.col = (x, top, col_w)
        # languages along the bottom, each in its own words
        self.langs = []
        lx = x
        for code, name in self.kit.content.languages.items():
            w = k.font("button").size(name)[0] + k.px(48)
            b = Button(name, lambda c=code: self.nav.set_language(c), icon="language", id=f"lang_{code}",
                       kind="primary" if code == k.lang else "quiet")
            b.rect = pygame.Rect(lx, k.h - k.px(24) - k.target(), w + k.px(40), k.target())
            lx += b.rect.w + k.px(14)
            self.langs.append(b)
        self.buttons = self.menu + self.langs
        for i, b in enumerate(self.menu):
            b.number = i + 1
        self.focus = min(self.focus, len(self.buttons) - 1)
        self._place()
        self.dirty = True

    def head_width(self, col_w: int) -> int:
        k = self.kit
        return max(col_w, k.font("title").size(k.ui("app.title"))[0]) + k.px(48)

    def _place(self) -> None:
        x, top, w = self.col
        y = top - self.scroller.offset
        for b, h in zip(self.menu, self._heights):
            b.rect = pygame.Rect(x, y, w, h)
            y += h + self.kit.px(10)

    def visible(self, b: Button) -> bool:
        return b in self.langs or self.scroll_rect.colliderect(b.rect)

    def hit(self, pos: tuple[int, int]) -> int | None:
        """A menu button scrolled partly out of view is hit only where it shows (not where the
        language buttons are)."""
        for i, b in enumerate(self.buttons):
            if b.enabled and b.rect.collidepoint(pos) and (b in self.langs or self.scroll_rect.collidepoint(pos)):
                return i
        return None

    def ensure_visible(self, index: int) -> None:
        b = self.buttons[index]
        if b in self.langs:
            return
        if b.rect.top < self.scroll_rect.top:
            self.scroller.scroll(b.rect.top - self.scroll_rect.top - self.kit.px(8))
        elif b.rect.bottom > self.scroll_rect.bottom:
            self.scroller.scroll(b.rect.bottom - self.scroll_rect.bottom + self.kit.px(8))
        self._place()

    def handle(self, a) -> bool:
        changed = super().handle(a)
        from .. import input as act
        if a.name in (act.SCROLL, act.DRAG, act.PAGE):
            self._place()
        return changed

    # -- actions --------------------------------------------------------------------------------
    def play(self, role: str) -> None:
        from .briefing import BriefingScreen
        campaign = campaign_for_role(self.kit.content, role)
        if campaign:
            self.nav.push(BriefingScreen(self.nav, campaign))

    def settings(self) -> None:
        from .menus import SettingsScreen
        self.nav.push(SettingsScreen(self.nav))

    def credits(self) -> None:
        from .credits import CreditsScreen
        self.nav.push(CreditsScreen(self.nav))

    def quit(self) -> None:
        self.nav.quit()

    # -- drawing ----------------------------------------------------------------------------------
    def draw(self, surf: pygame.Surface) -> None:
        k = self.kit
        th = k.theme
        surf.blit(k.images.cover(self.art, (k.w, k.h)), (0, 0))
        k.darken(surf, None, th.picture_dim)
        x, top, w = self.col
        # a solid panel behind the words keeps them readable over any picture
        head = pygame.Rect(x - k.px(24), k.px(30), self.head_width(w), top - k.px(30) - k.px(14))
        k.panel(surf, head)
        k.text(surf, k.ui("app.title"), "title", th.heading, (x, k.px(42)))
        tag_y = k.px(42) + k.line_height("title")
        for line in self.tagline:  # whole, on as many lines as it takes
            k.text(surf, line, "body", th.text, (x, tag_y), box=head)
            tag_y += k.line_height("body")
        k.panel(surf, self.scroll_rect.inflate(k.px(32), k.px(16)))
        clip = surf.get_clip()
        surf.set_clip(self.scroll_rect.inflate(k.px(10), 0))
        self.draw_buttons(surf, self.menu)
        self.scroller.draw_cue(k, surf, self.scroll_rect, th.panel)
        surf.set_clip(clip)
        self.scroller.draw_bar(k, surf, self.scroll_rect.move(k.px(14), 0))
        lang_panel = pygame.Rect(self.langs[0].rect.x - k.px(12), self.langs[0].rect.y - k.px(10),
                                 self.langs[-1].rect.right - self.langs[0].rect.x + k.px(24), k.target() + k.px(20))
        k.panel(surf, lang_panel)
        self.draw_buttons(surf, self.langs)
