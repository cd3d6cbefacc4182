"""Colour themes, and the contrast arithmetic that proves them readable.

Every text colour is paired with the background it is drawn on; `pairs()` lists those pairs and
tests/test_ui_theme.py checks each at a WCAG contrast ratio of at least 4.5:1. Meaning is never
carried by colour alone: arrows have shapes, meters have numbers, focus has a thick outline.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

Color = tuple[int, int, int]


def hex_color(value: str) -> Color:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


@dataclass(frozen=True)
class Theme:
    id: str
    bg: Color             # behind everything
    panel: Color          # cards and dialogs
    text: Color           # body text on panel
    muted: Color          # secondary text on panel
    heading: Color        # headings on panel
    button: Color         # a button at rest
    button_text: Color
    button_edge: Color    # outline of a button at rest (non-text, 3:1 against panel)
    focus: Color          # a focused or hovered button
    focus_text: Color
    focus_ring: Color     # the thick ring around the focused item (3:1 against panel)
    bar: Color            # top bar
    bar_text: Color
    track: Color          # empty part of a meter
    fill: Color           # filled part of a meter
    good: Color           # "goes up" arrows, on panel
    bad: Color            # "goes down" arrows, on panel
    shade: int            # how much to darken pictures behind panels (0-255)
    picture_dim: int      # extra dimming of illustrations (high contrast)
    picture_tone: tuple[int, int, int] = (255, 255, 255)  # illustrations are multiplied by this (dark: dusk)


def _t(id_: str, **colours: str | int) -> Theme:
    values = {k: hex_color(v) if isinstance(v, str) else v for k, v in colours.items()}
    return Theme(id=id_, **values)  # type: ignore[arg-type]


THEMES: dict[str, Theme] = {
    "light": _t(
        "light", bg="#E9E4DA", panel="#FBF8F2", text="#23262B", muted="#535861", heading="#1F3F36",
        button="#E3ECF0", button_text="#1C2731", button_edge="#7D93A6", focus="#2F4A63",
        focus_text="#FFFFFF", focus_ring="#B8505A", bar="#2F4A63", bar_text="#F7F3EC",
        track="#D9D3C7", fill="#3F7A5E", good="#2B6447", bad="#98392C", shade=0, picture_dim=0),
    "dark": _t(
        "dark", bg="#101816", panel="#1B2522", text="#EEF3F1", muted="#B8C4BF", heading="#D7E4C8",
        button="#2A3935", button_text="#EEF3F1", button_edge="#6F8A80", focus="#E8B04B",
        focus_text="#17150F", focus_ring="#F2C46B", bar="#0C1210", bar_text="#EEF3F1",
        track="#34433E", fill="#8FC1A0", good="#93D3AA", bad="#F3A58F", shade=40, picture_dim=0,
        picture_tone=(150, 158, 176)),
    "contrast": _t(
        "contrast", bg="#000000", panel="#000000", text="#FFFFFF", muted="#E6E6E6", heading="#FFFF00",
        button="#000000", button_text="#FFFFFF", button_edge="#FFFFFF", focus="#FFFF00",
        focus_text="#000000", focus_ring="#00FFFF", bar="#000000", bar_text="#FFFFFF",
        track="#4D4D4D", fill="#FFFFFF", good="#7CFF9B", bad="#FFA8A8", shade=0, picture_dim=150),
}


def luminance(c: Color) -> float:
    """Relative luminance (WCAG 2.x)."""
    def channel(v: int) -> float:
        x = v / 255.0
        return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in c)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Color, b: Color) -> float:
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


TEXT_PAIRS = [("text", "panel"), ("muted", "panel"), ("heading", "panel"), ("button_text", "button"),
              ("focus_text", "focus"), ("bar_text", "bar"), ("good", "panel"), ("bad", "panel"),
              ("text", "bg"), ("good", "button"), ("bad", "button"), ("text", "button"),
              ("muted", "button")]
# Non-text elements (outlines, meter fills) need 3:1 against what they sit on (WCAG 1.4.11).
GRAPHIC_PAIRS = [("button_edge", "panel"), ("focus_ring", "panel"), ("fill", "track"), ("fill", "panel"),
                 ("focus", "panel")]


def pairs(theme: Theme) -> list[tuple[str, str, float, float]]:
    """(foreground, background, ratio, required) for every pair the interface draws."""
    out = []
    for fg, bg in TEXT_PAIRS:
        out.append((fg, bg, contrast(getattr(theme, fg), getattr(theme, bg)), 4.5))
    for fg, bg in GRAPHIC_PAIRS:
        out.append((fg, bg, contrast(getattr(theme, fg), getattr(theme, bg)), 3.0))
    return out


def theme_fields() -> list[str]:
    return [f.name for f in fields(Theme)]
