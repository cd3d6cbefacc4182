"""Text first at every size: every screen laid out at every size (landscape 16:9, 16:10-ish 1024x600, 4:3
and a portrait 1080x1920) x text size x font x language, failing on what a reader would see as broken:

* a button outside the window, two buttons over each other, a button too small to touch (test_screens);
* text outside its box: a line past its panel, a meter's number over its icon (every drawn line is audited);
* a button's label cut: the button is shorter than its wrapped label needs;
* a word broken in the middle although it would fit on a line of its own ("Oppsumme/ring");
* text that scrolls with no "More below" cue while there is more below;
* the title's tagline cut short.

A full tour takes 5-10 s of CPU, so the slow suite lays out a covering set of 15 (every pair of size,
text size, font and language meets at least once: a strength-2 covering array), and
NEIGHBOUR_FULL_MATRIX=1 lays out all 60; a representative corner of it (the smallest screen with the
largest text in OpenDyslexic and Norwegian, and the portrait screen) runs with the quick suite.
"""

from __future__ import annotations

import itertools
import os

import pytest

from game.ui import kit as kit_module
from game.ui.screens.credits import CreditsScreen
from game.ui.screens.day import WarningScreen
from game.ui.screens.menus import PauseScreen
from game.ui.settings import Settings
from test_screens import check_layout, tour
from uitools import make_app

SIZES = [(1024, 600), (1024, 768), (1280, 720), (1920, 1080), (1080, 1920)]
TEXT_SIZES = ["normal", "large", "largest"]
FONTS = ["atkinson", "dyslexic"]
LANGS = ["en", "nb"]


class Reader:
    """Checks one drawn frame of the top screen as a reader would, on top of test_screens' geometry."""

    def __init__(self, app) -> None:
        self.app = app
        self.wraps: list[tuple[str, object, int, list[str]]] = []
        self._wrap = kit_module.wrap

    def __enter__(self) -> Reader:
        def recording(text, font, width):
            lines = self._wrap(text, font, width)
            self.wraps.append((text, font, width, lines))
            return lines
        kit_module.wrap = recording
        return self

    def __exit__(self, *exc) -> None:
        kit_module.wrap = self._wrap

    def check(self, where: str) -> None:
        app = self.app
        k = app.kit
        k._wraps.clear()  # wrap again while recording
        if getattr(app.top, "static", None) is not None:
            app.top.static = None  # draw the still parts again, so that their words are audited too
        self.wraps.clear()
        drawn: list[str] = []
        original_put = k.put

        def put(surf, img, rect, text="", box=None):
            drawn.append(text)
            return original_put(surf, img, rect, text, box)
        k.put = put
        try:
            check_layout(app, where)
        finally:
            del k.put
        top = app.top
        for b in top.buttons:
            if top.visible(b) and b.rect.w > 0:
                need = b.height_for(k, b.rect.w)
                assert need <= b.rect.h + 2, f"{where}: button {b.label!r} needs {need} px, has {b.rect.h}"
        for text, font, width, lines in self.wraps:
            words = set(itertools.chain.from_iterable(line.split() for line in lines))
            for word in text.split():
                if word not in words and font.size(word)[0] <= width:
                    raise AssertionError(f"{where}: {word!r} broken across lines though it fits {width} px: "
                                         f"{lines!r}")
        scroller = top.scroller
        if scroller is not None and 0 <= scroller.offset < scroller.max_offset:
            cues = {k.ui("ui.more_below"), "More below"}
            assert cues & set(drawn), f"{where}: {type(top).__name__} has more below and no cue"
        if type(top).__name__ == "TitleScreen":
            tagline = set(k.ui("title.tagline").split())
            shown = set(itertools.chain.from_iterable(t.split() for t in drawn))
            assert tagline <= shown, f"{where}: the tagline is cut: {tagline - shown}"


def reading_app(size, text_size, font, lang):
    settings = Settings(text_size=text_size, font=font, lang=lang, reduced_motion=True)
    app = make_app(size, settings=settings)
    app.set_language(lang)
    app.step(wait=False)
    return app


def short_tour(app, label: str, reader: Reader) -> None:
    """The screens a reader meets first: title, the first scene, a content note, a menu, the credits."""
    c = app.kit.content
    reader.check(f"{label} title")
    resident = next(k for k, v in c.campaigns.items() if v.role == "resident" and v.kind == "full")
    app.new_game(resident, seed=3)
    reader.check(f"{label} day")
    warned = next(s for s in c.scenes.values() if s.warnings)
    for screen_ in (WarningScreen(app, warned.warnings), PauseScreen(app), CreditsScreen(app)):
        app.push(screen_)
        reader.check(f"{label} {type(screen_).__name__}")
        app.pop()


def full_tour(app, label: str, reader: Reader) -> None:
    """Every screen (test_screens.tour), each checked by the reader as well."""
    import test_screens
    plain = test_screens.check_layout
    test_screens.check_layout = lambda _app, where: reader.check(where)
    try:
        tour(app, label)
    finally:
        test_screens.check_layout = plain


QUICK = [((1024, 600), "largest", "dyslexic", "nb"), ((1080, 1920), "large", "atkinson", "en")]


@pytest.mark.parametrize("size, text_size, font, lang", QUICK,
                         ids=[f"{w}x{h}-{t}-{f}-{lang}" for (w, h), t, f, lang in QUICK])
def test_first_screens_read_cleanly(size, text_size, font, lang):
    app = reading_app(size, text_size, font, lang)
    with Reader(app) as reader:
        short_tour(app, f"{size[0]}x{size[1]}/{text_size}/{font}/{lang}", reader)


def covering_set() -> list[tuple[tuple[int, int], str, str, str]]:
    """Each size with each text size, the font and language rotating through their four pairs so that
    every pair of two settings (size and font, text size and language, font and language...) occurs."""
    pairs = list(itertools.product(FONTS, LANGS))
    return [(size, text, *pairs[(i + j) % len(pairs)])
            for i, size in enumerate(SIZES) for j, text in enumerate(TEXT_SIZES)]


MATRIX = (list(itertools.product(SIZES, TEXT_SIZES, FONTS, LANGS)) if os.environ.get("NEIGHBOUR_FULL_MATRIX")
          else covering_set())


def test_the_covering_set_meets_every_pair_of_settings():
    rows = covering_set()
    factors = (SIZES, TEXT_SIZES, FONTS, LANGS)
    for a, b in itertools.combinations(range(4), 2):
        assert {(r[a], r[b]) for r in rows} == set(itertools.product(factors[a], factors[b])), (a, b)


@pytest.mark.slow
@pytest.mark.parametrize("size, text_size, font, lang", MATRIX,
                         ids=[f"{w}x{h}-{t}-{f}-{lang}" for (w, h), t, f, lang in MATRIX])
def test_every_screen_reads_cleanly(size, text_size, font, lang):
    app = reading_app(size, text_size, font, lang)
    with Reader(app) as reader:
        full_tour(app, f"{size[0]}x{size[1]}/{text_size}/{font}/{lang}", reader)
