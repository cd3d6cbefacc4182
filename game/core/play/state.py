"""The one object that holds a playthrough, and its conversion to and from plain data.

Everything that changes during play lives in `GameState`; the engine is a set of operations on it.
`to_dict()` gives JSON-ready data carrying the save-format version; `from_dict()` refuses data that
is too new or too old, or malformed, with a message a player can read.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from typing import Any, NotRequired, TypedDict

SAVE_VERSION = 2          # written into every save (2: the playthrough's own record saved beside the state)
OLDEST_READABLE = 1       # the oldest save version this build still reads


class SaveFormatError(Exception):
    """A save that cannot be used; the message says why, in plain words."""


class Change(TypedDict):
    """One change of today's (`GameState.log`), for the day's summary: a meter or a budget."""

    who: str                      # the character whose value changed; "" for the player or a global
    var: str
    before: Any                   # a meter's value (a number), or a global's (number, bool or text)
    after: Any
    why: dict[str, str] | None    # the reason, a text by language


class Taken(TypedDict):
    """One choice made (`GameState.history`), as saved and as written into result files."""

    day: int
    block: int
    phase: str
    slot: str
    scene: str
    choice: str
    risk_before: float
    risk_after: float
    offered: NotRequired[list[str]]    # the choices on offer (added by the Playthrough)
    # in a story that follows residents, what the choice changed for each (see shifts.resident_changes)
    residents: NotRequired[dict[str, dict[str, Any]]]


# A delayed effect waiting to land: [due day, scene id, choice index, index into the choice's `later`].
# A list, not a tuple, because it is saved as JSON and read back as one.
Pending = list[Any]
# The state at the start of a day, as `GameState.snapshot()` gives it (plain data, for "what if").
Snapshot = dict[str, Any]


@dataclass
class GameState:
    campaign: str
    seed: int
    profile: str | None = None
    scenario: str | None = None       # set when one training scenario is played on its own
    step: int = 0                     # advances with every scene and choice; feeds the random draws
    block: int = 0                    # index into the campaign's calendar
    day_index: int = 0                # day within the block
    slot: int = 0                     # slot within the day
    day: int = 1                      # day counter shown to the player
    status: str = "scene"             # scene | day_end | block_end | ending
    scene: str | None = None
    after: str | None = None          # the slot's own scene, when an event played before it
    vars: dict[str, Any] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    seen: dict[str, int] = field(default_factory=dict)
    subject: dict[str, float] | None = None
    chars: dict[str, dict[str, float]] = field(default_factory=dict)
    today: list[str] = field(default_factory=list)
    log: list[Change] = field(default_factory=list)      # today's changes, for the day's summary
    history: list[Taken] = field(default_factory=list)   # every choice made
    principles: dict[str, list[int]] = field(default_factory=dict)  # id -> [followed, broken]
    days: list[Snapshot] = field(default_factory=list)   # state at the start of each day (what-if)
    ending: str | None = None
    skipped: list[str] = field(default_factory=list)
    pending: list[Pending] = field(default_factory=list)  # [due day, scene, choice index, later index]

    def snapshot(self) -> Snapshot:
        """This state as plain data, without the per-day snapshots (which hold copies of it).

        The engine takes one at the start of every day, so this must stay cheap however long the
        game: it skips `days` rather than copying the earlier snapshots, and it shares the entries of
        `history` (each is written once, when its choice is made, and never changed) instead of
        copying them all again every day.
        """
        return self._plain(skip="days", share="history")

    def to_dict(self) -> dict[str, Any]:
        return self._plain()

    def _plain(self, skip: str = "", share: str = "") -> dict[str, Any]:
        out: dict[str, Any] = {"version": SAVE_VERSION}
        for name in _FIELD_NAMES:
            if name == skip:
                continue
            value = getattr(self, name)
            if type(value) in _ATOMS:
                pass
            elif name == "flags":
                value = sorted(value)
            elif name == share:
                value = list(value)
            else:
                value = _copy(value)
            out[name] = value
        return out

    @classmethod
    def from_dict(cls, data: Any) -> "GameState":
        if not isinstance(data, dict):
            raise SaveFormatError("this is not a Neighbour save (expected a mapping of fields)")
        version = data.get("version")
        if not isinstance(version, int):
            raise SaveFormatError("this save has no format version, so it is not a Neighbour save")
        if version > SAVE_VERSION:
            raise SaveFormatError(f"this save was made by a newer version of Neighbour (format "
                                  f"{version}; this one reads up to {SAVE_VERSION}); update the game")
        if version < OLDEST_READABLE:
            raise SaveFormatError(f"this save is from an old version of Neighbour (format {version}); "
                                  f"this one reads formats {OLDEST_READABLE} to {SAVE_VERSION}")
        kwargs: dict[str, Any] = {}
        expect = {f.name: f for f in fields(cls)}
        for name in ("campaign", "seed"):
            if name not in data:
                raise SaveFormatError(f"this save is missing '{name}'")
        for name, f in expect.items():
            if name not in data:
                continue
            value = data[name]
            if not _type_ok(name, value):
                raise SaveFormatError(f"this save is damaged: '{name}' has the wrong kind of value")
            kwargs[name] = set(value) if name == "flags" else value
        return cls(**kwargs)


_FIELD_NAMES = tuple(f.name for f in fields(GameState))
_ATOMS = frozenset({str, int, float, bool, type(None)})
_IS_ATOM = _ATOMS.__contains__


def _copy(value: Any) -> Any:
    """A deep copy of plain data, several times faster than `copy.deepcopy` for it."""
    t = type(value)
    if t is dict:
        if all(map(_IS_ATOM, map(type, value.values()))):  # the usual case, checked at C speed
            return value.copy()
        return {k: _copy(v) for k, v in value.items()}
    if t is list:
        if all(map(_IS_ATOM, map(type, value))):
            return value.copy()
        return [_copy(v) for v in value]
    if t in _ATOMS:
        return value
    return copy.deepcopy(value)


_TYPES: dict[str, tuple[type, ...]] = {
    "campaign": (str,), "seed": (int,), "profile": (str, type(None)), "scenario": (str, type(None)),
    "step": (int,), "block": (int,), "day_index": (int,), "slot": (int,), "day": (int,),
    "status": (str,), "scene": (str, type(None)), "after": (str, type(None)), "vars": (dict,),
    "flags": (list,), "seen": (dict,), "subject": (dict, type(None)), "chars": (dict,),
    "today": (list,), "log": (list,), "history": (list,), "principles": (dict,), "days": (list,),
    "ending": (str, type(None)), "skipped": (list,), "pending": (list,),
}


def _type_ok(name: str, value: Any) -> bool:
    want = _TYPES.get(name)
    if want is None:
        return True
    if isinstance(value, bool) and bool not in want:
        return False
    if not isinstance(value, want):
        return False
    if name == "status" and value not in ("scene", "day_end", "block_end", "ending"):
        return False
    if name == "subject" and isinstance(value, dict):  # a dict or None, as checked above
        return all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value.values())
    if name == "chars" and isinstance(value, dict):
        return all(isinstance(d, dict) for d in value.values())
    return True
