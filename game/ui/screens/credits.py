"""About and credits: what the game is, who made what, the fonts and their licences, every source."""

from __future__ import annotations

import pygame

from ...core.play import figures
from ...core.world import as_source
from .panel import PanelScreen


def all_sources(content, lang: str) -> list[str]:
    """Every distinct source named anywhere in the content, in the player's language, in a stable
    order (the model's own assumptions are on its page, not here)."""
    seen: dict[str, None] = {}
    groups: list[list] = [f.sources for f in content.facts.values()]
    groups += [f.sources for f in content.model.factors] + [m.sources for m in content.model.modifiers]
    groups += [content.model.sources] + [p.sources for p in content.principles.values()]
    for group in groups:
        for src in group:
            if not as_source(src).assumption:
                seen.setdefault(figures.source(content, src, lang), None)
    return sorted(seen, key=str.lower)


class CreditsScreen(PanelScreen):
    button_width = 300

    def sections(self) -> list[tuple[str, list[str]]]:
        k = self.kit
        return [
            (k.ui("credits.about_title"), [k.ui("credits.about")]),
            (k.ui("credits.model_title"), [k.tr(k.content.model.disclaimer)]),
            (k.ui("credits.fonts_title"), [k.ui("credits.fonts")]),
            (k.ui("credits.art_title"), [k.ui("credits.art")]),
            (k.ui("credits.sources_title"), ["• " + s for s in all_sources(k.content, k.lang)]),
        ]

    def body(self, surf: pygame.Surface | None, x: int, y: int, w: int) -> int:
        k = self.kit
        th = k.theme
        y0 = y
        clip = self.scroll_rect
        if surf:
            k.text(surf, k.ui("title.credits"), "heading", th.heading, (x, y))
        y += k.line_height("heading") + k.px(12)
        for title, paras in self.sections():
            if surf:
                k.text(surf, title, "body_bold", th.heading, (x, y))
            y += k.line_height("body_bold") + k.px(4)
            for p in paras:
                y += k.paragraphs(surf, p, "small", th.text, x, y, w, clip) + k.px(4)
            y += k.px(16)
        return y - y0
