"""The smaller items of the window review (issue 17): each scenario once in the trainer's list, sources
shown by name, "Continue" first on the title screen when there is a game to continue."""

from __future__ import annotations

import re

from game.core.world import source_text
from game.ui.modes.training.screens import ScenarioListScreen
from game.ui.screens.credits import all_sources
from game.ui.screens.day import WarningScreen
from uitools import make_app, screen


def test_trainer_list_shows_each_scenario_once_and_not_the_kiosk_shifts():
    """The posting's shifts and the training-only scenarios, each once; not the kiosk's short shifts."""
    app = make_app(mode="training")
    assert screen(app) == "ScenarioListScreen"
    c = app.kit.content
    labels = [b.label for b in app.top.buttons]
    assert len(labels) == len(set(labels)), labels
    kiosk = {sid for cid, camp in c.campaigns.items() if camp.kind == "short" for b in camp.blocks
             for sid in b.scenarios}
    officer = next(cid for cid, camp in c.campaigns.items() if camp.role == "officer" and camp.kind == "full")
    own = [sid for b in c.campaigns[officer].blocks for sid in b.scenarios]
    titles = {app.kit.tr(c.scenarios[sid].title) for sid in own}
    assert titles <= set(labels)
    for sid in kiosk - set(own):
        assert app.kit.tr(c.scenarios[sid].title) not in labels
    in_no_campaign = set(c.scenarios) - {sid for camp in c.campaigns.values() for b in camp.blocks
                                         for sid in b.scenarios}
    assert "the_rumour" in in_no_campaign  # training-only scenarios are the trainer's too
    for sid in in_no_campaign:
        assert app.kit.tr(c.scenarios[sid].title) in labels
    assert isinstance(app.top, ScenarioListScreen)


def test_sources_are_shown_by_name_never_by_a_bracketed_id():
    app = make_app()
    c = app.kit.content
    shown = list(all_sources(c, "en")) + list(all_sources(c, "nb"))
    shown += [source_text(s) for f in c.facts.values() for s in f.sources]
    assert shown
    tagged = [s for s in shown if re.search(r"\[\d{3}\]", s)]
    assert not tagged, tagged


def test_continue_comes_first_on_the_title_when_a_game_is_saved():
    app = make_app()
    ids = [b.id for b in app.top.buttons]
    assert "continue" not in ids and ids[0] == "resident"
    app.top.activate(0)
    app.step(wait=False)
    app.top.activate(0)   # the briefing's first button starts the game, which autosaves the day
    app.step(wait=False)
    assert app.saves.exists("autosave")
    app.to_title()
    app.step(wait=False)
    first = app.top.buttons[0]
    assert first.id == "continue" and first.kind == "primary" and first.number == 1
    assert [b.kind for b in app.top.buttons].count("primary") == 1 + 1  # and the chosen language


def _drawn(app) -> set[str]:
    app.kit.audit = []
    app.dirty = True
    app.step(wait=False)
    got = {text for text, *_ in app.kit.audit if len(text) > 3 and any(ch.isalpha() for ch in text)}
    app.kit.audit = None
    return got


def test_a_content_note_hides_the_scene_until_the_player_goes_on():
    app = make_app()
    c = app.kit.content
    resident = next(k for k, v in c.campaigns.items() if v.role == "resident" and v.kind == "full")
    app.new_game(resident, seed=3)
    scene_words = _drawn(app) - {b.label for b in app.top.buttons}
    assert len(scene_words) > 3
    warned = next(s for s in c.scenes.values() if s.warnings)
    app.push(WarningScreen(app, warned.warnings))
    under_note = _drawn(app)
    assert not scene_words & under_note, scene_words & under_note
    assert app.kit.ui("warning.continue") in under_note
    app.top.close("continue")
    assert scene_words <= _drawn(app)


def test_the_window_is_named_in_the_players_language():
    import pygame

    app = make_app()
    assert pygame.display.get_caption()[0] == "Neighbour"
    app.set_language("nb")
    assert pygame.display.get_caption()[0] == "Naboen"



def test_continue_names_the_saved_story_in_todays_language(tmp_path):
    from game.ui.screens.title import TitleScreen

    app = make_app()
    app.new_game("resident", "sander")
    app.autosave(force=True)
    app.set_language("nb")
    note = next(b.note for b in TitleScreen(app).items() if b.id == "continue")
    assert app.kit.tr(app.content.campaigns["resident"].title) in note, note


def test_continue_after_an_ending_shows_the_ending_not_the_last_day_again():
    app = make_app()
    app.new_game("resident_short", "sander")
    for _ in range(200):
        where = app.play.where()
        if where.status == "ending":
            break
        app.play.choose(where.choices[0]) if where.status == "scene" else app.play.proceed()
    assert app.play.where().status == "ending"
    saved = app.saves.load("autosave")
    assert saved.state is not None and saved.state.status == "ending"
    app.to_title()
    assert app.continue_game("autosave") and app.play.where().status == "ending"
