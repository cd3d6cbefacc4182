"""Every screen opens and lays out at every supported size: nothing off-screen, no overlapping
buttons, no text outside its box. Runs headless on the dummy video driver."""

from __future__ import annotations

import pygame
import pytest

from game.core.diagnostics import Report
from game.ui.modes.classroom.screens import CompareScreen, DebriefScreen
from game.ui.modes.kiosk.screens import KioskStartScreen, StillThereScreen
from game.ui.modes.training.screens import FeedbackScreen, ScenarioListScreen
from game.ui.screens.briefing import BriefingScreen
from game.ui.screens.credits import CreditsScreen
from game.ui.screens.entry import EntryScreen
from game.ui.screens.journal import PAGES, JournalScreen
from game.ui.screens.menus import PauseScreen, SettingsScreen, SlotScreen
from game.ui.screens.messages import ErrorScreen, MessageScreen
from game.ui.screens.day import WarningScreen
from game.ui.settings import Settings
from uitools import SIZES, make_app, screen


def check_layout(app, where: str) -> None:
    """Draw the top screen with text auditing on and check its geometry."""
    app.kit.audit = []
    app.dirty = True
    app.step(wait=False)
    top = app.top
    w, h = app.kit.w, app.kit.h
    window = pygame.Rect(0, 0, w, h)
    visible = [b for b in top.buttons if top.visible(b)]
    seen = {}
    for b in visible:
        shown = b.rect
        if top.scroller and top.scroller.max_offset > 0 and top.scroll_rect.colliderect(b.rect) \
                and not top.scroll_rect.contains(b.rect):
            shown = b.rect.clip(top.scroll_rect)  # part of a scrolled list: only its visible part counts
        seen[id(b)] = shown
        assert window.contains(shown), f"{where}: button {b.label!r} {b.rect} is outside the {w}x{h} window"
        assert b.rect.h >= min(44, int(48 * h / 1080)) - 1, f"{where}: button {b.label!r} is too small to touch"
        if shown is not b.rect and shown.h:
            edge = b.rect.bottom - 1 if shown.top == b.rect.top else b.rect.top
            inside, outside = shown.center, (b.rect.centerx, edge)
            assert top.hit(inside) is not None, f"{where}: the visible part of {b.label!r} does not respond"
            if not top.scroll_rect.collidepoint(outside):
                got = top.hit(outside)
                assert got is None or top.buttons[got] is not b, \
                    f"{where}: the hidden part of {b.label!r} responds to a tap"
    for i, a in enumerate(visible):
        for b in visible[i + 1:]:
            overlap = seen[id(a)].clip(seen[id(b)])
            assert overlap.w * overlap.h == 0, f"{where}: buttons {a.label!r} and {b.label!r} overlap"
    for text, rect, box, size in app.kit.audit:
        if not text.strip():
            continue
        assert rect.left >= box.left - 2 and rect.right <= box.right + 2, \
            f"{where}: text {text[:40]!r} at {rect} runs outside its box {box}"
        assert rect.left >= -1 and rect.right <= size[0] + 1, f"{where}: text {text[:40]!r} runs off the screen"
    app.kit.audit = None


def play_until(app, wanted, limit=2000) -> bool:
    """Take the first offered choice until the engine reaches a status (or a screen name).

    Returns False if the story ended first (a block without reflection questions has no end screen).
    """
    for _ in range(limit):
        e = app.play.engine
        if e.status == wanted or screen(app) == wanted:
            return True
        if e.status == "ending" and wanted not in ("ending", "EndingScreen"):
            return False
        app.top.activate(0)
        app.step(wait=False)
    raise AssertionError(f"never reached {wanted}")


def tour(app, label: str) -> None:
    """Visit every screen of the game and check each."""
    c = app.kit.content
    check_layout(app, f"{label} title")
    for role in ("resident", "officer"):
        cid = next(k for k, v in c.campaigns.items() if v.role == role and v.kind == "full")
        app.push(BriefingScreen(app, cid))
        check_layout(app, f"{label} briefing {role}")
        app.pop()
    resident = next(k for k, v in c.campaigns.items() if v.role == "resident" and v.kind == "full")
    app.new_game(resident, seed=3)
    check_layout(app, f"{label} day")
    warned = next((s for s in c.scenes.values() if s.warnings), None)
    if warned:
        app.push(WarningScreen(app, warned.warnings))
        check_layout(app, f"{label} content note")
        app.pop()
    for page in PAGES:
        app.push(JournalScreen(app, page=page))
        check_layout(app, f"{label} journal {page}")
        app.pop()
    for screen_ in (PauseScreen(app), SlotScreen(app, saving=True), SlotScreen(app, saving=False),
                    SettingsScreen(app), CreditsScreen(app),
                    MessageScreen(app, "A message", "With a body that is long enough to wrap. " * 5),
                    EntryScreen(app, "Session code", "Letters and numbers.", "ABC")):
        app.push(screen_)
        check_layout(app, f"{label} {type(screen_).__name__}")
        app.pop()
    play_until(app, "day_end")
    check_layout(app, f"{label} end of day")
    if play_until(app, "block_end"):
        check_layout(app, f"{label} end of phase")
    play_until(app, "ending")
    check_layout(app, f"{label} ending")
    app.set_mode("class")
    app.push(DebriefScreen(app))
    check_layout(app, f"{label} debrief")
    app.pop()
    from game.core.play import results
    run = results.build(app.play.engine, "class", "X", "en")
    app.push(CompareScreen(app, run, run))
    check_layout(app, f"{label} compare")
    app.pop()
    app.set_mode("training")
    app.push(ScenarioListScreen(app))
    check_layout(app, f"{label} scenario list")
    app.pop()
    officer = next(k for k, v in c.campaigns.items() if v.role == "officer" and v.kind == "full")
    scenario = next(iter(c.scenarios))
    app.set_mode("training")
    app.new_game(officer, scenario=scenario, seed=2)
    check_layout(app, f"{label} officer day")
    choice = next((ch for s in c.scenes.values() for ch in s.choices if ch.feedback), None)
    if choice:
        app.push(FeedbackScreen(app, choice))
        check_layout(app, f"{label} feedback")
        app.pop()
    play_until(app, "ReviewScreen")
    check_layout(app, f"{label} after-action review")
    report = Report()
    for i in range(30):
        report.error(f"content/scenes/file_{i}.yaml", i + 1, 7, "expected the name of a scene, found unknown 'x'" * 2)
    app.push(ErrorScreen(app, report))
    check_layout(app, f"{label} content errors")


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_screen_lays_out(size):
    app = make_app(size)
    tour(app, f"{size[0]}x{size[1]}")


@pytest.mark.slow
@pytest.mark.parametrize("text_size, font, theme", [("largest", "atkinson", "contrast"),
                                                    ("large", "dyslexic", "dark")])
def test_every_screen_with_large_text_and_other_fonts(text_size, font, theme):
    settings = Settings(text_size=text_size, font=font, theme=theme, reduced_motion=True)
    app = make_app((1280, 720), settings=settings)
    tour(app, f"{text_size}/{font}/{theme}")


def test_kiosk_screens_lay_out():
    for size in ((1920, 1080), (1280, 1024)):
        app = make_app(size, mode="kiosk")
        check_layout(app, "attract")
        app.push(KioskStartScreen(app, app.mode))
        check_layout(app, "kiosk start")
        app.top.activate(0)
        app.step(wait=False)
        check_layout(app, "kiosk day")
        for b in app.mode.overlay_buttons():
            assert b.rect.h >= app.mode.config.target_px
        app.push(StillThereScreen(app, app.mode))
        check_layout(app, "still there")


def test_language_switch_relays_out_without_restart():
    app = make_app((1280, 720))
    en = [b.label for b in app.top.buttons]
    app.set_language("nb")
    app.step(wait=False)
    nb = [b.label for b in app.top.buttons]
    assert en != nb and "Spill som innsatt" in nb
    check_layout(app, "title in nb")


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_story_lines_stay_under_75_characters(size):
    app = make_app(size)
    c = app.kit.content
    resident = next(k for k, v in c.campaigns.items() if v.role == "resident" and v.kind == "full")
    app.new_game(resident, seed=1)
    day = app.top
    width = day.inner.w
    for lang in c.languages:
        app.kit.lang = lang
        longest = max((line for s in c.scenes.values() for text in [s.text] + [v.text for v in s.variants]
                       for line in app.kit.wrap(c.text(text, lang), "body", width)), key=len)
        assert len(longest) <= 78, f"{lang}: {len(longest)} characters: {longest!r}"
