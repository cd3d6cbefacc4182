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

from .. import reading
from ..files import data_dir, write_atomic
from ..content import Content
from .state import SAVE_VERSION, GameState, SaveFormatError

SAVE_KIND = "neighbour-save"
SLOTS = ("autosave", "slot1", "slot2", "slot3")
MAX_SAVE_BYTES = 16 * 1024 * 1024  # a long game's history is far below this
MAX_SAVE_DEPTH = 24
MAX_LABEL_FIELDS = 12
MAX_LABEL_CHARS = 120

Label = dict[str, Any]     # what menus show of a save: short plain texts and numbers (not checksummed)
Plain = dict[str, Any]     # plain JSON data: the state's (GameState.to_dict) or the playthrough's record


def _checksum(state: Plain, play: Plain | None = None) -> str:
    """The checksum of a save's state and (from format 2) the playthrough's record beside it."""
    import hashlib  # here, not at the top: it costs milliseconds of every start without a save
    covered = state if play is None else {"state": state, "play": play}
    canonical = json.dumps(covered, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def encode(state: GameState, label: Label | None = None, play: Plain | None = None) -> bytes:
    """A save's bytes: the story's state and the playthrough's record (mode, session code, notes
    shown, what-if runs: see play/playthrough.py), with a label for menus."""
    body = state.to_dict()
    record = play or {}
    doc = {"kind": SAVE_KIND, "version": SAVE_VERSION, "saved_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
           "label": label or {}, "checksum": _checksum(body, record), "state": body, "play": record}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def decode(blob: bytes) -> tuple[GameState, Label]:
    """The state and label in a save's bytes; raises SaveFormatError with a readable reason."""
    state, label, _play = decode_all(blob)
    return state, label


def decode_all(blob: bytes) -> tuple[GameState, Label, Plain]:
    """The state, label and playthrough record in a save's bytes. A format-1 save (before the record
    was saved) gives an empty record, which the playthrough reads as its defaults."""
    if not blob.strip():
        raise SaveFormatError("the save file is empty")
    try:
        doc = reading.parse_json(reading.decode_text(blob), max_depth=MAX_SAVE_DEPTH)
    except reading.ReadError as exc:
        if "UTF-8" in exc.message:
            raise SaveFormatError("the save file is damaged (it is not text)") from None
        if "valid JSON" in exc.message:
            raise SaveFormatError("the save file is damaged or cut short") from None
        raise SaveFormatError(f"the save file is damaged: it {exc.where()}") from None
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
    return GameState.from_dict(body), _label(doc), play or {}


def _label(doc: Plain) -> Label:
    """The label menus show, which the checksum does not cover: only short plain texts and numbers
    are kept, so an edited label can never slow or break the title screen."""
    raw = doc.get("label")
    if not isinstance(raw, dict):
        raw = {}
    label: Label = {}
    for key, value in list(raw.items())[:MAX_LABEL_FIELDS]:
        if isinstance(value, str):
            label[str(key)[:40]] = value[:MAX_LABEL_CHARS]
        elif reading.is_number(value) and abs(value) < 1e9:
            label[str(key)[:40]] = value
    saved_at = doc.get("saved_at")
    label["saved_at"] = saved_at[:MAX_LABEL_CHARS] if isinstance(saved_at, str) else ""
    return label


@dataclass
class LoadResult:
    state: GameState | None
    label: Label
    problem: str | None = None       # why it could not be used, for the player
    moved_to: str | None = None      # where a bad save was moved
    play: Plain = field(default_factory=dict)  # the playthrough's record (empty in a format-1 save)


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

    def save(self, slot: str, state: GameState, label: Label | None = None, play: Plain | None = None) -> str:
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

    def peek(self, slot: str) -> Label | None:
        """The label of a save without moving anything aside (for menus); None if unusable."""
        try:
            _, label = decode(_read(self.path(slot)))
            return label
        except (reading.ReadError, SaveFormatError):
            return None


def _move_aside_if_broken(path: str) -> None:
    """Before a save is written over `path`: a file there that is not a usable save (cut short, from
    a newer version...) is moved aside, so that starting a new game never destroys it."""
    try:
        blob = _read(path)
    except reading.ReadError as exc:
        if "does not exist" not in exc.message and os.path.lexists(path):
            move_aside(path)  # a pipe, a link out of the folder, a huge file: out of the way, kept
        return
    try:
        decode(blob)
    except SaveFormatError:
        move_aside(path)


def _read(path: str) -> bytes:
    """A save's bytes: a regular file in the saves folder, of a sane size (see core/reading.py)."""
    return reading.read_bytes(path, MAX_SAVE_BYTES)


def load_file(path: str) -> LoadResult:
    """Load a save; a bad one is moved aside and the result says why."""
    try:
        blob = _read(path)
    except reading.ReadError as exc:
        if "does not exist" in exc.message:
            return LoadResult(None, {}, "there is no save here")
        if "cannot be read" in exc.message:
            return LoadResult(None, {}, f"the save {exc.message}")
        return LoadResult(None, {}, f"the save file {exc.message}", move_aside(path))
    try:
        state, label, play = decode_all(blob)
    except SaveFormatError as exc:
        moved = move_aside(path)
        return LoadResult(None, {}, str(exc), moved)
    return LoadResult(state, label, play=play)


def unfit(content: Content, state: GameState) -> str:
    """Why a save (checksum and all) cannot be played with this content, or "": a save re-signed by
    hand, or from other content, may hold anything its types allow, and must never crash a Continue."""
    camp = content.campaigns.get(state.campaign)
    if camp is None:  # of other content (--content): the engine says so, and the save is kept where it is
        return ""
    if not 0 <= state.block <= max(len(camp.blocks), 1) or not 0 <= state.day_index <= 10_000 \
            or not 0 <= state.slot <= 100 or not 0 <= state.day <= 10_000 or not 0 <= state.step <= 10**7:
        return "its place in the story is out of range"
    values = [state.subject or {}, *state.chars.values()]
    for table in values:
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 100
                   for v in table.values()):
            return "a meter holds something other than a number from 0 to 100"
    kinds = {"number": (int, float), "bool": (bool,), "text": (str,)}
    for name, value in state.vars.items():
        spec = content.variables.get(name)
        if spec is None:
            continue
        ok = isinstance(value, kinds.get(spec.type, (object,)))
        if spec.type == "number":
            ok = ok and not isinstance(value, bool) and reading.in_range(value, -1e15, 1e15)
        if not ok:
            return f"the variable '{name}' holds the wrong kind of value"
    return ""


def safe_json(value: Any) -> Any:
    """Plain JSON data for results files (sets become sorted lists)."""
    if isinstance(value, dict):
        return {str(k): safe_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [safe_json(v) for v in value]
    if isinstance(value, set):
        return sorted(safe_json(v) for v in value)
    return value
