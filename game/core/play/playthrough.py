"""One playthrough and everything about how it is being played, with no window in sight.

    play = Playthrough.new(content, "resident", profile="sander", seed=7, room=Room("class", code="7B"))
    play.on(FINISHED, lambda p: ...)          # rooms listen: a class writes its result, a kiosk counts
    play.where()                              # a typed view: status, day, scene, choices, place
    play.choose(choice); play.proceed(); play.skip(); play.rewind(3); play.finish_now()

The engine (the story's rules over one `GameState`) is owned here, with the rest of the play state
that is not the story's: which room it is played in and the class's session code, the content notes
already shown, the last place seen, the finished run's result and where it was written, and the run
before a "what if". All of it is saved (`record()`, beside the state in a save) and read back.

Every verb announces what happened (`MOVED` after any change, `DAY_ENDED`, `PHASE_ENDED`, `FINISHED`,
`RESULT_READY`), so a front end observes progress instead of driving it; result files are written
here when a room asks for them (`Room.results_folder`), never by a screen.
"""

from __future__ import annotations

import logging
import os
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from ..content import Choice, Content, Scene
from . import results, saves, shifts
from .campaigns import budgets_spent
from .engine import Engine
from .state import GameState, SaveFormatError

log = logging.getLogger("neighbour.play")

Status = Literal["scene", "day_end", "block_end", "ending"]
Event = Literal["moved", "day_ended", "phase_ended", "finished", "result_ready"]
MOVED: Event = "moved"               # the state changed (any verb); show where the game is now
DAY_ENDED: Event = "day_ended"       # a day's last scene is over; its summary comes next
PHASE_ENDED: Event = "phase_ended"   # a block of days is over; its reflection comes next
FINISHED: Event = "finished"         # the story reached an ending
RESULT_READY: Event = "result_ready"  # the finished run's result is built (and written, when asked)
DEFAULT_PLACE = "common_room"


@dataclass
class Room:
    """How this playthrough is played: the room's name ("play", "class", "training", "kiosk"), the
    class's session code, and the folder its result file goes to (None: none is written)."""

    name: str = "play"
    code: str | None = None
    results_folder: str | None = None
    keeps_result: bool = False   # build a result when the story ends even if none is written
    student: str | None = None   # the student's anonymous key for the session (student.py)
    trainee: str | None = None   # the trainee's ID, when the trainer gave one


@dataclass(frozen=True)
class Where:
    """Where the game is, for a front end to show: read it, never change it."""

    status: Status
    day: int
    phase: str
    slot: str
    scene: Scene | None
    choices: tuple[Choice, ...]
    place: str


@dataclass
class Record:
    """The play state beyond the story's own: saved beside the `GameState`."""

    room: str = "play"
    code: str | None = None
    noted: set[tuple[int, str]] = field(default_factory=set)  # (day, kind) content notes shown
    place: str = DEFAULT_PLACE       # the last place a scene named, for scenes that name none
    finished: bool = False
    result: dict[str, Any] | None = None   # the finished run's result
    result_path: str | None = None         # where it was written; "" when writing failed
    result_error: str | None = None        # why writing failed, for the player
    earlier: dict[str, Any] | None = None  # the run before going back ("what if"), to compare
    rewound_from: int | None = None        # the day a "what if" went back to
    run_id: str = field(default_factory=lambda: secrets.token_hex(8))  # the same in every copy of its file
    kept: dict[str, Any] | None = None     # what the result file holds: the first run, later ones inside
    cut_short: bool = False                # ended with "finish now", not by the story
    trainee: str | None = None             # the trainee's ID, when one was given

    def to_dict(self) -> dict[str, Any]:
        return {"room": self.room, "code": self.code, "noted": sorted([d, w] for d, w in self.noted),
                "place": self.place, "finished": self.finished, "result": self.result,
                "result_path": self.result_path, "result_error": self.result_error, "earlier": self.earlier,
                "rewound_from": self.rewound_from, "run_id": self.run_id, "kept": self.kept,
                "cut_short": self.cut_short, "trainee": self.trainee}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        """A record from a save; anything missing or of the wrong kind takes its default (a save
        from before records were kept has none at all)."""
        out = cls()
        for name, kinds in _RECORD_TYPES.items():
            value = data.get(name)
            if isinstance(value, kinds) and (bool in kinds or not isinstance(value, bool)):
                setattr(out, name, value)
        noted = data.get("noted", [])
        if isinstance(noted, list):
            out.noted = {(n[0], n[1]) for n in noted if isinstance(n, list) and len(n) == 2
                         and isinstance(n[0], int) and isinstance(n[1], str)}
        return out


_RECORD_TYPES: dict[str, tuple[type, ...]] = {
    "room": (str,), "code": (str, type(None)), "place": (str,), "finished": (bool,),
    "result": (dict, type(None)), "result_path": (str, type(None)), "result_error": (str, type(None)),
    "earlier": (dict, type(None)), "rewound_from": (int, type(None)), "run_id": (str,),
    "kept": (dict, type(None)), "cut_short": (bool,), "trainee": (str, type(None)),
}
Listener = Callable[["Playthrough"], None]


class Playthrough:
    """The engine and all play state of one run; the verbs a player has; events for the rooms."""

    def __init__(self, engine: Engine, room: Room | None = None, record: Record | None = None):
        self.engine = engine
        self.room = room or Room(record.room if record else "play", record.code if record else None)
        self.record = record or Record(room=self.room.name, code=self.room.code, trainee=self.room.trainee)
        self.started = time.time()
        self.lang = "en"  # the language a result records; the front end keeps it to the player's
        self.saved_day = engine.state.day if record is not None else 0
        self._listeners: dict[Event, list[Listener]] = {}
        self._budgets: list[str] | None = None
        self._note_place()

    # -- starting -------------------------------------------------------------------------------
    @classmethod
    def new(cls, content: Content, campaign: str, profile: str | None = None, seed: int | None = None,
            scenario: str | None = None, room: Room | None = None) -> Playthrough:
        seed = int(seed if seed is not None else (time.time_ns() // 1000) % 2**31)
        return cls(Engine.new(content, campaign, profile=profile, seed=seed, scenario=scenario), room)

    @classmethod
    def restore(cls, content: Content, state: GameState, saved: dict[str, Any] | None = None,
                room: Room | None = None) -> Playthrough:
        """A saved playthrough, attached to this content; a scene the content no longer has starts
        its day again (`repair()` says so). Raises EngineError when the campaign is gone."""
        problem = saves.unfit(content, state)
        if problem:  # a save re-signed by hand, or of other content: told, never a crash later
            raise SaveFormatError(f"this save does not fit the story: {problem}")
        record = Record.from_dict(saved or {})
        play = cls(Engine(content, state), room, record)
        if room is not None:
            play.record.room, play.record.code = room.name, room.code
        if state.status == "scene" and play.engine.scene is None:
            play.engine.restart_day()
        try:
            play.where()  # everything a screen asks first, so a bad save fails here, not mid-draw
        except (LookupError, TypeError, ValueError, ArithmeticError) as exc:
            raise SaveFormatError(f"this save does not fit the story ({type(exc).__name__})") from None
        return play

    def rebind(self, content: Content) -> bool:
        """Attach to content read again (F5); True when the scene had gone and its day began again.
        Raises EngineError when the campaign itself is gone."""
        state = self.engine.state
        self.engine = Engine(content, state)
        if state.status == "scene" and state.scene not in content.scenes:
            self.engine.restart_day()
            self._emit(MOVED)
            return True
        return False

    # -- events ---------------------------------------------------------------------------------
    def on(self, event: Event, listener: Listener) -> None:
        """Call `listener(playthrough)` whenever `event` happens."""
        self._listeners.setdefault(event, []).append(listener)

    def _emit(self, event: Event) -> None:
        for listener in list(self._listeners.get(event, ())):
            listener(self)

    # -- what a front end reads -----------------------------------------------------------------
    @property
    def content(self) -> Content:
        return self.engine.content

    @property
    def state(self) -> GameState:
        return self.engine.state

    @property
    def status(self) -> Status:
        status: Status = self.engine.state.status  # type: ignore[assignment]
        return status

    @property
    def finished(self) -> bool:
        return self.record.finished

    @property
    def place(self) -> str:
        """The place to show: the current scene's, else the last one a scene named."""
        return self.record.place

    def budgets(self) -> list[str]:
        """The budgets this story's choices spend, shown beside the meters (worked out once)."""
        if self._budgets is None:
            self._budgets = budgets_spent(self.engine.content, self.engine.campaign.id)
        return self._budgets

    def where(self) -> Where:
        e = self.engine
        scene = e.scene
        return Where(status=self.status, day=e.state.day, phase=e.phase, slot=e.slot_name, scene=scene,
                     choices=tuple(e.choices()), place=self.record.place)

    def notes_due(self) -> tuple[str, ...]:
        """The content notes to show before the current scene, once per kind a day: a scene that goes
        on with the same subject is not asked about again. Marks them shown."""
        scene = self.engine.scene
        if scene is None or not scene.warnings:
            return ()
        day = self.engine.state.day
        if all((day, w) in self.record.noted for w in scene.warnings):
            return ()
        self.record.noted.update((day, w) for w in scene.warnings)
        return tuple(scene.warnings)

    # -- the verbs ------------------------------------------------------------------------------
    def choose(self, choice: int | Choice) -> None:
        """Take a choice. Its entry in the history also keeps the choices that were on offer (a class
        report compares a choice only among those who could make it) and, in a story that follows
        residents, what it changed for each of them (a training review's numbers for one shift)."""
        e = self.engine
        offered = [c.id for c in e.choices()] if e.state.status == "scene" else []
        before = shifts.residents_now(e)
        taken = len(e.state.history)
        e.choose(choice)
        if len(e.state.history) > taken:
            entry = e.state.history[taken]
            entry["offered"] = offered
            if before:
                entry["residents"] = shifts.resident_changes(e.content, before, shifts.residents_now(e))
        self._moved()

    def proceed(self) -> None:
        """Go on from a day's summary or the end of a phase."""
        self.engine.proceed()
        self._moved()

    def skip(self) -> None:
        """Skip the current scene (after its content note)."""
        self.engine.skip()
        self._moved()

    def finish_now(self) -> None:
        """End the story here (a lesson running out of time): the result says it was cut short."""
        if self.status != "ending":
            self.record.cut_short = True
        self.engine.finish_now()
        self._moved()

    def rewind(self, day: int) -> None:
        """Go back to the start of an earlier day ("what if"); the run so far is kept to compare."""
        self.record.earlier = self.record.result
        self.engine.rewind(day)
        self.record.finished = False
        self.record.result = None
        self.record.result_error = None   # the path stays: the next ending rewrites the same file
        self.record.rewound_from = day
        self.record.cut_short = False
        self._moved()

    def days_to_rewind_to(self) -> list[int]:
        return [int(snap["day"]) for snap in self.engine.state.days]

    def _note_place(self) -> None:
        """Remember the place the current scene names (kept for scenes that name none)."""
        scene = self.engine.scene
        if scene is not None and scene.place:
            self.record.place = scene.place

    def _moved(self) -> None:
        self._note_place()
        status = self.status
        if status == "day_end":
            self._emit(DAY_ENDED)
        elif status == "block_end":
            self._emit(PHASE_ENDED)
        elif status == "ending" and not self.record.finished:
            self._finish()
        self._emit(MOVED)

    def _finish(self) -> None:
        record = self.record
        record.finished = True
        self._emit(FINISHED)
        if self.room.results_folder is not None or self.room.keeps_result:
            run = results.build(self.engine, self.room.name, record.code, self.lang, self.about())
            record.result = run
            record.kept = run if record.kept is None else results.with_what_if(record.kept, run, record.rewound_from)
            if self.room.results_folder is not None:
                self.write_result(self.room.results_folder)
            self._emit(RESULT_READY)

    def about(self) -> dict[str, Any]:
        """What a result records beyond the story: the run's id, the student's key, the trainee's ID,
        and whether the run was cut short."""
        return {"id": self.record.run_id, "student": self.room.student, "trainee": self.record.trainee,
                "cut_short": self.record.cut_short}

    # -- results and saves ----------------------------------------------------------------------
    def result(self) -> dict[str, Any]:
        """The run's result: the one built when it ended, else one built now (a run stopped early)."""
        if self.record.result is None:
            return results.build(self.engine, self.room.name, self.record.code, self.lang, self.about())
        return self.record.result

    def write_result(self, folder: str) -> str | None:
        """Write the result file into `folder` (what `record.kept` holds: the first run with any "what
        if" runs inside, so a student has one file); over the file written before when it is in the
        same folder. Its path, or None (the reason in `record.result_error`, for the player)."""
        record = self.record
        data = record.kept or self.result()
        old = record.result_path
        same = old is not None and old != "" and os.path.dirname(os.path.abspath(old)) == os.path.abspath(folder)
        try:
            path = results.save(data, folder, old if same else None)
        except OSError as exc:
            log.warning("result file could not be written to %s: %s", folder, exc)
            record.result_error = exc.strerror or str(exc)
            if record.result_path is None:
                record.result_path = ""
            return None
        record.result_path, record.result_error = path, None
        return path

    def autosave_due(self) -> bool:
        """True when a day has passed since the last save (or nothing was saved yet)."""
        return self.engine.state.day != self.saved_day

    def saved(self) -> None:
        self.saved_day = self.engine.state.day

    def label(self, tr: Callable[[Any], str]) -> dict[str, Any]:
        """What a save menu shows of this playthrough, in words `tr` turns into the player's language."""
        e = self.engine
        camp = e.campaign
        profile = next((p for p in camp.profiles if p.id == e.state.profile), None)
        phase = self.content.phases.get(e.phase)
        return {"campaign": tr(camp.title), "profile": tr(profile.name) if profile else "",
                "day": e.state.day, "phase": tr(phase.name if phase else None),
                "campaign_id": camp.id, "profile_id": e.state.profile or ""}  # to name it in another language
