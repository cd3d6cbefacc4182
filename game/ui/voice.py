"""Self-voicing: an optional voice that reads the screen aloud, for a player who cannot read it.

The words always come from the screens and the story (`words_for`: a scene's own text, its fact and
its choices; a menu's title, body and items; otherwise the text the screen has just drawn), never
from here. Speech runs in a worker thread through pyttsx3 (espeak-ng on Linux, SAPI on Windows, the
macOS voice), so the frame loop never waits for it; something new to say cuts off what is being said.
Without pyttsx3 or a voice for the language, the voice says why (`problem`) and the game goes on
silently: installing it is `pip install "neighbour[voice]"` (and espeak-ng on Linux).
"""

from __future__ import annotations

import logging
import queue
import re
import threading
from typing import Any

log = logging.getLogger("neighbour.voice")

_STOP = object()


def _matches(voice: Any, lang: str) -> bool:
    """Whether a pyttsx3 voice speaks `lang` ("en", "nb"): by its languages, else its id or name."""
    wanted = {"nb": ("nb", "no", "nor", "norwegian"), "nn": ("nn", "no", "norwegian")}.get(lang, (lang,))
    langs = []
    for item in getattr(voice, "languages", None) or []:
        langs.append((item.decode("latin-1", "ignore") if isinstance(item, bytes) else str(item)).lower()
                     .lstrip("\x05").replace("_", "-"))
    if any(code.split("-")[0] in wanted for code in langs):
        return True
    words = re.split(r"[^a-z]+", f"{getattr(voice, 'id', '')} {getattr(voice, 'name', '')}".lower())
    return any(w in wanted for w in words if len(w) > 1)


class Voice:
    """Speaks one thing at a time in a worker thread; `say` never blocks."""

    def __init__(self) -> None:
        self.enabled = False
        self.lang = "en"
        self.problem = ""                   # why there is no voice ("" while there is one or we do not know)
        self.available: bool | None = None  # None until the worker has tried to start the engine
        self.spoken: list[str] = []         # the last few things said (tests and the log read it)
        self._queue: queue.Queue = queue.Queue()
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    # -- the game's side ---------------------------------------------------------------------
    def configure(self, enabled: bool, lang: str) -> None:
        self.enabled, self.lang = enabled, lang
        if not enabled:
            self.stop()
        else:
            self._start()

    def say(self, text: str, interrupt: bool = True) -> None:
        """Speak `text` (cutting off what is being said unless `interrupt` is False)."""
        text = " ".join(text.split()) if "\n" not in text else "\n".join(" ".join(p.split()) for p in text.split("\n"))
        text = text.strip()
        if not self.enabled or not text:
            return
        self._start()
        if interrupt:
            self._drain()
            self._cancel.set()
        self.spoken = (self.spoken + [text])[-20:]
        self._queue.put((text, self.lang))

    def stop(self) -> None:
        self._drain()
        self._cancel.set()

    def close(self) -> None:
        """End the worker (at quit)."""
        self.stop()
        if self._thread is not None:
            self._queue.put(_STOP)
            self._thread.join(timeout=1.0)
            self._thread = None

    def _drain(self) -> None:
        try:
            while True:
                self._queue.get_nowait()
        except queue.Empty:
            pass

    def _start(self) -> None:
        with self._lock:
            if self._thread is None and self.available is not False:
                self._thread = threading.Thread(target=self._work, name="neighbour-voice", daemon=True)
                self._thread.start()

    # -- the worker's side --------------------------------------------------------------------
    def _engine(self) -> Any:
        try:
            import pyttsx3  # type: ignore[import-not-found, import-untyped, unused-ignore]
        except ImportError:
            self.problem = "pyttsx3"
            return None
        try:
            return pyttsx3.init()
        except Exception as exc:  # noqa: BLE001 - any driver failure means: no voice
            log.info("no speech engine (%s); the voice is off", exc)
            self.problem = "engine"
            return None

    def _work(self) -> None:
        engine = self._engine()
        self.available = engine is not None
        if engine is None:
            log.info("self-voicing is unavailable (%s)", self.problem)
            with self._lock:
                self._thread = None
            return
        voices = []
        try:
            voices = list(engine.getProperty("voices") or [])
            engine.connect("started-word", lambda *a, **kw: self._cancel.is_set() and engine.stop())
        except Exception as exc:  # noqa: BLE001
            log.info("the speech engine lists no voices (%s)", exc)
        current = None
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            text, lang = item
            self._cancel.clear()
            if lang != current:
                current = lang
                match = next((v for v in voices if _matches(v, lang)), None)
                if match is not None:
                    engine.setProperty("voice", match.id)
                    self.problem = ""
                elif voices:
                    self.problem = f"lang:{lang}"
                    log.info("no voice for %s; reading with the default voice", lang)
            try:
                engine.say(text)
                engine.runAndWait()
            except Exception as exc:  # noqa: BLE001 - a voice that fails is silent, the game goes on
                log.info("speech failed (%s)", exc)


# -- what to say: the screen's own words ------------------------------------------------------------
def words_for(screen: Any, drawn: list[str] | None = None) -> str:
    """What a screen says when it opens: its own `speech()` if it has one; a scene's text, fact and
    choices; a menu's title, body and items; else the text it drew (`drawn`, from the kit's audit)."""
    own = getattr(screen, "speech", None)
    if callable(own):
        return str(own())
    if getattr(screen, "scene", None) is not None and hasattr(screen, "offered"):
        return scene_words(screen)
    if hasattr(screen, "items") and hasattr(screen, "title") and getattr(screen, "buttons", None):
        parts = [screen.title, getattr(screen, "body", "")]
        return "\n".join(p for p in parts if p) + "\n" + button_words(screen)
    lines = _join(drawn or [])
    return "\n".join(lines)


def scene_words(screen: Any) -> str:
    k = screen.kit
    scene = screen.scene
    parts: list[str] = []
    where = getattr(screen, "where_line", None)
    if callable(where):
        parts.append(where())
    if scene.speaker and scene.speaker in k.content.characters:
        ch = k.content.characters[scene.speaker]
        parts.append(k.tr(ch.name) + (f", {k.tr(ch.role)}" if ch.role else ""))
    if scene.title:
        parts.append(k.tr(scene.title))
    parts.append(k.tr(screen.engine.scene_text()))
    if scene.fact and scene.fact in k.content.facts:
        fact = k.content.facts[scene.fact]
        parts += [k.ui("play.fact"), k.tr(fact.text), k.tr(fact.caveat),
                  k.ui("play.source", source=fact.sources[0].title)]
    return "\n".join(p for p in parts if p) + "\n" + button_words(screen, limit=getattr(screen, "n_choices", None))


def button_words(screen: Any, limit: int | None = None) -> str:
    """The screen's buttons as they are offered: "1. Take your hour in the yard. costs Energy 2"."""
    out = []
    for b in screen.buttons[:limit]:
        if not b.label:
            continue
        out.append(focus_words(b))
    return "\n".join(out)


def focus_words(button: Any) -> str:
    from .input import badge
    head = f"{badge(button.number)}. " if button.number is not None else ""
    value = getattr(button, "value_label", None)
    value_text = f": {value()}" if callable(value) else ""
    note = f". {button.note}" if getattr(button, "note", "") else ""
    return f"{head}{button.label}{value_text}{note}"


def _join(lines: list[str]) -> list[str]:
    """Drawn text lines with repeats and lone key badges left out."""
    out: list[str] = []
    for line in lines:
        line = line.strip()
        if not line or len(line) <= 2 or (out and out[-1] == line):
            continue
        out.append(line)
    return out
