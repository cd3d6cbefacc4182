"""Music: its own volume under the main one, off with Sound off, and a missing file is no error."""

from __future__ import annotations

import logging
import os
import time

import pygame

from game.core.paths import assets_dir
from game.ui.sound import Music


def mixer() -> bool:
    try:
        if not pygame.mixer.get_init():
            pygame.mixer.init(frequency=44100, size=-16, channels=2, buffer=1024)
        return True
    except pygame.error:
        return False


def wait_loaded(m: Music) -> None:
    for _ in range(500):
        if m.sound is not None or m.failed:
            return
        time.sleep(0.01)


def test_the_shipped_music_exists_and_loops_at_its_own_volume():
    path = os.path.join(assets_dir(), "sounds", "music", "theme.ogg")
    assert os.path.isfile(path)
    assert mixer()
    m = Music(os.path.join(assets_dir(), "sounds"), ok=True)
    m.set_level(0.5, 0.8, muted=False)                  # decoded in the background: returns at once
    wait_loaded(m)
    assert m.sound is not None and m.sound.get_length() >= 30
    m.poll()
    assert m.channel is not None
    assert abs(m.channel.get_volume() - 0.4 * 0.55) < 0.02
    m.set_level(0.5, 0.8, muted=True)                   # Sound off: the music fades out
    assert m.channel is None and m.level == 0
    m.stop()


def test_music_at_zero_is_never_loaded(tmp_path):
    m = Music(str(tmp_path), ok=True)
    m.set_level(1.0, 0.0, muted=False)
    assert m.sound is None and m._loading is None


def test_a_missing_music_file_logs_and_the_game_goes_on(tmp_path, caplog):
    assert mixer()
    m = Music(str(tmp_path), ok=True)
    with caplog.at_level(logging.WARNING, logger="neighbour.sound"):
        m.set_level(1.0, 1.0, muted=False)
    assert m.failed and "missing" in caplog.text
    m.set_level(1.0, 0.5, muted=False)                  # nothing more happens, nothing raises
    m.poll()


def test_a_broken_music_file_logs_and_the_game_goes_on(tmp_path, caplog):
    assert mixer()
    os.makedirs(tmp_path / "music")
    (tmp_path / "music" / "theme.ogg").write_bytes(b"OggS not really a vorbis stream" * 10)
    m = Music(str(tmp_path), ok=True)
    with caplog.at_level(logging.WARNING, logger="neighbour.sound"):
        m.set_level(1.0, 1.0, muted=False)
        wait_loaded(m)
    assert m.failed and m.sound is None
    m.poll()
