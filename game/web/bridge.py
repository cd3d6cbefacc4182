"""The browser edition's one Python entry point: runs in Pyodide, drives game.core's Playthrough.

The page (app.js) calls these functions with plain strings and numbers and gets JSON text back:

    boot(content_json, home)   read the compiled content (jsonform); home: a folder in Pyodide's memory
    awake()                    after a start-up snapshot was restored instead (build.py, snapshot.mjs)
    title(lang) briefing(campaign, lang)
    start(options_json)        {"campaign", "profile", "seed", "room", "code", "secret", "lang", "preview"}
    act(name, arg)             "choose" i, "proceed", "note" 0|1 (go on or skip), "finish_now", "rewind" day
    save() restore(text)       the desktop's save format (core/play/saves.py), kept by the page in localStorage
    result()                   the result file (core/play/results.py), downloaded by the student

Nothing here draws, and nothing here decides what the story does: that is the core's. A classroom
session's seed comes from its code exactly as on the desktop (`results.session_seed`), so the same
code gives the same events and choice order in both editions.
"""

from __future__ import annotations

import json
import os
from typing import Any

from ..core.content import Content
from ..core.load import jsonform
from ..core.play import preview as pv
from ..core.play import results, saves
from ..core.play.engine import CONTINUE
from ..core.play.playthrough import Playthrough, Room
from ..core.play.state import SaveFormatError
from . import views

ROOMS = ("play", "class", "training", "kiosk")


class Session:
    """The one game the page is playing, and how it is being played."""

    def __init__(self, content: Content):
        self.content = content
        self.play: Playthrough | None = None
        self.room = "play"
        self.lang = "en"
        self.level = pv.default_level("home")
        self.notes: tuple[str, ...] = ()
        self.feedback: dict[str, Any] | None = None
        self.show_notes = True
        self.changed: list[dict[str, Any]] = []

    def start(self, opts: dict[str, Any]) -> dict[str, Any]:
        room = opts.get("room") if opts.get("room") in ROOMS else "play"
        code = _clean_code(opts.get("code")) if room == "class" else None
        if room == "class" and not code:
            return {"kind": "error", "message": self.content.ui("class.no_code", self.lang)}
        seed = results.session_seed(code) if code else opts.get("seed")
        student = None
        if room == "class" and code:
            _keep_secret(opts.get("secret"))
            from ..core.play.student import student_key
            student = student_key(code)
        self.room = room
        self.lang = str(opts.get("lang") or "en")
        self.show_notes = opts.get("notes") != "off"
        self.level = str(opts.get("preview") or pv.default_level("class" if room == "class" else "home"))
        camp = str(opts.get("campaign"))
        if camp not in self.content.campaigns:
            return {"kind": "error", "message": f"no campaign {camp!r}"}
        keep = room in ("class", "training")
        self.play = Playthrough.new(self.content, camp, profile=opts.get("profile") or None,
                                    seed=int(seed) if seed is not None else None,
                                    room=Room(room, code, keeps_result=keep, student=student))
        self.play.lang = self.lang
        return self.view()

    def view(self) -> dict[str, Any]:
        play = self.play
        if play is None:
            return views.title(self.content, self.lang)
        if self.feedback is not None:
            return self.feedback
        if play.status == "scene" and not self.notes:
            self.notes = play.notes_due() if self.show_notes else ()
            if not self.show_notes:
                play.notes_due()  # marked as seen, as the window does with notes switched off
        if self.notes:
            return views.notes(play, views.Words(self.content, self.lang), self.notes)
        out = views.view(play, self.room, self.lang, self.level)
        out["room"] = self.room
        if self.changed and out["kind"] == "scene":
            out["changed"] = self.changed
        out["journal"] = self.content.ui("text.journal", self.lang)
        return out

    def act(self, name: str, arg: int = 0) -> dict[str, Any]:
        play = self.play
        if play is None:
            return self.view()
        self.changed = []
        if self.feedback is not None:
            self.feedback = None
        elif self.notes:
            self.notes = ()
            if name == "note" and arg == 1:
                play.skip()
        elif name == "choose" and play.status == "scene":
            offered = play.engine.choices()
            if not 0 <= arg < len(offered):
                return self.view()
            choice = offered[arg]
            ids = [c.id for c in offered]
            day, logged = play.state.day, len(play.state.log)
            play.choose(arg)
            if play.state.day == day and len(play.state.log) > logged:
                self.changed = views.changes(views.Words(self.content, self.lang), play.state.log[logged:])
            if self.room == "training" and choice is not CONTINUE:
                self.feedback = views.feedback(play, self.lang, choice, ids)
        elif name == "proceed" and play.status in ("day_end", "block_end"):
            play.proceed()
        elif name == "finish_now":
            play.finish_now()
        elif name == "rewind" and arg in play.days_to_rewind_to():
            play.rewind(arg)
        return self.view()


SESSION: Session | None = None
# the build (core.zip + content.json) a start-up snapshot of this interpreter was made for (snapshot.mjs)
SNAPSHOT_OF = ""


def _clean_code(code: Any) -> str | None:
    text = "".join(str(code or "").split()).upper()[:10]
    return text or None


def _keep_secret(secret: Any) -> None:
    """The student's secret (kept by the page in localStorage) in the file student.py reads."""
    from ..core import userdirs
    from ..core.play.student import SECRET_FILE
    if isinstance(secret, str) and len(secret) == 32:
        folder = userdirs.data_dir()
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, SECRET_FILE), "w", encoding="ascii") as fh:
            fh.write(secret)


def _out(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _session() -> Session:
    if SESSION is None:
        raise RuntimeError("boot() first")
    return SESSION


def boot(content_json: str, home: str = "/home/pyodide/neighbour") -> str:
    """Read the compiled content; {"ok": true} or {"ok": false, "errors": [...]}."""
    global SESSION
    os.environ.setdefault("NEIGHBOUR_HOME", home)
    os.environ.setdefault("NEIGHBOUR_CACHE", os.path.join(home, "cache"))
    content, report = jsonform.load_json(content_json)
    if content is None:
        return _out({"ok": False, "errors": [str(d) for d in report.errors]})
    SESSION = Session(content)
    return _out({"ok": True, "langs": sorted(content.languages) if hasattr(content, "languages") else []})


def before_snapshot(key: str) -> None:
    """Called by the build's snapshot maker (snapshot.mjs) after boot(): which build it belongs to."""
    global SNAPSHOT_OF
    SNAPSHOT_OF = key


def awake() -> str:
    """The page calls this after restoring a start-up snapshot made on the build machine: this
    browser's own randomness and time zone, then {"booted": bool, "of": the build it was made for}."""
    import random
    import time
    random.seed()
    if hasattr(time, "tzset"):
        time.tzset()
    return _out({"booted": SESSION is not None, "of": SNAPSHOT_OF})


def warm_plan() -> str:
    """What warm() plays: for each role, its shortest kind of story (a kiosk arc where there is one)."""
    if SESSION is None:
        return _out([])
    rank = {"short": 0, "lesson": 1, "full": 2}
    best: dict[str, tuple[int, str]] = {}
    for cid, camp in SESSION.content.campaigns.items():
        key = (rank.get(camp.kind, 3), cid)
        if camp.role not in best or key < best[camp.role]:
            best[camp.role] = key
    return _out([cid for _rank, cid in sorted(best.values())])


def warm(campaign: str) -> str:
    """Plays `campaign` through once, choosing the first choice, in a throwaway session the player
    never sees (the player's own session, save and result are not touched). The page calls it while
    the title is read, so code a browser compiles on first use (Pyodide's WebAssembly, the page's
    JavaScript) is compiled before the player's choices need it (docs/web.md: the median choice
    time halved; a story's first choice is still slower than the rest). The first view
    of each kind it met (scene, day's end, ending...), for the page to draw out of sight too; None if
    the story is not there or did not reach its ending."""
    if SESSION is None or campaign not in SESSION.content.campaigns:
        return _out(None)
    s = Session(SESSION.content)
    s.lang = SESSION.lang
    v = s.start({"campaign": campaign, "room": "play", "seed": 1})
    shown = {}
    for _ in range(400):
        if v.get("kind") not in ("scene", "notes", "day_end", "block_end", "feedback"):
            break
        v = s.act("choose" if v["kind"] == "scene" else "proceed", 0)
        shown.setdefault(v.get("kind"), v)
    if s.play is not None:
        views.journal(s.play, s.lang)
    return _out(shown if v.get("kind") == "ending" else None)


def strings(lang: str) -> str:
    """Every interface string in one language (the page's own labels, menus and settings)."""
    c = _session().content
    return _out({key: c.text(text, lang) for key, text in c.strings.items()})


def ui(key: str, values_json: str = "{}") -> str:
    """One interface string with its values filled in (plural forms need the core's rules)."""
    s = _session()
    values = json.loads(values_json)
    return _out(s.content.ui(key, s.lang, **(values if isinstance(values, dict) else {})))


def title(lang: str) -> str:
    s = _session()
    s.lang = lang
    return _out(views.title(s.content, lang))


def briefing(campaign: str, lang: str) -> str:
    s = _session()
    if campaign not in s.content.campaigns:
        return _out({"kind": "error", "message": f"no campaign {campaign!r}"})
    return _out(views.briefing(s.content, campaign, lang))


def start(options_json: str) -> str:
    opts = json.loads(options_json)
    return _out(_session().start(opts if isinstance(opts, dict) else {}))


def act(name: str, arg: int = 0) -> str:
    return _out(_session().act(name, int(arg)))


def view(lang: str | None = None) -> str:
    s = _session()
    if lang:
        s.lang = lang
        if s.play is not None:
            s.play.lang = lang
    return _out(s.view())


def journal() -> str:
    s = _session()
    return _out(views.journal(s.play, s.lang) if s.play else s.view())


def debrief() -> str:
    s = _session()
    return _out(views.debrief(s.play, s.lang) if s.play else s.view())


def review() -> str:
    s = _session()
    return _out(views.review(s.play, s.lang) if s.play else s.view())


def leave(lang: str | None = None) -> str:
    """Back to the title page, in `lang` (the page's setting) when given."""
    s = _session()
    if lang:
        s.lang = lang
    s.play, s.notes, s.feedback = None, (), None
    return _out(s.view())


def save() -> str:
    """The save's text (the desktop's format), or "" when nothing is being played."""
    s = _session()
    if s.play is None:
        return ""
    play = s.play
    label = play.label(lambda text: s.content.text(text, s.lang) if isinstance(text, dict) else str(text or ""))
    return saves.encode(play.state, label, play.record.to_dict()).decode("utf-8")


def restore(text: str) -> str:
    """Play on from a save; {"kind": "broken", "message": why} when it cannot be used."""
    s = _session()
    try:
        state, _label, record = saves.decode_all(text.encode("utf-8"))
        room_name = record.get("room") if record.get("room") in ROOMS else "play"
        room = Room(room_name, record.get("code"), keeps_result=room_name in ("class", "training"))
        s.play = Playthrough.restore(s.content, state, record, room)
    except (SaveFormatError, ValueError, KeyError, TypeError) as exc:
        return _out({"kind": "broken", "message": str(exc)})
    except Exception as exc:  # noqa: BLE001 - a save that does not fit this story (EngineError)
        return _out({"kind": "broken", "message": str(exc) or type(exc).__name__})
    s.room, s.notes, s.feedback = room_name, (), None
    s.play.lang = s.lang
    return _out(s.view())


def check(text: str) -> str:
    """Whether a save from the page's storage can be played: {"ok": true} or {"ok": false, "message"}."""
    s = _session()
    try:
        state, _label, _record = saves.decode_all(text.encode("utf-8"))
    except SaveFormatError as exc:
        return _out({"ok": False, "message": str(exc)})
    except Exception as exc:  # noqa: BLE001 - anything a stored text can hold
        return _out({"ok": False, "message": str(exc) or type(exc).__name__})
    if state.campaign not in s.content.campaigns:
        return _out({"ok": False, "message": f"the story {state.campaign!r} is not in this edition"})
    return _out({"ok": True})


def result() -> str:
    """The result file to download: {"name", "text", "code"}; what `python main.py report` reads."""
    s = _session()
    if s.play is None:
        return _out(None)
    data = s.play.record.kept or s.play.result()
    return _out({"name": results.file_name(data), "text": json.dumps(data, ensure_ascii=False, indent=1),
                 "code": data.get("code", "")})
