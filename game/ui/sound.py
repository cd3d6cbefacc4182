"""The game's music: one quiet loop (assets/sounds/music/, made by tools/make_music.py) under
everything, on a channel of its own so the places' ambient loops (pygame.mixer.music) go on beside it.

It has its own volume (Settings.music, under the main volume; 0 turns it off) and follows Sound off.
The file is decoded in a background thread, so starting the game never waits for it. A missing or
broken file, or no audio device, gives one log line and silence, never an error.
"""

from __future__ import annotations

import logging
import os
import threading

import pygame

log = logging.getLogger("neighbour.sound")

LEVEL = 0.55          # the music at full settings, under the interface sounds
FADE_MS = 2500


class Music:
    def __init__(self, root: str, ok: bool, name: str = "theme"):
        self.path = os.path.join(root, "music", f"{name}.ogg")
        self.ok = ok                  # the mixer is open
        self.level = 0.0              # what the settings ask for (0..1)
        self.sound: pygame.mixer.Sound | None = None
        self.channel: pygame.mixer.Channel | None = None
        self.failed = False
        self._loading: threading.Thread | None = None
        self._lock = threading.Lock()

    def set_level(self, volume: float, music: float, muted: bool) -> None:
        """Apply the settings: play (fading in), change the level, or fade out."""
        self.level = 0.0 if muted else max(0.0, min(1.0, volume * music))
        if not self.ok or self.failed:
            return
        if self.level <= 0:
            if self.channel is not None:
                self.channel.fadeout(800)
                self.channel = None
            return
        with self._lock:
            sound = self.sound
        if sound is None:
            self._load()
            return
        self._play(sound)

    def _play(self, sound: pygame.mixer.Sound) -> None:
        try:
            if self.channel is None or not self.channel.get_busy():
                if pygame.mixer.get_num_channels() < 2:
                    pygame.mixer.set_num_channels(8)
                pygame.mixer.set_reserved(1)        # channel 0 is the music's: one-shots never take it
                self.channel = pygame.mixer.Channel(0)
                self.channel.play(sound, loops=-1, fade_ms=FADE_MS)
            self.channel.set_volume(self.level * LEVEL)
        except pygame.error as exc:
            log.warning("music could not be played (%s)", exc)
            self.failed = True

    def _load(self) -> None:
        if self._loading is not None:
            return

        def work() -> None:
            try:
                sound = pygame.mixer.Sound(self.path)
            except (pygame.error, FileNotFoundError, OSError) as exc:
                log.warning("music %s could not be loaded (%s); going on without it", self.path, exc)
                self.failed = True
                return
            with self._lock:
                self.sound = sound
            try:  # wake the loop, which starts the music (poll)
                pygame.event.post(pygame.event.Event(pygame.USEREVENT, music_ready=True))
            except pygame.error:  # no window (yet): the next poll starts it
                pass

        if not os.path.isfile(self.path):
            log.warning("music %s is missing; going on without it", self.path)
            self.failed = True
            return
        self._loading = threading.Thread(target=work, name="neighbour-music", daemon=True)
        self._loading.start()

    def poll(self) -> None:
        """Start the music once its file is decoded (called by the loop when it wakes)."""
        with self._lock:
            sound = self.sound
        if sound is not None and self.level > 0 and self.channel is None and not self.failed:
            self._play(sound)

    def stop(self) -> None:
        if self.channel is not None:
            self.channel.stop()
            self.channel = None
