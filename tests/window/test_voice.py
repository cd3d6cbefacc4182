"""Self-voicing: the screen's own words are read in a worker thread; no voice, no harm."""

from __future__ import annotations

import sys
import time

import pygame

from game.ui.settings import Settings
from game.ui.voice import Voice, _matches, words_for
from uitools import key, make_app


class FakeVoice:
    def __init__(self, id_: str, languages: list, name: str = ""):
        self.id, self.languages, self.name = id_, languages, name


def start_a_scene(app) -> None:
    key(app, pygame.K_1)          # play as a resident
    key(app, pygame.K_1)          # the first person
    for _ in range(5):
        if type(app.top).__name__ == "DayScreen":
            return
        key(app, pygame.K_1)
    assert type(app.top).__name__ == "DayScreen"


def test_a_scene_is_read_whole_with_its_choices():
    app = make_app(settings=Settings(voice=True, choice_delay=0.0))
    start_a_scene(app)
    day = app.top
    said = app.voice.spoken[-1]
    text = app.kit.tr(app.play.engine.scene_text())
    assert " ".join(text.split())[:200] in " ".join(said.split())
    for i, b in enumerate(day.buttons[:day.n_choices]):
        assert f"{i + 1}. {b.label}" in said
    key(app, pygame.K_DOWN)       # moving the focus reads the focused choice
    assert app.voice.spoken[-1].startswith("1. ") or app.voice.spoken[-1].endswith(day.buttons[day.focus].label)


def test_menus_are_read_and_norwegian_is_read_in_norwegian():
    app = make_app(settings=Settings(voice=True, lang="nb"))
    assert "Spill som innsatt" in app.voice.spoken[-1]   # the title screen, as it drew itself
    assert app.voice.lang == "nb"
    app.top.settings() if hasattr(app.top, "settings") else key(app, pygame.K_5)
    app.step(wait=False)
    said = words_for(app.top, [])
    assert app.kit.ui("settings.title") in said


def test_speaking_never_blocks_the_frame_loop():
    v = Voice()
    v.configure(True, "en")
    t = time.perf_counter()
    for _ in range(50):
        v.say("A long sentence that takes a good while to say aloud. " * 20)
    assert time.perf_counter() - t < 0.05
    v.close()


def test_without_pyttsx3_the_voice_says_why_and_the_game_goes_on(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyttsx3", None)   # import fails
    v = Voice()
    v.configure(True, "en")
    v.say("hello")
    for _ in range(100):
        if v.available is not None:
            break
        time.sleep(0.01)
    assert v.available is False and v.problem == "pyttsx3"
    v.say("still fine")                                  # nothing raises, nothing waits
    v.close()


def test_voices_are_matched_by_language():
    assert _matches(FakeVoice("gmq/nb", ["nb"]), "nb")
    assert _matches(FakeVoice("HKEY\\TTS_MS_NB-NO_JON", [], "Microsoft Jon - Norwegian (Bokmal)"), "nb")
    assert _matches(FakeVoice("gmw/en", [b"\x05en"]), "en")
    assert not _matches(FakeVoice("gmw/en", ["en"]), "nb")


def test_the_audio_kiosk_reads_aloud_with_a_button_to_stop_it(tmp_path):
    import json

    from uitools import make_app as make
    cfg = tmp_path / "kiosk.json"
    cfg.write_text(json.dumps({"audio": True}))
    app = make(mode="kiosk", kiosk_config=str(cfg))
    app.mode.keys_down = dict
    assert app.voice.enabled                        # on without any setting
    buttons = app.mode.overlay_buttons()
    voice = buttons[0]
    assert voice.label == app.kit.ui("kiosk.voice_on")
    voice.action()
    assert not app.voice.enabled and app.mode.overlay_buttons()[0].label == app.kit.ui("kiosk.voice_off")
    plain = make(mode="kiosk")
    plain.mode.keys_down = dict
    assert not plain.voice.enabled and all(b.label != app.kit.ui("kiosk.voice_on")
                                           for b in plain.mode.overlay_buttons())
