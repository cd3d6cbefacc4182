"""Hostile input the window meets (issue 13): a word as long as a book, a save re-signed with bad
contents, an autosave with a huge label. Each shows a working screen within a second or two."""

from __future__ import annotations

import json
import os
import time

import pygame

from game.core.play.saves import SaveStore, _checksum, encode
from game.ui.text import Fonts, ellipsize, wrap
from save_writer import state_for
from uitools import make_app, screen


def test_a_100000_character_word_wraps_in_well_under_a_second():
    pygame.font.init()
    font = Fonts().get(28)
    word = "ø" * 60_000 + "W" * 40_000
    started = time.monotonic()
    lines = wrap(f"Before {word} after", font, 900)
    assert time.monotonic() - started < 1.0
    assert "".join(lines[1:-1]) + lines[-1].split(" ")[0] == word
    assert all(font.size(line)[0] <= 900 for line in lines)
    started = time.monotonic()
    short = ellipsize(word, font, 300)
    assert time.monotonic() - started < 0.2 and short.endswith("…") and font.size(short)[0] <= 300


def write_save(path: str, doc: dict) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(doc, fh)


def test_an_autosave_with_a_huge_label_does_not_stop_the_title():
    store = SaveStore()
    doc = json.loads(encode(state_for(3), {"campaign": "W" * 100_000, "day": 3}))
    write_save(store.path("autosave"), doc)
    started = time.monotonic()
    app = make_app()
    assert screen(app) == "TitleScreen" and time.monotonic() - started < 15
    assert "continue" in [b.id for b in app.top.buttons]


def test_a_resigned_save_with_bad_contents_is_told_and_moved_aside_once():
    app = make_app()
    state = state_for(3).to_dict()
    state.update(campaign=next(iter(app.content.campaigns)), block=999, day_index=-5)
    doc = json.loads(encode(state_for(3)))
    doc.update(state=state, checksum=_checksum(state, doc["play"]))  # re-signed: the checksum matches
    write_save(app.saves.path("autosave"), doc)
    assert app.continue_game("autosave") is False
    assert screen(app) == "MessageScreen" and "does not fit the story" in app.top.body
    assert not os.path.exists(app.saves.path("autosave"))
    assert [f for f in os.listdir(app.saves.folder) if f.startswith("autosave.json.broken-")]
