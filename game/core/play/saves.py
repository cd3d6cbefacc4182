"""Saves that survive crashes, and a polite refusal of saves that cannot be used.

A save is written atomically: to a temporary file in the same folder, flushed and synced to disk,
then renamed over the old one, so a crash at any moment leaves either the old save or the new one,
never half of each. Each save carries a checksum of its state; a save that is empty, truncated,
corrupted, from a newer version, or not a save at all is reported in plain words and moved aside
(renamed with `.broken-<time>`), never deleted or overwritten.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from typing import Any

from ..files import data_dir, write_atomic
from .state import SAVE_VERSION, GameState, SaveFormatError

SAVE_KIND = "neighbour-save"
SLOTS = ("autosave", "slot1", "slot2", "slot3")


def _checksum(state: dict, play: dict | None = None) -> str:
    """The checksum of a save's state and (from format 2) the playthrough's record beside it."""
    import hashlib  # here, not at the top: it costs milliseconds of every start without a save
    covered = state if play is None else {"state": state, "play": play}
    canonical = json.dumps(covered, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def encode(state: GameState, label: dict | None = None, play: dict | None = None) -> bytes:
    """A save's bytes: the story's state and the playthrough's record (mode, session code, notes
    shown, what-if runs: see play/playthrough.py), with a label for menus."""
    body = state.to_dict()
    record = play or {}
    doc = {"kind": SAVE_KIND, "version": SAVE_VERSION, "saved_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
           "label": label or {}, "checksum": _checksum(body, record), "state": body, "play": record}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def decode(blob: bytes) -> tuple[GameState, dict]:
    """The state and label in a save's bytes; raises SaveFormatError with a readable reason."""
    state, label, _play = decode_all(blob)
    return state, label


def decode_all(blob: bytes) -> tuple[GameState, dict, dict]:
    """The state, label and playthrough record in a save's bytes. A format-1 save (before the record
    was saved) gives an empty record, which the playthrough reads as its defaults."""
    if not blob.strip():
        raise SaveFormatError("the save file is empty")
    try:
        doc = json.loads(blob.decode("utf-8"))
    except UnicodeDecodeError:
        raise SaveFormatError("the save file is damaged (it is not text)") from None
    except json.JSONDecodeError:
        raise SaveFormatError("the save file is damaged or cut short") from None
    if not isinstance(doc, dict) or doc.get("kind") != SAVE_KIND:
        raise SaveFormatError("this file is not a Neighbour save")
    version = doc.get("version")
    if isinstance(version, int) and version > SAVE_VERSION:
        raise SaveFormatError(f"this save was made by a newer version of Neighbour (format {version}; "
                              f"this one reads up to {SAVE_VERSION}); update the game to load it")
    body = doc.get("state")
    play = doc.get("play", {}) if isinstance(version, int) and version >= 2 else None
    if not isinstance(body, dict) or (play is not None and not isinstance(play, dict)) \
            or doc.get("checksum") != _checksum(body, play):
        raise SaveFormatError("the save file is damaged (its checksum does not match)")
    label = doc.get("label") if isinstance(doc.get("label"), dict) else {}
    return GameState.from_dict(body), {**label, "saved_at": doc.get("saved_at", "")}, play or {}


@dataclass
class LoadResult:
    state: GameState | None
    label: dict
    problem: str | None = None       # why it could not be used, for the player
    moved_to: str | None = None      # where a bad save was moved
    play: dict = field(default_factory=dict)  # the playthrough's record (empty in a format-1 save)


def move_aside(path: str) -> str | None:
    """Rename a bad save out of the way (never delete it); returns the new path."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = f"{path}.broken-{stamp}"
    n = 1
    while os.path.exists(target):
        n += 1
        target = f"{path}.broken-{stamp}-{n}"
    try:
        os.replace(path, target)
    except OSError:
        return None
    return target


class SaveStore:
    """The save slots in one folder."""

    def __init__(self, folder: str | None = None):
        self.folder = folder or os.path.join(data_dir(), "saves")
        self._checked: set[str] = set()  # slots known to hold a usable save (or nothing)

    def path(self, slot: str) -> str:
        if slot not in SLOTS:
            raise ValueError(f"unknown save slot '{slot}'")
        return os.path.join(self.folder, f"{slot}.json")

    def save(self, slot: str, state: GameState, label: dict | None = None, play: dict | None = None) -> str:
        os.makedirs(self.folder, exist_ok=True)
        path = self.path(slot)
        if slot not in self._checked:
            _move_aside_if_broken(path)
        write_atomic(path, encode(state, label, play))
        self._checked.add(slot)
        return path

    def exists(self, slot: str) -> bool:
        return os.path.exists(self.path(slot))

    def load(self, slot: str) -> LoadResult:
        result = load_file(self.path(slot))
        self._checked.add(slot)  # a broken save was moved aside by load_file
        return result

    def peek(self, slot: str) -> dict | None:
        """The label of a save without moving anything aside (for menus); None if unusable."""
        try:
            with open(self.path(slot), "rb") as fh:
                _, label = decode(fh.read())
            return label
        except (OSError, SaveFormatError):
            return None


def _move_aside_if_broken(path: str) -> None:
    """Before a save is written over `path`: a file there that is not a usable save (cut short, from
    a newer version...) is moved aside, so that starting a new game never destroys it."""
    try:
        with open(path, "rb") as fh:
            blob = fh.read()
    except OSError:
        return
    try:
        decode(blob)
    except SaveFormatError:
        move_aside(path)


def load_file(path: str) -> LoadResult:
    """Load a save; a bad one is moved aside and the result says why."""
    try:
        with open(path, "rb") as fh:
            blob = fh.read()
    except FileNotFoundError:
        return LoadResult(None, {}, "there is no save here")
    except OSError as exc:
        return LoadResult(None, {}, f"the save cannot be read: {exc.strerror}")
    try:
        state, label, play = decode_all(blob)
    except SaveFormatError as exc:
        moved = move_aside(path)
        return LoadResult(None, {}, str(exc), moved)
    return LoadResult(state, label, play=play)


def safe_json(value: Any) -> Any:
    """Plain JSON data for results files (sets become sorted lists)."""
    if isinstance(value, dict):
        return {str(k): safe_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [safe_json(v) for v in value]
    if isinstance(value, set):
        return sorted(safe_json(v) for v in value)
    return value
